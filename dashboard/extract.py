"""The extraction pipeline: a manifest of articles in, the four tables and source texts out.

Each article is extracted on its own (in parallel with `jobs` > 1) and cached by a key of its
text, its manifest row, the story's gazetteer and the code, so a rebuild re-extracts only what
changed. The steps across articles (`combine`) reuse what did not change either: the actor
roster for the same actors, the story links of each partition of events (`stories.partition`)
whose events are the same, and each article's table lines for the same canonical names. A
source file whose size and change stamps are unchanged is not read again (`dashboard.cache`).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from dashboard import curation, stories, table
from dashboard.actors import Actor, Roster, canonical_name, load_gazetteer, story_index
from dashboard.cache import ArticleCache, stamp
from dashboard.events import article_events
from dashboard.figures import article_figures
from dashboard.sentences import blocks, masked, sentences
from dashboard.sources import MANIFEST_COLUMNS, Source, read_manifest, read_source
from dashboard.timex import tag

STORY_FILES = ("story.json",)
"""Files beside the manifest that the build copies into the data directory as they are."""
LINKED = ("story_event_id", "conflict", "status")
"""Event columns filled in across articles (story linking) and by curation."""
EXTRACTED = [column for column in table.EVENTS_COLUMNS if column not in LINKED]
"""Event columns one article yields, in table order."""
ACTORS, ATTRIBUTED = EXTRACTED.index("actors"), EXTRACTED.index("attributed_to")
FIGURE_ATTRIBUTED = list(table.FIGURES_COLUMNS).index("attributed_to")
LINK_FIELDS = [EXTRACTED.index(column) for column in stories.LINK_COLUMNS]
CSV_SPECIAL = re.compile(r'[,"\r\n]')
"""Characters that may make CSV quote a cell (cells without any are written as they are)."""
SENTENCE = EXTRACTED.index("sentence")
SENTENCE_LINKED = stories.LINK_COLUMNS.index("sentence")
PARTITION_FIELDS = [EXTRACTED.index(c) for c in ("kind", "date", "date_end", "precision")]


class Article(NamedTuple):
    """What one source yields: its sources-table row, its events and figures (tuples in table
    column order: `EXTRACTED`, `table.FIGURES_COLUMNS`) and its actors (name, kind, aliases,
    description)."""

    source_row: dict
    events: list[tuple]
    figures: list[tuple]
    actors: list[tuple]


class Summary(NamedTuple):
    """What the steps across articles need of an article without loading it: its actors (ids
    in the actor pool), the names its rows use, its events' sentences with their content
    words, the partitions its events fall in (with a digest of its events there and the
    sentences they come from) and each event's partition (an index into `parts`)."""

    actors: tuple[int, ...]
    names: tuple[str, ...]
    sentences: tuple[tuple[str, tuple[str, ...]], ...]
    parts: tuple[tuple[tuple[str, ...], str, tuple[int, ...]], ...]
    event_parts: tuple[int, ...]


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


@dataclass
class Extraction:
    """A build's output before curation: each table's CSV lines (header first), the event ids
    in the order of the events' lines, and the files to write beside the tables."""

    tables: dict[str, list[str]]
    event_ids: list[str]
    files: dict[str, str | Path]


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
    index = _Index(cache)
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


