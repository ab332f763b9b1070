"""The timeline figure, checked through `fig.to_dict()`."""

import pandas as pd
import pytest
from sample_data import tables

from dashboard.humanize import kind_label
from dashboard.page import cards, charts
from dashboard.store import table

EVENTS = tables()["events"]


def _marks(trace: dict) -> dict[str, list]:
    """Event id -> the x values drawn for it in one trace."""
    marks: dict[str, list] = {}
    for x, event_id in zip(trace["x"], trace["customdata"], strict=True):
        if event_id is not None:
            marks.setdefault(event_id, []).append(x)
    return marks


def _lane_of(fig: dict) -> dict[float, str]:
    """Each lane's y (its tick) -> its name."""
    axis = fig["layout"]["yaxis"]
    return dict(zip(axis["tickvals"], axis["ticktext"], strict=True))


def _lanes_holding(fig: dict, event_id: str) -> list[str]:
    """The lanes (nearest tick to each mark's y) where `event_id` is drawn."""
    ticks = _lane_of(fig)
    found = []
    for trace in fig["data"]:
        for y, eid in zip(trace["y"], trace["customdata"], strict=True):
            if eid == event_id:
                name = ticks[min(ticks, key=lambda tick: abs(tick - y))]
                if name not in found:
                    found.append(name)
    return found


@pytest.mark.parametrize(
    ("by", "lanes"),
    [
        ("actor", ["North Korea", "Russia", "South Korea", "Ukraine", "Volodymyr Zelenskyy"]),
        ("kind", ["Statement", "Briefing", "Capture", "Deployment", "Interview", "Photo"]),
    ],
)
def test_one_lane_per_actor_or_kind_busiest_first(by, lanes):
    fig = charts.timeline(EVENTS, by=by).to_dict()
    assert fig["layout"]["yaxis"]["ticktext"] == lanes == fig["layout"]["meta"]["lanes"]
    ticks = fig["layout"]["yaxis"]["tickvals"]
    assert ticks == sorted(ticks)  # the busiest lane on top (the axis runs downwards)
    assert fig["layout"]["yaxis"]["range"][0] > fig["layout"]["yaxis"]["range"][1]


def test_one_trace_per_kind_with_one_fixed_colour_and_a_legend():
    kinds = ["Briefing", "Interview", "Photo", "Capture", "Deployment", "Statement"]
    for by in ("actor", "kind"):
        fig = charts.timeline(EVENTS, by=by).to_dict()
        assert [trace["name"] for trace in fig["data"]] == kinds  # the vocabulary's order
        assert fig["layout"]["showlegend"] and fig["layout"]["meta"]["kinds"] == kinds
        colours = {trace["name"]: trace["marker"]["color"] for trace in fig["data"]}
        assert colours == {kind_label(k): charts.kind_colour(k) for k in
                           ("briefing", "interview", "photo", "capture", "deployment",
                            "statement")}
    assert len(set(charts.KIND_COLOURS.values())) == len(charts.KIND_COLOURS)
    only = charts.timeline(EVENTS[EVENTS["kind"] == "capture"]).to_dict()
    assert only["data"][0]["marker"]["color"] == charts.kind_colour("capture")


def test_marks_on_the_same_day_are_stacked_not_hidden():
    rows = [{"event_id": f"s{i}", "date": "2025-03-03", "date_end": "2025-03-03",
             "precision": "day", "actors": None, "kind": "event", "summary": f"Event {i}"}
            for i in range(3)]
    rows.append({"event_id": "s9", "date": "2025-03-01", "date_end": "2025-03-31",
                 "precision": "month", "actors": None, "kind": "statement"})
    fig = charts.timeline(table.frame(rows, table.EVENTS_COLUMNS)).to_dict()
    ys = {eid: y for trace in fig["data"] for y, eid in zip(trace["y"], trace["customdata"],
                                                             strict=True) if eid}
    assert len({ys["s0"], ys["s1"], ys["s2"], ys["s9"]}) == 4
    assert fig["layout"]["yaxis"]["ticktext"] == [charts.NO_ACTOR]


