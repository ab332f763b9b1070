"""Each article's table lines as they go into the files, kept between builds.

An article's events are CSV lines (`table.csv_lines`) under the story's canonical names, each
ending in its story links (`links.Partitions`) and status; its figures are CSV lines too. Both
are kept as UTF-8 bytes, so writing the tables is joining them. A rebuild renders an article
again only when it is new, when the canonical names changed, or when the links of a partition
it has events in changed (and then only if its own events' links did).

Entries are kept in one file per first hex digit of the article's key, each stamped with the
build that wrote it; the build's state (`merge`) names the stamp each file must have, so a file
left from an interrupted build is not trusted.
"""

from __future__ import annotations

import array
import re
from collections.abc import Callable, Mapping

from dashboard import curation, table
from dashboard.articles import Article, Index, Names, Summary
from dashboard.cache import SHARDS, ArticleCache
from dashboard.links import Partitions

CSV_SPECIAL = re.compile(r'[,"\r\n]')
"""Characters that may make CSV quote a cell (cells without any are written as they are)."""

Entry = tuple[str, bytes, bytes, bytes, str, int]
"""An article's rendered lines: the digest of the canonical names they use, its events' lines,
the byte length of each line without its links and with them (`array('I')`, in pairs), its
figures' lines, its event ids (comma-separated) and its number of figures."""


class Rendered:
    """The rendered lines of every article, by key."""

    def __init__(self, cache: ArticleCache, stamps: Mapping[str, str], generation: str):
        self.cache, self.generation = cache, generation
        self.entries: dict[str, Entry] = {}
        self.stamps = dict(stamps)
        for shard in SHARDS:
            kept = cache.load(f"rendered-{shard}")
            if kept and kept[0] == self.stamps.get(shard):
                self.entries.update(kept[1])
        self.dirty: set[str] = set()

    def update(self, keys: list[str], index: Index, load: Callable[[str], Article],
               names: Names, partitions: Partitions) -> None:
        """Render what changed, so that `entries` holds every article's current lines."""
        touched = partitions.touched()
        affected = {key for part in touched for key, _ in partitions.members[part]}
        for key in keys:
            entry = self.entries.get(key)
            if entry is not None and entry[0] == names.digest and key not in affected:
                continue
            summary = index.summaries[key]
            if entry is None or entry[0] != names.digest:
                entry, only = _render(load(key), names), None
            else:
                only = touched
            updated = _with_links(entry, _links(key, summary, partitions, only))
            if updated != self.entries.get(key):
                self.entries[key] = updated
                self.dirty.add(key[0])
        current = set(keys)
        for key in [key for key in self.entries if key not in current]:
            del self.entries[key]
            self.dirty.add(key[0])

    def final_stamps(self) -> dict[str, str]:
        """Each file's stamp once `save` has written the files that changed."""
        return self.stamps | dict.fromkeys(self.dirty, self.generation)

    def save(self) -> dict[str, str]:
        """Write the files whose entries changed; returns each file's stamp, for the state."""
        for shard in self.dirty:
            entries = {k: v for k, v in self.entries.items() if k[0] == shard}
            self.cache.dump(f"rendered-{shard}", (self.generation, entries))
        self.stamps = self.final_stamps()
        return self.stamps

    def events(self, keys: list[str], verdicts: Mapping[str, Mapping[str, str]]) -> list[bytes]:
        """The events table (header first) with the curation (`curation.latest`) applied."""
        chunks = [_header(table.EVENTS_COLUMNS)]
        for key in keys:
            _, lines, lengths, _, ids, _ = self.entries[key]
            if verdicts and any(i in verdicts for i in ids.split(",")):
                lines = _curated(lines, lengths, ids, verdicts)
            chunks.append(lines)
        return chunks

    def figures(self, keys: list[str]) -> list[bytes]:
        """The figures table, header first."""
        return [_header(table.FIGURES_COLUMNS), *(self.entries[key][3] for key in keys)]

    def figure_count(self, keys: list[str]) -> int:
        return sum(self.entries[key][5] for key in keys)


def _links(key: str, summary: Summary, partitions: Partitions,
           only: set[tuple] | None) -> list[str | None]:
    """The link cells and status of an article's events, as they end its lines (None for the
    events outside the partitions `only`, when given)."""
    cells: list[str | None] = []
    seen: dict[int, int] = {}
    for n in summary.event_parts:
        part = summary.parts[n][0]
        i = seen.get(n, 0)
        seen[n] = i + 1
        if only is not None and part not in only:
            cells.append(None)
            continue
        i += partitions.position(part, key, n)
        story_ids, conflicts = partitions.links(part)
        cells.append(f"{story_ids[i]},{_cell(conflicts[i])},auto\n")
    return cells


def _render(article: Article, names: Names) -> Entry:
    """An article's lines under these canonical names, without their links yet."""
    starts = [line[:-1] + "," for line in table.csv_lines(map(names.event, article.events))]
    figures = "".join(table.csv_lines(map(names.figure, article.figures))).encode()
    ids = ",".join(event[0] for event in article.events)
    lengths = array.array("I")
    for start in starts:
        size = len(start.encode())
        lengths.extend((size, size))
    return (names.digest, "".join(starts).encode(), lengths.tobytes(), figures, ids,
            len(article.figures))


def _with_links(entry: Entry, cells: list[str | None]) -> Entry:
    """An entry with its events' lines ending in these link cells (None: as they end now);
    the entry itself if they already do."""
    names, lines, raw, figures, ids, count = entry
    lengths = array.array("I", raw)
    parts, updated, position, same = [], array.array("I"), 0, True
    for i, cell in enumerate(cells):
        start, size = lengths[2 * i], lengths[2 * i + 1]
        old = lines[position + start : position + size]
        new = old if cell is None else cell.encode()
        same = same and old == new
        parts += (lines[position : position + start], new)
        updated.extend((start, start + len(new)))
        position += size
    if same:
        return entry
    return names, b"".join(parts), updated.tobytes(), figures, ids, count


def _curated(lines: bytes, raw: bytes, ids: str,
             verdicts: Mapping[str, Mapping[str, str]]) -> bytes:
    """An article's events' lines with the curation applied."""
    lengths = array.array("I", raw)
    split, position = [], 0
    for i in range(0, len(lengths), 2):
        split.append(lines[position : position + lengths[i + 1]].decode())
        position += lengths[i + 1]
    return "".join(curation.apply_lines(split, ids.split(","), verdicts)).encode()


def _cell(value: str) -> str:
    """One text cell as CSV writes it (quoted only if it must be).

    >>> _cell('Harbor Daily dates this 2025-01-09 (Jan. 9, 2025)')
    '"Harbor Daily dates this 2025-01-09 (Jan. 9, 2025)"'
    """
    if not CSV_SPECIAL.search(value):
        return value
    return table.csv_lines([[value]])[0][:-1]


def _header(columns) -> bytes:
    return table.csv_lines([list(columns)])[0].encode()
