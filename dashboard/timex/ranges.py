"""The precision and the first/last ISO day a TIMEX3 value covers, as the tagger stores them
(the days come from `dashboard.period.Period.of_value`).

>>> value_range("2025-W07", "DATE")
('week', '2025-02-10', '2025-02-16')
>>> value_range("199", "DATE")
('decade', '1990-01-01', '1999-12-31')
>>> value_range("2025-02-18TMO", "TIME")
('day', '2025-02-18', '2025-02-18')
"""

from __future__ import annotations

from dashboard.period import Period


def value_range(value: str, type_: str) -> tuple[str | None, str | None, str | None]:
    """(precision, date, date_end) of a value; all None for durations, sets and *_REF."""
    period = Period.of_value(value, type_)
    if period is None:
        return None, None, None
    return period.precision, period.date, period.date_end
