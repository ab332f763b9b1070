"""Pure chart builders: events DataFrame in, plotly Figure out.

The timeline has one lane per actor (or per kind) and one colour per kind of event, the same in
every view, with a legend of the kinds. A day-precise event is a point; an event known only to
the week, month, year... is a bar over the whole period it covers, from its first day to the end
of its last day, so "October 2024" never looks like Oct 1. Marks of one lane that would cover
each other (the same day, overlapping periods) are stacked in rows of the lane. The chart opens
on the span where most events are; events outside it are counted at its edges.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.humanize import date_label, kind_label, text
from dashboard.period import Period
from dashboard.vocab import event_kinds

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#882255",
           "#F0E442", "#44AA99", "#999999"]
"""Okabe-Ito colours (black swapped for grey so it shows on dark themes too), then Tol's wine
and teal for the kinds beyond eight."""
KIND_COLOURS = {kind.name: PALETTE[index % (len(PALETTE) - 1)] if kind.cues else PALETTE[-1]
                for index, kind in enumerate(event_kinds())}
"""One fixed colour per kind of event (the kinds of `dashboard.vocab.event_kinds`, in order;
the kind without cues, "event", is grey), so a kind looks the same in every view."""

NO_ACTOR = "No named actor"
MAX_LANES = 30
MAX_EVENTS = 2000
"""Above this many events the timeline shows monthly counts (WebGL) instead of each event."""
MAX_STACK = 6
"""Rows a lane grows to for marks that would cover each other; more share them, closer."""
FOCUS_SHARE = 0.6
"""The chart opens on the shortest span holding this share of the events (widened a little)."""
MAX_LANE_NAME = 40
"""Lane names longer than this are shortened (the hover label has them whole)."""
LANE_TITLE = 0.9
"""The height, in rows, of a lane's name, written above its marks so the marks keep the
chart's whole width (on a phone too)."""
LABEL_PIXELS = 170
"""Room a mark's short label needs (at the chart's usual 1,100 pixels): closer marks go without."""


class Shared(list):
    """A trace's values, one a mark, which copying the figure shares rather than copies: plotly
    copies every value when a figure is made and again each time it is drawn (`to_dict`),
    tenths of a second at 100,000 events; the page's figures are cached and read-only."""

    def __deepcopy__(self, memo: dict) -> Shared:
        return self


def kind_colour(kind: object) -> str:
    """The colour of a kind of event (grey for kinds the vocabulary does not know)."""
    return KIND_COLOURS.get(text(kind), PALETTE[-1])


def actor_pairs(events: pd.DataFrame) -> pd.Series:
    """Each event's actors, one a row under the event's index label, stripped ("" for an event
    naming none): made once for a whole table, then narrowed to any of its rows (`among`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = events["actors"]
    lists = pc.split_pattern(pc.fill_null(pa.array(column, type=pa.string(), from_pandas=True),
                                          ""), "; ")  # (Arrow's kernels: no string per cell)
    names = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    index = events.index[pc.list_parent_indices(lists).to_numpy()]
    return pd.Series(pd.arrays.ArrowStringArray(names), index=index).astype(str)


def among(pairs: pd.Series, events: pd.DataFrame) -> pd.Series:
    """The `actor_pairs` of a table's rows that are in `events` (a part of it, in its order)."""
    return pairs[pairs.index.isin(events.index)]


def lanes(events: pd.DataFrame, by: str = "actor", pairs: pd.Series | None = None
          ) -> pd.DataFrame:
    """Events with a `lane` column; an event naming several actors sits in each of their lanes
    (`pairs`: the `actor_pairs` of a table `events` is part of, if made already)."""
    if by == "kind":
        return events.assign(lane=events["kind"].map(kind_label, na_action=None))
    names = actor_pairs(events) if pairs is None else among(pairs, events)
    names = names.replace("", NO_ACTOR)
    return events.loc[names.index].assign(lane=names.array)  # (the array: no str per row)


