"""The extraction pipeline: a manifest of articles in, the four tables and source texts out.

Each article is extracted on its own (`analyse`; in parallel with `jobs` > 1) and cached by a
key of its text, its manifest row, the story's gazetteer and the code, so a rebuild re-extracts
only what changed; the steps across articles are `combine.combine`. A source file whose size and
change stamps are unchanged is not read again (`dashboard.store.cache`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from dashboard.extract.actors import Actor, heading_actors, story_index
from dashboard.extract.attribution import SPEAKER, unnamed_speakers
from dashboard.extract.events import article_events
from dashboard.extract.figures import article_figures
from dashboard.extract.gazetteer import load_gazetteer
from dashboard.read.sentences import blocks, masked, sentences
from dashboard.read.sources import (
    MANIFEST_COLUMNS,
    Source,
    SourceError,
    read_manifest,
    read_source,
)
from dashboard.store import curation, database, database_write, files, folder, table
from dashboard.store.article_index import EXTRACTED, Article, Index, digest, prepare
from dashboard.store.cache import ArticleCache, article_key, code_version, stamp
from dashboard.store.combine import Extraction, combine
from dashboard.store.progress import Clock, collecting, paused_collector
from dashboard.timex import openers, tag

STORY_FILES = ("story.json",)
"""Files beside the manifest that the build copies into the data directory as they are."""
KEEP_BATCH = 64
"""Articles extracted that are written to the database together (one transaction)."""


def analyse(source: Source, gazetteer: list[Actor], manifest_dir: Path,
            row: dict | None = None) -> Article:
    """Extract events, figures and actors from one article (`row`: its `source_row`, if
    already made)."""
    article_blocks = source.blocks or blocks(source.text)
    visible = masked(source.text, article_blocks)
    english = source.language in ("", "en")  # events and figures are read with English rules
    article_sentences = sentences(source.text, article_blocks) if english else []
    timexes = tag(visible, source.published) if english else []
    headings = "\n".join(  # the headlines and datelines, not the bylines in them
        line for b in article_blocks if b.role in ("headline", "dateline")
        for line in source.text[b.start : b.end].splitlines() if not line.startswith("By "))
    index = story_index(f"{visible}\n\n{headings}" if headings else visible, gazetteer)
    mentions = index.mentions(visible)
    row = row or source_row(source, manifest_dir)
    events = article_events(row, article_sentences, timexes, mentions)
    figures = article_figures(row, article_sentences, timexes, mentions)
    named = mentions.named() | (heading_actors(index, headings) if headings else set())
    speakers = unnamed_speakers([*events, *figures], index.canonical)
    return Article(
        source_row=row,
        events=[tuple(event[column] for column in EXTRACTED) for event in events],
        figures=[tuple(figure[column] for column in table.FIGURES_COLUMNS) for figure in figures],
        actors=[*((a.name, a.kind, a.aliases, a.description) for a in index.named(named)),
                *((name, SPEAKER, [], "") for name in speakers)],
    )


def source_row(source: Source, manifest_dir: Path) -> dict:
    """The sources-table row of a source (its schema columns); its path relative to the
    manifest's folder (`manifest_dir`, resolved), however the manifest was named."""
    where = source.path.resolve()
    inside = where.is_relative_to(manifest_dir)
    return {
        "source_id": source.source_id,
        "path": where.relative_to(manifest_dir).as_posix() if inside else where.as_posix(),
        "url": source.url,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "published": source.published,
        "published_inferred": source.published_inferred,
        "published_source": source.published_source,
        "language": source.language,
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
    store: Path | None = None,
) -> Extraction:
    """All tables for a manifest, and the files to keep beside them (source texts...);
    `store`: the story database that keeps each article's extraction (with a cache folder)."""
    manifest = Path(manifest)
    story_actors = manifest.parent / "actors.csv"
    gazetteer = load_gazetteer(story_actors) if story_actors.exists() else []
    gazetteer_key = story_actors.read_bytes() if story_actors.exists() else b""
    clock = Clock()
    stats: dict[str, os.stat_result] = {}
    cache = ArticleCache(Path(cache_dir) if cache_dir else None, code_version(), store=store)
    learnt = cache.load("openers") or {}
    openers.learn(learnt)
    memo = cache.load("manifest") or {}
    parsed = memo.get("key")
    rows = read_manifest(manifest, stats, memo)
    if memo.get("key") != parsed:
        cache.dump("manifest", memo)
    stamps = [stamp(row, stats.get(row["path"])) for row in rows]
    facts = [cache.source(row["path"], mark) for row, mark in zip(rows, stamps, strict=True)]
    story = hashlib.sha256(gazetteer_key).hexdigest()
    keys = [(cache.source_key(row["path"], story) or article_key(f, gazetteer_key)) if f else ""
            for row, f in zip(rows, facts, strict=True)]
    index = Index(cache)
    context = _Context(gazetteer, gazetteer_key, manifest.parent.resolve(),
                       frozenset(index.summaries), cache.texts)
    work = [i for i, key in enumerate(keys) if key not in index.summaries]
    clock.lap("read")
    texts: dict[str, str | Path] = {}
    refused: dict[int, str] = {}
    extracted: dict[str, tuple] = {}
    for done, (i, (row, key, article, text, prepared)) in enumerate(
        zip(work, _run(context, [rows[i] for i in work], jobs), strict=True),
        start=len(rows) - len(work) + 1,
    ):
        if row is None:
            refused[i] = key
            if progress:
                progress(done, len(rows))
            continue
        cache.remember_source(rows[i]["path"], stamps[i], row, story, key)
        facts[i], keys[i] = row, key
        if article is not None:
            extracted[key] = tuple(article)
            index.add(key, article, prepared)
            if len(extracted) >= KEEP_BATCH:
                cache.keep_articles(extracted)
                extracted = {}
        if text is not None:
            texts[row["text_path"]] = text
        if progress:
            progress(done, len(rows))
    cache.keep_articles(extracted)
    cache.keep_sources({row["path"] for row in rows})
    known = openers.answers()
    if len(known) > len(learnt):
        cache.dump("openers", known)
    clock.lap("extract", cpu=True)
    clock.timings["extracted"] = len(work) - len(refused)
    refusals = [{"path": rows[i]["path"], "url": rows[i]["url"], "reason": refused[i]}
                for i in sorted(refused)]
    if refused:
        rows, keys, facts = ([x for i, x in enumerate(column) if i not in refused]
                             for column in (rows, keys, facts))
    output = combine(keys, index, _loader(context, rows, keys, cache), cache,
                     [_extras(row) for row in rows], facts, [row["path"] for row in rows])
    cache.save_sources()

    def save() -> None:
        gone = None if index.fresh else cache.replaced
        if index.save(keys):
            cache.prune(set(keys), {row["sha256"] for row in facts}, gone)
        cache.flush()

    output.save.append(save)
    output.close = cache.close
    output.files = _files(manifest.parent, facts, cache) | texts
    output.refused = refusals
    if refusals:
        columns = list(table.REFUSED_COLUMNS)
        output.tables["refused"] = table.csv_lines(
            [columns, *([refusal[c] for c in columns] for refusal in refusals)])
    output.fingerprint = digest((output.fingerprint, refusals,
                                 sorted((name, str(f)) for name, f in output.files.items())))
    clock.lap("combine")
    output.timings = clock.timings
    return output


