"""The filter spec: applying it to events, and its round trip through URL query params."""

import pytest
from sample_data import DATE_ORDER, tables

from dashboard.store import filters
from dashboard.store.filters import FilterSpec

EVENTS = tables()["events"]
ALL = DATE_ORDER


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (FilterSpec(), ALL),
        (FilterSpec(actors=("Russia",)), ["e5", "e1"]),
        (FilterSpec(actors=("Ukraine", "South Korea")), ["e6", "e2", "e7"]),
        (FilterSpec(actors=("Korea",)), []),
        (FilterSpec(kinds=("capture", "photo")), ["e2", "e4"]),
        (FilterSpec(outlets=("Yonhap",)), ["e5", "e4", "e7"]),
        (FilterSpec(sources=("s1",)), ["e6", "e1", "e2", "e3"]),
        (FilterSpec(since="2024-10-15"), ["e1", "e2", "e4", "e7", "e3"]),
        (FilterSpec(until="2024-10-01"), ["e6", "e5", "e1"]),
        (FilterSpec(since="2025-01-10", until="2025-02-12"), ["e4", "e7"]),
        (FilterSpec(approximate=False), ["e2", "e4", "e3"]),
        (FilterSpec(search="CAPTURED"), ["e2", "e4", "e3"]),
        (FilterSpec(search="defence pact"), ["e5"]),
        (FilterSpec(search="<b>his</b>"), ["e3"]),
        (FilterSpec(actors=("North Korea",), approximate=False), ["e2", "e3"]),
    ],
)
def test_apply(spec, expected):
    assert list(filters.apply(EVENTS, spec)["event_id"]) == expected


def test_apply_keeps_every_column_when_nothing_matches():
    empty = filters.apply(EVENTS, FilterSpec(search="no such text"))
    assert list(empty.columns) == list(EVENTS.columns) and empty.empty


@pytest.mark.parametrize(
    "spec",
    [
        FilterSpec(),
        FilterSpec(actors=("North Korea", "Russia"), kinds=("capture",), outlets=("Yonhap",)),
        FilterSpec(sources=("s1",), since="2024-01-01", until="2025-01-31"),
        FilterSpec(approximate=False, search="soldier & co", lanes="kind"),
    ],
)
def test_query_round_trip(spec):
    assert filters.from_query(filters.to_query(spec)) == spec


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, FilterSpec()),
        ({"since": "last week", "until": "2025-13-01"}, FilterSpec()),
        ({"actor": "Russia"}, FilterSpec(actors=("Russia",))),
        ({"actor": ["Russia", "Russia", ""]}, FilterSpec(actors=("Russia",))),
        ({"exact": "0", "lanes": "colour"}, FilterSpec()),
        ({"exact": "true", "q": "  pact "}, FilterSpec(approximate=False, search="pact")),
    ],
)
def test_from_query_ignores_junk(params, expected):
    assert filters.from_query(params) == expected


def test_default_spec_writes_no_params():
    assert filters.to_query(FilterSpec()) == {}
    assert FilterSpec(lanes="kind").is_default() and not FilterSpec(search="x").is_default()


def test_options_split_actor_lists():
    assert filters.options(EVENTS, "actors") == [
        "North Korea", "Russia", "South Korea", "Ukraine", "Volodymyr Zelenskyy"]


def test_date_bounds():
    import datetime as dt

    assert filters.date_bounds(EVENTS, dt.date(2000, 1, 1)) == (dt.date(2015, 1, 1),
                                                                dt.date(2025, 2, 19))
    empty = EVENTS.iloc[:0]
    assert filters.date_bounds(empty, dt.date(2000, 1, 1)) == (dt.date(2000, 1, 1),) * 2


def test_rejected_events_are_hidden_unless_asked_for():
    events = EVENTS.assign(status=["auto", "rejected", "verified", "auto", "corrected", "auto",
                                   "rejected"])
    assert "e2" not in list(filters.apply(events, FilterSpec())["event_id"])
    assert len(filters.apply(events, FilterSpec(rejected=True))) == 7
    assert filters.to_query(FilterSpec(rejected=True)) == {"rejected": "1"}
    assert filters.from_query({"rejected": "1"}) == FilterSpec(rejected=True)


@pytest.mark.parametrize("precision", ["hour", "minute", "second"])
def test_no_approximate_dates_keeps_events_at_a_clock_time(precision):
    timed = EVENTS.copy()
    timed.loc[timed["event_id"] == "e1", "precision"] = precision
    kept = filters.apply(timed, FilterSpec(approximate=False))["event_id"]
    assert list(kept) == ["e1", "e2", "e4", "e3"]


def test_figures_follow_the_actor_and_the_dates():
    figures = tables()["figures"]
    aliases = {"National Intelligence Service": ["South Korea's spy agency"]}
    assert len(filters.apply_figures(figures, FilterSpec(), aliases)) == len(figures)
    one_year = FilterSpec(actors=("Volodymyr Zelenskyy",), since="2015-01-01",
                          until="2015-12-31")
    assert filters.apply_figures(figures, one_year, aliases).empty
    said = filters.apply_figures(figures, FilterSpec(actors=("Ukrainian intelligence",)))
    assert list(said["figure_id"]) == ["f2"]
    dated = filters.apply_figures(figures, FilterSpec(since="2024-11-20", until="2024-12-31"))
    assert list(dated["figure_id"]) == ["f2"]
    outlet = filters.apply_figures(figures, FilterSpec(outlets=("Yonhap",)))
    assert set(outlet["outlet"]) == {"Yonhap"}


@pytest.mark.parametrize("dtype", ["string", "string[pyarrow]", object])
@pytest.mark.parametrize(
    ("dates", "ends", "ids"),
    [
        (["2024-01-02", "2024-01-01", None, "2024-01-01", ""], ["2024-01-02", None, None,
         "2024-01-31", ""], ["b", "c", "a", "a", "d"]),  # missing values last, "" first
        (["2024-01-01"] * 4, ["2024-01-01"] * 4, ["é", "B", None, "b"]),  # ids by code point
        (["2024-10", "2024-10", "2024-10-01", "2024"], ["2024-10-31"] * 4, ["x", "x", "x", "x"]),
        ([], [], []),
    ],
)
def test_sort_events_orders_as_sorting_the_columns_does(dtype, dates, ends, ids):
    import pandas as pd

    events = pd.DataFrame({"date": pd.array(dates, dtype=dtype),
                           "date_end": pd.array(ends, dtype=dtype),
                           "event_id": pd.array(ids, dtype=dtype),
                           "row": range(len(ids))}, index=[7, 3, 9, 1, 5][:len(ids)])
    expected = events.sort_values(["date", "date_end", "event_id"], na_position="last",
                                  kind="stable")
    assert filters.sort_events(events).equals(expected)
    assert list(filters.sort_events(events).index) == list(expected.index)
