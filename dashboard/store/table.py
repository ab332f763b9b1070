"""One schema per table, reading and validating the tables, and CSV lines (writing a data
folder atomically is `dashboard.store.folder`).

Every table function returns all of its schema's columns, even when it has no rows, so callers
never check for missing columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

EVENTS_COLUMNS = {
    "event_id": "string",
    "date": "string",
    "date_end": "string",
    "precision": "string",
    "timex": "string",
    "date_text": "string",
    "summary": "string",
    "sentence": "string",
    "actors": "string",
    "kind": "string",
    "attributed_to": "string",
    "source_id": "string",
    "source_url": "string",
    "source_title": "string",
    "published": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "outlet": "string",
    "timex_type": "string",
    "mod": "string",
    "photo_credit": "string",
    "sentence_start": "Int64",
    "story_event_id": "string",
    "conflict": "string",
    "status": "string",
}
"""The events table: the first 17 columns are the public contract, in this order."""

EVENTS_CONTRACT = list(EVENTS_COLUMNS)[:17]

FIGURES_COLUMNS = {
    "figure_id": "string",
    "value": "Int64",
    "number_text": "string",
    "counts": "string",
    "quantity": "string",
    "qualifier": "string",
    "attributed_to": "string",
    "as_of": "string",
    "as_of_precision": "string",
    "sentence": "string",
    "source_id": "string",
    "source_url": "string",
    "source_title": "string",
    "outlet": "string",
    "published": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}
"""The figures table: one numeric claim per row; `quantity` groups claims about the same thing."""

ACTORS_COLUMNS = {
    "name": "string",
    "kind": "string",
    "aliases": "string",
    "description": "string",
}
"""The actors table: one canonical name per actor; `aliases` is `; `-separated."""

SOURCES_COLUMNS = {
    "source_id": "string",
    "path": "string",
    "url": "string",
    "title": "string",
    "outlet": "string",
    "author": "string",
    "published": "string",
    "published_inferred": "boolean",
    "published_source": "string",
    "language": "string",
    "text_path": "string",
    "sha256": "string",
    "chars": "Int64",
}
"""The sources table: one article per row; `text_path` is its text as read, under the data dir."""

REFUSED_COLUMNS = {
    "path": "string",
    "url": "string",
    "reason": "string",
}
"""The refused table: each manifest row whose article could not be read, and why (one line
naming the file and the problem). Written only when a build refused something."""

SCHEMAS = {
    "events": EVENTS_COLUMNS,
    "figures": FIGURES_COLUMNS,
    "actors": ACTORS_COLUMNS,
    "sources": SOURCES_COLUMNS,
}
"""The tables every build writes."""
OPTIONAL_SCHEMAS = {"refused": REFUSED_COLUMNS}
"""The tables a build writes only when they have rows."""


def frame(rows: list[dict], schema: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns and dtypes, whatever the rows hold.

    >>> list(frame([], ACTORS_COLUMNS).columns)
    ['name', 'kind', 'aliases', 'description']
    """
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(schema))
    return df.astype(schema)


def read(data_dir: str | Path, name: str) -> pd.DataFrame:
    """Read table `name` from `data_dir`; an absent file reads as an empty table.

    Empty text cells read as "" (not missing), so callers can use string methods directly.
    """
    import pandas as pd

    schema = SCHEMAS.get(name) or OPTIONAL_SCHEMAS[name]
    path = Path(data_dir) / f"{name}.csv"
    if not path.exists():
        return frame([], schema)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for column in schema:
        if column not in df.columns:
            df[column] = pd.NA
    for column, dtype in schema.items():
        if dtype == "boolean":
            df[column] = df[column].map(_BOOLEANS, na_action="ignore")
        elif dtype == "string":
            df[column] = df[column].fillna("")
    extra = [c for c in df.columns if c not in schema]
    return pd.concat([df[list(schema)].astype(schema), df[extra]], axis=1)


_BOOLEANS = {"True": True, "False": False, "true": True, "false": False, "1": True, "0": False}


def to_csv_text(df: pd.DataFrame) -> str:
    """The table as CSV text, the way every file and download of this project writes it: lines
    end in "\\n", and a cell holding a line break or a lone carriage return is quoted."""
    text = df.to_csv(index=False, lineterminator="\n")
    if "\r" not in text:
        return text
    return _records_end_in_lf(df.to_csv(index=False, lineterminator="\r\n"))


def csv_lines(rows: Iterable[Sequence]) -> list[str]:
    r"""Rows as CSV lines (None as an empty cell), byte for byte as `to_csv_text` writes them.

    >>> csv_lines([("a", 1, None, True), ("b, c", 2, "", False), ("x\ry", 3, "", "")])
    ['a,1,,True\n', '"b, c",2,,False\n', '"x\ry",3,,\n']
    """
    lines: list[str] = []
    writer = csv.writer(_Collector(lines), lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        if "\r" in lines[-1]:
            lines[-1] = _quoted_line(row)
    return lines


def _quoted_line(row: Sequence) -> str:
    """A row's CSV line with its carriage returns quoted (Python 3.11's csv module quotes
    only the characters of the line terminator, so a lone carriage return would otherwise
    end the line for every reader)."""
    found: list[str] = []
    csv.writer(_Collector(found), lineterminator="\r\n").writerow(row)
    return found[0].removesuffix("\r\n") + "\n"


def _records_end_in_lf(text: str) -> str:
    r"""CSV text written with "\r\n" line ends, with "\n" ends instead (the "\r\n"
    pairs inside quoted cells stay; a quoted cell has an even number of quote marks).

    >>> _records_end_in_lf('a,b\r\n"x\r\ny",1\r\n')
    'a,b\n"x\r\ny",1\n'
    """
    pieces = text.split("\r\n")
    out = [pieces[0]]
    inside = pieces[0].count('"') % 2 == 1
    for piece in pieces[1:]:
        out.append("\r\n" if inside else "\n")
        out.append(piece)
        inside ^= piece.count('"') % 2 == 1
    return "".join(out)


class _Collector:
    """A file-like sink for `csv.writer` that keeps each line as one string."""

    def __init__(self, lines: list[str]):
        self.write = lines.append
