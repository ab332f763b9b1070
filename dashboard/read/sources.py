"""Read articles: file decoding, web pages (`dashboard.read.html`) and the publication date;
the manifest is read by `dashboard.read.manifest`.

A source's text "as read" is the file's decoded text for `.txt` and `.md`, and the article text
`read_page` builds for `.html` (headline apart, body and captions, no page furniture); every
character offset in the tables points into it.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from dashboard.read.dates import infer_date
from dashboard.read.decoding import decode as decode
from dashboard.read.manifest import MANIFEST_COLUMNS, SourceError
from dashboard.read.manifest import check_date as check_date
from dashboard.read.manifest import check_url as check_url
from dashboard.read.manifest import read_manifest as read_manifest
from dashboard.read.sentences import Block, blocks

TYPE_CHECKING = False
if TYPE_CHECKING:  # (`read.html` and lxml are imported for a page only: a plain-text article
    from dashboard.read.html import Page  # needs neither)

SUFFIXES = {".txt", ".md", ".html", ".htm"}
MAX_FILE_BYTES = 20 * 2**20
"""Largest article file read (HTML pages with inline scripts run to a few MB; 20 MiB is ample)."""
MAX_TEXT_CHARS = 500_000
"""Longest text as read (about 80,000 words); longer texts are refused rather than analysed for
minutes, since no news article is that long."""
READABLE_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class Source:
    """One article as read: its manifest facts and its text."""

    path: Path
    url: str
    title: str
    outlet: str
    author: str
    published: str
    published_inferred: bool
    text: str
    published_source: str = "manifest"
    """Where `published` came from: 'manifest', 'page' (the page's own metadata or text),
    'url' (the date its URL spells out) or 'text' (the first full date the text writes)."""
    language: str = ""
    """The article's language code ('en', 'pt'...) as the page declares it or its words show;
    '' when unknown (a plain text file is taken as English)."""
    updated: str = ""
    """The date the page says it was last updated, if it says so."""
    extra: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list, repr=False, compare=False)
    """The text's blocks, when reading already found them (see `sentences.blocks`)."""

    @property
    def sha256(self) -> str:
        """Content hash of the text as read."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def source_id(self) -> str:
        """A stable identifier: the file name's stem, which is unique within a manifest."""
        return self.path.stem


def read_source(row: dict) -> Source:
    """Read the article a manifest row names; infer its publication date when the row has none.

    A file that is not a regular file, is over MAX_FILE_BYTES, cannot be decoded, is HTML too
    deeply nested to parse, or holds no article text (nothing but page furniture, headlines and
    bylines) is refused with a SourceError naming it.
    """
    path = Path(row["path"])
    if path.suffix.lower() not in SUFFIXES:
        raise SourceError(f"{path}: unsupported file type {path.suffix or '(none)'}")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found") from None
    except (OSError, ValueError) as error:
        raise SourceError(f"{path}: cannot read ({getattr(error, 'strerror', error)})") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{path}: not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise SourceError(
            f"{path}: file too large ({info.st_size / 2**20:.1f} MiB; "
            f"the limit is {MAX_FILE_BYTES // 2**20} MiB)"
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read ({error.strerror})") from None
    text = decode(raw, path)
    page = None
    if path.suffix.lower() in {".html", ".htm"}:
        from dashboard.read.html import read_page

        try:
            page = read_page(text, path, row.get("url", ""))
        except RecursionError:
            raise SourceError(f"{path}: HTML nested too deeply to parse") from None
        text = page.text
    text_blocks = check_text(text, path, page.blocks if page else None)
    published, source = _published(row, page, text)
    if not published:
        raise SourceError(f"{path}: no publication date in the manifest and none in the text")
    extra = {k: v for k, v in row.items() if k not in MANIFEST_COLUMNS}
    return Source(
        path=path,
        url=row.get("url", ""),
        title=row.get("title", "") or (page.title if page else ""),
        outlet=row.get("outlet", "") or (page.site if page else ""),
        author=row.get("author", "") or (page.author if page else ""),
        published=published,
        published_inferred=source != "manifest",
        text=text,
        extra=extra,
        blocks=text_blocks,
        published_source=source,
        language=page.language if page else "",
        updated=page.updated if page else "",
    )


def _published(row: dict, page: Page | None, text: str) -> tuple[str, str]:
    """(publication date, where it came from): the manifest's when given, else the page's, else
    its URL's, else the first full date the text writes; ('', '') when none."""
    if row.get("published"):
        return row["published"], "manifest"
    if page is not None and page.published:
        return page.published, page.published_source
    found = infer_date(text)
    return (found, "text") if found else ("", "")


def check_text(text: str, path: Path, found: list[Block] | None = None) -> list[Block]:
    """Refuse a text as read that is too long or has no readable sentence at all; return its
    blocks (`found`, when reading a page already made them).

    A text is not refused for its form: when no paragraph reads as body (say one paragraph whose
    last sentence has no final period, a credit line, a transcript), the paragraphs that hold a
    readable sentence (four words or more) are taken as body. A text of nothing but furniture
    (menus, share buttons, single words) is almost always a failed capture (a cookie wall, a
    page drawn by scripts), so it is an error rather than a silent source with no events.
    """
    if not text.strip():
        raise SourceError(f"{path}: no article text")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            f"{path}: text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    found = blocks(text) if found is None else found
    if any(block.role in ("body", "caption") and _readable(text[block.start : block.end])
           for block in found):
        return found
    promoted = [replace(block, role="body") if _readable(text[block.start : block.end])
                and block.role in ("headline", "byline") else block for block in found]
    if not any(block.role == "body" and _readable(text[block.start : block.end])
               for block in promoted):
        raise SourceError(
            f"{path}: no article text (no readable sentence: only menus, links, single words "
            "or bylines)"
        )
    return promoted


def _readable(paragraph: str) -> bool:
    """Whether a paragraph holds a readable sentence: four words or more, or a word or more and
    a final period ("Talks ended."), not a menu's "Home" or "Sign in"."""
    words = len(READABLE_WORD.findall(paragraph))
    return words >= 4 or (words >= 1 and paragraph.rstrip()[-1:] in ".!?")
