"""Property tests for the reader and the sentence splitter: no input makes them misbehave.

`decode()` returns text or raises SourceError, `html_to_text()` never raises, and the spans that
`blocks()` and `sentences()` report are ordered, non-empty and inside the text. Example counts
are kept small: the suite shares two cores with everything else.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.read.dates import infer_date
from dashboard.read.html import read_page
from dashboard.read.sentences import blocks, masked, sentences
from dashboard.read.sources import SourceError, decode

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
"""Modest by default; `FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py` searches harder."""

NEWS_WORDS = [
    "The", "ministry", "said", "on", "Monday", "that", "around", "3,000", "troops", "left",
    "Mr.", "Gen.", "Kim", "U.S.", "Jan.", "9", "2025", "\"We", "agree,\"", "he", "told",
    "Reuters", "Photo", "by", "AP", "Share", "Settings", "•", "-1", "(Yonhap)", "©", "e.g.",
    "...", "?", "!", ".", ",", "—", "café", "", " ", "\t", "\n", "\n\n", "\r\n", "\u00a0",
    "\u2028", "\x0c", "A.", "B.", "x",
]  # fmt: skip
"""Words that exercise the splitter: abbreviations, initials, credits, furniture, odd spaces."""

news_text = st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_text)

TAGS = ["p", "div", "span", "b", "br", "li", "ul", "h1", "figure", "figcaption", "script",
        "style", "iframe", "nav", "table", "tr", "td", "a", "noscript", "template", "svg", "head",
        "body", "html", "title", "meta", "time", "pre", "!--", "![CDATA["]  # fmt: skip


@st.composite
def html_soup(draw) -> str:
    """Tag soup: random tags, unbalanced or not, with attributes, text and entities."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            value = draw(st.sampled_from(["2025-02-19T10:00", "x", "", "\"", "display:none"]))
            attribute = draw(st.sampled_from(["content", "datetime", "style", "hidden", "name"]))
            parts.append(f"<{tag} {attribute}=\"{value}\">")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "&lt;"])))
        else:
            parts.append(draw(any_text))
    return "".join(parts)


@FUZZ
@given(st.binary(max_size=600))
def test_decode_returns_text_or_raises_source_error(raw):
    try:
        text = decode(raw, Path("fuzz.txt"))
    except SourceError as error:
        assert str(error).startswith("fuzz.txt: ")
        assert "\n" not in str(error)
    else:
        assert isinstance(text, str) and text.strip()
        assert "\x00" not in text


@FUZZ
@given(
    st.text(max_size=200),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]),
    st.sampled_from(["fuzz.txt", "fuzz.html"]),
)
def test_decode_of_encoded_text(text, encoding, name):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        decoded = decode(raw, Path(name))
    except SourceError as error:
        assert str(error).startswith(f"{name}: ")
        return
    assert isinstance(decoded, str)
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32") and raw[:1] != b"\x00":
        assert decoded == text


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                 codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]))
def test_decode_after_a_byte_order_mark(raw, bom):
    try:
        assert isinstance(decode(bom + raw, Path("fuzz.txt")), str)
    except SourceError as error:
        assert str(error).startswith("fuzz.txt: ")


@FUZZ
@given(st.one_of(html_soup(), st.text(max_size=400)))
def test_read_page_gives_a_page_or_a_source_error(html):
    try:
        page = read_page(html, Path("fuzz.html"))
    except SourceError as error:
        assert str(error).startswith("fuzz.html: ") and "\n" not in str(error)
        return
    assert isinstance(page.text, str) and isinstance(page.title, str)
    assert page.published == "" or len(page.published) == 10
    assert page.text.endswith("\n") and page.text.strip()
    assert "\n\n\n" not in page.text
    for block in page.blocks:
        assert 0 <= block.start <= block.end <= len(page.text)


@FUZZ
@given(st.integers(1, 3000), st.sampled_from(["div", "span", "p", "b", "li", "td", "section"]))
def test_read_page_deep_nesting(depth, tag):
    html = f"<{tag}>" * depth + "Troops crossed the river on Monday." + f"</{tag}>" * depth
    assert "Troops crossed the river on Monday." in read_page(html, Path("deep.html")).text


def check_spans(text: str) -> None:
    """The invariants of blocks() and sentences() on one text."""
    found = blocks(text)
    previous_end = 0
    for block in found:
        assert previous_end <= block.start < block.end <= len(text)
        assert text[block.start : block.end].strip()
        assert not re.search(r"\n[^\S\n]*\n", text[block.start : block.end])
        previous_end = block.end
    kept = [b for b in found if b.role in ("body", "caption")]
    previous_end = 0
    for sentence in sentences(text, found):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        assert any(b.start <= sentence.start and sentence.end <= b.end for b in kept)
        previous_end = sentence.end
    assert sentences(text) == sentences(text, found)
    assert len(masked(text, found)) == len(text)


@FUZZ
@given(any_text)
def test_block_and_sentence_spans_are_inside_the_text(text):
    check_spans(text)


@FUZZ
@given(st.lists(news_text, max_size=8))
def test_spans_with_repeated_lines(lines):
    check_spans("\n".join([*lines, *lines[:2]]))


@FUZZ
@given(any_text)
def test_infer_date_is_empty_or_iso(text):
    found = infer_date(text)
    assert found == "" or (len(found) == 10 and found[4] == found[7] == "-")
