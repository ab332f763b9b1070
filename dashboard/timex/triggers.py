"""Fast candidate search: find trigger words with one pattern, then try only the rules they cue.

Scanning the whole text with every rule is slow in Python, so the tagger looks up trigger words
(month and weekday names, units, deictic words, digits) in a lower-cased, punctuation-blanked copy
of the text, all the words in one pass of one pattern (their letter tree), and tries each cued
rule, anchored, at the trigger and at the starts of the modifier words right before it ("the end
of", "the past two", "early", "Friday,"). Which words and number shapes cue a rule is the rule's
own `cues` field (`rules.txt`).
"""

from __future__ import annotations

import re

from dashboard.timex.compiled import cache_file, compile_all, kept
from dashboard.timex.lexicon import (
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    SET_WORDS,
    WEEKDAYS,
)
from dashboard.timex.rules import RULES as RECORDS
from dashboard.timex.rules import RuleError
from dashboard.vocab import parts_of_day, time_units
from dashboard.vocab.alternation import alternatives


def _vocabularies() -> dict[str, frozenset[str]]:
    """The named word lists a rule's `cues` may give as @name (lower case)."""
    units = {w for u in time_units() for w in (u.word, u.plural or u.word + "s")}
    parts = {w for p in parts_of_day() if not p.clock for w in (p.word, p.word + "s")}
    return {
        "months": frozenset(MONTHS),
        "weekdays": frozenset(WEEKDAYS),
        "weekdays-plural": frozenset(w + "s" for w in WEEKDAYS if len(w) > 3),
        "holidays": frozenset(name.replace("'", " ").split()[0] for name in HOLIDAYS),
        "set-words": frozenset(SET_WORDS),
        "units": frozenset(units),
        "parts": frozenset(parts),
        "seasons": frozenset(SEASONS),
    }


SHAPES = ("slash", "dotted", "colon", "ampm", "ord", "dec", "word", "bare", "3", "4")
"""The number shapes a rule's `cues` may give as #shape (`rules.txt` says which is which)."""


def _cues() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(trigger word to rule names, number shape to rule names), from the rules' `cues`."""
    vocabularies = _vocabularies()
    words: dict[str, list[str]] = {}
    shapes: dict[str, list[str]] = {shape: [] for shape in SHAPES}
    for rule in RECORDS:
        for cue in rule.cues:
            if cue.startswith("#"):
                if cue[1:] not in shapes:
                    raise RuleError(f"rule {rule.name!r}: no number shape {cue}")
                shapes[cue[1:]].append(rule.name)
                continue
            if cue.startswith("@") and cue[1:] not in vocabularies:
                raise RuleError(f"rule {rule.name!r}: no cue vocabulary {cue}")
            for word in vocabularies[cue[1:]] if cue.startswith("@") else (cue.lower(),):
                words.setdefault(word, []).append(rule.name)
    return (
        {w: tuple(dict.fromkeys(names)) for w, names in words.items()},
        {shape: tuple(names) for shape, names in shapes.items()},
    )


CUES, _SHAPE_RULES = _cues()
"""Trigger word (lower case) to the names of the rules it can start or end; number shape to
the rules a number of that shape cues."""
_CUE_WORDS = frozenset(CUES)


[_CUE_WORD] = compile_all([f" {alternatives(sorted(CUES))}(?= )"], 0, cache_file("cues"))
"""A trigger word in the folded text, with the blank before it."""

_AFTER_SMALL = kept(
    r"(?P<slash>/|\.\d\d?\.\d\d)|(?P<colon>[:.]\d\d)|(?P<ord>(?:st|nd|rd|th)\b)|(?P<dec>0?'?s\b)"
    r"|\s*(?P<ampm>[AaPp]\.?\s?[Mm]\b|o'clock)|(?P<word>[\s-]+(?:and[\s-]+|1/2\s+)?"
    r"(?P<next>[A-Za-z]+))"
)
_AFTER_LARGE = kept(r"[\s-]+(?:and[\s-]+|1/2\s+)?(?P<next>[A-Za-z]+)")
"""The word after a three-digit number ("230 days"), which decides whether it can start a date."""
PREFIX_WORDS = frozenset(
    """the a an early late mid middle very end beginning start close turn of first second half
    latter part rest remainder balance earlier later in during last this next past coming
    previous current following same that preceding prior latest most recent upcoming fiscal
    financial calendar model school new year about some nearly almost roughly around
    approximately more than less fewer up to at least over under just only barely within
    another additional no its their his her every each per other and on few several many
    numerous couple number straight consecutive full long final initial remaining year-ago
    year-earlier today yesterday tomorrow tonight s before after day these right any time once
    twice thrice times trading business working morning afternoon evening night hours small
    wee week weeks days fortnight quite little good""".split()
    + list(WEEKDAYS) + list(NUMBERS) + list(ORDINALS)
)  # fmt: skip
"""Words that may stand before a trigger inside one expression."""

_MAY_FOLLOW_NUMBER = _CUE_WORDS | PREFIX_WORDS | {"times"}
"""Words that may follow a number inside a date or duration: units, months, "more", "times"."""