def lane_order(laned: pd.DataFrame, limit: int = MAX_LANES) -> list[str]:
    """The busiest `limit` lanes, busiest first (ties by name); "No named actor" last."""
    counts = laned["lane"].value_counts()
    ranked = sorted(counts.items(), key=lambda item: (item[0] == NO_ACTOR, -item[1],
                                                      item[0].casefold()))
    return [name for name, _ in ranked[:limit]]


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text(value)[:10])
    except ValueError:
        return None


def _ordinals(values: pd.Series) -> np.ndarray:
    """ISO days (a timestamp's date too) as sorted day numbers, unreadable ones left out (each
    distinct value read once: a large table has few distinct days)."""
    codes, distinct = pd.factorize(values.dropna())
    days = pd.to_datetime(pd.Series(distinct, dtype=object).astype(str).str.slice(0, 10),
                          format="%Y-%m-%d", errors="coerce")
    numbers = days.to_numpy(dtype="datetime64[D]").astype(np.int64)[codes]
    return np.sort(numbers[~days.isna().to_numpy()[codes]])


def focus_window(events: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The days to open the timeline on when a few far dates would squash the rest.

    The shortest span holding FOCUS_SHARE of the events' first days, widened to the events
    next to it while it at most doubles; None (show everything) when that is more than half
    the whole span or there are fewer than five events.
    """
    days = _ordinals(events["date"])
    if len(days) < 5:
        return None
    need = math.ceil(FOCUS_SHARE * len(days))
    widths = days[need - 1:] - days[: len(days) - need + 1]
    start = int(np.argmin(widths))
    limit = max(2 * int(widths[start]), 14)
    # Widened a distinct day at a time: events of the day next to the span are taken together
    # (the one after another, as the nearer neighbour, since they are 0 days apart).
    distinct = np.unique(days)
    low = int(np.searchsorted(distinct, days[start]))
    high = int(np.searchsorted(distinct, days[start + need - 1]))
    while True:
        before = low > 0 and distinct[high] - distinct[low - 1] <= limit
        after = high < len(distinct) - 1 and distinct[high + 1] - distinct[low] <= limit
        if not (before or after):
            break
        if before and (not after or distinct[low] - distinct[low - 1]
                       <= distinct[high + 1] - distinct[high]):
            low -= 1
        else:
            high += 1
    days = distinct
    ends = _ordinals(events["date_end"].fillna(events["date"]))
    span = max(int(ends[-1]) if len(ends) else 0, int(days[-1])) - int(days[0])
    if span <= 0 or days[high] - days[low] > span / 2:
        return None
    epoch = dt.date(1970, 1, 1)
    return (epoch + dt.timedelta(days=int(days[low])),
            epoch + dt.timedelta(days=int(days[high])))


def focus_range(events: pd.DataFrame, window: tuple[dt.date, dt.date] | None = None
                ) -> list[str] | None:
    """The x range the timeline opens on (`focus_window`, given or found, padded), or None
    for everything."""
    window = window or focus_window(events)
    if window is None:
        return None
    low, high = window
    pad = max(dt.timedelta(days=3), (high - low) / 12)
    return [(low - pad).isoformat(), (high + pad + dt.timedelta(days=1)).isoformat()]


WRAP_SPACE = re.compile(r"[\t\n\x0b\x0c\r]")
"""Whitespace `textwrap` would turn into spaces (it keeps plain spaces inside a line)."""


def wrapped(line: str, width: int) -> list[str]:
    """`textwrap.wrap(line, width)`, without its work for a line that fits as it is (most do).

    >>> wrapped("Bridge closed", 60), wrapped(" Bridge  closed", 60), wrapped("a b c", 3)
    (['Bridge closed'], [' Bridge  closed'], ['a b', 'c'])
    """
    if line and len(line) <= width and line.strip() == line and not WRAP_SPACE.search(line):
        return [line]
    return textwrap.wrap(line, width)


def shortened(line: str, width: int) -> str:
    """`textwrap.shorten(line, width)`, without its work for a line that fits once its
    whitespace is collapsed (most do).

    >>> shortened("Outlet:  a  title ", 90), shortened("word " * 30, 20)
    ('Outlet: a title', 'word word word [...]')
    """
    collapsed = " ".join(line.split())
    return collapsed if len(collapsed) <= width else textwrap.shorten(line, width)


def hover_text(event: dict) -> str:
    """Escaped hover label: the date (and as written), summary, who says so, the source."""
    summary = "<br>".join(wrapped(html.escape(text(event.get("summary"))), 60)[:4])
    written = text(event.get("date_text"))
    shown = date_label(event.get("date"), event.get("date_end"), event.get("precision"),
                       event.get("timex"), event.get("mod"))
    who = text(event.get("attributed_to")) or "unattributed"
    outlet = text(event.get("outlet")) or "unknown outlet"
    title = text(event.get("source_title"))
    source = f"{outlet}: {title}" if title else outlet
    return (f"<b>{html.escape(shown)}</b> (“{html.escape(written)}”) · "
            f"{html.escape(kind_label(event.get('kind')))}<br>{summary}<br>"
            f"According to {html.escape(who)} · {html.escape(shortened(source, 90))}")


def short_label(summary: object, actors: object = "", words: int = 4) -> str:
    """The first words of a summary for a mark's label, without the event's actors (its lane
    names them) or a leading article.

    >>> short_label("The Tansy Roads Department closed both approaches by 6 p.m.",
    ...             "Tansy Roads Department")
    'Closed both approaches by…'
    >>> short_label("Li, 41, and another driver were rescued", "Li")
    '41, and another driver…'
    """
    line = text(summary)
    for name in sorted(filter(None, text(actors).split("; ")), key=len, reverse=True):
        line = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", line)
    parts = line.lstrip(" ,;:.'’").split()
    while parts and parts[0].lower() in ("the", "a", "an", "'s", "’s"):
        parts = parts[1:]
    if not parts:
        parts = text(summary).split()
    shown = " ".join(parts[:words]) + ("…" if len(parts) > words else "")
    return shown[:1].upper() + shown[1:]


def stack_rows(starts: list[int], ends: list[int]) -> list[int]:
    """A row for each mark (first and last day as ordinals) so that no two marks of a row
    share a day: each takes the first row free since the day before it starts.

    >>> stack_rows([1, 1, 2, 1], [1, 1, 2, 5])
    [0, 1, 0, 2]
    """
    free: list[int] = []  # the last day each row holds
    rows = []
    for start, end in zip(starts, ends, strict=True):
        for row, last in enumerate(free):
            if last < start:
                free[row] = end
                rows.append(row)
                break
        else:
            free.append(end)
            rows.append(len(free) - 1)
    return rows


def _layout_rows(shown: pd.DataFrame, order: list[str]) -> tuple[list[float], dict, dict,
                                                                 float]:
    """Each mark's y (lanes top to bottom, a row each for marks that would cover each other),
    each lane's centre and the y of its name (a row above its marks), and the height in rows
    of all lanes."""
    firsts, lasts = list(shown["_first"]), list(shown["_last"])
    lane_of = list(shown["lane"])
    members: dict[str, list[int]] = {}
    for i, name in enumerate(lane_of):
        members.setdefault(name, []).append(i)
    y = [0.0] * len(shown)
    centres, titles, top = {}, {}, 0.0
    for name in order:
        titles[name] = top
        top += LANE_TITLE
        where = sorted(members.get(name, []), key=lambda i: (firsts[i], lasts[i]))
        rows = stack_rows([firsts[i] for i in where], [lasts[i] for i in where])
        count = max(rows, default=0) + 1
        step = 1.0 if count <= MAX_STACK else (MAX_STACK - 1) / (count - 1)
        height = min(count, MAX_STACK)
        for i, row in zip(where, rows, strict=True):
            y[i] = top + row * step
        centres[name] = top + (height - 1) / 2
        top += height + 0.5
    return y, centres, titles, max(top - 0.5, 0.0)


def _labelled(rows: pd.DataFrame, y: list[float], span_days: float) -> set[int]:
    """The marks (positions) with room for a short label: nothing else in their row starts
    within the label's width after them."""
    room = span_days * LABEL_PIXELS / 1100
    ys, firsts, lasts = list(y), list(rows["_first"]), list(rows["_last"])
    order = sorted(range(len(rows)), key=lambda i: (ys[i], firsts[i]))
    keep = set()
    for this, after in zip(order, [*order[1:], None], strict=False):
        if after is None or ys[after] != ys[this] or firsts[after] - lasts[this] >= room:
            keep.add(this)
    return keep


MARK_COLUMNS = ("event_id", "date", "date_end", "precision", "timex", "mod", "date_text",
                "summary", "actors", "kind", "attributed_to", "outlet", "source_title")
"""The columns a timeline mark and its hover label use."""


def _kind_trace(name: str, colour: str, rows: list[tuple[int, dict]], y: list[float],
                labelled: set[int]) -> dict:
    """One kind's marks in every lane: points for day-precise events, thick bars for longer
    periods. A bar is three points (first day, `Period.midpoint`, `Period.after`: the end of
    the last day; its label at the middle one) joined by a thick line; a gap (None) separates
    events. `rows`: each event's position among the marks and its MARK_COLUMNS."""
    xs, ys, ids, hovers, sizes, labels = [], [], [], [], [], []
    for position, event in rows:
        start = text(event.get("date"))
        period = Period.of_row(start, text(event.get("date_end")), text(event.get("precision")))
        label = hover_text(event)
        short = (short_label(event.get("summary"), event.get("actors")) if position in labelled
                 else "")
        if period is None or period.is_day:
            points, marks, words = [start], [11], [short]
        else:
            points = [start, period.midpoint.isoformat(), period.after.isoformat()]
            marks, words = [0, 0, 0], ["", short, ""]
        xs += points + [None]
        ys += [y[position]] * len(points) + [None]
        ids += [event.get("event_id")] * len(points) + [None]
        hovers += [label] * len(points) + [None]
        sizes += marks + [0]
        labels += words + [""]
    return {
        "type": "scatter", "x": Shared(xs), "y": Shared(ys), "name": name,
        "mode": "lines+markers+text", "legendgroup": name, "customdata": Shared(ids),
        "hovertext": Shared(hovers), "hovertemplate": "%{hovertext}<extra></extra>",
        "text": Shared(labels),
        "textposition": "middle right", "textfont": {"size": 10},
        "line": {"color": colour, "width": 9}, "opacity": 0.9, "connectgaps": False,
        "cliponaxis": True,
        "marker": {"color": colour, "size": Shared(sizes),
                   "line": {"color": "white", "width": 1}},
    }


def _count_trace(name: str, colour: str, counts: pd.DataFrame, centres: dict) -> dict:
    """One kind's monthly counts in every lane (for large tables), drawn with WebGL."""
    lanes_, months_, numbers = (counts[c].tolist() for c in ("lane", "month", "n"))
    months = {m: Period.of_value(m).label for m in set(months_)}
    what = name.lower()
    labels = [f"{n:,} {what} events · {lane} · {months[m]}"
              for lane, m, n in zip(lanes_, months_, numbers, strict=True)]
    return {
        "type": "scattergl", "x": Shared(m + "-15" for m in months_),
        "y": Shared(centres[lane] for lane in lanes_), "name": name, "mode": "markers",
        "legendgroup": name, "hovertext": Shared(labels),
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"color": colour, "size": Shared(min(6 + n ** 0.5 * 2, 30) for n in numbers),
                   "opacity": 0.8},
    }


