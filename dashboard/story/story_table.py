"""The story-events view: one row per happening, with how many sources report it (pandas)."""

from __future__ import annotations

import pandas as pd

PRECISION_ORDER = ["second", "minute", "hour", "day", "week", "month", "quarter", "half",
                   "season", "year", "decade", "century"]
STORY_COLUMNS = {
    "story_event_id": "string",
    "date": "string",
    "date_end": "string",
    "precision": "string",
    "summary": "string",
    "actors": "string",
    "kind": "string",
    "sources": "Int64",
    "outlets": "string",
    "source_urls": "string",
    "event_ids": "string",
    "conflict": "string",
}
"""The story-events view: one row per happening, with how many sources report it."""


def frame(rows: list[dict], schema: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns and dtypes, whatever the rows hold."""
    return pd.DataFrame(rows, columns=list(schema)).astype(schema)


def story_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per story event: the most precise report's date and summary, every source."""
    rows = []
    if events.empty:
        return frame([], STORY_COLUMNS)
    rank = events["precision"].map(
        lambda p: PRECISION_ORDER.index(p) if p in PRECISION_ORDER else len(PRECISION_ORDER)
    )
    ordered = events.assign(_rank=rank).sort_values(["_rank", "published", "date"])
    for story_id, group in ordered.groupby("story_event_id", sort=False):
        best = group.iloc[0]
        actors = [a for value in group["actors"] for a in value.split("; ") if a]
        rows.append({
            "story_event_id": story_id,
            "date": best["date"],
            "date_end": best["date_end"],
            "precision": best["precision"],
            "summary": best["summary"],
            "actors": "; ".join(dict.fromkeys(actors)),
            "kind": best["kind"],
            "sources": group["source_id"].nunique(),
            "outlets": "; ".join(dict.fromkeys(o for o in group["outlet"] if o)),
            "source_urls": "; ".join(dict.fromkeys(u for u in group["source_url"] if u)),
            "event_ids": "; ".join(sorted(group["event_id"])),
            "conflict": "; ".join(dict.fromkeys(c for c in group["conflict"] if c)),
        })
    return frame(rows, STORY_COLUMNS).sort_values(["date", "story_event_id"], ignore_index=True)
