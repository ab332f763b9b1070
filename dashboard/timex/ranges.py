"""The precision and the first/last ISO day a TIMEX3 value covers.

>>> value_range("2025-W07", "DATE")
('week', '2025-02-10', '2025-02-16')
>>> value_range("199", "DATE")
('decade', '1990-01-01', '1999-12-31')
>>> value_range("2025-02-18TMO", "TIME")
('day', '2025-02-18', '2025-02-18')
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dashboard.timex.dates import parse_value, period_end

_TIME = re.compile(r"T(\d\d)(:\d\d)?(:\d\d)?")
_X_YEAR = re.compile(r"(\d{1,3})X+$")


@functools.lru_cache(maxsize=16384)
def value_range(value: str, type_: str) -> tuple[str | None, str | None, str | None]:
    """(precision, date, date_end) of a value; all None for durations, sets and *_REF (cached)."""
    if type_ in ("DURATION", "SET") or not value or value[0] not in "0123456789":
        return None, None, None
    xm = _X_YEAR.match(value)
    if xm:
        digits = xm.group(1)
        value = digits
        if len(digits) == 1:
            return "century", None, None
    parsed = parse_value(value)
    if parsed is None:
        return None, None, None
    gran, first = parsed
    last = period_end(gran, first)
    if gran == "weekend":
        first = first + dt.timedelta(days=5)
        gran = "week"
    precision = gran
    if gran == "day" and "T" in value:
        tm = _TIME.search(value)
        if tm:
            minute = tm.group(2) and tm.group(2) != ":00"
            precision = "second" if tm.group(3) else "minute" if minute else "hour"
    return precision, first.isoformat(), last.isoformat()
