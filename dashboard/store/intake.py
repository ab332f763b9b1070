"""Adding a source: copy the article into the seeds folder and append its manifest row.

Both writes are atomic and serialised by the folder's lock; a duplicate (same URL or same text)
is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

from dashboard.read.html import read_page, url_date
from dashboard.read.sources import (
    MANIFEST_COLUMNS,
    SUFFIXES,
    SourceError,
    check_date,
    check_text,
    check_url,
    decode,
    infer_date,
    read_manifest,
)
from dashboard.store import table
from dashboard.store.files import locked, write_atomic

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def add_source(
    manifest: str | Path,
    content: bytes,
    filename: str,
    url: str,
    published: str,
    title: str = "",
    outlet: str = "",
    author: str = "",
    undated: str = "",
) -> Path:
    """Store an article beside `manifest` and describe it there; returns the stored file.

    Without a `published` date, the page's, its URL's or the first full date of its text is
    used when the build reads it; when there is none of those, `undated` (say, the day it is
    added) is written as its date, and without `undated` the article is refused."""
    manifest = Path(manifest)
    suffix = Path(safe_filename(filename)).suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(f"{filename}: unsupported file type {suffix or '(none)'}")
    text = decode(content, Path(filename))
    html_date = ""
    found = None
    if suffix in (".html", ".htm"):
        page = read_page(text, Path(filename), url)
        text, html_date, found = page.text, page.published, page.blocks
    check_text(text, Path(filename), found)
    if url:
        check_url(url, filename)
    if published:
        published = check_date(published, filename)
    with locked(manifest.parent):
        rows = read_manifest(manifest) if manifest.exists() else []
        _refuse_duplicates(rows, content, text, url, filename)
        if not (published or html_date or infer_date(text)):
            published = (url_date(url) if url else "") or undated
        if not (published or html_date or infer_date(text)):
            raise SourceError(f"{filename}: no publication date given and none in the text")
        digest = hashlib.sha256(content).hexdigest()[:16]
        stored = manifest.parent / f"{len(rows):03d}_{digest}{suffix}"
        write_atomic(stored, content)
        row = {"path": stored.name, "url": url, "title": title, "outlet": outlet,
               "author": author, "published": published}
        _append_row(manifest, row)
    return stored


def safe_filename(name: str) -> str:
    """A file name with no folders, no hidden-file dot and only plain characters.

    >>> safe_filename("../../etc/.passwd.txt")
    'passwd.txt'
    """
    base = re.split(r"[\\/]", name)[-1]
    return SAFE_NAME.sub("_", base).lstrip("._") or "article.txt"


def _refuse_duplicates(rows: list[dict], content: bytes, text: str, url: str, name: str) -> None:
    for row in rows:
        if url and row.get("url") == url:
            raise SourceError(f"{name}: a source with URL {url} is already in the manifest "
                              f"({Path(row['path']).name})")
        path = Path(row["path"])
        try:
            existing = path.read_bytes()
        except OSError:
            continue
        if existing == content or _normalised(existing) == _normalised(text.encode()):
            raise SourceError(f"{name}: the same text is already in the manifest ({path.name})")


def _normalised(raw: bytes) -> bytes:
    return b" ".join(raw.split())


def _append_row(manifest: Path, row: dict) -> None:
    """Rewrite the manifest with one more row, keeping its columns (atomic)."""
    if manifest.exists():
        existing = manifest.read_text(encoding="utf-8-sig")
        columns = next(csv.reader(io.StringIO(existing)))
    else:
        existing, columns = "", list(MANIFEST_COLUMNS)
    lines = table.csv_lines([[row.get(column, "") for column in columns]])
    if not existing:
        lines = table.csv_lines([columns]) + lines
    if existing and not existing.endswith("\n"):
        existing += "\n"
    write_atomic(manifest, existing + "".join(lines))
