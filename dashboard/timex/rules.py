"""Handlers that turn a pattern match into (type, value, mod), resolving it in context.

Each handler takes (match, context) and returns a (type, value, mod) triple, or None to give the
span up (a shorter candidate at the same place is then tried).
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.timex.context import Context
from dashboard.timex.dates import format_value, parse_value, period_start, shift
from dashboard.timex.lexicon import (
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
)
from dashboard.timex.numbers import fmt_number, to_number
from dashboard.timex.resolve import mod_of, month, month_day, season, shifted, weekday

Result = tuple[str, str, str | None] | None

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def _norm(s: str | None) -> str:
    return _SPACE.sub(" ", s.lower()).strip() if s else ""


def _mon(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _mod(m: re.Match) -> str | None:
    for g in ("edge", "ear", "eart"):
        if g in m.re.groupindex and m.group(g):
            return mod_of(m.group(g))
    return None


def _day(d: dt.date) -> str:
    return d.isoformat()


def _anchor(ctx: Context, gran: str) -> tuple[str, dt.date]:
    """The last mentioned period usable at granularity `gran`, else the DCT's."""
    if ctx.last:
        parsed = parse_value(ctx.last)
        if parsed and _finer_or_equal(parsed[0].replace("weekend", "week"), gran):
            return gran, period_start(gran, parsed[1])
    return gran, period_start(gran, ctx.dct)


def _year_fix(y: str) -> int:
    if y.startswith("'"):
        n = int(y[1:])
        return 2000 + n if n <= 30 else 1900 + n
    return int(y)


def h_iso(m: re.Match, ctx: Context) -> Result:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{m['hh']}:{m['mi']}", None
    return "DATE", d.isoformat(), None


def h_numeric(m: re.Match, ctx: Context) -> Result:
    y = int(m["y"])
    if y < 100:
        y = 2000 + y if 2000 + y <= ctx.dct.year + 10 else 1900 + y
    try:
        d = dt.date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{int(m['hh']):02d}:{m['mi']}", None
    return "DATE", d.isoformat(), None


def h_dated(m: re.Match, ctx: Context) -> Result:
    mon = _mon(m["mon"])
    day = int(_DIGITS.match(m["d"]).group())
    if m["y"]:
        try:
            value = dt.date(int(m["y"]), mon, day).isoformat()
        except ValueError:
            return None
        return *_with_part(value, m["part0"]), None
    wd = WEEKDAYS.get(m["wd"].lower()) if m["wd"] else None
    value = month_day(ctx.dct, mon, day, ctx.direction(m.start(), m.end()), wd)
    if value and m["part0"]:
        return *_with_part(value, m["part0"]), None
    return ("DATE", value, None) if value else None


def h_month_year(m: re.Match, ctx: Context) -> Result:
    if m["ry"]:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(m["ry"].lower(), 0)
    elif m["sy"]:
        y = spoken_year(m["sy"])
        if y is None:
            return None
    else:
        y = int(m["y"])
    return "DATE", f"{y:04d}-{_mon(m['mon']):02d}", _mod(m)


def h_month(m: re.Match, ctx: Context) -> Result:
    rel = _norm(m["rel"]) or None
    value = month(ctx.dct, _mon(m["mon"]), ctx.direction(m.start(), m.end()), rel)
    return "DATE", value, _mod(m)


def h_year(m: re.Match, ctx: Context) -> Result:
    return "DATE", f"{_year_fix(m['y']):04d}", _mod(m)


_DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
                 "sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}  # fmt: skip


def h_decade(m: re.Match, ctx: Context) -> Result:
    if m["decw"]:
        return "DATE", "19" + _DECADE_WORDS[m["decw"].lower()], _mod(m)
    d = m["dec"].lstrip("'")
    if len(d) == 4:
        return "DATE", d[:3], _mod(m)
    n = int(d)
    c = ctx.dct.year // 100
    if c * 100 + n > ctx.dct.year:
        c -= 1
    return "DATE", f"{c * 100 + n:04d}"[:3], _mod(m)


