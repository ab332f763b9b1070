"""The built tables the page and the exports read, loaded together from one data directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import table

DEFAULT_TITLE = "News story timeline"


def default_data_dir() -> Path:
    """The data directory: env var DASHBOARD_DATA, else the repository's `data/`."""
    return Path(os.environ.get("DASHBOARD_DATA") or Path(__file__).resolve().parent.parent / "data")


@dataclass
class Dataset:
    """All tables of one build, with the story's title and when events.csv was written."""

    events: pd.DataFrame
    figures: pd.DataFrame
    actors: pd.DataFrame
    sources: pd.DataFrame
    title: str = DEFAULT_TITLE
    built: float | None = None


def stamp(data_dir: str | Path) -> float | None:
    """The mtime of events.csv (None when absent): changes whenever the data is rebuilt."""
    path = Path(data_dir) / "events.csv"
    return path.stat().st_mtime if path.exists() else None


def story_title(data_dir: str | Path) -> str:
    """The story's name from story.json, or a generic title when it is missing or unreadable."""
    try:
        title = json.loads((Path(data_dir) / "story.json").read_text(encoding="utf-8"))["title"]
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_TITLE
    return str(title).strip() or DEFAULT_TITLE


def read_sources(data_dir: str | Path) -> pd.DataFrame:
    """The sources table, reading `published_inferred` written as True/False text too."""
    try:
        return table.read(data_dir, "sources")
    except (TypeError, ValueError):
        raw = pd.read_csv(Path(data_dir) / "sources.csv", dtype=str, keep_default_na=False)
        flags = raw.get("published_inferred", pd.Series("", index=raw.index)).str.lower()
        raw["published_inferred"] = flags.map({"true": True, "1": True, "false": False,
                                               "0": False})
        rows = raw.replace("", None).to_dict("records")
        return table.frame(rows, table.SOURCES_COLUMNS)


def load(data_dir: str | Path) -> Dataset:
    """Read every table of `data_dir`; absent files read as empty tables."""
    return Dataset(
        events=table.read(data_dir, "events"),
        figures=table.read(data_dir, "figures"),
        actors=table.read(data_dir, "actors"),
        sources=read_sources(data_dir),
        title=story_title(data_dir),
        built=stamp(data_dir),
    )
