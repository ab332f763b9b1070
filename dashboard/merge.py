"""The steps across articles: one canonical name per actor, story events linked within each
partition, and the tables' CSV lines.

Each step reuses what the cache keeps for unchanged inputs: the actor roster for the same
actors, the story links of each partition of events (`stories.partition`) whose events are the
same, and each article's table lines for the same canonical names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dashboard import stories, table
from dashboard.actors import Actor, Roster
from dashboard.articles import LINK_FIELDS, Article, Index, Names, digest
from dashboard.cache import ArticleCache

CSV_SPECIAL = re.compile(r'[,"\r\n]')
"""Characters that may make CSV quote a cell (cells without any are written as they are)."""


@dataclass
class Extraction:
    """A build's output before curation: each table's CSV lines (header first), the event ids
    in the order of the events' lines, and the files to write beside the tables."""

    tables: dict[str, list[str]]
    event_ids: list[str]
    files: dict[str, str | Path]


def combine(
    keys: list[str],
    index: Index,
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


def _links(keys: list[str], index: Index, load: Callable[[str], Article], cache: ArticleCache,
           names: Names, rare: dict[str, tuple[str, ...]]) -> dict[tuple, tuple[list, list]]:
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
        signatures[part] = digest((names.digest, part, [
            _contribution(index.summaries[key].sentences, *index.summaries[key].parts[n][1:],
                          rare=rare) for key, n in contributions]))
        links[part] = kept.get(signatures[part]) or kept.put(
            signatures[part], stories.link(columns(part), rare))
    for part, later in _turns(members):
        signature = "turn " + digest((signatures[part], signatures[later]))
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


def _partition_columns(contributions: list[tuple[str, int]], index: Index,
                       load: Callable[[str], Article], names: Names) -> dict[str, list]:
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
                   names: Names) -> dict[str, tuple]:
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


def _render(article: Article, names: Names) -> tuple[str, list[str], list[str], list[str]]:
    """An article's table lines under these canonical names: (names digest, its events'
    lines without the linked columns, its figures' lines, its event ids)."""
    events = [line[:-1] + "," for line in table.csv_lines(map(names.event, article.events))]
    figures = table.csv_lines(map(names.figure, article.figures))
    return names.digest, events, figures, [event[0] for event in article.events]


def _event_lines(keys: list[str], index: Index, lines: dict[str, tuple],
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

