"""Read articles: file decoding, web pages (`dashboard.read.html`) and the publication date;
the manifest is read by `dashboard.read.manifest`.

A source's text "as read" is the file's decoded text for `.txt` and `.md`, and the article text
`read_page` builds for `.html` (headline apart, body and captions, no page furniture); every
character offset in the tables points into it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from dashboard.read.dates import infer_date
from dashboard.read.html import Page, read_page
from dashboard.read.manifest import MANIFEST_COLUMNS, SourceError
from dashboard.read.manifest import check_date as check_date
from dashboard.read.manifest import check_url as check_url
from dashboard.read.manifest import read_manifest as read_manifest
from dashboard.read.sentences import Block, blocks

SUFFIXES = {".txt", ".md", ".html", ".htm"}
MAX_FILE_BYTES = 20 * 2**20
"""Largest article file read (HTML pages with inline scripts run to a few MB; 20 MiB is ample)."""
MAX_TEXT_CHARS = 500_000
"""Longest text as read (about 80,000 words); longer texts are refused rather than analysed for
minutes, since no news article is that long."""
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
MOJIBAKE = re.compile("[ÂÃ][\x80-\xbf]|â€[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                      "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122\"]")
"""UTF-8 read as Windows-1252 or Latin-1 ('Ã©' for 'é', 'â€™' for '’'): text decoded twice."""
"""Control characters other than tab, newline, carriage return and form feed."""
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


def decode(raw: bytes, path: Path) -> str:
    """Decode a file's bytes: BOMs first, then UTF-8, then the charset an HTML page declares,
    then Windows-1252, then a detector.

    UTF-8 with a few broken bytes is refused (decoding it all as Windows-1252 would garble every
    accented letter), as are UTF-16 without a byte-order mark and binary files.

    >>> decode("naïve".encode("cp1252"), Path("a.txt"))
    'naïve'
    """
    if not raw.strip():
        raise SourceError(f"{path}: empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(encoding), path)
            except UnicodeDecodeError:
                raise SourceError(f"{path}: invalid {encoding} text") from None
    if b"\x00" in raw:
        sample = raw[:4096]
        if len(sample) >= 8 and (
            sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
        ):
            raise SourceError(
                f"{path}: binary file (contains NUL bytes; UTF-16 without a byte-order mark?)"
            )
        raise SourceError(f"{path}: binary file (contains NUL bytes)")
    try:
        return _checked_text(raw.decode("utf-8"), path)
    except UnicodeDecodeError as error:
        broken = error.start
    if path.suffix.lower() in {".html", ".htm"}:
        declared = _declared_charset(raw)
        if declared:
            try:
                return _checked_text(raw.decode(declared), path)
            except UnicodeDecodeError:
                pass
    valid = len(UTF8_MULTIBYTE.findall(raw))
    invalid = raw.decode("utf-8", "replace").count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    if valid > invalid:
        raise SourceError(
            f"{path}: invalid UTF-8 at byte {broken} (a UTF-8 file with broken bytes)"
        )
    try:
        return _checked_text(raw.decode("cp1252"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(f"{path}: binary file (no text encoding fits)")
    return _checked_text(str(best), path)


def _declared_charset(raw: bytes) -> str:
    """The Python codec of the charset an HTML page declares in its first 4 KB, or ''."""
    match = DECLARED_CHARSET.search(raw[:4096])
    if not match:
        return ""
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""


def _checked_text(text: str, path: Path) -> str:
    """`text`, unless it is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise SourceError(f"{path}: empty file")
    sample = text[:100_000]
    controls = len(CONTROLS.findall(sample))
    if controls > max(8, len(sample) // 100) or "\x00" in text:
        raise SourceError(f"{path}: binary file (control characters)")
    suspect = "Ã" in sample or "Â" in sample or "â€" in sample
    garbled = len(MOJIBAKE.findall(sample)) if suspect else 0
    if garbled >= 3 and garbled * 4 > len(sample.encode("utf-8")) - len(sample):
        raise SourceError(f"{path}: mojibake (UTF-8 text decoded twice, as in 'Ã©' for 'é')")
    return text
