"""The extraction pipeline: a manifest of articles in, the four tables and source texts out.

Each article is extracted on its own (in parallel with `jobs` > 1) and its result cached by a key
of its text, its manifest row, the story's gazetteer and the code, so a rebuild re-extracts only
what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard import curation, stories, table
from dashboard.actors import Actor, ActorIndex, Roster, load_gazetteer, story_index
from dashboard.events import article_events
from dashboard.figures import article_figures
from dashboard.sentences import blocks, masked, sentences
from dashboard.sources import Source, SourceError, read_manifest, read_source
from dashboard.timex import tag

STORY_FILES = ("story.json",)
"""Files beside the manifest that the build copies into the data directory as they are."""


@dataclass
class Article:
    """What one source yields: its sources-table row, events, figures and actor index."""

    source_row: dict
    events: list[dict]
    figures: list[dict]
    index: ActorIndex


def analyse(source: Source, gazetteer: list[Actor], manifest_dir: Path) -> Article:
    """Extract events, figures and actors from one article."""
    article_blocks = blocks(source.text)
    visible = masked(source.text, article_blocks)
    article_sentences = sentences(source.text, article_blocks)
    timexes = tag(visible, source.published)
    index = story_index(visible, gazetteer)
    mentions = index.mentions(visible)
    row = {
        "source_id": source.source_id,
        "path": source.path.relative_to(manifest_dir).as_posix()
        if source.path.is_relative_to(manifest_dir) else source.path.as_posix(),
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
    return Article(
        source_row=row,
        events=article_events(row, article_sentences, timexes, mentions),
        figures=article_figures(row, article_sentences, timexes, mentions),
        index=index,
    )


Progress = Callable[[int, int], None]


def extract(
    manifest: str | Path,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """All tables for a manifest, and the files to keep beside them (source texts...)."""
    manifest = Path(manifest)
    story_actors = manifest.parent / "actors.csv"
    gazetteer = load_gazetteer(story_actors) if story_actors.exists() else []
    gazetteer_key = story_actors.read_bytes() if story_actors.exists() else b""
    sources, files = [], {}
    for row in read_manifest(manifest):
        source = read_source(row)
        if f"texts/{source.source_id}.txt" in files:
            raise SourceError(f"{source.path}: another source has the same file name")
        sources.append(source)
        files[f"texts/{source.source_id}.txt"] = source.text
    base = manifest.parent.resolve()
    keys = [_cache_key(source, gazetteer_key) for source in sources]
    cache = Path(cache_dir) if cache_dir else None
    articles: list[Article | None] = [_cached(cache, key) for key in keys]
    missing = [i for i, article in enumerate(articles) if article is None]
    work = [(sources[i], gazetteer, base) for i in missing]
    done = len(sources) - len(missing)
    for i, article in zip(missing, _run(work, jobs), strict=True):
        articles[i] = article
        _store(cache, keys[i], article)
        done += 1
        if progress:
            progress(done, len(sources))
    for name in STORY_FILES:
        if (manifest.parent / name).exists():
            files[name] = (manifest.parent / name).read_text(encoding="utf-8")
    return tables_of([a for a in articles if a is not None]), files


def _analyse_args(args: tuple[Source, list[Actor], Path]) -> Article:
    return analyse(*args)


def _run(work: list[tuple[Source, list[Actor], Path]], jobs: int):
    """Analyse articles in order, in `jobs` processes when there is enough work to share."""
    if jobs <= 1 or len(work) < 2:
        yield from map(_analyse_args, work)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_analyse_args, work, chunksize=max(1, min(64, len(work) // jobs // 4)))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data files: a new version invalidates the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.csv")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(source: Source, gazetteer: bytes) -> str:
    facts = json.dumps([source.source_id, source.url, source.title, source.outlet,
                        source.author, source.published, source.published_inferred,
                        str(source.path.name)])
    digest = hashlib.sha256(f"{code_version()}|{source.sha256}|{facts}|".encode())
    digest.update(gazetteer)
    return digest.hexdigest()[:32]


def _cached(cache: Path | None, key: str) -> Article | None:
    """The cached article for `key`, or None (absent or unreadable entries are recomputed)."""
    if cache is None:
        return None
    try:
        raw = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        return Article(
            source_row=raw["source_row"],
            events=raw["events"],
            figures=raw["figures"],
            index=ActorIndex([Actor(**a) for a in raw["actors"]]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(cache: Path | None, key: str, article: Article) -> None:
    """Write a cache entry atomically; a cache that cannot be written is skipped."""
    if cache is None:
        return
    entry = {
        "source_row": article.source_row,
        "events": article.events,
        "figures": article.figures,
        "actors": [asdict(a) for a in article.index.actors.values()],
    }
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temporary = cache / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(temporary, cache / f"{key}.json")
    except OSError:
        pass


def tables_of(articles: list[Article]) -> dict[str, pd.DataFrame]:
    """Combine articles into the four tables, with one canonical name per actor."""
    roster = Roster()
    for article in articles:
        for actor in article.index.actors.values():
            roster.merge(actor)
    events = stories.link([_renamed(e, roster) for a in articles for e in a.events])
    figures = [_renamed(f, roster) for a in articles for f in a.figures]
    used = {name for e in events for name in e["actors"].split("; ") if name}
    used |= {row["attributed_to"] for row in [*events, *figures] if row["attributed_to"]}
    actor_rows = [
        {"name": a.name, "kind": a.kind, "aliases": "; ".join(a.aliases),
         "description": a.description}
        for a in sorted(roster.actors.values(), key=lambda a: a.name)
        if a.name in used
    ]
    return {
        "events": table.frame(events, table.EVENTS_COLUMNS),
        "figures": table.frame(figures, table.FIGURES_COLUMNS),
        "actors": table.frame(actor_rows, table.ACTORS_COLUMNS),
        "sources": table.frame([a.source_row for a in articles], table.SOURCES_COLUMNS),
    }


def _renamed(row: dict, roster: Roster) -> dict:
    """The row with actor names replaced by their canonical names."""
    if not roster.renames:
        return row
    row = dict(row)
    if "actors" in row:
        names = [roster.canonical(n) for n in row["actors"].split("; ") if n]
        row["actors"] = "; ".join(dict.fromkeys(names))
    if row["attributed_to"]:
        row["attributed_to"] = roster.canonical(row["attributed_to"])
    return row


def build(
    manifest: str | Path,
    out_dir: str | Path,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: bool = True,
) -> dict[str, pd.DataFrame]:
    """Extract a manifest into `out_dir`, replacing its tables atomically.

    The per-article cache lives beside `out_dir` (`.<name>.cache/`), outside the swapped folder.
    """
    out_dir = Path(out_dir)
    cache_dir = out_dir.parent / f".{out_dir.name}.cache" if cache else None
    tables, files = extract(manifest, jobs=jobs, cache_dir=cache_dir, progress=progress)
    with curation.locked(out_dir):
        tables["events"] = curation.apply(tables["events"], curation.read(out_dir))
        table.write_dir(out_dir, tables, files)
    return tables


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
