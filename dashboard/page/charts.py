"""Pure chart builders: events DataFrame in, plotly Figure out.

The timeline has one trace per lane (an actor or a kind). A day-precise event is a point; an
event known only to the week, month, year... is a bar over the whole period it covers, from its
first day to the end of its last day, so "October 2024" never looks like Oct 1.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.humanize import date_label, kind_label, text
from dashboard.period import Period

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999", "#F0E442"]
"""Okabe-Ito colours (black swapped for grey so it shows on dark themes too)."""

NO_ACTOR = "No named actor"
MAX_LANES = 30
MAX_EVENTS = 2000
"""Above this many events the timeline shows monthly counts (WebGL) instead of each event."""


def lanes(events: pd.DataFrame, by: str = "actor") -> pd.DataFrame:
    """Events with a `lane` column; an event naming several actors sits in each of their lanes."""
    if by == "kind":
        return events.assign(lane=events["kind"].map(kind_label, na_action=None))
    names = events["actors"].fillna("").str.split("; ", regex=False).explode()
    names = names.fillna("").str.strip().replace("", NO_ACTOR)
    return events.loc[names.index].assign(lane=names.to_numpy())


def lane_order(laned: pd.DataFrame, limit: int = MAX_LANES) -> list[str]:
    """The busiest `limit` lanes, busiest first (ties by name)."""
    counts = laned["lane"].value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
    return [name for name, _ in ranked[:limit]]


def focus_range(events: pd.DataFrame) -> list[str] | None:
    """The window to open the timeline on when a few old events would squash the rest.

    None (show everything) unless the earliest 5% of events (at least one) lie more than a year
    before the others; then the window starts a little before the rest.
    """
    starts = events["date"].dropna().sort_values()
    if len(starts) < 5:
        return None
    cut = dt.date.fromisoformat(starts.iloc[max(1, len(starts) // 20)][:10])
    first = dt.date.fromisoformat(starts.iloc[0][:10])
    if (cut - first).days < 365:
        return None
    last = dt.date.fromisoformat(events["date_end"].fillna(events["date"]).dropna().max()[:10])
    pad = max(dt.timedelta(days=15), (last - cut) / 20)
    return [(cut - pad).isoformat(), (last + pad).isoformat()]


def hover_text(event: dict) -> str:
    """Escaped hover label: summary, the date as written, who says so, the outlet."""
    summary = "<br>".join(textwrap.wrap(html.escape(text(event.get("summary"))), 60)[:4])
    written = text(event.get("date_text"))
    shown = date_label(event.get("date"), event.get("date_end"), event.get("precision"),
                       event.get("timex"), event.get("mod"))
    who = text(event.get("attributed_to")) or "unattributed"
    outlet = text(event.get("outlet")) or "unknown outlet"
    return (f"<b>{html.escape(shown)}</b> (“{html.escape(written)}”)<br>{summary}<br>"
            f"According to {html.escape(who)} · {html.escape(outlet)}")


def _lane_trace(name: str, rows: pd.DataFrame, colour: str) -> go.Scatter:
    """One lane: points for day-precise events, thick bars for longer periods.

    A bar is three invisible points (first day, `Period.midpoint`, `Period.after`: the end of
    the last day) joined by a thick line; a gap (None) separates events.
    """
    xs, ids, hovers, sizes = [], [], [], []
    for event in rows.to_dict("records"):
        start = text(event.get("date"))
        period = Period.of_row(start, text(event.get("date_end")), text(event.get("precision")))
        label = hover_text(event)
        if period is None or period.is_day:
            points, marks = [start], [11]
        else:
            points = [start, period.midpoint.isoformat(), period.after.isoformat()]
            marks = [0, 0, 0]
        xs += points + [None]
        ids += [event.get("event_id")] * len(points) + [None]
        hovers += [label] * len(points) + [None]
        sizes += marks + [0]
    return go.Scatter(
        x=xs, y=[name if x is not None else None for x in xs], name=name, mode="lines+markers",
        customdata=ids, hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>",
        line={"color": colour, "width": 9}, opacity=0.9, connectgaps=False,
        marker={"color": colour, "size": sizes, "line": {"color": "white", "width": 1}},
    )


def _count_trace(name: str, counts: pd.Series, colour: str) -> go.Scattergl:
    """One lane as monthly counts (for large tables), drawn with WebGL."""
    labels = [f"{n:,} events · {Period.of_value(m).label}" for m, n in counts.items()]
    return go.Scattergl(
        x=[m + "-15" for m in counts.index], y=[name] * len(counts), name=name, mode="markers",
        hovertext=labels, hovertemplate="%{hovertext}<extra></extra>",
        marker={"color": colour, "size": [min(6 + n ** 0.5 * 2, 30) for n in counts]},
    )


def timeline(events: pd.DataFrame, by: str = "actor", max_lanes: int = MAX_LANES,
             max_events: int = MAX_EVENTS) -> go.Figure:
    """The timeline figure: one trace per lane (busiest `max_lanes` lanes), top to bottom.

    `layout.meta` tells the caller what was drawn: lanes, hidden lane count, whether the events
    were aggregated to monthly counts, and how many events are drawn.
    """
    dated = events[events["date"].notna()]
    aggregated = len(dated) > max_events and dated["event_id"].nunique() > max_events
    laned = lanes(dated[["event_id", "date", "actors", "kind"]] if aggregated else dated, by)
    order = lane_order(laned, max_lanes)
    shown = laned[laned["lane"].isin(order)]
    fig = go.Figure()
    if aggregated:
        monthly = shown.groupby(["lane", shown["date"].str.slice(0, 7)]).size()
        for index, name in enumerate(order):
            fig.add_trace(_count_trace(name, monthly.loc[name], PALETTE[index % len(PALETTE)]))
    else:
        for index, name in enumerate(order):
            rows = shown[shown["lane"] == name]
            fig.add_trace(_lane_trace(name, rows, PALETTE[index % len(PALETTE)]))
    fig.update_layout(
        height=max(300, 130 + 34 * len(order)), showlegend=False, hovermode="closest",
        margin={"l": 10, "r": 10, "t": 36, "b": 30}, clickmode="event+select",
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": order[::-1],
               "automargin": True, "title": None},
        xaxis={"type": "date", "title": None, "automargin": True, "range": focus_range(dated),
               "rangeslider": {"visible": True, "thickness": 0.08,
                                             "bgcolor": "rgba(128,128,128,0.08)"}},
        meta={"lanes": order, "hidden_lanes": laned["lane"].nunique() - len(order),
              "aggregated": bool(aggregated), "events": int(shown["event_id"].nunique()),
              "zoomed": focus_range(dated) is not None},
    )
    return fig


def selected_ids(selection: object) -> list[str]:
    """The event ids of the points a plotly selection holds (Streamlit's `on_select` state)."""
    points = []
    if isinstance(selection, dict) or hasattr(selection, "get"):
        inner = selection.get("selection") or selection
        points = inner.get("points", []) if hasattr(inner, "get") else []
    ids = []
    for point in points or []:
        value = point.get("customdata") if hasattr(point, "get") else None
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if value and value not in ids:
            ids.append(str(value))
    return ids


MAX_HISTORY_POINTS = 400
"""Above this many dated claims, a figure's chart draws the latest claim of each of its latest
dates only; the card still counts every claim."""


def figure_history(claims: pd.DataFrame | list[dict]) -> go.Figure:
    """A small chart of one quantity's value by as-of date: one point per dated claim.

    Claims are drawn oldest first and joined by a line (at most MAX_HISTORY_POINTS); each
    point's hover says the value, the as-of date, who makes the claim and the outlet (escaped).
    Claims without an as-of date or value are left out (`layout.meta["undated"]` counts them).
    """
    rows = pd.DataFrame(claims)
    for column in ("as_of", "value", "qualifier", "attributed_to", "outlet", "published"):
        if column not in rows.columns:
            rows[column] = None
    usable = rows["as_of"].notna() & rows["value"].notna()
    dated = rows[usable].sort_values(["as_of", "published"], na_position="first", kind="stable")
    drawn = dated
    if len(drawn) > MAX_HISTORY_POINTS:  # the latest claim of each date, the latest dates
        drawn = drawn.drop_duplicates("as_of", keep="last").tail(MAX_HISTORY_POINTS)
    hovers = []
    for claim in drawn[["as_of", "value", "qualifier", "attributed_to", "outlet"]].to_dict(
        "records"
    ):
        who = text(claim.get("attributed_to")) or "unattributed"
        outlet = text(claim.get("outlet")) or "unknown outlet"
        value = f"{text(claim.get('qualifier'))} {int(claim['value']):,}".strip()
        hovers.append(f"<b>{html.escape(value)}</b> as of {html.escape(date_label(claim['as_of']))}"
                      f"<br>{html.escape(who)} · {html.escape(outlet)}")
    fig = go.Figure(go.Scatter(
        x=[str(x)[:10] for x in drawn["as_of"]], y=[int(v) for v in drawn["value"]],
        mode="lines+markers", hovertext=hovers, hovertemplate="%{hovertext}<extra></extra>",
        line={"color": PALETTE[0], "width": 2}, marker={"color": PALETTE[0], "size": 8},
    ))
    fig.update_layout(
        height=170, showlegend=False, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"type": "date", "title": None, "automargin": True},
        yaxis={"title": None, "automargin": True, "rangemode": "tozero", "tickformat": ",d"},
        meta={"claims": len(dated), "shown": len(drawn), "undated": int((~usable).sum())},
    )
    return fig
