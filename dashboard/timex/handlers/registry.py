"""The handler of every rule: it turns a pattern match into (type, value, mod) in context.

Each handler takes (match, context) and returns a (type, value, mod) triple, or None to give the
span up (a shorter candidate at the same place is then tried).
"""

from __future__ import annotations

from dashboard.timex.handlers import absolute, durations, quarters, relative

HANDLERS = {
    "daylist": absolute.h_daylist,
    "weekof": absolute.h_weekof,
    "yearend": relative.h_yearend,
    "iso": absolute.h_iso,
    "numeric": absolute.h_numeric,
    "mdy": absolute.h_dated,
    "dmy": absolute.h_dated,
    "ymd": absolute.h_dated,
    "month_year": absolute.h_month_year,
    "month": absolute.h_month,
    "year": absolute.h_year,
    "decade": absolute.h_decade,
    "century": absolute.h_century,
    "weekday": relative.h_weekday,
    "deictic": relative.h_deictic,
    "partday": relative.h_partday,
    "relperiod": relative.h_relperiod,
    "quarter": quarters.h_quarter,
    "qcode": quarters.h_qcode,
    "yearago": quarters.h_yearago,
    "season": relative.h_season,
    "yearperiod": quarters.h_yearperiod,
    "spoken": absolute.h_spoken,
    "offset": relative.h_offset,
    "dayafter": relative.h_dayafter,
    "duration": durations.h_duration,
    "units": durations.h_units,
    "set": durations.h_set,
    "clock": absolute.h_clock,
    "overnight": relative.h_overnight,
    "ref": durations.h_ref,
    "holiday": absolute.h_holiday,
}
"""Rule name to handler."""