def test_no_named_actor_is_the_last_lane():
    events = EVENTS.assign(actors=[None, None, None, "Russia", None, None, "Ukraine"])
    assert charts.timeline(events).layout.meta["lanes"] == ["Russia", "Ukraine",
                                                            charts.NO_ACTOR]


def test_marks_with_room_get_a_short_label():
    fig = charts.timeline(EVENTS, by="kind").to_dict()
    labels = [t for trace in fig["data"] for t in trace["text"] if t]
    assert "Two North Korean soldiers…" in labels
    assert all(len(label.split()) <= 4 for label in labels)


@pytest.mark.parametrize(
    ("event_id", "extent"),
    [
        ("e1", ["2024-10-01", "2024-11-01"]),
        ("e5", ["2024-06-01", "2024-07-01"]),
        ("e6", ["2015-01-01", "2016-01-01"]),
        ("e7", ["2025-02-10", "2025-02-17"]),
        ("e2", ["2025-01-09"]),
        ("e4", ["2025-01-12"]),
    ],
)
def test_imprecise_dates_are_bars_over_their_whole_period(event_id, extent):
    fig = charts.timeline(EVENTS, by="kind").to_dict()
    drawn = [_marks(trace)[event_id] for trace in fig["data"] if event_id in _marks(trace)]
    assert len(drawn) == 1
    assert [min(drawn[0]), max(drawn[0])] == [extent[0], extent[-1]]
    assert len(drawn[0]) == (1 if len(extent) == 1 else 3)


def test_points_are_markers_and_bars_are_thick_lines():
    trace = charts.timeline(EVENTS, by="kind").to_dict()["data"][-1]
    assert trace["name"] == "Statement" and trace["mode"] == "lines+markers+text"
    assert trace["line"]["width"] >= 6
    assert all(size == 0 for size, x in zip(trace["marker"]["size"], trace["x"], strict=True)
               if x is not None)
    capture = charts.timeline(EVENTS, by="kind").to_dict()["data"][3]
    assert capture["name"] == "Capture" and capture["marker"]["size"][0] > 0


def test_an_event_with_two_actors_sits_in_both_lanes():
    fig = charts.timeline(EVENTS).to_dict()
    assert _lanes_holding(fig, "e1") == ["North Korea", "Russia"]
    assert fig["layout"]["meta"]["events"] == len(EVENTS)


@pytest.mark.parametrize("kept", [slice(None), slice(1, None), slice(0, 1)])
def test_actor_pairs_made_once_for_the_table_give_the_same_lanes_and_cards(kept):
    events = EVENTS.iloc[::-1].iloc[kept]  # a part of a table, its index not in order
    pairs = charts.actor_pairs(EVENTS.iloc[::-1])
    assert charts.lanes(events, pairs=pairs).equals(charts.lanes(events))
    assert charts.timeline(events, pairs=pairs) == charts.timeline(events)
    actors = pd.DataFrame(columns=["name", "kind", "description"])
    assert (cards.actor_cards(events, actors, pairs=pairs)
            == cards.actor_cards(events, actors))


def test_hover_is_escaped_and_says_who_and_where():
    events = EVENTS.copy()
    events.loc[0, "summary"] = "<script>alert(1)</script>"
    labels = [t for trace in charts.timeline(events, by="kind").to_dict()["data"]
              for t in trace["hovertext"] if t]
    assert not any("<script>" in label for label in labels)
    capture = next(label for label in labels if "captured" in label)
    assert "“Jan. 9”" in capture and "Volodymyr Zelenskyy" in capture
    assert "The Korea Times" in capture


def test_large_tables_are_aggregated_with_webgl_and_lanes_capped():
    rows = [{"event_id": f"x{i}", "date": f"2024-{i % 12 + 1:02d}-01",
             "date_end": f"2024-{i % 12 + 1:02d}-01", "precision": "day",
             "actors": f"Actor {i % 40}", "kind": "statement"} for i in range(3000)]
    events = table.frame(rows, table.EVENTS_COLUMNS)
    fig = charts.timeline(events, max_lanes=10, max_events=1000).to_dict()
    assert [t["name"] for t in fig["data"]] == ["Statement"]
    assert {t["type"] for t in fig["data"]} == {"scattergl"}
    assert len(set(fig["data"][0]["y"])) == 10 == len(fig["layout"]["meta"]["lanes"])
    assert fig["layout"]["meta"]["aggregated"] and fig["layout"]["meta"]["hidden_lanes"] == 30


