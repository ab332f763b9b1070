"""Hostile and broken input: every case is refused with one line naming the file or manifest row
(exit code 2, no traceback, the output folder untouched), or is read correctly.

Most cases run the command line in-process (`dashboard.cli.main`, the code path of
`python -m dashboard extract`); a few run it as a subprocess to check the real exit code.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import time
from pathlib import Path

import pytest
from extracted import MANIFEST_HEADER as HEADER
from extracted import contents as snapshot
from extracted import corpus
from extracted import run_cli as cli

from dashboard.cli import main
from dashboard.read.sources import read_manifest, read_source

ARTICLE = (
    "Border talks resume\n\n"
    "The foreign ministry said on Tuesday that negotiators would meet again on March 3.\n\n"
    "Around 3,000 troops remain near the river, officials said.\n"
)
"""A small article that builds cleanly."""


@pytest.fixture
def built(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding a good build, and its contents."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (good / "sources.csv").write_text(
        HEADER + "a.txt,https://example.org/a,A,Example,,2025-02-19\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["extract", "--sources", str(good / "sources.csv"), "--out", str(out)]) == 0
    return out, snapshot(out)


def refused(manifest: Path, built, capsys) -> str:
    """Run the extract command with `--strict` on `manifest` into the good build; return its
    one-line error."""
    out, before = built
    capsys.readouterr()
    code = main(["extract", "--sources", str(manifest), "--out", str(out), "--strict"])
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in captured.err
    assert snapshot(out) == before
    return lines[0]


def one_file(tmp_path: Path, name: str, content: bytes | str, published="2025-02-19") -> Path:
    """A manifest listing a good article and `name`."""
    return corpus(
        tmp_path / "in",
        {"good.txt": ARTICLE, name: content},
        f"good.txt,https://example.org/good,Good,Example,,2025-02-19\n"
        f"{name},https://example.org/bad,Bad,Example,,{published}\n",
    )


WORDS = "The council said on Monday that repairs to the old bridge would begin next spring. "
FURNITURE_PAGE = """<html><head><title>Example News</title></head><body>
<header><a href="/">Home</a></header><nav><a>World</a><a>Politics</a></nav>
<div>Menu</div><div>Search</div><div>Share</div><div>Subscribe now</div>
<div>Most read</div><div>Settings</div><div>Back to top</div><div>© 2025 Example News</div>
<h1>Breaking news from the region</h1><div>By Jane Roe</div>
</body></html>"""


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty.txt: empty file"),
        ("blank.txt", b"  \n\t\r\n   \n", "blank.txt: empty file"),
        ("blank.html", b"<html><body>  <p> </p></body></html>", "blank.html: no article text"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
         "blob.txt: binary file"),
        ("nul.txt", b"Ministers met on Monday.\x00\x00They agreed.\n",
         "nul.txt: binary file (contains NUL bytes)"),
        ("controls.txt", bytes(range(1, 32)) * 40, "controls.txt: binary file (control"),
        ("utf16.txt", "Talks ended on Friday, the envoy said.\n".encode("utf-16-le"),
         "utf16.txt: binary file (contains NUL bytes; UTF-16 without a byte-order mark?)"),
        ("odd.txt", codecs.BOM_UTF16_LE + b"T\x00a\x00l", "odd.txt: invalid utf-16 text"),
        ("broken.txt", "Café owners said the café near the état office reopened.\n"
         .encode().replace(b"near", b"n\xffar"), "broken.txt: invalid UTF-8 at byte"),
        ("furniture.html", FURNITURE_PAGE, "furniture.html: no article text"),
        ("furniture.txt", "Menu\nSearch\nShare\nSettings\nMost read\nBack to top\n",
         "furniture.txt: no article text"),
        ("headline.txt", "Troops withdraw\n", "headline.txt: no article text"),
        ("long.txt", WORDS * 7000, "long.txt: text too long"),
        ("image.png", b"\x89PNG\r\n", "image.png: unsupported file type .png"),
        ("noext", b"Talks ended.\n", "noext: unsupported file type (none)"),
    ],
)
def test_bad_files(tmp_path, built, capsys, name, content, problem):
    assert problem in refused(one_file(tmp_path, name, content), built, capsys)


def test_a_build_leaves_refused_articles_out_and_says_why(tmp_path, capsys):
    manifest = corpus(tmp_path / "in", {"good.txt": ARTICLE, "empty.txt": b"",
                                        "nul.txt": b"One.\x00Two.\n"},
                      "good.txt,https://example.org/good,Good,Example,,2025-02-19\n"
                      "empty.txt,https://example.org/empty,Empty,Example,,2025-02-19\n"
                      "nul.txt,https://example.org/nul,Nul,Example,,2025-02-19\n")
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["extract", "--sources", str(manifest), "--out", str(out), "--jobs", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"refused: {tmp_path / 'in' / 'empty.txt'}: empty file",
        f"refused: {tmp_path / 'in' / 'nul.txt'}: binary file (contains NUL bytes)",
    ]
    assert captured.out.splitlines()[-1] == "built 1 article; 2 refused"
    sources = list(csv.DictReader((out / "sources.csv").open(encoding="utf-8")))
    assert [row["url"] for row in sources] == ["https://example.org/good"]
    refusals = list(csv.DictReader((out / "refused.csv").open(encoding="utf-8")))
    assert [(row["url"], row["reason"].split(": ", 1)[1]) for row in refusals] == [
        ("https://example.org/empty", "empty file"),
        ("https://example.org/nul", "binary file (contains NUL bytes)"),
    ]
    (tmp_path / "in" / "empty.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    assert main(["extract", "--sources", str(manifest), "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "built 2 articles; 1 refused"
    assert len(list(csv.DictReader((out / "refused.csv").open(encoding="utf-8")))) == 1


def test_an_article_the_extractors_fail_on_is_left_out_and_the_build_goes_on(
        tmp_path, capsys, monkeypatch):
    from dashboard.store import build

    real = build.analyse

    def analyse(source, *args):
        if "fault" in source.text:
            raise IndexError("list index out of range")
        return real(source, *args)

    monkeypatch.setattr(build, "analyse", analyse)
    manifest = corpus(tmp_path / "in", {"good.txt": ARTICLE, "bad.txt": ARTICLE + "A fault.\n"},
                      "good.txt,https://example.org/good,Good,Example,,2025-02-19\n"
                      "bad.txt,https://example.org/bad,Bad,Example,,2025-02-19\n")
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["extract", "--sources", str(manifest), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"refused: {tmp_path / 'in' / 'bad.txt'}: could not be analysed (IndexError: list index "
        "out of range); this is a bug in the dashboard, please report it"]
    assert captured.out.splitlines()[-1] == "built 1 article; 1 refused"


def test_strict_refuses_the_whole_build_and_writes_nothing(tmp_path, capsys):
    manifest = one_file(tmp_path, "empty.txt", b"")
    out = tmp_path / "out"
    assert main(["extract", "--sources", str(manifest), "--out", str(out), "--strict"]) == 2
    assert capsys.readouterr().err.strip().endswith("empty.txt: empty file")
    assert not out.exists()


def test_a_50_mb_file_is_refused_before_reading(tmp_path, built, capsys):
    line = "Officials said on Monday that the talks had ended without a deal.\n"
    manifest = one_file(tmp_path, "huge.txt", line * (50 * 2**20 // len(line) + 1))
    message = refused(manifest, built, capsys)
    assert "huge.txt: file too large (50.0 MiB; the limit is 20 MiB)" in message


def test_a_folder_or_a_pipe_is_not_a_file(tmp_path, built, capsys):
    manifest = one_file(tmp_path, "folder.txt", ARTICLE)
    (tmp_path / "in" / "folder.txt").unlink()
    (tmp_path / "in" / "folder.txt").mkdir()
    assert "folder.txt: not a regular file" in refused(manifest, built, capsys)
    if hasattr(os, "mkfifo"):
        (tmp_path / "in" / "folder.txt").rmdir()
        os.mkfifo(tmp_path / "in" / "folder.txt")
        assert "folder.txt: not a regular file" in refused(manifest, built, capsys)


def build_one(tmp_path: Path, name: str, content: bytes | str, published="2025-02-19") -> str:
    """Build a manifest of one file and return its text as read."""
    manifest = corpus(tmp_path / "ok", {name: content},
                      f"{name},https://example.org/x,X,Example,,{published}\n")
    out = tmp_path / "ok-out"
    assert main(["extract", "--sources", str(manifest), "--out", str(out)]) == 0
    return (out / "texts" / f"{Path(name).stem}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
     ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-8", codecs.BOM_UTF8), ("cp1252", b""),
     ("utf-8", b"")],
)
def test_encodings_that_are_read(tmp_path, encoding, bom):
    text = "Café owners in Köln said on Tuesday that trade “picked up” — a relief.\n"
    assert build_one(tmp_path, "a.txt", bom + text.encode(encoding)) == text


def test_html_declared_charset_is_honoured(tmp_path):
    body = "<p>국방부는 화요일에 병력이 철수했다고 밝혔다. The ministry confirmed it.</p>"
    page = '<html><head><meta charset="euc-kr"></head><body>' + body + "</body></html>"
    text = build_one(tmp_path, "korean.html", page.encode("euc-kr"))
    assert "국방부는 화요일에 병력이 철수했다고 밝혔다." in text


def test_html_scripts_styles_frames_and_hidden_parts_are_dropped(tmp_path):
    page = """<!DOCTYPE html><html><head><title>Talks</title><style>p{color:red}</style>
    <script>var tracker = "secret";</script></head><body>
    <noscript>Enable scripts to read this.</noscript>
    <iframe src="https://ads.example/frame"><p>Frame fallback.</p></iframe>
    <p>Envoys met in Geneva on Monday, the ministry said.</p>
    <script type="application/ld+json">{"datePublished": "2025-02-18"}</script>
    <div hidden>Hidden teaser.</div><div style="display: none">Invisible promo.</div>
    <div aria-hidden="true">Decorative text.</div><!-- a comment -->
    <form><input value="Type here"><button>Send</button></form>
    <p>They will meet again <em>next week</em>.</p></body></html>"""
    text = build_one(tmp_path, "page.html", page)
    assert text == (
        "Envoys met in Geneva on Monday, the ministry said.\n\nThey will meet again next week.\n"
    )


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "li"])
def test_html_nested_5000_levels_deep(tmp_path, tag):
    page = (f"<{tag}>" * 5000 + "Rescuers reached the village on Sunday, police said."
            + f"</{tag}>" * 5000)
    started = time.perf_counter()
    text = build_one(tmp_path, "deep.html", page)
    assert "Rescuers reached the village on Sunday, police said." in text
    assert time.perf_counter() - started < 30


ROW = "a.txt,https://example.org/a,A,Example,,2025-02-19\n"
FUTURE = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ("path,url,title\na.txt,https://example.org/a,A\n",
         "sources.csv: missing column(s) outlet, author, published"),
        ("path,url,title,outlet,author,publised\n" + ROW,
         "missing column(s) published (is 'publised' a misspelling of 'published'?)"),
        ("path,url,url,title,outlet,author,published\n", "sources.csv: repeated column(s) url"),
        ("a.txt,https://example.org/a,A,Example,,2025-02-19,extra\n",
         "sources.csv: row 2: 7 fields, but the header has 6 columns"),
        ("a.txt,https://example.org/a,A\n", "sources.csv: row 2: 3 fields, but the header has 6"),
        ('a.txt,https://example.org/a,"A,Example,,2025-02-19\nb.txt,,,,,\n',
         "row 2: 3 fields, but the header has 6 columns (an unclosed quote?)"),
        ("path,url,title,outlet,author,published,\n" + ROW.strip() + ",oops\n",
         "sources.csv: row 2: a value in column 7, which has no name"),
        (ROW + ",https://example.org/b,B,Example,,2025-02-19\n", "sources.csv: row 3 has no path"),
        ("a.txt,https://example.org/a,A,Example,,2025-02-30\n",
         "sources.csv: row 2: published date '2025-02-30' is not a valid YYYY-MM-DD date"),
        ("a.txt,https://example.org/a,A,Example,,20250219\n", "'20250219' is not a valid"),
        ("a.txt,https://example.org/a,A,Example,,2025-W08-3\n", "'2025-W08-3' is not a valid"),
        ("a.txt,https://example.org/a,A,Example,,19 Feb 2025\n", "'19 Feb 2025' is not a valid"),
        (f"a.txt,https://example.org/a,A,Example,,{FUTURE}\n",
         f"sources.csv: row 2: published date {FUTURE} is in the future (today is"),
        ("a.txt,https://example.org/a,A,Example,,0202-02-19\n",
         "row 2: published date 0202-02-19 is before 1800"),
        (ROW + "a.txt,https://example.org/b,B,Example,,2025-02-19\n",
         "sources.csv: row 3: a.txt is already listed in row 2"),
        (ROW + "./sub/../a.txt,https://example.org/b,B,Example,,2025-02-19\n",
         "sources.csv: row 3: ./sub/../a.txt is already listed in row 2"),
        (ROW + "b.txt,https://example.org/a,B,Example,,2025-02-19\n",
         "sources.csv: row 3: URL https://example.org/a is already listed in row 2"),
        (ROW + "A.html,https://example.org/b,B,Example,,2025-02-19\n",
         "row 3: A.html has the same file name as a.txt in row 2"),
        (ROW + "sub/a.txt,https://example.org/b,B,Example,,2025-02-19\n",
         "row 3: sub/a.txt has the same file name as a.txt in row 2"),
        ("../../etc/passwd.txt,,,,,2025-02-19\n",
         "sources.csv: row 2: path ../../etc/passwd.txt leads outside the manifest's folder"),
        ("sub/../../a.txt,,,,,2025-02-19\n", "row 2: path sub/../../a.txt leads outside"),
        ("/etc/passwd,,,,,2025-02-19\n", "row 2: path /etc/passwd is absolute"),
        ("C:\\Windows\\win.ini,,,,,2025-02-19\n", "row 2: path C:\\Windows\\win.ini is absolute"),
        ("a.txt,javascript:alert(document.cookie),A,E,,2025-02-19\n",
         "sources.csv: row 2: URL 'javascript:alert(document.cookie)' has javascript:; "
         "only http(s) URLs (or none) are allowed"),
        ("a.txt,JavaScript:alert(1),A,E,,2025-02-19\n", "has javascript:; only http(s)"),
        ("a.txt,\"data:text/html,<script>alert(1)</script>\",A,E,,2025-02-19\n",
         "URL 'data:text/html,<script>alert(1)</script>' has data:"),
        ('a.txt,"java\tscript:alert(1)",A,E,,2025-02-19\n', "contains spaces or control"),
        ("a.txt,vbscript:msgbox,A,E,,2025-02-19\n", "has vbscript:"),
        ("a.txt,ftp://example.org/a,A,E,,2025-02-19\n", "has ftp:"),
        ("a.txt,//example.org/a,A,E,,2025-02-19\n", "URL '//example.org/a' has no scheme"),
        ("a.txt,example.org/a,A,E,,2025-02-19\n", "URL 'example.org/a' has no scheme"),
        ("a.txt,https://,A,E,,2025-02-19\n", "URL 'https://' has no host"),
        ("a.txt,http://[::1,A,E,,2025-02-19\n", "URL 'http://[::1' is malformed"),
    ],
)
def test_bad_manifests(tmp_path, built, capsys, rows, problem):
    manifest = corpus(tmp_path / "in", {"a.txt": ARTICLE, "A.html": f"<p>{ARTICLE}</p>",
                                        "sub/a.txt": ARTICLE, "b.txt": ARTICLE}, rows)
    assert problem in refused(manifest, built, capsys)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "sources.csv: empty manifest (no header row)"),
        (b"\n \n", "sources.csv: empty manifest (no header row)"),
        ("path,url,title,outlet,author,published\nä.txt,,,,,\n".encode("cp1252"),
         "sources.csv: the manifest is not UTF-8 text (save it as CSV UTF-8)"),
        (b"path,url,title,outlet,author,published\na.txt,\x00,,,,\n",
         "sources.csv: the manifest is not a text file (contains NUL bytes)"),
        (HEADER.encode() + b"a.txt,,," + b"x" * 200_000 + b",,\n",
         "sources.csv: row 2: malformed CSV (field larger than field limit"),
    ],
)
def test_unreadable_manifests(tmp_path, built, capsys, content, problem):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sources.csv").write_bytes(content)
    assert problem in refused(tmp_path / "in" / "sources.csv", built, capsys)


def test_missing_manifest(tmp_path, built, capsys):
    message = refused(tmp_path / "nowhere.csv", built, capsys)
    assert "nowhere.csv: cannot read the manifest (No such file or directory)" in message


def test_symlinks_out_of_the_folder_are_refused(tmp_path, built, capsys):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "in"
    manifest = corpus(folder, {}, "link.txt,,,,,2025-02-19\n")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    assert "row 2: path link.txt leads outside the manifest's folder" in refused(
        manifest, built, capsys
    )
    manifest.write_text(HEADER + "linked/secret.txt,,,,,2025-02-19\n", encoding="utf-8")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    assert "path linked/secret.txt leads outside" in refused(manifest, built, capsys)
    manifest.write_text(HEADER + "loop.txt,,,,,2025-02-19\n", encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    assert "row 2: cannot resolve" in refused(manifest, built, capsys)


def test_symlinks_inside_the_folder_are_read_but_not_twice(tmp_path, built, capsys):
    folder = tmp_path / "in"
    manifest = corpus(folder, {"store/a.txt": ARTICLE}, "b.txt,,,,,2025-02-19\n")
    (folder / "b.txt").symlink_to(folder / "store" / "a.txt")
    rows = read_manifest(manifest)
    assert read_source(rows[0]).text == ARTICLE
    manifest.write_text(HEADER + "b.txt,,,,,2025-02-19\nstore/a.txt,,,,,2025-02-19\n",
                        encoding="utf-8")
    assert "row 3: store/a.txt is already listed in row 2" in refused(manifest, built, capsys)


def test_unknown_columns_are_kept(tmp_path):
    manifest = corpus(
        tmp_path, {"a.txt": ARTICLE},
        "Path,URL,title,outlet,author,published,section,notes\n"
        "a.txt,https://example.org/a,A,Example,,2025-02-19,World,checked by desk\n",
    )
    (row,) = read_manifest(manifest)
    source = read_source(row)
    assert source.url == "https://example.org/a"
    assert source.extra == {"section": "World", "notes": "checked by desk"}
    assert main(["extract", "--sources", str(manifest), "--out", str(tmp_path / "out")]) == 0


def test_blank_date_is_inferred_but_never_from_the_future(tmp_path, built, capsys):
    text = "Posted 2091-05-01. Updated March 2, 2025.\n\nTalks resumed on Monday, envoys said.\n"
    manifest = corpus(tmp_path / "in", {"a.txt": text}, "a.txt,,,,,\n")
    (row,) = read_manifest(manifest)
    assert read_source(row).published == "2025-03-02"
    manifest = corpus(tmp_path / "in2", {"a.txt": ARTICLE}, "a.txt,,,,,\n")
    assert "a.txt: no publication date in the manifest and none in the text" in refused(
        manifest, built, capsys
    )


def test_header_only_manifest_builds_empty_tables(tmp_path):
    manifest = corpus(tmp_path, {}, HEADER)
    assert main(["extract", "--sources", str(manifest), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "events.csv").exists()


@pytest.mark.parametrize(
    ("files", "rows", "problem"),
    [
        ({"x.txt": b"\x00\xff" * 300}, "x.txt,,,,,2025-02-19\n", "x.txt: binary file"),
        ({}, "../../etc/passwd.txt,,,,,2025-02-19\n", "row 2: path ../../etc/passwd.txt leads"),
        ({"a.txt": ARTICLE}, "a.txt,javascript:alert(1),,,,2025-02-19\n", "has javascript:"),
        ({"a.txt": ARTICLE}, f"a.txt,,,,,{FUTURE}\n", "is in the future"),
    ],
)
def test_subprocess_exit_code_and_one_line(tmp_path, files, rows, problem):
    manifest = corpus(tmp_path / "in", files, rows)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.csv").write_text("unchanged\n", encoding="utf-8")
    result = cli("extract", "--sources", str(manifest), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], result.stderr
    assert snapshot(out) == {"keep.csv": b"unchanged\n"}
