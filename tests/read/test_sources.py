"""Reading articles: decoding, HTML to text, page furniture, captions and the manifest."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from extracted import MANIFEST_HEADER

from dashboard.read.html import read_page
from dashboard.read.sentences import blocks, sentences
from dashboard.read.sources import SourceError, decode, read_manifest, read_source

TEXT = "Officials said on Monday that talks would resume — café owners cheered.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("cp1252"), TEXT),
        ("Grüße aus Köln, said Mr. Roth.\n".encode("latin-1"), "Grüße aus Köln, said Mr. Roth.\n"),
    ],
)
def test_decode(raw, expected):
    assert decode(raw, Path("a.txt")) == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 32)) * 40, "binary file"),
    ],
)
def test_decode_refuses(raw, problem):
    with pytest.raises(SourceError, match=f"a.txt: {problem}"):
        decode(raw, Path("a.txt"))


def test_read_page_drops_scripts_and_keeps_blocks():
    html = """<html><head><title>T</title>
    <meta property="article:published_time" content="2025-03-04T09:00:00+09:00"></head>
    <body><nav>Home | World</nav><script>alert(1)</script><style>p{}</style>
    <h1>Border talks resume</h1><p>Negotiators met on Monday in Geneva.</p>
    <figure><img src="x.jpg"><figcaption>Delegates arrive, March 3. Reuters</figcaption></figure>
    <iframe src="https://ads.example"></iframe><p>They will meet again <b>next week</b>.</p>
    </body></html>"""
    page = read_page(html, Path("a.html"))
    text, title, published = page.text, page.title, page.published
    assert title == "Border talks resume"  # the page's one <h1> is its headline
    assert published == "2025-03-04"
    assert "alert" not in text and "Home | World" not in text and "p{}" not in text
    assert "Negotiators met on Monday in Geneva." in text
    assert "They will meet again next week." in text
    roles = {text[b.start : b.end]: b.role for b in page.blocks}
    assert "Border talks resume" not in text  # the headline is the title
    assert roles["Delegates arrive, March 3."] == "caption"


def test_furniture_and_repeated_captions_are_marked():
    text = (
        "Settings\n\n• -1\n• +1\n\nTroops pull back from the border\n"
        "• Facebook share button\n"
        "Soldiers march past the capitol, Jan. 12. Yonhap\n\n"
        "Soldiers march past the capitol, Jan. 12. Yonhap\n\n"
        "By Jane Roe\n\nThe army said Monday it had pulled back. Mr. Kim agreed.\n\n"
        "Top 10 Stories\n\ngo top\n"
    )
    roles = [(text[b.start : b.end], b.role) for b in blocks(text)]
    assert ("Settings", "furniture") in roles
    assert ("• Facebook share button", "furniture") in roles
    assert ("Top 10 Stories", "furniture") in roles
    assert ("go top", "furniture") in roles
    assert ("By Jane Roe", "byline") in roles
    assert [r for _, r in roles].count("caption") == 1
    assert [r for _, r in roles].count("duplicate") == 1
    found = [(s.text, s.role, s.credit) for s in sentences(text)]
    assert found == [
        ("Soldiers march past the capitol, Jan. 12.", "caption", "Yonhap"),
        ("The army said Monday it had pulled back.", "body", ""),
        ("Mr. Kim agreed.", "body", ""),
    ]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path




@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ("path,url\na.txt,http://x\n", "missing column(s) title, outlet, author, published"),
        (MANIFEST_HEADER + "a.txt,http://x,T,O,A,2025-02-30\n", "'2025-02-30' is not a valid"),
        (MANIFEST_HEADER + ",http://x,T,O,A,2025-02-03\n", "row 2 has no path"),
    ],
)
def test_manifest_errors(tmp_path, manifest, problem):
    path = write(tmp_path / "sources.csv", manifest)
    with pytest.raises(SourceError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        read_manifest(path)


def test_publication_date_is_inferred_and_marked(tmp_path):
    write(tmp_path / "a.txt", "Posted Feb. 19, 2025\n\nThe ministry said Tuesday it agreed.\n")
    write(tmp_path / "b.html", '<meta name="date" content="2024-11-02"><p>Talks ended.</p>')
    write(tmp_path / "sources.csv", MANIFEST_HEADER + "a.txt,https://example.org/a,T,O,A,\nb.html,https://example.org/b,T,O,A,\n")
    rows = read_manifest(tmp_path / "sources.csv")
    first, second = (read_source(row) for row in rows)
    assert (first.published, first.published_inferred) == ("2025-02-19", True)
    assert (second.published, second.published_inferred) == ("2024-11-02", True)


def test_source_errors_name_the_file(tmp_path):
    write(tmp_path / "sources.csv", MANIFEST_HEADER + "missing.txt,https://example.org/a,T,O,A,2025-01-01\n")
    (row,) = read_manifest(tmp_path / "sources.csv")
    with pytest.raises(SourceError, match=r"missing.txt: file not found"):
        read_source(row)


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Army pulls back from the border after weeks of tension\n\nBy Jo Park\n\n"
        "The army said on Monday that it had pulled most of its units back from\n"
        "the northern border, ending a standoff that began in early January and\n"
        "Kept officials in both capitals awake for weeks.\n\n"
        "Officials expect talks\nto resume next week.\n"
    )
    roles = [b.role for b in blocks(text)]
    assert roles == ["headline", "byline", "body", "body"]
    found = [" ".join(s.text.split()) for s in sentences(text)]
    assert found[0].startswith("The army said on Monday") and found[0].endswith("for weeks.")
    assert found[1] == "Officials expect talks to resume next week."


@pytest.mark.parametrize("dateline", [
    "LAKEVIEW, Ore. (Valley Wire) — ",
    "LAKEVIEW, March 4 (Valley Wire) -- ",
    "LAKEVIEW — ",
])
def test_a_dateline_after_the_headline_is_not_part_of_the_first_sentence(dateline):
    text = (f"Ferry strike enters third day\n\nBy Ana Reyes\n\n{dateline}"
            "Ferry crews stayed off the job on Tuesday, the union said.\n")
    roles = [(text[b.start : b.end], b.role) for b in blocks(text)]
    assert (dateline, "dateline") in roles
    assert [s.text for s in sentences(text) if s.role == "body"] == [
        "Ferry crews stayed off the job on Tuesday, the union said."]
