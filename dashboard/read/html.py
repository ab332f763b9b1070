"""Web pages to article text and metadata, on the field's libraries.

`trafilatura` finds the main text and keeps its structure (paragraphs, headings, quotes, lists,
tables), `htmldate` the publication and update dates; the page's bytes are decoded before (see
`sources.decode`, which falls back on `charset-normalizer`). Our own code does what they do not:
photo captions kept as evidence with their credit (trafilatura drops `<figcaption>`); what is
left of page furniture inside the article's column taken out (blocks that are only links, promo
and newsletter lines, date lines, the repeated headline, what follows a closing "Related"
heading); hidden elements dropped; each block's role (headline, body, caption with its credit,
dateline, table); a page nested deeper than lxml builds read flat first.

The stored article text is built here, block by block, with a blank line between blocks; every
offset in the tables points into it. The headline is the `title`, not part of the text.
When trafilatura finds no main text, `trafilatura.baseline` is the fallback: it takes the
publisher's own `articleBody` (JSON-LD) if there is one, else the page's `<article>` or its
paragraphs, which is what a reader would take for the article when no structure stands out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from html import escape
from pathlib import Path

from lxml import etree
from lxml.etree import XPath

from dashboard.read.dates import date_prefix
from dashboard.read.manifest import SourceError, latest_published
from dashboard.read.sentences import CREDIT, FURNITURE, Block, blocks

EXTRACT_OPTIONS = {"fast": True, "favor_recall": True, "include_comments": False,
                   "include_tables": True, "include_links": True}
"""trafilatura's settings: its own fallbacks off (`fast`; see the module's note on ours),
comments left out (readers' comments are not the article), links kept so that a block that is
nothing but links (related stories, tags, teasers) can be told apart and left out."""
ANCHORS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption")
"""The elements whose text places a caption among the extracted blocks."""
HIDDEN = XPath("//*[@hidden or @aria-hidden='true' or @style]")
NEVER_SHOWN = ("noscript", "iframe", "template")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
"""Elements a reader never sees (trafilatura drops some, not all)."""
SHORT = 250
"""trafilatura's least size of a main text (MIN_EXTRACTED_SIZE): under it, it looks wider and
then takes the whole page's text."""
KEY = 60
"""Characters of a block's words that identify it (see `_key`)."""
INLINE = frozenset(("hi", "ref", "del", "span", "sub", "sup", "b", "i", "em", "strong", "a"))
"""trafilatura's inline markup: no line break around it."""
SPACE = re.compile(r"[ \t\r\f\v\xa0\u2000-\u200a\u202f\u205f\u3000]+")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\ud800-\udfff]")
ENGLISH_WORDS = frozenset(
    "the a an and of to in is was that for on with as by at from it said he she they his her "
    "their have has had be been are were will would not this which who".split()
)
WORD = re.compile(r"[^\W\d_]+")
DATE_WORD = re.compile(r"\w+")
MONTH_STEMS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
DATE_WORDS = frozenset(
    "am pm a m p gmt utc est edt pst pdt cet bst ist kst jst updated update published posted "
    "last modified on at ago hour hours minute minutes min mins day days week weeks by "
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
    "st nd rd th of".split()
)
"""Words a date or time line is made of, besides numbers and months (English)."""
TRAILERS = re.compile(
    r"^(?:(?:you )?(?:may|might) (?:also )?(?:like|enjoy)|related(?: \w+)?|see also|more from"
    r"|more (?:on|in) this|recommended(?: for you)?|tags?|topics|filed under|read (?:next|also)"
    r"|trending(?: now)?|latest news|popular(?: now)?|share this(?: \w+)?)\W*$",
    re.IGNORECASE,
)
"""A short heading that opens what follows an article (related links, tags), not part of it."""
PROMO = re.compile(
    r"^(?:(?:read|see|watch|listen|click) (?:more|also|next|here)\b|related\s*:|more\s*:"
    r"|also read\b|don'?t miss\b)|\bfollow (?:us|him|her|me|them) (?:on|at|@)"
    r"|\bsign up\b.{0,40}\bnewsletter|\bnewsletter\b.{0,40}\bsign up"
    r"|\bsubscribe to\b.{0,40}\bnewsletter|\b[\w.+-]+@[\w-]+\.[\w.]+\b.{0,120}\bfollow\b",
    re.IGNORECASE,
)
"""A line that points elsewhere (a promotion of other stories, a newsletter, a writer's contact
and social accounts): page furniture inside the article's column."""