_BLANK = {c: " " for c in range(128) if not chr(c).isalnum()}
_BLANK.update({ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_BLANK.update({ord(c): " " for c in "\u2019\u2018\u201c\u201d\u2013\u2014\u00a0\u2026"})
_FOLD = str.maketrans(_BLANK)
_NUMBER = kept(
    r"\d(?:(?<![\d.]\d)\d?\.\d\d?\.\d{4}(?![\d.]\d)|(?<![\w.,$£€]\d)\d*(?:\.\d+)?(?!\d|[.,]\d))"
)
"""A dotted date ("9.1.2025", the only match with two dots) or a number standing alone.

It opens with a plain digit and looks behind only after it, so the engine can skip ahead."""
_ASCII_NUMBER = kept(_NUMBER.pattern, re.ASCII)
"""`_NUMBER` for a text of ASCII characters only, where it finds the same (its digits and word
characters are ASCII ones), with quicker tests of a character."""
_WORD_RUN = "(?:[^\\W_]|['.$])"
"""A character of a word before a trigger: a letter or digit, an apostrophe, a period, "$"."""
_BACK = kept(rf"([ \t\r\n,\-\u00a0]*)({_WORD_RUN}*)")
"""Read in the reversed text: the blanks, commas and dashes before an offset, then the word
before them."""
_ONE_WORD = kept(f"{_WORD_RUN}+").fullmatch
_REACHABLE = sorted(
    w for w in PREFIX_WORDS
    if _ONE_WORD(w) and w == w.lower() and not w.endswith((".", "'s"))
)  # fmt: skip
"""The modifier words a word of the text can be (not "a couple of", "year-ago": several words)."""
_FAST = all(w.isascii() for w in _REACHABLE)
"""Whether `_PREFIX_BACK` reads them as `prefix_starts` does (letters past ASCII differ)."""
_PREFIX_BACK = kept(
    rf"[ \t\r,\-\u00a0]*+\.*+(?:[sS]')?+"
    rf"(?:(?ai:{alternatives(sorted(w[::-1] for w in _REACHABLE))})|{_WORD_RUN}*')(?!{_WORD_RUN})"
)
"""`prefix_starts`' step in one match of the reversed text: the blanks (no line break) before
an offset, then a word that is a modifier word once lower-cased and stripped of its last
periods and "'s", or that starts with an apostrophe ("'90s"). (A text with the Kelvin sign,
which lower-cases to "k", takes the word by word reading.)"""


def prefix_starts(text: str, p: int, reverse: str | None = None) -> list[int]:
    """The trigger offset `p` and the starts of the modifier words right before it (up to
    eight, none across a line break); `reverse` is `text[::-1]`, given when many are asked.

    >>> text = "in the past two weeks"
    >>> [text[s:] for s in prefix_starts(text, text.index("weeks"))]
    ['weeks', 'two weeks', 'past two weeks', 'the past two weeks', 'in the past two weeks']
    """
    if reverse is None:
        reverse = text[::-1]
    n = len(text)
    starts = [p]
    if p and text[p - 1] == "'":
        starts.append(p - 1)
    if "\u212a" in text or not _FAST:
        return _prefix_starts_by_words(text, p, reverse, starts)
    q = p
    for _ in range(8):
        m = _PREFIX_BACK.match(reverse, n - q)
        if m is None:
            break
        q = n - m.end()
        starts.append(q)
    return starts


def _prefix_starts_by_words(text: str, p: int, reverse: str, starts: list[int]) -> list[int]:
    """`prefix_starts` a word at a time: each word lower-cased as Python does it."""
    n = len(text)
    q = p
    for _ in range(8):
        m = _BACK.match(reverse, n - q)
        blank, word = m.groups()
        if "\n" in blank:
            return starts
        if not word:
            break
        word = word[::-1].lower().rstrip(".")
        if word.endswith("'s"):
            word = word[:-2]
        if word not in PREFIX_WORDS and not word.startswith("'"):
            break
        q = n - m.end()
        starts.append(q)
    return starts


def trigger_hits(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(offset, cued rule names) of every trigger in `text`."""
    folded = " " + text.translate(_FOLD) + " "
    hits = [(m.start(), CUES[m.group()[1:]]) for m in _CUE_WORD.finditer(folded)]
    for m in (_ASCII_NUMBER if text.isascii() else _NUMBER).finditer(text):
        if m.group().count(".") == 2:
            hits.append((m.start(), _SHAPE_RULES["dotted"]))
            continue
        n = len(m.group().split(".")[0])
        if n <= 2:
            after = _AFTER_SMALL.match(text, m.end())
            kind = after.lastgroup if after else None
            if kind == "word" and after["next"].lower() not in _MAY_FOLLOW_NUMBER:
                kind = None  # "20 percent", "27 ships": only a bare day number is possible
            rules = _SHAPE_RULES[kind] if kind else _SHAPE_RULES["bare"]
        elif n == 3:
            after = _AFTER_LARGE.match(text, m.end())
            ok = after is not None and after["next"].lower() in _MAY_FOLLOW_NUMBER
            rules = _SHAPE_RULES["3"] if ok else None
        else:
            rules = _SHAPE_RULES["4"] if n == 4 else None
        if rules:
            hits.append((m.start(), rules))
    return hits
