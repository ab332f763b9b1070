"""Calendar arithmetic on TIMEX3 values: parse a value to (granularity, first day), shift, format.

>>> import datetime as dt
>>> parse_value("2024-SU")
('season', datetime.date(2024, 6, 1))
>>> format_value("week", shift("week", dt.date(2025, 2, 19), "week", -1))
'2025-W07'
"""

from __future__ import annotations

import datetime as dt
import functools
import re

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each season (winter of year Y starts in December of Y)."""

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?P<t>T.*)?$|(?P<dec>\d{3})$|(?P<cen>\d\d)$"
)

MONTHS_OF = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120,
             "century": 1200}  # fmt: skip
"""Length in months of the month-based granularities."""


def week_monday(year: int, week: int) -> dt.date:
    """The Monday of ISO week `week` of `year` (clamped into the valid range)."""
    week = max(1, min(week, 53))
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return dt.date.fromisocalendar(year, 52, 1)


@functools.lru_cache(maxsize=16384)
def parse_value(value: str) -> tuple[str, dt.date] | None:
    """The granularity and first day of a calendar TIMEX3 value, or None for anything else.

    Cached: a text names the same few dates again and again.
    """
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        if m["dec"]:
            return "decade", dt.date(int(m["dec"]) * 10 or 1, 1, 1)
        if m["cen"]:
            return "century", dt.date(int(m["cen"]) * 100 or 1, 1, 1)
        y = int(m["y"]) or 1
        if m["d"]:
            return "day", dt.date(y, int(m["m"]), int(m["d"]))
        if m["m"]:
            return "month", dt.date(y, int(m["m"]), 1)
        if m["w"]:
            return ("weekend" if m["we"] else "week"), week_monday(y, int(m["w"]))
        if m["q"]:
            return "quarter", dt.date(y, 3 * int(m["q"]) - 2, 1)
        if m["h"]:
            return "half", dt.date(y, 6 * int(m["h"]) - 5, 1)
        if m["s"]:
            return "season", dt.date(y, SEASON_MONTH[m["s"]], 1)
        return "year", dt.date(y, 1, 1)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` months, the day clamped to the month's length."""
    k = d.year * 12 + d.month - 1 + n
    y, mo = divmod(k, 12)
    y = min(max(y, 1), 9999)
    last = month_end(dt.date(y, mo + 1, 1)).day
    return dt.date(y, mo + 1, min(d.day, last))


def month_end(d: dt.date) -> dt.date:
    """The last day of `d`'s month."""
    if d.month == 12:
        return dt.date(d.year, 12, 31)
    return dt.date(d.year, d.month + 1, 1) - dt.timedelta(days=1)


def shift(gran: str, d: dt.date, unit: str, n: int) -> dt.date:
    """The first day of the period of granularity `gran` starting at `d` moved by `n` units."""
    try:
        if unit in ("day", "week", "weekend"):
            step = 7 if unit != "day" else 1
            return d + dt.timedelta(days=step * n)
        months = MONTHS_OF.get(unit, 12) * n
        return add_months(d, months)
    except (OverflowError, ValueError):
        return d


def period_end(gran: str, d: dt.date) -> dt.date:
    """The last day of the period of granularity `gran` that starts on `d`."""
    try:
        if gran == "day":
            return d
        if gran == "week":
            return d + dt.timedelta(days=6)
        if gran == "weekend":
            return d + dt.timedelta(days=6)
        return add_months(dt.date(d.year, d.month, 1), MONTHS_OF.get(gran, 12)) - dt.timedelta(
            days=1
        )
    except (OverflowError, ValueError):
        return d


def period_start(gran: str, d: dt.date) -> dt.date:
    """The first day of the period of granularity `gran` that contains `d`."""
    if gran == "day":
        return d
    if gran in ("week", "weekend"):
        return d - dt.timedelta(days=d.isoweekday() - 1)
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "half":
        return dt.date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "season":
        y, mo = (d.year - 1, 12) if d.month < 3 else (d.year, 3 * (d.month // 3))
        return dt.date(y, mo, 1)
    if gran == "decade":
        return dt.date(max(d.year // 10 * 10, 1), 1, 1)
    if gran == "century":
        return dt.date(max(d.year // 100 * 100, 1), 1, 1)
    return dt.date(d.year, 1, 1)


def format_value(gran: str, d: dt.date) -> str:
    """The TIMEX3 value of the period of granularity `gran` that contains `d`."""
    y = f"{d.year:04d}"
    if gran == "day":
        return d.isoformat()
    if gran in ("week", "weekend"):
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{y}-{d.month:02d}"
    if gran == "quarter":
        return f"{y}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{y}-H{1 if d.month <= 6 else 2}"
    if gran == "season":
        s = period_start("season", d)
        code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[s.month]
        return f"{s.year:04d}-{code}"
    if gran == "decade":
        return y[:3]
    if gran == "century":
        return y[:2]
    return y
