"""Handlers for calendar expressions: dates, months, years, decades, holidays, clock times."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.period import moved
from dashboard.timex.context import Context
from dashboard.timex.dates import format_value, month_end, parse_value
from dashboard.timex.handlers.shared import (
    DEICTIC,
    DIGITS,
    SPACE,
    Result,
    day_after,
    mod_of_match,
    month_number,
    norm,
    period,
    with_part,
    year_of,
)
from dashboard.timex.lexicon import (
    HOLIDAYS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from dashboard.timex.lookalikes import live_stamps, word_before
from dashboard.timex.numbers import to_number
from dashboard.timex.resolve import hour_in_part, month, month_day, weekday


def h_iso(m: re.Match, ctx: Context) -> Result:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{m['hh']}:{m['mi']}", None
    return "DATE", d.isoformat(), None


def h_numeric(m: re.Match, ctx: Context) -> Result:
    if m["sep"] == "." and len(m["y"]) < 4:
        return None
    y = int(m["y"])
    if y < 100:
        y = 2000 + y if 2000 + y <= ctx.dct.year + 10 else 1900 + y
    a, b = int(m["m"]), int(m["d"])
    if m["sep"] == "." or a > 12:
        a, b = b, a
    try:
        d = dt.date(y, a, b)
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{int(m['hh']):02d}:{m['mi']}", None
    return "DATE", d.isoformat(), None


def _part(m: re.Match) -> str | None:
    """The part of the day a dated match names ("the morning of", "Thursday afternoon,")."""
    groups = m.re.groupindex
    return ("part0" in groups and m["part0"]) or ("wdpart" in groups and m["wdpart"]) or None


def h_dated(m: re.Match, ctx: Context) -> Result:
    mon = month_number(m["mon"])
    day = int(DIGITS.match(m["d"]).group())
    if m["y"]:
        try:
            value = dt.date(int(m["y"]), mon, day).isoformat()
        except ValueError:
            return None
        return *with_part(value, _part(m)), None
    wd = WEEKDAYS.get(m["wd"].lower()) if "wd" in m.re.groupindex and m["wd"] else None
    value = month_day(ctx.dct, mon, day, ctx.direction(m.start(), m.end()), wd)
    return (*with_part(value, _part(m)), None) if value else None


def h_month_year(m: re.Match, ctx: Context) -> Result:
    if m["ry"]:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(m["ry"].lower(), 0)
    elif m["sy"]:
        y = spoken_year(m["sy"])
        if y is None:
            return None
    else:
        y = int(m["y"])
    return "DATE", f"{y:04d}-{month_number(m['mon']):02d}", mod_of_match(m)


def h_month(m: re.Match, ctx: Context) -> Result:
    rel = norm(m["rel"]) or None
    value = month(ctx.dct, month_number(m["mon"]), ctx.direction(m.start(), m.end()), rel)
    return "DATE", value, mod_of_match(m)


def h_stamp(m: re.Match, ctx: Context) -> Result:
    """A live page's time stamp opening an entry ("0941 Crews say"): that time on the page's
    day; None on a page that is not live (`live_stamps`)."""
    if m.start("stamp") not in live_stamps(ctx.text, ctx.dct.year):
        return None
    return "TIME", f"{ctx.dct.isoformat()}T{m['stamp'][:2]}:{m['stamp'][2:]}", None


def h_year(m: re.Match, ctx: Context) -> Result:
    return "DATE", f"{year_of(m['y']):04d}", mod_of_match(m)


_DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
                 "sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}  # fmt: skip


def h_decade(m: re.Match, ctx: Context) -> Result:
    if m["decw"]:
        return "DATE", "19" + _DECADE_WORDS[m["decw"].lower()], mod_of_match(m)
    d = m["dec"].lstrip("'")
    if len(d) == 4:
        return "DATE", d[:3], mod_of_match(m)
    n = int(d)
    c = ctx.dct.year // 100
    if c * 100 + n > ctx.dct.year:
        c -= 1
    return "DATE", f"{c * 100 + n:04d}"[:3], mod_of_match(m)


def h_century(m: re.Match, ctx: Context) -> Result:
    if m["cord"]:
        n = ORDINALS.get(m["cord"].lower()) or int(DIGITS.match(m["cord"]).group())
        return "DATE", f"{n - 1:02d}", mod_of_match(m)
    rel = norm(m["crel"])
    c = ctx.dct.year // 100 + {"this": 0, "next": 1}.get(rel, -1)
    if rel in ("past",):
        return "DURATION", "P100Y", None
    return "DATE", f"{c:02d}", mod_of_match(m)


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}  # fmt: skip


def spoken_year(words: str) -> int | None:
    """The year named in words: "nineteen ninety-six" is 1996, "two thousand one" is 2001."""
    parts = SPACE.sub(" ", words.lower().replace("-", " ")).split(" ")
    parts = [p for p in parts if p not in ("the", "year", "and", "hundred", "oh")]
    if len(parts) >= 2 and parts[0] == "two" and parts[1] == "thousand":
        rest = to_number(" ".join(parts[2:])) if parts[2:] else 0
        return 2000 + rest if isinstance(rest, int) else None
    if not parts or parts[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    rest = to_number(" ".join(parts[1:])) if parts[1:] else 0
    if not isinstance(rest, int) or rest >= 100:
        return None
    return NUMBERS[parts[0]] * 100 + rest


def h_spoken(m: re.Match, ctx: Context) -> Result:
    y = spoken_year(m.group(0))
    return ("DATE", f"{y:04d}", None) if y else None


def nth_weekday(y: int, mo: int, wd: int, n: int) -> dt.date | None:
    """The `n`th ISO weekday `wd` of month `mo` of year `y` (n = -1: the last); None for a
    year outside the calendar."""
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        return None
    if n > 0:
        first = dt.date(y, mo, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(dt.date(y, mo, 1))
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


def h_holiday(m: re.Match, ctx: Context) -> Result:
    holiday = HOLIDAYS[norm(m["h"])]
    if holiday.day is not None:
        value = month_day(ctx.dct, holiday.month, holiday.day, ctx.direction(m.start(), m.end()))
        return ("DATE", value, None) if value else None
    y = ctx.dct.year
    found = (nth_weekday(x, holiday.month, holiday.weekday, holiday.nth) for x in (y - 1, y, y + 1))
    days = [x for x in (moved(d, holiday.days_after) for d in found if d) if x]
    if ctx.direction(m.start(), m.end()) <= 0:
        days = [x for x in days if x <= ctx.dct][-1:]
    else:
        days = [x for x in days if x >= ctx.dct][:1]
    return ("DATE", days[0].isoformat(), None) if days else None


def h_nthweekday(m: re.Match, ctx: Context) -> Result:
    """ "The second Tuesday of April [2024]": that day of the month, in the year written or,
    without one, the nearest such day in the sentence's direction (either way without a cue)."""
    n = -1 if m["nth"].lower() in ("last", "final") else ORDINALS.get(m["nth"].lower())
    if n is None or n > 5:
        return None
    wd, mo = WEEKDAYS[m["wd"].lower()], month_number(m["mo"])
    if m["y"]:
        day = nth_weekday(int(m["y"]), mo, wd, n)
        return ("DATE", day.isoformat(), None) if day and day.month == mo else None
    y = ctx.dct.year
    days = [d for x in (y - 1, y, y + 1) if (d := nth_weekday(x, mo, wd, n)) and d.month == mo]
    direction = ctx.direction(m.start(), m.end())
    if direction < 0:
        days = [d for d in days if d <= ctx.dct][-1:]
    elif direction > 0:
        days = [d for d in days if d >= ctx.dct][:1]
    days.sort(key=lambda d: abs((d - ctx.dct).days))
    return ("DATE", days[0].isoformat(), None) if days else None


