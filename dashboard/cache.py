"""The build cache: what a rebuild can reuse from the last one.

A cache folder holds `marshal` dumps of plain data (loading them runs no code):

- `sources.marshal`: for each source file, the stamp it had when it was read (size, change
  times, inode, its manifest row) and its sources-table row, text hash included;
- `articles/<key>.marshal`: one article's extraction, by cache key;
- `index.marshal`, `roster.marshal`, `links.marshal`, `lines-<0-f>.marshal`: what the steps
  across articles made of them (see `dashboard.extract`);

and `texts/<sha256>.txt`, the source texts as read, linked into the data directory. Entries
that are missing, unreadable or from another version of the code count as absent. Without a
folder the cache keeps articles in memory for one build and remembers nothing.
"""

from __future__ import annotations

import json
import marshal
import os
from pathlib import Path

from dashboard.sources import latest_published

Stamp = list
"""A file's size, modification and change times (ns), inode, manifest row and, for a row with
no publication date, the latest date that could be inferred (it grows by a day each day)."""
SHARDS = "0123456789abcdef"
"""Rendered lines are kept in one file per first hex digit of the article's key, so a rebuild
rewrites only the files of the articles that changed."""


def stamp(row: dict) -> Stamp | None:
    """The stamp of a manifest row's file now, or None if it cannot be read."""
    try:
        info = os.stat(row["path"])
    except (OSError, ValueError):
        return None
    latest = "" if row.get("published") else latest_published().isoformat()
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino,
            json.dumps(row, sort_keys=True), latest]


class ArticleCache:
    """A build's cache folder (None: a build without a cache)."""

    def __init__(self, folder: Path | None, version: str):
        self.folder = folder
        self.version = version
        self.texts = folder / "texts" if folder else None
        self._sources: dict[str, list] = self.load("sources") or {}
        self._sources_changed = False
        self._articles: dict[str, tuple] = {}

    def source(self, path: str, mark: Stamp | None) -> dict | None:
        """The sources-table row remembered for a file, if it still has stamp `mark` and its
        text is kept."""
        entry = self._sources.get(path)
        if mark is None or entry is None or entry[0] != mark:
            return None
        if not self.text_path(entry[1]["sha256"]).exists():
            return None
        return entry[1]

    def remember_source(self, path: str, mark: Stamp | None, row: dict) -> None:
        """Remember the sources-table row of a file read with stamp `mark`."""
        if self.folder is not None and mark is not None:
            self._sources[path] = [mark, row]
            self._sources_changed = True

    def article(self, key: str) -> tuple | None:
        """The extraction kept under `key`, or None."""
        if key not in self._articles and self.folder is not None:
            found = self.load(f"articles/{key}")
            if found is not None:
                self._articles[key] = found
        return self._articles.get(key)

    def keep_article(self, key: str, value: tuple) -> None:
        """Keep an article's extraction (in memory for this build, and in the folder)."""
        self._articles[key] = value
        if self.folder is not None:
            self.dump(f"articles/{key}", value)

    def lines(self) -> dict[str, tuple]:
        """The rendered lines kept for every article, by key."""
        found: dict[str, tuple] = {}
        for shard in SHARDS:
            found.update(self.load(f"lines-{shard}") or {})
        return found

    def keep_lines(self, lines: dict[str, tuple], changed: set[str]) -> None:
        """Keep the rendered lines, rewriting the files that hold the `changed` keys."""
        for shard in {key[0] for key in changed}:
            self.dump(f"lines-{shard}", {k: v for k, v in lines.items() if k[0] == shard})

    def save_sources(self) -> None:
        """Write the sources seen, if any changed."""
        if self._sources_changed:
            self.dump("sources", self._sources)

    def prune(self, keys: set[str], texts: set[str]) -> None:
        """Remove the articles and texts of sources no longer in the manifest."""
        if self.folder is None:
            return
        for folder, kept in ((self.folder / "articles", keys), (self.folder / "texts", texts)):
            try:
                for path in folder.iterdir():
                    if path.suffix in (".marshal", ".txt") and path.stem not in kept:
                        path.unlink(missing_ok=True)
            except OSError:
                pass

    def text_path(self, sha256: str) -> Path:
        """Where the text with this hash is kept."""
        assert self.texts is not None
        return self.texts / f"{sha256}.txt"

    @staticmethod
    def keep_text(texts: Path, sha256: str, text: str) -> bool:
        """Keep a source text in the `texts` folder (atomically); False if it cannot be."""
        path = texts / f"{sha256}.txt"
        if path.exists():
            return True
        try:
            texts.mkdir(parents=True, exist_ok=True)
            temporary = texts / f".{sha256}.{os.getpid()}.tmp"
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            return False
        return True

    def load(self, name: str):
        """The value dumped as `name`, or None."""
        if self.folder is None:
            return None
        try:
            version, value = marshal.loads((self.folder / f"{name}.marshal").read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        return value if version == self.version else None

    def dump(self, name: str, value) -> None:
        """Write one cache file atomically; a cache that cannot be written is skipped."""
        if self.folder is None:
            return
        path = self.folder / f"{name}.marshal"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((self.version, value)))
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass
