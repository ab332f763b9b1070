"""One story from many articles: merged story events, date conflicts, figure histories."""

from __future__ import annotations

from hashlib import sha1

import pandas as pd
import pytest
from extracted import STORY, built_tables

from dashboard.story import linking
from dashboard.story.story_table import story_table


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return built_tables(STORY / "sources.csv", tmp_path_factory.mktemp("story") / "data")


def event(events: pd.DataFrame, source_id: str, date_text: str) -> pd.Series:
    rows = events[(events.source_id == source_id) & (events.date_text == date_text)]
    assert len(rows) == 1, (source_id, date_text)
    return rows.iloc[0]


def test_relative_dates_resolve_per_article(built):
    events = built["events"]
    assert event(events, "capture_weekend", "Thursday").timex == "2025-01-09"
    assert event(events, "capture_announced", "Jan. 11").timex == "2025-01-11"
    assert event(events, "questioned", "last week").timex == "2025-W02"
    assert event(events, "questioned", "Wednesday").timex == "2025-01-15"


def test_inferred_publication_date_is_marked(built):
    sources = built["sources"].set_index("source_id")
    assert sources.loc["questioned", "published"] == "2025-01-16"
    assert bool(sources.loc["questioned", "published_inferred"]) is True
    assert bool(sources.loc["toll_april", "published_inferred"]) is False


def test_one_happening_from_several_sources_is_one_story_event(built):
    events = built["events"]
    announced = event(events, "capture_announced", "Saturday")
    weekend = event(events, "capture_weekend", "Saturday")
    assert announced.story_event_id == weekend.story_event_id
    stories = story_table(events).set_index("story_event_id")
    assert stories.loc[announced.story_event_id, "sources"] == 2


def test_the_capture_is_merged_with_last_weeks_report(built):
    events = built["events"]
    last_week = event(events, "questioned", "last week")
    same = events[events.story_event_id == last_week.story_event_id]
    captures = same[same.kind == "capture"]
    assert len(captures) == 2 and set(captures.source_id) >= {"questioned"}


def test_incompatible_dates_are_never_merged(built):
    for _, group in built["events"].groupby("story_event_id"):
        assert group.date.max() <= group.date_end.min()


def test_conflicting_dates_are_flagged_on_both(built):
    events = built["events"]
    thursday = event(events, "capture_weekend", "Thursday")
    jan11 = event(events, "capture_announced", "Jan. 11")
    assert thursday.story_event_id != jan11.story_event_id
    assert "Metro Ledger dates this 2025-01-11" in thursday.conflict
    assert "Harbor Daily dates this 2025-01-09" in jan11.conflict
    statements = events[events.kind == "statement"]
    assert (statements.conflict == "").all()


def test_figures_are_grouped_by_what_they_count(built):
    figures = built["figures"]
    history = {
        quantity: sorted(zip(group.as_of, group.value, strict=True))
        for quantity, group in figures.groupby("quantity")
    }
    deployed = [("2024-10-31", 11000), ("2025-04-30", 15000)]
    assert history["north korean troops: deployed"] == deployed
    assert history["north korean troops: killed"] == [("2025-01-12", 300), ("2025-04-30", 600)]
    assert history["north korean troops: wounded"] == [("2025-01-12", 2700)]
    assert history["north korean troops: killed or injured"] == [("2025-04-30", 4700)]
    # the two soldiers captured, in words ("Two North Korean soldiers were captured")
    assert history["north korean troops: captured"] == [("2025-01-09", 2), ("2025-01-11", 2)]
    counted = figures[figures.quantity != "north korean troops: captured"]
    assert set(counted.attributed_to) == {"National Intelligence Service"}


def test_html_source_keeps_its_caption_and_drops_furniture(built):
    events = built["events"]
    photo = event(events, "questioned", "Jan. 14")
    assert photo.kind == "photo" and photo.photo_credit == "Reuters"
    assert not events.sentence.str.contains("tracking|Home|Copyright").any()


def reports(*rows: tuple[str, str, str, str]) -> dict[str, list]:
    """Capture reports as event columns: (source, outlet, day, date text) each."""
    sentence = "Ukraine said it captured two North Korean soldiers in Kursk on {}."
    return {
        "event_id": [f"ev-{source}" for source, _, _, _ in rows],
        "source_id": [source for source, _, _, _ in rows],
        "sentence": [sentence.format(text) for _, _, _, text in rows],
        "date": [day for _, _, day, _ in rows],
        "date_end": [day for _, _, day, _ in rows],
        "precision": ["day"] * len(rows),
        "kind": ["capture"] * len(rows),
        "actors": ["Ukraine"] * len(rows),
        "outlet": [outlet for _, outlet, _, _ in rows],
        "date_text": [text for _, _, _, text in rows],
    }


def rare(events: dict[str, list]) -> dict[str, tuple[str, ...]]:
    return linking.rare_words({s: linking.content_words(s) for s in events["sentence"]})


def test_events_are_linked_within_their_kind_and_month():
    assert linking.partition("capture", "2025-01-09", "2025-01-09", "day") == (
        "capture", "2025-01")
    assert linking.partition("capture", "2025-01-06", "2025-01-12", "week") == (
        "capture", "2025-01")
    assert linking.partition("enlistment", "2015-01-01", "2015-12-31", "year") == (
        "enlistment", "2015-01-01", "2015-12-31")


def test_conflicts_are_found_across_the_turn_of_a_month():
    events = reports(("harbor", "Harbor Daily", "2025-01-31", "Jan. 31"),
                     ("metro", "Metro Ledger", "2025-02-02", "Feb. 2"))
    january = {name: values[:1] for name, values in events.items()}
    assert linking.link(january, rare(events)) == (
        ["se-" + sha1(b"ev-harbor").hexdigest()[:12]], [""])
    assert linking.boundary_conflicts(events, 1, "2025-02-01", rare(events)) == [
        "Metro Ledger dates this 2025-02-02 (Feb. 2)",
        "Harbor Daily dates this 2025-01-31 (Jan. 31)",
    ]


def test_reports_weeks_apart_across_a_turn_do_not_conflict():
    events = reports(("harbor", "Harbor Daily", "2025-01-10", "Jan. 10"),
                     ("metro", "Metro Ledger", "2025-02-02", "Feb. 2"))
    assert linking.boundary_conflicts(events, 1, "2025-02-01", rare(events)) == ["", ""]