def h_daylist(m: re.Match, ctx: Context) -> Result:
    if not ctx.last or not (p := parse_value(ctx.last)) or p[0] != "day":
        return None
    try:
        return "DATE", p[1].replace(day=int(DIGITS.match(m["d"]).group())).isoformat(), None
    except ValueError:
        return None


def h_weekof(m: re.Match, ctx: Context) -> Result:
    r = h_dated(m, ctx)
    if r is None:
        return None
    return "DATE", format_value("week", dt.date.fromisoformat(r[1])), None


def clock_day(ctx: Context, word: str | None, m: re.Match) -> str:
    """The day of a clock time: its own day word's, else the last day the text gave, unless
    that one is still to come and the clock's sentence tells of the past ("lost Tuesday's
    runoff. She will leave on Jan. 6. She conceded shortly after 11 p.m.": Tuesday's)."""
    if not word:
        day = period(ctx, "day", 0, True)
        if day > ctx.dct.isoformat() and ctx.direction(m.start(), m.end()) < 0:
            return ctx.last_past or ctx.dct.isoformat()
        return day
    w = word.lower()
    if w in DEICTIC:
        return day_after(ctx.dct, DEICTIC[w])
    return weekday(ctx.dct, WEEKDAYS[w], ctx.direction(m.start(), m.end()))


def h_clock(m: re.Match, ctx: Context) -> Result:
    day = clock_day(ctx, m["wd1"] or m["wd2"], m)
    if m["cmon"]:
        wd = m["wd1"] or m["wd2"]
        wd = WEEKDAYS.get(wd.lower()) if wd else None
        mon, d = month_number(m["cmon"]), int(DIGITS.match(m["cd"]).group())
        if m["cy"]:
            try:
                day = dt.date(int(m["cy"]), mon, d).isoformat()
            except ValueError:
                return None
        else:
            day = month_day(ctx.dct, mon, d, ctx.direction(m.start(), m.end()), wd) or day
    if not day:
        return None
    if m["nm"]:
        if m["nm"].lower() != "midnight":
            return "TIME", f"{day}T12:00", None
        named = m["wd1"] or m["wd2"] or m["cmon"]
        if named and word_before(ctx.text, m.start()) == "after" or not named and (
            ctx.direction(m.start(), m.end()) < 0
        ):  # "came after midnight", "just after midnight on Tuesday": the one that began it
            day = day_after(dt.date.fromisoformat(day), -1) or day
        return "TIME", f"{day}T24:00", None
    if mil := m["mil"] or m["milc"]:
        return "TIME", f"{day}T{mil[:2]}:{mil[2:]}", None
    part = m["inpart"] or m["wdpart"] or m["wd2"] or ""
    part = "NI" if part.lower() == "tonight" else PARTS_OF_DAY.get(part.lower())
    if m["hb"]:  # "at 9 this morning", "at 9 tonight", "at 4 in the afternoon"
        return "TIME", f"{day}T{hour_in_part(int(m['hb']), part):02d}:00", None
    if m["hh24"]:
        h, mi = hour_in_part(int(m["hh24"]), part), int(m["mi24"])
    elif m["oc"]:
        h = to_number(m["oc"])
        if not isinstance(h, int) or not 0 < h <= 12:
            return None
        h, mi = hour_in_part(h, part), 0
    else:
        h, mi = int(m["hh"]), int(m["mi"] or 0)
        pm = m["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if m["hh"] and not m["mi"]:
        return "TIME", f"{day}T{h:02d}:00", None
    seconds = m["ss"] or m["ss24"]
    return "TIME", f"{day}T{h:02d}:{mi:02d}" + (f":{seconds}" if seconds else ""), None
