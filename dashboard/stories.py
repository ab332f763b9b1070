"""Story events: the same happening reported by several articles, merged into one.

Two events merge when their dates are compatible at their precision (Jan. 9 lies in January and in
"last week"), they name an actor in common and their wording is alike; events whose dates cannot
both be true are never merged. Where two sources tell the same happening with different days, both
are kept and each is flagged in `conflict`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

STOPWORDS = set(
    "a an the and or but of to in on at by for from with as is are was were be been being has "
    "have had it its this that these those he she they them his her their who which what when "
    "said says say told also after before since during while about into over than more most "
    "would will could should may might can not no one two three his him i we you our us said "
    "according report reported reports earlier later day week month year today yesterday "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec local time last next this".split()
)
WORD = re.compile(r"[a-z][a-z'-]+")
MERGE_SIMILARITY = 0.2
CONFLICT_SIMILARITY = 0.4
COARSE = {"quarter", "half", "season", "year", "decade", "century"}
WINDOW_DAYS = 14
MAX_NEIGHBOURS = 100
RARE_WORDS = 3
HAPPENINGS = {"capture", "deployment", "casualties", "enlistment", "meeting", "event"}
"""Kinds that happen once: two reports of one with different days disagree. Statements,
interviews and briefings recur, so different days there are different events."""


@dataclass
class _Item:
    index: int
    event_id: str
    source_id: str
    sentence: str
    first: str
    last: str
    precision: str
    kind: str
    actors: frozenset[str]
    words: frozenset[str]


def _items(events: list[dict]) -> list[_Item]:
    return [
        _Item(
            index=i,
            event_id=e["event_id"],
            source_id=e["source_id"],
            sentence=e["sentence"],
            first=e["date"],
            last=e["date_end"] or e["date"],
            precision=e["precision"],
            kind=e["kind"],
            actors=frozenset(a for a in (e["actors"] or "").split("; ") if a),
            words=frozenset(_content_words(e["sentence"])),
        )
        for i, e in enumerate(events)
    ]


def _content_words(text: str) -> set[str]:
    """Content words, lightly stemmed so that "captured" and "capture" meet."""
    words = set()
    for word in WORD.findall(text.lower()):
        if word in STOPWORDS or len(word) < 3:
            continue
        words.add(re.sub(r"(?:ing|ed|es|s)$", "", word) or word)
    return words


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two word sets, relative to the smaller (short reports match long ones).

    >>> similarity(frozenset({"troop", "captur"}), frozenset({"troop", "captur", "kursk"}))
    1.0
    """
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _alike(a: _Item, b: _Item) -> float:
    """How alike two events are: 0 for different kinds; without a shared actor, only a close
    match of wording counts."""
    if a.kind != b.kind:
        return 0.0
    score = similarity(a.words, b.words)
    return score if a.actors & b.actors else max(0.0, score - 0.3)


def link(events: list[dict]) -> list[dict]:
    """The events with `story_event_id` and `conflict` filled in (new dicts, same order)."""
    items = _items(events)
    scored = ((_alike(items[i], items[j]), i, j) for i, j in candidate_pairs(items)
              if items[i].sentence != items[j].sentence)
    pairs = sorted((pair for pair in scored if pair[0] >= MERGE_SIMILARITY), reverse=True)
    cluster = {item.index: [item] for item in items}
    span = {item.index: (item.first, item.last) for item in items}
    owner = {item.index: item.index for item in items}
    conflicts: dict[int, list[_Item]] = {}
    for score, i, j in pairs:
        a, b = items[i], items[j]
        if score >= CONFLICT_SIMILARITY and _conflicting(a, b):
            conflicts.setdefault(i, []).append(b)
            conflicts.setdefault(j, []).append(a)
        keep, gone = owner[i], owner[j]
        if keep == gone:
            continue
        common = (max(span[keep][0], span[gone][0]), min(span[keep][1], span[gone][1]))
        if common[0] > common[1]:
            continue
        if len(cluster[keep]) < len(cluster[gone]):
            keep, gone = gone, keep
        for item in cluster[gone]:
            owner[item.index] = keep
        cluster[keep].extend(cluster.pop(gone))
        span[keep] = common
        del span[gone]
    ids = {root: story_event_id(members) for root, members in cluster.items()}
    rows = []
    for item, event in zip(items, events, strict=True):
        rows.append(event | {
            "story_event_id": ids[owner[item.index]],
            "conflict": _conflict_note(conflicts.get(item.index, []), events),
        })
    return rows


