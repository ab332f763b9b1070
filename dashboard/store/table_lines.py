"""Each article's table lines as they go into the files, kept between builds.

An article's events are CSV lines (`table.csv_lines`) under the story's canonical names, each
ending in its story links (`partition_links.Partitions`) and status; its figures are CSV lines
too. A rebuild renders an article again only when it is new, when the canonical names changed,
or when the links of a partition it has events in changed (and then only if its own events'
links did).

The lines themselves are kept as UTF-8 bytes in two files of the cache, one per table
(`lines-<id>.events`, `lines-<id>.figures`), in the order of the build that wrote them; lines
rendered again are appended, so writing a table is copying ranges of these files (in the kernel,
see `folder.Span`) and the new lines. When more than half of the files is lines no longer used,
they are written anew in order. Where each article's lines are is kept in one file per first hex
digit of the article's key, each stamped with the build that wrote it; the build's state
(`combine`) names the stamp each file must have and the size the line files had, so a file left
from an interrupted build is not trusted.
"""

from __future__ import annotations

import array
import os
import re
from collections.abc import Callable, Iterator, Mapping

from dashboard.store import curation, folder, table
from dashboard.store.article_index import Article, Index, Names, Summary
from dashboard.store.cache import SHARDS, ArticleCache
from dashboard.store.partition_links import Partitions

CSV_SPECIAL = re.compile(r'[,"\r\n]')
"""Characters that may make CSV quote a cell (cells without any are written as they are)."""
NAMES, EVENTS, LENGTHS, FIGURES, IDS, COUNT = range(6)
"""Fields of an entry: the digest of the canonical names its lines use, where its events'
lines are (offset and size in the events line file; offset -1 while they are only in memory),
the byte length of each event line without its links and with them (`array('I')`, in pairs),
where its figures' lines are, its event ids (comma-separated) and its number of figures."""
TABLES = {EVENTS: "events", FIGURES: "figures"}
"""The line file of each field of an entry that says where lines are."""
SLACK = 16 * 2**20
"""Bytes of unused lines the line files may hold beyond half their size before they are
written anew."""

Entry = tuple[str, tuple[int, int], bytes, tuple[int, int], str, int]
Lines = tuple[str, int, int]
"""Where lines are kept: the name of the files (`lines-<id>`) and the size of each table's."""


