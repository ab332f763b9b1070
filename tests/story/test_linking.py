"""One story from many articles: merged story events, date conflicts, figure histories."""

from __future__ import annotations

from hashlib import sha1

import pandas as pd
import pytest
from extracted import STORY, built_tables

from dashboard.period import Period
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


def test_events_are_linked_within_their_month_whatever_their_kind():
    assert linking.partition("capture", "2025-01-09", "2025-01-09", "day") == (
        "event", "2025-01")
    assert linking.partition("statement", "2025-01-06", "2025-01-12", "week") == (
        "event", "2025-01")
    assert linking.partition("enlistment", "2015-01-01", "2015-12-31", "year") == (
        "event", "2015-01-01", "2015-12-31")
    # a week across the turn of a month: the month of its Thursday
    assert linking.partition("statement", "2024-11-25", "2024-12-01", "week") == (
        "event", "2024-11")
    assert linking.partition("statement", "2024-12-30", "2025-01-05", "week") == (
        "event", "2025-01")


@pytest.mark.parametrize(("coarse", "fine", "together"), [
    # the article tells the blasts of last year and their day
    (("2024", "last year's", "Two men were charged over last year's blasts at the depot."),
     ("2024-08-07", "Aug. 7", "The bombs went off at the depot on Aug. 7."), True),
    # what the year dates (an election) is not what the day tells (a rally)
    (("2024", "this year's", "The mayor will seek a second term in this year's election."),
     ("2024-03-05", "Tuesday", "Thousands rallied for the mayor in Lakeside on Tuesday."), False),
    # the day is not inside the season
    (("2024-SU", "last summer", "The depot burned down in a fire last summer."),
     ("2024-10-02", "Oct. 2", "Firefighters put out a fire at the depot on Oct. 2."), False),
])
def test_a_coarse_date_goes_with_the_day_its_article_gives_it(coarse, fine, together):
    rows = dated(coarse, fine)
    events = list(zip(rows["kind"], rows["date"], rows["date_end"], rows["precision"],
                      rows["sentence"], rows["date_text"], strict=True))
    first, second = linking.partitions(events)
    assert (first == second) is together
    assert second == ("event", rows["date"][1][:7])


def told(*rows: tuple[str, str, str, str, str]) -> dict[str, list]:
    """Events as columns: (source, kind, actors, speaker, sentence) each, all on one day
    written "Friday" (2025-03-07)."""
    return {
        "event_id": [f"ev-{source}" for source, *_ in rows],
        "source_id": [source for source, *_ in rows],
        "sentence": [sentence for *_, sentence in rows],
        "date": ["2025-03-07"] * len(rows),
        "date_end": ["2025-03-07"] * len(rows),
        "precision": ["day"] * len(rows),
        "kind": [kind for _, kind, *_ in rows],
        "actors": [actors for _, _, actors, *_ in rows],
        "outlet": [source for source, *_ in rows],
        "date_text": ["Friday"] * len(rows),
        "attributed_to": [speaker for _, _, _, speaker, _ in rows],
    }


LEDE = ("A bomb exploded outside the Lakeside depot on Friday, killing a night guard and "
        "shattering windows across three streets.")
BODY = ("Engineers who inspected the depot after Friday's blast found cracks in its walls, its "
        "roof and both loading bays.")


TWO = {"event_id": ["ev-1", "ev-2"]}
"""Two events of one article."""


def merged(events: dict[str, list]) -> bool:
    ids, _ = linking.link(events)
    return len(set(ids)) == 1


