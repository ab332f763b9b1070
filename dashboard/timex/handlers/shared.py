"""Pieces shared by the rule handlers: the result type, word normalisers, anchoring."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.period import moved
from dashboard.timex.compiled import kept
from dashboard.timex.context import Context
from dashboard.timex.dates import format_value, parse_value, period_start, shift
from dashboard.timex.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
)
from dashboard.timex.resolve import mod_of, month_day

Result = tuple[str, str, str | None] | None

SPACE = kept(r"\s+")

DIGITS = kept(r"\d+")


def norm(s: str | None) -> str:
    """Lower case with single spaces ("" for None)."""
    return SPACE.sub(" ", s.lower()).strip() if s else ""


def month_number(s: str) -> int:
    """The number of a month name or abbreviation ("Sept." is 9)."""
    return MONTHS[s.lower().rstrip(".")]


_MOD_GROUPS: dict[re.Pattern, tuple[str, ...]] = {}
"""The modifier groups each rule's pattern has, in the order `mod_of_match` reads them."""


def mod_of_match(m: re.Match) -> str | None:
    """The TIMEX3 mod of a match's modifier group ("the end of", "early", "earlier")."""
    groups = _MOD_GROUPS.get(m.re)
    if groups is None:
        index = m.re.groupindex
        groups = _MOD_GROUPS[m.re] = tuple(g for g in ("edge", "ear", "eart", "sub") if g in index)
    for g in groups:
        if found := m.group(g):
            return mod_of(found)
    return None


def iso_day(d: dt.date) -> str:
    """A date as an ISO day value."""
    return d.isoformat()


def day_after(d: dt.date, days: int) -> str:
    """The ISO day `days` days after `d` ('' past the calendar's ends)."""
    moved_to = moved(d, days)
    return moved_to.isoformat() if moved_to else ""


def anchor(ctx: Context, gran: str) -> tuple[str, dt.date]:
    """The last mentioned period usable at granularity `gran`, else the DCT's."""
    if ctx.last:
        parsed = parse_value(ctx.last)
        if parsed and finer_or_equal(*(g.replace("weekend", "week") for g in (parsed[0], gran))):
            return gran, period_start(gran, parsed[1])
    return gran, period_start(gran, ctx.dct)


def year_of(y: str) -> int:
    """A four-digit or apostrophe year ("'98") as a number."""
    if y.startswith("'"):
        n = int(y[1:])
        return 2000 + n if n <= 30 else 1900 + n
    return int(y)


def with_part(day: str, part: str | None) -> tuple[str, str]:
    """(type, value) of a day, with a part of the day ("morning") as a TIME suffix ('' for no
    day)."""
    if not part or not day:
        return "DATE", day
    code = PARTS_OF_DAY.get(part.lower().split()[-1], "MO" if "hours" in part.lower() else "NI")
    return "TIME", f"{day}T{code}"


DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
            "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip

PREV = {"last", "the previous", "the preceding", "the prior", "last fiscal"}

PASTDUR = {"the past", "the last", "this past"}

THIS = {"this", "the current", "this fiscal", "the current fiscal", "the present"}

NEXT = {"next", "the coming", "the upcoming", "next fiscal", "this coming"}

FOLLOW = {"the following", "the next"}

SAME = {"the same", "that", "that same"}

LATEST = {"the latest", "the most recent", "the recent"}

GRAN = {"week": "week", "weekend": "weekend", "month": "month", "year": "year",
         "quarter": "quarter", "decade": "decade", "century": "century", "day": "day",
         "half": "half", "period": "quarter"}  # fmt: skip


def period(ctx: Context, gran: str, n: int, anchored: bool) -> str:
    """The value of the period `n` units from the DCT's (or the last mentioned) one."""
    g, first = anchor(ctx, gran) if anchored else (gran, period_start(gran, ctx.dct))
    return format_value(g, shift(g, first, "week" if g == "weekend" else g, n))


ORD_Q = {"final": 4, "last": 4}

ENDED = kept(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+(?P<mon>[A-Z][a-z]+\.?)\s+(?P<d>\d\d?)\b"
    r"(?:,?\s+(?P<y>\d{4}))?"
)


def ended_quarter(m: re.Match, ctx: Context) -> str | None:
    """The quarter of the closing date that follows "the quarter" ("... ended Sept. 30")."""
    e = ENDED.match(ctx.text, m.end())
    if not e or e["mon"].lower().rstrip(".") not in MONTHS:
        return None
    mon, day = month_number(e["mon"]), int(e["d"])
    if e["y"]:
        y = int(e["y"])
    else:
        v = month_day(ctx.dct, mon, day, -1)
        if v is None:
            return None
        y = int(v[:4])
    return f"{y:04d}-Q{(mon - 1) // 3 + 1}"


def unit_name(word: str) -> str:
    """A unit word in the singular ("centuries" is "century")."""
    w = word.lower()
    return {"centuries": "century", "millennia": "millennium"}.get(w, w)


ORDER = ["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]


def finer_or_equal(a: str, b: str) -> bool:
    """Whether granularity `a` is at least as fine as `b`."""
    return ORDER.index(a) <= ORDER.index(b) if a in ORDER and b in ORDER else False
