"""Writing a build into the story database: the tables of the data folder a build made, in one
transaction, changing only the rows that changed.

The events and figures tables are large (200,000 events for 10,000 articles) and a rebuild
changes few of their rows, so they are compared record by record with the CSV file the
database last took in (its size, times and inode are kept in the `build` table, so a file
changed since is never trusted): records that went are deleted, and each article with a new
record has its rows written again. The other tables are small and written whole.
"""

from __future__ import annotations

import csv
import io
import json
import mmap
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from itertools import repeat
from pathlib import Path

from dashboard.store import curation
from dashboard.store.database import FILE, TABLES, connect, path, transaction

ODD = (1).__and__
"""Whether a count is odd (a line with an odd number of quotes ends inside a quoted cell)."""
ROW_TABLES = ("events", "figures")
"""The tables written article by article where they changed."""
WHOLE_LIMIT = 4
"""Write a table whole when more than one record in this many changed."""
CACHE_KIB = 16384
"""The page cache of the connection that writes a build (KiB): the indexes of the large tables
take their rows in random order, and a page out of the cache is a page read again. 16 MiB
writes a new 10,000-article database as fast as 128 MiB did (9.4-9.7 s either way) in 92 MB
of memory instead of 226 MB."""


def store_folder(data_dir: Path, staging: Path) -> None:
    """Write the tables of a data folder being made (`staging`) into the data folder's
    database, then put the database into the staging folder (a hard link once every change is
    in the main file, else a copy made with SQLite's backup), so that swapping the folder in
    keeps it. Without a database yet, it is made in the staging folder, without a journal
    until it is written (a failed build throws the staging folder away), then in WAL mode.

    A reader of the database (the page, `sqlite3` or datasette) never makes the build wait: the
    checkpoint that empties the write-ahead log into the main file does not wait for readers
    (it would wait out the busy timeout, a minute), and the copy is made instead."""
    current = path(data_dir)
    target = current if current.is_file() else staging / FILE
    with closing(connect(target, create=True)) as connection:
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if target == staging / FILE:
            connection.execute("PRAGMA journal_mode = OFF")
            write_folder(connection, staging, data_dir)
            connection.execute("PRAGMA journal_mode = WAL")
            return
        write_folder(connection, staging, data_dir)
        connection.execute("PRAGMA busy_timeout = 0")
        busy, frames, done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy and frames == done:
            os.link(current, staging / FILE)
            return
        with closing(sqlite3.connect(staging / FILE)) as copy:
            connection.backup(copy)


def write_folder(connection: sqlite3.Connection, folder: Path, previous: Path | None = None,
                 ) -> None:
    """Make the database hold the CSV tables of data folder `folder`, the texts of its sources
    and the curation of folder `previous` (the data folder `folder` replaces, whose CSV files
    the database may already hold: then only changed rows are written), in one transaction."""
    previous = previous or folder
    with transaction(connection):
        for name in TABLES:
            if name == "sources":
                changed = _write_sources(connection, folder / "sources.csv",
                                         previous / "sources.csv")
            elif name not in ROW_TABLES:
                _write_whole(connection, name, folder / f"{name}.csv")
        bulk = False
        for name in ROW_TABLES:
            done = _write_changes(connection, name, folder / f"{name}.csv",
                                  previous / f"{name}.csv")
            if not done:
                bulk |= name == "events"
                _write_whole(connection, name, folder / f"{name}.csv", bulk=name == "events")
            connection.execute("INSERT OR REPLACE INTO build VALUES (?, ?)",
                               (f"{name}.csv", json.dumps(_stamp(folder / f"{name}.csv"))))
        if bulk:
            derive(connection)
        _add_texts(connection, folder, changed)
        write_curation(connection, previous)


def _stamp(file: Path) -> list[int]:
    """What changes when a file is written again: size, times, inode ([] when absent). The
    folder swap renames the folder, so a file keeps its stamp when the folder is swapped in."""
    try:
        info = file.stat()
    except OSError:
        return []
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def _cells(schema: dict[str, str]) -> Callable[[list[str]], list]:
    """What makes a CSV row's cells (the schema's first columns) as the database stores them;
    only the numbers and booleans are converted, text is kept as it is."""
    typed = [(i, dtype == "Int64") for i, dtype in enumerate(schema.values())
             if dtype in ("Int64", "boolean")]
    width = len(schema)

    def cells(values: list[str]) -> list:
        found = values[:width]
        for i, number in typed:
            if i < len(found):
                value = found[i]
                found[i] = ((int(value) if value else None) if number else
                            None if value == "" else int(value in ("True", "true", "1")))
        return found

    return cells


