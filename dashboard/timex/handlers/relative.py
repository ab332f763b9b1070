"""Handlers for expressions relative to the DCT or the last mentioned date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dashboard.timex.context import Context
from dashboard.timex.dates import format_value, parse_value, shift
from dashboard.timex.handlers.absolute import spoken_year
from dashboard.timex.handlers.durations import APPROX_MODS
from dashboard.timex.handlers.quarters import last_quarter_base
from dashboard.timex.handlers.shared import (
    DEICTIC,
    FOLLOW,
    GRAN,
    LATEST,
    NEXT,
    PASTDUR,
    PREV,
    SAME,
    THIS,
    Result,
    day_after,
    ended_quarter,
    finer_or_equal,
    iso_day,
    mod_of_match,
    norm,
    period,
    unit_name,
    with_part,
)
from dashboard.timex.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
)
from dashboard.timex.lookalikes import word_after
from dashboard.timex.numbers import to_number
from dashboard.timex.resolve import mod_of, season, shifted, weekday


def h_weekday(m: re.Match, ctx: Context) -> Result:
    day = _weekday_day(m, ctx, bool(m["poss"]))
    t, v = with_part(day, m["part"] or m["part0"])
    return t, v, mod_of(m["ear"])


def _weekday_day(m: re.Match, ctx: Context, poss: bool) -> str:
    """The day of the weekday of group "wd", after "last"/"next" (group "rel") or per tense."""
    wd = WEEKDAYS[m["wd"].lower()]
    rel = norm(m["rel"])
    if rel == "previous" and ctx.last and (p := parse_value(ctx.last)) and p[0] == "day":
        return weekday(p[1], wd, -1, strict=True)
    if rel in ("last", "past", "previous"):
        return weekday(ctx.dct, wd, -1, strict=True)
    if rel in ("next", "coming"):
        return weekday(ctx.dct, wd, 1, strict=True)
    if poss:
        return weekday(ctx.dct, wd, -1)  # "Friday's vote" names an event that has happened
    direction = ctx.direction(m.start(), m.end())
    if direction > 0 and (said := ctx.speech_day(m.start())):
        return weekday(said, wd, 1, strict=True)  # said Sunday it would close until Monday
    return weekday(ctx.dct, wd, direction)


def h_deictic(m: re.Match, ctx: Context) -> Result:
    w = norm(m["word"])
    said = ctx.quoted_day(m.start()) if w in ("today", "tonight") else None
    day = said.isoformat() if said else day_after(ctx.dct, DEICTIC[w])
    if w == "tonight" and day:
        return "TIME", f"{day}TNI", None
    t, v = with_part(day, m["part"])
    ear = norm(m["ear"])
    return t, v, mod_of(ear) if ear in ("early", "late") else None


def h_partday(m: re.Match, ctx: Context) -> Result:
    rel = norm(m["rel"])
    off = {"this": 0, "tomorrow": 1}.get(rel, -1)
    day = day_after(ctx.dct, off)
    return ("TIME", f"{day}T{PARTS_OF_DAY[m['part'].lower()]}", None) if day else None


def h_part_first(m: re.Match, ctx: Context) -> Result:
    """A part of the day before its day ("mid-afternoon yesterday", "late morning Tuesday"), or
    "mid-afternoon" alone: of the day the text is about."""
    word = m["day"]
    if word is None:
        day = period(ctx, "day", 0, True) if m["mid"] else ""
    elif (w := norm(word)) in DEICTIC:
        day = day_after(ctx.dct, DEICTIC[w])
    else:
        day = weekday(ctx.dct, WEEKDAYS[w], ctx.direction(m.start(), m.end()))
    part = PARTS_OF_DAY[m["part"].lower()]
    return ("TIME", f"{day}T{part}", "MID" if m["mid"] else mod_of(m["ear"])) if day else None


def _ended(m: re.Match, ctx: Context) -> bool:
    """Whether a period is followed by its closing date ("the year ended June 30")."""
    return word_after(ctx.text, m.end()).lower() in ("ended", "ending", "through", "to")


def h_relperiod(m: re.Match, ctx: Context) -> Result:
    unit = m["unit"].lower()
    rel = norm(m["rel"])
    mod = mod_of_match(m)
    if unit in SEASONS:
        srel = {"last": "last", "this": "this", "next": "next", "the past": "last",
                "the coming": "next", "the previous": "last"}.get(rel)  # fmt: skip
        if rel in SAME or rel in FOLLOW:
            return None
        direction = ctx.direction(m.start(), m.end())
        return "DATE", season(ctx.dct, SEASONS[unit], direction, srel), mod
    if unit in PARTS_OF_DAY:
        if rel in FOLLOW:
            base = period(ctx, "day", 1, True)
        elif rel in SAME:
            base = period(ctx, "day", 0, True)
        elif rel in PREV:
            base = period(ctx, "day", -1, rel != "last")
        elif rel in THIS:
            base = iso_day(ctx.dct)
        elif rel == "the":  # "through the night": of the day the text is about
            base = period(ctx, "day", 0, True)
        else:
            return None
        return "TIME", f"{base}T{PARTS_OF_DAY[unit]}", mod
    gran = GRAN.get(unit)
    if gran is None:
        return None
    if rel in PASTDUR:
        if gran in ("half", "day") or unit == "period":
            return None
        return "DATE", period(ctx, gran, -1, False), mod
    if rel in PREV:
        return "DATE", period(ctx, gran, -1, rel != "last" and "fiscal" not in rel), mod
    if rel in ("the fiscal", "the calendar") and gran == "year" and _ended(m, ctx):
        return "DURATION", "P1Y", None  # "in the fiscal year ended Jan. 31"
    if rel == "this" and gran == "day" and (said := ctx.quoted_day(m.start())):
        return "DATE", said.isoformat(), mod  # 'he said Monday: "On this day we mourn"'
    if rel in THIS or rel in ("the full", "the fiscal", "the calendar"):
        return "DATE", period(ctx, gran, 0, False), mod
    if rel in NEXT:
        return "DATE", period(ctx, gran, 1, False), mod
    if rel in FOLLOW:
        return "DATE", period(ctx, gran, 1, True), mod
    if rel in SAME:
        if gran == "quarter" and ctx.quarter:
            return "DATE", ctx.quarter, mod
        if gran == "day" and (within := _day_within_last(ctx)):
            return "DATE", within, mod
        return "DATE", period(ctx, gran, 0, True), mod
    if rel == "the new":  # the coming year, or the one just begun in January and February
        ahead = 0 if ctx.dct.month <= 2 else 1
        return ("DATE", period(ctx, "year", ahead, False), mod) if gran == "year" else None
    if rel in LATEST or (rel == "the" and gran == "quarter"):
        if gran == "quarter" and (ended := ended_quarter(m, ctx)):
            return "DATE", ended, mod
        if gran == "quarter":
            if rel == "the" and ctx.quarter:
                return "DATE", ctx.quarter, mod
            return "DATE", period(ctx, "quarter", -1, False), mod
        return "DATE", period(ctx, gran, -1, False), mod
    if rel == "the":
        if gran == "weekend":
            wd = ctx.dct.isoweekday()
            n = 0 if wd >= 6 or ctx.direction(m.start(), m.end()) > 0 else -1
            return "DATE", period(ctx, "weekend", n, False), mod
        if mod:
            return "DATE", period(ctx, gran, 0, False), mod
        if gran in ("year", "month", "week"):
            if _ended(m, ctx):
                return "DURATION", f"P1{UNITS[unit]}", None  # "the year ended June 30"
            return "DATE", period(ctx, gran, 0, False), mod  # "for the year", "the week's gains"
        if gran == "day":
            return "DATE", period(ctx, "day", 0, True), mod
    return None


def _day_within_last(ctx: Context) -> str | None:
    """A day of the last date the text gave when that date is a month or a year ("last October
    ... that same day": "1998-10-XX"); None when it is a day or finer, or there is none."""
    parsed = parse_value(ctx.last) if ctx.last else None
    if parsed is None or parsed[0] not in ("month", "year"):
        return None
    month = f"{parsed[1].month:02d}" if parsed[0] == "month" else "XX"
    return f"{parsed[1].year:04d}-{month}-XX"


def h_season(m: re.Match, ctx: Context) -> Result:
    code = SEASONS[m["s"].lower()]
    if m["sy"] and (y := spoken_year(m["sy"])):
        return "DATE", f"{y:04d}-{code}", mod_of_match(m)
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{code}", mod_of_match(m)
    rel = norm(m["rel"])
    srel = {"last": "last", "past": "last", "previous": "last", "this": "this", "next": "next",
            "coming": "next"}.get(rel)  # fmt: skip
    return "DATE", season(ctx.dct, code, ctx.direction(m.start(), m.end()), srel), mod_of_match(m)


_OFFSET_GRAN = {"day": "day", "night": "day", "week": "day", "weekend": "week",
                "fortnight": "day", "month": "month", "quarter": "quarter", "year": "year",
                "decade": "year", "century": "year", "millennium": "year"}  # fmt: skip


_MINUTES = {"hour": 60, "minute": 1}


def _clock_offset(m: re.Match, ctx: Context, unit: str, d: str, n) -> Result:
    """ "An hour later", "30 minutes earlier": a TIME counted from the last clock time the text
    gave ("at 1:28 a.m. ... About an hour later": 02:28, mod APPROX); None without one."""
    if d not in ("earlier", "later", "before", "after") or not ctx.clock or unit not in _MINUTES:
        return None
    if not isinstance(n, int) or d in ("before", "after") and (
        ctx.text[m.end() : m.end() + 3].strip()[:1].isalnum()
    ):
        return None
    minutes = (-1 if d in ("earlier", "before") else 1) * n * _MINUTES[unit]
    moment = dt.datetime.fromisoformat(ctx.clock) + dt.timedelta(minutes=minutes)
    return "TIME", moment.strftime("%Y-%m-%dT%H:%M"), APPROX_MODS.get(norm(m["approx"]))


def h_offset(m: re.Match, ctx: Context) -> Result:
    unit = unit_name(m["unit"])
    d = norm(m["dir"])
    n = to_number(m["n"])
    if unit in TIME_UNITS:
        return _clock_offset(m, ctx, unit, d, n)
    if unit not in _OFFSET_GRAN:
        return None
    if d in ("before", "after", "since"):
        after = ctx.text[m.end() : m.end() + 3].strip()
        if after[:1].isalnum():
            return None
    back = d in ("ago", "earlier", "before", "previously")
    if n is None:
        return "DATE", "PAST_REF" if back else "FUTURE_REF", None
    if isinstance(n, float):
        return None
    steps = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}
    count = n * steps.get(unit, 1)
    unit_step = {"fortnight": "week", "decade": "year", "century": "year",
                 "millennium": "year"}.get(unit, unit)  # fmt: skip
    gran = _OFFSET_GRAN[unit]
    sign = -1 if back else 1
    anchored = d not in ("ago", "from now", "hence") and not (
        back and unit in ("year", "decade", "century")
    )
    if unit == "year" and (base := last_quarter_base(ctx, m.start())):
        return "DATE", shifted(base, "year", sign * count), None
    if anchored and ctx.last and (p := parse_value(ctx.last)):
        own = p[0] if p[0] != "weekend" else "week"
        g = gran if finer_or_equal(own, gran) else own
        if finer_or_equal(own, gran):
            return "DATE", format_value(g, shift(own, p[1], unit_step, sign * count)), None
        if own in ("month", "quarter", "season", "year"):  # ("in March 2022 ... two weeks later")
            return "DATE", format_value(own, shift("day", p[1], unit_step, sign * count)), None
    if unit_step == "week":
        gran = "week"  # "six weeks ago" names a week, not a day
    return "DATE", format_value(gran, shift("day", ctx.dct, unit_step, sign * count)), None


