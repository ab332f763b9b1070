"""Calendar arithmetic on TIMEX3 values for the tagger's rules: shift a period by some units.

Parsing a value to days, a period's first and last day and a day's value are
`dashboard.period`'s; they are named here too for the rules that import them from this module.

>>> import datetime as dt
>>> parse_value("2024-SU")
('season', datetime.date(2024, 6, 1))
>>> format_value("week", shift("week", dt.date(2025, 2, 19), "week", -1))
'2025-W07'
"""

from __future__ import annotations

import datetime as dt

from dashboard.period import (
    MONTHS_OF,
    SEASON_MONTH,
    add_months,
    format_value,
    month_end,
    parse_value,
    period_end,
    period_start,
    week_monday,
)

__all__ = ["MONTHS_OF", "SEASON_MONTH", "add_months", "format_value", "month_end", "parse_value",
           "period_end", "period_start", "shift", "week_monday"]


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
