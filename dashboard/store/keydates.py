"""Key dates over a data folder: the articles' opening sentences read from texts/, the ranking
(`dashboard.story.keydates`), and the exports (benchmark JSON, CSV, Markdown, TimelineJS)."""

from __future__ import annotations

import html
import json
from contextlib import closing
from pathlib import Path

import pandas as pd

from dashboard.humanize import day_label, link
from dashboard.read.sentences import sentences
from dashboard.store import database, dataset, table
from dashboard.story.keydates import LEAD_SENTENCES, KeyDate, as_timeline, key_dates

LEAD_CHARS = 1_500
"""Only the start of each article is split into sentences for its opening sentences."""
LEAD_ARTICLES = 10
"""At most this many articles a day give their opening sentences (the first in the sources
table): enough for a day's centroid, and key dates stay fast on busy stories."""
LEAD_COLUMNS = {"source_id": "string", "source_url": "string", "published": "string",
                "sentence": "string", "start": "Int64", "end": "Int64"}
CSV_COLUMNS = {"date": "string", "rank": "Int64", "score": "Float64", "sources": "Int64",
               "published_that_day": "Int64", "sentence": "string", "source_id": "string",
               "source_url": "string", "published": "string", "char_start": "Int64",
               "char_end": "Int64"}
SENTENCE_COLUMNS = ("sentence", "source_url", "sentence_start")
"""The events columns key dates read beyond `dataset.NARROW`."""
FORMATS = ("json", "csv", "md", "timelinejs", "full")


def leads(data_dir: str | Path, sources: pd.DataFrame, events: pd.DataFrame,
          count: int = LEAD_SENTENCES, published: set[str] | None = None) -> pd.DataFrame:
    """The first `count` sentences of each article (of those `published` on the given days, if
    given) that date no event of their own, with their spans in the stored text
    (texts/<source_id>.txt)."""
    if published is not None:
        days = sources["published"].fillna("").str[:10]
        sources = sources[days.isin(published)]
        sources = sources.groupby(days[sources.index], sort=False).head(LEAD_ARTICLES)
    events = events[events["source_id"].isin(set(sources["source_id"]))]
    events = dataset.details(data_dir, events, ("sentence_start",))
    dated = set(zip(events["source_id"], events["sentence_start"].astype("Int64"), strict=True))
    rows = []
    records = sources.to_dict("records")
    openings = _openings(data_dir, [str(source.get("sha256") or "") for source in records])
    for source in records:
        text = openings.get(str(source.get("sha256") or ""))
        if text is None:
            path = Path(data_dir) / str(source.get("text_path")
                                        or f"texts/{source['source_id']}.txt")
            try:
                text = path.read_text(encoding="utf-8")[:LEAD_CHARS]
            except OSError:
                continue
        for sentence in sentences(text)[:count]:
            if sentence.role != "body" or (source["source_id"], sentence.start) in dated:
                continue
            rows.append({"source_id": source["source_id"], "source_url": source.get("url"),
                         "published": source.get("published"), "sentence": sentence.text,
                         "start": sentence.start, "end": sentence.end})
    return table.frame(rows, LEAD_COLUMNS)


def _openings(data_dir: str | Path, hashes: list[str]) -> dict[str, str]:
    """The first LEAD_CHARS characters of the texts with these hashes, from the story's
    database (empty without one: the texts are then read from texts/)."""
    file = database.path(data_dir)
    if not file.is_file():
        return {}
    with closing(database.connect(file)) as connection:
        return dict(database.select_in(
            connection, f"SELECT sha256, substr(text, 1, {LEAD_CHARS}) FROM texts WHERE sha256 "
            "IN ({marks})", set(hashes) - {""}))


def for_folder(data_dir: str | Path, events: pd.DataFrame, sources: pd.DataFrame,
               count: int | None = None, per_day: int = 2, since: str = "", until: str = "",
               order: str = "date") -> list[KeyDate]:
    """The key dates of the story built in `data_dir` (its events and sources as loaded, the
    events maybe with only their `dataset.NARROW` columns)."""
    return key_dates(events, sources, count, per_day, since, until, order=order,
                     leads=lambda days: leads(data_dir, sources, events, published=days),
                     details=lambda rows: dataset.details(data_dir, rows, SENTENCE_COLUMNS))


def to_json(found: list[KeyDate]) -> str:
    """{"YYYY-MM-DD": [sentence, ...]}, the form timeline benchmarks read."""
    return json.dumps(as_timeline(found), ensure_ascii=False, indent=1)


def to_full_json(found: list[KeyDate]) -> str:
    """Every key date with its rank, counts and sentences (text, source URL, span)."""
    return json.dumps([k.to_dict() for k in found], ensure_ascii=False, indent=1)


def to_frame(found: list[KeyDate]) -> pd.DataFrame:
    """One row per sentence (a key date without sentences: one row without one)."""
    rows = []
    for key in found:
        common = {"date": key.day, "rank": key.rank, "score": round(key.score, 4),
                  "sources": key.sources, "published_that_day": key.published}
        for s in key.sentences or [None]:
            rows.append(common if s is None else common | {
                "sentence": s.text, "source_id": s.source_id, "source_url": s.source_url,
                "published": s.published, "char_start": s.start, "char_end": s.end})
    return table.frame(rows, CSV_COLUMNS)


def to_csv(found: list[KeyDate]) -> str:
    """The key dates as CSV text, one row per sentence."""
    return table.to_csv_text(to_frame(found))


def to_markdown(found: list[KeyDate], title: str = "") -> str:
    """The key dates as a Markdown list: the date, how many sources give it, its sentences
    with a link to each article."""
    lines = [f"# {title}", ""] if title else []
    for key in found:
        plural = "s" * (key.sources != 1)
        lines.append(f"## {day_label(key.day)} ({key.sources} source{plural})")
        for s in key.sentences:
            lines.append(f"- {s.text} [source]({s.source_url})" if s.source_url
                         else f"- {s.text}")
        lines.append("")
    return "\n".join(lines)


def timelinejs(found: list[KeyDate], title: str) -> dict:
    """The key dates as a TimelineJS document, one slide per date."""
    items = []
    for key in sorted(found, key=lambda k: k.day):
        year, month, day = (int(p) for p in key.day.split("-"))
        body = "".join(f"<p>{html.escape(s.text)} {link(s.source_url, 'Source')}</p>"
                       for s in key.sentences)
        plural = "s" * (key.sources != 1)
        items.append({"start_date": {"year": year, "month": month, "day": day},
                      "display_date": day_label(key.day),
                      "text": {"headline": f"{key.sources} source{plural}", "text": body},
                      "unique_id": f"key-{key.day}"})
    return {"title": {"text": {"headline": html.escape(title), "text": "Key dates"}},
            "events": items}


def render(fmt: str, found: list[KeyDate], title: str) -> str:
    """The key dates in format `fmt` (one of FORMATS)."""
    if fmt == "json":
        return to_json(found) + "\n"
    if fmt == "full":
        return to_full_json(found) + "\n"
    if fmt == "csv":
        return to_csv(found)
    if fmt == "md":
        return to_markdown(found, title)
    return json.dumps(timelinejs(found, title), ensure_ascii=False, indent=1) + "\n"
