"""The rules' patterns built from kept programs behave as `re.compile` builds them."""

from __future__ import annotations

import re
import sys

import pytest

from dashboard.timex.compiled import compile_all
from dashboard.timex.patterns import RULES
from dashboard.timex.rules import with_examples

SOURCES = [rx.pattern for _, rx in RULES]
SENTENCES = [ex.sentence for rule in with_examples()[0] for ex in rule.examples]


@pytest.fixture
def writes(monkeypatch):
    """Python allowed to write its caches (this suite may run with PYTHONDONTWRITEBYTECODE)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _same(kept: list[re.Pattern]) -> None:
    for pattern, source in zip(kept, SOURCES, strict=True):
        plain = re.compile(source, re.I)
        assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex)  # fmt: skip
        for sentence in SENTENCES:
            found = [m.span() for m in pattern.finditer(sentence)]
            assert found == [m.span() for m in plain.finditer(sentence)], (source, sentence)


def test_kept_programs_match_as_compiled(tmp_path, writes):
    cache = tmp_path / "rules.sre"
    _same(compile_all(SOURCES, re.I, cache))  # compiled, and kept
    written = cache.stat().st_mtime_ns
    _same(compile_all(SOURCES, re.I, cache))  # built from what was kept
    assert cache.stat().st_mtime_ns == written


def test_a_broken_or_stale_file_is_compiled_again(tmp_path, writes):
    cache = tmp_path / "rules.sre"
    cache.write_bytes(b"not a program")
    _same(compile_all(SOURCES, re.I, cache))
    [one] = compile_all([r"\d+ days"], 0, cache)  # other sources: the file holds those now
    assert one.match("3 days") and not one.match("3 DAYS")
    _same(compile_all(SOURCES, re.I, cache))


def test_nothing_is_written_without_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compile_all([r"\d+"], 0, tmp_path / "kept.sre")
    assert not list(tmp_path.iterdir())


def test_the_modules_patterns_are_built_as_compiled():
    import dashboard.timex.tagger  # noqa: F401  (every module of the tagger, whose patterns are kept)
    from dashboard.timex import compiled

    assert len(compiled._USED) >= 30
    for (flags, source), program in compiled._USED.items():
        pattern, plain = compiled._sre.compile(source, *program[:5]), re.compile(source, flags)
        assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex)  # fmt: skip


def test_keep_writes_the_patterns_given_once(tmp_path, monkeypatch, writes):
    from dashboard.timex import compiled

    monkeypatch.setattr(compiled, "cache_file", lambda name: tmp_path / f"{name}.sre")
    monkeypatch.setattr(compiled, "_KEPT", {})
    monkeypatch.setattr(compiled, "_USED", {})
    assert compiled.kept(r"\d+ days", re.I).match("3 DAYS")
    compiled.keep()
    written = (tmp_path / "patterns.sre").stat().st_mtime_ns
    monkeypatch.setattr(compiled, "_KEPT", {})
    monkeypatch.setattr(compiled, "_USED", {})
    assert compiled.kept(r"\d+ days", re.I).match("3 DAYS")  # from what was kept
    compiled.keep()
    assert (tmp_path / "patterns.sre").stat().st_mtime_ns == written


def test_no_rule_matches_where_its_openings_say_none_can_open():
    from dashboard.timex.compiled import openings

    texts = SENTENCES + [trap.sentence for trap in with_examples()[1]]
    for name, rx in RULES:
        opens = openings(rx)
        assert len(opens) < 128, name  # (known for every rule)
        for text in texts:
            for s, c in enumerate(text):
                if c < "\x80" and c not in opens:
                    assert rx.match(text, s) is None, (name, text[s:])


def test_every_match_opens_with_a_run_of_letters_its_rule_can_open_with():
    from dashboard.timex.compiled import opening_words

    texts = SENTENCES + [trap.sentence for trap in with_examples()[1]]
    for name, rx in RULES:
        closed, opened = opening_words(rx)  # (known for every rule)
        for text in texts:
            for m in filter(None, (rx.match(text, s) for s in range(len(text)))):
                run = re.match("[a-z]*", text[m.start() :].lower()).group()
                assert run in closed or run.startswith(opened) or not run, (name, text[m.start() :])


def test_the_kept_patterns_are_the_same_in_every_process():
    """A pattern written in another order (a set's, which changes with the hash seed) would be
    compiled anew in each process instead of read from what was kept."""
    import os
    import subprocess

    script = ("from dashboard.timex import compiled, tagger; "
              "print(sorted(s for _, s in compiled._USED))")  # fmt: skip
    found = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout  # fmt: skip
        for seed in ("1", "2", "3")
    }
    assert len(found) == 1