@pytest.mark.parametrize(("events", "one"), [
    # the same blast told with a casualty word and without one
    (told(("a", "casualties", "Lakeside", "", "A gas blast killed three people at the "
           "Lakeside depot on Friday."),
          ("b", "event", "Lakeside", "", "A gas blast tore through the Lakeside depot on "
           "Friday.")), True),
    # a capture and a deployment on one day are two happenings, however alike their words
    (told(("a", "capture", "Ruritania", "", "Ruritania captured two border posts on Friday."),
          ("b", "deployment", "Ruritania", "", "Ruritania deployed troops to two border posts "
           "on Friday.")), False),
    # two governments condemning the blast on Friday: two sayings
    (told(("a", "event", "Lakeside; Ruritania", "Ruritania", "Ruritania on Friday condemned "
           "the gas blast at the Lakeside depot."),
          ("b", "event", "Lakeside; Freedonia", "Freedonia", "Freedonia on Friday condemned the "
           "gas blast at the Lakeside depot.")), False),
    # one saying told by two outlets, its speaker named two ways
    (told(("a", "statement", "Jane Roe", "Jane Roe", "Ruritanian troops left the depot, "
           "President Jane Roe said on Friday."),
          ("b", "statement", "Ruritania", "Ruritania", "The troops left the depot, Ruritania's "
           "president said on Friday.")), True),
    # a blast and an explosion: one happening told in other words
    (told(("a", "event", "Lakeside", "", "A blast shook the Lakeside depot on Friday."),
          ("b", "event", "", "", "The explosion at the depot on Friday was heard for miles.")),
     True),
    # a saying whose speaker the text does not give may be anyone's
    (told(("a", "statement", "Lakeside Board", "Lakeside Board", "The Lakeside Board said on "
           "Friday that the depot would close."),
          ("b", "statement", "", "", "The closure of the depot was announced on Friday.")), True),
    # a saying and the blast it tells of are two happenings
    (told(("a", "event", "Lakeside", "", "A gas blast tore through the Lakeside depot on "
           "Friday."),
          ("b", "statement", "Lakeside; Jane Roe", "Jane Roe", "Jane Roe said on Friday that the "
           "gas blast at the Lakeside depot was an accident.")), False),
    # one word in common says little: a pier repaired and a mayor elected
    (told(("a", "event", "Lakeside", "", "Crews repaired the old Lakeside pier on Friday."),
          ("b", "event", "Lakeside", "", "Lakeside voters elected a mayor on Friday.")), False),
    # a wire story two outlets print word for word: one happening
    (told(("a", "event", "Lakeside", "", "A crane toppled onto the Lakeside depot on Friday."),
          ("b", "event", "Lakeside", "", "A crane toppled onto the Lakeside depot on Friday.")),
     True),
    # two events of one sentence of one article stay two
    (told(("a", "event", "Lakeside", "", "A crane toppled on Friday and a fire broke out on "
           "Friday."),
          ("a", "event", "Lakeside", "", "A crane toppled on Friday and a fire broke out on "
           "Friday.")) | {"event_id": ["ev-1", "ev-2"]}, False),
    # one article's lede and body tell its blast in other words: one happening
    (told(("a", "event", "Lakeside", "", LEDE), ("a", "event", "", "", BODY)) | TWO, True),
    # ... but two articles saying as little in common are two
    (told(("a", "event", "Lakeside", "", LEDE), ("b", "event", "", "", BODY)), False),
    # ... and a body that says its blast is another one is another
    (told(("a", "event", "Lakeside", "", LEDE), ("a", "event", "", "", "Also, " + BODY.lower()))
     | TWO, False),
    # two articles' long sentences about one killing, named next to the date in other words
    (told(("a", "statement", "Tom Doe; Jane Roe", "", "Doe has been sought since witnesses "
           "placed his van near the scene of the Friday slaying of Roe, 58, a surgeon at the "
           "city hospital who had also taught at the medical school."),
          ("b", "event", "Lakeside Police; Jane Roe", "", "The two men were questioned but "
           "police played down any link between them and the Friday killing of Roe, the "
           "city's best known surgeon.")), True),
    # ... but a shared place is not enough: two arrivals in one country on one day
    (told(("a", "event", "Haiti; Jane Roe", "", "Jane Roe, the first foreign minister to visit "
           "since the storm, arrived in Haiti on Friday with a plane of medical supplies."),
          ("b", "event", "Haiti; Tom Doe", "", "The singer Tom Doe, born in the north of the "
           "island, arrived in Haiti on Friday to help raise money for the survivors.")), False),
])
def test_kinds_and_sayings_in_merging(events, one):
    assert merged(events) is one


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


def dated(*rows: tuple[str, str, str]) -> dict[str, list]:
    """Events as columns: (TIMEX3 value, date text, sentence) each, from sources a, b...,
    all of the general kind and naming Lakeside."""
    periods = [Period.of_value(value) for value, _, _ in rows]
    sources = "abcdefgh"[: len(rows)]
    return {
        "event_id": [f"ev-{source}" for source in sources],
        "source_id": list(sources),
        "sentence": [sentence for *_, sentence in rows],
        "date": [period.first.isoformat() for period in periods],
        "date_end": [period.last.isoformat() for period in periods],
        "precision": [period.precision for period in periods],
        "kind": ["event"] * len(rows),
        "actors": ["Lakeside"] * len(rows),
        "outlet": list(sources),
        "date_text": [text for _, text, _ in rows],
        "attributed_to": [""] * len(rows),
    }