def _digest(value: object) -> str:
    """A short stable hash of a value made of strings, numbers, tuples and lists."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


class _Index:
    """Every article's `Summary` by key, and the pool of actors their ids point into."""

    def __init__(self, cache: ArticleCache):
        self.cache = cache
        pool, summaries = cache.load("index") or ([], {})
        self.pool: list[tuple] = pool
        self.ids = {actor: i for i, actor in enumerate(pool)}
        self.summaries = {key: Summary(*value) for key, value in summaries.items()}
        self.changed = False

    def add(self, key: str, article: Article) -> None:
        """Summarise a newly extracted article."""
        names = {n for e in article.events for n in e[ACTORS].split("; ") if n}
        names |= {e[ATTRIBUTED] for e in article.events if e[ATTRIBUTED]}
        names |= {f[FIGURE_ATTRIBUTED] for f in article.figures if f[FIGURE_ATTRIBUTED]}
        sentences: dict[str, int] = {}
        parts: dict[tuple, list[tuple]] = {}
        event_parts = []
        for event in article.events:
            sentences.setdefault(event[SENTENCE], len(sentences))
            part = stories.partition(*(event[i] for i in PARTITION_FIELDS))
            event_parts.append(list(parts).index(part) if part in parts else len(parts))
            parts.setdefault(part, []).append(tuple(event[i] for i in LINK_FIELDS))
        self.summaries[key] = Summary(
            actors=tuple(self._id(actor) for actor in article.actors),
            names=tuple(sorted(names)),
            sentences=tuple((s, tuple(sorted(stories.content_words(s)))) for s in sentences),
            parts=tuple(
                (part, _digest(rows), tuple(dict.fromkeys(sentences[row[SENTENCE_LINKED]]
                                                          for row in rows)))
                for part, rows in parts.items()
            ),
            event_parts=tuple(event_parts),
        )
        self.changed = True

    def _id(self, actor: tuple) -> int:
        name, kind, aliases, description = actor
        entry = (name, kind, tuple(aliases), description)
        if entry not in self.ids:
            self.ids[entry] = len(self.pool)
            self.pool.append(entry)
        return self.ids[entry]

    def save(self, keys: list[str]) -> bool:
        """Keep the summaries of these articles and forget the others; False if there was
        nothing new to keep."""
        if not self.changed and self.summaries.keys() == set(keys):
            return False
        current = {key: tuple(self.summaries[key]) for key in keys}
        self.cache.dump("index", (self.pool, current))
        return True


class _Names:
    """The roster's canonical names: rows with actor names replaced (each value once)."""

    def __init__(self, renames: dict[str, str], actors: list[tuple]):
        self.renames = renames
        self.actors = actors
        self.digest = _digest(sorted(renames.items()))
        self._lists: dict[str, str] = {}

    def name(self, value: str) -> str:
        return canonical_name(self.renames, value) if value else value

    def event(self, row: tuple) -> tuple:
        if not self.renames:
            return row
        return (*row[:ACTORS], self._list(row[ACTORS]), row[ACTORS + 1],
                self.name(row[ATTRIBUTED]), *row[ATTRIBUTED + 1 :])

    def figure(self, row: tuple) -> tuple:
        if not self.renames:
            return row
        i = FIGURE_ATTRIBUTED
        return (*row[:i], self.name(row[i]), *row[i + 1 :])

    def _list(self, value: str) -> str:
        if value not in self._lists:
            names = [self.name(n) for n in value.split("; ") if n]
            self._lists[value] = "; ".join(dict.fromkeys(names))
        return self._lists[value]


def combine(
    keys: list[str],
    index: _Index,
    load: Callable[[str], Article],
    cache: ArticleCache,
    extras: list[dict],
    facts: list[dict],
) -> Extraction:
    """The tables of the articles with these keys (in order): one canonical name per actor
    (`Roster`), story events linked within each partition, and the sources with their further
    manifest columns (`extras`). Whatever the cache keeps for unchanged inputs is reused."""
    names = _roster(keys, index, cache)
    sentences: dict[str, tuple[str, ...]] = {}
    for key in keys:
        sentences.update(index.summaries[key].sentences)
    links = _links(keys, index, load, cache, names, stories.rare_words(sentences))
    lines = _article_lines(keys, load, cache, names)
    event_lines, event_ids = _event_lines(keys, index, lines, links)
    used = {names.name(n) for key in keys for n in index.summaries[key].names}
    actor_rows = [(name, kind, "; ".join(aliases), description)
                  for name, kind, aliases, description in names.actors if name in used]
    return Extraction(
        tables={
            "events": [_header(table.EVENTS_COLUMNS), *event_lines],
            "figures": [_header(table.FIGURES_COLUMNS),
                        *(line for key in keys for line in lines[key][2])],
            "actors": [_header(table.ACTORS_COLUMNS), *table.csv_lines(actor_rows)],
            "sources": _sources_lines(facts, extras),
        },
        event_ids=event_ids,
        files={},
    )


