"""What a match of a parsed pattern can open with, read from the pattern: the ASCII characters
(`first_characters`) and the runs of ASCII letters (`first_words`), so that the tagger need not
try a rule where no match of it can start ("the" before "year": the rule that needs "last year"
or "yearly" cannot open with "the"). Read when a pattern is compiled (`dashboard.timex.compiled`
keeps the answers with its program).

Both answers can only be too wide, never too narrow: look-arounds and anchors are passed over,
case is ignored, and whatever is not known here (a character past ASCII, a class of letters, a
back-reference) answers "any".

>>> from re import _parser
>>> "".join(sorted(first_characters(_parser.parse(r"(?:the\\s+)?end", 2))))
'ETet'
>>> first_words(_parser.parse(r"(?:the\\s+)?[Ee]nd(?:ing)?\\b", 2))
(frozenset({'the'}), ('end', 'ending'))
"""

from __future__ import annotations

_ASCII = frozenset(map(chr, range(128)))
BRANCHES = 500
"""The most alternatives read in one place (the rules' longest has 47; a gazetteer's thousands
of names are not worth reading: any character, any word)."""
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "CATEGORY_SPACE": " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f",
}
"""The ASCII characters of the categories a pattern's character sets name (as `re` reads a
str pattern: `\\d`, `\\w` and `\\s` take these and more, none of it ASCII)."""


def first_characters(parsed) -> frozenset[str]:
    """The ASCII characters a match of `parsed` can open with (a letter in both cases)."""
    opens, empty = _first(parsed)
    return _ASCII if opens is None or empty else frozenset(opens)


def _first(items) -> tuple[set[str] | None, bool]:
    """The ASCII characters a match of the parsed `items` can open with (both cases of a
    letter; None: any character), and whether it can be empty. Look-arounds and anchors are
    passed over, so the answer can only be too wide."""
    opens: set[str] = set()
    for op, av in items:
        chars, empty = _first_of(str(op), av)
        if chars is None:
            return None, False
        opens |= chars
        if not empty:
            return opens, False
    return opens, True


def _first_of(op: str, av) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return _cases(av), False
    if op == "IN":
        return _charset(av), False
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return set(), True
    if op == "SUBPATTERN":
        return _first(av[3])
    if op == "ATOMIC_GROUP":
        return _first(av)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        chars, empty = _first(av[2])
        return chars, empty or av[0] == 0
    if op in ("BRANCH", "GROUPREF_EXISTS"):
        ways = av[1] if op == "BRANCH" else (av[1], av[2] or ())
        if len(ways) > BRANCHES:
            return None, False  # (a list of names: any character, rather than read them all)
        opens: set[str] = set()
        empty = False
        for way in ways:
            chars, may_be_empty = _first(way)
            if chars is None:
                return None, False
            opens |= chars
            empty = empty or may_be_empty
        return opens, empty
    return None, False  # any character, a reference to a group, what is not known here


def _cases(code: int) -> set[str] | None:
    """An ASCII character in both cases (case-insensitive patterns); None for another one."""
    return {chr(code).lower(), chr(code).upper()} if code < 128 else None


def _charset(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        op = str(op)
        if op == "LITERAL" and (cases := _cases(av)) is not None:
            chars |= cases
        elif op == "RANGE" and av[1] < 128:
            for code in range(av[0], av[1] + 1):
                chars |= _cases(code)
        elif op == "CATEGORY" and str(av) in _CATEGORIES:
            chars |= set(_CATEGORIES[str(av)])
        else:
            return None  # a negated set, another category, characters past ASCII
    return chars


WORDS_LIMIT = 5000
"""How many runs `first_words` follows before it answers "not known"."""
REPEATS = 3
"""How many times `first_words` follows a repeated part before it lets the run go on."""
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class _TooMany(Exception):
    pass


def first_words(parsed) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The runs of ASCII letters (lower case) a match of `parsed` opens with: (the runs that a
    character other than a letter follows in the match, the runs that may go on with more
    letters or end the match), or None when any run can open it.

    A text whose run of ASCII letters at an offset, followed by an ASCII character or nothing,
    is not one of the first and starts with none of the second has no match there.
    """
    try:
        live, done = _walk(parsed, {""})
    except _TooMany:
        return None
    done |= {("open", run) for run in live}
    opened = tuple(sorted({run for kind, run in done if kind == "open"}))
    if "" in opened:
        return None
    return frozenset(run for kind, run in done if kind == "closed"), opened


def _walk(items, live: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """The runs still open after `items` from the runs `live`, and the runs they closed
    ("closed": a character other than a letter came) or left to go on ("open")."""
    done: set[tuple[str, str]] = set()
    for op, av in items:
        if not live:
            break
        live, closed = _step(str(op), av, live)
        done |= closed
        if len(live) + len(done) > WORDS_LIMIT:
            raise _TooMany
    return live, done


def _step(op: str, av, live: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    if op == "LITERAL":
        return _letters_or_not({chr(av)}, live)
    if op == "IN":
        chars = _charset(av)
        return _letters_or_not(chars, live) if chars is not None else _go_on(live)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return live, set()
    if op == "SUBPATTERN":
        return _walk(av[3], live)
    if op == "ATOMIC_GROUP":
        return _walk(av, live)
    if op in ("BRANCH", "GROUPREF_EXISTS"):
        ways = av[1] if op == "BRANCH" else (av[1], av[2] or ())
        if len(ways) > BRANCHES:
            raise _TooMany  # (a list of names, not a rule's words)
        after: set[str] = set()
        done: set[tuple[str, str]] = set()
        for way in ways:
            runs, closed = _walk(way, live)
            after |= runs
            done |= closed
            if len(after) + len(done) > WORDS_LIMIT:
                raise _TooMany  # (a long list of names: known soon enough to be of no use)
        return after, done
    if op in _REPEATS:
        least, most, part = av
        after = set(live) if least == 0 else set()
        done = set()
        runs = live
        for times in range(1, min(most, REPEATS) + 1):
            runs, closed = _walk(part, runs)
            done |= closed
            if times >= least:
                after |= runs
            if not runs:
                break
        else:
            if most > REPEATS:
                done |= _go_on(runs)[1]  # (more times: the runs may go on)
        return after, done
    return _go_on(live)  # any character, a reference to a group, what is not known here


def _go_on(live: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """The runs may go on with letters not known here."""
    return set(), {("open", run) for run in live}


def _letters_or_not(chars: set[str], live: set[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """The runs after one character of `chars` (ASCII, both cases): a few letters continue
    them, any other character closes them."""
    letters = {c.lower() for c in chars if c in _LETTERS}
    if len(letters) > 3:
        return _go_on(live)
    if any(c >= "\x80" for c in chars):
        return _go_on(live)  # (a character past ASCII may match a letter: "K" for "k")
    done = {("closed", run) for run in live} if chars - _LETTERS else set()
    return {run + c for run in live for c in letters}, done
