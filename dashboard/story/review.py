"""An analyst's review of one event, as the page's form gives it: a verdict and corrections.

Pure: turns form values into the `status` and the corrections `curation.save` records, keeping
only what the analyst changed and refusing malformed dates with a one-line message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from dashboard.humanize import text
from dashboard.period import Period
from dashboard.vocab import event_kinds

VERDICTS = ("keep", "verified", "rejected")
"""keep: no verdict (the event is 'corrected' when something changed, else 'auto')."""
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
KINDS = tuple(kind.name for kind in event_kinds())
FIELDS = ("date", "date_end", "precision", "summary", "actors", "kind")


class ReviewError(ValueError):
    """A form value that cannot be saved (a malformed date, an end before the start)."""


def last_day(first: dt.date, precision: str) -> dt.date | None:
    """The last day of the period starting on `first` at `precision` (None when not derivable):
    `Period.starting`, so a quarter, half, season, decade or century ends where the calendar's
    does.

    >>> last_day(dt.date(2025, 2, 1), "month"), last_day(dt.date(2025, 1, 9), "day")
    (datetime.date(2025, 2, 28), datetime.date(2025, 1, 9))
    >>> last_day(dt.date(2025, 1, 1), "quarter"), last_day(dt.date(2025, 1, 9), "")
    (datetime.date(2025, 3, 31), None)
    """
    period = Period.starting(first, precision)
    return period.last if period else None


def _day(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ReviewError(f"{name} {value!r} is not a YYYY-MM-DD date") from None


def changes(event: Mapping, values: Mapping) -> tuple[str, dict[str, str]]:
    """The status and corrections for `event` given the form's `values`.

    Blank or unchanged fields are left out. When the date changes but its last day does not,
    the last day follows from the precision (a day, week, month, quarter, year...).

    >>> changes({"date": "2025-01-09", "date_end": "2025-01-09", "precision": "day"},
    ...         {"verdict": "keep", "date": "2025-01-11"})
    ('corrected', {'date': '2025-01-11', 'date_end': '2025-01-11'})
    >>> changes({"summary": "A"}, {"verdict": "rejected", "summary": "A"})
    ('rejected', {})
    """
    verdict = text(values.get("verdict")) or "keep"
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    wanted = {name: text(values.get(name)) for name in FIELDS}
    found = {name: text(event.get(name)) for name in FIELDS}
    fixed = {name: value for name, value in wanted.items() if value and value != found[name]}
    if "date" in fixed or "date_end" in fixed or "precision" in fixed:
        first = _day(wanted["date"] or found["date"], "date")
        precision = wanted["precision"] or found["precision"]
        if "date_end" not in fixed:
            derived = last_day(first, precision)
            if derived is not None:
                fixed["date_end"] = derived.isoformat()
        last = _day(fixed.get("date_end") or found["date_end"] or first.isoformat(), "last day")
        if last < first:
            raise ReviewError(f"the last day {last} is before the first day {first}")
        fixed = {k: v for k, v in fixed.items() if v != found[k]}
    if verdict != "keep":
        return verdict, fixed
    return ("corrected" if fixed else "auto"), fixed


def merged(previous: Mapping | None, status: str, fixed: Mapping[str, str]) -> tuple[str, dict]:
    """The status and corrections to save, keeping the event's earlier corrections (`previous`
    is its current curation row, or None), since a save replaces that row.

    >>> merged({"summary": "Fixed", "date": ""}, "verified", {})
    ('verified', {'summary': 'Fixed'})
    >>> merged({"summary": "Fixed"}, "auto", {"kind": "capture"})
    ('corrected', {'summary': 'Fixed', 'kind': 'capture'})
    """
    kept = {name: text((previous or {}).get(name)) for name in FIELDS}
    corrections = {name: value for name, value in kept.items() if value} | dict(fixed)
    if status == "auto" and corrections:
        status = "corrected"
    return status, corrections