def _loader(context: _Context, rows: list[dict], keys: list[str],
            cache: ArticleCache) -> Callable[[str], Article]:
    """A function giving an article by key: from the cache, else extracted again (a cache
    entry lost since the index was written)."""

    def load(key: str) -> Article:
        kept = cache.article(key)
        if kept is not None:
            return Article(*kept)
        with collecting():
            article = _process(replace(context, known=frozenset()), rows[keys.index(key)])[2]
        assert article is not None
        cache.keep_articles({key: tuple(article)})
        return article

    return load


def _files(story: Path, facts: list[dict], cache: ArticleCache) -> dict[str, str | Path]:
    """The files beside the tables: the kept source texts and the story's files."""
    files: dict[str, str | Path] = {}
    if cache.texts is not None:
        texts = f"{cache.texts}{os.sep}"
        files.update({row["text_path"]: folder.Linked(f"{texts}{row['sha256']}.txt")
                      for row in facts})
    for name in STORY_FILES:
        if (story / name).exists():
            files[name] = (story / name).read_text(encoding="utf-8")
    return files


def _extras(row: dict) -> dict:
    """A manifest row's columns beyond the required ones, for the sources table (a column
    named like one of the table's own is left out)."""
    return {k: v for k, v in row.items()
            if k not in MANIFEST_COLUMNS and k not in table.SOURCES_COLUMNS}


def _process(context: _Context, row: dict) -> tuple:
    """Read one manifest row's source; analyse it unless its key is known. Returns its
    sources-table row, its cache key, the article (None if known), its text (None if kept
    in the cache's texts folder) and the article's `prepare`d summary (the work of one article,
    done where it is extracted). A refused source gives (None, the reason, None, None, None),
    and so does one whose analysis fails (a bug, which must not stop a build of hundreds)."""
    try:
        source = read_source(row)
    except SourceError as error:
        return None, str(error), None, None, None
    facts = source_row(source, context.base)
    key = article_key(facts, context.gazetteer_key)
    text: str | None = source.text
    if context.texts is not None and ArticleCache.keep_text(context.texts, facts["sha256"],
                                                            source.text):
        text = None
    if key in context.known:
        return facts, key, None, text, None
    try:
        article = analyse(source, context.gazetteer, context.base, facts)
    except Exception as error:  # a fault of ours: the article is left out, the build goes on
        return None, (f"{row['path']}: could not be analysed ({type(error).__name__}: {error}); "
                      f"this is a bug in the dashboard, please report it"), None, None, None
    return facts, key, article, text, prepare(article)