def h_overnight(m: re.Match, ctx: Context) -> Result:
    """"Overnight" is the night before the day the text is about (the last day it gave, else
    the DCT's): a story of Friday's trading speaks of Thursday night."""
    day = period(ctx, "day", -1, True)
    return ("TIME", f"{day}TNI", None) if day else None


def h_dayafter(m: re.Match, ctx: Context) -> Result:
    what = norm(m["what"]).removeprefix("the ")
    gran = "day" if what == "night" else what
    n = -1 if norm(m["dir"]) == "before" else 1
    if m["wd"]:  # "the day before last Tuesday": counted from that Tuesday
        day = parse_value(_weekday_day(m, ctx, ctx.text.startswith(("'s", "’s"), m.end())))
        if day is None:
            return None
        return "DATE", format_value(gran, shift(gran, day[1], gran, n)), None
    return "DATE", period(ctx, gran, n, True), None


def h_day_of_month(m: re.Match, ctx: Context) -> Result:
    """"Resumes on the 15th": that day of the month the text last gave, else of the DCT's
    month, or of the month after (before) when the sentence points ahead (back) past it."""
    day = int(m["d"])
    parsed = parse_value(ctx.last) if ctx.last else None
    if parsed and finer_or_equal(parsed[0].replace("weekend", "week"), "month"):
        year, month = parsed[1].year, parsed[1].month
    else:
        year, month = ctx.dct.year, ctx.dct.month
        ahead = ctx.direction(m.start(), m.end()) > 0
        month += (1 if ahead and day < ctx.dct.day else
                  -1 if not ahead and day > ctx.dct.day else 0)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if day > calendar.monthrange(year, month)[1]:
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None


def h_nthday(m: re.Match, ctx: Context) -> Result:
    """"It is the third day of the strike": the day the text is written."""
    return "DATE", iso_day(ctx.dct), None


def h_yearend(m: re.Match, ctx: Context) -> Result:
    y = ctx.dct.year + {"last": -1, "next": 1}.get(norm(m["rel"]), 0)
    return "DATE", f"{y:04d}", "END"