@pytest.mark.parametrize(("events", "one"), [
    # a year and a day inside it: one fire
    (dated(("2024", "last year's", "A man was charged over last year's fire at the depot."),
           ("2024-08-07", "Aug. 7", "The fire at the depot on Aug. 7 destroyed a warehouse.")),
     True),
    # a season and a month inside it
    (dated(("2024-FA", "last fall", "The Lakeside depot burned down in a fire last fall."),
           ("2024-10", "October", "In the October fire the depot burned down in minutes.")),
     True),
    # what the year dates (an election) is not what the day's sentence tells (a rally)
    (dated(("2024", "this year's", "Thousands rallied in Lakeside, urging the mayor to seek a "
            "second term in this year's election."),
           ("2024-03-05", "Tuesday", "Thousands rallied in Lakeside on Tuesday to support the "
            "mayor.")), False),
    # a year and a day in it, of one kind of happening, but told in other words
    (dated(("2024", "last year", "Three warehouses burned down in Lakeside last year."),
           ("2024-08-07", "Aug. 7", "A fire destroyed the Lakeside depot on Aug. 7.")), False),
    # one year, two happenings that only share the story's words
    (dated(("2024", "this year", "Lakeside's harbour has lost half its trade this year."),
           ("2024", "2024", "The harbour crisis of 2024 hit trade in Lakeside.")), False),
    # one year, one happening named next to it by both
    (dated(("1998", "1998", "Lakeside has not seen such a flood since the harbour flood of "
            "1998."),
           ("1998", "1998", "The flood of 1998 left the Lakeside harbour under water for a "
            "week.")), True),
])
def test_coarse_and_fine_dates_in_merging(events, one):
    assert merged(events) is one


def clocked(*rows: tuple[str, str, str, str]) -> dict[str, list]:
    """Events as columns: (source, clock time or day, date as written, sentence) each, all on
    2025-03-07 and naming one actor."""
    return {
        "event_id": [f"ev-{n}" for n in range(len(rows))],
        "source_id": [source for source, *_ in rows],
        "sentence": [sentence for *_, sentence in rows],
        "date": ["2025-03-07"] * len(rows),
        "date_end": ["2025-03-07"] * len(rows),
        "precision": ["minute" if "T" in value else "day" for _, value, *_ in rows],
        "kind": ["event"] * len(rows),
        "actors": ["Lakeside"] * len(rows),
        "outlet": [source for source, *_ in rows],
        "date_text": [written for _, _, written, _ in rows],
        "attributed_to": [""] * len(rows),
        "timex": [value for _, value, *_ in rows],
    }


@pytest.mark.parametrize(("events", "groups"), [
    # a live page's entries at two times are two happenings, even through a day-dated row
    (clocked(("live", "2025-03-07T14:05", "1405", "1405 Rescuers in Lakeside pull a "
              "survivor from the flooded depot."),
             ("live", "2025-03-07T14:40", "1440", "1440 Rescuers in Lakeside pull a "
              "second survivor from the flooded depot."),
             ("live", "2025-03-07", "Friday", "On Friday rescuers in Lakeside pulled "
              "survivors from the flooded depot.")), 2),
    # one sentence's time and its conversion, and another article's time: one happening
    (clocked(("a", "2025-03-07T10:35", "10:35 a.m.", "The depot in Lakeside flooded at "
              "10:35 a.m. (0835 GMT) Friday."),
             ("a", "2025-03-07T08:35", "0835 GMT", "The depot in Lakeside flooded at "
              "10:35 a.m. (0835 GMT) Friday."),
             ("a", "2025-03-07", "Friday", "The flooded depot in Lakeside was shut on Friday."),
             ("b", "2025-03-07T08:35", "0835 GMT", "Floods hit the Lakeside depot at 0835 GMT "
              "on Friday.")), 1),
])
def test_one_articles_clock_times_in_merging(events, groups):
    ids, _ = linking.link(events)
    assert len(set(ids)) == groups
