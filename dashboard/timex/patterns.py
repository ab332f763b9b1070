"""The named pieces of the rules' patterns, and the rules compiled once at import.

A rule's pattern (`rules.txt`) is written over named pieces, `{MONTH}`, `{WEEKDAY}`, `{UNIT}`:
the vocabularies of `dashboard.vocab` as alternations (built here), and the shared parts that
`rules.txt` writes as `piece` records ("the end of", a time zone). Each entry of `RULES` is
(name, regex); `dashboard.timex.handlers.registry` holds the handler that turns a match into a
TIMEX3 type and value.
"""

from __future__ import annotations

import re

from dashboard.timex.compiled import cache_file, compile_all, kept
from dashboard.timex.lexicon import NUMBERS, ORDINALS, SEASONS, VAGUE_NUMBERS
from dashboard.timex.rules import PIECES as PIECE_RECORDS
from dashboard.timex.rules import RULES as RECORDS
from dashboard.timex.rules import Rule, RuleError
from dashboard.vocab import holidays, months, parts_of_day, set_words, time_units, weekdays


def _alt(words) -> str:
    """A non-capturing alternation of `words`, longest first, spaces matching any blank."""
    ws = sorted(set(words), key=lambda w: (-len(w), w))  # (one order: one compiled program)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


def _either(words) -> str:
    """A non-capturing alternation of `words` in their order (escaped)."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


MONTH_FULL = _either(m.name for m in months())
MONTH_ABBR = _either(a.capitalize() for m in months() for a in m.abbreviations) + r"\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
MONTH_ALONE = "|".join(re.escape(a.capitalize()) + r"\." for m in months() for a in m.alone)
"""Abbreviations that name a month on their own with their period ("Sept.", not "Mar.")."""
WEEKDAY = _either(w.name for w in weekdays())
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = (
    rf"(?:(?:{TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + _alt([w for w in NUMBERS if not w.startswith(("twenty", "thirty"))])[3:-1]
    + ")"
)
VAGUE = _alt(VAGUE_NUMBERS)
ORD = _alt(ORDINALS)
UNIT = _alt([w for u in time_units() if not u.short for w in (u.word, u.plural) if w])
SHORT_UNIT = "|".join(re.escape(u.word) for u in time_units() if u.short)
SEASON = _alt(SEASONS)
PART = _alt(p.word for p in parts_of_day() if not p.clock)
CLOCK_PART = _alt(p.word for p in parts_of_day() if p.clock)
SET_WORD = _alt(w.word for w in set_words() if w.alone)
HOLIDAY = _alt(h.name for h in holidays())


VOCABULARIES = {
    name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)
}
"""The vocabularies of `dashboard.vocab` as alternations, by the name a pattern uses."""

_PIECE = kept(r"\{([A-Z][A-Z0-9_]*)\}")


def _expand(what: str, pattern: str, pieces: dict[str, str]) -> str:
    def piece(m: re.Match) -> str:
        if m.group(1) not in pieces:
            raise RuleError(f"{what}: no piece named {m.group(1)} in its pattern")
        return pieces[m.group(1)]

    return _PIECE.sub(piece, pattern)


PIECES = dict(VOCABULARIES)
"""The named pieces a rule's pattern may use as {NAME}: the vocabularies, then the shared parts
of `rules.txt` (a piece may use those written before it)."""
for _piece in PIECE_RECORDS:
    PIECES[_piece.name] = _expand(f"piece {_piece.name!r}", _piece.pattern, PIECES)


def expand(rule: Rule) -> str:
    """A rule's pattern with its {NAME} pieces written out (an unknown name is an error).

    >>> from dashboard.timex.rules import BY_NAME
    >>> expand(BY_NAME["weekday"]).count("Wednesday"), BY_NAME["weekday"].pattern.count("Wednesday")
    (1, 0)
    """
    return _expand(f"rule {rule.name!r}", rule.pattern, PIECES)


_COMPILED = compile_all([expand(r) for r in RECORDS], re.I, cache_file("rules"))
RULES: list[tuple[str, re.Pattern]] = [
    (r.name, rx) for r, rx in zip(RECORDS, _COMPILED, strict=True)
]
"""(rule name, compiled case-insensitive pattern) for every rule of `rules.txt`, in order
(compiled once: `dashboard.timex.compiled`)."""
