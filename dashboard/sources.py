"""Read articles: the manifest, file decoding, HTML to text, and the publication date.

A source's text "as read" is the file's decoded text for `.txt` and `.md`, and the extracted text
for `.html`; every character offset in the tables points into it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

MANIFEST_COLUMNS = ("path", "url", "title", "outlet", "author", "published")
"""Columns a manifest must have; `published` may be blank (it is then inferred)."""

SUFFIXES = {".txt", ".md", ".html", ".htm"}
BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
    "blockquote", "tr", "br", "header", "footer", "figure", "pre", "dd", "dt", "td", "th",
)  # fmt: skip
DROPPED_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "form", "button", "svg", "template",
    "object", "embed", "select", "input", "textarea", "aside", "head",
)  # fmt: skip
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
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
MONTHS = (
    "january february march april may june july august september october november december"
).split()
WRITTEN_DATE = re.compile(
    r"\b(?P<month>" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


class SourceError(Exception):
    """A source or manifest that cannot be read; the message names the file and the problem."""


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
    extra: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """Content hash of the text as read."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def source_id(self) -> str:
        """A stable identifier: the file name's stem, which is unique within a manifest."""
        return self.path.stem


def read_manifest(manifest: str | Path) -> list[dict]:
    """The manifest's rows, with `path` resolved relative to the manifest's folder."""
    manifest = Path(manifest)
    try:
        raw = manifest.read_bytes()
    except OSError as error:
        raise SourceError(f"{manifest}: cannot read the manifest ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{manifest}: the manifest is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(f"{manifest}: missing column(s) {', '.join(missing)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not row["path"]:
            raise SourceError(f"{manifest}: row {number} has no path")
        published = row["published"]
        if published:
            row["published"] = _checked_date(published, f"{manifest}: row {number}")
        row["path"] = str(manifest.parent / row["path"])
        rows.append(row)
    return rows


def _checked_date(value: str, where: str) -> str:
    """The ISO date `value`, or a SourceError naming `where`."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        problem = f"published date {value!r} is not a valid YYYY-MM-DD date"
        raise SourceError(f"{where}: {problem}") from None


def read_source(row: dict) -> Source:
    """Read the article a manifest row names; infer its publication date when the row has none."""
    path = Path(row["path"])
    if path.suffix.lower() not in SUFFIXES:
        raise SourceError(f"{path}: unsupported file type {path.suffix or '(none)'}")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read ({error.strerror})") from None
    text = decode(raw, path)
    html_date = ""
    title = row.get("title", "")
    if path.suffix.lower() in {".html", ".htm"}:
        text, html_title, html_date = html_to_text(text)
        title = title or html_title
    if not text.strip():
        raise SourceError(f"{path}: no article text")
    published, inferred = row.get("published", ""), False
    if not published:
        published = html_date or infer_date(text)
        inferred = True
        if not published:
            raise SourceError(f"{path}: no publication date in the manifest and none in the text")
    extra = {k: v for k, v in row.items() if k not in MANIFEST_COLUMNS}
    return Source(
        path=path,
        url=row.get("url", ""),
        title=title,
        outlet=row.get("outlet", ""),
        author=row.get("author", ""),
        published=published,
        published_inferred=inferred,
        text=text,
        extra=extra,
    )


def decode(raw: bytes, path: Path) -> str:
    """Decode a file's bytes: BOMs first, then UTF-8, then Windows-1252, then a detector.

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
        raise SourceError(f"{path}: binary file (contains NUL bytes)")
    try:
        return _checked_text(raw.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(raw.decode("cp1252"), path)
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(f"{path}: binary file (no text encoding fits)")
    return _checked_text(str(best), path)


def _checked_text(text: str, path: Path) -> str:
    """`text`, unless it is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise SourceError(f"{path}: empty file")
    controls = sum(1 for c in text[:100_000] if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(8, len(text[:100_000]) // 100) or "\x00" in text:
        raise SourceError(f"{path}: binary file (control characters)")
    return text


def html_to_text(html: str) -> tuple[str, str, str]:
    """HTML to plain text with one block per line: (text, title, published date or '')."""
    soup = BeautifulSoup(html, "lxml")
    title = _meta(soup, ("meta", "property", "og:title")) or (
        soup.title.get_text(" ", strip=True) if soup.title else ""
    )
    published = ""
    for tag, attribute, name in DATE_META:
        published = _date_prefix(_meta(soup, (tag, attribute, name)))
        if published:
            break
    if not published:
        stamp = soup.find("time", attrs={"datetime": True})
        published = _date_prefix(stamp["datetime"]) if stamp else ""
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    body = soup.body or soup
    lines = [re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in body.get_text().split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return text, title, published


def _meta(soup: BeautifulSoup, spec: tuple[str, str, str]) -> str:
    tag, attribute, name = spec
    found = soup.find(tag, attrs={attribute: name})
    return (found.get("content") or "").strip() if found else ""


def _date_prefix(value: str) -> str:
    """The ISO date at the start of a timestamp, or ''."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return ""
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return ""


def infer_date(text: str) -> str:
    """The first full date written in the text (ISO or "Feb. 19, 2025"), or ''.

    >>> infer_date("Posted Feb. 19, 2025 at 10:00")
    '2025-02-19'
    """
    for match in ISO_DATE.finditer(text):
        found = _date_prefix(match.group(0))
        if found:
            return found
    for match in WRITTEN_DATE.finditer(text):
        month = [m[:3] for m in MONTHS].index(match["month"][:3].lower()) + 1
        try:
            return dt.date(int(match["year"]), month, int(match["day"])).isoformat()
        except ValueError:
            continue
    return ""
