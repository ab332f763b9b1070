"""The built tables the page and the exports read, loaded together from one data directory."""

from __future__ import annotations

import json
import os
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.store import curation, database, filters, table
from dashboard.store.files import locked, write_atomic
from dashboard.story.subject import shared_subject

DEFAULT_TITLE = "News story timeline"
SETTINGS = "story.json"
"""The story's settings (its `title`), in the story folder beside the manifest; a build copies
it into the data folder, and the page writes both."""


def default_data_dir() -> Path:
    """The data directory: env var DASHBOARD_DATA, else the repository's `data/`."""
    return Path(os.environ.get("DASHBOARD_DATA") or Path(__file__).resolve().parents[2] / "data")


def default_manifest() -> Path:
    """The manifest new sources are added to: env var DASHBOARD_SOURCES, else seeds/sources.csv."""
    return Path(os.environ.get("DASHBOARD_SOURCES")
                or Path(__file__).resolve().parents[2] / "seeds" / "sources.csv")


@dataclass
class Dataset:
    """All tables of one build, with the story's title and when events.csv was written."""

    events: pd.DataFrame
    figures: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    title: str = DEFAULT_TITLE
    built: float | None = None
    orphans: pd.DataFrame = field(
        default_factory=lambda: table.frame([], curation.CURATION_COLUMNS))
    """Curation rows whose event no longer exists."""


NARROW = ("event_id", "date", "date_end", "precision", "summary", "actors", "kind",
          "source_id", "outlet", "published", "story_event_id")
"""The events columns the page keeps for every event (each column curation corrects among
them, and `status`, which curation gives); it reads the others (the sentence, its source's
URL and title...) only for the rows it shows (`details`)."""
WHOLE_COLUMN = 20_000
"""`details` of more rows than this reads its columns whole rather than row by row."""


def read_tables(data_dir: str | Path,
                names: tuple[str, ...] = ("events", "figures", "actors", "sources"),
                ordered: bool = True, columns: tuple[str, ...] | None = None
                ) -> dict[str, pd.DataFrame]:
    """Tables of a data folder, from its database when it has one, else from its CSV files;
    the events in the CSV's order unless `ordered` is False (quicker). With `columns`, only
    those columns of the database's events (indexed by rowid, for `details`); a folder
    without a database reads them all."""
    file = database.path(data_dir)
    if not file.is_file():
        return {name: table.read(data_dir, name) for name in names}
    with closing(database.connect(file)) as connection:
        return {name: database.read_table(connection, name, ordered=ordered or name != "events",
                                          columns=columns if name == "events" else None)
                for name in names}


