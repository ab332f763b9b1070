"""Human formatting: dates at their own precision, numbers, text cells and safe links.

One date format for the whole page, as people write dates ("Jan. 9, 2025", "October 2024",
"Week of March 3, 2025", "Early on Feb. 19, 2025", "2015"), and a date is never shown more
precisely than it is known.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import pandas as pd

from dashboard.period import Period, unit_label
from dashboard.period import day as iso_day
from dashboard.period import day_label as _day_label
from dashboard.vocab import event_labels


def text(value: object) -> str:
    """A cell as plain text: missing values become ''.

    >>> text(pd.NA), text(None), text(" x ")
    ('', '', 'x')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def day_label(value: str) -> str:
    """An ISO day as people write it ('' when it is not one).

    >>> day_label("2025-01-09")
    'Jan. 9, 2025'
    """
    day = iso_day(value)
    return _day_label(day) if day else ""


def date_label(date: object, date_end: object = "", precision: object = "", timex: object = "",
               mod: object = "") -> str:
    """A date shown at its own precision, never more precise than it is (`Period.label`).

    >>> date_label("2024-10-01", "2024-10-31", "month", "2024-10")
    'October 2024'
    >>> date_label("2025-02-10", "2025-02-16", "week", "2025-W07")
    'Week of Feb. 10, 2025'
    >>> date_label("2010-01-01", "2019-12-31", "decade", "201")
    '2010s'
    >>> date_label("2024-10-01", "2024-10-31", "month", "2024-10", "START")
    'Early October 2024'
    """
    period = Period.of_row(text(date), text(date_end), text(precision), text(timex), text(mod))
    return period.label if period else "Undated"


def date_labels(events: pd.DataFrame) -> pd.Series:
    """`date_label` for every event, computed once per distinct date (fast on large tables)."""
    columns = ["date", "date_end", "precision", "timex", "mod"]
    keys = events[columns].astype("string").fillna("")
    distinct = keys.drop_duplicates()
    labels = distinct.assign(_label=[date_label(*row) for row in distinct.itertuples(index=False)])
    merged = keys.merge(labels, on=columns, how="left")["_label"]
    return merged.set_axis(events.index).astype("string")


def number_label(value: object, qualifier: object = "") -> str:
    """A figure with its qualifier, with thousands separators.

    >>> number_label(4000, "around")
    'around 4,000'
    """
    try:
        number = f"{int(value):,}"
    except (TypeError, ValueError):
        number = text(value)
    return f"{text(qualifier)} {number}".strip()


def built_label(mtime: float | None) -> str:
    """When the data was built, in UTC, or 'never' when there is no data.

    >>> built_label(0)
    'Jan. 1, 1970 00:00 UTC'
    """
    if mtime is None:
        return "never"
    moment = dt.datetime.fromtimestamp(mtime, tz=dt.UTC)
    return f"{day_label(moment.date().isoformat())} {moment:%H:%M} UTC"


MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def plain_markdown(value: object) -> str:
    r"""Text made inert for Streamlit's markdown (st.error, st.warning...): every ASCII
    punctuation mark backslash-escaped, so links, emphasis, HTML and :directives: show as typed.

    >>> print(plain_markdown("[x](javascript:alert(1)) *hi*"))
    \[x\]\(javascript\:alert\(1\)\) \*hi\*
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", text(value)).replace("\n", "  \n")


def safe_url(url: object) -> str:
    """The URL when it is http(s), else ''.

    >>> safe_url("javascript:alert(1)"), safe_url("https://example.org/a")
    ('', 'https://example.org/a')
    """
    value = text(url)
    parts = urlsplit(value)
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def link(url: object, label: object) -> str:
    """An escaped link when the URL is http(s), else the escaped label alone."""
    target, name = safe_url(url), html.escape(text(label) or text(url))
    if not target:
        return name
    return f'<a href="{html.escape(target, quote=True)}" target="_blank" rel="noopener">{name}</a>'


def split_highlight(sentence: object, sentence_start: object, char_start: object,
                    char_end: object, date_text: object) -> tuple[str, str, str]:
    """The sentence cut around its time expression: (before, expression, after).

    >>> split_highlight("He left in October 2024.", 100, 111, 123, "October 2024")
    ('He left in ', 'October 2024', '.')
    """
    whole, wanted = text(sentence), text(date_text)
    try:
        start = int(char_start) - int(sentence_start)
        end = int(char_end) - int(sentence_start)
    except (TypeError, ValueError):
        start, end = -1, -1
    if not (0 <= start < end <= len(whole)) or (wanted and whole[start:end] != wanted):
        start = whole.find(wanted) if wanted else -1
        end = start + len(wanted)
    if start < 0:
        return whole, "", ""
    return whole[:start], whole[start:end], whole[end:]


def kind_label(kind: object) -> str:
    """An event kind's label (`dashboard.vocab.event_kinds`), else the kind capitalised.

    >>> kind_label("capture"), kind_label("launch"), kind_label(None)
    ('Capture', 'Launch', 'Other')
    """
    value = text(kind)
    return event_labels().get(value) or (value[:1].upper() + value[1:] if value else "Other")


def event_date(event: Mapping) -> str:
    """An event's (row's) date at its own precision."""
    return date_label(event.get("date"), event.get("date_end"), event.get("precision"),
                      event.get("timex"), event.get("mod"))


SPAN_UNITS = {"day": "day", "week": "month", "month": "month", "quarter": "year",
              "half": "year", "season": "year", "year": "year"}
"""The unit each precision is shown at in the header's span: days, months or years only."""


def span_end_label(day: object, precision: object) -> str:
    """One end of a span: a day, a month or a year (a decade for coarser), never finer than known.

    >>> span_end_label("2025-02-19", "day"), span_end_label("2025-02-16", "week")
    ('Feb. 19, 2025', 'February 2025')
    >>> span_end_label("2015-12-31", "year"), span_end_label("2019-12-31", "decade")
    ('2015', '2010s')
    """
    moment = iso_day(text(day))
    if moment is None:
        return "Undated"
    unit = text(precision).lower()
    return unit_label(moment, SPAN_UNITS.get(unit, "century" if unit == "century" else "decade"))


def span_label(events: pd.DataFrame) -> str:
    """From the earliest `date` to the latest `date_end`, each at its own precision.

    Both ends use the same format family (day, month or year; no "Early"/"Late" prefixes), e.g.
    '2015 to Feb. 19, 2025'.
    """
    dated = events[events["date"].notna()]
    if dated.empty:
        return "no dated events"
    earliest = dated[dated["date"] == dated["date"].min()]  # (no sort: tables are large)
    first = earliest.loc[earliest["date_end"].fillna(earliest["date"]).idxmin()]
    ends = dated["date_end"].fillna(dated["date"])
    latest = dated[ends == ends.max()]
    last = latest.loc[latest["date"].idxmax()]
    begin = span_end_label(first["date"], first["precision"])
    end = span_end_label(ends[last.name], last["precision"])
    return begin if begin == end else f"{begin} to {end}"


STATUSES = {"auto": "Auto", "verified": "Verified", "corrected": "Corrected",
            "rejected": "Rejected"}


def status_label(status: object) -> str:
    """An event's curation status as a word ('Auto' when nobody has curated it).

    >>> status_label("verified"), status_label(None)
    ('Verified', 'Auto')
    """
    return STATUSES.get(text(status).lower(), "Auto")
