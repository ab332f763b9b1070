"""The command line: builds, and one-line errors with exit code 2 that leave data/ alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extracted import MANIFEST_HEADER as HEADER
from extracted import contents, corpus
from extracted import run_cli as run

GOOD = "The ministry said Tuesday that talks would resume on March 3.\n"


def make_corpus(folder: Path, name: str, content: bytes, published: str = "2025-02-19") -> Path:
    """A manifest listing a good article and `name`."""
    return corpus(folder, {"good.txt": GOOD, name: content},
                  "good.txt,https://example.org/a,A,Example,,2025-02-19\n"
                  f"{name},https://example.org/b,B,Example,,{published}\n")


def test_extract_writes_the_four_tables(tmp_path):
    manifest = make_corpus(tmp_path / "in", "other.txt", b"Troops left on Friday.\n")
    result = run("extract", "--sources", str(manifest), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    for name in ("events", "figures", "actors", "sources"):
        assert (tmp_path / "out" / f"{name}.csv").exists()
    assert "2025-03-03" in (tmp_path / "out" / "events.csv").read_text()


def test_source_paths_are_relative_to_the_manifest_however_it_is_named(tmp_path):
    manifest = make_corpus(tmp_path / "in", "other.txt", b"Troops left on Friday.\n")
    for named in (manifest, tmp_path / "in" / ".." / "in" / "sources.csv",
                  Path("in") / "sources.csv"):
        out = tmp_path / f"out-{len(str(named))}"
        result = run("extract", "--sources", str(named), "--out", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        paths = [line.split(",")[1] for line in (out / "sources.csv").read_text().splitlines()]
        assert paths == ["path", "good.txt", "other.txt"]


@pytest.mark.parametrize(
    ("name", "content", "published", "problem"),
    [
        ("empty.txt", b"", "2025-02-19", "empty.txt: empty file"),
        ("blob.txt", b"\x00\x01\x02PK\x03\x04" * 50, "2025-02-19", "blob.txt: binary file"),
        ("late.txt", b"Talks ended.\n", "19/02/2025", "'19/02/2025' is not a valid"),
        ("image.png", b"\x89PNG", "2025-02-19", "image.png: unsupported file type .png"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_keeps_data(tmp_path, name, content, published, problem):
    good = make_corpus(tmp_path / "ok", "other.txt", b"Troops left on Friday.\n")
    out = tmp_path / "out"
    assert run("extract", "--sources", str(good), "--out", str(out)).returncode == 0
    before = contents(out)  # (the database by its tables: it may keep the articles extracted)
    manifest = make_corpus(tmp_path / "bad", name, content, published)
    result = run("extract", "--sources", str(manifest), "--out", str(out), "--strict")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0]
    assert "Traceback" not in result.stderr
    assert contents(out) == before


def test_missing_file_is_named(tmp_path):
    manifest = tmp_path / "sources.csv"
    row = "nowhere.txt,https://example.org/a,T,O,A,2025-02-19\n"
    manifest.write_text(HEADER + row, encoding="utf-8")
    result = run("extract", "--sources", str(manifest), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nowhere.txt: file not found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_timex_command_prints_json_lines(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = run("timex", "--dct", "2025-02-19", str(article))
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(t["text"], t["value"]) for t in found] == [
        ("Tuesday", "2025-02-18"), ("March 3", "2025-03-03")
    ]
    assert all(GOOD[t["start"] : t["end"]] == t["text"] for t in found)


def test_timex_command_timeml(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = run("timex", "--dct", "2025-02-19", "--format", "timeml", str(article))
    assert result.returncode == 0, result.stderr
    assert 'value="2025-02-18">Tuesday</TIMEX3>' in result.stdout


def test_timex_bad_dct(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = run("timex", "--dct", "2025-13-01", str(article))
    assert result.returncode == 2 and "--dct '2025-13-01'" in result.stderr


PLAIN = [
    ["--dct", "2025-02-19", "a.txt"], ["a.txt", "--dct=2025-02-19", "--format", "timeml"],
    ["--format=json", "--dct", "x", "a=b.txt"], ["--dct", "", "a.txt"],
    ["--dct", "1", "--dct", "2", "a.txt"],
]
"""`timex` arguments read without the parser."""
OTHERS = [
    ["--dct", "2025-02-19"], ["a.txt"], ["--dct", "2025-02-19", "a.txt", "b.txt"],
    ["--dct", "2025-02-19", "--format", "xml", "a.txt"], ["--dct", "-1", "a.txt"], ["-h"],
    ["--dct", "2025-02-19", "--", "-a.txt"], ["--d", "2025-02-19", "a.txt"], ["--dct"],
]
"""`timex` arguments left to the parser (to read, or to explain what is wrong)."""


@pytest.mark.parametrize("argv", PLAIN + OTHERS)
def test_plain_timex_arguments_read_as_the_parser_does(argv):
    import argparse

    from dashboard.cli import TIMEX_HELP, plain_timex_arguments, timex_arguments

    plain = plain_timex_arguments(argv)
    assert (plain is not None) == (argv in PLAIN)
    if plain is not None:
        parser = timex_arguments(argparse.ArgumentParser(description=TIMEX_HELP))
        assert vars(plain) == vars(parser.parse_args(argv))
