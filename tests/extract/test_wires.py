"""Wire-style articles (datelines, pronoun subjects, variant spellings), written for the tests."""

from __future__ import annotations

import pandas as pd
import pytest
from extracted import WIRES, built_tables


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return built_tables(WIRES / "sources.csv", tmp_path_factory.mktemp("wires") / "data")


def rows(events: pd.DataFrame, source_id: str, date_text: str) -> pd.DataFrame:
    return events[(events.source_id == source_id) & (events.date_text == date_text)]


def test_datelines_are_not_events(built):
    events = built["events"]
    assert rows(events, "reuters", "Jan 12").empty
    assert rows(events, "yonhap", "Feb. 19").empty
    assert not events.sentence.str.contains(r"\(Wire [ABC]\)").any()


@pytest.mark.parametrize(
    ("source_id", "date_text", "timex", "kind", "attributed_to"),
    [
        ("ap", "Thursday", "2025-03-27", "statement", "National Intelligence Service"),
        # "state media reported, and urged workers": the state media are no actor the text
        # names; who urged is the sentence's subject
        ("ap", "March 1", "2025-03-01", "statement", "Kim Jong Un"),
        ("ap", "last fall", "2024-FA", "deployment", ""),
        ("ap", "December", "2024-12", "statement", "Defence Intelligence of Ukraine"),
        ("reuters", "Saturday", "2025-01-11", "statement", "Volodymyr Zelenskiy"),
        # "It said" goes on with the sentence before's speaker, not the last body named
        ("reuters", "Jan. 9", "2025-01-09", "capture", "National Intelligence Service"),
        ("yonhap", "2015", "2015", "enlistment", "Ri"),
        ("yonhap", "last November", "2024-11", "deployment", "Ri"),
    ],
)
def test_wire_events(built, source_id, date_text, timex, kind, attributed_to):
    found = rows(built["events"], source_id, date_text)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row.timex, row.kind, row.attributed_to) == (timex, kind, attributed_to)


def test_people_keep_their_titles_and_one_name(built):
    actors = built["actors"].set_index("name")
    assert actors.loc["Kim Jong Un", "description"] == "North Korean leader"
    assert actors.loc["Kim Jong Un", "aliases"] == ""
    assert actors.loc["Lee Seong-kweun", "description"] == "Lawmaker"


def test_figures_from_wires(built):
    figures = built["figures"]
    found = set(zip(figures.source_id, figures.value, figures.qualifier, strict=True))
    assert found == {("ap", 3000, ""), ("ap", 4000, "around"), ("ap", 11000, "around"),
                     ("ap", 14000, "around"),  # "bringing the total to about 14,000"
                     ("reuters", 11000, "more than"), ("reuters", 2, "")}