def _roster(keys: list[str], index: _Index, cache: ArticleCache) -> _Names:
    """The canonical names of the articles' actors (kept while their actors are the same)."""
    key = _digest([index.summaries[k].actors for k in keys])
    kept = cache.load("roster")
    if kept and kept[0] == key:
        return _Names(kept[1], kept[2])
    roster = Roster()
    for k in keys:
        for i in index.summaries[k].actors:
            name, kind, aliases, description = index.pool[i]
            roster.merge(Actor(name, kind, list(aliases), description))
    actors = [(a.name, a.kind, tuple(a.aliases), a.description)
              for a in sorted(roster.actors.values(), key=lambda a: a.name)]
    cache.dump("roster", (key, roster.renames, actors))
    return _Names(roster.renames, actors)


def _links(keys: list[str], index: _Index, load: Callable[[str], Article], cache: ArticleCache,
           names: _Names, rare: dict[str, tuple[str, ...]]) -> dict[tuple, tuple[list, list]]:
    """The story links of each partition: its events' story event ids and conflicts, in
    order, with the conflicts across the turn of each month (`stories.boundary_conflicts`).

    A partition is linked again only when its events changed: the digests of each article's
    events there, the rare words of their sentences and the canonical names make its
    signature; a turn of the month is compared again only when either month changed.
    """
    members: dict[tuple, list[tuple[str, int]]] = {}
    for key in keys:
        for n, part in enumerate(index.summaries[key].parts):
            members.setdefault(part[0], []).append((key, n))

    def columns(part: tuple) -> dict[str, list]:
        return _partition_columns(members[part], index, load, names)

    kept = _Kept(cache)
    signatures, links = {}, {}
    for part, contributions in members.items():
        signatures[part] = _digest((names.digest, part, [
            _contribution(index.summaries[key].sentences, *index.summaries[key].parts[n][1:],
                          rare=rare) for key, n in contributions]))
        links[part] = kept.get(signatures[part]) or kept.put(
            signatures[part], stories.link(columns(part), rare))
    for part, later in _turns(members):
        signature = "turn " + _digest((signatures[part], signatures[later]))
        if kept.get(signature) is None:
            earlier_columns, later_columns = columns(part), columns(later)
            both = {name: earlier_columns[name] + later_columns[name] for name in earlier_columns}
            split = len(earlier_columns["event_id"])
            notes = stories.boundary_conflicts(both, split, f"{later[1]}-01", rare)
            kept.put(signature, (notes[:split], notes[split:]))
        before, after = kept.get(signature)
        links[part] = _with_notes(links[part], before)
        links[later] = _with_notes(links[later], after)
    kept.save()
    return links


class _Kept:
    """Story links by signature: those the last build kept, and those this build uses."""

    def __init__(self, cache: ArticleCache):
        self.cache = cache
        self.old: dict[str, tuple] = cache.load("links") or {}
        self.used: dict[str, tuple] = {}

    def get(self, signature: str) -> tuple | None:
        value = self.used.get(signature) or self.old.get(signature)
        if value is not None:
            self.used[signature] = value
        return value

    def put(self, signature: str, value: tuple) -> tuple:
        self.used[signature] = value
        return value

    def save(self) -> None:
        if self.used.keys() != self.old.keys():
            self.cache.dump("links", self.used)


def _turns(members: dict[tuple, list]) -> Iterator[tuple[tuple, tuple]]:
    """Consecutive months of one happening kind, as pairs of partitions."""
    for part in members:
        if len(part) == 2 and part[0] in stories.HAPPENINGS:
            try:
                year, month = map(int, part[1].split("-"))
            except ValueError:
                continue
            later = (part[0], f"{year + month // 12:04d}-{month % 12 + 1:02d}")
            if later in members:
                yield part, later


