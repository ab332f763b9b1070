"""The Streamlit page: widgets in, calls into the core, elements out.

Run with `streamlit run dashboard/page/app.py`; the data directory is env var DASHBOARD_DATA or the
repository's `data/`, new articles go to the manifest DASHBOARD_SOURCES (or seeds/sources.csv).
Every filter is mirrored in the URL's query params.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import streamlit as st

from dashboard import humanize
from dashboard.page import cards, charts
from dashboard.read.sources import SourceError, read_manifest
from dashboard.store import curation, dataset, export, filters, uploads
from dashboard.store import keydates as store_keydates
from dashboard.story import review
from dashboard.story.keydates import default_count
from dashboard.story.story_table import story_table

PAGE_SIZE = 25
KEYS = {"actors": "f_actors", "kinds": "f_kinds", "outlets": "f_outlets",
        "sources": "f_sources", "approximate": "f_approximate", "search": "f_search",
        "lanes": "f_lanes", "rejected": "f_rejected"}
TABLE_COLUMNS = {"summary": "Summary", "when": "Date", "kind": "Kind", "actors": "Actors",
                 "attributed_to": "Who says so", "outlet": "Outlet",
                 "date_text": "Date as written", "status": "Status", "event_id": "Event"}
# The events table's columns, the summary first: on a narrow screen the table scrolls
# sideways and keeps each column readable rather than squeezing them. (No bare strings at
# the module's top level: Streamlit would write them on the page.)
TABLE_WIDTHS = {"Summary": 340, "Date": 150, "Kind": 100, "Actors": 180, "Who says so": 170,
                "Outlet": 130, "Date as written": 130, "Status": 90, "Event": 130}
NARROW_CSS = """<style>
@media (max-width: 640px) {
  .js-plotly-plot .scatterlayer .textpoint { display: none; }
}
</style>"""  # marks' short labels are left out on a phone, where they would run into each other
MAX_TABLE_ROWS = 5_000  # rows of the events table sent to the browser
MAX_FIGURES = 9  # figure cards on the page, the largest quantities first
MAX_STORIES = 200  # the story-events section lists at most this many story events
MAX_KEY_DATES = 200  # the key-dates view offers at most this many dates
KEY_SENTENCES = 2  # sentences under each key date
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
    events = filtered(data_dir, stamp, _unlaned(spec))
    if not charts.aggregates(events):
        events = dataset.details(data_dir, events, charts.MARK_COLUMNS)
    return charts.timeline(events, by=spec.lanes, pairs=actor_pairs(data_dir, stamp))


@st.cache_data(show_spinner=False, max_entries=8)
def actor_items(data_dir: str, stamp: Version, spec: filters.FilterSpec) -> list[dict]:
    """The actor cards of the events `spec` keeps."""
    return cards.actor_cards(filtered(data_dir, stamp, spec), load(data_dir, stamp).actors,
                             pairs=actor_pairs(data_dir, stamp))


def _unlaned(spec: filters.FilterSpec) -> filters.FilterSpec:
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


@st.cache_data(show_spinner=False, max_entries=8)
def table_view(data_dir: str, stamp: Version, spec: filters.FilterSpec):
    """The events table's rows: the first MAX_TABLE_ROWS events `spec` keeps, with human
    column names and dates as people write them."""
    head = dataset.details(data_dir, filtered(data_dir, stamp, spec).head(MAX_TABLE_ROWS),
                           tuple(TABLE_COLUMNS))
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


def flash() -> None:
    """The message an action left for the next run (a saved review, an added source)."""
    message = st.session_state.pop("flash", None)
    if message:
        st.success(humanize.plain_markdown(message))


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
    fig = timeline_figure(data_dir, version, replace(spec, lanes=st.session_state["f_lanes"]))
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


def event_cards(data_dir: str, shown):
    """Event cards in date order, a page at a time; returns the events on the page (with
    every column)."""
    st.subheader(f"Events ({len(shown):,})")
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    page = 1
    if pages > 1:
        if st.session_state.get("page", 1) > pages:
            st.session_state["page"] = pages
        page = st.number_input(f"Page (of {pages:,})", 1, pages, key="page", step=1)
    on_page = dataset.details(data_dir, shown.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE])
    for event in on_page.to_dict("records"):
        with st.container(border=True):
            st.html(cards.event_card_html(event))
    return on_page


def review_form(data_dir: str, on_page, version: Version) -> None:
    """Mark an event of this page verified or rejected, or correct it (saved to curation.csv).

    The fields' keys carry the data's version, so after a save they start from the saved values.
    """
    if on_page.empty:
        return
    with st.expander("Review an event (verify, reject or correct)"):
        events = {e["event_id"]: e for e in on_page.to_dict("records")}
        picked = [i for i in st.query_params.get_all("event") if i in events]
        event_id = st.selectbox(
            "Event", list(events), index=list(events).index(picked[0]) if picked else 0,
            key="review_event",
            format_func=lambda i: f"{humanize.event_date(events[i])} · "
                                  f"{humanize.text(events[i]['summary'])[:90]}")
        event = events[event_id]
        tag = f"{event_id}_{version[0]}_{version[1]}"
        with st.form(f"review_{tag}"):
            st.caption(f"Now: {humanize.status_label(event.get('status'))}. Leave a field as it "
                       "is to keep what the machine found.")
            verdict = st.radio("Verdict", review.VERDICTS, horizontal=True, key="review_verdict",
                               format_func=lambda v: {"keep": "No verdict",
                                                      "verified": "Verified",
                                                      "rejected": "Rejected"}[v])
            values = {"verdict": verdict}
            left, right, third = st.columns(3)
            values["date"] = left.text_input("First day (YYYY-MM-DD)",
                                             humanize.text(event.get("date")),
                                             key=f"review_date_{tag}")
            values["date_end"] = right.text_input("Last day (YYYY-MM-DD)",
                                                  humanize.text(event.get("date_end")),
                                                  key=f"review_date_end_{tag}")
            precisions = list(dict.fromkeys([*review.PRECISIONS,
                                             humanize.text(event.get("precision")) or "day"]))
            values["precision"] = third.selectbox(
                "Precision", precisions, key=f"review_precision_{tag}",
                index=precisions.index(humanize.text(event.get("precision")) or "day"))
            values["summary"] = st.text_area("Summary", humanize.text(event.get("summary")),
                                             key=f"review_summary_{tag}", height=80)
            values["actors"] = st.text_input("Actors (separated by “; ”)",
                                             humanize.text(event.get("actors")),
                                             key=f"review_actors_{tag}")
            kinds = list(dict.fromkeys([*review.KINDS, humanize.text(event.get("kind"))
                                        or "event"]))
            values["kind"] = st.selectbox("Kind", kinds, key=f"review_kind_{tag}",
                                          index=kinds.index(humanize.text(event.get("kind"))
                                                            or "event"),
                                          format_func=humanize.kind_label)
            if st.form_submit_button("Save review"):
                save_review(data_dir, event, values)


def save_review(data_dir: str, event: dict, values: dict) -> None:
    """Record the review, then rerun so every part of the page shows it."""
    try:
        status, fixed = review.changes(event, values)
        previous = curation.read(data_dir)
        previous = previous[previous["event_id"] == event["event_id"]].to_dict("records")
        status, kept = review.merged(previous[-1] if previous else None, status, fixed)
        curation.save(data_dir, event["event_id"], status, **kept)
    except (review.ReviewError, ValueError, OSError) as error:
        st.error(humanize.plain_markdown(f"Not saved: {error}"))
        return
    load.clear()
    st.session_state["flash"] = (f"Saved: the event is now {humanize.status_label(status)}"
                                 + (f" ({', '.join(fixed)} corrected)." if fixed else "."))
    st.rerun()


def story_events(data_dir: str, version: Version, spec: filters.FilterSpec) -> None:
    """The happenings behind the filtered events, each with every source that reports it."""
    count, html = story_view(data_dir, version, spec)
    if not count:
        return
    st.subheader(f"Story events ({count:,})")
    st.caption("The same happening reported by several articles is one story event. "
               + (f"Showing the first {MAX_STORIES:,}; narrow the filters to see the others."
                  if count > MAX_STORIES else ""))
    st.html(html)


def add_source_form(data_dir: str) -> None:
    """The sidebar's "Add a source" form: store the article, rebuild with a progress bar."""
    manifest = dataset.default_manifest()
    with st.sidebar.expander("Add a source"), st.form("add_source", clear_on_submit=False):
        upload = st.file_uploader("Article file (.txt, .md, .html)",
                                  type=["txt", "md", "html", "htm"], key="add_file",
                                  max_upload_size=uploads.MAX_BYTES // (1024 * 1024))
        pasted = st.text_area("…or paste the article's text", key="add_text", height=100)
        by_url = st.text_input("…or add by URL (the page is fetched and kept)", key="add_by_url",
                               placeholder="https://…")
        url = st.text_input("URL (http or https)", key="add_url")
        title = st.text_input("Title", key="add_title")
        outlet = st.text_input("Outlet", key="add_outlet")
        published = st.date_input("Publication date (blank: found in the text)", value=None,
                                  key="add_published", format="YYYY-MM-DD")
        if not st.form_submit_button("Add and rebuild"):
            return
        if upload is not None:
            content, name = upload.getvalue(), upload.name
        elif pasted.strip():
            content, name = pasted.encode("utf-8"), uploads.PASTED_NAME
        elif by_url.strip():
            content, name = None, by_url.strip()
        else:
            st.error("Choose a file, paste the article's text or give its URL.")
            return
        bar = st.progress(0.0, text="Reading the articles…")

        def progress(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"Extracting: {done} of {total} articles")

        given, today = published.isoformat() if published else "", dt.date.today().isoformat()
        try:
            if content is None:
                stored = uploads.add_url(manifest, data_dir, name, progress=progress,
                                         published=given, undated=today)
            else:
                stored = uploads.add(manifest, data_dir, content, name, url=url,
                                     published=given, title=title, outlet=outlet,
                                     progress=progress, undated=today)
        except SourceError as error:
            bar.empty()
            st.error(humanize.plain_markdown(str(error)))
            return
    load.clear()
    st.session_state["flash"] = (f"Added {stored.name} to {manifest.name} and rebuilt the data."
                                 + ("" if given else _dated_note(manifest, stored, today)))
    st.rerun()


def _dated_note(manifest: Path, stored: Path, today: str) -> str:
    """What the flash says of the date an article added without one was given."""
    row = next((r for r in read_manifest(manifest) if Path(r["path"]).name == stored.name), {})
    if row.get("published") == today:
        return (f" No publication date was given or found in it, so it is dated today "
                f"({humanize.day_label(today)}), the day it was added: correct it in "
                f"{manifest.name} if it is older.")
    if row.get("published"):
        return f" Its publication date, {humanize.day_label(row['published'])}, is its URL's."
    return " Its publication date is the one found in the article."


def story_settings(data_dir: str, data: dataset.Dataset) -> None:
    """The sidebar's "Story settings" form: the story's title, saved to story.json."""
    with st.sidebar.expander("Story settings"), st.form("story_settings"):
        title = st.text_input("Story title", data.title, key="settings_title", max_chars=200,
                              help="Saved in story.json in the data folder and beside the "
                                   "manifest. Leave it blank to name the story from its "
                                   "articles' titles.")
        if not st.form_submit_button("Save settings"):
            return
        try:
            saved = dataset.save_title(data_dir, title, dataset.default_manifest().parent)
        except OSError as error:
            st.error(humanize.plain_markdown(f"Not saved: {error}"))
            return
    load.clear()
    st.session_state.pop("settings_title", None)
    st.session_state["flash"] = (f"Saved the story's title: {saved}." if saved else
                                 "Removed the story's title: it is named from its articles.")
    st.rerun()


def actor_cards(data_dir: str, version: Version, spec: filters.FilterSpec) -> None:
    """The busiest actors of the filtered events, each with a button to filter to it."""
    items = actor_items(data_dir, version, spec)
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
        view = table_view(data_dir, version, spec)
        st.dataframe(view, hide_index=True, key="table", column_config={
            name: st.column_config.Column(width=width) for name, width in TABLE_WIDTHS.items()})
        if len(shown) > MAX_TABLE_ROWS:
            st.caption(f"The first {MAX_TABLE_ROWS:,} events are shown; the Events (CSV) "
                       "download holds all of them.")


@st.cache_data(show_spinner=False, max_entries=8)
def key_dates(data_dir: str, stamp: Version, count: int, per_day: int) -> list:
    """The story's `count` key dates with `per_day` sentences each, in date order."""
    data = load(data_dir, stamp)
    return store_keydates.for_folder(data_dir, data.events, data.sources, count, per_day)


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
    found = key_dates(data_dir, version, int(count), KEY_SENTENCES)
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
    data = load(data_dir, version)
    st.set_page_config(page_title=data.title, layout="wide")
    facts = overview(data_dir, version)
    header(data, facts["header"])
    flash()
    orphans(data)
    add_source_form(data_dir)
    story_settings(data_dir, data)
    if data.events.empty:
        figure_cards(figure_views(data_dir, version))
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
    figure_cards(figure_views(data_dir, version, filters.for_figures(spec)))
    shown = filtered(data_dir, version, _unlaned(spec))
    if shown.empty:
        st.warning(f"No events match these filters: they hide all "
                   f"{visible_count(data.events, spec):,} events.")
        st.button("Clear the filters", on_click=clear_filters, key="clear_main")
        return
    hidden_note(data.events, shown, spec)
    timeline(data_dir, version, spec, shown)
    downloads(data_dir, data, shown)
    on_page = event_cards(data_dir, shown)
    review_form(data_dir, on_page, version)
    story_events(data_dir, version, _unlaned(spec))
    events_table(data_dir, version, _unlaned(spec), shown)
    actor_cards(data_dir, version, _unlaned(spec))
    st.subheader("Sources")
    st.html(sources_view(data_dir, version))


if __name__ == "__main__":
    main()
