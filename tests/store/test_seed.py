"""The seed article end to end: every expected dated event exactly once, and nothing else."""

from __future__ import annotations

import pandas as pd
import pytest
from extracted import ROOT

from dashboard.store import table
from dashboard.store.build import build

SEED = ROOT / "seeds" / "sources.csv"

EXPECTED = [
    # (timex, precision, date_text, actors that must be named, kind)
    ("2015", "year", "2015", {"Ri"}, "enlistment"),
    ("2024-10", "month", "October 2024", set(), "deployment"),
    ("2025-01-05", "day", "Jan. 5", {"Ri"}, "deployment"),
    ("2025-01-09", "day", "Jan. 9", {"Ri", "Baek"}, "capture"),
    ("2025-01-12", "day", "Jan. 12", {"Volodymyr Zelenskyy"}, "photo"),
    ("2025-02-13", "day", "Feb. 13", {"Lee Jae-woong", "Ministry of Foreign Affairs"}, "briefing"),
    ("2025-02-19", "day", "Wednesday", {"Government of South Korea"}, "statement"),
    ("2025-02-19", "day", "earlier in the day", {"Chosun Ilbo", "Ri"}, "interview"),
    ("2025-02", "month", "earlier this month", {"Dmytro Ponomarenko", "The Korea Times"},
     "interview"),
    ("2025-02-18", "day", "Tuesday", {"Donald Trump"}, "briefing"),
]
ATTRIBUTED = {
    "2015": "Ri",
    "Jan. 5": "Ri",
    "Wednesday": "Government of South Korea",
    "earlier in the day": "Chosun Ilbo",
    "earlier this month": "Dmytro Ponomarenko",
    "Tuesday": "Donald Trump",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("data")
    build(SEED, out)
    return {name: table.read(out, name) for name in table.SCHEMAS} | {"dir": out}


@pytest.fixture(scope="module")
def events(built) -> pd.DataFrame:
    return built["events"]


@pytest.mark.parametrize(("timex", "precision", "date_text", "actors", "kind"), EXPECTED)
def test_expected_event(events, timex, precision, date_text, actors, kind):
    rows = events[(events.timex == timex) & (events.date_text == date_text)]
    assert len(rows) == 1, f"{date_text} → {timex}: {len(rows)} rows"
    row = rows.iloc[0]
    assert row.precision == precision
    assert actors <= set(row.actors.split("; "))
    assert row.kind == kind
    assert row.attributed_to == ATTRIBUTED.get(date_text, row.attributed_to)


def test_no_other_events(events):
    expected = {(timex, text) for timex, _, text, _, _ in EXPECTED}
    assert set(zip(events.timex, events.date_text, strict=True)) == expected
    assert len(events) == len(EXPECTED)


def test_spans_point_at_the_text(built):
    texts = {}
    for row in built["sources"].itertuples():
        texts[row.source_id] = (built["dir"] / row.text_path).read_text(encoding="utf-8")
    for row in built["events"].itertuples():
        text = texts[row.source_id]
        assert text[row.char_start : row.char_end] == row.date_text
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence
        assert row.date_text in row.sentence
    for row in built["figures"].itertuples():
        assert texts[row.source_id][row.char_start : row.char_end] == row.number_text


def test_ranges_follow_precision(events):
    ranges = {
        text: (date, end)
        for text, date, end in zip(events.date_text, events.date, events.date_end, strict=True)
    }
    assert ranges["October 2024"] == ("2024-10-01", "2024-10-31")
    assert ranges["2015"] == ("2015-01-01", "2015-12-31")
    assert ranges["earlier this month"] == ("2025-02-01", "2025-02-28")
    assert ranges["Jan. 9"] == ("2025-01-09", "2025-01-09")


def test_event_ids_are_stable_and_unique(events, tmp_path):
    build(SEED, tmp_path)
    again = table.read(tmp_path, "events")
    assert list(again.event_id) == list(events.event_id)
    assert events.event_id.is_unique


def test_provenance(events):
    assert set(events.source_url) == {"https://m.koreatimes.co.kr/pages/article.asp?newsIdx=392583"}
    assert set(events.published) == {"2025-02-19"}
    captions = events[events.photo_credit != ""]
    assert set(captions.date_text) == {"Jan. 12", "Feb. 13"}
    assert set(captions.photo_credit) == {"Yonhap"}


def test_figures(built):
    figures = built["figures"]
    found = {
        (row.value, row.qualifier, row.attributed_to, row.quantity)
        for row in figures.itertuples()
    }
    assert found == {
        (11000, "", "National Intelligence Service", "north korean troops: deployed"),
        (4000, "around", "National Intelligence Service", "north korean troops: killed or injured"),
        (pd.NA, "", "", "north korean troops: deployed"),  # "thousands of ... troops sent"
    }
    assert set(figures.as_of) == {"2025-02-19"}  # "sent ... since October 2024": as of now


def test_actors(built):
    actors = built["actors"].set_index("name")
    assert actors.loc["Ri", "description"] == "26-year-old North Korean soldier"
    assert actors.loc["Baek", "description"].startswith("21-year-old")
    assert actors.loc["Donald Trump", "kind"] == "person"
    assert "Trump" in actors.loc["Donald Trump", "aliases"]
    assert actors.loc["Chosun Ilbo", "kind"] == "media"
    assert actors.loc["National Intelligence Service", "kind"] == "organisation"
    assert actors.index.is_unique


def test_committed_data_is_reproduced(built):
    data = ROOT / "data"
    for name in table.SCHEMAS:
        committed = (data / f"{name}.csv").read_text(encoding="utf-8")
        rebuilt = (built["dir"] / f"{name}.csv").read_text(encoding="utf-8")
        assert rebuilt == committed, f"data/{name}.csv is stale: run `make build`"
