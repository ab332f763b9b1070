"""Articles as the steps across articles see them: what one source yields (`Article`), its
summary (`Summary`, kept in an `Index` so an unchanged article need not be loaded) and its rows
under the story's canonical actor names (`Names`).
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from dashboard.store import table
from dashboard.store.cache import SHARDS, ArticleCache
from dashboard.story import linking
from dashboard.story.roster import canonical_name

LINKED = ("story_event_id", "conflict", "status")
"""Event columns filled in across articles (story linking) and by curation."""
EXTRACTED = [column for column in table.EVENTS_COLUMNS if column not in LINKED]
"""Event columns one article yields, in table order."""
ACTORS, ATTRIBUTED = EXTRACTED.index("actors"), EXTRACTED.index("attributed_to")
FIGURE_ATTRIBUTED = list(table.FIGURES_COLUMNS).index("attributed_to")
LINK_FIELDS = [EXTRACTED.index(column) for column in linking.LINK_COLUMNS]
SENTENCE = EXTRACTED.index("sentence")
SENTENCE_LINKED = linking.LINK_COLUMNS.index("sentence")
PARTITION_FIELDS = [EXTRACTED.index(c) for c in ("kind", "date", "date_end", "precision",
                                                  "sentence", "date_text")]


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
    in the actor pool), the names its rows use, the partitions its events fall in (with a
    digest of its events there and which of its sentences they come from: indexes into
    `Index.sentences`) and each event's partition (an index into `parts`)."""

    actors: tuple[int, ...]
    names: tuple[str, ...]
    parts: tuple[tuple[tuple[str, ...], str, tuple[int, ...]], ...]
    event_parts: tuple[int, ...]


def digest(value: object) -> str:
    """A short stable hash of a value made of strings, bytes, numbers, tuples, lists and dicts.

    The value is serialised with `marshal` format 2, which writes equal values alike (later
    formats refer back to objects seen before, which depends on how the value was built).

    >>> digest(("a", 1)) == digest(tuple(["a", 1])) != digest(["a", 1])
    True
    """
    return hashlib.blake2b(marshal.dumps(value, 2), digest_size=16).hexdigest()


ID_SIZE = 12


def sentence_id(sentence: str) -> bytes:
    """A sentence's id: a hash of its text, so that summaries need not keep the text."""
    return hashlib.blake2b(sentence.encode(), digest_size=ID_SIZE).digest()


Sentences = tuple[tuple[bytes, tuple[str, ...]], ...]
"""An article's events' sentences: their ids (`sentence_id`) and content words."""


def summarise_sentences(article: Article) -> Sentences:
    """The sentences of an article's events, in order of first use."""
    found = dict.fromkeys(event[SENTENCE] for event in article.events)
    return tuple((sentence_id(s), tuple(sorted(linking.content_words(s)))) for s in found)


class SentenceStore(Mapping):
    """Each article's `Sentences` by key, kept in one file per first hex digit of the key and
    read only when asked for; an article missing from them is summarised again (`load`).

    They are kept packed (the ids as one string of bytes, the words as one string with each
    sentence's words between spaces, the sentences apart by "|"), which is quick to read and
    to search for words (`having`) without unpacking.
    """

    def __init__(self, cache: ArticleCache, load: Callable[[str], Article] | None = None):
        self.cache, self.load = cache, load
        self._shards: dict[str, dict[str, tuple[bytes, str]]] = {}
        self._unpacked: dict[str, Sentences] = {}
        self._ids: dict[str, tuple[bytes, ...]] = {}
        self.dirty: set[str] = set()

    def _shard(self, shard: str) -> dict[str, tuple[bytes, str]]:
        if shard not in self._shards:
            self._shards[shard] = self.cache.load(f"sentences-{shard}") or {}
        return self._shards[shard]

    def _entry(self, key: str) -> tuple[bytes, str]:
        shard = self._shard(key[0])
        if key not in shard:
            if self.load is None:
                raise KeyError(key)
            self.add(key, summarise_sentences(self.load(key)))
        return shard[key]

    def __getitem__(self, key: str) -> Sentences:
        if key not in self._unpacked:
            ids, words = self._entry(key)
            self._unpacked[key] = tuple(zip(_ids(ids), (tuple(w.split()) for w in words.split("|")),
                                            strict=True)) if ids else ()
        return self._unpacked[key]

    def ids(self, key: str) -> tuple[bytes, ...]:
        """The ids of an article's sentences."""
        if key in self._unpacked:
            return tuple(sentence for sentence, _ in self._unpacked[key])
        if key not in self._ids:
            self._ids[key] = _ids(self._entry(key)[0])
        return self._ids[key]

    def having(self, key: str, words: set[str]) -> bool:
        """Whether one of an article's sentences has one of these words."""
        packed = self._entry(key)[1]
        return any(f" {word} " in packed for word in words)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._shard(key[0])

    def __iter__(self) -> Iterator[str]:
        for shard in SHARDS:
            yield from self._shard(shard)

    def __len__(self) -> int:
        return sum(len(self._shard(shard)) for shard in SHARDS)

    def add(self, key: str, sentences: Sentences) -> None:
        ids = b"".join(sentence for sentence, _ in sentences)
        words = "|".join(f" {' '.join(found)} " for _, found in sentences)
        self._shard(key[0])[key] = (ids, words)
        self._unpacked[key] = sentences
        self.dirty.add(key[0])

    def save(self, keys: set[str]) -> None:
        """Write the files that changed, keeping only these articles in the files read."""
        for shard, entries in self._shards.items():
            if shard in self.dirty or entries.keys() - keys:
                self.cache.dump(f"sentences-{shard}",
                                {k: v for k, v in entries.items() if k in keys})