def test_empty_events_draw_an_empty_figure():
    fig = charts.timeline(table.frame([], table.EVENTS_COLUMNS)).to_dict()
    assert fig["data"] == [] and fig["layout"]["meta"]["events"] == 0


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({"selection": {"points": [{"customdata": "e2"}, {"customdata": ["e4"]}]}},
         ["e2", "e4"]),
        ({"selection": {"points": [{"customdata": None}, {"x": 1}]}}, []),
        ({}, []),
        (None, []),
    ],
)
def test_selected_ids(selection, expected):
    assert charts.selected_ids(selection) == expected


def test_undated_events_are_left_out():
    events = pd.concat([EVENTS, table.frame([{"event_id": "u1", "actors": "Russia"}],
                                            table.EVENTS_COLUMNS)], ignore_index=True)
    fig = charts.timeline(events).to_dict()
    assert not any("u1" in _marks(trace) for trace in fig["data"])


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2024-10-01", "2025-01-09", "2025-01-12", "2025-02-19"], None),
        (["2025-01-09"] * 30 + ["2015-01-01"], ["2025-01-06", "2025-01-13"]),
        (["2024-01-01", "2024-06-01", "2024-09-01", "2025-01-01", "2025-02-01"], None),
    ],
)
def test_the_chart_opens_on_the_busy_period_when_old_events_would_squash_it(dates, expected):
    rows = [{"event_id": f"x{i}", "date": d, "date_end": d, "precision": "day", "actors": "A"}
            for i, d in enumerate(dates)]
    fig = charts.timeline(table.frame(rows, table.EVENTS_COLUMNS)).to_dict()
    assert fig["layout"]["xaxis"].get("range") == expected
    assert fig["layout"]["xaxis"]["rangeslider"]["visible"]


def test_figure_history_has_one_point_per_claim_at_its_as_of_date():
    claims = tables()["figures"]
    claims = claims[claims["quantity"] == "nk_soldiers_deployed"]
    extra = claims.iloc[[0]].assign(figure_id="f9", value=13000, attributed_to="<b>x</b>",
                                    as_of="2024-12-01")
    fig = charts.figure_history(pd.concat([extra, claims])).to_dict()
    (trace,) = fig["data"]
    assert trace["x"] == ["2024-11-13", "2024-12-01", "2024-12-01"]
    assert sorted(trace["y"][1:]) == [12000, 13000] and trace["y"][0] == 11000
    assert fig["layout"]["xaxis"]["type"] == "date" and fig["layout"]["meta"]["claims"] == 3
    assert all("<b>x</b>" not in text for text in trace["hovertext"])
    assert any("&lt;b&gt;x&lt;/b&gt;" in text for text in trace["hovertext"])


def test_figure_history_leaves_out_undated_claims():
    claims = [{"value": 5, "as_of": None}, {"value": 7, "as_of": "2025-01-02"}]
    fig = charts.figure_history(claims)
    assert list(fig.data[0].x) == ["2025-01-02"] and fig.layout.meta["undated"] == 1


def test_figure_history_of_many_claims_draws_the_latest_dates():
    days = pd.date_range("2020-01-01", periods=charts.MAX_HISTORY_POINTS + 50).strftime("%Y-%m-%d")
    claims = [{"value": 100 + i, "as_of": day} for i, day in enumerate(days)]
    claims += [{"value": 1, "as_of": days[-1]}]  # an earlier-listed claim of the last day
    fig = charts.figure_history(claims)
    assert len(fig.data[0].x) == charts.MAX_HISTORY_POINTS
    assert fig.data[0].x[-1] == days[-1] and fig.layout.meta["claims"] == len(claims)
