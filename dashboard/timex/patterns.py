"""The named pieces of the rules' patterns, and the rules compiled once at import.

A rule's pattern (`rules.txt`) is written over named pieces, `{MONTH}`, `{WEEKDAY}`, `{UNIT}`:
the vocabularies of `dashboard.vocab` as alternations, and shared parts ("the end of", a time
zone). Each entry of `RULES` is (name, regex); `dashboard.timex.handlers.registry` holds the
handler that turns a match into a TIMEX3 type and value.
"""

from __future__ import annotations

import re

from dashboard.timex.lexicon import NUMBERS, ORDINALS, SEASONS, VAGUE_NUMBERS
from dashboard.timex.rules import RULES as RECORDS
from dashboard.timex.rules import Rule, RuleError
from dashboard.vocab import holidays, months, parts_of_day, set_words, time_units, weekdays


def _alt(words) -> str:
    """A non-capturing alternation of `words`, longest first, spaces matching any blank."""
    ws = sorted(set(words), key=len, reverse=True)
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
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = (
    rf"(?:(?:{TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + _alt([w for w in NUMBERS if not w.startswith(("twenty", "thirty"))])[3:-1]
    + ")"
)
VAGUE = _alt(VAGUE_NUMBERS)
NUM = rf"(?:\d{{1,3}}(?:\.\d+|\s+1/2)?|{NUMWORD})"
ORD = _alt(ORDINALS)
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)(?:\s+hundred)?\s+(?:and\s+)?(?:(?:{TENS})"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten))?)"
)
UNIT = _alt([w for u in time_units() if not u.short for w in (u.word, u.plural) if w])
SHORT_UNIT = "|".join(re.escape(u.word) for u in time_units() if u.short)
SEASON = _alt(SEASONS)
PART = _alt(p.word for p in parts_of_day() if not p.clock)
CLOCK_PART = _alt(p.word for p in parts_of_day() if p.clock)
SET_WORD = _alt(w.word for w in set_words() if w.alone)
HOLIDAY = _alt(h.name for h in holidays())
PART_OF = (
    r"(?:(?:the\s+)?(?:early\s+|late\s+)?(?P<part0>morning\s+hours|morning|afternoon|evening|night"
    r"|early\s+hours"
    r"|small\s+hours|wee\s+hours)\s+of\s+)?"
)
"""An optional "the morning of" in front of a day."""
EDGE = (
    r"(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn"
    r"|latter\s+part|early\s+part|first\s+part|rest|remainder|balance)\s+of\s+)"
    r"|(?P<ear>(?:early|late|mid|middle)(?:\s*-\s*|\s+)))"
)
"""A modifier in front of a period: "the end of", "early", "mid-"."""
PART_OF_MONTH = (
    r"(?:(?P<sub>(?:the\s+)?(?:first|second|latter|last|final)\s+(?:half|week|fortnight"
    r"|(?:few\s+|two\s+|ten\s+)?days|two\s+weeks)\s+of\s+))"
)
"""A part of a month in front of its name: "the first week of", "the second half of"."""

ZONES = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|KST|JST|ET|PT|CT|MT)\b"
TZ = (
    rf"(?:\s*(?:\({ZONES}\)|{ZONES})"
    r"|\s+(?-i:Eastern|Central|Mountain|Pacific)(?:\s+(?-i:Standard|Daylight))?\s+[Tt]ime\b)"
)
"""A time zone after a clock time: an abbreviation (upper case only) or "Eastern Time"."""
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"

PIECES = {
    name: value for name, value in globals().items() if name.isupper() and isinstance(value, str)
}
"""The named pieces a rule's pattern may use as {NAME}: vocabularies and shared parts."""

_PIECE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def expand(rule: Rule) -> str:
    """A rule's pattern with its {NAME} pieces written out (an unknown name is an error).

    >>> from dashboard.timex.rules import BY_NAME
    >>> expand(BY_NAME["weekday"]).count("Wednesday"), BY_NAME["weekday"].pattern.count("Wednesday")
    (1, 0)
    """

    def piece(m: re.Match) -> str:
        if m.group(1) not in PIECES:
            raise RuleError(f"rule {rule.name!r}: no piece named {m.group(1)} in its pattern")
        return PIECES[m.group(1)]

    return _PIECE.sub(piece, rule.pattern)


RULES: list[tuple[str, re.Pattern]] = [(r.name, re.compile(expand(r), re.I)) for r in RECORDS]
"""(rule name, compiled case-insensitive pattern) for every rule of `rules.txt`, in order."""
