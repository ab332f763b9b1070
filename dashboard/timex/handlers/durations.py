"""Handlers for durations, sets (frequencies) and the PRESENT/PAST/FUTURE references."""

from __future__ import annotations

import re

from dashboard.timex.context import Context
from dashboard.timex.handlers.shared import (
    Result,
    norm,
    unit_name,
)
from dashboard.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
)
from dashboard.timex.numbers import fmt_number, to_number

APPROX_MODS = {"about": "APPROX", "some": "APPROX", "roughly": "APPROX", "around": "APPROX",
           "approximately": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
           "less than": "LESS_THAN", "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS",
           "at most": "EQUAL_OR_LESS", "under": "LESS_THAN", "within": "EQUAL_OR_LESS",
           "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
           "at least": "EQUAL_OR_MORE"}  # fmt: skip


def duration_value(n: int | float | None, unit: str) -> str:
    """The ISO 8601 duration of `n` units ("X" for an unknown count)."""
    unit = unit_name(unit)
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
    if isinstance(n, float) and (n * 2).is_integer() and unit in _HALVES:
        half_code, half_n = _HALVES[unit]
        whole = f"{int(n)}{code}" if int(n) else ""
        sep = "T" if unit == "day" else ""
        return f"P{t}{whole}{sep}{half_n}{half_code}"
    return f"P{t}{fmt_number(n)}{code}"


_HALVES = {"year": ("M", 6), "month": ("D", 15), "day": ("H", 12), "hour": ("M", 30),
           "minute": ("S", 30)}  # fmt: skip
"""Half of a unit in the next smaller unit ("2 1/2 years" is P2Y6M)."""


def h_duration(m: re.Match, ctx: Context) -> Result:
    n = to_number(m["n"])
    if n is not None and (m["half"] or m["half2"]):
        n = n + 0.5
    return "DURATION", duration_value(n, m["unit"]), APPROX_MODS.get(norm(m["approx"]))


def h_units(m: re.Match, ctx: Context) -> Result:
    rel = norm(m["rel"])
    unit = m["unit"].lower()
    unit = unit[:-1] if not unit.endswith("ies") else "century"
    if rel in ("coming", "next") and m["the"]:
        return "DATE", "FUTURE_REF", None
    if rel == "recent" and unit == "year":
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
    if m["wdp"]:  # "Saturday mornings"
        day, part = WEEKDAYS[m["wdp"].lower()], PARTS_OF_DAY[m["parts"].lower()]
        return "SET", f"XXXX-WXX-{day}T{part}", None
    wds = m["wds"] or (m["unit"] if m["unit"] and m["unit"].lower() in WEEKDAYS else None)
    if wds:
        return "SET", f"XXXX-WXX-{WEEKDAYS[wds.lower()]}", None
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None
    if unit in MONTHS:
        return "SET", f"XXXX-{MONTHS[unit]:02d}", None
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", None
    n = to_number(m["n"]) if m["n"] else 1
    if "other" in norm(m.group(0)):
        n = 2
    return "SET", duration_value(n, unit), None


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
         "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
         "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
         "lately": "PAST_REF", "formerly": "PAST_REF", "previously": "PAST_REF",
         "the past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
         "soon": "FUTURE_REF", "any time soon": "FUTURE_REF"}  # fmt: skip


def h_ref(m: re.Match, ctx: Context) -> Result:
    w = norm(m["w"])
    if w.startswith("recent "):
        if w.endswith("years"):
            return "DATE", "PAST_REF", None
        return "DURATION", duration_value(None, w.split()[-1][:-1]), None
    if "while" in w:  # "for a while" is a span of unknown length; "a while ago" is the past
        if w.endswith(("ago", "back")):
            return "DATE", "PAST_REF", None
        return "DURATION", "PXX", None
    v = _REFS.get(w)
    return ("DATE", v, None) if v else None