def h_century(m: re.Match, ctx: Context) -> Result:
    if m["cord"]:
        n = ORDINALS.get(m["cord"].lower()) or int(_DIGITS.match(m["cord"]).group())
        return "DATE", f"{n - 1:02d}", _mod(m)
    rel = _norm(m["crel"])
    c = ctx.dct.year // 100 + {"this": 0, "next": 1}.get(rel, -1)
    if rel in ("past",):
        return "DURATION", "P100Y", None
    return "DATE", f"{c:02d}", _mod(m)


def _with_part(day: str, part: str | None) -> tuple[str, str]:
    if not part:
        return "DATE", day
    code = PARTS_OF_DAY.get(part.lower().split()[-1], "MO" if "hours" in part.lower() else "NI")
    return "TIME", f"{day}T{code}"


def h_weekday(m: re.Match, ctx: Context) -> Result:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = _norm(m["rel"])
    if rel == "previous" and ctx.last and (p := parse_value(ctx.last)) and p[0] == "day":
        day = weekday(p[1], wd, -1, strict=True)
    elif rel in ("last", "past", "previous"):
        day = weekday(ctx.dct, wd, -1, strict=True)
    elif rel in ("next", "coming"):
        day = weekday(ctx.dct, wd, 1, strict=True)
    else:
        day = weekday(ctx.dct, wd, ctx.direction(m.start(), m.end()))
    t, v = _with_part(day, m["part"] or m["part0"])
    return t, v, mod_of(m["ear"])


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
            "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip


def h_deictic(m: re.Match, ctx: Context) -> Result:
    w = _norm(m["word"])
    day = _day(ctx.dct + dt.timedelta(days=_DEICTIC[w]))
    if w == "tonight":
        return "TIME", f"{day}TNI", None
    t, v = _with_part(day, m["part"])
    ear = _norm(m["ear"])
    return t, v, mod_of(ear) if ear in ("early", "late") else None


def h_partday(m: re.Match, ctx: Context) -> Result:
    rel = _norm(m["rel"])
    off = {"this": 0, "tomorrow": 1}.get(rel, -1)
    day = _day(ctx.dct + dt.timedelta(days=off))
    return "TIME", f"{day}T{PARTS_OF_DAY[m['part'].lower()]}", None


_PREV = {"last", "the previous", "the preceding", "the prior", "last fiscal"}
_PASTDUR = {"the past", "the last"}
_THIS = {"this", "the current", "this fiscal", "the current fiscal", "the present"}
_NEXT = {"next", "the coming", "the upcoming", "next fiscal"}
_FOLLOW = {"the following", "the next"}
_SAME = {"the same", "that"}
_LATEST = {"the latest", "the most recent", "the recent"}
_GRAN = {"week": "week", "weekend": "weekend", "month": "month", "year": "year",
         "quarter": "quarter", "decade": "decade", "century": "century", "day": "day",
         "half": "half", "period": "quarter"}  # fmt: skip


def _period(ctx: Context, gran: str, n: int, anchored: bool) -> str:
    g, first = _anchor(ctx, gran) if anchored else (gran, period_start(gran, ctx.dct))
    return format_value(g, shift(g, first, "week" if g == "weekend" else g, n))


