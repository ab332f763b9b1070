"""Adding an article from the page: size limit, intake into the manifest, then a rebuild.

The page's "Add a source" form calls `add`; it never writes anywhere but the manifest's folder
(through `intake.add_source`, which stores the file under a plain generated name) and the data
directory (through `build.build`, atomically).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.read.sources import SourceError
from dashboard.store import files, intake

MAX_BYTES = 5 * 1024 * 1024
"""The largest article accepted from the page (5 MB)."""
PASTED_NAME = "pasted.txt"
PAGE_NAME = "page.html"
"""The file name a page fetched by its URL is stored under (with a generated prefix)."""


def check_size(content: bytes, filename: str, limit: int = MAX_BYTES) -> None:
    """Refuse an article larger than `limit` bytes, with a one-line message.

    >>> check_size(b"x" * 11, "big.txt", limit=10)
    Traceback (most recent call last):
    ...
    dashboard.read.sources.SourceError: big.txt: the file is 11 bytes; the limit is 10 bytes
    """
    if len(content) > limit:
        name = intake.safe_filename(filename)
        raise SourceError(f"{name}: the file is {size_label(len(content))}; the limit is "
                          f"{size_label(limit)}")


def size_label(size: int) -> str:
    """A byte count as people read it.

    >>> size_label(5 * 1024 * 1024), size_label(900)
    ('5 MB', '900 bytes')
    """
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size:,} bytes"


def add(
    manifest: str | Path,
    data_dir: str | Path,
    content: bytes,
    filename: str,
    url: str = "",
    published: str = "",
    title: str = "",
    outlet: str = "",
    author: str = "",
    progress: Callable[[int, int], None] | None = None,
    undated: str = "",
) -> Path:
    """Add one article (size-checked, de-duplicated) to `manifest` and rebuild `data_dir`
    (`undated`: the date to give it when none is given or found, `intake.add_source`).

    Returns the stored file. Raises `SourceError` with a one-line message on bad input (too
    large, empty, wrong type, a non-http(s) URL, a bad date, the same URL or text already in
    the manifest, or an article the build refuses); nothing stays stored then.
    """
    name = intake.safe_filename(filename or PASTED_NAME)
    check_size(content, name)
    manifest = Path(manifest)
    before = manifest.read_text(encoding="utf-8") if manifest.exists() else None
    stored = intake.add_source(manifest, content, name, url.strip(), published.strip(),
                               title=title.strip(), outlet=outlet.strip(), author=author.strip(),
                               undated=undated)
    build_added(manifest, data_dir, stored, before, progress=progress)
    return stored


def add_url(
    manifest: str | Path,
    data_dir: str | Path,
    url: str,
    published: str = "",
    allow_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
    undated: str = "",
) -> Path:
    """Fetch the page at `url` (see `dashboard.read.fetch`), store it beside `manifest` as it
    came (a rebuild never needs the network) and rebuild `data_dir`; returns the stored page.
    Its title, outlet, author and date come from the page (a given `published` wins)."""
    from dashboard.read.fetch import fetch

    page = fetch(url.strip(), allow_private=allow_private)
    with naming(page.url):
        return add(manifest, data_dir, page.content, PAGE_NAME, url=page.url,
                   published=published, progress=progress, undated=undated)


@contextmanager
def naming(url: str) -> Iterator[None]:
    """A refusal of a fetched page names its URL rather than the file it is stored as."""
    try:
        yield
    except SourceError as error:
        message = str(error)
        if not url:
            raise
        reason = message.split(": ", 1)[1] if message.split(": ", 1)[0].endswith(
            ".html") and ": " in message else message
        raise SourceError(f"{url}: {reason}") from None


def build_added(manifest: Path, data_dir: str | Path, stored: Path, before: str | None,
                **options) -> dict[str, int]:
    """Rebuild `data_dir` after `stored` was added to `manifest` (whose text was `before`);
    returns the tables' row counts. If the build refuses the added article, it is taken back
    (the manifest as `before`, the data rebuilt without it) and its refusal raised."""
    from dashboard.store import build  # (here: the extractors it imports cost the page's
    # server half a second to start, and most visits add nothing)

    refused: list[dict[str, str]] = []
    try:
        counts = build.build(manifest, data_dir, refused=refused, **options)
    except SourceError:
        _undo(manifest, before, stored)
        raise
    mine = [r["reason"] for r in refused if Path(r["path"]).resolve() == stored.resolve()]
    if mine:
        _undo(manifest, before, stored)
        build.build(manifest, data_dir)
        raise SourceError(mine[0])
    return counts


def _undo(manifest: Path, before: str | None, stored: Path) -> None:
    """Take back an added article the build refused (e.g. no publication date anywhere), so
    the manifest keeps building."""
    with files.locked(manifest.parent):
        if before is None:
            manifest.unlink(missing_ok=True)
        else:
            files.write_atomic(manifest, before)
        stored.unlink(missing_ok=True)
