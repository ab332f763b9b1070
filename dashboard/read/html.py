"""HTML pages to text: the article's visible text with one block per line, its title and the
publication date its metadata gives (lxml's HTML parser; imported only when a page is read).

The result is exactly the former BeautifulSoup version's (tests/read/test_html.py holds its
cases with their expected values). bs4 built its tree from the events of this same lxml parser,
so `_Reader` reads those events with bs4's rules rather than lxml's own tree, which differs: it
drops white space between top-level nodes and ignores a doctype met inside the page.
"""

from __future__ import annotations

import re

from lxml import etree

from dashboard.read.dates import date_prefix

BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
    "blockquote", "tr", "br", "header", "footer", "figure", "pre", "dd", "dt", "td", "th",
))  # fmt: skip
JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
"""The publication date in a page's JSON-LD metadata (schema.org NewsArticle)."""
DROPPED_TAGS = frozenset((
    "script", "style", "noscript", "iframe", "nav", "form", "button", "svg", "template",
    "object", "embed", "select", "input", "textarea", "aside", "head", "frame", "frameset",
    "canvas", "audio", "video", "footer",
))  # fmt: skip
NOT_TEXT_TAGS = frozenset(("rt", "rp", "style", "script", "template"))  # bs4 string subclasses
KEPT_SPACE_TAGS = frozenset(("pre", "textarea"))  # bs4's preserve_whitespace_tags
ASCII_SPACES = " \n\t\f\r"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SURROGATES = re.compile("[\ud800-\udfff]")
SPACES = str.maketrans("\t\r\f\v\xa0", "     ")  # then runs of spaces become one
DATE_META = (
    ("meta", "property", "article:published_time"),
    ("meta", "name", "article:published_time"),
    ("meta", "itemprop", "datePublished"),
    ("meta", "name", "pubdate"),
    ("meta", "name", "publishdate"),
    ("meta", "name", "date"),
    ("meta", "name", "dc.date"),
    ("meta", "property", "og:published_time"),
)
TITLE_META = ("meta", "property", "og:title")


def page_text(html: str) -> tuple[str, str, str]:
    """HTML to plain text with one block per line: (text, title, published date or '').

    Never raises on a str: scripts, styles, frames, forms and hidden elements are dropped, and
    the page is read as a stream of parser events (no tree, no recursion), so thousands of
    nested tags cost no more than thousands of siblings.
    """
    markup = SURROGATES.sub("\ufffd", html)
    reader = _Reader(namespaced="{" in markup)
    parser = etree.HTMLParser(target=reader, recover=True, huge_tree=False)
    parser.feed(markup[1:] if markup[:1] == "\ufeff" else markup)  # bs4 dropped one BOM
    parser.close()
    title = reader.found.get(TITLE_META) or " ".join(reader.title)
    metas = (date_prefix(reader.found.get(spec, "")) for spec in DATE_META)
    published = next(filter(None, metas), "") or date_prefix(reader.stamp or "")
    if not published:
        linked = JSON_LD_DATE.search(html)
        published = date_prefix(linked.group(1)) if linked else ""
    return _tidy("".join(reader.parts)), title, published


def _tidy(text: str) -> str:
    """Runs of r"[ \t\r\f\v\xa0]" made one space, lines stripped, at most one blank line in a row
    (as the former line by line substitution, three times faster)."""
    text = re.sub(" {2,}", " ", text.translate(SPACES))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


class _Reader:
    """lxml parser target: the text of the first <body> (or of the page if none) with a blank
    line around blocks, the first <title>'s strings, the content of the first <meta> matching
    each of DATE_META and TITLE_META, the datetime of the first <time> that has one. A string is
    what lies between two events, as in bs4 (see `_flush`)."""

    def __init__(self, namespaced: bool) -> None:
        self.namespaced = namespaced  # some attribute name may be "{namespace}name"
        self.pending: list[str] = []
        self.data = self.pending.append
        self.stack: list[tuple[str, bool]] = []  # the open elements: (name, dropped)
        self.parts: list[str] = []
        self.skip = self.not_text = self.kept_space = 0  # open dropped, NOT_TEXT, KEPT_SPACE
        self.body_depth = -1  # len(stack) outside the first <body>, once it opened
        self.title: list[str] = []
        self.title_depth = -1  # len(stack) outside the first <title> while open, then -2
        self.found: dict[tuple[str, str, str], str] = {}
        self.stamp: str | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._flush()
        attrs = _attributes(attrib) if attrib and self.namespaced else attrib
        if tag == "meta":
            for spec in (*DATE_META, TITLE_META):
                if spec not in self.found and attrs.get(spec[1]) == spec[2]:
                    self.found[spec] = (attrs.get("content") or "").strip()
        elif tag == "time" and self.stamp is None and "datetime" in attrs:
            self.stamp = attrs["datetime"] or ""
        elif tag == "title" and self.title_depth == -1:
            self.title_depth = len(self.stack)
        dropped = tag in DROPPED_TAGS or bool(attrs) and _hidden(attrs)
        if tag == "body" and self.body_depth == -1:  # read from here on, the body itself kept
            self.body_depth, self.parts, self.skip, dropped = len(self.stack), [], 0, False
        elif dropped:
            self.skip += 1
        elif tag in BLOCK_TAGS and not self.skip:
            self.parts.append("\n\n")
        self.stack.append((tag, dropped))
        self.not_text += tag in NOT_TEXT_TAGS
        self.kept_space += tag in KEPT_SPACE_TAGS

    def end(self, tag: str) -> None:
        self._flush()
        name, dropped = self.stack.pop()
        self.not_text -= name in NOT_TEXT_TAGS
        self.kept_space -= name in KEPT_SPACE_TAGS
        if dropped:
            self.skip -= 1
        elif name in BLOCK_TAGS and not self.skip:
            self.parts.append("\n\n")
        depth = len(self.stack)
        if depth == self.title_depth:
            self.title_depth = -2
        if depth == self.body_depth:  # the first <body> is read: nothing after it counts
            self.skip, self.body_depth = 1 << 60, -2

    def comment(self, *_: object) -> None:
        """A comment, doctype or processing instruction ends a string; so does the page's end."""
        self._flush()

    pi = doctype = close = comment

    def _flush(self) -> None:
        """The string since the last event: ASCII white space alone becomes a newline (or a
        space) outside KEPT_SPACE_TAGS; it is text unless in NOT_TEXT_TAGS or dropped."""
        if not self.pending or self.not_text:
            self.pending.clear()
            return
        string = "".join(self.pending)
        self.pending.clear()
        if not self.kept_space and not string.strip(ASCII_SPACES):
            string = "\n" if "\n" in string else " "
        if self.title_depth >= 0 and string.strip():
            self.title.append(string.strip())
        if not self.skip:
            self.parts.append(string)


def _hidden(attrs: dict[str, str]) -> bool:
    """Whether attributes hide an element (not article text, as DROPPED_TAGS are not)."""
    aria_hidden = (attrs.get("aria-hidden") or "").lower() == "true"
    return "hidden" in attrs or aria_hidden or bool(HIDDEN_STYLE.search(attrs.get("style") or ""))


def _attributes(attrib: dict[str, str]) -> dict[str, str]:
    """The attributes as bs4 named them: '{namespace}name' became 'name' (the XML namespace, the
    exception, cannot be in an attribute name: a '/' ends it)."""
    return {k.split("}", 1)[1] if k[:1] == "{" and "}" in k else k: v for k, v in attrib.items()}