class Rendered:
    """The rendered lines of every article, by key."""

    def __init__(self, cache: ArticleCache, stamps: Mapping[str, str], generation: str,
                 lines: Lines | None = None):
        self.cache, self.generation = cache, generation
        self.entries: dict[str, Entry] = {}
        self.fresh: dict[tuple[str, int], bytes] = {}
        """Lines not yet in the line files, by (key, field)."""
        self.stamps = dict(stamps)
        self.lines: Lines = lines if lines and self._have(lines) else (
            f"lines-{generation}", 0, 0)
        if self.lines == lines:
            for shard in SHARDS:
                kept = cache.load(f"rendered-{shard}")
                if kept and kept[0] == self.stamps.get(shard):
                    self.entries.update(kept[1])
        self.dirty: set[str] = set()
        self.order: list[str] = []
        self._files: dict[int, int] = {}

    def _have(self, lines: Lines) -> bool:
        """Whether the line files are there, at least as long as the last build left them."""
        if self.cache.folder is None:
            return False
        name, *sizes = lines
        for table_name, size in zip(TABLES.values(), sizes, strict=True):
            try:
                if os.path.getsize(self._path(name, table_name)) < size:
                    return False
            except (OSError, TypeError):
                return False
        return True

    def prune(self) -> None:
        """Remove line files other than the ones in use (once the state names these)."""
        try:
            names = os.listdir(self.cache.folder) if self.cache.folder else []
        except OSError:
            return
        for name in names:
            if (name.startswith(("lines-", ".lines-"))
                    and name.rsplit(".", 1)[0].lstrip(".") != self.lines[0]):
                try:
                    os.unlink(os.path.join(self.cache.folder, name))
                except OSError:
                    pass

    def _path(self, name: str, table_name: str) -> str:
        assert self.cache.folder is not None
        return os.path.join(self.cache.folder, f"{name}.{table_name}")

    def update(self, keys: list[str], index: Index, load: Callable[[str], Article],
               names: Names, partitions: Partitions) -> None:
        """Render what changed, so that `entries` holds every article's current lines."""
        touched = partitions.touched()
        affected = {key for part in touched for key, _ in partitions.members[part]}
        self.order = keys
        for key in keys:
            entry = self.entries.get(key)
            if entry is not None and entry[NAMES] == names.digest and key not in affected:
                continue
            summary = index.summaries[key]
            if entry is None or entry[NAMES] != names.digest:
                entry = self.entries[key] = self._render(key, load(key), names)
                only = None
            else:
                only = touched
            linked = _with_links(self._read(key, entry, EVENTS), entry[LENGTHS],
                                 _links(key, summary, partitions, only))
            if linked is not None:
                self.fresh[key, EVENTS] = linked[0]
                self.entries[key] = (entry[NAMES], (-1, len(linked[0])), linked[1],
                                     *entry[FIGURES:])
                self.dirty.add(key[0])
        current = set(keys)
        for key in [key for key in self.entries if key not in current]:
            del self.entries[key]
            self.dirty.add(key[0])

    def _render(self, key: str, article: Article, names: Names) -> Entry:
        """An article's lines under these canonical names, without their links yet."""
        starts = [line[:-1] + "," for line in table.csv_lines(map(names.event, article.events))]
        lengths = array.array("I")
        for start in starts:
            size = len(start.encode())
            lengths.extend((size, size))
        events = "".join(starts).encode()
        figures = "".join(table.csv_lines(map(names.figure, article.figures))).encode()
        self.fresh[key, EVENTS], self.fresh[key, FIGURES] = events, figures
        self.dirty.add(key[0])
        return (names.digest, (-1, len(events)), lengths.tobytes(), (-1, len(figures)),
                ",".join(event[0] for event in article.events), len(article.figures))

    def _read(self, key: str, entry: Entry, field: int) -> bytes:
        """An article's events' (EVENTS) or figures' (FIGURES) lines."""
        offset, size = entry[field]
        if offset < 0:
            return self.fresh[key, field]
        if field not in self._files:
            self._files[field] = os.open(self._path(self.lines[0], TABLES[field]), os.O_RDONLY)
        return os.pread(self._files[field], size, offset)

    def final_stamps(self) -> dict[str, str]:
        """Each file's stamp once `save` has written the files that changed."""
        return self.stamps | dict.fromkeys(self.dirty, self.generation)

    def save(self) -> tuple[dict[str, str], Lines]:
        """Write the lines and files that changed; returns each file's stamp and where the
        lines are, for the state."""
        if self.cache.folder is None:
            return self.final_stamps(), self.lines
        live = sum(entry[field][1] for entry in self.entries.values()
                   for field in (EVENTS, FIGURES))
        try:
            if sum(self.lines[1:]) > 2 * live + SLACK:
                self._rewrite()
            else:
                self._append()
        except OSError:  # the lines cannot be kept: the next build renders them all again
            self.close()
            self.stamps, self.lines = {}, (f"lines-{self.generation}", 0, 0)
            return {}, self.lines
        for shard in self.dirty:
            entries = {k: v for k, v in self.entries.items() if k[0] == shard}
            self.cache.dump(f"rendered-{shard}", (self.generation, entries))
        self.stamps = self.final_stamps()
        self.close()
        return self.stamps, self.lines

    def _append(self) -> None:
        """Add the fresh lines to the end of the line files."""
        name = self.lines[0]
        sizes = []
        for field, table_name in TABLES.items():
            with open(self._path(name, table_name), "ab") as out:
                position = out.seek(0, os.SEEK_END)
                if position < self.lines[1 + (field == FIGURES)]:
                    raise OSError(f"{out.name}: shorter than when it was written")
                for (key, which), lines in self.fresh.items():
                    if which == field and key in self.entries:
                        entry = list(self.entries[key])
                        entry[field] = (position, len(lines))
                        self.entries[key] = tuple(entry)
                        position += out.write(lines)
            sizes.append(position)
        self.fresh.clear()
        self.lines = (name, *sizes)

    def _rewrite(self) -> None:
        """Write the line files anew with only the lines in use, in order; every entry moves."""
        name, sizes = f"lines-{self.generation}", []
        keys = [key for key in self.order if key in self.entries]
        for field, table_name in TABLES.items():
            pieces = list(self._pieces(keys, field))
            temporary = self._path(f".{name}", table_name)
            folder.write_pieces(temporary, pieces)
            os.replace(temporary, self._path(name, table_name))
            position = 0
            for key in keys:
                entry = list(self.entries[key])
                entry[field] = (position, entry[field][1])
                self.entries[key] = tuple(entry)
                position += entry[field][1]
            sizes.append(position)
        self.close()
        self.fresh.clear()
        self.lines = (name, *sizes)
        self.dirty.update(SHARDS)

    def close(self) -> None:
        for descriptor in self._files.values():
            os.close(descriptor)
        self._files.clear()

    def _pieces(self, keys: list[str], field: int) -> Iterator[bytes | folder.Span]:
        """The lines of these articles, as bytes and ranges of a line file (adjacent ranges
        joined)."""
        path = self._path(self.lines[0], TABLES[field]) if self.cache.folder else ""
        span = None
        for key in keys:
            offset, size = self.entries[key][field]
            if offset >= 0 and span is not None and span.offset + span.size == offset:
                span = span._replace(size=span.size + size)
                continue
            if span is not None:
                yield span
                span = None
            if offset >= 0:
                span = folder.Span(path, offset, size)
            elif size:
                yield self.fresh[key, field]
        if span is not None:
            yield span

    def events(self, keys: list[str], verdicts: Mapping[str, Mapping[str, str]]
               ) -> list[bytes | folder.Span]:
        """The events table (header first) with the curation (`curation.latest`) applied."""
        curated = {key for key in keys if verdicts and any(
            i in verdicts for i in self.entries[key][IDS].split(","))}
        if not curated:
            return [_header(table.EVENTS_COLUMNS), *self._pieces(keys, EVENTS)]
        pieces: list[bytes | folder.Span] = [_header(table.EVENTS_COLUMNS)]
        start = 0
        for i, key in enumerate(keys):
            if key in curated:
                pieces += self._pieces(keys[start:i], EVENTS)
                entry = self.entries[key]
                pieces.append(_curated(self._read(key, entry, EVENTS), entry[LENGTHS],
                                       entry[IDS], verdicts))
                start = i + 1
        pieces += self._pieces(keys[start:], EVENTS)
        return pieces

    def figures(self, keys: list[str]) -> list[bytes | folder.Span]:
        """The figures table, header first."""
        return [_header(table.FIGURES_COLUMNS), *self._pieces(keys, FIGURES)]

    def figure_count(self, keys: list[str]) -> int:
        return sum(self.entries[key][COUNT] for key in keys)


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


def _with_links(lines: bytes, raw: bytes, cells: list[str | None]) -> tuple[bytes, bytes] | None:
    """Events' lines (and their lengths, `raw`) ending in these link cells (None: as they end
    now); None if they already do."""
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
        return None
    return b"".join(parts), updated.tobytes()


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