def _process_chunk(context: _Context, rows: list[dict]) -> list[tuple]:
    """`_process` some rows."""
    return [_process(context, row) for row in rows]


_worker_context: _Context | None = None
PR_SET_PDEATHSIG = 1
"""prctl(2)'s option: the signal a process gets when its parent dies."""


def _start_worker(context: _Context, parent: int) -> None:
    global _worker_context
    _die_with(parent)
    _worker_context = context
    gc.enable()


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies (Linux), so a killed build leaves
    no workers behind holding its lock; exit now if the parent is already gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _in_worker(rows: list[dict]) -> list[tuple]:
    assert _worker_context is not None
    return _process_chunk(_worker_context, rows)


def _run(context: _Context, rows: list[dict], jobs: int) -> Iterator[tuple]:
    """Process rows in order, in chunks (`_process_chunk`), in `jobs` processes when there is
    enough work to share; workers get the context once and read the files themselves."""
    size = max(1, min(64, len(rows) // max(jobs, 1) // 8))
    chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
    if jobs <= 1 or len(rows) < 2:
        for chunk in chunks:
            with collecting():
                results = _process_chunk(context, chunk)
            yield from results
        return
    from concurrent.futures import ProcessPoolExecutor  # (only here: slow to import)

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(context, os.getpid())) as pool:
        for results in pool.map(_in_worker, chunks):
            yield from results


def build(
    manifest: str | Path,
    out_dir: str | Path,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: bool = True,
    timings: dict[str, float] | None = None,
    refused: list[dict[str, str]] | None = None,
    strict: bool = False,
) -> dict[str, int]:
    """Extract a manifest into `out_dir`, replacing its tables atomically; returns the number
    of rows of each table. `timings`, if given, receives the phases' times (`Clock`): read,
    extract (with extract_cpu and the number of articles extracted), combine and write (with
    keeping the cache for the next build). Where nothing changed since the last build, and the
    data folder is as that build left it, nothing is written.

    An article that cannot be read is left out and the others are built: `refused`, if given,
    receives each refusal (path, url, reason: one line naming the file and the problem), and
    the data folder's `refused.csv` lists them. With `strict`, or when every article is
    refused, a refusal raises SourceError instead and nothing is written.

    The cache lives beside `out_dir` (`.<name>.cache/`), outside the swapped folder; builds
    that share it run one at a time (a lock file beside it). The data folder's own lock is
    held only while it is written, so curation can be recorded while a build extracts.
    """
    out_dir = Path(out_dir)
    cache_dir = out_dir.parent / f".{out_dir.name}.cache" if cache else None
    with paused_collector(), files.locked(cache_dir) if cache_dir else nullcontext():
        if cache_dir and out_dir.parent.is_dir():
            with files.locked(out_dir):  # (a data folder a killed build took away comes back
                folder.recover(out_dir)  # before its database is read)
        result = extract(manifest, jobs=jobs, cache_dir=cache_dir, progress=progress,
                         store=database.path(out_dir) if cache_dir else None)
        try:
            if refused is not None:
                refused.extend(result.refused)
            if result.refused and (strict or not result.counts["sources"]):
                first = result.refused[0]["reason"]
                more = len(result.refused) - 1
                raise SourceError(f"{first}" + (f" (and {more} more refused)" if more else ""))
            return _build(result, out_dir, cache_dir, timings)
        finally:
            result.close()


def _build(result: Extraction, out_dir: Path, cache_dir: Path | None,
           timings: dict[str, float] | None) -> dict[str, int]:
    written = time.perf_counter()
    record = ArticleCache(cache_dir, code_version(), sources=False)
    retired: list[threading.Thread] = []
    with files.locked(out_dir):
        verdicts = curation.latest(out_dir)
        fingerprint = digest((result.fingerprint, sorted(verdicts.items())))
        if (record.load("written") != [fingerprint, folder.stamps(out_dir, _written(result))]
                or not database.path(out_dir).is_file()):
            events = result.events(verdicts)
            result.close()  # (the database must not be open while its folder is swapped)
            folder.write_dir(out_dir, {"events": events, **result.tables}, result.files,
                             lambda old: retired.append(folder.remove_in_thread(old)),
                             lambda staging: database_write.store_folder(out_dir, staging))
            record.dump("written", [fingerprint, folder.stamps(out_dir, _written(result))])
    for save in result.save:
        save()
    for thread in retired:
        thread.join()
    if timings is not None:
        timings.update(result.timings, write=time.perf_counter() - written)
    return result.counts


def _written(result: Extraction) -> list[str]:
    """The names, in the data folder, of what a build writes there."""
    tables = [f"{name}.csv" for name in ["events", *result.tables]]
    return [".", *tables, "texts", *(name for name in result.files if "/" not in name)]
