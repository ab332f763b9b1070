"""The page's sections laid out (`main`): widgets in, the cached results (`cached`) out."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import streamlit as st

from dashboard import humanize
from dashboard.page import cached, cards, charts
from dashboard.page.cached import MAX_STORIES, MAX_TABLE_ROWS, Version
from dashboard.page.forms import add_source_form, review_form, story_settings
from dashboard.store import dataset, export, filters
from dashboard.store import keydates as store_keydates
from dashboard.story.keydates import default_count

PAGE_SIZE = 25
KEYS = {"actors": "f_actors", "kinds": "f_kinds", "outlets": "f_outlets",
        "sources": "f_sources", "approximate": "f_approximate", "search": "f_search",
        "lanes": "f_lanes", "rejected": "f_rejected"}
# The events table's columns, the summary first: on a narrow screen the table scrolls
# sideways and keeps each column readable rather than squeezing them.
TABLE_WIDTHS = {"Summary": 340, "Date": 150, "Kind": 100, "Actors": 180, "Who says so": 170,
                "Outlet": 130, "Date as written": 130, "Status": 90, "Event": 130}
NARROW_CSS = """<style>
@media (max-width: 640px) {
  .js-plotly-plot .scatterlayer .textpoint { display: none; }
}
</style>"""  # marks' short labels are left out on a phone, where they would run into each other
MAX_KEY_DATES = 200  # the key-dates view offers at most this many dates
KEY_SENTENCES = 2  # sentences under each key date
OFFERED = {"actors": "actors", "kinds": "kind", "outlets": "outlet", "sources": "source_id"}


def seed_state(spec: filters.FilterSpec, offered: dict[str, list[str]],
               bounds: tuple[dt.date, dt.date]) -> None:
    """Give each filter widget its value from the URL (values the data lacks dropped), once."""
    for attr, key in KEYS.items():
        if key in st.session_state:
            continue
        value = getattr(spec, attr)
        if attr in OFFERED:
            known = set(offered[OFFERED[attr]])
            value = [item for item in value if item in known]
        st.session_state[key] = value
    before = st.session_state.get("f_bounds")
    st.session_state["f_bounds"] = bounds
    if "f_dates" in st.session_state and before and tuple(before) != tuple(bounds):
        dates = tuple(st.session_state["f_dates"])  # the data changed: an end that sat at
        low = bounds[0] if not dates or dates[0] == before[0] else dates[0]  # the old edge
        high = bounds[1] if len(dates) < 2 or dates[-1] == before[1] else dates[-1]  # moves
        low, high = max(low, bounds[0]), min(high, bounds[1])
        st.session_state["f_dates"] = (low, high) if low <= high else bounds
    if "f_dates" not in st.session_state:
        low = dt.date.fromisoformat(spec.since) if spec.since else bounds[0]
        high = dt.date.fromisoformat(spec.until) if spec.until else bounds[1]
        low, high = max(low, bounds[0]), min(high, bounds[1])
        st.session_state["f_dates"] = (low, high) if low <= high else bounds


def clear_filters() -> None:
    """Reset every filter to show everything."""
    for key in (*KEYS.values(), "f_dates", "page"):
        st.session_state.pop(key, None)
    st.session_state["f_clear"] = True


def only_actor(name: str) -> None:
    """Filter the page to one actor (actor cards' button)."""
    st.session_state["f_actors"] = [name]
    st.session_state["page"] = 1


def pick_event() -> None:
    """Mirror the event clicked on the timeline in the URL, so a shared link opens its card."""
    ids = charts.selected_ids(st.session_state.get("timeline"))
    if ids:
        st.query_params["event"] = ids[0]
    elif "event" in st.query_params:
        del st.query_params["event"]


def sidebar(data: dataset.Dataset, offered: dict[str, list[str]],
            bounds: tuple[dt.date, dt.date]) -> filters.FilterSpec:
    """The filter widgets; returns the spec they describe."""
    titles = dict(zip(data.sources["source_id"], data.sources["title"].fillna(""), strict=False))
    with st.sidebar:
        st.header("Filters")
        st.multiselect("Actors", offered["actors"], key="f_actors")
        dates = st.date_input("Dates", min_value=bounds[0], max_value=bounds[1], key="f_dates",
                              format="YYYY-MM-DD")
        st.multiselect("Kind of event", offered["kind"], key="f_kinds",
                       format_func=humanize.kind_label)
        st.multiselect("Outlet", offered["outlet"], key="f_outlets")
        st.multiselect("Article", offered["source_id"], key="f_sources",
                       format_func=lambda sid: titles.get(sid) or sid)
        st.checkbox("Include approximate dates (week, month, year…)", key="f_approximate")
        st.text_input("Search summaries and sentences", key="f_search")
        st.checkbox("Show rejected events", key="f_rejected",
                    help="Events an analyst marked as rejected are hidden unless this is on.")
        st.button("Clear all filters", on_click=clear_filters, key="clear_sidebar")
    dates = tuple(dates) if isinstance(dates, tuple | list) else (dates,)
    since = dates[0].isoformat() if dates and dates[0] != bounds[0] else ""
    until = dates[-1].isoformat() if len(dates) == 2 and dates[1] != bounds[1] else ""
    state = st.session_state
    return filters.FilterSpec(
        actors=tuple(state["f_actors"]), kinds=tuple(state["f_kinds"]),
        outlets=tuple(state["f_outlets"]), sources=tuple(state["f_sources"]),
        since=since, until=until, approximate=bool(state["f_approximate"]),
        search=state["f_search"].strip(), lanes=state["f_lanes"],
        rejected=bool(state["f_rejected"]),
    )


def header(data: dataset.Dataset, line: str) -> None:
    """Story name, then `line`: counts, span of dates and when the data was built."""
    st.title(data.title)
    st.caption(line)


def figure_cards(items: list[tuple[str, object, str]]) -> None:
    """One card per key figure, three to a row: the latest value, its history and chart
    (`figure_views`)."""
    if not items:
        return
    st.subheader("Key figures")
    columns = st.columns(3)
    for index, (card, chart, alt) in enumerate(items):
        with columns[index % 3].container(border=True):
            st.html(card)
            if chart is not None:
                st.plotly_chart(chart, key=f"figure_{index}", config={"displayModeBar": False},
                                alt=alt)


def orphans(data: dataset.Dataset) -> None:
    """A warning listing corrections whose event no longer exists (kept in curation.csv)."""
    if data.orphans.empty:
        return
    count = len(data.orphans)
    lines = "\n".join(f"- {humanize.plain_markdown(line)}"
                      for line in cards.orphan_lines(data.orphans))
    st.warning(f"{count:,} correction{'s' * (count != 1)} in curation.csv no longer match an "
               f"event (the articles changed). They are kept; review them:\n\n{lines}")


FLASH_SECONDS = 20
"""How long a message an action left stays on the page, whatever reruns the page meanwhile (a
chart redrawn with the new data may rerun it at once)."""


def flash() -> None:
    """The message an action left (`forms.leave`: a saved review, an added source, or why a
    source was not added), shown on each run for `FLASH_SECONDS` after the first."""
    note = st.session_state.get("flash")
    if not note:
        return
    since = note.setdefault("since", time.monotonic())
    if time.monotonic() - since > FLASH_SECONDS:
        del st.session_state["flash"]
        return
    (st.error if note["error"] else st.success)(humanize.plain_markdown(note["text"]))


def visible_count(events, spec: filters.FilterSpec) -> int:
    """How many events no filter but the rejected-events switch would show."""
    if spec.rejected or "status" not in events:
        return len(events)
    return int((events["status"] != "rejected").fillna(True).sum())


def hidden_note(events, shown, spec: filters.FilterSpec) -> None:
    """How many events the filters hide, with a button that shows them all."""
    total = visible_count(events, spec)
    hidden = total - len(shown)
    if hidden <= 0:
        return
    left, right = st.columns([4, 1], vertical_alignment="center")
    left.info(f"Showing {len(shown):,} of {total:,} events: the filters hide {hidden:,}.")
    right.button("Show all events", on_click=clear_filters, key="clear_hidden")


def timeline(data_dir: str, version: Version, spec: filters.FilterSpec, shown) -> None:
    """The timeline chart; clicking an event opens its card just below (and puts it in the URL)."""
    st.subheader("Timeline")
    st.radio("Lanes", ["actor", "kind"], key="f_lanes", horizontal=True,
             format_func=lambda v: "One lane per actor" if v == "actor" else "One lane per kind")
    fig = cached.timeline_figure(data_dir, version,
                                 replace(spec, lanes=st.session_state["f_lanes"]))
    meta = fig.layout.meta or {}
    st.html(NARROW_CSS)
    st.plotly_chart(fig, key="timeline", on_select=pick_event, selection_mode="points",
                    alt="Timeline of the filtered events", config={"displaylogo": False})
    notes = []
    if meta.get("aggregated"):
        notes.append("Too many events to draw one by one: dots are monthly counts. "
                     "Narrow the filters to see each event.")
    if meta.get("hidden_lanes"):
        notes.append(f"Showing the {len(meta['lanes'])} busiest lanes; "
                     f"{meta['hidden_lanes']:,} more are hidden.")
    if meta.get("zoomed"):
        notes.append("The chart opens on the span where most events are; the counts at its "
                     "edges say how many lie outside. Drag the slider under it, or "
                     "double-click the chart, to see every date.")
    notes.append("Dots are events known to the day; bars cover a whole week, month or year; "
                 "marks of one lane on the same days are stacked. Colours are kinds of event "
                 "(click one in the legend to hide it).")
    st.caption(" ".join(notes))
    picked = st.query_params.get_all("event")
    if shown["event_id"].isin(picked).any():
        with st.container(border=True):
            st.markdown("**Selected event**")
            chosen = dataset.details(data_dir, shown[shown["event_id"].isin(picked)])
            for event in chosen.to_dict("records"):
                st.html(cards.event_card_html(event))


def event_cards(data_dir: str, version: Version, spec: filters.FilterSpec, shown):
    """Event cards in date order, a page at a time; returns the events on the page (with
    every column)."""
    st.subheader(f"Events ({len(shown):,})")
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = 1
    if pages > 1:
        if st.session_state.get("page", 1) > pages:
            st.session_state["page"] = pages
        page = st.number_input(f"Page (of {pages:,})", 1, pages, key="page", step=1)
    on_page = cached.page_events(data_dir, version, spec, int(page), PAGE_SIZE)
    for event in on_page.to_dict("records"):
        with st.container(border=True):
            st.html(cards.event_card_html(event))
    return on_page


def story_events(data_dir: str, version: Version, spec: filters.FilterSpec) -> None:
    """The happenings behind the filtered events, each with every source that reports it."""
    count, html = cached.story_view(data_dir, version, spec)
    if not count:
        return
    st.subheader(f"Story events ({count:,})")
    st.caption("The same happening reported by several articles is one story event. "
               + (f"Showing the first {MAX_STORIES:,}; narrow the filters to see the others."
                  if count > MAX_STORIES else ""))
    st.html(html)


def actor_cards(data_dir: str, version: Version, spec: filters.FilterSpec) -> None:
    """The busiest actors of the filtered events, each with a button to filter to it."""
    items = cached.actor_items(data_dir, version, spec)
    if not items:
        return
    st.subheader("Actors")
    columns = st.columns(3)
    for index, card in enumerate(items):
        with columns[index % 3].container(border=True):
            st.html(cards.actor_card_html(card))
            st.button(f"Show only {card['name']}", key=f"actor_{index}", on_click=only_actor,
                      args=(card["name"],))


def downloads(data_dir: str, data: dataset.Dataset, shown) -> None:
    """The filtered events (CSV, JSON, TimelineJS) and the figures (CSV), made on click."""
    st.subheader("Download")
    columns = st.columns(4)

    def whole():
        return dataset.details(data_dir, shown)

    files = [
        ("Events (CSV)", lambda: export.events_csv(whole()), "events.csv", "text/csv"),
        ("Key figures (CSV)", lambda: export.figures_csv(data.figures), "figures.csv",
         "text/csv"),
        ("Events (JSON)", lambda: export.events_json(whole()), "events.json",
         "application/json"),
        ("TimelineJS (JSON)", lambda: export.timelinejs_json(whole(), data.title),
         "timeline.json", "application/json"),
    ]
    for column, (label, make, name, mime) in zip(columns, files, strict=True):
        column.download_button(label, make, file_name=name, mime=mime, on_click="ignore",
                               key=f"download_{name}")


def events_table(data_dir: str, version: Version, spec: filters.FilterSpec, shown) -> None:
    """The filtered events as a table with human column names; the first MAX_TABLE_ROWS of
    them, the download holding all."""
    with st.expander(f"Table of the {len(shown):,} filtered events"):
        view = cached.table_view(data_dir, version, spec)
        st.dataframe(view, hide_index=True, key="table", column_config={
            name: st.column_config.Column(width=width) for name, width in TABLE_WIDTHS.items()})
        if len(shown) > MAX_TABLE_ROWS:
            st.caption(f"The first {MAX_TABLE_ROWS:,} events are shown; the Events (CSV) "
                       "download holds all of them.")


def show_day(day: str) -> None:
    """Filter the page to one day's events (a key date's button)."""
    when = dt.date.fromisoformat(day)
    st.session_state["f_dates"] = (when, when)
    st.session_state["page"] = 1


def key_dates_view(data: dataset.Dataset, data_dir: str, version: Version) -> None:
    """The story told in its N most important days (N adjustable), a card per date with its
    sentences and how many sources give it; a button filters the page to that day's events."""
    st.subheader("Key dates")
    count = st.number_input("How many dates", 1, MAX_KEY_DATES, key="kd_count",
                            value=min(MAX_KEY_DATES, default_count(len(data.sources))))
    found = cached.key_dates(data_dir, version, int(count), KEY_SENTENCES)
    if not found:
        st.caption("No event is dated to a day yet, so there are no key dates.")
        return
    st.caption("The days the most articles refer to (more when later articles look back on "
               "them), in date order, each with its most central sentences.")
    columns = st.columns(3)
    for index, key in enumerate(found):
        with columns[index % 3].container(border=True):
            st.html(cards.key_date_card_html(key.to_dict()))
            st.button("That day's events", key=f"keyday_{key.day}", on_click=show_day,
                      args=(key.day,))
    files = [("Key dates (CSV)", lambda: store_keydates.to_csv(found), "key_dates.csv",
              "text/csv"),
             ("Key dates (JSON)", lambda: store_keydates.to_full_json(found), "key_dates.json",
              "application/json"),
             ("Key dates (TimelineJS)", lambda: store_keydates.render("timelinejs", found,
                                                                      data.title),
              "key_dates_timeline.json", "application/json")]
    for column, (label, make, name, mime) in zip(st.columns(3), files, strict=True):
        column.download_button(label, make, file_name=name, mime=mime, on_click="ignore",
                               key=f"download_{name}")


def main() -> None:
    """Lay the page out."""
    data_dir = str(dataset.default_data_dir())
    version = dataset.version(data_dir)
    data = cached.load(data_dir, version)
    st.set_page_config(page_title=data.title, layout="wide")
    facts = cached.overview(data_dir, version)
    header(data, facts["header"])
    flash()
    orphans(data)
    add_source_form(data_dir)
    story_settings(data_dir, data)
    if data.events.empty:
        figure_cards(cached.figure_views(data_dir, version))
        st.info("There is no data yet. Build it from the articles in seeds/ with `make build` "
                "(or `python -m dashboard build`), then reload this page.")
        return
    key_dates_view(data, data_dir, version)
    bounds = facts["bounds"]
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    cleared = st.session_state.pop("f_clear", False)
    seed_state(filters.FilterSpec() if cleared else filters.from_query(current),
               facts["choices"], bounds)
    spec = sidebar(data, facts["choices"], bounds)
    wanted = filters.to_query(spec) | ({"event": current["event"][-1]} if "event" in current
                                       else {})
    if current != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
    figure_cards(cached.figure_views(data_dir, version, filters.for_figures(spec)))
    shown = cached.filtered(data_dir, version, cached.unlaned(spec))
    if shown.empty:
        st.warning(f"No events match these filters: they hide all "
                   f"{visible_count(data.events, spec):,} events.")
        st.button("Clear the filters", on_click=clear_filters, key="clear_main")
        return
    hidden_note(data.events, shown, spec)
    timeline(data_dir, version, spec, shown)
    downloads(data_dir, data, shown)
    on_page = event_cards(data_dir, version, cached.unlaned(spec), shown)
    review_form(data_dir, on_page, version)
    story_events(data_dir, version, cached.unlaned(spec))
    events_table(data_dir, version, cached.unlaned(spec), shown)
    actor_cards(data_dir, version, cached.unlaned(spec))
    st.subheader("Sources")
    st.html(cached.sources_view(data_dir, version))