def _parsed(found: Iterable[bytes]) -> Iterator[list[str]]:
    """CSV records (as `records` gives them, without their line ends) read into cells."""
    text = b"\n".join(found).decode("utf-8")
    return csv.reader(io.StringIO(text + "\n", newline="")) if text else iter([])


def records(data: bytes) -> list[bytes]:
    r"""A CSV file's records, without their line ends: the file split at the line ends that
    are not inside a quoted cell (a cell's quotes come in pairs). The split and the test of
    each line run in C; lines are joined again only where a cell holds a line end.

    >>> records(b'a,b\n"x\ny",1\n2,3\n')
    [b'a,b', b'"x\ny",1', b'2,3']
    """
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    if not any(map(ODD, map(bytes.count, lines, repeat(b'"')))):  # (all in C: most files)
        return lines
    found: list[bytes] = []
    pending: bytes | None = None
    for line in lines:
        if pending is not None:
            line = pending + b"\n" + line
        if line.count(b'"') & 1:
            pending = line
            continue
        pending = None
        found.append(line)
    if pending is not None:
        found.append(pending)
    return found


def _write_whole(connection: sqlite3.Connection, name: str, file: Path,
                 bulk: bool = False) -> None:
    """Replace a table with a CSV file's rows (none when the file is absent). With `bulk`,
    the events' search index and actor rows are left to `derive` (one pass, not per row)."""
    if bulk:
        connection.execute("INSERT OR REPLACE INTO build VALUES ('bulk', '1')")
    connection.execute(f"DELETE FROM {name}")
    if file.exists():
        with open(file, encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            _insert(connection, name, next(rows, []), rows)
    if bulk:
        connection.execute("DELETE FROM build WHERE key = 'bulk'")


def _write_sources(connection: sqlite3.Connection, file: Path,
                   before: Path) -> set[str] | None:
    """Make the sources table hold a CSV file's rows (none when it is absent), writing only
    the rows that changed: a rebuild changes few sources of thousands. When the database took
    in `before` (the file `file` replaces; its stamp is kept in the `build` table) only the
    lines that differ from its lines at the same place are read; else every row is read and
    compared with the table's. Returns the hashes of the texts of the rows written or removed
    (None: any may have changed)."""
    kept = connection.execute("SELECT value FROM build WHERE key = 'sources.csv'").fetchone()
    connection.execute("DELETE FROM build WHERE key = 'sources.csv'")
    if not file.exists():
        connection.execute("DELETE FROM sources")
        return None
    new = records(file.read_bytes())
    old = (records(before.read_bytes()) if kept and json.loads(kept[0]) == _stamp(before)
           else None)
    changed = None
    if new and old and old[0] == new[0]:  # (the same header: the same columns)
        changed = [i for i in range(1, len(new)) if i >= len(old) or old[i] != new[i]]
        went = [old[i] for i in range(1, len(old)) if i >= len(new) or old[i] != new[i]]
    rows = _parsed(new if changed is None else [new[0], *(new[i] for i in changed)])
    header = next(rows, [])
    width = len(TABLES["sources"])
    convert = _cells(TABLES["sources"])
    wanted = {}
    for position, row in zip(range(1, len(new)) if changed is None else changed, rows,
                             strict=True):
        extra = (json.dumps(dict(zip(header[width:], row[width:], strict=False)))
                 if header[width:] else None)
        cells = (*convert(row), extra, position - 1)
        wanted[cells[0]] = cells
    columns = [*TABLES["sources"], "extra", "position"]
    if changed is None:
        held = {row[0]: row for row in connection.execute(
            f"SELECT {', '.join(columns)} FROM sources")}
        gone = held.keys() - wanted.keys()
    else:
        held = {}
        gone = {row[0] for row in _parsed(went)} - wanted.keys()
    texts = None if changed is None else {sha for (sha,) in connection.execute(
        "SELECT sha256 FROM sources WHERE source_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(gone | wanted.keys())),))}  # (their texts before the change)
    connection.executemany("DELETE FROM sources WHERE source_id = ?",
                           ((source,) for source in gone))
    connection.executemany(
        f"INSERT OR REPLACE INTO sources ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})",
        (cells for source, cells in wanted.items() if held.get(source) != cells))
    connection.execute("INSERT INTO build VALUES ('sources.csv', ?)",
                       (json.dumps(_stamp(file)),))
    if texts is None:
        return None
    return texts | {cells[columns.index("sha256")] for cells in wanted.values()}


def _insert(connection: sqlite3.Connection, name: str, header: list[str],
            rows: Iterable[list[str]]) -> int:
    """Insert rows of table `name` (in their CSV columns, `header`), each numbered within its
    article (events, figures); returns how many."""
    schema = TABLES[name]
    source = header.index("source_id") if "source_id" in header else -1
    columns = [*schema, *(["position"] if name in ROW_TABLES else [])]
    insert = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    count, last, position = 0, None, 0
    convert = _cells(schema)

    def cells() -> Iterator[list]:
        nonlocal count, last, position
        for row in rows:
            found = convert(row)
            if name in ROW_TABLES:
                position = position + 1 if row[source] == last else 0
                last = row[source]
                found.append(position)
            count += 1
            yield found

    connection.executemany(insert, cells())
    if name == "events":
        _add_actors(connection, count)
    return count


def _add_actors(connection: sqlite3.Connection, inserted: int) -> None:
    """One event_actors row per actor of the last `inserted` events (while not in bulk)."""
    if not inserted or connection.execute("SELECT 1 FROM build WHERE key = 'bulk'").fetchone():
        return
    rows = connection.execute("SELECT event_id, actors FROM events WHERE rowid > "
                              "(SELECT max(rowid) FROM events) - ? AND actors != ''",
                              (inserted,)).fetchall()
    connection.executemany("INSERT INTO event_actors VALUES (?, ?)",
                           [(event_id, actor) for event_id, actors in rows
                            for actor in actors.split("; ") if actor])


def _write_changes(connection: sqlite3.Connection, name: str, file: Path,
                   before: Path) -> bool:
    """Write only what changed in table `name` since the database took in CSV file `before`
    (now replaced by `file`): the rows of the articles with a record that came or went
    (`changed_articles`, within the part of the file that changed, `_changed_part`). False,
    with nothing written, when that cannot be done: the database did not take that file in,
    the header changed, or much of the table did."""
    kept = connection.execute("SELECT value FROM build WHERE key = ?", (f"{name}.csv",))
    stamp = kept.fetchone()
    if not stamp or json.loads(stamp[0]) != _stamp(before) or not file.exists():
        return False
    with _mapped(file) as new, _mapped(before) as old:
        head = new.find(b"\n") + 1
        if not head or old[:head] != new[:head]:
            return False
        header = next(_parsed([new[:head - 1]]))
        source = header.index("source_id")
        part = _changed_part(old, new, head, source)
        if part is None:
            return False
        start, old_end, new_end = part
        found = changed_articles(records(old[start:old_end]), records(new[start:new_end]),
                                 source)
        if found is None or sum(len(row) + 1 for row in found[2]) * WHOLE_LIMIT > len(new):
            return False
    articles, held, came = found
    marks = ", ".join("?" * len(articles))
    if articles and connection.execute(  # (rows of an article apart from each other: the
            f"SELECT count(*) FROM {name} WHERE source_id IN ({marks})",  # table is written
            sorted(articles)).fetchone()[0] != held:  # whole rather than risk losing one)
        return False
    connection.executemany(f"DELETE FROM {name} WHERE source_id = ?",
                           ((article,) for article in articles))
    _insert(connection, name, header, _parsed(came))
    return True


@contextmanager
def _mapped(file: Path) -> Iterator[bytes | mmap.mmap]:
    """A file's bytes, mapped (read as they are compared: most of a table's file is the same
    in both versions and only compared, so none of it is copied into memory); b"" if empty."""
    with open(file, "rb") as handle:
        if not os.fstat(handle.fileno()).st_size:
            yield b""
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield mapped


def changed_articles(old: list[bytes], new: list[bytes], source: int,
                     ) -> tuple[set[str], int, list[bytes]] | None:
    """Which articles' rows differ between two versions of a table's records (each article's
    rows together, `source` the column of its id): their ids, how many rows they had in `old`,
    and their records in `new`, in order. None when the records of the other articles are not
    in the same order in both (the caller then writes the table whole)."""
    old_set, new_set = set(old), set(new)
    gone = [i for i, record in enumerate(old) if record not in new_set]
    came = [i for i, record in enumerate(new) if record not in old_set]
    spans = [_articles(old, gone, source), _articles(new, came, source)]
    for this, other, rows, other_rows in ((0, 1, old, new), (1, 0, new, old)):
        where = None
        for article in spans[this].keys() - spans[other].keys():
            start, end = spans[this][article]
            still = next((row for row in rows[start:end] if row in (old_set, new_set)[other]),
                         None)
            if still is not None:  # the article's unchanged rows in the other version
                where = where or {row: i for i, row in enumerate(other_rows)}
                spans[other] |= _articles(other_rows, [where[still]], source)
    if _outside(old, spans[0].values()) != _outside(new, spans[1].values()):
        return None
    rows = [record for start, end in sorted(spans[1].values()) for record in new[start:end]]
    held = sum(end - start for start, end in spans[0].values())
    return spans[0].keys() | spans[1].keys(), held, rows


def _articles(rows: list[bytes], seeds: list[int], source: int) -> dict[str, tuple[int, int]]:
    """The articles of the records at indices `seeds` (ascending), each with the span of
    indices its rows take in `rows` (they come together)."""
    def article(index: int) -> str:
        return next(_parsed([rows[index]]))[source]

    found: dict[str, tuple[int, int]] = {}
    end = 0
    for seed in seeds:
        if seed < end:
            continue
        name = article(seed)
        start, end = seed, seed + 1
        while start > 0 and article(start - 1) == name:
            start -= 1
        while end < len(rows) and article(end) == name:
            end += 1
        found[name] = (start, end)
    return found


def _outside(rows: list[bytes], spans: Iterable[tuple[int, int]]) -> list[bytes]:
    """The records of `rows` outside the given spans of indices."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept += rows[at:start]
        at = max(at, end)
    return kept + rows[at:]


def _changed_part(old: bytes, new: bytes, head: int, source: int,
                  ) -> tuple[int, int, int] | None:
    """Where two CSV files of a table (articles' rows in order, each article's together)
    differ, widened to whole records and whole articles: (start, end in `old`, end in `new`);
    what comes before `start` and after the ends is the same in both. None when a record at a
    boundary holds a quoted line end (the caller then writes the table whole)."""
    start = max(head, new.rfind(b"\n", 0, _common_prefix(old, new)) + 1)
    tail = min(_common_suffix(old, new), len(old) - start, len(new) - start)
    old_end = len(old) - tail
    if old_end > start and old[old_end - 1:old_end] != b"\n":
        found = old.find(b"\n", old_end)
        old_end = len(old) if found < 0 else found + 1
    new_end = len(new) - (len(old) - old_end)
    if (new[:start].count(b'"') % 2 or new[start:new_end].count(b'"') % 2
            or old[start:old_end].count(b'"') % 2):
        return None
    articles = _edge_articles(old[start:old_end], source) | _edge_articles(
        new[start:new_end], source)
    while start > head:  # the articles' earlier rows
        before = new.rfind(b"\n", 0, start - 1) + 1
        record = new[max(before, head):start - 1]
        if record.count(b'"') % 2:
            return None
        if next(_parsed([record]))[source] not in articles:
            break
        start = max(before, head)
    while new_end < len(new):  # and their later rows
        after = new.find(b"\n", new_end) + 1 or len(new)
        record = new[new_end:after].rstrip(b"\n")
        if record.count(b'"') % 2:
            return None
        if next(_parsed([record]))[source] not in articles:
            break
        old_end += after - new_end
        new_end = after
    return start, old_end, new_end


def _edge_articles(part: bytes, source: int) -> set[str]:
    r"""The articles of the first and the last record of part of a table's file (whole
    records, its quotes paired): the only ones of the part that can have rows just before or
    after it (each article's rows come together), read without splitting the records between
    (a relinked story event can make the part most of the file).

    >>> sorted(_edge_articles(b'1,a,x\n2,b,"y\nz"\n3,c,"w\nv"\n', 1))
    ['a', 'c']
    """
    if not part:
        return set()
    size = len(part) - part.endswith(b"\n")  # (the last record's end; no copy of the part)
    end = part.find(b"\n", 0, size)
    while end >= 0 and part.count(b'"', 0, end) % 2:  # (a line end inside quotes)
        end = part.find(b"\n", end + 1, size)
    start = part.rfind(b"\n", 0, size)
    while start >= 0 and part.count(b'"', start, size) % 2:
        start = part.rfind(b"\n", 0, start)
    edges = [part[:end if end >= 0 else size], part[start + 1:size]]
    return {row[source] for row in _parsed(edges)}


BLOCK = 2**20
"""Bytes compared at a time when looking for where two files start or stop differing."""


def _common_prefix(a: bytes, b: bytes) -> int:
    """How many first bytes `a` and `b` share (compared a block at a time, then halving)."""
    size, at = min(len(a), len(b)), 0
    while at < size and a[at:at + BLOCK] == b[at:at + BLOCK]:
        at += BLOCK
    low, high = at, min(at + BLOCK, size)
    while low < high:
        middle = (low + high + 1) // 2
        if a[at:middle] == b[at:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: bytes, b: bytes) -> int:
    """How many last bytes `a` and `b` share."""
    size, at = min(len(a), len(b)), 0
    while at < size and (a[max(0, len(a) - at - BLOCK):len(a) - at]
                         == b[max(0, len(b) - at - BLOCK):len(b) - at]):
        at += BLOCK
    low, high = at, min(at + BLOCK, size)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:len(a) - at] == b[len(b) - middle:len(b) - at]:
            low = middle
        else:
            high = middle - 1
    return low


def derive(connection: sqlite3.Connection) -> None:
    """The tables made from the events, anew: one row per event and actor, and the search
    index."""
    connection.execute("DELETE FROM event_actors")
    rows = connection.execute("SELECT event_id, actors FROM events WHERE actors != ''")
    connection.executemany("INSERT INTO event_actors VALUES (?, ?)",
                           [(event_id, actor) for event_id, actors in rows.fetchall()
                            for actor in actors.split("; ") if actor])
    connection.execute("INSERT INTO events_search (events_search) VALUES ('rebuild')")


def _add_texts(connection: sqlite3.Connection, folder: Path,
               changed: set[str] | None = None) -> None:
    """Keep the text of every source (by its hash), dropping texts no source has; `changed`:
    the only hashes that may have come or gone (None: any)."""
    if changed is not None and not changed:
        return
    some = "" if changed is None else " AND sha256 IN (SELECT value FROM json_each(?))"
    only = () if changed is None else (json.dumps(sorted(changed)),)
    have = {sha for (sha,) in connection.execute(f"SELECT sha256 FROM texts WHERE 1{some}",
                                                 only)}
    wanted = connection.execute(f"SELECT sha256, text_path FROM sources WHERE 1{some}",
                                only).fetchall()
    missing = {sha: text_path for sha, text_path in wanted if sha and sha not in have}
    connection.executemany("INSERT OR IGNORE INTO texts VALUES (?, ?)", (
        (sha, (folder / text_path).read_text(encoding="utf-8"))
        for sha, text_path in missing.items() if (folder / text_path).is_file()))
    connection.execute(f"DELETE FROM texts WHERE sha256 NOT IN (SELECT sha256 FROM sources)"
                       f"{some}", only)


def write_curation(connection: sqlite3.Connection, folder: Path) -> None:
    """The curation table: the last curation row of each event in `folder`'s curation.csv."""
    connection.execute("DELETE FROM curation")
    if (folder / curation.FILE).exists():
        schema = curation.CURATION_COLUMNS
        connection.executemany(f"INSERT INTO curation VALUES ({', '.join('?' * len(schema))})",
                               ([row[c] for c in schema]
                                for row in curation.latest(folder).values()))


def sync_curation(data_dir: str | Path) -> None:
    """Mirror the data folder's curation.csv into its database (when it has one)."""
    file = path(data_dir)
    if file.is_file():
        with closing(connect(file)) as connection, transaction(connection):
            write_curation(connection, Path(data_dir))

