"""The steps across articles: one canonical name per actor, story events linked within each
partition, and the tables' lines.

Each step reuses what the cache keeps for unchanged inputs: the actor roster for the same
actors, the rare words of the sentences (`rare_words`), the story links of each partition of
events whose events are the same (`partition_links`), and each article's table lines
(`table_lines`). The build's state (`state.marshal`: the rare word counts, each partition's
signatures, the stamps of the rendered lines' files and the size of their line files) ties them
to the last build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.extract.actors import Actor
from dashboard.store import table
from dashboard.store.article_index import Article, Index, Names, digest
from dashboard.store.cache import ArticleCache
from dashboard.store.partition_links import Partitions
from dashboard.store.rare_words import RareWords
from dashboard.store.table_lines import Rendered
from dashboard.story.roster import Roster


@dataclass
class Extraction:
    """A build's output: each table's lines (header first; the events table made by `events`
    with the curation applied, as `curation.latest` gives it), each table's number of rows,
    the files to write beside the tables, a digest that differs whenever any of that would
    (the curation aside), what keeps the cache for the next build (`save`, once the tables are
    written) and the time its phases took (`progress.Clock`)."""

    tables: dict[str, list[str] | list[bytes]]
    events: Callable[[Mapping[str, Mapping[str, str]]], list[bytes]]
    counts: dict[str, int]
    files: dict[str, str | Path]
    fingerprint: str = ""
    save: list[Callable[[], None]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    refused: list[dict[str, str]] = field(default_factory=list)
    close: Callable[[], None] = lambda: None
    """Close what the extraction keeps open (the story database)."""


def combine(
    keys: list[str],
    index: Index,
    load: Callable[[str], Article],
    cache: ArticleCache,
    extras: list[dict],
    facts: list[dict],
    paths: list[str],
) -> Extraction:
    """The tables of the articles with these keys (in order): one canonical name per actor
    (`Roster`), story events linked within each partition, and the sources with their further
    manifest columns (`extras`; `paths`: the rows' files). Whatever the cache keeps for
    unchanged inputs is reused."""
    names = _roster(keys, index, cache)
    state = cache.load("state") or {}
    generation = os.urandom(8).hex()
    rare = RareWords(state.get("words"), cache)
    index.sentences.load = load
    rare.update(keys, index.sentences)
    partitions = Partitions(keys, index, load, cache, names, rare, state.get("parts", {}),
                            _moved(state.get("keys"), keys, state.get("names") == names.digest))
    rendered = Rendered(cache, state.get("shards", {}), generation, state.get("lines"))
    rendered.update(keys, index, load, names, partitions)

    def save() -> None:
        partitions.save()
        record = partitions.record()
        if rare.dirty or rendered.dirty or record != state.get("parts"):
            shards, lines = rendered.save()
            cache.dump("state", {"words": rare.state(generation), "parts": record,
                                 "shards": shards, "lines": lines, "keys": keys,
                                 "names": names.digest})
        rendered.close()
        rendered.prune()
    actor_rows = [(name, kind, "; ".join(aliases), description)
                  for name, kind, aliases, description in names.actors]
    actor_lines = [_header(table.ACTORS_COLUMNS), *table.csv_lines(actor_rows)]
    source_lines = _sources_lines(facts, extras, paths, cache)
    return Extraction(
        tables={
            "figures": rendered.figures(keys),
            "actors": actor_lines,
            "sources": source_lines,
        },
        fingerprint=digest((keys, sorted(rendered.final_stamps().items()), actor_lines,
                            source_lines)),
        save=[save],
        events=lambda verdicts: rendered.events(keys, verdicts),
        counts={
            "events": sum(len(index.summaries[key].event_parts) for key in keys),
            "figures": rendered.figure_count(keys),
            "actors": len(actor_rows),
            "sources": len(facts),
        },
        files={},
    )


def _moved(before: list[str] | None, keys: list[str], same_names: bool) -> set[str] | None:
    """The articles that came, went or moved since the last build's order `before` (None:
    unknown, or any: the canonical names changed)."""
    if before is None or not same_names or len(before) != len(keys):
        return None
    return {key for pair in zip(before, keys, strict=True) if pair[0] != pair[1] for key in pair}


def _roster(keys: list[str], index: Index, cache: ArticleCache) -> Names:
    """The canonical names of the articles' actors (kept while their actors are the same)."""
    key = digest([index.summaries[k].actors for k in keys])
    kept = cache.load("roster")
    if kept and kept[0] == key:
        return Names(kept[1], kept[2])
    roster = Roster()
    for k in keys:
        for i in index.summaries[k].actors:
            name, kind, aliases, description = index.pool[i]
            roster.merge(Actor(name, kind, list(aliases), description))
    actors = [(a.name, a.kind, tuple(a.aliases), a.description)
              for a in sorted(roster.actors.values(), key=lambda a: a.name)]
    cache.dump("roster", (key, roster.renames, actors))
    return Names(roster.renames, actors)


def _header(columns: Iterable[str]) -> str:
    return table.csv_lines([list(columns)])[0]


def _sources_lines(facts: list[dict], extras: list[dict], paths: list[str],
                   cache: ArticleCache) -> list[str]:
    """The sources table: the schema's columns, then the manifest's further columns; each
    row's line is remembered with its file's row in the cache (`paths`: the rows' files)."""
    further = list(dict.fromkeys(name for row in extras for name in row))
    columns = (*table.SOURCES_COLUMNS, *further)
    lines = [cache.source_line(path, columns) for path in paths]
    missing = [i for i, line in enumerate(lines) if line is None]
    rows = ([*(facts[i][c] for c in table.SOURCES_COLUMNS), *(extras[i].get(c, "")
                                                               for c in further)]
            for i in missing)
    for i, line in zip(missing, table.csv_lines(rows), strict=True):
        lines[i] = line
        cache.remember_line(paths[i], columns, line)
    return [_header(columns), *lines]
