"""Resolution of underspecified dates against a reference day and a direction.

>>> import datetime as dt
>>> wed = dt.date(2025, 2, 19)
>>> weekday(wed, 3, -1), weekday(wed, 2, -1), weekday(wed, 1, 1)
('2025-02-19', '2025-02-18', '2025-02-24')
>>> month_day(wed, 1, 9, -1), month_day(wed, 12, 25, -1), month(wed, 10, -1)
('2025-01-09', '2024-12-25', '2024-10')
"""

from __future__ import annotations

import datetime as dt

from dashboard.period import moved
from dashboard.timex.dates import SEASON_MONTH, format_value, parse_value, period_start, shift

MOD_OF = {
    "early": "START", "late": "END", "mid": "MID", "middle": "MID", "end": "END",
    "beginning": "START", "start": "START", "close": "END", "turn": "END", "earlier": "START",
    "later": "END", "first half": "START", "second half": "END", "latter part": "END",
    "early part": "START", "first part": "START", "rest": "END", "remainder": "END",
    "balance": "END", "latter half": "END", "first week": "START", "first fortnight": "START",
    "first days": "START", "first few days": "START", "first two days": "START",
    "first ten days": "START", "first two weeks": "START", "second week": "START",
    "second fortnight": "END", "last week": "END", "last fortnight": "END", "last days": "END",
    "last few days": "END", "last two days": "END", "last ten days": "END",
    "last two weeks": "END", "final week": "END", "final days": "END", "final few days": "END",
    "final two weeks": "END", "final fortnight": "END", "final ten days": "END",
}  # fmt: skip
"""Modifier words to TIMEX3 `mod` values."""


def mod_of(word: str | None) -> str | None:
    """The TIMEX3 mod for a modifier phrase such as "the end of" or "early"."""
    if not word:
        return None
    w = " ".join(word.lower().replace("-", " ").split())
    for prefix in ("the ", "very "):
        w = w.removeprefix(prefix)
    w = w.removesuffix(" of")
    return MOD_OF.get(w)


def hour_in_part(hour: int, part: str | None) -> int:
    """A clock hour without a.m./p.m. read in the part of the day (code "AF", "EV", "NI") it is
    said in: 4 in the afternoon is 16, 9 at night is 21, 2 at night stays 2.

    >>> hour_in_part(4, "AF"), hour_in_part(9, "NI"), hour_in_part(2, "NI"), hour_in_part(9, "MO")
    (16, 21, 2, 9)
    """
    if part in ("AF", "EV") and hour < 12 or part == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def weekday(ref: dt.date, wd: int, direction: int, strict: bool = False) -> str:
    """The day with ISO weekday `wd` nearest `ref` in `direction` (`ref` itself unless strict);
    '' past the calendar's ends."""
    delta = wd - ref.isoweekday()
    if direction <= 0:
        delta = delta - 7 if delta > 0 or (strict and delta == 0) else delta
    else:
        delta = delta + 7 if delta < 0 or (strict and delta == 0) else delta
    day = moved(ref, delta)
    return day.isoformat() if day else ""


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_day(ref: dt.date, m: int, d: int, direction: int, wd: int | None = None) -> str | None:
    """Month `m` day `d` in the year that makes it the nearest in `direction` (or fits `wd`)."""
    options = [x for y in (ref.year - 1, ref.year, ref.year + 1) if (x := _valid(y, m, d))]
    if not options:
        return None
    if wd is not None:
        fitting = [x for x in options if x.isoweekday() == wd]
        if fitting:
            return min(fitting, key=lambda x: abs((x - ref).days)).isoformat()
    reach = DAY_REACH if direction == 0 else DAY_REACH_CUED
    if direction <= 0:
        past = [x for x in options if x <= ref]
        if past and (ref - past[-1]).days < reach:
            return past[-1].isoformat()
    else:
        future = [x for x in options if x >= ref]
        if future and (future[0] - ref).days < reach:
            return future[0].isoformat()
    return min(options, key=lambda x: abs((x - ref).days)).isoformat()


DAY_REACH = 240
DAY_REACH_CUED = 300
"""How many days back (or ahead) tense may send a month-day date before the nearest one wins."""


def month(ref: dt.date, m: int, direction: int, rel: str | None = None) -> str:
    """Month `m` of the year that makes it the nearest in `direction`, or per "last"/"next"."""
    y = ref.year
    if rel == "this":
        return f"{y:04d}-{m:02d}"
    if rel in ("last", "past", "previous"):
        y = y if m < ref.month else y - 1
    elif rel in ("next", "coming"):
        y = y if m > ref.month else y + 1
    else:
        back = (ref.month - m) % 12
        ahead = (m - ref.month) % 12
        if direction == 0:
            y = y if m <= ref.month else y - 1
            if ahead < back and back > MONTH_REACH:
                y = ref.year if m >= ref.month else ref.year + 1
        elif direction < 0:
            y = y if m <= ref.month else y - 1
            if back > MONTH_REACH_CUED and ahead < back:
                y = ref.year if m >= ref.month else ref.year + 1
        else:
            y = y if m >= ref.month else y + 1
    return f"{y:04d}-{m:02d}"


MONTH_REACH = 8
"""With no tense cue, a bare month name further back than this (in months) goes to the nearer
occurrence ahead instead."""

MONTH_REACH_CUED = 8
"""The same for past-tense sentences (reported plans for the coming months); a future cue is
always obeyed."""


def season(ref: dt.date, code: str, direction: int, rel: str | None = None) -> str:
    """The season `code` (SP/SU/FA/WI) nearest `ref` per the direction or "last"/"this"/"next";
    '' when that season is past the calendar's ends."""
    years = range(max(ref.year - 2, dt.MINYEAR), min(ref.year + 2, dt.MAXYEAR + 1))
    starts = [dt.date(y, SEASON_MONTH[code], 1) for y in years]
    current = period_start("season", ref)
    if rel == "this":
        year = ref.year - (code == "WI" and ref.month < 3)
        chosen = [dt.date(year, SEASON_MONTH[code], 1)] if year >= dt.MINYEAR else []
    elif rel in ("last", "past", "previous"):
        chosen = [s for s in starts if s < current][-1:]
    elif rel in ("next", "coming"):
        chosen = [s for s in starts if s > current][:1]
    elif direction <= 0:
        chosen = [s for s in starts if s <= ref][-1:]
    else:
        chosen = [s for s in starts if s >= current][:1]
    return f"{chosen[0].year:04d}-{code}" if chosen else ""


def shifted(value: str, unit: str, n: int, gran: str | None = None) -> str | None:
    """A calendar value moved by `n` units, at granularity `gran` (default: the value's own)."""
    parsed = parse_value(value)
    if parsed is None:
        return None
    own, first = parsed
    if own == "weekend":
        own = "week"
    out = gran or own
    moved = shift(own, first, unit, n)
    if out == "day" and own != "day":
        return None
    return format_value(out, moved)


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    order = ["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]
    ia = order.index(a) if a in order else 0
    ib = order.index(b) if b in order else 0
    return order[max(ia, ib)]