def h_relperiod(m: re.Match, ctx: Context) -> Result:
    unit = m["unit"].lower()
    rel = _norm(m["rel"])
    mod = _mod(m)
    direction = ctx.direction(m.start(), m.end())
    if unit in SEASONS:
        srel = {"last": "last", "this": "this", "next": "next", "the past": "last",
                "the coming": "next", "the previous": "last"}.get(rel)  # fmt: skip
        if rel in _SAME or rel in _FOLLOW:
            return None
        return "DATE", season(ctx.dct, SEASONS[unit], direction, srel), mod
    if unit in PARTS_OF_DAY:
        if rel in _FOLLOW:
            base = _period(ctx, "day", 1, True)
        elif rel in _SAME:
            base = _period(ctx, "day", 0, True)
        elif rel in _PREV:
            base = _period(ctx, "day", -1, rel != "last")
        elif rel in _THIS:
            base = _day(ctx.dct)
        else:
            return None
        return "TIME", f"{base}T{PARTS_OF_DAY[unit]}", mod
    gran = _GRAN.get(unit)
    if gran is None:
        return None
    if rel in _PASTDUR:
        if gran in ("half", "day") or unit == "period":
            return None
        return "DATE", _period(ctx, gran, -1, False), mod
    if rel in _PREV:
        return "DATE", _period(ctx, gran, -1, rel != "last" and "fiscal" not in rel), mod
    if rel in _THIS or rel in ("the full", "the fiscal", "the calendar"):
        return "DATE", _period(ctx, gran, 0, False), mod
    if rel in _NEXT:
        return "DATE", _period(ctx, gran, 1, False), mod
    if rel in _FOLLOW:
        return "DATE", _period(ctx, gran, 1, True), mod
    if rel in _SAME:
        if gran == "quarter" and ctx.quarter:
            return "DATE", ctx.quarter, mod
        return "DATE", _period(ctx, gran, 0, True), mod
    if rel == "the new":
        return ("DATE", _period(ctx, "year", 1, False), mod) if gran == "year" else None
    if rel in _LATEST or (rel == "the" and gran == "quarter"):
        if gran == "quarter" and (ended := _ended(m, ctx)):
            return "DATE", ended, mod
        if gran == "quarter":
            if rel == "the" and ctx.quarter:
                return "DATE", ctx.quarter, mod
            return "DATE", _period(ctx, "quarter", -1, False), mod
        return "DATE", _period(ctx, gran, -1, False), mod
    if rel == "the":
        if gran == "weekend":
            wd = ctx.dct.isoweekday()
            n = 0 if wd >= 6 or direction > 0 else -1
            return "DATE", _period(ctx, "weekend", n, False), mod
        if mod:
            return "DATE", _period(ctx, gran, 0, False), mod
        if gran in ("year", "month", "week"):
            return "DURATION", f"P1{UNITS[unit]}", None
        if gran == "day":
            return "DATE", _period(ctx, "day", 0, True), mod
    return None


_ORD_Q = {"final": 4, "last": 4}
_ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+(?P<mon>[A-Z][a-z]+\.?)\s+(?P<d>\d\d?)\b"
    r"(?:,?\s+(?P<y>\d{4}))?"
)


def _ended(m: re.Match, ctx: Context) -> str | None:
    """The quarter of the closing date that follows "the quarter" ("... ended Sept. 30")."""
    e = _ENDED.match(ctx.text, m.end())
    if not e or e["mon"].lower().rstrip(".") not in MONTHS:
        return None
    mon, day = _mon(e["mon"]), int(e["d"])
    if e["y"]:
        y = int(e["y"])
    else:
        v = month_day(ctx.dct, mon, day, -1)
        if v is None:
            return None
        y = int(v[:4])
    return f"{y:04d}-Q{(mon - 1) // 3 + 1}"


def _quarter_year(ctx: Context, q: int, months: int) -> int:
    start = dt.date(ctx.dct.year, months * (q - 1) + 1, 1)
    return ctx.dct.year if start <= ctx.dct else ctx.dct.year - 1


