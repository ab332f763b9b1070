"""The Streamlit page: widgets in, calls into the core, elements out.

Run with `streamlit run dashboard/app.py`; the data directory is env var DASHBOARD_DATA or the
repository's `data/`. Every filter is mirrored in the URL's query params.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import cards, charts, dataset, export, filters, humanize

PAGE_SIZE = 25
KEYS = {"actors": "f_actors", "kinds": "f_kinds", "outlets": "f_outlets",
        "sources": "f_sources", "approximate": "f_approximate", "search": "f_search",
        "lanes": "f_lanes"}
TABLE_COLUMNS = {"event_id": "Event", "when": "Date", "summary": "Summary", "actors": "Actors",
                 "kind": "Kind", "attributed_to": "Who says so", "outlet": "Outlet",
                 "date_text": "Date as written"}


@st.cache_data(show_spinner=False, max_entries=4)
def load(data_dir: str, stamp: float | None) -> dataset.Dataset:
    """The tables of `data_dir`, cached until events.csv changes (`stamp` is its mtime)."""
    return dataset.load(data_dir)


@st.cache_data(show_spinner=False, max_entries=4)
def overview(data_dir: str, stamp: float | None) -> dict:
    """What the whole build offers: each filter's values, its date bounds, the header line."""
    data = load(data_dir, stamp)
    return {
        "choices": {column: filters.options(data.events, column)
                    for column in ("actors", "kind", "outlet", "source_id")},
        "bounds": filters.date_bounds(data.events, dt.date.today()),
        "header": cards.header_line(data.events, data.sources, data.built),
    }


@st.cache_data(show_spinner=False, max_entries=4)
def date_labels(data_dir: str, stamp: float | None):
    """Every event's date as people write it, by row."""
    return humanize.date_labels(load(data_dir, stamp).events)


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
    )


def header(data: dataset.Dataset, line: str) -> None:
    """Story name, then `line`: counts, span of dates and when the data was built."""
    st.title(data.title)
    st.caption(line)


def figure_cards(data: dataset.Dataset) -> None:
    """One card per key figure, three to a row."""
    items = cards.key_figures(data.figures)
    if not items:
        return
    st.subheader("Key figures")
    columns = st.columns(3)
    for index, card in enumerate(items[:9]):
        with columns[index % 3].container(border=True):
            st.html(cards.figure_card_html(card))


def timeline(shown) -> None:
    """The timeline chart; clicking an event opens its card just below (and puts it in the URL)."""
    st.subheader("Timeline")
    st.radio("Lanes", ["actor", "kind"], key="f_lanes", horizontal=True,
             format_func=lambda v: "One lane per actor" if v == "actor" else "One lane per kind")
    fig = charts.timeline(shown, by=st.session_state["f_lanes"])
    meta = fig.layout.meta or {}
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
        notes.append("The chart opens on the busiest period: drag the slider under it, or "
                     "double-click the chart, to see every date.")
    notes.append("Dots are events known to the day; bars cover a whole week, month or year.")
    st.caption(" ".join(notes))
    picked = st.query_params.get_all("event")
    if shown["event_id"].isin(picked).any():
        with st.container(border=True):
            st.markdown("**Selected event**")
            for event in shown[shown["event_id"].isin(picked)].to_dict("records"):
                st.html(cards.event_card_html(event))


def event_cards(shown) -> None:
    """Event cards in date order, a page at a time."""
    st.subheader(f"Events ({len(shown):,})")
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = 1
    if pages > 1:
        if st.session_state.get("page", 1) > pages:
            st.session_state["page"] = pages
        page = st.number_input(f"Page (of {pages:,})", 1, pages, key="page", step=1)
    for event in shown.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE].to_dict("records"):
        with st.container(border=True):
            st.html(cards.event_card_html(event))


def actor_cards(data: dataset.Dataset, shown) -> None:
    """The busiest actors of the filtered events, each with a button to filter to it."""
    items = cards.actor_cards(shown, data.actors)
    if not items:
        return
    st.subheader("Actors")
    columns = st.columns(3)
    for index, card in enumerate(items):
        with columns[index % 3].container(border=True):
            st.html(cards.actor_card_html(card))
            st.button(f"Show only {card['name']}", key=f"actor_{index}", on_click=only_actor,
                      args=(card["name"],))


def downloads(data: dataset.Dataset, shown) -> None:
    """The filtered events (CSV, JSON, TimelineJS) and the figures (CSV), made on click."""
    st.subheader("Download")
    columns = st.columns(4)
    files = [
        ("Events (CSV)", lambda: export.events_csv(shown), "events.csv", "text/csv"),
        ("Key figures (CSV)", lambda: export.figures_csv(data.figures), "figures.csv",
         "text/csv"),
        ("Events (JSON)", lambda: export.events_json(shown), "events.json", "application/json"),
        ("TimelineJS (JSON)", lambda: export.timelinejs_json(shown, data.title),
         "timeline.json", "application/json"),
    ]
    for column, (label, make, name, mime) in zip(columns, files, strict=True):
        column.download_button(label, make, file_name=name, mime=mime, on_click="ignore",
                               key=f"download_{name}")


def events_table(shown, labels) -> None:
    """The filtered events as a table with human column names (`labels`: dates by row)."""
    with st.expander(f"Table of the {len(shown):,} filtered events"):
        view = shown.assign(when=labels.reindex(shown.index))
        view = view[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
        st.dataframe(view, hide_index=True, key="table")


def main() -> None:
    """Lay the page out."""
    data_dir = str(dataset.default_data_dir())
    data = load(data_dir, dataset.stamp(data_dir))
    st.set_page_config(page_title=data.title, layout="wide")
    facts = overview(data_dir, data.built)
    header(data, facts["header"])
    if data.events.empty:
        figure_cards(data)
        st.info("There is no data yet. Build it from the articles in seeds/ with `make build` "
                "(or `python -m dashboard build`), then reload this page.")
        return
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
    figure_cards(data)
    shown = filters.apply(data.events, spec)
    if shown.empty:
        st.warning("No events match these filters.")
        st.button("Clear the filters", on_click=clear_filters, key="clear_main")
        return
    timeline(shown)
    downloads(data, shown)
    event_cards(shown)
    events_table(shown, date_labels(data_dir, data.built))
    actor_cards(data, shown)
    st.subheader("Sources")
    st.html(cards.sources_html(data.sources))


if __name__ == "__main__":
    main()
