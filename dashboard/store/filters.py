"""The page's filters: one spec, applied to the events table and mirrored in URL query params."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, fields, replace

import pandas as pd

PARAMS = {"actors": "actor", "kinds": "kind", "outlets": "outlet", "sources": "source"}
"""List fields of `FilterSpec` and the repeated query parameter each one uses."""


@dataclass(frozen=True)
class FilterSpec:
    """What the user asked to see; the default spec shows everything."""

    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    approximate: bool = True
    search: str = ""
    lanes: str = "actor"
    rejected: bool = False
    """Whether events an analyst rejected are shown (hidden by default)."""

    def is_default(self) -> bool:
        """Whether no filter narrows the events (lane choice does not count)."""
        return replace(self, lanes="actor") == FilterSpec()


def iso_day(value: object) -> str:
    """An ISO day, or '' when `value` is not one.

    >>> iso_day("2025-01-09"), iso_day("yesterday")
    ('2025-01-09', '')
    """
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return ""


def _values(params: Mapping, name: str) -> list[str]:
    raw = params.get(name, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    return [str(item).strip() for item in items if str(item).strip()]


def from_query(params: Mapping) -> FilterSpec:
    """The spec a URL's query params describe; unknown or malformed values are ignored.

    >>> from_query({"actor": ["Kim Jong Un", "Russia"], "since": "2024-10-01", "exact": "1"})
    FilterSpec(actors=('Kim Jong Un', 'Russia'), kinds=(), outlets=(), sources=(), \
since='2024-10-01', until='', approximate=False, search='', lanes='actor', rejected=False)
    """
    lists = {attr: tuple(dict.fromkeys(_values(params, name))) for attr, name in PARAMS.items()}
    first = {name: (_values(params, name) or [""])[0] for name in ("since", "until", "q", "lanes")}
    return FilterSpec(
        **lists,
        since=iso_day(first["since"]),
        until=iso_day(first["until"]),
        approximate=(_values(params, "exact") or ["0"])[0] not in ("1", "true", "yes"),
        search=first["q"][:200],
        lanes="kind" if first["lanes"] == "kind" else "actor",
        rejected=(_values(params, "rejected") or ["0"])[0] in ("1", "true", "yes"),
    )


def to_query(spec: FilterSpec) -> dict[str, str | list[str]]:
    """The query params for `spec`, leaving out everything at its default.

    >>> to_query(FilterSpec(actors=("Russia",), approximate=False))
    {'actor': ['Russia'], 'exact': '1'}
    """
    params: dict[str, str | list[str]] = {}
    for attr, name in PARAMS.items():
        if getattr(spec, attr):
            params[name] = list(getattr(spec, attr))
    for name, value in (("since", spec.since), ("until", spec.until), ("q", spec.search)):
        if value:
            params[name] = value
    if not spec.approximate:
        params["exact"] = "1"
    if spec.lanes != "actor":
        params["lanes"] = spec.lanes
    if spec.rejected:
        params["rejected"] = "1"
    return params


def _any_name(column: pd.Series, names: Iterable[str]) -> pd.Series:
    """Rows whose `; `-separated list holds one of `names`."""
    pattern = "(?:^|; )(?:" + "|".join(re.escape(n) for n in names) + ")(?:;|$)"
    return column.fillna("").str.contains(pattern, regex=True)


EXACT = ("day", "hour", "minute", "second")
"""The precisions that name a day or a moment in it: what "no approximate dates" keeps."""


def apply(events: pd.DataFrame, spec: FilterSpec,
          found: Collection[str] | None = None, ordered: bool = False) -> pd.DataFrame:
    """The events `spec` keeps, in date order (an event is kept when its period overlaps);
    `ordered`: the events are in that order already (`sort_events`), so no sort is needed.

    Events without a date are kept only while no date bound is set. The search keeps the events
    whose summary or sentence holds its text, and those in `found` (the event ids a full-text
    search found, `dataset.search`: words matched by their stems).
    """
    keep = pd.Series(True, index=events.index)
    if spec.actors:
        keep &= _any_name(events["actors"], spec.actors)
    if spec.kinds:
        keep &= events["kind"].isin(spec.kinds).fillna(False)
    if spec.outlets:
        keep &= events["outlet"].isin(spec.outlets).fillna(False)
    if spec.sources:
        keep &= events["source_id"].isin(spec.sources).fillna(False)
    if spec.since:
        end = events["date_end"].fillna(events["date"])
        keep &= (end >= spec.since).fillna(False)
    if spec.until:
        keep &= (events["date"] <= spec.until).fillna(False)
    if not spec.approximate:
        keep &= events["precision"].isin(EXACT).fillna(False)
    if spec.search:
        needle = spec.search.lower()
        haystack = events["summary"].fillna("") + "\n" + events["sentence"].fillna("")
        matched = haystack.str.lower().str.contains(needle, regex=False)
        if found:
            matched |= events["event_id"].isin(found)
        keep &= matched
    if not spec.rejected and "status" in events.columns:
        keep &= (events["status"] != "rejected").fillna(True)
    keep = keep.astype(bool)
    kept = events if keep.all() else events[keep]  # (no copy of a table kept whole)
    return kept if ordered else sort_events(kept)


def for_figures(spec: FilterSpec) -> FilterSpec:
    """The part of `spec` that applies to figures (`apply_figures`); the rest at its default,
    so a change elsewhere (kinds, approximate dates, lanes) leaves the figures as they were.

    >>> for_figures(FilterSpec(kinds=("capture",), approximate=False, until="2025-01-01"))
    FilterSpec(actors=(), kinds=(), outlets=(), sources=(), since='', until='2025-01-01', \
approximate=True, search='', lanes='actor', rejected=False)
    """
    return FilterSpec(actors=spec.actors, outlets=spec.outlets, sources=spec.sources,
                      since=spec.since, until=spec.until, search=spec.search)


def apply_figures(figures: pd.DataFrame, spec: FilterSpec,
                  aliases: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """The figure claims `spec` keeps: said by or about one of its actors (the claim's
    `attributed_to`, or its sentence naming the actor or one of its `aliases`), as of a day
    within its dates (else published then), from its outlets and articles, matching its search.
    Event kinds, approximate dates and rejected events do not apply to figures.
    """
    keep = pd.Series(True, index=figures.index)
    if spec.actors:
        names = [n for actor in spec.actors for n in (actor, *(aliases or {}).get(actor, ()))]
        pattern = "|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names if n.strip())
        said = figures["attributed_to"].isin(spec.actors).fillna(False)
        named = figures["sentence"].fillna("").str.contains(pattern, case=False, regex=True)
        keep &= said | named
    day = figures["as_of"].fillna(figures["published"]).str.slice(0, 10)
    if spec.since:
        keep &= (day >= spec.since).fillna(False)
    if spec.until:
        keep &= (day <= spec.until).fillna(False)
    if spec.outlets:
        keep &= figures["outlet"].isin(spec.outlets).fillna(False)
    if spec.sources:
        keep &= figures["source_id"].isin(spec.sources).fillna(False)
    if spec.search:
        haystack = figures["counts"].fillna("") + "\n" + figures["sentence"].fillna("")
        keep &= haystack.str.lower().str.contains(spec.search.lower(), regex=False)
    return figures[keep.astype(bool)]


def date_bounds(events: pd.DataFrame, fallback: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day any event covers (`fallback` twice when none is dated)."""
    days = pd.concat([pd.Series(events[column].dropna().unique())  # (each column's distinct
                      for column in ("date", "date_end")], ignore_index=True)  # values, hashed:
    days = days.drop_duplicates().str.slice(0, 10)  # a large table has few)
    days = days[days.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    low, high = (iso_day(days.min()), iso_day(days.max())) if len(days) else ("", "")
    if not (low and high):
        return fallback, fallback
    return dt.date.fromisoformat(low), dt.date.fromisoformat(high)


def sort_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events by first day, then last day, then id (a stable sort; missing values last in
    each), as `events.sort_values(["date", "date_end", "event_id"], na_position="last",
    kind="stable")` orders them.

    The ids, nearly all distinct, are sorted by Arrow's kernel, then the days (few distinct
    values) as numbers over that order: the order found in a third of the time pandas takes
    to rank each column's values."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = pa.array(events["event_id"], type=pa.string(), from_pandas=True)
    order = pc.sort_indices(ids).to_numpy()  # (missing ids last)
    key = np.zeros(len(events), dtype=np.int64)
    for column in ("date", "date_end"):
        codes, distinct = pd.factorize(events[column], sort=True)
        key = key * (len(distinct) + 1) + np.where(codes < 0, len(distinct), codes)
    return events.take(order[np.argsort(key[order], kind="stable")])


def options(events: pd.DataFrame, column: str) -> list[str]:
    """The distinct non-empty values of a column, `; `-lists split, sorted case-insensitively."""
    values = pd.Series(events[column].dropna().unique(), dtype="string")
    if column == "actors":
        values = values.str.split("; ", regex=False).explode().drop_duplicates()
    return sorted({v.strip() for v in values if v and v.strip()}, key=str.casefold)


def field_names() -> list[str]:
    """The spec's filter field names (the lane choice is not a filter)."""
    return [f.name for f in fields(FilterSpec) if f.name != "lanes"]