def _kinds_in_order(kinds: pd.Series) -> list[str]:
    """The kinds present, in the vocabulary's order (unknown ones after, by name)."""
    known = [kind.name for kind in event_kinds()]
    present = {str(kind) for kind in kinds.fillna("").unique()}
    return [k for k in known if k in present] + sorted(present - set(known))


def _off_range(dated: pd.DataFrame, window: tuple[dt.date, dt.date] | None) -> list[dict]:
    """Markers at the chart's edges counting the events before and after the window."""
    if window is None:
        return []
    low, high = (d.isoformat() for d in window)
    ends = dated["date_end"].fillna(dated["date"]).str.slice(0, 10)
    earlier, later = dated[ends < low], dated[dated["date"].str.slice(0, 10) > high]
    notes = []
    for side, rows in (("earlier", earlier), ("later", later)):
        if rows.empty:
            continue
        count = rows["event_id"].nunique()
        when = (date_label(rows["date"].min()[:4] + "-01-01", rows["date"].min()[:4] + "-12-31",
                           "year") if side == "earlier" else
                date_label(rows["date"].max()[:4] + "-01-01", rows["date"].max()[:4] + "-12-31",
                           "year"))
        words = f"◀ {count:,} earlier" if side == "earlier" else f"{count:,} later ▶"
        notes.append({"text": words, "xref": "paper", "yref": "paper", "y": 1.0,
                      "x": 0 if side == "earlier" else 1, "yanchor": "top",
                      "xanchor": "left" if side == "earlier" else "right", "showarrow": False,
                      "hovertext": f"{count:,} {side} event{'s' * (count != 1)} off the "
                                   f"chart ({'from' if side == 'earlier' else 'to'} {when})",
                      "font": {"size": 11}, "bgcolor": "rgba(128,128,128,0.15)",
                      "name": f"off_range_{side}"})
    return notes


