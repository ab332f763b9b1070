"""The extraction pipeline: a manifest of articles in, the four tables and source texts out.

Each article is extracted on its own (`analyse`; in parallel with `jobs` > 1) and cached by a
key of its text, its manifest row, the story's gazetteer and the code, so a rebuild re-extracts
only what changed; the steps across articles are `merge.combine`. A source file whose size and
change stamps are unchanged is not read again (`dashboard.cache`).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dashboard import curation, table
from dashboard.actors import Actor, load_gazetteer, story_index
from dashboard.articles import EXTRACTED, Article, Index
from dashboard.cache import ArticleCache, stamp
from dashboard.events import article_events
from dashboard.figures import article_figures
from dashboard.merge import Extraction, combine
from dashboard.sentences import blocks, masked, sentences
from dashboard.sources import MANIFEST_COLUMNS, Source, read_manifest, read_source
from dashboard.timex import tag

STORY_FILES = ("story.json",)
"""Files beside the manifest that the build copies into the data directory as they are."""


def analyse(source: Source, gazetteer: list[Actor], manifest_dir: Path) -> Article:
    """Extract events, figures and actors from one article."""
    article_blocks = source.blocks or blocks(source.text)
    visible = masked(source.text, article_blocks)
    article_sentences = sentences(source.text, article_blocks)
    timexes = tag(visible, source.published)
    index = story_index(visible, gazetteer)
    mentions = index.mentions(visible)
    row = source_row(source, manifest_dir)
    events = article_events(row, article_sentences, timexes, mentions)
    figures = article_figures(row, article_sentences, timexes, mentions)
    return Article(
        source_row=row,
        events=[tuple(event[column] for column in EXTRACTED) for event in events],
        figures=[tuple(figure[column] for column in table.FIGURES_COLUMNS) for figure in figures],
        actors=[(a.name, a.kind, a.aliases, a.description) for a in index.actors.values()],
    )


def source_row(source: Source, manifest_dir: Path) -> dict:
    """The sources-table row of a source (its schema columns)."""
    inside = source.path.is_relative_to(manifest_dir)
    return {
        "source_id": source.source_id,
        "path": source.path.relative_to(manifest_dir).as_posix() if inside
        else source.path.as_posix(),
        "url": source.url,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "published": source.published,
        "published_inferred": source.published_inferred,
        "text_path": f"texts/{source.source_id}.txt",
        "sha256": source.sha256,
        "chars": len(source.text),
    }


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Context:
    """What every article's extraction shares: the story's gazetteer, the manifest's folder,
    the cache keys already extracted and the folder that keeps texts (None: keep them)."""

    gazetteer: list[Actor]
    gazetteer_key: bytes
    base: Path
    known: frozenset[str]
    texts: Path | None


def extract(
    manifest: str | Path,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """All tables for a manifest, and the files to keep beside them (source texts...)."""
    manifest = Path(manifest)
    story_actors = manifest.parent / "actors.csv"
    gazetteer = load_gazetteer(story_actors) if story_actors.exists() else []
    gazetteer_key = story_actors.read_bytes() if story_actors.exists() else b""
    rows = read_manifest(manifest)
    cache = ArticleCache(Path(cache_dir) if cache_dir else None, code_version())
    stamps = [stamp(row) for row in rows]
    facts = [cache.source(row["path"], mark) for row, mark in zip(rows, stamps, strict=True)]
    keys = [_cache_key(f, gazetteer_key) if f else "" for f in facts]
    index = Index(cache)
    context = _Context(gazetteer, gazetteer_key, manifest.parent.resolve(),
                       frozenset(index.summaries), cache.texts)
    work = [i for i, key in enumerate(keys) if key not in index.summaries]
    texts: dict[str, str | Path] = {}
    for done, (i, (row, key, article, text)) in enumerate(
        zip(work, _run(context, [rows[i] for i in work], jobs), strict=True),
        start=len(rows) - len(work) + 1,
    ):
        cache.remember_source(rows[i]["path"], stamps[i], row)
        facts[i], keys[i] = row, key
        if article is not None:
            cache.keep_article(key, tuple(article))
            index.add(key, article)
        if text is not None:
            texts[row["text_path"]] = text
        if progress:
            progress(done, len(rows))
    cache.save_sources()
    output = combine(keys, index, _loader(context, rows, keys, cache), cache,
                     [_extras(row) for row in rows], facts)
    if index.save(keys):
        cache.prune(set(keys), {row["sha256"] for row in facts})
    output.files = _files(manifest.parent, facts, cache) | texts
    return output


def _loader(context: _Context, rows: list[dict], keys: list[str],
            cache: ArticleCache) -> Callable[[str], Article]:
    """A function giving an article by key: from the cache, else extracted again (a cache
    entry lost since the index was written)."""

    def load(key: str) -> Article:
        kept = cache.article(key)
        if kept is not None:
            return Article(*kept)
        article = _process(replace(context, known=frozenset()), rows[keys.index(key)])[2]
        assert article is not None
        cache.keep_article(key, tuple(article))
        return article

    return load


def _files(folder: Path, facts: list[dict], cache: ArticleCache) -> dict[str, str | Path]:
    """The files beside the tables: the kept source texts and the story's files."""
    files: dict[str, str | Path] = {}
    if cache.texts is not None:
        files.update({row["text_path"]: cache.text_path(row["sha256"]) for row in facts})
    for name in STORY_FILES:
        if (folder / name).exists():
            files[name] = (folder / name).read_text(encoding="utf-8")
    return files