def details(data_dir: str | Path, events: pd.DataFrame,
            columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """`events`, some rows of a `load(..., columns=NARROW)` table, with every events column
    (or with `columns` too), in the order `load` gives them: the missing ones read from the
    database by rowid. The columns read are ones curation never corrects. A row the database
    no longer holds (rebuilt since) gets blanks; a table with the columns already (a folder
    without a database) is returned as it is."""
    import pandas as pd

    wanted = [c for c in (columns or table.EVENTS_COLUMNS)
              if c in table.EVENTS_COLUMNS and c not in events.columns]
    if wanted:
        with closing(database.connect(database.path(data_dir))) as connection:
            read = (database.read_table(connection, "events", ordered=False,
                                        columns=["event_id", *wanted])
                    if len(events) > WHOLE_COLUMN else
                    database.read_rows(connection, "events", events.index, ["event_id", *wanted]))
        read = read[~read.index.duplicated()].reindex(events.index)
        stale = ~(read["event_id"] == events["event_id"]).fillna(False).astype(bool)
        read = read[wanted]
        if stale.any():
            read = pd.DataFrame({c: read[c].astype(table.EVENTS_COLUMNS[c]).mask(
                stale, "" if table.EVENTS_COLUMNS[c] == "string" else pd.NA) for c in wanted})
        events = pd.concat([events, read], axis=1)
    if columns is not None:
        return events
    first = list(table.EVENTS_COLUMNS)
    return events[first + [c for c in events.columns if c not in first]]


def search(data_dir: str | Path, words: str) -> set[str] | None:
    """The ids of the events a full-text search finds (`database.search`), or None for a data
    folder without a database or a blank search."""
    file = database.path(data_dir)
    if not words.strip() or not file.is_file():
        return None
    with closing(database.connect(file)) as connection:
        return database.search(connection, words)


def stamp(data_dir: str | Path) -> float | None:
    """The mtime of events.csv (None when absent): changes whenever the data is rebuilt."""
    path = Path(data_dir) / "events.csv"
    return path.stat().st_mtime if path.exists() else None


def version(data_dir: str | Path) -> tuple[int, int]:
    """What the page's caches are keyed on: the latest mtime (ns) of events.csv and the
    database, and the mtime of curation.csv."""
    times = []
    for names in (("events.csv", database.FILE), (curation.FILE,)):
        paths = [Path(data_dir) / name for name in names]
        times.append(max((path.stat().st_mtime_ns for path in paths if path.exists()),
                         default=0))
    return times[0], times[1]


def with_story_sources(events: pd.DataFrame) -> pd.DataFrame:
    """Events with `story_sources`: how many articles report each one's story event (>= 1).

    Rejected events do not count as reports; a blank `story_event_id` (an event no story
    links) becomes missing.
    """
    import numpy as np

    if events.empty:
        return events.assign(story_sources=pd.Series(dtype="Int64"))
    events = events.assign(story_event_id=events["story_event_id"].replace("", pd.NA))
    stories, found = pd.factorize(events["story_event_id"])  # (counted on integer codes:
    articles, _ = pd.factorize(events["source_id"])  # quicker than grouping the strings)
    kept = (stories >= 0) & (articles >= 0)
    if "status" in events:
        kept &= (events["status"] != "rejected").fillna(True).to_numpy(dtype=bool)
    width = int(articles.max()) + 1
    pairs = np.unique(stories[kept].astype(np.int64) * width + articles[kept])
    counts = np.append(np.bincount(pairs // width, minlength=len(found)), 0)  # ([-1]: none)
    return events.assign(story_sources=pd.array(np.maximum(counts[stories], 1), dtype="Int64"))


def settings(folder: str | Path) -> dict:
    """The settings in `folder`'s story.json ({} when missing or unreadable)."""
    try:
        found = json.loads((Path(folder) / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def folder_title(data_dir: str | Path) -> str:
    """A title from the story's folder name: the data folder's, or its parent's when the data
    folder is a plain `data` (`~/bridge-collapse/data` → 'Bridge collapse').

    >>> folder_title("/home/me/water_main-break/data"), folder_title("/x/data")
    ('Water main break', 'X')
    """
    path = Path(data_dir).resolve()
    name = path.parent.name if path.name.lower() in ("data", "out", "") else path.name
    name = " ".join(name.replace("_", " ").replace("-", " ").split())
    return name[:1].upper() + name[1:] if name else DEFAULT_TITLE


def story_title(data_dir: str | Path, sources: pd.DataFrame | None = None) -> str:
    """The story's name: the `title` of story.json, else the phrase the articles' titles share
    (`story.subject.shared_subject`), else the story folder's name (`folder_title`)."""
    title = str(settings(data_dir).get("title") or "").strip()
    if not title and sources is not None and "title" in sources:
        title = shared_subject(sources["title"].dropna())
    return title or folder_title(data_dir)


def save_title(data_dir: str | Path, title: str, story_dir: str | Path | None = None) -> str:
    """Set the story's title in the data folder's story.json and, when given, in the story
    folder's (so the next build keeps it); other settings are kept. A blank title removes it
    (the page then names the story from its articles). Returns the title saved."""
    title = " ".join(str(title).split())[:200]
    for folder in [Path(data_dir), *([Path(story_dir)] if story_dir is not None else [])]:
        if not folder.is_dir():
            continue
        with locked(folder):
            kept = settings(folder)
            kept.pop("title", None)
            content = {"title": title, **kept} if title else kept
            write_atomic(folder / SETTINGS, json.dumps(content, ensure_ascii=False, indent=1)
                         + "\n")
    return title


def load(data_dir: str | Path, ordered: bool = True,
         columns: tuple[str, ...] | None = None) -> Dataset:
    """Read every table of `data_dir`: from its database (`story.db`), else from the CSV tables
    of a folder built before there was one; absent tables read as empty. The events are in the
    order of events.csv unless `ordered` is False (for a caller that sorts them itself); with
    `columns` (`NARROW`), only those columns of the database's events (`details` reads the
    others).

    The analysts' curation (curation.csv) is applied on the way in, so verdicts and corrections
    show without a rebuild; events gain `status` and `story_sources`.
    """
    tables = read_tables(data_dir, ordered=ordered, columns=columns)
    events, sources = tables["events"], tables["sources"]
    curated = curation.read(data_dir)
    return Dataset(
        events=with_story_sources(curation.apply(events, curated)),
        figures=tables["figures"],
        actors=tables["actors"],
        sources=sources,
        title=story_title(data_dir, sources),
        built=stamp(data_dir),
        orphans=curation.orphans(events, curated),
    )


def query_events(data_dir: str | Path, spec: filters.FilterSpec) -> pd.DataFrame:
    """The events `spec` keeps (`filters.apply`, in date order), with the curation applied and
    `story_sources`: the filters pushed into the database's query, so that only the events
    they may keep are read (a folder without a database is loaded whole)."""
    file = database.path(data_dir)
    if not file.is_file():
        events = load(data_dir).events
        return filters.apply(events, spec, search(data_dir, spec.search))
    where, parameters = database.events_where(spec)
    with closing(database.connect(file)) as connection:
        events = database.read_table(connection, "events", where, parameters)
        found = database.search(connection, spec.search) if spec.search.strip() else None
        curated = curation.apply(events, curation.read(data_dir))
        counts = database.story_sources(connection, curated["story_event_id"])
    sources = curated["story_event_id"].map(counts).astype("Float64")
    curated = curated.assign(story_sources=sources.fillna(1).clip(lower=1).astype("Int64"))
    return filters.apply(curated, spec, found)


def options(data_dir: str | Path, column: str) -> list[str]:
    """The distinct values of an events column (`filters.options`) over the whole story."""
    file = database.path(data_dir)
    if not file.is_file():
        return filters.options(load(data_dir).events, column)
    with closing(database.connect(file)) as connection:
        return database.options(connection, column)
