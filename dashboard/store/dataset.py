"""The built tables the page and the exports read, loaded together from one data directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.store import curation, table

DEFAULT_TITLE = "News story timeline"


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


def stamp(data_dir: str | Path) -> float | None:
    """The mtime of events.csv (None when absent): changes whenever the data is rebuilt."""
    path = Path(data_dir) / "events.csv"
    return path.stat().st_mtime if path.exists() else None


def version(data_dir: str | Path) -> tuple[int, int]:
    """What the page's caches are keyed on: the mtimes (ns) of events.csv and curation.csv."""
    times = []
    for name in ("events.csv", curation.FILE):
        path = Path(data_dir) / name
        times.append(path.stat().st_mtime_ns if path.exists() else 0)
    return times[0], times[1]


def with_story_sources(events: pd.DataFrame) -> pd.DataFrame:
    """Events with `story_sources`: how many articles report each one's story event (>= 1).

    Rejected events do not count as reports; a blank `story_event_id` (an event no story
    links) becomes missing.
    """
    if events.empty:
        return events.assign(story_sources=pd.Series(dtype="Int64"))
    events = events.assign(story_event_id=events["story_event_id"].replace("", pd.NA))
    kept = events[(events["status"] != "rejected").fillna(True)] if "status" in events else events
    counts = kept.groupby("story_event_id")["source_id"].nunique()
    mapped = events["story_event_id"].map(counts).astype("Float64")
    return events.assign(story_sources=mapped.fillna(1).clip(lower=1).astype("Int64"))


def story_title(data_dir: str | Path) -> str:
    """The story's name from story.json, or a generic title when it is missing or unreadable."""
    try:
        title = json.loads((Path(data_dir) / "story.json").read_text(encoding="utf-8"))["title"]
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_TITLE
    return str(title).strip() or DEFAULT_TITLE


def load(data_dir: str | Path) -> Dataset:
    """Read every table of `data_dir`; absent files read as empty tables.

    The analysts' curation (curation.csv) is applied on the way in, so verdicts and corrections
    show without a rebuild; events gain `status` and `story_sources`.
    """
    events = table.read(data_dir, "events")
    curated = curation.read(data_dir)
    return Dataset(
        events=with_story_sources(curation.apply(events, curated)),
        figures=table.read(data_dir, "figures"),
        actors=table.read(data_dir, "actors"),
        sources=table.read(data_dir, "sources"),
        title=story_title(data_dir),
        built=stamp(data_dir),
        orphans=curation.orphans(events, curated),
    )
