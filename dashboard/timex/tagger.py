"""The tagger: find candidates with every pattern, keep the leftmost-longest, resolve in order.

>>> [(t.text, t.type, t.value) for t in tag("She said Wednesday it will act.", "2025-02-19")]
[('Wednesday', 'DATE', '2025-02-19')]
"""

from __future__ import annotations

import datetime as dt

from dashboard.period import day as iso_day
from dashboard.timex.compiled import keep, kept, opening_words, openings
from dashboard.timex.context import Context
from dashboard.timex.dates import parse_value
from dashboard.timex.handlers.registry import CHECKS, HANDLERS
from dashboard.timex.joins import (
    bracketed_day,
    join_clock,
    range_end,
    recurring,
    share_day,
    zone,
)
from dashboard.timex.model import Timex
from dashboard.timex.openers import KNOWN_LIMIT, anything_known, can_open, known, word_end
from dashboard.timex.patterns import RULES
from dashboard.timex.ranges import value_range
from dashboard.timex.triggers import prefix_starts, trigger_hits

_CLOCK = kept(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_COMPILED = [(i, name, rx, CHECKS.get(name), HANDLERS[name]) for i, (name, rx) in enumerate(RULES)]
_BY_NAME = {
    name: (i, rx.match, check, openings(rx), opening_words(rx))
    for i, name, rx, check, _ in _COMPILED
}
_VIABLE: dict[tuple[tuple[str, ...], str], tuple] = {}
"""The (rule index, match function, check, openings, opening words) entries of cued rules that
can open with a probe."""
_BY_WORDS: dict[tuple[tuple[str, ...], str], tuple] = {}
"""The entries of cued rules that can open with a run of letters (`compiled.opening_words`)."""
_RUN = kept("[a-z]+")
_CUED: dict[tuple[str, ...], tuple] = {}
"""The entries of the rules a trigger cues, by their names."""


WARM_UP = 20_000
"""How many cued rule tries a process makes before it asks `can_open` which rules can open at
all: each rule asked costs a partial pattern compiled (a few ms), which pays only over many
texts; answers known already (`openers.learn`) are used from the start, and until then a rule
is not tried where no match of it can open with the run of letters there (`_by_words`, read
from the patterns when they are compiled)."""
_TRIED = [0]


def _viable(names: tuple[str, ...], probe: str) -> tuple:
    key = (names, probe)
    entries = _VIABLE.get(key)
    if entries is None:
        cued = _CUED.get(names)
        if cued is None:
            cued = _CUED[names] = tuple(_BY_NAME[n] for n in names)
        if _TRIED[0] < WARM_UP:
            _TRIED[0] += len(cued)
            cued = _by_words(names, cued, probe)
            if not anything_known():
                return cued
            return tuple(e for e in cued if known(e[0], probe) is not False)
        if len(_VIABLE) >= KNOWN_LIMIT:
            _VIABLE.clear()
        entries = _VIABLE[key] = tuple(e for e in cued if can_open(e[0], probe))
    return entries


def _by_words(names: tuple[str, ...], cued: tuple, probe: str) -> tuple:
    """The entries of `cued` whose rules can open with the run of letters `probe` opens with
    (all of them when it opens with none, or when a character past ASCII follows the run)."""
    run = _RUN.match(probe)
    if run is None or probe[run.end() : run.end() + 1] >= "\x80":
        return cued
    key = (names, run.group())
    entries = _BY_WORDS.get(key)
    if entries is None:
        if len(_BY_WORDS) >= KNOWN_LIMIT:
            _BY_WORDS.clear()
        word = key[1]
        entries = _BY_WORDS[key] = tuple(
            e for e in cued if e[4] is None or word in e[4][0] or word.startswith(e[4][1])
        )
    return entries


def _as_date(dct: str | dt.date | dt.datetime) -> dt.date:
    """The DCT as a date (a date, a datetime or a string starting with an ISO day).

    >>> _as_date("2025-02-19T08:00:00Z")
    datetime.date(2025, 2, 19)
    >>> _as_date("soon")
    Traceback (most recent call last):
    ValueError: document creation time 'soon' is not a YYYY-MM-DD date
    """
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    day = iso_day(str(dct).strip())
    if day is None:
        raise ValueError(f"document creation time {dct!r} is not a YYYY-MM-DD date")
    return day


def _candidates(text: str) -> list:
    """(start, -length, rule index, match) of every cued pattern match that passes its filter."""
    tried: dict = {}
    kept: dict = {}
    reverse = text[::-1]
    viable = _VIABLE.get
    for p, names in trigger_hits(text):
        end = word_end(text, p) + 1
        for s in prefix_starts(text, p, reverse):
            probe = text[s:end].lower()
            entries = viable((names, probe))
            if entries is None:
                entries = _viable(names, probe)
            c = text[s]
            for i, match, check, opens, _ in entries:
                if c not in opens and c < "\x80":
                    continue  # (no match of the rule opens with this character)
                key = (s, i)
                m = tried.get(key, tried)
                if m is tried:
                    m = match(text, s)
                    if m is not None and check is not None and not check(m, text):
                        m = None
                    tried[key] = m
                if m is not None and m.end() > p and key not in kept:
                    kept[key] = (s, s - m.end(), i, m)
    return sorted(kept.values())  # (start, rule) is unique, so matches are never compared


def tag(text: str, dct: str | dt.date) -> list[Timex]:
    """Every temporal expression in `text`, normalised against the creation date `dct`.

    A `dct` that is not a date raises ValueError, whatever the text; so does nothing else: a
    rule that raises is a bug, and it surfaces.
    """
    return [t for _, t in tag_rules(text, dct)]


def tag_rules(text: str, dct: str | dt.date) -> list[tuple[str, Timex]]:
    """`tag`'s expressions, each with the name of the rule that found it ("clock+mdy" for a
    clock time joined to its date)."""
    day = _as_date(dct)
    if not isinstance(text, str) or not text:
        return []
    written, text = text, text if text.isascii() else text.translate(FOLDS)
    ctx = Context(text, day)
    out: list[tuple[str, Timex]] = []
    last_end = 0
    for start, neg_len, i, m in _candidates(text):
        if start < last_end:
            continue
        name = _COMPILED[i][1]
        result = _COMPILED[i][4](m, ctx)
        if result is None or not result[1]:
            continue
        type_, value, mod = result
        end = start - neg_len
        precision, first, last = value_range(value, type_)
        tz = zone(m) if type_ == "TIME" else None
        timex = Timex(start, end, text[start:end], type_, value, mod, precision, first, last, tz)
        if out and (joined := join_clock(text, out[-1], (name, timex))):
            out[-1] = joined
        else:
            if out and (shared := share_day(text, out[-1], (name, timex))):
                out[-1] = shared
            if out and (closing := range_end(text, out[-1], (name, timex))):
                timex = closing[1]
                value = timex.value
            if out and (repeated := recurring(text, out[-1], (name, timex))):
                if repeated.start == timex.start:
                    timex, type_, value = repeated, "SET", repeated.value
                else:
                    out[-1] = out[-1][0], repeated
            out.append((name, timex))
            if len(out) > 1 and type_ == "DATE":
                bracketed_day(text, out)
        last_end = end
        if (
            precision == "quarter"
            and name in ("quarter", "qcode", "relperiod")
            and last
            and last <= ctx.dct.isoformat()
        ):
            ctx.quarter, ctx.quarter_at = value, start
        if type_ in ("DATE", "TIME") and parse_value(day := value.split("T")[0]) is not None:
            ctx.last, ctx.last_at = day, start
            if len(day) == 10 and day <= ctx.dct.isoformat():
                ctx.last_past = day
            ctx.clock = value if "T" in value and _CLOCK.fullmatch(value) else None
    _quoted_today(ctx, out)
    if written is not text:  # each expression as written ("FRİDAY", not "FRIDAY")
        return [(name, Timex(t.start, t.end, written[t.start : t.end], t.type, t.value, t.mod,
                             t.precision, t.date, t.date_end, t.tz)) for name, t in out]
    return out


def _quoted_today(ctx: Context, out: list[tuple[str, Timex]]) -> None:
    """Date "today" and "tonight" in a quotation by the day of the speech the sentence gives
    after it ('"Today is a dark day," the mayor said on Tuesday.': Tuesday), in place."""
    dct = ctx.dct.isoformat()
    for k, (name, t) in enumerate(out):
        if name != "deictic" or t.text.lower() not in ("today", "tonight") or t.value[:10] != dct:
            continue
        day = ctx.speech_after(t.end, [timex for _, timex in out[k + 1 :]])
        if day is not None:
            value = day.isoformat() + t.value[10:]
            precision, first, last = value_range(value, t.type)
            out[k] = name, Timex(t.start, t.end, t.text, t.type, value, t.mod, precision, first,
                                 last, t.tz)


FOLDS = str.maketrans({"İ": "I", "ı": "i", "ſ": "s", "\u212a": "K"})
"""Letters that match an ASCII letter of a pattern when case is ignored but do not lower-case
to it ("FRİDAY" would match "friday" and then name no weekday): read as that letter, one for
one, so offsets stay the text's."""


keep()  # (the patterns of the tagger's modules, all imported by now, for the next process)