def h_quarter(m: re.Match, ctx: Context) -> Result:
    qw = m["q"].lower()
    half = m["unit"].lower() == "half"
    q = (2 if half else 4) if qw in _ORD_Q else ORDINALS.get(qw)
    if not q or q > (2 if half else 4):
        return None
    months = 6 if half else 3
    y = m["y1"] or m["y2"] or m["fy"]
    if y:
        year = int(y)
    elif m["rel2"] or m["ry"]:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(_norm(m["rel2"] or m["ry"]), 0)
    else:
        year = _quarter_year(ctx, q, months)
    pre = _norm(m["pre"])
    if any(w in pre for w in ("ago", "earlier", "previous", "prior", "comparable")):
        year -= 1
    return "DATE", f"{year:04d}-{'H' if half else 'Q'}{q}", None


def h_qcode(m: re.Match, ctx: Context) -> Result:
    code = m["q"].upper()
    n = int(code[1])
    year = int(m["y"]) if m["y"] else _quarter_year(ctx, n, 3 if code[0] == "Q" else 6)
    return "DATE", f"{year:04d}-{code}", None


def h_yearago(m: re.Match, ctx: Context) -> Result:
    unit = (m["unit"] or "").lower()
    if not unit and m["ya"].lower() in ("comparable", "corresponding"):
        return None
    if unit in ("", "quarter", "period") and ctx.quarter:
        return "DATE", shifted(ctx.quarter, "year", -1), None
    if unit in ("quarter", "period"):
        return "DATE", _period(ctx, "quarter", -5, False), None
    if unit in ("month", "week", "day"):
        return "DATE", shifted(format_value(unit, ctx.dct), "year", -1), None
    return "DATE", f"{ctx.dct.year - 1:04d}", None


def h_yearperiod(m: re.Match, ctx: Context) -> Result:
    y = int(m["y"])
    if m["unit"].lower() == "year":
        return "DATE", f"{y:04d}", None
    if ctx.quarter:
        return "DATE", f"{y:04d}{ctx.quarter[4:]}", None
    return "DATE", f"{y:04d}", None


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}  # fmt: skip


def spoken_year(words: str) -> int | None:
    """The year named in words: "nineteen ninety-six" is 1996, "two thousand one" is 2001."""
    parts = _SPACE.sub(" ", words.lower().replace("-", " ")).split(" ")
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


def h_season(m: re.Match, ctx: Context) -> Result:
    code = SEASONS[m["s"].lower()]
    if m["sy"] and (y := spoken_year(m["sy"])):
        return "DATE", f"{y:04d}-{code}", _mod(m)
    if m["y"]:
        return "DATE", f"{int(m['y']):04d}-{code}", _mod(m)
    rel = _norm(m["rel"])
    srel = {"last": "last", "past": "last", "previous": "last", "this": "this", "next": "next",
            "coming": "next"}.get(rel)  # fmt: skip
    return "DATE", season(ctx.dct, code, ctx.direction(m.start(), m.end()), srel), _mod(m)


def _unit(word: str) -> str:
    w = word.lower()
    return {"centuries": "century", "millennia": "millennium"}.get(w, w)


_OFFSET_GRAN = {"day": "day", "night": "day", "week": "day", "weekend": "week",
                "fortnight": "day", "month": "month", "quarter": "quarter", "year": "year",
                "decade": "year", "century": "year", "millennium": "year"}  # fmt: skip


def _last_quarter_base(ctx: Context, pos: int) -> str | None:
    if ctx.quarter and ctx.sentence(pos) - ctx.quarter_sentence <= 4:
        return ctx.quarter
    return None


def h_offset(m: re.Match, ctx: Context) -> Result:
    unit = _unit(m["unit"])
    d = _norm(m["dir"])
    n = to_number(m["n"])
    if unit in TIME_UNITS or unit not in _OFFSET_GRAN:
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
    if unit == "year" and (base := _last_quarter_base(ctx, m.start())):
        return "DATE", shifted(base, "year", sign * count), None
    if anchored and ctx.last and (p := parse_value(ctx.last)):
        own = p[0] if p[0] != "weekend" else "week"
        g = gran if _finer_or_equal(own, gran) else own
        if _finer_or_equal(own, gran):
            return "DATE", format_value(g, shift(own, p[1], unit_step, sign * count)), None
    first = ctx.dct
    return "DATE", format_value(gran, shift("day", first, unit_step, sign * count)), None


