"""Exports of the (filtered) events: CSV, JSON and TimelineJS JSON, and where they are written."""

from __future__ import annotations

import html
import json
import os
import stat
import sys
from pathlib import Path

import pandas as pd

from dashboard.humanize import kind_label, link, text
from dashboard.period import Period
from dashboard.store import table
from dashboard.store.files import write_atomic

FORMATS = ("csv", "json", "timelinejs")


def ordered(events: pd.DataFrame) -> pd.DataFrame:
    """The events with the contract columns first, in order, then every other column."""
    first = [c for c in table.EVENTS_COLUMNS if c in events.columns]
    return events[first + [c for c in events.columns if c not in first]]


def events_csv(events: pd.DataFrame) -> str:
    """Events as CSV text, contract columns first."""
    return table.to_csv_text(ordered(events))


def figures_csv(figures: pd.DataFrame) -> str:
    """Figures as CSV text, schema columns first."""
    first = [c for c in table.FIGURES_COLUMNS if c in figures.columns]
    return table.to_csv_text(figures[first + [c for c in figures.columns if c not in first]])


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain JSON values (missing values become None)."""
    clean = df.astype(object).where(df.notna(), None)
    return [{k: (int(v) if hasattr(v, "__index__") and not isinstance(v, bool) else v)
             for k, v in row.items()} for row in clean.to_dict("records")]


def events_json(events: pd.DataFrame) -> str:
    """Events as a JSON array of objects, contract keys first."""
    return json.dumps(_records(ordered(events)), ensure_ascii=False, indent=1)


def timeline_event(event: dict) -> dict | None:
    """One event in Knight Lab's TimelineJS format, holding only the date parts it knows."""
    period = Period.of_row(text(event.get("date")), text(event.get("date_end")),
                           text(event.get("precision")), text(event.get("timex")),
                           text(event.get("mod")))
    if period is None:
        return None
    start, end = period.timeline_dates()
    item: dict = {"start_date": start}
    if end is not None:
        item["end_date"] = end
    who = text(event.get("attributed_to"))
    body = [f"<p>{html.escape(text(event.get('sentence')))}</p>"]
    if who:
        body.append(f"<p>According to {html.escape(who)}</p>")
    body.append(f"<p>{link(event.get('source_url'), event.get('source_title') or 'Source')}"
                + (f" · {html.escape(text(event.get('outlet')))}" if text(event.get("outlet"))
                   else "") + "</p>")
    label = period.label
    item["display_date"] = label
    item["text"] = {"headline": html.escape(text(event.get("summary")) or label),
                    "text": "".join(body)}
    item["group"] = kind_label(event.get("kind"))
    item["unique_id"] = text(event.get("event_id")) or None
    credit = text(event.get("photo_credit"))
    if credit:
        item["media"] = {"url": "", "credit": html.escape(credit), "caption": ""}
    return item


def timelinejs(events: pd.DataFrame, title: str) -> dict:
    """Events as a TimelineJS document (dated events only)."""
    items = [timeline_event(row) for row in ordered(events).to_dict("records")]
    return {"title": {"text": {"headline": html.escape(title), "text": ""}},
            "events": [item for item in items if item is not None]}


def timelinejs_json(events: pd.DataFrame, title: str) -> str:
    """`timelinejs` as JSON text."""
    return json.dumps(timelinejs(events, title), ensure_ascii=False, indent=1)


def render(fmt: str, events: pd.DataFrame, title: str) -> str:
    """The events in export format `fmt`."""
    if fmt == "csv":
        return events_csv(events)
    if fmt == "json":
        return events_json(events)
    return timelinejs_json(events, title)


class UsageError(Exception):
    """A problem with the command line or its inputs, told to the user in one line."""


def write_export(out: str, content: str, data_dir: Path) -> str:
    """Write an export to `out` and say where it went: `-` is standard output; a FIFO or a
    device is written into as it is; a symlink's target is replaced, not the link; a regular
    file is replaced atomically. The data folder's own files are never written over."""
    if out == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return "standard output"
    path = Path(out)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"cannot write {out}: it is a folder")
    target = path.resolve()
    if target.is_relative_to(data_dir.resolve()):
        raise UsageError(f"cannot write {out}: it is inside the data folder {data_dir}; "
                         "choose a file elsewhere")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {out}: folder {path.parent} does not exist")
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(path, "w", encoding="utf-8", newline="") as stream:
                stream.write(content)
        else:
            write_atomic(target, content)
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror or error}") from None
    return str(out)
