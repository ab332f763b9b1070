"""One period of days: what a TIMEX3 value, or a stored event row, covers.

A `Period` is the first and last day of a stretch of calendar, the precision it is known to, the
TIMEX3 value it came from and that value's mod. Every layer passes this one value instead of
turning strings into dates and back; this module is the only place a TIMEX3 value is resolved to
days, and the only place the calendar arithmetic of weeks, quarters, halves, seasons, decades and
centuries is done.

>>> Period.of_value("2025-Q1")
Period(first=datetime.date(2025, 1, 1), last=datetime.date(2025, 3, 31), precision='quarter', \
value='2025-Q1', mod='')
>>> Period.of_value("2024-10", mod="START").label
'Early October 2024'
>>> Period.of_row("2025-02-10", "2025-02-16", "week", "2025-W07").label
'Week of Feb. 10, 2025'
>>> Period.of_value("PRESENT_REF") is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dashboard.records import record
from dashboard.vocab import months

PRECISIONS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "season",
              "year", "decade", "century")  # fmt: skip
"""The units a period can be known to, finest first."""
CLOCK = ("second", "minute", "hour")
"""Precisions finer than a day: the period is still that one day."""

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each season (winter of year Y starts in December of Y)."""
SEASON_OF_MONTH = {month: code for code, month in SEASON_MONTH.items()}
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
"""The season codes of TIMEX3 values as people name them."""
MODS = {
    "START": "Early", "MID": "Mid-", "END": "Late", "APPROX": "Around",
    "BEFORE": "Before", "AFTER": "After", "ON_OR_BEFORE": "By", "ON_OR_AFTER": "Since",
}
"""A TIMEX3 mod as the word put before a period's label ("Mid-" joins it: "Mid-March 2025")."""
DAY_MODS = {"START": "Early on", "MID": "Midday on", "END": "Late on"}
"""The mods whose words change before a single day ("Early on Feb. 19, 2025")."""
WEEK_MODS = {"START": "Early in the", "MID": "In the middle of the", "END": "Late in the"}
"""The mods whose words change before a week ("Late in the week of March 3, 2025")."""

MONTHS_OF = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120,
             "century": 1200}  # fmt: skip
"""Length in months of the month-based granularities."""

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?P<t>T.*)?$|(?P<dec>\d{3})$|(?P<cen>\d\d)$"
)
_TIME = re.compile(r"T(\d\d)(:\d\d)?(:\d\d)?")
_X_YEAR = re.compile(r"(\d{2,3})X+$")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def day(value: str) -> dt.date | None:
    """The ISO day a string starts with (a timestamp's date), or None.

    >>> day("2025-01-09T10:00"), day("soon")
    (datetime.date(2025, 1, 9), None)
    """
    try:
        return dt.date.fromisoformat(value[:10]) if _ISO_DAY.match(value) else None
    except (TypeError, ValueError):
        return None


def moved(d: dt.date, days: int) -> dt.date | None:
    """`d` moved by `days` days, or None past the calendar's ends (years 1 and 9999).

    >>> moved(dt.date(2025, 2, 28), 1), moved(dt.date(1, 1, 1), -1)
    (datetime.date(2025, 3, 1), None)
    """
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


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

    A weekend ("2025-W07-WE") starts on its week's Monday here, as the tagger's arithmetic
    counts it; `Period.of_value` gives its Saturday. Cached: a text names the same few dates
    again and again.

    >>> parse_value("2024-SU")
    ('season', datetime.date(2024, 6, 1))
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