def candidate_pairs(items: list[_Item]) -> set[tuple[int, int]]:
    """Index pairs worth comparing, found without comparing everything with everything.

    Events are blocked by kind and by each of their actors and rarest words; within a block,
    merge candidates have overlapping dates, and day-precise happenings within a fortnight are
    conflict candidates. Dates coarser than a month meet only the same value. Each event meets
    at most `MAX_NEIGHBOURS` others per block, which keeps a large corpus near linear.
    """
    sentences = {item.sentence: item.words for item in items}
    frequency = Counter(word for words in sentences.values() for word in words)
    common = max(50, len(sentences) // 100)
    blocks: dict[tuple[str, str], list[tuple[int, int, _Item]]] = {}
    coarse: dict[tuple[str, str, str], list[_Item]] = {}
    for item in items:
        if item.precision in COARSE:
            coarse.setdefault((item.kind, item.first, item.last), []).append(item)
            continue
        try:
            first = dt.date.fromisoformat(item.first).toordinal()
            last = dt.date.fromisoformat(item.last).toordinal()
        except ValueError:
            continue
        shared = [w for w in item.words if 1 < frequency[w] <= common]
        rare = sorted(shared, key=lambda w: (frequency[w], w))[:RARE_WORDS]
        for key in (*item.actors, *rare):
            blocks.setdefault((item.kind, key), []).append((first, last, item))
    pairs: set[tuple[int, int]] = set()
    for block in blocks.values():
        block.sort(key=lambda entry: entry[0])
        for i, (_, last, item) in enumerate(block):
            reach = last + WINDOW_DAYS if _may_conflict(item) else last
            for other_first, _, other in block[i + 1 : i + 1 + MAX_NEIGHBOURS]:
                if other_first > reach:
                    break
                pairs.add((item.index, other.index))
    for group in coarse.values():
        for i, item in enumerate(group):
            for other in group[i + 1 : i + 1 + MAX_NEIGHBOURS]:
                pairs.add((item.index, other.index))
    return pairs


def _may_conflict(item: _Item) -> bool:
    return item.kind in HAPPENINGS and item.precision == "day"


def _span(members: list[_Item]) -> tuple[str, str] | None:
    """The days all members' dates have in common, or None when their dates are incompatible."""
    first = max(m.first for m in members)
    last = min(m.last for m in members)
    return (first, last) if first <= last else None


def _conflicting(a: _Item, b: _Item) -> bool:
    """Two day-precise reports of the same happening, from different sources, on other days."""
    return (
        a.source_id != b.source_id
        and a.kind in HAPPENINGS
        and a.precision == b.precision == "day"
        and a.first != b.first
        and _span([a, b]) is None
    )


def story_event_id(members: list[_Item]) -> str:
    """A stable id for a group of events: derived from the smallest member event id."""
    seed = min(m.event_id for m in members)
    return "se-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _conflict_note(others: list[_Item], events: list[dict]) -> str:
    """A readable note: which other sources date the same happening otherwise."""
    notes = []
    for other in others:
        event = events[other.index]
        outlet = event.get("outlet") or event["source_id"]
        notes.append(f"{outlet} dates this {event['date']} ({event['date_text']})")
    return "; ".join(dict.fromkeys(notes))


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


def story_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per story event: the most precise report's date and summary, every source."""
    from dashboard.table import frame

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
