"""Which rules can open with a stretch of text: asked once per (rule, probe) by partial matching.

Most of the tagger's regex tries are rules cued by a trigger word but tried at a modifier word in
front of it ("the", "last", "about") where the rule cannot even begin. The `regex` module (already
installed with dateparser) can tell whether a string is the start of some possible match
("partial" matching). Asking that for the text from a start through the trigger word and the
character after it ("the year "), with the rule's look-behinds removed so the answer only ever
errs towards "yes", lets the tagger skip tries that cannot succeed ("year " cannot grow into
"yearly"); the answer is then known for that probe.

>>> from dashboard.timex.patterns import RULES
>>> month = [n for n, _ in RULES].index("month")
>>> can_open(month, "early"), can_open(month, "in"), can_open(month, "early march")
(True, False, True)
"""

from __future__ import annotations

from itertools import islice

from dashboard.timex.compiled import kept
from dashboard.timex.patterns import RULES

_LOOKBEHIND = kept(r"\(\?<[=!](?:[^()\\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*\)")
_WORD = kept(r"[\w'.$]*")
_PARTIAL: list = [None] * len(RULES)
_KNOWN: dict[tuple[int, str], bool] = {}

KNOWN_LIMIT = 200_000
"""How many answers are kept before the memory is cleared (numbers make the probe set open)."""


def word_end(text: str, start: int) -> int:
    """The end of the word at `start`: a probe for `can_open` runs from a start to one past it."""
    return _WORD.match(text, start).end()


def _partial(rule: int):
    compiled = _PARTIAL[rule]
    if compiled is None:
        import regex  # only once a process has tried enough rules to ask (`tagger.WARM_UP`)

        source = _LOOKBEHIND.sub("", RULES[rule][1].pattern)
        compiled = _PARTIAL[rule] = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
    return compiled


def can_open(rule: int, probe: str) -> bool:
    """False when rule number `rule` cannot match any text that begins with `probe`.

    The probe is the lower-cased text from a candidate start through the trigger word and one
    character more, so "the year " rules out the rules that may open with "the" but never with
    "the year", and those that need "yearly".
    """
    key = (rule, probe)
    known = _KNOWN.get(key)
    if known is None:
        if len(_KNOWN) >= KNOWN_LIMIT:
            _KNOWN.clear()
        known = _partial(rule).match(" " + probe, 1, partial=True) is not None
        _KNOWN[key] = known
    return known


def anything_known() -> bool:
    """Whether `can_open` has answered, or been told, anything yet in this process."""
    return bool(_KNOWN)


def known(rule: int, probe: str) -> bool | None:
    """`can_open`'s answer for the pair if it was asked or learnt before, else None (unknown)."""
    return _KNOWN.get((rule, probe))


def answers(limit: int = 50_000) -> dict[tuple[int, str], bool]:
    """The answers `can_open` has given so far (at most `limit`), to be given back to `learn`
    in a later run of the same code, which then need not compile the partial patterns again."""
    return dict(islice(_KNOWN.items(), limit))


def learn(known: dict[tuple[int, str], bool]) -> None:
    """Take answers `can_open` gave in an earlier run of the same code (`answers`)."""
    if len(_KNOWN) + len(known) < KNOWN_LIMIT:
        _KNOWN.update(known)
