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
    and last what a match can open with (`openings`, `opening_words`)."""
    from re import _compiler, _parser

    from dashboard.timex.opening import first_characters, first_words

    parsed = _parser.parse(source, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # (opcodes are named ints)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    opens = (first_characters(parsed), first_words(parsed))
    return int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup), opens


def _valid(program) -> bool:
    """Whether a kept program has every part `_program` gives (not one kept by older code)."""
    return isinstance(program, tuple) and len(program) == 6 and isinstance(program[5], tuple)


_ASCII = frozenset(map(chr, range(128)))
_OPENINGS: dict[tuple[int, str], tuple] = {}


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
    return _OPENINGS.get((pattern.flags, pattern.pattern), (_ASCII, None))[0]


def opening_words(pattern: re.Pattern) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """What a match of `pattern` (built here) can open with as a run of ASCII letters (lower
    case): (the runs a character other than a letter follows, the runs that may go on or end
    the match), or None when that is not known (`dashboard.timex.opening.first_words`).

    >>> closed, opened = opening_words(compile_all([r"(?:last |the )?years?\\b"], re.I, None)[0])
    >>> sorted(closed), opened
    (['last', 'the'], ('year', 'years'))
    """
    return _OPENINGS.get((pattern.flags, pattern.pattern), (_ASCII, None))[1]


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


def kept_value(name: str, key, make, keep: int = 4):
    """`make()`, kept by `key` under `name` (`cache_file`, which holds the `keep` values last
    made there) for the next process, as a pattern's program is: for plain data (what `marshal`
    writes) that takes long to make from files that change rarely (the first names of a
    package's list). `key` must change whenever the value would: name the files it is made
    from, and the code that makes it, by their stamps (`stamp`)."""
    cache = cache_file(name)
    kept = _load(cache)
    if key in kept:
        return kept[key]
    value = make()
    if not sys.dont_write_bytecode:
        others = [k for k in kept if k != key][-(keep - 1):]
        _save(cache, {**{k: kept[k] for k in others}, key: value})
    return value


def stamp(*files: str | Path) -> tuple:
    """The size and change time of files (a part of a `kept_value` key); () for one that
    cannot be read, so that nothing is kept for it."""
    found: list = []
    for file in files:
        try:
            info = os.stat(file)
        except OSError:
            return ()
        found += [str(file), info.st_size, info.st_mtime_ns]
    return tuple(found)


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
