"""HTML pages to text: the article's visible text with one block per line, its title and the
publication date its metadata gives (bs4 with lxml; imported only when a page is read)."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from dashboard.sources import date_prefix

BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
    "blockquote", "tr", "br", "header", "footer", "figure", "pre", "dd", "dt", "td", "th",
)  # fmt: skip
JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
"""The publication date in a page's JSON-LD metadata (schema.org NewsArticle)."""
DROPPED_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "form", "button", "svg", "template",
    "object", "embed", "select", "input", "textarea", "aside", "head", "frame", "frameset",
    "canvas", "audio", "video", "footer",
)  # fmt: skip
TEXT_STRINGS = (NavigableString, CData)
"""The string types that are page text (not comments, doctypes or processing instructions)."""
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SURROGATES = re.compile("[\ud800-\udfff]")
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


def page_text(html: str) -> tuple[str, str, str]:
    """HTML to plain text with one block per line: (text, title, published date or '').

    Never raises on a str: scripts, styles, frames, forms and hidden elements are dropped, and
    the tree is walked without recursion (and without editing it, which is quadratic), so
    thousands of nested tags cost no more than thousands of siblings.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "looks like a file name", "XML parsed as HTML"...
        soup = BeautifulSoup(SURROGATES.sub("\ufffd", html), "lxml")
    title = _meta(soup, ("meta", "property", "og:title")) or (
        soup.title.get_text(" ", strip=True) if soup.title else ""
    )
    published = ""
    for tag, attribute, name in DATE_META:
        published = date_prefix(_meta(soup, (tag, attribute, name)))
        if published:
            break
    if not published:
        stamp = soup.find("time", attrs={"datetime": True})
        published = date_prefix(_attribute(stamp, "datetime")) if stamp else ""
    if not published:
        linked = JSON_LD_DATE.search(html)
        published = date_prefix(linked.group(1)) if linked else ""
    body = soup.body or soup
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in _text(body).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return text, title, published


def _text(root: Tag) -> str:
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
        elif isinstance(node, Tag) and not _dropped(node):
            if node.name in BLOCK_TAGS:
                parts.append("\n\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return "".join(parts)


def _dropped(tag: Tag) -> bool:
    """Whether an element is not article text: a script, a form, a frame, or hidden."""
    if tag.name in DROPPED_TAGS or tag.has_attr("hidden"):
        return True
    if _attribute(tag, "aria-hidden").lower() == "true":
        return True
    return bool(HIDDEN_STYLE.search(_attribute(tag, "style")))


def _attribute(tag: Tag, name: str) -> str:
    """An attribute's value as one string (lxml gives lists for some attributes)."""
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _meta(soup: BeautifulSoup, spec: tuple[str, str, str]) -> str:
    tag, attribute, name = spec
    found = soup.find(tag, attrs={attribute: name})
    return _attribute(found, "content").strip() if found else ""
