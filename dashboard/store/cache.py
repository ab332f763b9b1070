"""The build cache: what a rebuild can reuse from the last one.

A cache folder holds `marshal` dumps of plain data (loading them runs no code):

- `manifest.marshal`: the manifest's rows as last checked (`manifest.read_manifest`);
- `openers.marshal`: what the tagger learnt of its rules (`timex.openers.answers`);
- `index.marshal`, `roster.marshal`, `state.marshal`, `parts/<digest>.marshal`,
  `rendered-<0-f>.marshal`, `lines-<id>.events|figures`: what the steps across articles made
  of them (`dashboard.store.combine`);

and `texts/<sha256>.txt`, the source texts as read, linked into the data directory. Entries
that are missing, unreadable or from another version of the code count as absent.

Each article's extraction is kept in the story's database (`story.db`, table `extractions`,
by cache key), and so is what was seen of each source file (table `source_files`: the stamp it
had when it was read (size, change times, inode, its manifest row), its sources-table row, text
hash included, its cache key and its line in the sources table). Without a folder the cache
keeps articles in memory for one build and remembers nothing.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import sqlite3
import sys
import zlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from dashboard.read.manifest import latest_published
from dashboard.store import database

Stamp = list
"""A file's size, modification and change times (ns), inode, manifest row and, for a row with
no publication date, the latest date that could be inferred (it grows by a day each day)."""
SHARDS = "0123456789abcdef"
"""Rendered lines are kept in one file per first hex digit of the article's key, so a rebuild
rewrites only the files of the articles that changed (`dashboard.store.table_lines`)."""
LEGACY = ("links", "sources", *(f"{name}-{shard}" for name in ("lines", "sources")
                                 for shard in SHARDS))
"""Files of earlier versions of the cache, removed when the cache starts afresh."""


def stamp(row: dict, info: os.stat_result | None = None) -> Stamp | None:
    """The stamp of a manifest row's file now (`info`: its `os.stat`, if just taken), or None
    if it cannot be read."""
    try:
        info = info or os.stat(row["path"])
    except (OSError, ValueError):
        return None
    latest = "" if row.get("published") else latest_published().isoformat()
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino,
            sorted(row.items()), latest]


class ArticleCache:
    """A build's cache folder (None: a build without a cache) and the story database that
    keeps its articles' extractions (`store`; None: kept in memory)."""

    def __init__(self, folder: Path | None, version: str, sources: bool = True,
                 store: Path | None = None):
        self.folder = folder
        self.version = version
        self.store = store if folder is not None else None
        self._connection: sqlite3.Connection | None = None
        self.texts = folder / "texts" if folder else None
        self._sources: dict[str, list] = {}
        if sources and self.store is not None and self.store.is_file():
            self._sources = {path: marshal.loads(entry) for path, entry in self._database().execute(
                "SELECT path, entry FROM source_files WHERE code = ?", (version,))}
        self._changed_sources: set[str] = set()
        self._articles: dict[str, tuple] = {}
        self._unstored: dict[str, tuple] = {}
        self._kept_texts: set[str] | None = None
        self.replaced: set[str] = set()
        """The hashes of texts whose source was read again in this build."""

    def source(self, path: str, mark: Stamp | None) -> dict | None:
        """The sources-table row remembered for a file, if it still has stamp `mark` and its
        text is kept."""
        entry = self._sources.get(path)
        if mark is None or entry is None or entry[0] != mark:
            return None
        if self._kept_texts is None:
            try:
                self._kept_texts = set(os.listdir(self.texts)) if self.texts else set()
            except OSError:
                self._kept_texts = set()
        if f"{entry[1]['sha256']}.txt" not in self._kept_texts:
            return None
        return entry[1]

    def source_key(self, path: str, story: str) -> str | None:
        """The cache key remembered with a file's row, if it was made for the same story's
        gazetteer (`story`: a digest of it)."""
        entry = self._sources.get(path)
        return entry[3] if entry and len(entry) >= 4 and entry[2] == story else None

    def source_line(self, path: str, columns: tuple[str, ...]) -> str | None:
        """The sources-table line remembered for a file's row, if made for these columns."""
        entry = self._sources.get(path)
        return entry[4][1] if entry and len(entry) == 5 and entry[4][0] == columns else None

    def remember_line(self, path: str, columns: tuple[str, ...], line: str) -> None:
        """Remember the sources-table line of a file's row (remembered), made for these
        columns."""
        entry = self._sources.get(path)
        if entry is not None and len(entry) >= 4:
            entry[4:] = [(columns, line)]
            self._changed_sources.add(path)

    def remember_source(self, path: str, mark: Stamp | None, row: dict, story: str = "",
                        key: str = "") -> None:
        """Remember the sources-table row of a file read with stamp `mark` (and its cache
        key with the gazetteer digest `story`)."""
        if self.folder is not None and mark is not None:
            old = self._sources.get(path)
            if old:
                self.replaced.add(old[1]["sha256"])
            self._sources[path] = [mark, row, story, key]
            self._changed_sources.add(path)

    def _database(self) -> sqlite3.Connection:
        if self._connection is None:
            assert self.store is not None
            self._connection = database.connect(self.store, create=True)
        return self._connection

    def close(self) -> None:
        """Close the database (before the data folder holding it is swapped; it is opened
        again when next needed)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def article(self, key: str) -> tuple | None:
        """The extraction kept under `key`, or None."""
        if key not in self._articles and self.store is not None and (
                self._connection is not None or self.store.is_file()):
            row = self._database().execute(
                "SELECT article FROM extractions WHERE key = ? AND code = ?",
                (key, self.version)).fetchone()
            if row is not None:
                self._articles[key] = marshal.loads(zlib.decompress(row[0]))
        return self._articles.get(key)

    def keep_articles(self, articles: Mapping[str, tuple]) -> None:
        """Keep articles' extractions by key (in memory for this build, and in the database,
        committed at once: a build killed later keeps them). Before the first build has made
        the database, they wait in memory for `flush`."""
        self._articles.update(articles)
        if self.store is None or not articles:
            return
        self._unstored.update(articles)
        if self._connection is not None or self.store.is_file():
            self.flush()

    def flush(self) -> None:
        """Write the extractions kept and the source files changed since the database was
        last written to."""
        if self.store is None or not (self._unstored or self._changed_sources):
            return
        rows = [(key, self.version, zlib.compress(marshal.dumps(value), 1))
                for key, value in self._unstored.items()]
        changed = [(path, self._sources.get(path)) for path in sorted(self._changed_sources)]
        with database.transaction(self._database()) as connection:
            connection.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)", rows)
            connection.executemany("DELETE FROM source_files WHERE path = ?",
                                   ((path,) for path, entry in changed if entry is None))
            connection.executemany("INSERT OR REPLACE INTO source_files VALUES (?, ?, ?)",
                                   ((path, self.version, marshal.dumps(entry))
                                    for path, entry in changed if entry is not None))
        self._unstored, self._changed_sources = {}, set()

    def keep_sources(self, paths: set[str]) -> None:
        """Forget the files not among `paths` (their texts count as replaced)."""
        for path in [path for path in self._sources if path not in paths]:
            self.replaced.add(self._sources.pop(path)[1]["sha256"])
            self._changed_sources.add(path)

    def save_sources(self) -> None:
        """Write what changed of the source files seen into the database (before the first
        build has made it, `flush` does later)."""
        if self._connection is not None or (self.store is not None and self.store.is_file()):
            self.flush()

    def prune(self, keys: set[str], texts: set[str], gone: set[str] | None) -> None:
        """Forget the articles not among `keys` and the texts not among `texts` (the hashes of
        the texts to keep): those of `gone` (text hashes), or, when it is None, whatever else
        the texts folder holds."""
        self.flush()
        if self.store is not None and self.store.is_file():
            with database.transaction(self._database()) as connection:
                connection.execute("DELETE FROM extractions WHERE code != ? OR key NOT IN "
                                   "(SELECT value FROM json_each(?))",
                                   (self.version, json.dumps(sorted(keys))))
        if self.folder is None:
            return
        if gone is not None:
            for sha256 in gone - texts:
                self.text_path(sha256).unlink(missing_ok=True)
            return
        for name in LEGACY:
            (self.folder / f"{name}.marshal").unlink(missing_ok=True)
        shutil.rmtree(self.folder / "articles", ignore_errors=True)  # (before the database)
        try:
            for path in (self.folder / "texts").iterdir():
                if path.suffix == ".txt" and path.stem not in texts:
                    path.unlink(missing_ok=True)
        except OSError:
            pass

    def prune_folder(self, name: str, kept: set[str]) -> None:
        """Remove the files of folder `name` whose stem is not in `kept`."""
        if self.folder is None:
            return
        try:
            for path in (self.folder / name).iterdir():
                if path.suffix == ".marshal" and path.stem not in kept:
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
        if self.folder is not None:
            write(self.folder, name, self.version, value)




def write(folder: Path, name: str, version: str, value) -> bool:
    """Write cache file `name` of `folder` atomically (for `ArticleCache.load` of `version`,
    from any process); False if it cannot be written."""
    path = folder / f"{name}.marshal"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((version, value)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        return False
    return True


CODE_SUFFIXES = {".py", ".csv", ".json", ".txt"}
"""The package's files that make up its code: the modules and the vocabularies they load."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data files (the page's aside: it never changes what a
    build makes): a new version invalidates the cache."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent.parent
    files = (path for path in package.rglob("*") if path.suffix in CODE_SUFFIXES
             and path.relative_to(package).parts[0] != "page")
    for path in sorted(files):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def article_key(facts: dict, gazetteer: bytes) -> str:
    """The key of one article's extraction: its sources-table row (with the text's hash), the
    story's gazetteer and the code."""
    digest = hashlib.sha256(f"{code_version()}|{json.dumps(facts, sort_keys=True)}|".encode())
    digest.update(gazetteer)
    return digest.hexdigest()[:32]
