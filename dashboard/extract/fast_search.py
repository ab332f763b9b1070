"""Finding a pattern's matches faster, with exactly the matches `finditer` finds: by searching
from what can start them instead of trying the pattern at every character."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from dashboard.extract.gazetteer import NAME_START, alternatives
from dashboard.timex.compiled import compile_kept

WORD_START = re.compile(r"\w(?<!\w\w)")


_FINDERS: dict[int, tuple[re.Pattern, re.Pattern]] = {}
"""Each pattern's `finder`, by the pattern's identity (a pattern's hash reads its whole
program, which for the gazetteers' names took longer than the search), the pattern kept with
it so that its identity is not another's."""


def finder(pattern: re.Pattern) -> re.Pattern:
    """`pattern` without the word boundary or `NAME_START` it opens with: it matches wherever
    `pattern` does, and the engine skips much faster to where its first words may start. A
    long one (a gazetteer's names) is compiled once for many processes, as its pattern is."""
    kept = _FINDERS.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        if len(_FINDERS) >= 64:
            _FINDERS.clear()
        source = pattern.pattern.removeprefix(r"\b").removeprefix(NAME_START)
        quick = (compile_kept(source, pattern.flags, "finders", keep=8) if len(source) > LONG
                 else re.compile(source, pattern.flags))
        kept = _FINDERS[id(pattern)] = (pattern, quick)
    return kept[1]


LONG = 1000
"""A finder's pattern longer than this is kept (`compile_kept`): the gazetteers' names, the
long patterns of names and titles (a shorter one compiles in less time than reading it)."""


def scan(pattern: re.Pattern, text: str, needs: tuple[str, ...] = ()) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)` (never empty), searched for with its `finder`
    and tried only where that matches; none where the text has none of `needs` (words that
    every match of the pattern holds one of, as written)."""
    if needs and not any(word in text for word in needs):
        return
    quick, position = finder(pattern), 0
    while hit := quick.search(text, position):
        match = pattern.match(text, hit.start())
        if match:
            yield match
            position = match.end()
        else:
            position = hit.start() + 1


def holds(pattern: re.Pattern, text: str, needs: tuple[str, ...]) -> bool:
    """Whether `pattern` matches somewhere in `text`, searched for only when the text holds
    one of `needs` (words that every match holds one of, as written): a pattern that opens
    with a word boundary is tried at every character, and most texts hold none of them."""
    return any(word in text for word in needs) and pattern.search(text) is not None


@lru_cache(maxsize=64)
def _word_starts(words: tuple[str, ...], follow: str = "") -> re.Pattern:
    """Where one of `words` starts, with no word character before it and `follow` after it
    (one pattern, the words as a trie: one pass over a text instead of a search for each).

    When every word opens with a capital or a sign, the pattern opens with the first
    characters themselves (each then looks behind for a word character and ahead for the rest
    of its words), so the engine skips to them; lower-case letters are everywhere, and words
    opening with one are found by looking behind first, at every place.

    >>> [m.start() for m in _word_starts(("Board", "Bureau", "Ministry"), "").finditer(
    ...     "the Board, a Bureaucrat, TheBoard, Ministry")]
    [4, 13, 35]
    """
    if any(word[:1].islower() or not word for word in words):
        return re.compile(r"(?<!\w)(?=(?:" + alternatives(words) + ")" + follow + ")")
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, ends in rests.items():
        rest = alternatives([end for end in ends if end]) if any(ends) else ""
        if rest and "" in ends:
            rest = f"(?:{rest})?"
        branches.append(re.escape(first) + r"(?<!\w.)(?=" + (f"(?:{rest})" if rest else "")
                        + follow + ")")
    return re.compile("|".join(branches))


WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=64)
def _by_case(words: tuple[str, ...], follow: str) -> tuple[re.Pattern | None, tuple[str, ...],
                                                           re.Pattern | None]:
    """`words` parted for `_starts_of`: the pattern of those opening with a capital or a sign
    (`_word_starts`), those opening in lower case, and `follow` compiled (None: nothing)."""
    if any(not word for word in words):
        return _word_starts(words, follow), (), None
    lower = tuple(word for word in words if word[:1].islower())
    others = tuple(word for word in words if not word[:1].islower())
    return (_word_starts(others, follow) if others else None, lower,
            re.compile(f"(?:{follow})") if follow else None)


def _starts_of(text: str, words: tuple[str, ...], follow: str) -> list[int]:
    """Where `_word_starts(words, follow)` matches in `text`, each once, in no set order: the
    words that open with a capital by that pattern, which the engine skips to; those in lower
    case by looking for each (a pattern would look behind at every character first, lower-case
    letters being everywhere; three times slower)."""
    pattern, lower, after = _by_case(words, follow)
    starts = [hit.start() for hit in pattern.finditer(text)] if pattern is not None else []
    word_char, find = WORD_CHAR.match, text.find
    for word in lower:
        at = find(word)
        while at >= 0:
            if (not at or not word_char(text, at - 1)) and (
                    after is None or after.match(text, at + len(word))):
                starts.append(at)
            at = find(word, at + 1)
    return starts


def scan_before(pattern: re.Pattern, text: str, words: list[str],
                 before: re.Pattern, follow: str = "") -> Iterator[re.Match]:
    r"""The matches of `pattern.finditer(text)`, where every match runs from a word start to one
    of `words` (itself at a word start) over what `before` matches read backwards from that
    word: the pattern is tried only at the word starts there (`follow`: a pattern that must
    follow one of `words` for the pattern to match there, to try it at fewer places).

    >>> office = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z]\w+\s+)*(?:Office|Bureau)\b")
    >>> words = re.compile(r"(?:\s+\w+){0,3}")
    >>> [m.group() for m in scan_before(office, "the Weather Office, a Bureau", ["Office",
    ...                                 "Bureau"], words)]
    ['the Weather Office', 'Bureau']
    """
    reverse, size, starts = text[::-1], len(text), set()
    for at in _starts_of(text, tuple(words), follow):
        floor = size - before.match(reverse, size - at).end()
        starts.update(m.start() for m in WORD_START.finditer(text, floor, at + 1))
    position = 0
    for start in sorted(starts):
        if start >= position and (match := pattern.match(text, start)):
            yield match
            position = match.end()