@dataclass
class Page:
    """A web page as read: the stored article text, its blocks and the page's metadata."""

    text: str
    blocks: list[Block] = field(default_factory=list, repr=False)
    title: str = ""
    author: str = ""
    site: str = ""
    published: str = ""
    published_source: str = ""
    """Where `published` came from: 'page' (its markup or canonical link, by htmldate) or 'url'
    (the date the given URL spells out); '' when neither has one."""
    updated: str = ""
    language: str = ""
    extractor: str = "trafilatura"
    """'trafilatura', or 'baseline' when the fallback found the text."""


def read_page(html: str | bytes, path: Path, url: str = "") -> Page:
    """The article of an HTML page and its metadata; a SourceError names `path` when the page
    has no main text at all."""
    from trafilatura import baseline

    if isinstance(html, bytes):
        from dashboard.read.sources import decode

        html = decode(html, path)
    tree = _parse(_clean(html))
    if tree is None:
        raise SourceError(f"{path}: not an HTML page (nothing to parse)")
    _drop_hidden(tree)
    language = _declared_language(tree)
    order = _page_order(tree)
    meta = _metadata(tree)
    small = tree.body is not None and len(tree.body.text_content()) < SHORT
    body = None if small else _main_text(tree)
    if body is None or _whole_page(body):  # a short article: as trafilatura found it
        short = _main_text(tree, _config())
        body = body if short is None or not len(short) else short
    title = meta["title"]
    pieces = _pieces(body)
    pieces = _tidy_pieces(_with_captions(pieces, order, title), title)
    extractor = "trafilatura"
    if not any(role == "body" for _, role in pieces):
        post, _, _ = baseline(tree)
        pieces = _tidy_pieces(_pieces(post), title)
        extractor = "baseline"
    if not pieces:
        raise SourceError(f"{path}: no article text (the page's main text is empty)")
    text, page_blocks = _assemble(pieces)
    published, updated = _page_dates(tree)
    source = "page" if published else ""
    if not published and url:
        published, source = url_date(url), "url"
        source = source if published else ""
    return Page(
        text=text,
        blocks=page_blocks,
        title=title,
        author=meta["author"],
        site=meta["site"],
        published=published,
        published_source=source,
        updated=updated,
        language=language or _guessed_language(text),
        extractor=extractor,
    )


def _clean(html: str) -> str:
    """The page without what lxml cannot take in a text (control characters, lone surrogates)."""
    return CONTROL.sub(" ", html)


def _metadata(tree) -> dict[str, str]:
    """Title, author and site name from the page's metadata (meta tags, then JSON-LD), by
    trafilatura's readers; the title from the page's headings when its metadata has none."""
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
    )

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a handle, not a name (as trafilatura does)
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader on a page's broken data
        pass
    title = meta.title or extract_title(tree) or ""
    site = (meta.sitename or extract_sitename(tree) or "").lstrip("@")
    return {"title": _plain(title).replace("\n", " "), "author": _plain(meta.author or ""),
            "site": _plain(site)}


def _page_dates(tree) -> tuple[str, str]:
    """(publication date, update date) the page's markup gives, by htmldate (its metadata, time
    elements, canonical link; not a guess from the free text, where a copyright line's year or
    a date the article reports would pass for the publication date); '' where none."""
    from htmldate import find_date

    latest = latest_published().isoformat()
    found = []
    for original in (True, False):
        try:
            value = find_date(tree, original_date=original, extensive_search=False,
                              deferred_url_extractor=True, min_date="1800-01-01",
                              max_date=latest)
        except (ValueError, TypeError, RecursionError):
            value = None
        found.append(date_prefix(value or ""))
    return found[0], found[1] if found[1] != found[0] else ""


