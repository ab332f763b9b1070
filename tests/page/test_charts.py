"""The timeline figure, checked through `fig.to_dict()`."""

import pandas as pd
import pytest
from sample_data import tables

from dashboard.page import charts
from dashboard.store import table

EVENTS = tables()["events"]


def _marks(trace: dict) -> dict[str, list]:
    """Event id -> the x values drawn for it in one trace."""
    marks: dict[str, list] = {}
    for x, event_id in zip(trace["x"], trace["customdata"], strict=True):
        if event_id is not None:
            marks.setdefault(event_id, []).append(x)
    return marks


@pytest.mark.parametrize(
    ("by", "lanes"),
    [
        ("actor", ["North Korea", "Russia", "South Korea", "Ukraine", "Volodymyr Zelenskyy"]),
        ("kind", ["Statement", "Briefing", "Capture", "Deployment", "Interview", "Photo"]),
    ],
)
def test_one_trace_per_lane(by, lanes):
    fig = charts.timeline(EVENTS, by=by).to_dict()
    assert [trace["name"] for trace in fig["data"]] == lanes
    assert fig["layout"]["yaxis"]["categoryarray"] == lanes[::-1]
    for trace in fig["data"]:
        assert set(trace["y"]) - {None} == {trace["name"]}


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
    trace = charts.timeline(EVENTS, by="kind").to_dict()["data"][0]
    assert trace["name"] == "Statement" and trace["mode"] == "lines+markers"
    assert trace["line"]["width"] >= 6
    assert all(size == 0 for size, x in zip(trace["marker"]["size"], trace["x"], strict=True)
               if x is not None)
    capture = charts.timeline(EVENTS, by="kind").to_dict()["data"][2]
    assert capture["marker"]["size"][0] > 0


def test_an_event_with_two_actors_sits_in_both_lanes():
    fig = charts.timeline(EVENTS).to_dict()
    holding = [trace["name"] for trace in fig["data"] if "e1" in _marks(trace)]
    assert holding == ["North Korea", "Russia"]
    assert fig["layout"]["meta"]["events"] == len(EVENTS)


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
    assert len(fig["data"]) == 10 and {t["type"] for t in fig["data"]} == {"scattergl"}
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
        (["2025-01-09"] * 30 + ["2015-01-01"], ["2024-12-25", "2025-01-24"]),
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