def _extras(row: dict) -> dict:
    """A manifest row's columns beyond the required ones, for the sources table (a column
    named like one of the table's own is left out)."""
    return {k: v for k, v in row.items()
            if k not in MANIFEST_COLUMNS and k not in table.SOURCES_COLUMNS}


def _process(context: _Context, row: dict) -> tuple[dict, str, Article | None, str | None]:
    """Read one manifest row's source; analyse it unless its key is known. Returns its
    sources-table row, its cache key, the article (None if known) and its text (None if kept
    in the cache's texts folder)."""
    source = read_source(row)
    facts = source_row(source, context.base)
    key = _cache_key(facts, context.gazetteer_key)
    text: str | None = source.text
    if context.texts is not None and ArticleCache.keep_text(context.texts, facts["sha256"],
                                                            source.text):
        text = None
    if key in context.known:
        return facts, key, None, text
    return facts, key, analyse(source, context.gazetteer, context.base), text


_worker_context: _Context | None = None


def _start_worker(context: _Context) -> None:
    global _worker_context
    _worker_context = context


def _in_worker(row: dict) -> tuple[dict, str, Article | None, str | None]:
    assert _worker_context is not None
    return _process(_worker_context, row)


def _run(context: _Context, rows: list[dict], jobs: int) -> Iterator[tuple]:
    """Process rows in order, in `jobs` processes when there is enough work to share; workers
    get the context once and read the files themselves."""
    if jobs <= 1 or len(rows) < 2:
        yield from (_process(context, row) for row in rows)
        return
    chunk = max(1, min(64, len(rows) // jobs // 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(context,)) as pool:
        yield from pool.map(_in_worker, rows, chunksize=chunk)


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data files: a new version invalidates the cache."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.csv")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(facts: dict, gazetteer: bytes) -> str:
    """The key of one article's extraction: its sources-table row (with the text's hash), the
    story's gazetteer and the code."""
    digest = hashlib.sha256(f"{code_version()}|{json.dumps(facts, sort_keys=True)}|".encode())
    digest.update(gazetteer)
    return digest.hexdigest()[:32]



def build(
    manifest: str | Path,
    out_dir: str | Path,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: bool = True,
) -> dict[str, int]:
    """Extract a manifest into `out_dir`, replacing its tables atomically; returns the number
    of rows of each table.

    The cache lives beside `out_dir` (`.<name>.cache/`), outside the swapped folder.
    """
    out_dir = Path(out_dir)
    cache_dir = out_dir.parent / f".{out_dir.name}.cache" if cache else None
    result = extract(manifest, jobs=jobs, cache_dir=cache_dir, progress=progress)
    with curation.locked(out_dir):
        header, *lines = result.tables["events"]
        lines = curation.apply_lines(lines, result.event_ids, curation.read(out_dir))
        table.write_dir(out_dir, result.tables | {"events": [header, *lines]}, result.files)
    return {name: len(rows) - 1 for name, rows in result.tables.items()}


def terminal_progress(done: int, total: int) -> None:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rextracting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