_ORDER = ["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]


def _finer_or_equal(a: str, b: str) -> bool:
    return _ORDER.index(a) <= _ORDER.index(b) if a in _ORDER and b in _ORDER else False


def h_dayafter(m: re.Match, ctx: Context) -> Result:
    what = _norm(m["what"]).removeprefix("the ")
    gran = "day" if what == "night" else what
    n = -1 if _norm(m["dir"]) == "before" else 1
    return "DATE", _period(ctx, gran, n, True), None


def h_laterthat(m: re.Match, ctx: Context) -> Result:
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return "TIME", f"{_period(ctx, 'day', 0, True)}T{PARTS_OF_DAY[unit]}", None
    return "DATE", _period(ctx, unit, 0, True), None


def h_inday(m: re.Match, ctx: Context) -> Result:
    unit = m["unit"].lower()
    return "DATE", _period(ctx, unit, 0, False), None


_APPROX = {"about": "APPROX", "some": "APPROX", "roughly": "APPROX", "around": "APPROX",
           "approximately": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
           "less than": "LESS_THAN", "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS",
           "at most": "EQUAL_OR_LESS", "under": "LESS_THAN", "within": "EQUAL_OR_LESS",
           "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
           "at least": "EQUAL_OR_MORE"}  # fmt: skip


def duration_value(n: int | float | None, unit: str) -> str:
    """The ISO 8601 duration of `n` units ("X" for an unknown count)."""
    unit = _unit(unit)
    if unit == "fortnight":
        n, unit = (None if n is None else n * 2), "week"
    if unit == "night":
        unit = "day"
    if unit in ("decade", "century", "millennium"):
        scale = {"decade": 10, "century": 100, "millennium": 1000}[unit]
        if n is None:
            return "PXC" if unit == "century" else "PXY"
        return f"P{fmt_number(n * scale)}Y"
    code = "WE" if unit == "weekend" else UNITS.get(unit, "X")
    t = "T" if unit in TIME_UNITS else ""
    return f"P{t}{fmt_number(n)}{code}"


def h_duration(m: re.Match, ctx: Context) -> Result:
    n = to_number(m["n"])
    if n is not None and m["half"]:
        n = n + 0.5
    return "DURATION", duration_value(n, m["unit"]), _APPROX.get(_norm(m["approx"]))


def h_units(m: re.Match, ctx: Context) -> Result:
    rel = _norm(m["rel"])
    unit = m["unit"].lower()
    unit = unit[:-1] if not unit.endswith("ies") else "century"
    if rel in ("coming", "next") and m["the"]:
        return "DATE", "FUTURE_REF", None
    if rel == "recent":
        return "DATE", "PAST_REF", None
    return "DURATION", duration_value(None, unit), None


def h_set(m: re.Match, ctx: Context) -> Result:
    if m["adv"]:
        return "SET", SET_WORDS[m["adv"].lower()], None
    if m["basis"]:
        b = m["basis"].lower()
        v = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
             "annual": "P1Y", "quarterly": "P1Q"}.get(b)  # fmt: skip
        return ("SET", v, None) if v else None
    wds = m["wds"] or (m["unit"] if m["unit"] and m["unit"].lower() in WEEKDAYS else None)
    if wds:
        return "SET", f"XXXX-WXX-{WEEKDAYS[wds.lower()]}", None
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None
    if unit in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit]:02d}", None
    n = to_number(m["n"]) if m["n"] else 1
    if "other" in _norm(m.group(0)):
        n = 2
    return "SET", duration_value(n, unit), None


