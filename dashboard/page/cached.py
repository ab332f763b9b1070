"""What the page computes, cached per data version (`Version`, `dataset.version`) and filter
spec, most of it shared between sessions (read-only) so a view someone opened before is not
made again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from dashboard import humanize
from dashboard.page import cards, charts
from dashboard.store import dataset, filters
from dashboard.store import keydates as store_keydates
from dashboard.story.story_table import story_table

TABLE_COLUMNS = {"summary": "Summary", "when": "Date", "kind": "Kind", "actors": "Actors",
                 "attributed_to": "Who says so", "outlet": "Outlet",
                 "date_text": "Date as written", "status": "Status", "event_id": "Event"}
MAX_TABLE_ROWS = 5_000  # rows of the events table sent to the browser
MAX_FIGURES = 9  # figure cards on the page, the largest quantities first
MAX_STORIES = 200  # the story-events section lists at most this many story events
Version = tuple[int, int]


@st.cache_resource(show_spinner=False, max_entries=4)
def load(data_dir: str, stamp: Version) -> dataset.Dataset:
    """The tables of `data_dir` with curation applied, the events in date order
    (`filters.sort_events`) with their `dataset.NARROW` columns (`dataset.details` reads the
    others for the rows shown), cached until events.csv or curation.csv changes (`stamp` is
    `dataset.version`).

    Kept as one shared object rather than a copy per session (copying 200,000 events costs
    seconds), so the page treats it as read-only: filters and cards make new frames."""
    data = dataset.load(data_dir, ordered=False, columns=dataset.NARROW)
    return replace(data, events=filters.sort_events(data.events))


@st.cache_resource(show_spinner=False, max_entries=8)
def filtered(data_dir: str, stamp: Version, spec: filters.FilterSpec):
    """The events `spec` keeps, in date order: shared between sessions (read-only), so a
    view someone opened before is not filtered again."""
    found = searched(data_dir, stamp, spec.search)
    events = searchable(data_dir, stamp) if spec.search else load(data_dir, stamp).events
    return filters.apply(events, spec, found, ordered=True)


@st.cache_resource(show_spinner=False, max_entries=2)
def searchable(data_dir: str, stamp: Version):
    """The events with their sentences too, which a search reads (shared, read-only)."""
    return dataset.details(data_dir, load(data_dir, stamp).events, ("sentence",))


@st.cache_resource(show_spinner=False, max_entries=4)
def actor_pairs(data_dir: str, stamp: Version):
    """Every event's actors one a row (`charts.actor_pairs`), made once for all filters."""
    return charts.actor_pairs(load(data_dir, stamp).events)


@st.cache_resource(show_spinner=False, max_entries=8)
def timeline_figure(data_dir: str, stamp: Version, spec: filters.FilterSpec):
    """The timeline of the events `spec` keeps, in its lanes (shared, read-only: Streamlit
    draws a copy)."""
    events = filtered(data_dir, stamp, unlaned(spec))
    if not charts.aggregates(events):
        events = dataset.details(data_dir, events, charts.MARK_COLUMNS)
    return charts.timeline(events, by=spec.lanes, pairs=actor_pairs(data_dir, stamp))


@st.cache_data(show_spinner=False, max_entries=8)
def actor_items(data_dir: str, stamp: Version, spec: filters.FilterSpec) -> list[dict]:
    """The actor cards of the events `spec` keeps."""
    return cards.actor_cards(filtered(data_dir, stamp, spec), load(data_dir, stamp).actors,
                             pairs=actor_pairs(data_dir, stamp),
                             details=lambda rows: dataset.details(data_dir, rows,
                                                                  ("timex", "mod")))


def unlaned(spec: filters.FilterSpec) -> filters.FilterSpec:
    """`spec` without its lane choice, which filters nothing (one cache entry for both)."""
    return replace(spec, lanes="actor")


@st.cache_data(show_spinner=False, max_entries=4)
def overview(data_dir: str, stamp: Version) -> dict:
    """What the whole build offers: each filter's values, its date bounds, the header line."""
    data = load(data_dir, stamp)
    actors = sorted({name for name in actor_pairs(data_dir, stamp).unique() if name},
                    key=str.casefold)  # (what `filters.options` gives, from the split made once)
    return {
        "choices": {"actors": actors} | {column: filters.options(data.events, column)
                                         for column in ("kind", "outlet", "source_id")},
        "bounds": filters.date_bounds(data.events, dt.date.today()),
        "header": cards.header_line(data.events, data.sources, data.built),
    }


