"""Actors: people found by title, age and introduction; one canonical name across articles."""

from __future__ import annotations

import pytest

from dashboard.extract.actors import Actor, story_index
from dashboard.story.roster import Roster


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Defense Minister Anna Kovac said the drills would go on.", "Anna Kovac",
         "Defense Minister"),
        ("Ukrainian Ambassador to South Korea Olena Marchuk said so.", "Olena Marchuk",
         "Ukrainian Ambassador to South Korea"),
        ("A soldier identified only by his surname Pak spoke.", "Pak", "soldier"),
        ("Pak, 24, and another soldier were held.", "Pak", "aged 24"),
        ("The agency named a 19-year-old Sohn as the second captive.", "Sohn", "aged 19"),
        ("North Korean leader Kim Jong Un toured a factory.", "Kim Jong Un",
         "North Korean leader"),
    ],
)
def test_people_are_found_with_their_description(text, name, description):
    index = story_index(text, [])
    assert name in index.actors
    assert index.actors[name].kind == "person"
    assert index.actors[name].description == description


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended on Monday in March.",
        "In January and February. The talks failed.",
        "The soldiers, 26, and the officers left.",
    ],
)
def test_no_people_where_none_are_named(text):
    index = story_index(text, [])
    assert [a for a in index.actors.values() if a.kind == "person"] == []


def test_places_after_locative_words_are_not_actors():
    index = story_index("Troops were sent to Russia, officials in Seoul said.", [])
    assert [m.name for m in index.mentions("Troops were sent to Russia, officials in Seoul said.")
            ] == []
    assert [m.name for m in index.mentions("Russia denied it.")] == ["Russia"]


def test_the_agency_stands_for_the_last_agency_named():
    text = "South Korea's spy agency briefed lawmakers. The agency said 300 had died."
    names = [m.name for m in story_index(text, []).mentions(text)]
    assert names == ["National Intelligence Service", "National Intelligence Service"]


def test_roster_keeps_one_name_per_person():
    roster = Roster()
    assert roster.merge(Actor("Trump", "person")) == "Trump"
    assert roster.merge(Actor("Donald Trump", "person", ["Trump"], "U.S. President")) == (
        "Donald Trump"
    )
    assert roster.merge(Actor("Volodymyr Zelenskyy", "person", ["Zelenskyy"])) == (
        "Volodymyr Zelenskyy"
    )
    assert roster.merge(Actor("Volodymyr Zelenskiy", "person", ["Zelenskiy"])) == (
        "Volodymyr Zelenskyy"
    )
    assert roster.canonical("Trump") == "Donald Trump"
    assert roster.canonical("Volodymyr Zelenskiy") == "Volodymyr Zelenskyy"
    assert set(roster.actors) == {"Donald Trump", "Volodymyr Zelenskyy"}
    assert "Zelenskiy" in roster.actors["Volodymyr Zelenskyy"].aliases
    assert roster.actors["Donald Trump"].description == "U.S. President"
