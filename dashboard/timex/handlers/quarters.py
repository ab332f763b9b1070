"""Handlers for fiscal and calendar quarters and halves, and year-ago comparisons in earnings."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.timex.context import Context
from dashboard.timex.dates import format_value
from dashboard.timex.handlers.shared import (
    ORD_Q,
    Result,
    norm,
    period,
)
from dashboard.timex.lexicon import (
    ORDINALS,
)
from dashboard.timex.resolve import shifted


def _quarter_year(ctx: Context, q: int, months: int, m: re.Match | None = None) -> int:
    """The year of quarter (or half) `q`: the DCT's when it has begun, or when it is still to
    come and the sentence looks forward ("cuts are planned for the second quarter"); else the
    year before."""
    start = dt.date(ctx.dct.year, months * (q - 1) + 1, 1)
    if start <= ctx.dct or (m is not None and ctx.direction(m.start(), m.end()) > 0):
        return ctx.dct.year
    return ctx.dct.year - 1


def h_quarter(m: re.Match, ctx: Context) -> Result:
    qw = m["q"].lower()
    half = m["unit"].lower() == "half"
    q = (2 if half else 4) if qw in ORD_Q else ORDINALS.get(qw)
    if not q or q > (2 if half else 4):
        return None
    months = 6 if half else 3
    y = m["y1"] or m["y2"] or m["fy"]
    if y:
        year = int(y)
    elif m["rel2"] or m["ry"]:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(norm(m["rel2"] or m["ry"]), 0)
    else:
        year = _quarter_year(ctx, q, months, m)
    pre = norm(m["pre"])
    if any(w in pre for w in ("ago", "earlier", "previous", "prior", "comparable")):
        year -= 1
    return "DATE", f"{year:04d}-{'H' if half else 'Q'}{q}", None


def h_qcode(m: re.Match, ctx: Context) -> Result:
    code = m["q"].upper()
    n = int(code[1])
    year = int(m["y"]) if m["y"] else _quarter_year(ctx, n, 3 if code[0] == "Q" else 6, m)
    return "DATE", f"{year:04d}-{code}", None


def h_yearago(m: re.Match, ctx: Context) -> Result:
    unit = (m["unit"] or "").lower()
    if not unit and m["ya"].lower() in ("comparable", "corresponding"):
        return None
    if unit in ("", "quarter", "period") and ctx.quarter:
        return "DATE", shifted(ctx.quarter, "year", -1), None
    if unit in ("quarter", "period"):
        return "DATE", period(ctx, "quarter", -5, False), None
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


def last_quarter_base(ctx: Context, pos: int) -> str | None:
    if ctx.quarter and ctx.sentence(pos) - ctx.sentence(ctx.quarter_at) <= 4:
        return ctx.quarter
    return None