def _ids(packed: bytes) -> tuple[bytes, ...]:
    return tuple(packed[i : i + ID_SIZE] for i in range(0, len(packed), ID_SIZE))


class Index:
    """Every article's `Summary` by key, the pool of actors their ids point into, and the
    sentences of each article's events (`sentences`).

    The pool is kept in `index.marshal`, the summaries in one file per first hex digit of the
    key, so a rebuild rewrites only the files of the articles that changed.
    """

    def __init__(self, cache: ArticleCache):
        self.cache = cache
        self.pool: list[tuple] = cache.load("index") or []
        self._kept_pool = len(self.pool)
        self.summaries: dict[str, Summary] = {}
        for shard in SHARDS:
            for key, value in (cache.load(f"index-{shard}") or {}).items():
                self.summaries[key] = Summary(*value)
        if max((max(s.actors, default=-1) for s in self.summaries.values()),
               default=-1) >= len(self.pool):  # the pool was lost: start afresh
            self.summaries = {}
        self._dirty: set[str] = set()
        self.ids = {actor: i for i, actor in enumerate(self.pool)}
        self.fresh = not self.summaries
        """Whether no summaries were kept (so the cache may hold anything)."""
        self.parts = {part: part for s in self.summaries.values() for part, _, _ in s.parts}
        self.sentences = SentenceStore(cache)
        self.changed = False

    def add(self, key: str, article: Article, prepared: Prepared | None = None) -> None:
        """Summarise a newly extracted article (`prepared`: what `prepare` made of it)."""
        names, parts, event_parts, sentences = prepared or prepare(article)
        self.summaries[key] = Summary(
            actors=tuple(self._id(actor) for actor in article.actors),
            names=names,
            parts=tuple((self.parts.setdefault(part, part), events, used)
                        for part, events, used in parts),
            event_parts=event_parts,
        )
        self.sentences.add(key, sentences)
        self._dirty.add(key[0])
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
        if not self.changed and not self.sentences.dirty and self.summaries.keys() == set(keys):
            return False
        current = set(keys)
        self.sentences.save(current)
        if len(self.pool) != self._kept_pool:  # before the summaries that point into it
            self.cache.dump("index", self.pool)
        dirty = self._dirty | {key[0] for key in self.summaries.keys() - current}
        for shard in dirty:
            self.cache.dump(f"index-{shard}", {
                key: tuple(summary)
                for key, summary in self.summaries.items() if key[0] == shard and key in current
            })
        return True


Prepared = tuple
"""What `prepare` makes of an article: a `Summary`'s fields but its actors (names, parts,
event_parts), and its `Sentences`."""


def prepare(article: Article) -> Prepared:
    """The summary of an article that needs no other article (made where it is extracted)."""
    names = {n for e in article.events for n in e[ACTORS].split("; ") if n}
    names |= {e[ATTRIBUTED] for e in article.events if e[ATTRIBUTED]}
    names |= {f[FIGURE_ATTRIBUTED] for f in article.figures if f[FIGURE_ATTRIBUTED]}
    used = dict.fromkeys(e[SENTENCE] for e in article.events)
    sentences = {s: i for i, s in enumerate(used)}
    parts: dict[tuple, list[tuple]] = {}
    event_parts = []
    found = linking.partitions([[event[i] for i in PARTITION_FIELDS] for event in article.events])
    for event, part in zip(article.events, found, strict=True):
        event_parts.append(list(parts).index(part) if part in parts else len(parts))
        parts.setdefault(part, []).append(tuple(event[i] for i in LINK_FIELDS))
    summary_parts = tuple(
        (part, digest(rows),
         tuple(dict.fromkeys(sentences[row[SENTENCE_LINKED]] for row in rows)))
        for part, rows in parts.items()
    )
    return (tuple(sorted(names)), summary_parts, tuple(event_parts),
            summarise_sentences(article))


class Names:
    """The roster's canonical names: rows with actor names replaced (each value once)."""

    def __init__(self, renames: dict[str, str], actors: list[tuple]):
        self.renames = renames
        self.actors = actors
        self.digest = digest(sorted(renames.items()))
        self._lists: dict[str, str] = {}

    def name(self, value: str) -> str:
        return canonical_name(self.renames, value) if value else value

    def event(self, row: tuple) -> tuple:
        if not self.renames:
            return row
        return (*row[:ACTORS], self.actor_list(row[ACTORS]), row[ACTORS + 1],
                self.name(row[ATTRIBUTED]), *row[ATTRIBUTED + 1 :])

    def figure(self, row: tuple) -> tuple:
        if not self.renames:
            return row
        i = FIGURE_ATTRIBUTED
        return (*row[:i], self.name(row[i]), *row[i + 1 :])

    def actor_list(self, value: str) -> str:
        """A `; `-separated list of actor names under the canonical names."""
        if value not in self._lists:
            names = [self.name(n) for n in value.split("; ") if n]
            self._lists[value] = "; ".join(dict.fromkeys(names))
        return self._lists[value]