def month_end(d: dt.date) -> dt.date:
    """The last day of `d`'s month."""
    if d.month == 12:
        return dt.date(d.year, 12, 31)
    return dt.date(d.year, d.month + 1, 1) - dt.timedelta(days=1)


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` months, the day clamped to the month's length (years kept in 1-9999)."""
    k = d.year * 12 + d.month - 1 + n
    y, mo = divmod(k, 12)
    y = min(max(y, 1), 9999)
    last = month_end(dt.date(y, mo + 1, 1)).day
    return dt.date(y, mo + 1, min(d.day, last))


def period_start(gran: str, d: dt.date) -> dt.date:
    """The first day of the calendar period of granularity `gran` that contains `d`."""
    if gran == "day" or gran in CLOCK:
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
        return dt.date(max(y, 1), mo, 1)
    if gran == "decade":
        return dt.date(max(d.year // 10 * 10, 1), 1, 1)
    if gran == "century":
        return dt.date(max(d.year // 100 * 100, 1), 1, 1)
    return dt.date(d.year, 1, 1)


def period_end(gran: str, d: dt.date) -> dt.date:
    """The last day of the period of granularity `gran` that starts on `d`: `d` itself for a
    day, six days on for a week, else the end of the calendar period holding `d` (`d` when the
    calendar ends first).

    >>> period_end("quarter", dt.date(2025, 1, 1)), period_end("week", dt.date(2025, 2, 12))
    (datetime.date(2025, 3, 31), datetime.date(2025, 2, 18))
    """
    try:
        if gran == "day" or gran in CLOCK:
            return d
        if gran in ("week", "weekend"):
            return moved(d, 6) or dt.date.max
        start = period_start(gran, d)
        end = add_months(start, MONTHS_OF.get(gran, 12)) - dt.timedelta(days=1)
        return end if end >= d else dt.date.max  # the calendar ends in 9999
    except (OverflowError, ValueError):
        return d


def format_value(gran: str, d: dt.date) -> str:
    """The TIMEX3 value of the period of granularity `gran` that contains `d`.

    >>> format_value("season", dt.date(2025, 1, 20)), format_value("weekend", dt.date(2025, 2, 15))
    ('2024-WI', '2025-W07-WE')
    """
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
        code = SEASON_OF_MONTH[s.month]
        return f"{s.year:04d}-{code}"
    if gran == "decade":
        return y[:3]
    if gran == "century":
        return y[:2]
    return y


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st..."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_label(d: dt.date) -> str:
    """A day as people write it, the month as a date writes it (the vocabulary's `written`).

    >>> day_label(dt.date(2025, 1, 9)), day_label(dt.date(2025, 3, 3))
    ('Jan. 9, 2025', 'March 3, 2025')
    """
    return f"{months()[d.month - 1].written} {d.day}, {d.year}"


@record
class Period:
    """The days `first`..`last` (both included), known to `precision` (see PRECISIONS, or ''
    when nobody said), with the TIMEX3 `value` and `mod` it was read from ('' when none).

    The mod does not narrow the days: "early October" covers October as the table stores it,
    and the label says "Early".
    """

    first: dt.date
    last: dt.date
    precision: str = "day"
    value: str = ""
    mod: str = ""

    # --- constructors -------------------------------------------------------------------

    @staticmethod
    def of_value(value: str, type_: str = "DATE", mod: str | None = None) -> Period | None:
        """The period a TIMEX3 value covers, or None for durations, sets, PRESENT_REF/PAST_REF/
        FUTURE_REF and values with unknown parts ("XXXX-XX-XX").

        A weekend is days 6 and 7 of its ISO week at week precision; a time is its day at the
        clock's precision ("T13:19" minute, "T13" hour, "TMO" the day); "199X" is the 1990s.

        >>> Period.of_value("2025-W07-WE").first, Period.of_value("2025-02-18T13:19").precision
        (datetime.date(2025, 2, 15), 'minute')
        """
        return _of_value(value or "", type_ or "", mod or "")

    @staticmethod
    def of_row(date: str, date_end: str = "", precision: str = "", value: str = "",
               mod: str = "") -> Period | None:
        """The period an event row stores (its date, date_end, precision, timex and mod
        columns, as text); None when `date` is not an ISO day. A missing or unreadable last
        day is the first day.

        >>> Period.of_row("2024-10-01", "2024-10-31", "month", "2024-10").label
        'October 2024'
        >>> Period.of_row("", "", "day") is None
        True
        """
        first = day(date)
        if first is None:
            return None
        return Period(first, day(date_end) or first, precision.strip().lower(), value.strip(),
                      mod.strip().upper())

    @staticmethod
    def starting(first: dt.date, precision: str, value: str = "", mod: str = "") -> Period | None:
        """The period of `precision` starting on `first` (a week is seven days from it; a
        month, quarter, half, season, year, decade or century ends with the calendar one that
        holds `first`); None when `precision` is not a calendar unit.

        >>> Period.starting(dt.date(2025, 2, 1), "quarter").last
        datetime.date(2025, 3, 31)
        """
        if precision not in PRECISIONS:
            return None
        return Period(first, period_end(precision, first), precision, value, mod)

    @staticmethod
    def containing(d: dt.date, precision: str) -> Period:
        """The calendar period of `precision` that holds `d`, with its TIMEX3 value (a
        "weekend" is the Saturday and Sunday of `d`'s week, at week precision).

        >>> Period.containing(dt.date(2025, 5, 14), "half")
        Period(first=datetime.date(2025, 1, 1), last=datetime.date(2025, 6, 30), \
precision='half', value='2025-H1', mod='')
        """
        first = period_start(precision, d)
        last = period_end(precision, first)
        if precision == "weekend":
            return Period(first + dt.timedelta(days=5), last, "week", format_value(precision, d))
        value = format_value(precision, d) if precision not in CLOCK else d.isoformat()
        return Period(first, last, precision, value)

    # --- days ---------------------------------------------------------------------------

    @property
    def date(self) -> str:
        """The first day in ISO form (the table's `date`)."""
        return self.first.isoformat()

    @property
    def date_end(self) -> str:
        """The last day in ISO form (the table's `date_end`)."""
        return self.last.isoformat()

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.last - self.first).days + 1

    @property
    def midpoint(self) -> dt.date:
        """The middle day (the earlier of two middle days).

        >>> Period.of_value("2024-10").midpoint
        datetime.date(2024, 10, 16)
        """
        return self.first + dt.timedelta(days=(self.last - self.first).days // 2)

    @property
    def after(self) -> dt.date:
        """The day after the last day: the instant the period ends, for drawing it.

        >>> Period.of_value("2024-10").after
        datetime.date(2024, 11, 1)
        """
        return moved(self.last, 1) or self.last

    @property
    def is_day(self) -> bool:
        """Whether the period is a single day (at day precision or finer, or one day long)."""
        return self.first == self.last or self.precision == "day" or self.precision in CLOCK

    def contains(self, other: dt.date | Period) -> bool:
        """Whether a day, or every day of another period, lies within this one.

        >>> Period.of_value("2025-Q1").contains(dt.date(2025, 3, 31))
        True
        """
        if isinstance(other, Period):
            return self.first <= other.first and other.last <= self.last
        return self.first <= other <= self.last

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day.

        >>> Period.of_value("2024-WI").overlaps(Period.of_value("2025-01"))
        True
        """
        return self.first <= other.last and other.first <= self.last

    def as_row(self) -> dict[str, str]:
        """The period as the event table's columns."""
        return {"date": self.date, "date_end": self.date_end, "precision": self.precision,
                "timex": self.value, "mod": self.mod}

    # --- for people and other programs -------------------------------------------------

    @property
    def label(self) -> str:
        """The period at its own precision, never more precise than it is known, with the
        mod's words first, as people write it ("Jan. 9, 2025", "Week of Feb. 10, 2025", "Early
        October 2024", "Early on Feb. 19, 2025", "2010s").

        >>> Period.of_value("2025-H2").label, Period.of_value("20").label
        ('H2 2025', '21st century')
        >>> Period.of_value("2025-02-19", mod="START").label
        'Early on Feb. 19, 2025'
        >>> Period.of_value("2025-03", mod="MID").label, Period.of_value("2025-W10").label
        ('Mid-March 2025', 'Week of March 3, 2025')
        """
        plain = self.plain_label
        if self.is_day and self.mod in DAY_MODS:
            return f"{DAY_MODS[self.mod]} {plain}"
        if plain.startswith(("Week of", "Weekend of")) and self.mod in WEEK_MODS:
            return f"{WEEK_MODS[self.mod]} {plain[:1].lower()}{plain[1:]}"
        prefix = MODS.get(self.mod, "")
        if not prefix:
            return plain
        return f"{prefix}{plain}" if prefix.endswith("-") else f"{prefix} {plain}"

    @property
    def plain_label(self) -> str:
        """The label without the mod's word."""
        first, last, unit = self.first, self.last, self.precision
        if unit == "day" or first == last:
            return day_label(first)
        if unit in ("month", "year", "quarter", "half", "season", "decade", "century"):
            return unit_label(first, unit, self.value)
        if unit == "week":
            if self.value.upper().endswith("-WE"):
                return f"Weekend of {day_label(first)}"
            return f"Week of {day_label(first)}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{months()[first.month - 1].written} {first.day}–{last.day}, {last.year}"
        if first.year == last.year:
            return f"{months()[first.month - 1].written} {first.day} – {day_label(last)}"
        return f"{day_label(first)} – {day_label(last)}"

    def timeline_dates(self) -> tuple[dict[str, int], dict[str, int] | None]:
        """TimelineJS's start_date and end_date (None when the label says it all): only the
        parts the precision knows (year, month, day).

        >>> Period.of_value("2025-Q1").timeline_dates()
        ({'year': 2025, 'month': 1}, {'year': 2025, 'month': 3})
        >>> Period.of_value("2024-10").timeline_dates()
        ({'year': 2024, 'month': 10}, None)
        """
        count = _PARTS.get(self.precision, 3 if self.precision in CLOCK else 1)

        def parts(d: dt.date) -> dict[str, int]:
            return dict(zip(("year", "month", "day"), (d.year, d.month, d.day)[:count],
                            strict=False))

        single = self.precision in ("day", "month", "year", *CLOCK) or self.first == self.last
        return parts(self.first), None if single else parts(self.last)


_PARTS = {"day": 3, "week": 3, "month": 2, "quarter": 2, "season": 2, "half": 2}
"""How many of year, month, day TimelineJS is given at each precision (year alone if absent)."""


def unit_label(d: dt.date, unit: str, value: str = "") -> str:
    """The calendar period of `unit` holding `d` as people name it: a day, a month, a quarter,
    a half, a season, a year, a decade or a century (the season's name from `value` when it
    names one).

    >>> unit_label(dt.date(2025, 2, 16), "month"), unit_label(dt.date(1999, 12, 31), "century")
    ('February 2025', '20th century')
    """
    if unit == "day" or unit in CLOCK:
        return day_label(d)
    if unit == "month":
        return f"{months()[d.month - 1].name} {d.year}"
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if unit == "half":
        return f"H{1 if d.month <= 6 else 2} {d.year}"
    if unit == "season":
        code = value[-2:].upper()
        if code not in SEASONS:
            code = SEASON_OF_MONTH.get(d.month, "")
        return f"{SEASONS.get(code, '')} {d.year}".strip()
    if unit == "decade":
        return f"{d.year // 10 * 10}s"
    if unit == "century":
        return f"{_ordinal(d.year // 100 + 1)} century"
    return str(d.year)


@functools.lru_cache(maxsize=16384)
def _of_value(value: str, type_: str, mod: str) -> Period | None:
    if type_ in ("DURATION", "SET") or not value or value[0] not in "0123456789":
        return None
    xm = _X_YEAR.match(value)
    parsed = parse_value(xm.group(1) if xm else value)
    if parsed is None:
        return None
    gran, first = parsed
    last = period_end(gran, first)
    if gran == "weekend":
        first, gran = moved(first, 5), "week"
        if first is None:  # the weekend of the calendar's last week is past its end
            return None
    if gran == "day" and "T" in value:
        tm = _TIME.search(value)
        if tm:
            minute = tm.group(2) and tm.group(2) != ":00"
            gran = "second" if tm.group(3) else "minute" if minute else "hour"
    return Period(first, last, gran, value, mod)
