"""Story links partition by partition (`linking.partition`), reused between builds.

A partition's links depend on its events alone (and the rare words of their sentences), so a
rebuild links again only the partitions whose events changed. A partition's signature says what
its links depend on: the canonical names, and for each article with events there, the digest
of those events and the rare words of their sentences. Each partition keeps in its own cache
file (`parts/<digest>.marshal`) the linked columns of its events (by the digest of each
article's events there), its links (by signature) and the conflicts across the turn of the month
into the next one (by both signatures), so a rebuild reads only the partitions it needs.
"""

from __future__ import annotations

import array
import hashlib
from collections.abc import Callable, Iterator

from dashboard.store.article_index import LINK_FIELDS, Article, Index, Names, digest, sentence_id
from dashboard.store.cache import ArticleCache
from dashboard.store.rare_words import RareWords
from dashboard.story import linking

Links = tuple[list[str], list[str]]
"""A partition's story event ids and conflict notes, one each per event in order."""
ACTORS = linking.LINK_COLUMNS.index("actors")


class Partitions:
    """The partitions of a build's events, their signatures and, on request, their links.

    `previous` is what the last build recorded of each partition (`record`): the digest of its
    articles, its signature and its final signature (which also covers the turns of the month
    that add conflicts to it); a partition whose final signature is the same has the same links.
    `moved` are the articles whose place in the order changed since then (None: any may have).
    """

    def __init__(self, keys: list[str], index: Index, load: Callable[[str], Article],
                 cache: ArticleCache, names: Names, rare: RareWords, previous: dict,
                 moved: set[str] | None = None):
        self.index, self.load, self.cache, self.names, self.rare = index, load, cache, names, rare
        self.members: dict[tuple, list[tuple[str, int]]] = {}
        for key in keys:
            for n, part in enumerate(index.summaries[key].parts):
                self.members.setdefault(part[0], []).append((key, n))
        self.previous = previous
        if moved is not None and any(key not in index.summaries for key in moved):
            moved = None
        shifted = set() if moved is None else {
            part for key in moved for part, _, _ in index.summaries[key].parts}
        self.member_digests = {
            part: previous[part][0]
            if moved is not None and part not in shifted and part in previous
            else _members_digest(names.digest, part, members)
            for part, members in self.members.items()}
        self._affected = None if rare.touched is None else {
            part for key in rare.touched for part, _, _ in index.summaries[key].parts}
        self.signatures = {part: self._signature(part) for part in self.members}
        self.applied: dict[tuple, list[tuple[str, int]]] = {part: [] for part in self.members}
        self.turns: dict[str, tuple[tuple, tuple]] = {}
        for part, later in _turns(self.members):
            turn = "turn " + digest((self.signatures[part], self.signatures[later]))
            self.turns[turn] = (part, later)
            self.applied[part].append((turn, 0))
            self.applied[later].append((turn, 1))
        self.finals = {part: digest((self.signatures[part], self.applied[part]))
                       for part in self.members}
        self._stores: dict[tuple, dict] = {}
        self._changed: set[tuple] = set()
        self._links: dict[tuple, Links] = {}
        self._offsets: dict[tuple, dict[tuple[str, int], int]] = {}
        self._made: dict[tuple, dict[str, list]] = {}

    def touched(self) -> set[tuple]:
        """The partitions whose links may differ from the last build's."""
        return {part for part, final in self.finals.items()
                if part not in self.previous or self.previous[part][2] != final}

    def record(self) -> dict:
        """What the next build needs to know of this one's partitions (its `previous`)."""
        return {part: (self.member_digests[part], self.signatures[part], self.finals[part])
                for part in self.members}

    def _signature(self, part: tuple) -> str:
        old = self.previous.get(part)
        if (old and old[0] == self.member_digests[part] and self._affected is not None
                and part not in self._affected):
            return old[1]
        contributions = []
        rare = self.rare.rare
        for key, n in self.members[part]:
            _, events, used = self.index.summaries[key].parts[n]
            ids = self.index.sentences.ids(key)
            contributions.append((events, [rare.get(ids[i], ()) for i in used]))
        return digest((self.names.digest, part, contributions))

    def links(self, part: tuple) -> Links:
        """A partition's final links: its own, with the conflicts across each turn of the
        month added in the order the turns come."""
        if part not in self._links:
            store = self._store(part)
            links = store["links"].get(self.signatures[part])
            if links is None:
                columns = self._columns(part)
                links = linking.link(columns, self._rare(columns))
                store["links"][self.signatures[part]] = links
                self._changed.add(part)
            for turn, side in self.applied[part]:
                links = _with_notes(links, self._turn(turn)[side])
            self._links[part] = links
        return self._links[part]

    def position(self, part: tuple, key: str, n: int) -> int:
        """Where the events of article `key` in its `n`th partition start in `links(part)`."""
        if part not in self._offsets:
            offsets, start = {}, 0
            for member in self.members[part]:
                offsets[member] = start
                start += self.index.summaries[member[0]].event_parts.count(member[1])
            self._offsets[part] = offsets
        return self._offsets[part][key, n]

    def _turn(self, turn: str) -> tuple[list[str], list[str]]:
        """The conflict notes across a turn of the month, for the earlier and later month."""
        part, later = self.turns[turn]
        store = self._store(part)
        notes = store["turns"].get(turn)
        if notes is None:
            earlier_columns, later_columns = self._columns(part), self._columns(later)
            both = {name: earlier_columns[name] + later_columns[name] for name in earlier_columns}
            split = len(earlier_columns["event_id"])
            found = linking.boundary_conflicts(both, split, f"{later[1]}-01", self._rare(both))
            notes = store["turns"][turn] = (found[:split], found[split:])
            self._changed.add(part)
        return notes

    def _columns(self, part: tuple) -> dict[str, list]:
        """The linked columns of a partition's events, under the canonical names (made once
        a build: a partition's links and its two turns of the month read them)."""
        if part not in self._made:
            self._made[part] = self._make_columns(part)
        return self._made[part]

    def _make_columns(self, part: tuple) -> dict[str, list]:
        store = self._store(part)
        columns: dict[str, list] = {column: [] for column in linking.LINK_COLUMNS}
        lists = list(columns.values())
        for key, n in self.members[part]:
            events = self.index.summaries[key].parts[n][1]
            rows = store["rows"].get(events)
            if rows is None:
                article, parts = self.load(key), self.index.summaries[key].event_parts
                rows = [tuple(event[i] for i in LINK_FIELDS)
                        for event, p in zip(article.events, parts, strict=True) if p == n]
                store["rows"][events] = rows
                self._changed.add(part)
            for row in rows:
                for values, value in zip(lists, row, strict=True):
                    values.append(value)
        if self.names.renames:
            columns["actors"] = [self.names.actor_list(value) for value in columns["actors"]]
        return columns

    def _rare(self, columns: dict[str, list]) -> dict[str, tuple[str, ...]]:
        return {s: self.rare.of(sentence_id(s)) for s in set(columns["sentence"])}

    def _store(self, part: tuple) -> dict:
        if part not in self._stores:
            kept = self.cache.load(_store_name(part))
            self._stores[part] = kept if kept else {"rows": {}, "links": {}, "turns": {}}
        return self._stores[part]

    def save(self) -> None:
        """Write the partition files this build added to, keeping only what it used."""
        for part in self._changed:
            store = self._stores[part]
            rows = {self.index.summaries[key].parts[n][1] for key, n in self.members[part]}
            turns = {turn for turn, (earlier, _) in self.turns.items() if earlier == part}
            self.cache.dump(_store_name(part), {
                "rows": {d: r for d, r in store["rows"].items() if d in rows},
                "links": {s: v for s, v in store["links"].items()
                          if s == self.signatures[part]},
                "turns": {t: v for t, v in store["turns"].items() if t in turns},
            })
        if self.previous.keys() - self.members.keys():
            self.cache.prune_folder("parts", {_store_name(part)[6:] for part in self.members})


def _members_digest(names: str, part: tuple, members: list[tuple[str, int]]) -> str:
    """A digest of a partition's articles (keys and which of their partitions it is)."""
    keys = "".join(key for key, _ in members)
    ns = array.array("I", [n for _, n in members]).tobytes()
    return hashlib.blake2b(f"{names}{part!r}{keys}".encode() + ns, digest_size=16).hexdigest()


def _store_name(part: tuple) -> str:
    return f"parts/{digest(part)}"


def _turns(members: dict[tuple, list]) -> Iterator[tuple[tuple, tuple]]:
    """Consecutive months of one happening kind, as pairs of partitions."""
    for part in members:
        if len(part) == 2 and part[0] in linking.HAPPENINGS:
            try:
                year, month = map(int, part[1].split("-"))
            except ValueError:
                continue
            later = (part[0], f"{year + month // 12:04d}-{month % 12 + 1:02d}")
            if later in members:
                yield part, later


def _with_notes(links: Links, notes: list[str]) -> Links:
    """Links with more conflict notes added."""
    if not any(notes):
        return links
    story_ids, conflicts = links
    return story_ids, [("; ".join(dict.fromkeys([old, new])) if old else new) if new else old
                       for old, new in zip(conflicts, notes, strict=True)]