@st.cache_data(show_spinner=False, max_entries=16)
def searched(data_dir: str, stamp: Version, words: str) -> set[str] | None:
    """The events a full-text search of the story's database finds (`dataset.search`)."""
    return dataset.search(data_dir, words)


@st.cache_resource(show_spinner=False, max_entries=16)
def page_events(data_dir: str, stamp: Version, spec: filters.FilterSpec, page: int, size: int):
    """The events of page `page` (`size` a page) of those `spec` keeps, with every column
    (shared, read-only)."""
    shown = filtered(data_dir, stamp, spec)
    return dataset.details(data_dir, shown.iloc[(page - 1) * size: page * size])


@st.cache_resource(show_spinner=False, max_entries=8)
def table_view(data_dir: str, stamp: Version, spec: filters.FilterSpec):
    """The events table's rows: the first MAX_TABLE_ROWS events `spec` keeps, with human
    column names and dates as people write them (shared, read-only: not copied for each
    run as `st.cache_data` would)."""
    head = dataset.details(data_dir, filtered(data_dir, stamp, spec).head(MAX_TABLE_ROWS),
                           (*TABLE_COLUMNS, "timex", "mod"))
    view = head.assign(when=humanize.date_labels(head),
                       status=head["status"].map(humanize.STATUSES).fillna("Auto"))
    return view[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)


@st.cache_resource(show_spinner=False, max_entries=8)
def key_figures(data_dir: str, stamp: Version,
                spec: filters.FilterSpec | None = None) -> list[dict]:
    """The figure cards the page shows (the largest MAX_FIGURES quantities) of the claims
    `spec` keeps (all of them when None)."""
    data = load(data_dir, stamp)
    figures = data.figures
    if spec is not None and not spec.is_default():
        aliases = {row["name"]: [a.strip() for a in humanize.text(row["aliases"]).split(";")
                                 if a.strip()] for row in data.actors.to_dict("records")}
        figures = filters.apply_figures(figures, spec, aliases)
    return cards.key_figures(figures, limit=MAX_FIGURES)


@st.cache_resource(show_spinner=False, max_entries=8)
def figure_views(data_dir: str, stamp: Version, spec: filters.FilterSpec | None = None
                 ) -> list[tuple[str, object, str]]:
    """Each key figure's card (`key_figures`) as HTML, its history chart (None for a single
    claim) and the chart's alternative text (shared between sessions, read-only)."""
    return [(cards.figure_card_html(card),
             charts.figure_history(card["history"]) if len(card["history"]) > 1 else None,
             f"History of the figure: {card.get('counts') or ''}")
            for card in key_figures(data_dir, stamp, spec)]


@st.cache_data(show_spinner=False, max_entries=8)
def story_view(data_dir: str, stamp: Version, spec: filters.FilterSpec) -> tuple[int, str]:
    """How many story events the events `spec` keeps belong to, and the story-events table of
    the first MAX_STORIES of them as HTML."""
    data = load(data_dir, stamp)
    ids = filtered(data_dir, stamp, spec)["story_event_id"].dropna().drop_duplicates()
    if ids.empty:
        return 0, ""
    members = data.events[data.events["story_event_id"].isin(set(ids.head(MAX_STORIES)))]
    members = dataset.details(data_dir, members)
    if not spec.rejected:
        members = members[(members["status"] != "rejected").fillna(True)]
    return len(ids), cards.story_table_html(cards.story_rows(story_table(members), members))


@st.cache_data(show_spinner=False, max_entries=4)
def sources_view(data_dir: str, stamp: Version) -> str:
    """The sources list as HTML."""
    return cards.sources_html(load(data_dir, stamp).sources)



@st.cache_resource(show_spinner=False, max_entries=8)
def key_dates(data_dir: str, stamp: Version, count: int, per_day: int) -> list:
    """The story's `count` key dates with `per_day` sentences each, in date order (shared,
    read-only)."""
    data = load(data_dir, stamp)
    return store_keydates.for_folder(data_dir, data.events, data.sources, count, per_day)