def url_date(url: str) -> str:
    """The date a URL's path spells out (/2025/03/04/, 2025-03-04), by htmldate's rule."""
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    latest = datetime.combine(latest_published(), datetime.min.time())
    options = Extractor(False, latest, datetime(1800, 1, 1), True, "%Y-%m-%d")
    try:
        return date_prefix(extract_url_date(url, options) or "")
    except (ValueError, TypeError):
        return ""


def _declared_language(tree) -> str:
    """The page's declared language code ('en', 'pt'...), from `<html lang>` or its metadata."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        code = re.match(r"\s*([A-Za-z]{2,3})(?![A-Za-z])", value or "")
        if code:
            return code.group(1).lower()
    return ""


def _guessed_language(text: str) -> str:
    """'en' when English function words are common in `text`, else '' (unknown)."""
    words = WORD.findall(text[:5000].lower())
    if len(words) < 8:
        return ""
    common = sum(word in ENGLISH_WORDS for word in words)
    return "en" if common >= 0.12 * len(words) else ""


def _parse(html: str):
    """The page's tree (lxml, as trafilatura parses it), a fragment read as a page's body; a page
    nested deeper than lxml builds (256 levels) is read flat first (`_flat`). None when there is
    nothing to parse."""
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                        remove_pis=True)
    try:
        tree = document_fromstring(html, parser=parser)
    except (ValueError, etree.ParserError):
        try:
            tree = document_fromstring(html.encode("utf-8"), parser=parser)
        except (ValueError, etree.ParserError):
            return None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return _parse(_flat(html))
    return tree if tree is not None and len(tree) else None


def _flat(html: str) -> str:
    """A page with its nesting taken out: its title and meta tags, then each block's text as a
    paragraph (read as a stream of parser events, so depth costs nothing)."""
    flat = _Flat()
    parser = etree.HTMLParser(target=flat, recover=True, huge_tree=True)
    parser.feed(html)
    parser.close()
    flat.block()
    return f"<html><head>{''.join(flat.head)}</head><body>{''.join(flat.body)}</body></html>"


class _Flat:
    """lxml parser target for `_flat`."""

    BLOCKS = frozenset(("p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5",
                        "h6", "blockquote", "tr", "br", "figcaption", "pre", "td", "dd", "dt"))
    SKIPPED = frozenset(("script", "style", "noscript", "template", "iframe", "head"))

    def __init__(self) -> None:
        self.head: list[str] = []
        self.body: list[str] = []
        self.text: list[str] = []
        self.skip = 0
        self.title: list[str] | None = None

    def start(self, tag: str, attrib) -> None:
        if tag == "title":
            self.title = []
        elif tag == "meta":
            attrs = " ".join(f'{k}="{escape(v, quote=True)}"' for k, v in attrib.items()
                             if "{" not in k)
            self.head.append(f"<meta {attrs}>")
        if tag in self.SKIPPED:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.block()

    def end(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.head.append(f"<title>{escape(''.join(self.title))}</title>")
            self.title = None
        if tag in self.SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.block()

    def data(self, text: str) -> None:
        if self.title is not None:
            self.title.append(text)
        elif not self.skip:
            self.text.append(text)

    def block(self) -> None:
        text = "".join(self.text).strip()
        self.text = []
        if text:
            self.body.append(f"<p>{escape(text)}</p>")

    def close(self) -> None:
        return None


def _main_text(tree, config=None):
    """trafilatura's main text of the page (its structured `<body>`), or None."""
    from trafilatura import bare_extraction

    options = EXTRACT_OPTIONS if config is None else {**EXTRACT_OPTIONS, "config": config}
    try:
        document = bare_extraction(tree, **options)
    except (ValueError, TypeError, RecursionError):
        return None
    return getattr(document, "body", None)


