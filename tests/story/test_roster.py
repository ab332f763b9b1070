"""The roster: one canonical name per actor across a story's articles."""

from __future__ import annotations

from dashboard.extract.actors import Actor
from dashboard.story.roster import Roster


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
