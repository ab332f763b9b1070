"""Read articles: the manifest, file decoding, HTML to text, and the publication date.

A source's text "as read" is the file's decoded text for `.txt` and `.md`, and the extracted text
for `.html`; every character offset in the tables points into it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import hashlib
import io
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, CData, NavigableString, Tag
from charset_normalizer import from_bytes

from dashboard.sentences import Block, blocks

MANIFEST_COLUMNS = ("path", "url", "title", "outlet", "author", "published")
"""Columns a manifest must have; `published` may be blank (it is then inferred)."""

SUFFIXES = {".txt", ".md", ".html", ".htm"}
MAX_FILE_BYTES = 20 * 2**20
"""Largest article file read (HTML pages with inline scripts run to a few MB; 20 MiB is ample)."""
MAX_TEXT_CHARS = 500_000
"""Longest text as read (about 80,000 words); longer texts are refused rather than analysed for
minutes, since no news article is that long."""
EARLIEST_PUBLISHED = dt.date(1800, 1, 1)
"""Publication dates before this are refused (a typo such as 0202 for 2025, not an article)."""
URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")
"""Characters a URL may not contain: spaces (any Unicode space) and control characters."""
URL_SCHEMES = ("http", "https")
"""The only URL schemes a manifest may use (a blank URL is allowed too)."""
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
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
STRICT_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
"""Control characters other than tab, newline, carriage return and form feed."""
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


def read_manifest(manifest: str | Path) -> list[dict]:
    """The manifest's rows, checked, with `path` resolved relative to the manifest's folder.

    Refused, with a one-line SourceError naming the manifest (and row, counted as lines of the
    file with the header as row 1): a missing required column (a close misspelling is pointed
    out), a repeated column, a row with more or fewer fields than the header, a blank path, an
    absolute path or one that leads out of the manifest's folder (`..`, symlinks), the same file
    or URL twice, two files with the same name (their source ids would clash), a URL that is not
    http(s), and a publication date that is malformed, impossible, before 1800 or in the future.
    Columns beyond the required ones are kept: they reach `Source.extra`.
    """
    manifest = Path(manifest)
    try:
        raw = manifest.read_bytes()
    except OSError as error:
        raise SourceError(f"{manifest}: cannot read the manifest ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(
            f"{manifest}: the manifest is not UTF-8 text (save it as CSV UTF-8)"
        ) from None
    if "\x00" in text:
        raise SourceError(f"{manifest}: the manifest is not a text file (contains NUL bytes)")
    if not text.strip():
        raise SourceError(f"{manifest}: empty manifest (no header row)")
    reader = csv.reader(io.StringIO(text))
    records = _records(reader, manifest)
    _, header = next(records)
    columns = _columns(header, manifest)
    folder = _resolved(manifest.parent, f"{manifest}: the manifest's folder")
    rows: list[dict] = []
    seen_files: dict[str, int] = {}
    seen_ids: dict[str, tuple[int, str]] = {}
    seen_urls: dict[str, int] = {}
    for number, fields in records:
        where = f"{manifest}: row {number}"
        if len(fields) != len(columns):
            count = f"{len(fields)} field{'s' if len(fields) != 1 else ''}"
            hint = " (an unclosed quote?)" if any("\n" in f for f in fields) else ""
            raise SourceError(
                f"{where}: {count}, but the header has {len(columns)} columns{hint}"
            )
        row = {}
        for position, (name, value) in enumerate(zip(columns, fields, strict=True), start=1):
            value = value.strip()
            if name:
                row[name] = value
            elif value:
                raise SourceError(f"{where}: a value in column {position}, which has no name")
        if not row["path"]:
            raise SourceError(f"{manifest}: row {number} has no path")
        if row["published"]:
            row["published"] = check_date(row["published"], where)
        if row["url"]:
            row["url"] = check_url(row["url"], where)
            if row["url"] in seen_urls:
                raise SourceError(
                    f"{where}: URL {row['url']} is already listed in row {seen_urls[row['url']]}"
                )
            seen_urls[row["url"]] = number
        target = _checked_path(row["path"], manifest.parent, folder, where)
        if target in seen_files:
            raise SourceError(
                f"{where}: {row['path']} is already listed in row {seen_files[target]}"
            )
        seen_files[target] = number
        source_id = Path(row["path"]).stem.casefold()
        if source_id in seen_ids:
            first, other = seen_ids[source_id]
            raise SourceError(
                f"{where}: {row['path']} has the same file name as {other} in row {first}; "
                "each source needs its own file name"
            )
        seen_ids[source_id] = (number, row["path"])
        row["path"] = str(manifest.parent / row["path"])
        rows.append(row)
    return rows


def _records(reader, manifest: Path):
    """(line number, fields) for every non-blank record; csv errors become SourceErrors."""
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SourceError(f"{manifest}: row {start}: malformed CSV ({error})") from None
        if any(field.strip() for field in fields):
            yield start, fields


def _columns(header: list[str], manifest: Path) -> list[str]:
    """The header's column names (required ones matched case-insensitively), checked."""
    columns = []
    for name in header:
        name = name.strip()
        columns.append(name.lower() if name.lower() in MANIFEST_COLUMNS else name)
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise SourceError(f"{manifest}: repeated column(s) {', '.join(repeated)}")
    missing = [c for c in MANIFEST_COLUMNS if c not in columns]
    if missing:
        unknown = [name for name in columns if name and name not in MANIFEST_COLUMNS]
        hints = []
        for name in missing:
            close = difflib.get_close_matches(name, unknown, n=1, cutoff=0.75)
            if close:
                hints.append(f"is {close[0]!r} a misspelling of {name!r}?")
        hint = f" ({'; '.join(hints)})" if hints else ""
        raise SourceError(f"{manifest}: missing column(s) {', '.join(missing)}{hint}")
    return columns