def _whole_page(body) -> bool:
    """Whether trafilatura's result is its last resort for a main text under SHORT characters:
    the whole page's text, one line per string, in one paragraph."""
    return len(body) == 1 and body[0].tag == "p" and (body[0].text or "").count("\n") >= 2


@cache
def _config():
    """trafilatura's settings with no least size for the main text: a short article is kept as
    trafilatura found it rather than replaced by the text of the whole page (for a page under
    SHORT characters; on longer pages the least size makes trafilatura look wider)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def _drop_hidden(tree) -> None:
    """Take out what a reader never sees: hidden elements, `<noscript>` and frames' fallback
    text, templates (trafilatura keeps some of them)."""
    found = [e for e in HIDDEN(tree) if e.get("hidden") is not None
             or e.get("aria-hidden") == "true" or HIDDEN_STYLE.search(e.get("style") or "")]
    for element in [*found, *tree.iter(*NEVER_SHOWN)]:
        if element.getparent() is not None:
            element.drop_tree()


def _page_order(tree) -> list[tuple[str, str]]:
    """The page's paragraphs, headings, list items and figure captions in page order: (tag, the
    caption's text or the block's key), read before extraction (trafilatura drops captions);
    [] when the page has no `<figcaption>`."""
    if tree.find(".//figcaption") is None:
        return []
    order = []
    for element in tree.iter(*ANCHORS):
        if element.tag == "figcaption":
            order.append(("figcaption", _plain(" ".join(element.itertext())).replace("\n", " ")))
        else:
            order.append((element.tag, _key(element.text_content())[:KEY]))
    return order


def _with_captions(pieces: list[tuple[str, str]], order: list[tuple[str, str]],
                   title: str) -> list[tuple[str, str]]:
    """`pieces` with the figure captions inside the article put after the block they follow.

    A caption is inside the article when blocks trafilatura kept stand before it (the headline
    counts) and after it in the page, or it closes the article (only captions between the last
    kept block and it), so the captions of teasers and galleries around the article are left
    out."""
    if not order:
        return pieces
    index = {}
    for i, (text, _) in enumerate(pieces):
        index.setdefault(_key(text)[:KEY], i)
    index.pop("", None)
    headline = _key(title)[:KEY]
    matched: list[int | None] = []
    for tag, key in order:
        if tag == "figcaption":
            matched.append(None)
        else:
            matched.append(index.get(key, -1 if key and key == headline else None))
    last = max((j for j, m in enumerate(matched) if m is not None and m >= 0), default=-1)
    placed: dict[int, list[str]] = {}
    before: int | None = None
    known = {text for text, _ in pieces}
    for j, (tag, text) in enumerate(order):
        if matched[j] is not None:
            before = matched[j] if before is None else max(before, matched[j])
        elif tag == "figcaption" and text and before is not None and text not in known and (
                j < last or all(t == "figcaption" for t, _ in order[last + 1 : j])):
            placed.setdefault(before, []).append(text)
            known.add(text)
    if not placed:
        return pieces
    result = [(text, "caption") for text in placed.get(-1, [])]
    for i, piece in enumerate(pieces):
        result.append(piece)
        result.extend((text, "caption") for text in placed.get(i, []))
    return result


def _pieces(body) -> list[tuple[str, str]]:
    """The blocks of trafilatura's structured output: (text, role) in page order.

    Roles: 'headline' for headings, 'body' for paragraphs, quotes, list items and code,
    'table' for a table's rows."""
    pieces: list[tuple[str, str]] = []
    if body is None:
        return pieces

    def add(text: str | None, role: str, element=None) -> None:
        text = _plain(text or "")
        if text and not (element is not None and _all_links(element, text)):
            pieces.append((text, role))

    add(body.text, "body")
    for child in body:
        tag = child.tag
        if tag == "head":
            add(_inner(child), "headline", child)
        elif tag == "list":
            for item in child.iterfind("item"):
                add(_inner(item), "body", item)
        elif tag == "table":
            for row in child.iter("row"):
                add(" | ".join(_plain(_inner(cell)) for cell in row.iterfind("cell")), "table")
        else:
            add(_inner(child), "body", child)
        add(child.tail, "body")
    return pieces