def _clock_day(ctx: Context, word: str | None, m: re.Match) -> str:
    if not word:
        return _period(ctx, "day", 0, True)
    w = word.lower()
    if w in _DEICTIC:
        return _day(ctx.dct + dt.timedelta(days=_DEICTIC[w]))
    return weekday(ctx.dct, WEEKDAYS[w], ctx.direction(m.start(), m.end()))


def h_clock(m: re.Match, ctx: Context) -> Result:
    day = _clock_day(ctx, m["wd1"] or m["wd2"], m)
    if m["cmon"]:
        day = month_day(ctx.dct, _mon(m["cmon"]), int(_DIGITS.match(m["cd"]).group()),
                        ctx.direction(m.start(), m.end())) or day  # fmt: skip
    if m["nm"]:
        nm = m["nm"].lower()
        return "TIME", f"{day}T{'24:00' if nm == 'midnight' else '12:00'}", None
    if m["hh24"]:
        h, mi = int(m["hh24"]), int(m["mi24"])
    elif m["oc"]:
        h = to_number(m["oc"])
        if not isinstance(h, int) or not 0 < h <= 12:
            return None
        mi = 0
    else:
        h, mi = int(m["hh"]), int(m["mi"] or 0)
        pm = m["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if m["hh"] and not m["mi"]:
        return "TIME", f"{day}T{h:02d}:00", None
    return "TIME", f"{day}T{h:02d}:{mi:02d}", None


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
         "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
         "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
         "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF",
         "the past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
         "soon": "FUTURE_REF", "any time soon": "FUTURE_REF"}  # fmt: skip


def h_ref(m: re.Match, ctx: Context) -> Result:
    w = _norm(m["w"])
    if w.startswith("recent "):
        if w.endswith("years"):
            return "DATE", "PAST_REF", None
        return "DURATION", duration_value(None, w.split()[-1][:-1]), None
    v = _REFS.get(w)
    return ("DATE", v, None) if v else None


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, mo, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, mo + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


def h_holiday(m: re.Match, ctx: Context) -> Result:
    h = _norm(m["h"])
    y = ctx.dct.year
    if h in HOLIDAYS:
        mo, d = HOLIDAYS[h]
    else:
        fixed = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
                 "labor day": (9, 1, 1), "memorial day": (5, 1, -1)}.get(h)  # fmt: skip
        if fixed:
            days = [_nth_weekday(x, *fixed) for x in (y - 1, y, y + 1)]
        else:
            days = [_nth_weekday(x, 11, 1, 1) + dt.timedelta(days=1) for x in (y - 1, y, y + 1)]
        if ctx.direction(m.start(), m.end()) <= 0:
            return "DATE", [x for x in days if x <= ctx.dct][-1].isoformat(), None
        return "DATE", [x for x in days if x >= ctx.dct][0].isoformat(), None
    value = month_day(ctx.dct, mo, d, ctx.direction(m.start(), m.end()))
    return ("DATE", value, None) if value else None


def h_yearend(m: re.Match, ctx: Context) -> Result:
    y = ctx.dct.year + {"last": -1, "next": 1}.get(_norm(m["rel"]), 0)
    return "DATE", f"{y:04d}", "END"


HANDLERS = {
    "yearend": h_yearend,
    "iso": h_iso, "numeric": h_numeric, "mdy": h_dated, "dmy": h_dated,
    "month_year": h_month_year, "month": h_month, "year": h_year, "decade": h_decade,
    "century": h_century, "weekday": h_weekday, "deictic": h_deictic, "partday": h_partday,
    "relperiod": h_relperiod, "quarter": h_quarter, "qcode": h_qcode, "yearago": h_yearago,
    "season": h_season, "yearperiod": h_yearperiod, "spoken": h_spoken, "offset": h_offset,
    "dayafter": h_dayafter, "laterthat": h_laterthat,
    "inday": h_inday, "duration": h_duration, "units": h_units, "set": h_set,
    "clock": h_clock, "ref": h_ref, "holiday": h_holiday,
}  # fmt: skip
"""Rule name to handler."""
