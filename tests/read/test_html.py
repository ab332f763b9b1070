"""`dashboard.read.html.page_text` (lxml) gives exactly what the BeautifulSoup version it replaced
gave, for any str: random HTML-ish documents, one case per known difference between bs4 and lxml,
and every HTML file of the fixtures and seeds.

`bs4_page_text` below is that former version, copied verbatim (only renamed, with `_bs4_`
prefixes on its helpers): it is the reference, and must not be changed to fit the new code. It
takes its constants from dashboard.read.html, where they are unchanged (BLOCK_TAGS and
DROPPED_TAGS became frozensets, the same for `in`).
"""

from __future__ import annotations

import os
import re
import warnings

import pytest
from bs4 import BeautifulSoup, CData, NavigableString, Tag
from extracted import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.read.dates import date_prefix
from dashboard.read.html import (
    BLOCK_TAGS,
    DATE_META,
    DROPPED_TAGS,
    HIDDEN_STYLE,
    JSON_LD_DATE,
    SURROGATES,
    _tidy,
    page_text,
)

# --- The reference: the bs4 version of page_text, verbatim ---------------------------------

TEXT_STRINGS = (NavigableString, CData)
"""The string types that are page text (not comments, doctypes or processing instructions)."""


def bs4_page_text(html: str) -> tuple[str, str, str]:
    """HTML to plain text with one block per line: (text, title, published date or '').

    Never raises on a str: scripts, styles, frames, forms and hidden elements are dropped, and
    the tree is walked without recursion (and without editing it, which is quadratic), so
    thousands of nested tags cost no more than thousands of siblings.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "looks like a file name", "XML parsed as HTML"...
        soup = BeautifulSoup(SURROGATES.sub("\ufffd", html), "lxml")
    title = _bs4_meta(soup, ("meta", "property", "og:title")) or (
        soup.title.get_text(" ", strip=True) if soup.title else ""
    )
    published = ""
    for tag, attribute, name in DATE_META:
        published = date_prefix(_bs4_meta(soup, (tag, attribute, name)))
        if published:
            break
    if not published:
        stamp = soup.find("time", attrs={"datetime": True})
        published = date_prefix(_bs4_attribute(stamp, "datetime")) if stamp else ""
    if not published:
        linked = JSON_LD_DATE.search(html)
        published = date_prefix(linked.group(1)) if linked else ""
    body = soup.body or soup
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in _bs4_text(body).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return text, title, published


def _bs4_text(root: Tag) -> str:
    """The visible text under `root`, with a blank line around every block element."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(child, False) for child in reversed(root.contents)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n\n")
        elif isinstance(node, NavigableString):
            if type(node) in TEXT_STRINGS:
                parts.append(str(node))
        elif isinstance(node, Tag) and not _bs4_dropped(node):
            if node.name in BLOCK_TAGS:
                parts.append("\n\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return "".join(parts)


def _bs4_dropped(tag: Tag) -> bool:
    """Whether an element is not article text: a script, a form, a frame, or hidden."""
    if tag.name in DROPPED_TAGS or tag.has_attr("hidden"):
        return True
    if _bs4_attribute(tag, "aria-hidden").lower() == "true":
        return True
    return bool(HIDDEN_STYLE.search(_bs4_attribute(tag, "style")))


def _bs4_attribute(tag: Tag, name: str) -> str:
    """An attribute's value as one string (lxml gives lists for some attributes)."""
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _bs4_meta(soup: BeautifulSoup, spec: tuple[str, str, str]) -> str:
    tag, attribute, name = spec
    found = soup.find(tag, attrs={attribute: name})
    return _bs4_attribute(found, "content").strip() if found else ""


# --- (a) Random HTML-ish documents ---------------------------------------------------------

EXAMPLES = settings(
    max_examples=int(os.environ.get("WEBPAGE_EXAMPLES", "600")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
"""`WEBPAGE_EXAMPLES=20000 pytest tests/test_webpage.py` searches harder."""

INLINE_TAGS = ["span", "b", "a", "em", "ruby", "rt", "rp", "time", "foo:bar", "math", "pre"]
BLOCK_TAGS_SAMPLE = ["p", "div", "br", "li", "td", "tr", "table", "h2", "section", "pre"]
OTHER_TAGS = [
    "script", "style", "template", "title", "head", "body", "html", "meta", "iframe", "nav",
    "footer", "svg", "textarea", "noscript", "form", "select", "frameset", "frame", "object",
    "input", "aside",
]  # fmt: skip
TAGS = st.one_of(*[st.sampled_from(INLINE_TAGS)] * 3, st.sampled_from(BLOCK_TAGS_SAMPLE),
                 st.sampled_from(OTHER_TAGS))
"""Inline tags most often: white space between them is where bs4's string rules show."""
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


@EXAMPLES
@given(documents())
def test_random_documents_give_what_bs4_gave(html):
    assert page_text(html) == bs4_page_text(html)


@EXAMPLES
@given(st.text(max_size=300))
def test_random_text_gives_what_bs4_gave(html):
    assert page_text(html) == bs4_page_text(html)


@EXAMPLES
@given(st.text(st.sampled_from(" \t\r\n\f\v\xa0\u2003\x85\u2028x"), max_size=60) | st.text())
def test_tidy_is_the_former_line_by_line_substitution(text):
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n")]
    assert _tidy(text) == re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# --- (b) One case per known difference between bs4 and lxml's own tree ---------------------

DEEP_SPANS = "<p>" + "<span>" * 3000 + "Deep text" + "</span>" * 3000 + "</p>"
DEEP_DIVS = "<div>" * 20000 + "Deeper text" + "</div>" * 20000
LONG_PAGE = "<title>Long</title>" + "<p>Ferry crossing <b>delayed</b> again.</p>\n" * 20000

CASES = {
    # Strings inside rt, rp, script, style and template were not NavigableStrings in bs4: not
    # text, nor is anything in an element inside them; their tails are text again.
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
    # bs4 turned a string of ASCII white space alone into one newline (or one space), except
    # inside pre and textarea; a comment or a doctype cuts such a string in two.
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
    # '{ns}name' attributes lose their namespace as in bs4 (a '/' ends an attribute name).
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
    "byte order marks (bs4 dropped one)": ("\ufeff\ufeff<p>marks</p>", ("marks\n", "", "")),
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
def test_cases_give_what_bs4_gave(html, expected):
    assert bs4_page_text(html) == expected
    assert page_text(html) == expected


# --- (c) The pages of the fixtures and seeds -----------------------------------------------

PAGES = sorted(
    path for folder in (ROOT / "tests" / "fixtures", ROOT / "seeds")
    for path in folder.rglob("*.htm*")
)  # fmt: skip


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fixture_pages_give_what_bs4_gave(path):
    html = path.read_text(encoding="utf-8")
    assert page_text(html) == bs4_page_text(html)
    assert page_text(html)[0].strip()
