"""Long patterns compiled once, and kept beside Python's bytecode for the next process: the
tagger's rules (`compile_all`), the other patterns of its modules (`kept`, written by `keep`)
and the gazetteers' names (`compile_kept`).

`re` parses and compiles a pattern in Python, and the rules' 33 long patterns were most of the
tagger's start-up. `compile_all` keeps what compiling produced (the program `re` hands to its C
engine, which only the same Python version can read) in `__pycache__/<name>.<python>.sre` beside
this module, the way Python keeps bytecode, and the next process builds its patterns from it
directly. As with bytecode, nothing is written when Python is told not to
(`PYTHONDONTWRITEBYTECODE`); a file that is missing, stale or unreadable only means compiling as
usual, and a Python whose `re` works otherwise compiles as usual every time.

>>> [p] = compile_all([r"\\d+ days?"], re.I, cache=None)
>>> p.match("3 Days").group(), p.flags == re.compile(r"\\d+ days?", re.I).flags
('3 Days', True)
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import re
import sys
from importlib.util import cache_from_source
from pathlib import Path


def cache_file(name: str) -> Path:
    """Where the programs of the patterns called `name` are kept: Python's `__pycache__` of
    this module, `<name>.<python>.sre`."""
    pyc = Path(cache_from_source(__file__))
    return pyc.with_name(f"{name}.{sys.implementation.cache_tag}.sre")


def _stamp() -> tuple:
    """What a kept program depends on besides its pattern: the Python and its regex engine."""
    return sys.version, _sre.MAGIC, _sre.CODESIZE


def _program(source: str, flags: int) -> tuple:
    """What `re.compile(source, flags)` hands to the engine (as `re._compiler.compile` does),
    and last the ASCII characters a match can open with (`openings`)."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # (opcodes are named ints)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    opens, empty = _first(parsed)
    opens = _ASCII if opens is None or empty else frozenset(opens)
    return int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup), opens


def _valid(program) -> bool:
    """Whether a kept program has every part `_program` gives (not one kept by older code)."""
    return isinstance(program, tuple) and len(program) == 6


_ASCII = frozenset(map(chr, range(128)))
_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "CATEGORY_SPACE": " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f",
}
"""The ASCII characters of the categories a pattern's character sets name (as `re` reads a
str pattern: `\\d`, `\\w` and `\\s` take these and more, none of it ASCII)."""
_OPENINGS: dict[tuple[int, str], frozenset[str]] = {}


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


def _built(source: str, program: tuple) -> re.Pattern:
    """The pattern of a program; its openings are noted for `openings`."""
    _OPENINGS[program[0], source] = program[5]
    return _sre.compile(source, *program[:5])


def openings(pattern: re.Pattern) -> frozenset[str]:
    """The ASCII characters a match of `pattern` (built here) can open with, in either case:
    a text whose character at an offset is ASCII and not one of them has no match there.
    Every ASCII character when that is not known.

    >>> sorted(openings(compile_all([r"(?:the\\s+)?(?:end|\\d)\\b"], re.I, None)[0]))[:4]
    ['0', '1', '2', '3']
    >>> "".join(sorted(openings(compile_all([r"(?:the\\s+)?end"], re.I, None)[0])))
    'ETet'
    """
    return _OPENINGS.get((pattern.flags, pattern.pattern), _ASCII)


def _load(cache: Path) -> dict:
    try:
        stamp, programs = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return programs if stamp == _stamp() and isinstance(programs, dict) else {}


def _save(cache: Path, programs: dict) -> None:
    temporary = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_stamp(), programs)))
        os.replace(temporary, cache)
    except OSError:  # (a folder it cannot write to: compiled again next time)
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def compile_all(sources: list[str], flags: int, cache: Path | None) -> list[re.Pattern]:
    """`re.compile(source, flags)` of each source, from the programs kept in `cache` where it
    holds them; the others are compiled and `cache` is rewritten with exactly these sources'
    programs (unless Python writes no bytecode, or `cache` is None)."""
    flags = int(flags)  # (a plain number, as `marshal` keeps it)
    try:
        kept = _load(cache) if cache else {}
        programs = {(flags, s): kept.get((flags, s)) for s in sources}
        fresh = {key for key, program in programs.items() if not _valid(program)}
        programs.update({key: _program(key[1], flags) for key in fresh})
        patterns = [_built(s, programs[flags, s]) for s in sources]
    except (ImportError, AttributeError, TypeError, ValueError, RuntimeError):
        return [re.compile(s, flags) for s in sources]  # a `re` that works otherwise
    if cache and (fresh or programs.keys() != kept.keys()) and not sys.dont_write_bytecode:
        _save(cache, programs)
    return patterns


def compile_kept(source: str, flags: int, name: str, keep: int = 4) -> re.Pattern:
    """`re.compile(source, flags)` from the programs kept under `name` (`cache_file`), which
    holds the `keep` patterns last compiled there: for a long pattern made from data that
    changes rarely (the names a story's gazetteers know), compiled once for many processes."""
    flags = int(flags)
    cache = cache_file(name)
    try:
        kept = _load(cache)
        program = kept.get((flags, source))
        if not _valid(program):
            program = _program(source, flags)
            if not sys.dont_write_bytecode:
                others = [key for key in kept if key != (flags, source)][-(keep - 1):]
                _save(cache, {**{key: kept[key] for key in others}, (flags, source): program})
        return _built(source, program)
    except (ImportError, AttributeError, TypeError, ValueError, RuntimeError):
        return re.compile(source, flags)


_KEPT: dict = {}
"""The programs `kept` read from `cache_file("patterns")` (on its first call)."""
_USED: dict = {}
"""The programs `kept` gave in this process, by (flags, source)."""


def kept(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)` for a module's pattern, from the program kept in
    `cache_file("patterns")` when it holds it; `keep` writes what this process compiled.

    >>> kept(r"\\d+ days?", re.I).match("3 Days").group()
    '3 Days'
    """
    flags = int(flags)
    if not _USED:
        _KEPT.update(_load(cache_file("patterns")))
    try:
        program = _KEPT.get((flags, source))
        if not _valid(program):
            program = _program(source, flags)
            _KEPT.pop((flags, source), None)  # (kept by older code: `keep` writes it again)
        _USED[flags, source] = program
        return _built(source, program)
    except (ImportError, AttributeError, TypeError, ValueError, RuntimeError):
        return re.compile(source, flags)


def keep() -> None:
    """Keep the programs of the patterns `kept` gave (exactly those) for the next process,
    unless they are kept already or Python writes no bytecode."""
    if _USED and _USED.keys() != _KEPT.keys() and not sys.dont_write_bytecode:
        _save(cache_file("patterns"), dict(_USED))
