"""`dashboard.read.html.page_text`: HTML to (text, title, published date), one case per rule
written out with what a reader sees, random HTML-ish documents (never an error, always tidy
text), and the HTML pages of the fixtures.

The cases were first gathered where the lxml reader had to match the BeautifulSoup one it
replaced; they now hold the expected values themselves.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from extracted import ROOT, STORY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.read.html import _tidy, page_text

# --- (a) Random HTML-ish documents ---------------------------------------------------------

EXAMPLES = settings(
    max_examples=int(os.environ.get("WEBPAGE_EXAMPLES", "600")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
"""`WEBPAGE_EXAMPLES=20000 pytest tests/read/test_html.py` searches harder."""

INLINE_TAGS = ["span", "b", "a", "em", "ruby", "rt", "rp", "time", "foo:bar", "math", "pre"]
BLOCK_TAGS_SAMPLE = ["p", "div", "br", "li", "td", "tr", "table", "h2", "section", "pre"]
OTHER_TAGS = [
    "script", "style", "template", "title", "head", "body", "html", "meta", "iframe", "nav",
    "footer", "svg", "textarea", "noscript", "form", "select", "frameset", "frame", "object",
    "input", "aside",
]  # fmt: skip
TAGS = st.one_of(*[st.sampled_from(INLINE_TAGS)] * 3, st.sampled_from(BLOCK_TAGS_SAMPLE),
                 st.sampled_from(OTHER_TAGS))
"""Inline tags most often: white space between them is where the string rules show."""
DATES = ["2024-11-09T08:30:00+01:00", " 2025-01-05 ", "2023-02-30", "1750-06-01", "", "soon"]
ATTRIBUTES = st.one_of(
    st.sampled_from([
        "hidden", 'hidden=""', 'aria-hidden="true"', 'aria-hidden="TRUE"', 'aria-hidden="false"',
        'style="display:none"', 'style="visibility : hidden"', 'style="color: red"',
        'class="lead  story"', "{x}style=display:none", "{}hidden", "{a}{b}hidden",
        '{http://www.w3.org/XML/1998/namespace}hidden', 'xml:lang="en"', "datetime",
        'property="og:title"', 'name="og:title"', 'property="og:published_time"',
        'itemprop="datePublished"', 'name="date"', 'name="Date"', 'name="dc.date"',
        'name="pubdate"', 'name="publishdate"', 'property="article:published_time"',
        'name="article:published_time"', 'http-equiv="content-type"', 'charset="x"',
    ]),  # fmt: skip
    st.builds("{}=\"{}\"".format, st.sampled_from(["content", "datetime"]),
              st.sampled_from([*DATES, " Border talks &amp; more ", "A &quot;quoted&quot; one"])),
)
WORDS = st.sampled_from(
    [
        "Talks resumed", " in the valley ", "on Monday.", "\n", "\n\n", "\n \n\t", " ", "\t",
        "\r\n", "\x0c", "\xa0", "\u2003", "&amp;", "&nbsp;", "&#x1F600;", "&#0;", "&bogus;",
        "&lt;p&gt;", "<", ">", "a < b", "x<3", "\x00", "\ud800", "\ufeff", "caf\u00e9", "]]>",
        "--!>", "-->", '{"datePublished": "2024-03-02T10:00:00Z"}', "<p", "</", "<!", "<?", "&",
    ]
)  # fmt: skip
TEXTS = st.one_of(WORDS, WORDS, WORDS, st.text(max_size=12))
SPECIALS = st.sampled_from([
    "<!-- a note -->", "<!---->", "<!-->", "<!-- <p>not text</p> -->", "<![CDATA[kept? <b>]]>",
    "<?php echo 1 ?>", '<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">', "<!doctype>", "<br/>",
    "</p>", "</div>", "</body>", "</html>", "</rt>", "<p/>", '<meta name="date" content="">',
    '<meta name="date" content="2021-04-05">', '<meta property="og:title" content=" Q ">',
    '<meta property="og:title" content="">', '<meta property=og:title content="R">',
    '<time datetime="2022-01-02">', "<time datetime>", "<title>T&amp;U</title>",
])  # fmt: skip


SEPARATORS = st.sampled_from(["", "", " ", "\n", "\n\n", " \n\t\n ", "\n<!DOCTYPE html>\n"])
"""What goes between siblings: white space alone between two tags is a string of its own (a
doctype in the page, which lxml's own tree would ignore, cuts such a string in two)."""


@st.composite
def element(draw, children) -> str:
    """One element: a tag with attributes, its children, and a right, wrong or missing end."""
    tag = draw(TAGS)
    attributes = "".join(" " + a for a in draw(st.lists(ATTRIBUTES, max_size=2)))
    inner = draw(SEPARATORS).join(draw(st.lists(children, max_size=5)))
    end = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{draw(TAGS)}>"]))
    return f"<{tag}{attributes}>{inner}{end}"


NODES = st.recursive(st.one_of(TEXTS, TEXTS, SPECIALS), element, max_leaves=40)
@st.composite
def documents(draw) -> str:
    """A page: nodes, a doctype, a byte order mark or stray <html> and <body> tags."""
    starts = st.sampled_from(["\ufeff", "<!DOCTYPE html>\n", "<html>", "<body>"])
    return draw(SEPARATORS).join(draw(st.lists(st.one_of(NODES, starts), max_size=8)))


def check_tidy(result) -> None:
    """What any page gives: a text of stripped lines with at most one blank line in a row,
    ending in one newline; a title; a date that is '' or a real ISO day."""
    text, title, published = result
    assert isinstance(title, str)
    assert text.endswith("\n") and not text.endswith("\n\n") and "\n\n\n" not in text
    assert all(line == line.strip() for line in text.split("\n"))
    assert "  " not in text.replace("\u2003", "x")
    if published:
        dt.date.fromisoformat(published)


@EXAMPLES
@given(documents())
def test_random_documents_give_tidy_text(html):
    check_tidy(page_text(html))


@EXAMPLES
@given(st.text(max_size=300))
def test_random_text_gives_tidy_text(html):
    check_tidy(page_text(html))


TIDY = {
    "runs of spaces and tabs, stripped lines": (
        "  Talks \t\t resumed  \n\n\n\n in the  valley \n", "Talks resumed\n\nin the valley\n"),
    "nothing": ("", "\n"),
    "no-break spaces are spaces": ("a\xa0\xa0b", "a b\n"),
    "other Unicode spaces are kept inside a line": ("a\u2003\u2003b", "a\u2003\u2003b\n"),
    "and stripped at its ends": (" \u2003x\u2003 ", "x\n"),
    "a carriage return is a space": ("a\r\nb", "a\nb\n"),
    "only a newline ends a line": ("one\x85two\u2028three", "one\x85two\u2028three\n"),
    "blank lines at the ends dropped": ("\n\n\nx\n\n\n\ny\n\n", "x\n\ny\n"),
}


@pytest.mark.parametrize(("text", "expected"), TIDY.values(), ids=TIDY.keys())
def test_tidy(text, expected):
    assert _tidy(text) == expected


# --- (b) One case per rule, with what it gives ---------------------------------------------

DEEP_SPANS = "<p>" + "<span>" * 3000 + "Deep text" + "</span>" * 3000 + "</p>"
DEEP_DIVS = "<div>" * 20000 + "Deeper text" + "</div>" * 20000
LONG_PAGE = "<title>Long</title>" + "<p>Ferry crossing <b>delayed</b> again.</p>\n" * 20000

CASES = {
    # Strings inside rt, rp, script, style and template are not text, nor is anything in an
    # element inside them; their tails are text again.
    "ruby text and parentheses": (
        "<p>Rice <ruby>\u7a32<rp>(</rp><rt>ine</rt><rp>)</rp></ruby> harvest</p>",
        ("Rice \u7a32 harvest\n", "", ""),
    ),
    "an element inside rt": (
        "<p>Tea <ruby><rt>cha <b>no</b> yu</rt>ceremony</ruby> today</p>",
        ("Tea ceremony today\n", "", ""),
    ),
    "script, style and template tails": (
        "<p>Rain<script>var a = 1;</script> fell<style>p {}</style> on<template>x</template>"
        " Tuesday</p>",
        ("Rain fell on Tuesday\n", "", ""),
    ),
    # Comments, processing instructions (a "bogus comment" to libxml2), CDATA sections and
    # doctypes are not text, but what follows them is.
    "comment tail": ("<p>Port<!-- editor's note --> reopened</p>", ("Port reopened\n", "", "")),
    "processing instruction tail": ("<p>Port<?tpl x ?> reopened</p>", ("Port reopened\n", "", "")),
    "cdata section tail": ("<p>Port<![CDATA[ x ]]> reopened</p>", ("Port reopened\n", "", "")),
    # A string of ASCII white space alone becomes one newline (or one space), except inside
    # pre and textarea; a comment or a doctype cuts such a string in two.
    "white space between inline tags": (
        "<p><span>north</span>\n\n\n<span>south</span> <i>east</i>\t\t<i>west</i></p>",
        ("north\nsouth east west\n", "", ""),
    ),
    "a no-break space is not ASCII white space": (
        "<p><span>north</span>\xa0\n\n<span>south</span></p>",
        ("north\n\nsouth\n", "", ""),
    ),
    "white space inside pre": (
        "<pre><b>north</b>\n\n<b>south</b></pre>",
        ("north\n\nsouth\n", "", ""),
    ),
    "white space around a comment": (
        "<p><span>north</span>\n<!-- x -->\n<span>south</span></p>",
        ("north\n\nsouth\n", "", ""),
    ),
    "white space around a doctype inside the page": (
        "<p><span>north</span>\n<!DOCTYPE html>\n<span>south</span></p>",
        ("north\n\nsouth\n", "", ""),
    ),
    # Hidden elements (and the blocks inside them); attribute values compared exactly;
    # '{ns}name' attributes lose their namespace (a '/' ends an attribute name).
    "hidden, aria-hidden and style": (
        "<div hidden>a</div><div aria-hidden='TRUE'>b</div><div style='Display : NONE'>c</div>"
        "<div aria-hidden='false' class='lead  story'>kept</div>",
        ("kept\n", "", ""),
    ),
    "blocks inside a hidden element": (
        "<p>Left<span hidden><b>a</b><div>menu</div></span>right</p>",
        ("Leftright\n", "", ""),
    ),
    "namespaced attribute names": (
        "<p {urn:x}style=display:none>dropped</p><p {}hidden>dropped</p>"
        "<p {a}{b}hidden>kept</p><p {http://x/}hidden>kept too</p>",
        ("kept\n\nkept too\n", "", ""),
    ),
    # Titles: og:title first (the first such meta, even if empty), else the first <title>
    # anywhere, its strings stripped and joined by spaces.
    "og:title wins": (
        "<title>Page title</title><meta property='og:title' content='  Shared title '>",
        ("\n", "Shared title", ""),
    ),
    "an empty og:title falls back to the title": (
        "<meta property='og:title' content=''><meta property='og:title' content='Later'>"
        "<title> Page &amp; \n more </title>",
        ("\n", "Page & \n more", ""),
    ),
    "the first title in the page, even in an svg; a title in the body is text": (
        "<p>Map</p><svg><title>Icon</title></svg><title>Late</title>",
        ("Map\n\nLate\n", "Icon", ""),
    ),
    "a title inside rt has no text": ("<rt><title>Reading</title></rt><p>x</p>", ("x\n", "", "")),
    # Dates: the first meta matching each DATE_META entry, in that order, then the first <time>
    # with a datetime, then JSON-LD; names are compared exactly.
    "date meta order": (
        "<meta name='date' content='nonsense'><meta name='pubdate' content='2024-05-06T07:00'>",
        ("\n", "", "2024-05-06"),
    ),
    "only the first meta of a kind counts": (
        "<meta name='date' content=''><meta name='date' content='2024-05-06'>"
        "<meta name='Date' content='2024-05-07'>",
        ("\n", "", ""),
    ),
    "the first time with a datetime": (
        "<time>Monday</time> <time datetime=' 2023-08-09 '>Tuesday</time>"
        " <time datetime=2024-01-01>",
        ("Monday Tuesday\n", "", "2023-08-09"),
    ),
    "time with an empty datetime": (
        "<time datetime>Monday</time> <time datetime='2023-08-09'>Tuesday</time>",
        ("Monday Tuesday\n", "", ""),
    ),
    "meta before time": (
        "<time datetime='2023-08-09'>Tuesday</time><meta property='og:published_time'"
        " content='2022-01-02'>",
        ("Tuesday\n", "", "2022-01-02"),
    ),
    "json-ld": (
        '<p>x</p><script>{"datePublished": "2021-03-04T05:06:07Z"}</script>',
        ("x\n", "", "2021-03-04"),
    ),
    # Inputs that lxml.html.fromstring refuses or that have no body.
    "xml declaration with an encoding": (
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Declared</p></body></html>',
        ("Declared\n", "", ""),
    ),
    "empty": ("", ("\n", "", "")),
    "white space only": ("  \n\t ", ("\n", "", "")),
    "a comment only": ("<!-- nothing here -->", ("\n", "", "")),
    "plain text": ("Plain words\n\n\nno markup", ("Plain words\n\nno markup\n", "", "")),
    "head only": ("<head><title>Only a head</title></head>", ("\n", "Only a head", "")),
    "text after the html element": (
        "<p>Inside</p></body></html>\nOutside <div>more</div>",
        ("Inside\n", "", ""),
    ),
    "a body inside a frameset (dropped, but the body is read)": (
        "<frameset>< stray</frameset>",
        ("< stray\n", "", ""),
    ),
    "the first body only": (
        "<body><p>first</p></body><body><p>second</p></body>",
        ("first\n", "", ""),
    ),
    # Characters.
    "NUL characters": ("<p>nul\x00 here</p>", ("nul\ufffd here\n", "", "")),
    "a lone surrogate": ("<p>lone \ud800 one</p>", ("lone \ufffd one\n", "", "")),
    "byte order marks": ("\ufeff\ufeff<p>marks</p>", ("marks\n", "", "")),
    "entities and stray brackets": (
        "<p>a < b > c &amp; d&nbsp;e &#x1F600; &bogus; &#0;</p>",
        ("a < b > c & d e \U0001f600 &bogus; \ufffd\n", "", ""),
    ),
    # Size.
    "3,000 nested spans": (DEEP_SPANS, ("Deep text\n", "", "")),
    "20,000 nested divs": (DEEP_DIVS, ("Deeper text\n", "", "")),
    "a long page": (LONG_PAGE, ("Ferry crossing delayed again.\n\n" * 19999
                                + "Ferry crossing delayed again.\n", "Long", "")),
}  # fmt: skip


@pytest.mark.parametrize("html, expected", CASES.values(), ids=CASES.keys())
def test_cases(html, expected):
    assert page_text(html) == expected


# --- (c) The HTML pages of the fixtures ----------------------------------------------------


def test_fixture_page():
    html = (STORY / "questioned.html").read_text(encoding="utf-8")
    assert page_text(html) == (
        "North Korean prisoners questioned\n\n"
        "Ukrainian interrogators have questioned the two North Korean soldiers captured last "
        "week in the Kursk region, the Security Service of Ukraine said Wednesday.\n\n"
        "One of the men told investigators that he had been told he was going to a training "
        "exercise, not a war, the service said.\n\n"
        "A detained North Korean soldier sits in a room in Kyiv, Jan. 14. Reuters\n",
        "North Korean prisoners questioned",
        "2025-01-16",
    )


def test_every_html_page_of_the_fixtures_and_seeds_has_text():
    pages = [p for folder in (ROOT / "tests" / "fixtures", ROOT / "seeds")
             for p in folder.rglob("*.htm*")]
    assert pages
    for path in pages:
        check_tidy(page_text(path.read_text(encoding="utf-8")))
        assert page_text(path.read_text(encoding="utf-8"))[0].strip(), path