def aggregates(events: pd.DataFrame, max_events: int = MAX_EVENTS) -> bool:
    """Whether `timeline` draws these events as monthly counts: more than `max_events` dated
    events (and so the columns of `MARK_COLUMNS` beyond those it counts are not needed)."""
    dated = _dated(events)
    if len(dated) <= max_events:
        return False
    head = dated["event_id"].head(2 * max_events)  # (enough ids, mostly: no need to count all)
    return head.nunique() > max_events or dated["event_id"].nunique() > max_events


def _dated(events: pd.DataFrame) -> pd.DataFrame:
    """The events with a date (the table itself when all have one: no copy)."""
    known = events["date"].notna()
    return events if known.all() else events[known]


def timeline(events: pd.DataFrame, by: str = "actor", max_lanes: int = MAX_LANES,
             max_events: int = MAX_EVENTS, pairs: pd.Series | None = None) -> go.Figure:
    """The timeline figure: one trace per kind of event (the legend), its marks in the lanes
    of the busiest `max_lanes` actors or kinds, top to bottom (`pairs`: as for `lanes`).

    `layout.meta` tells the caller what was drawn: lanes, hidden lane count, kinds, whether
    the events were aggregated to monthly counts, how many events are drawn, whether the chart
    opens zoomed and how many events lie before and after the span it opens on.
    """
    dated = _dated(events)
    aggregated = aggregates(dated, max_events)
    wanted = (["event_id", "date", "date_end", "actors", "kind"] if aggregated
              else [c for c in MARK_COLUMNS if c in dated])
    laned = lanes(dated[wanted], by, pairs)  # (only the columns drawn: each copy costs)
    order = lane_order(laned, max_lanes)
    shown = laned[laned["lane"].isin(order)]
    window = focus_window(dated)
    kinds = _kinds_in_order(shown["kind"])
    traces = []
    if aggregated:
        titles = {name: index * (LANE_TITLE + 1.5) for index, name in enumerate(order)}
        centres = {name: top + LANE_TITLE for name, top in titles.items()}
        height_rows = (LANE_TITLE + 1.5) * len(order) - 1.5
        monthly = (shown.assign(month=shown["date"].str.slice(0, 7),
                                kind=shown["kind"].fillna(""))
                   .groupby(["kind", "lane", "month"]).size().rename("n").reset_index())
        for kind in kinds:
            counts = monthly[monthly["kind"] == kind][["lane", "month", "n"]]
            traces.append(_count_trace(kind_label(kind), kind_colour(kind), counts, centres))
    else:
        shown = shown.reset_index(drop=True)
        firsts = shown["date"].map(lambda v: (_day(v) or dt.date.min).toordinal())
        lasts = shown["date_end"].fillna(shown["date"]).map(
            lambda v: (_day(v) or dt.date.min).toordinal())
        shown = shown.assign(_first=firsts, _last=lasts.where(lasts >= firsts, firsts))
        y, centres, titles, height_rows = _layout_rows(shown, order)
        if window is not None:
            span = (window[1] - window[0]).days * 7 / 6 + 7
        else:
            span = max(float(shown["_last"].max() - shown["_first"].min()), 1.0) + 2 \
                if len(shown) else 1.0
        labelled = _labelled(shown, y, span)
        marks: dict[str, list[tuple[int, dict]]] = {}  # (one table to records, then split:
        records = shown[[c for c in MARK_COLUMNS if c in shown]].to_dict("records")  # quicker)
        for position, (kind, event) in enumerate(zip(shown["kind"].fillna("").astype(str),
                                                     records, strict=True)):
            marks.setdefault(kind, []).append((position, event))
        for kind in kinds:
            traces.append(_kind_trace(kind_label(kind), kind_colour(kind), marks.get(kind, []),
                                      y, labelled))
    pixels = max(14.0, min(24.0, 1100 / max(height_rows, 1)))
    layout = dict(
        height=int(max(320, 150 + pixels * (height_rows + 1.4))), hovermode="closest",
        showlegend=bool(kinds),
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom",
                "xanchor": "left", "title": {"text": "Kind of event"}, "font": {"size": 11}},
        margin={"l": 10, "r": 10, "t": 64, "b": 30}, clickmode="event+select",
        yaxis={"tickmode": "array", "tickvals": [centres[n] for n in order], "ticktext": order,
               "showticklabels": False,
               "range": [height_rows - 0.3, -0.7 - (window is not None)] if order else None,
               "automargin": True,
               "title": {}, "showgrid": False, "zeroline": False, "fixedrange": True},
        xaxis={"type": "date", "title": {}, "automargin": True,
               "range": focus_range(dated, window) if window else None,
               "rangeslider": {"visible": True, "thickness": 0.08,
                               "bgcolor": "rgba(128,128,128,0.08)"}},
        annotations=_off_range(dated, window) + [
            {"text": f"<b>{html.escape(textwrap.shorten(name, MAX_LANE_NAME, placeholder='…'))}"
                     "</b>", "xref": "paper", "x": 0, "y": titles[name], "yref": "y",
             "xanchor": "left", "yanchor": "middle", "showarrow": False, "font": {"size": 11},
             "opacity": 0.85, "name": f"lane_{index}"} for index, name in enumerate(order)],
        meta={"lanes": order, "hidden_lanes": laned["lane"].nunique() - len(order),
              "kinds": [kind_label(k) for k in kinds], "aggregated": bool(aggregated),
              "events": int(shown["event_id"].nunique()), "zoomed": window is not None,
              "window": [d.isoformat() for d in window] if window else None},
    )
    for axis in ("xaxis", "yaxis"):
        if layout[axis]["range"] is None:
            del layout[axis]["range"]
    # (built whole and not validated: plotly's checks of every property cost more than making
    # the figure; the traces and layout above are plain plotly.js attributes, as checking them
    # would leave them)
    return go.Figure(data=traces, layout=layout, _validate=False)


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
