"""Human curation: an analyst's verdicts and corrections, kept in `data/curation.csv`.

Rows are keyed by `event_id`, applied on every rebuild and every page load, and never dropped: a
correction whose event no longer exists stays in the file and is reported as an orphan.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.store import table
from dashboard.store.files import locked, write_atomic

if TYPE_CHECKING:
    import pandas as pd

CURATION_COLUMNS = {
    "event_id": "string",
    "status": "string",
    "date": "string",
    "date_end": "string",
    "precision": "string",
    "summary": "string",
    "actors": "string",
    "kind": "string",
    "note": "string",
    "updated": "string",
}
"""The curation file: a blank correction cell means "keep what the machine found"."""

STATUSES = ("auto", "verified", "corrected", "rejected")
CORRECTABLE = ("date", "date_end", "precision", "summary", "actors", "kind")
FILE = "curation.csv"


def read(data_dir: str | Path) -> pd.DataFrame:
    """The curation table (empty when there is none)."""
    import pandas as pd

    path = Path(data_dir) / FILE
    if not path.exists():
        return table.frame([], CURATION_COLUMNS)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in CURATION_COLUMNS:
        if column not in df.columns:
            df[column] = ""
    return df[list(CURATION_COLUMNS)].astype(CURATION_COLUMNS)


def apply(events: pd.DataFrame, curation: pd.DataFrame) -> pd.DataFrame:
    """Events with the curation applied and a `status` column (auto where nobody curated)."""
    events = events.copy()
    events["status"] = "auto"
    if curation.empty or events.empty:
        return events
    position = {event_id: i for i, event_id in enumerate(events["event_id"])}
    for event_id, row in _latest(curation):
        if event_id not in position:
            continue
        i = events.index[position[event_id]]
        changes, status = verdict(events.loc[i], row)
        for column, value in changes.items():
            events.at[i, column] = value
        events.at[i, "status"] = status
    return events


def latest(data_dir: str | Path) -> dict[str, dict[str, str]]:
    """The last curation row of each event, by event id, in the order of those rows: `read`
    without pandas, for the build (empty when there is no curation file).

    A row with fewer cells than the header has "" in the missing ones, like any absent column.
    """
    path = Path(data_dir) / FILE
    if not path.exists():
        return {}
    rows: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            row = {column: record.get(column) or "" for column in CURATION_COLUMNS}
            rows.pop(row["event_id"], None)
            rows[row["event_id"]] = row
    return rows


def apply_lines(lines: list[str], event_ids: list[str],
                curation: Mapping[str, Mapping[str, str]]) -> list[str]:
    """`apply` for events as CSV lines (every events column, in `table.EVENTS_COLUMNS` order;
    `event_ids` gives each line's event), with the curation as `latest` gives it: the lines
    with the curation applied."""
    if not curation or not lines:
        return lines
    lines = list(lines)
    columns = list(table.EVENTS_COLUMNS)
    position = {event_id: i for i, event_id in enumerate(event_ids)}
    for event_id, row in curation.items():
        if event_id not in position:
            continue
        i = position[event_id]
        event = dict(zip(columns, next(csv.reader(io.StringIO(lines[i]))), strict=True))
        changes, status = verdict(event, row)
        event.update(changes, status=status)
        lines[i] = table.csv_lines([list(event.values())])[0]
    return lines


def _latest(curation: pd.DataFrame) -> Iterator[tuple[str, pd.Series]]:
    """The last curation row of each event: (event_id, row)."""
    yield from curation.drop_duplicates("event_id", keep="last").set_index("event_id").iterrows()


def verdict(event: Mapping, row: Mapping) -> tuple[dict[str, str], str]:
    """What a curation row does to an event: the corrected values, and the event's status.

    >>> verdict({"date": "2025-01-09", "summary": "Captured"},
    ...         {"status": "", "date": "2025-01-10", "summary": "", "precision": "", "kind": "",
    ...          "date_end": "", "actors": ""})
    ({'date': '2025-01-10'}, 'corrected')
    """
    changes = {column: row[column] for column in CORRECTABLE
               if row[column] and row[column] != event.get(column)}
    status = row["status"] if row["status"] in STATUSES else ""
    if status in ("verified", "rejected"):
        return changes, status
    return changes, "corrected" if changes or status == "corrected" else status or "auto"


def orphans(events: pd.DataFrame, curation: pd.DataFrame) -> pd.DataFrame:
    """Curation rows whose event no longer exists (kept in the file, shown on the page)."""
    if curation.empty:
        return curation
    return curation[~curation["event_id"].isin(events["event_id"])]


def save(data_dir: str | Path, event_id: str, status: str, **corrections: str) -> pd.DataFrame:
    """Record a verdict or correction for one event, under the lock, atomically."""
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    unknown = set(corrections) - set(CORRECTABLE) - {"note"}
    if unknown:
        raise ValueError(f"cannot correct {', '.join(sorted(unknown))}")
    import pandas as pd

    data_dir = Path(data_dir)
    with locked(data_dir):
        current = read(data_dir)
        row = {column: "" for column in CURATION_COLUMNS}
        row.update({k: v or "" for k, v in corrections.items()})
        row.update(event_id=event_id, status=status,
                   updated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        kept = current[current["event_id"] != event_id]
        updated = pd.concat([kept, table.frame([row], CURATION_COLUMNS)], ignore_index=True)
        write_atomic(data_dir / FILE, table.to_csv_text(updated))
        _mirror(data_dir)
    return updated


def undo(data_dir: str | Path, event_id: str) -> pd.DataFrame:
    """Forget an event's curation (its status goes back to auto), under the lock, atomically;
    returns the curation left. An event nobody curated leaves the file as it is."""
    data_dir = Path(data_dir)
    with locked(data_dir):
        current = read(data_dir)
        kept = current[current["event_id"] != event_id].reset_index(drop=True)
        if len(kept) != len(current):
            write_atomic(data_dir / FILE, table.to_csv_text(kept))
            _mirror(data_dir)
    return kept


def _mirror(data_dir: Path) -> None:
    """Mirror the curation into the data folder's database (`database_write.sync_curation`)."""
    from dashboard.store import database_write  # (it reads this module's schema)

    database_write.sync_curation(data_dir)