def _with_notes(links: tuple[list, list], notes: list[str]) -> tuple[list, list]:
    """Links with more conflict notes added."""
    if not any(notes):
        return links
    story_ids, conflicts = links
    return story_ids, [("; ".join(dict.fromkeys([old, new])) if old else new) if new else old
                       for old, new in zip(conflicts, notes, strict=True)]


def _contribution(sentences: tuple, digest: str, used: tuple[int, ...],
                  rare: dict[str, tuple[str, ...]]) -> tuple:
    """What an article brings to a partition: the digest of its events there and the rare
    words of the `used` ones of its `sentences`."""
    return digest, [rare[sentences[i][0]] for i in used]


def _partition_columns(contributions: list[tuple[str, int]], index: _Index,
                       load: Callable[[str], Article], names: _Names) -> dict[str, list]:
    """The linked columns of one partition's events, from the articles with events there."""
    columns: dict[str, list] = {column: [] for column in stories.LINK_COLUMNS}
    for key, n in contributions:
        article = load(key)
        for event, part in zip(article.events, index.summaries[key].event_parts, strict=True):
            if part == n:
                renamed = names.event(event)
                for column, field in zip(stories.LINK_COLUMNS, LINK_FIELDS, strict=True):
                    columns[column].append(renamed[field])
    return columns


def _article_lines(keys: list[str], load: Callable[[str], Article], cache: ArticleCache,
                   names: _Names) -> dict[str, tuple]:
    """Each article's table lines (see `_render`): kept ones where the canonical names are the
    same, else rendered again."""
    lines = cache.lines()
    current = set(keys)
    changed = {key for key in lines if key not in current}
    for key in changed:
        del lines[key]
    for key in keys:
        if key not in lines or lines[key][0] != names.digest:
            lines[key] = _render(load(key), names)
            changed.add(key)
    cache.keep_lines(lines, changed)
    return lines


def _render(article: Article, names: _Names) -> tuple[str, list[str], list[str], list[str]]:
    """An article's table lines under these canonical names: (names digest, its events'
    lines without the linked columns, its figures' lines, its event ids)."""
    events = [line[:-1] + "," for line in table.csv_lines(map(names.event, article.events))]
    figures = table.csv_lines(map(names.figure, article.figures))
    return names.digest, events, figures, [event[0] for event in article.events]


def _event_lines(keys: list[str], index: _Index, lines: dict[str, tuple],
                 links: dict[tuple, tuple[list[str], list[str]]]) -> tuple[list[str], list[str]]:
    """The events' lines with their story links and status (auto), and their event ids."""
    position = dict.fromkeys(links, 0)
    out: list[str] = []
    ids: list[str] = []
    for key in keys:
        summary = index.summaries[key]
        for start, n in zip(lines[key][1], summary.event_parts, strict=True):
            part = summary.parts[n][0]
            story_ids, conflicts = links[part]
            i = position[part]
            position[part] = i + 1
            out.append(f"{start}{story_ids[i]},{_cell(conflicts[i])},auto\n")
        ids += lines[key][3]
    return out, ids


def _cell(value: str) -> str:
    """One text cell as CSV writes it (quoted only if it must be).

    >>> _cell('Harbor Daily dates this 2025-01-09 (Jan. 9, 2025)')
    '"Harbor Daily dates this 2025-01-09 (Jan. 9, 2025)"'
    """
    if not CSV_SPECIAL.search(value):
        return value
    return table.csv_lines([[value]])[0][:-1]


def _header(columns: Iterable[str]) -> str:
    return table.csv_lines([list(columns)])[0]


def _sources_lines(facts: list[dict], extras: list[dict]) -> list[str]:
    """The sources table: the schema's columns, then the manifest's further columns."""
    further = list(dict.fromkeys(name for row in extras for name in row))
    columns = [*table.SOURCES_COLUMNS, *further]
    rows = ([*(row[c] for c in table.SOURCES_COLUMNS), *(x.get(c, "") for c in further)]
            for row, x in zip(facts, extras, strict=True))
    return [_header(columns), *table.csv_lines(rows)]


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
