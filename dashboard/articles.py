"""Articles as the steps across articles see them: what one source yields (`Article`), its
summary (`Summary`, kept in an `Index` so an unchanged article need not be loaded) and its rows
under the story's canonical actor names (`Names`).
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from dashboard import stories, table
from dashboard.actors import canonical_name
from dashboard.cache import ArticleCache

LINKED = ("story_event_id", "conflict", "status")
"""Event columns filled in across articles (story linking) and by curation."""
EXTRACTED = [column for column in table.EVENTS_COLUMNS if column not in LINKED]
"""Event columns one article yields, in table order."""
ACTORS, ATTRIBUTED = EXTRACTED.index("actors"), EXTRACTED.index("attributed_to")
FIGURE_ATTRIBUTED = list(table.FIGURES_COLUMNS).index("attributed_to")
LINK_FIELDS = [EXTRACTED.index(column) for column in stories.LINK_COLUMNS]
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


def digest(value: object) -> str:
    """A short stable hash of a value made of strings, numbers, tuples and lists."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


class Index:
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
                (part, digest(rows), tuple(dict.fromkeys(sentences[row[SENTENCE_LINKED]]
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

