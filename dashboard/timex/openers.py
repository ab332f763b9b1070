"""Which rules can start at a word: asked once per (rule, word) by partial matching, then known.

Most of the tagger's regex tries are rules cued by a trigger word but tried at a modifier word in
front of it ("the", "last", "about") where the rule cannot even begin. The `regex` module (already
installed with dateparser) can tell whether a string is the start of some possible match
("partial" matching). Asking that for the word at a start, with the rule's look-behinds removed
so the answer only ever errs towards "yes", lets the tagger skip tries that cannot succeed.

>>> from dashboard.timex.patterns import RULES
>>> month = [n for n, _ in RULES].index("month")
>>> can_open(month, "early"), can_open(month, "in")
(True, False)
"""

from __future__ import annotations

import re

import regex

from dashboard.timex.patterns import RULES

_LOOKBEHIND = re.compile(r"\(\?<[=!](?:[^()\\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*\)")
_WORD = re.compile(r"[\w'.$]*")
_PARTIAL: list = [None] * len(RULES)
_KNOWN: dict[tuple[int, str], bool] = {}

KNOWN_LIMIT = 200_000
"""How many answers are kept before the memory is cleared (numbers make the word set open)."""


def word_at(text: str, start: int) -> str:
    """The word starting at `start`, lower case, as the probe for `can_open`."""
    return _WORD.match(text, start).group().lower()


def _partial(rule: int):
    compiled = _PARTIAL[rule]
    if compiled is None:
        source = _LOOKBEHIND.sub("", RULES[rule][1].pattern)
        compiled = _PARTIAL[rule] = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
    return compiled


def can_open(rule: int, word: str) -> bool:
    """False when rule number `rule` cannot match any text that begins with `word`."""
    key = (rule, word)
    known = _KNOWN.get(key)
    if known is None:
        if len(_KNOWN) >= KNOWN_LIMIT:
            _KNOWN.clear()
        known = _partial(rule).match(" " + word, 1, partial=True) is not None
        _KNOWN[key] = known
    return known