def _all_links(element, text: str) -> bool:
    """Whether a block is links and little else (a list of related stories, tags, a teaser):
    nine tenths of its words or more are link text, and it is short."""
    if len(text) > 300 or element.find(".//ref") is None:
        return False
    linked = sum(len(WORD.findall(" ".join(ref.itertext()))) for ref in element.iter("ref"))
    return linked >= 0.9 * len(WORD.findall(text))


def _inner(element) -> str:
    """An element's text: a line break where it has `<lb/>` or a block inside (a paragraph in a
    list item, a cell's lines), none around inline markup; graphics inside are skipped."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in INLINE:
            parts.append(_inner(child))
        elif child.tag != "graphic":
            parts.extend(("\n", "" if child.tag == "lb" else _inner(child), "\n"))
        parts.append(child.tail or "")
    return "".join(parts)


def _plain(text: str) -> str:
    """Text with runs of spaces made one, each line stripped, no blank lines."""
    lines = (SPACE.sub(" ", line).strip() for line in INVISIBLE.sub("", text).split("\n"))
    return "\n".join(line for line in lines if line)


def _tidy_pieces(pieces: list[tuple[str, str]], title: str) -> list[tuple[str, str]]:
    """The article's blocks without the headline's repetition, page furniture (short lines
    only: a long one is text) and what follows a closing heading ("Related stories", "Tags")."""
    kept: list[tuple[str, str]] = []
    headline = _key(title)
    for text, role in pieces:
        if role == "headline" and headline and (_key(text) == headline or not kept):
            if _key(text) == headline or headline.startswith(_key(text)):
                continue
        if role in ("headline", "body") and len(text) < 60 and TRAILERS.match(text):
            if kept and any(r == "body" for _, r in kept):
                break
            continue
        if len(text) < 80 and (FURNITURE.match(text) or _only_a_date(text)):
            continue
        if role != "caption" and len(text) < 300 and PROMO.search(text):
            continue
        kept.append((text, role))
    while kept and kept[-1][1] == "headline":
        kept.pop()
    return kept


def _only_a_date(line: str) -> bool:
    """Whether a short line says only when the page was published or updated ("October 12,
    2017", "Nov. 19, 2019 / 12:21 AM / Updated 14 hours ago"): page metadata, not article."""
    words = DATE_WORD.findall(line.lower())
    return bool(words) and any(w[:1].isdigit() for w in words) and all(
        w[:1].isdigit() or w in DATE_WORDS or w[:3] in MONTH_STEMS for w in words)


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _assemble(pieces: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    """The stored text (blocks apart by a blank line) and its blocks: within a paragraph our own
    classifier finds datelines, bylines and credits; the extractor's role stands otherwise."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for text, role in pieces:
        spans.append((offset, offset + len(text), role))
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts) + "\n"
    result: list[Block] = []
    found = blocks(text)
    index = 0
    for block in found:
        while index < len(spans) - 1 and spans[index][1] < block.start:
            index += 1
        role = spans[index][2]
        result.append(_role(text, block, role))
    return text, result


def _role(text: str, block: Block, role: str) -> Block:
    """A block's role given the extractor's: a heading stays one, a caption keeps its credit, a
    paragraph is body (even without a final period) unless our classifier found a dateline,
    byline or furniture in it; table rows are kept out of sentences."""
    if role == "caption":
        if block.role == "caption":
            return block
        credit = CREDIT.search(text, block.start, block.end)
        if credit:
            return Block(block.start, credit.start(), "caption", credit["credit"].strip("() "))
        return Block(block.start, block.end, "caption")
    if role in ("headline", "table"):
        return Block(block.start, block.end, role)
    if block.role in ("headline", "caption"):
        return Block(block.start, block.end, "body")
    return block