def _resolved(path: Path, where: str) -> Path:
    """`path` with symlinks resolved, or a SourceError (a symlink loop, say)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError) as error:
        raise SourceError(f"{where}: cannot resolve {path} ({error})") from None


def _checked_path(value: str, base: Path, folder: Path, where: str) -> str:
    """The file a row's `path` names, resolved; it must lie inside the manifest's folder."""
    if os.path.isabs(value) or re.match(r"[A-Za-z]:[\\/]|[\\/]{2}", value):
        raise SourceError(f"{where}: path {value} is absolute; give it relative to the manifest")
    if _plain_file(folder, value):
        return os.path.join(folder, value)
    target = _resolved(base / value, where)
    if not target.is_relative_to(folder):
        raise SourceError(f"{where}: path {value} leads outside the manifest's folder")
    return str(target)


def _plain_file(folder: Path, name: str) -> bool:
    """Whether `name` is a file name alone (no folder, no dots) in the resolved `folder` that is
    not a symlink: then it resolves to itself, with no need to resolve the whole path."""
    if "/" in name or "\\" in name or name in (".", ".."):
        return False
    try:
        return not stat.S_ISLNK(os.lstat(os.path.join(folder, name)).st_mode)
    except (OSError, ValueError):
        return False


def latest_published() -> dt.date:
    """The latest acceptable publication date: tomorrow in UTC, as somewhere it is already."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def check_date(value: str, where: str) -> str:
    """The ISO date `value` (strictly YYYY-MM-DD, not in the future), or a SourceError naming
    `where`."""
    try:
        if not STRICT_DATE.fullmatch(value):
            raise ValueError(value)
        date = dt.date.fromisoformat(value)
    except ValueError:
        problem = f"published date {value!r} is not a valid YYYY-MM-DD date"
        raise SourceError(f"{where}: {problem}") from None
    if date > latest_published():
        today = dt.datetime.now(dt.UTC).date()
        raise SourceError(f"{where}: published date {value} is in the future (today is {today})")
    if date < EARLIEST_PUBLISHED:
        raise SourceError(
            f"{where}: published date {value} is before {EARLIEST_PUBLISHED.year}; a typo?"
        )
    return date.isoformat()



def check_url(value: str, where: str) -> str:
    """`value` if it is an absolute http(s) URL, else a SourceError naming `where`."""
    if URL_UNSAFE.search(value):
        raise SourceError(f"{where}: URL {value!r} contains spaces or control characters")
    try:
        parts = urlsplit(value)
    except ValueError:
        raise SourceError(f"{where}: URL {value!r} is malformed") from None
    if parts.scheme.lower() not in URL_SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise SourceError(
            f"{where}: URL {value!r} has {scheme}; only http(s) URLs (or none) are allowed"
        )
    if not parts.hostname:
        raise SourceError(f"{where}: URL {value!r} has no host")
    return value


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
    html_date = ""
    title = row.get("title", "")
    if path.suffix.lower() in {".html", ".htm"}:
        try:
            text, html_title, html_date = html_to_text(text)
        except RecursionError:
            raise SourceError(f"{path}: HTML nested too deeply to parse") from None
        title = title or html_title
    text_blocks = check_text(text, path)
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
        blocks=text_blocks,
    )


def check_text(text: str, path: Path) -> list[Block]:
    """Refuse a text as read that is too long or has no article text (body or caption); return
    its blocks.

    A page of nothing but furniture (menus, share buttons, a headline) would only yield an
    empty article, which is almost always a failed capture (a cookie wall, a page drawn by
    scripts), so it is an error rather than a silent source with no events.
    """
    if not text.strip():
        raise SourceError(f"{path}: no article text")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            f"{path}: text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    found = blocks(text)
    if not any(block.role in ("body", "caption") for block in found):
        raise SourceError(
            f"{path}: no article text (only page furniture, headlines or bylines; "
            "no sentence ends with . ! or ?)"
        )
    return found


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
    return text


def html_to_text(html: str) -> tuple[str, str, str]:
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
        published = _date_prefix(_meta(soup, (tag, attribute, name)))
        if published:
            break
    if not published:
        stamp = soup.find("time", attrs={"datetime": True})
        published = _date_prefix(_attribute(stamp, "datetime")) if stamp else ""
    if not published:
        linked = JSON_LD_DATE.search(html)
        published = _date_prefix(linked.group(1)) if linked else ""
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


def _date_prefix(value: str) -> str:
    """The ISO date at the start of a timestamp, or '' (also when it cannot be a publication
    date: before 1800 or in the future)."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return ""
    try:
        return _plausible(dt.date(*map(int, match.groups())))
    except ValueError:
        return ""


def _plausible(date: dt.date) -> str:
    """`date` in ISO form if it can be a publication date, else ''."""
    return date.isoformat() if EARLIEST_PUBLISHED <= date <= latest_published() else ""


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
            found = _plausible(dt.date(int(match["year"]), month, int(match["day"])))
        except ValueError:
            continue
        if found:
            return found
    return ""
