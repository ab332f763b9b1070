"""The roster: one canonical name per actor across a story's articles."""

from __future__ import annotations

from extracted import built_tables, corpus

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


def test_roster_never_merges_two_people_who_share_a_surname():
    roster = Roster()
    roster.merge(Actor("Anna Novak", "person", ["Novak"]))
    assert roster.merge(Actor("Tomas Novak", "person", ["Novak"])) == "Tomas Novak"
    assert roster.merge(Actor("Novak", "person")) == "Novak"  # either of them: neither
    assert set(roster.actors) == {"Anna Novak", "Tomas Novak", "Novak"}


def test_roster_one_person_whatever_the_middle_initial_or_suffix():
    roster = Roster()
    roster.merge(Actor("John F. Roe", "person"))
    assert roster.merge(Actor("John Roe Jr.", "person")) == "John Roe Jr."  # the longest name
    assert roster.merge(Actor("John Roe", "person")) == "John Roe Jr."
    assert roster.merge(Actor("Roe", "person")) == "John Roe Jr."
    assert roster.canonical("John F. Roe") == "John Roe Jr."
    assert roster.merge(Actor("James Earl Doe", "person")) == "James Earl Doe"
    assert roster.merge(Actor("James Doe", "person")) == "James Earl Doe"
    assert roster.merge(Actor("Jean-Paul Moreau", "person")) == "Jean-Paul Moreau"
    assert roster.merge(Actor("Jean Paul Moreau", "person")) == "Jean-Paul Moreau"

    assert roster.merge(Actor("T.", "person", ["R."])) == "T."  # initials alone: no surname
    assert roster.merge(Actor("T.", "person")) == "T."
    assert roster.merge(Actor("J.", "person")) == "J."


def test_roster_one_company_with_or_without_its_ending():
    roster = Roster()
    roster.merge(Actor("Harlow Steel Inc.", "organisation", ["Harlow Steel"]))
    assert roster.merge(Actor("Harlow Steel Corp.", "organisation")) == "Harlow Steel Inc."
    assert roster.merge(Actor("Dunmore Tools Private Limited", "organisation")) == (
        "Dunmore Tools Private Limited")
    assert roster.merge(Actor("Dunmore Tools", "organisation")) == "Dunmore Tools Private Limited"
    assert roster.merge(Actor("Dar-es-Salaam", "place")) == "Dar-es-Salaam"
    assert roster.merge(Actor("Dar es Salaam", "place")) == "Dar-es-Salaam"
    roster.merge(Actor("Harbour Safety Organisation", "organisation"))
    assert roster.merge(Actor("Harbour Safety Organization", "organisation")) == (
        "Harbour Safety Organisation")  # British and American spellings
    assert roster.merge(Actor("U.N. Harbour Safety Organization", "organisation")) == (
        "Harbour Safety Organisation")


def test_roster_a_body_and_its_initials_in_either_order_unless_two_bodies_share_them():
    roster = Roster()
    roster.merge(Actor("Lakeside Gas and Electric Co.", "organisation"))
    assert roster.merge(Actor("LG&E", "organisation")) == "Lakeside Gas and Electric Co."
    roster.merge(Actor("NTSB", "organisation"))
    roster.merge(Actor("National Transportation Safety Board", "organisation"))
    assert roster.canonical("NTSB") == "National Transportation Safety Board"
    roster.merge(Actor("Federal Housing Agency", "organisation"))
    roster.merge(Actor("Federal Highway Agency", "organisation"))
    assert roster.merge(Actor("FHA", "organisation")) == "FHA"


def test_roster_a_name_a_body_was_given_is_not_a_person():
    roster = Roster()
    roster.merge(Actor("Department of Forestry and Fire Protection", "organisation",
                       ["Cal Fire"]))
    assert roster.merge(Actor("Cal Fire", "person", ["Fire"])) == (
        "Department of Forestry and Fire Protection")
    assert roster.actors["Department of Forestry and Fire Protection"].aliases == ["Cal Fire"]


def test_roster_a_surname_that_says_something_is_the_one_person_of_that_name():
    roster = Roster()
    assert roster.merge(Actor("Whitaker", "other")) == "Whitaker"  # kept aside, no actor
    assert "Whitaker" not in roster.actors
    roster.merge(Actor("Tom Whitaker", "person"))
    assert roster.canonical("Whitaker") == "Tom Whitaker"
    assert roster.merge(Actor("Whitaker", "other")) == "Tom Whitaker"
    roster.merge(Actor("Harlow Steel Inc.", "organisation"))
    assert roster.merge(Actor("Harlow", "other")) == "Harlow Steel Inc."
    assert roster.merge(Actor("HSI", "other")) == "HSI"
    roster.merge(Actor("Harlow Steel International", "organisation"))
    assert roster.canonical("HSI") == "Harlow Steel International"
    roster.merge(Actor("Ann Roe", "person"))
    roster.merge(Actor("Bob Roe", "person"))
    assert roster.merge(Actor("Roe", "other")) == "Roe"  # two people: neither
    assert sorted(roster.actors) == ["Ann Roe", "Bob Roe", "Harlow Steel Inc.",
                                     "Harlow Steel International", "Tom Whitaker"]


def test_roster_two_people_with_other_middle_initials():
    roster = Roster()
    assert roster.merge(Actor("George H.W. Roe", "person")) == "George H.W. Roe"
    assert roster.merge(Actor("George W. Roe", "person")) == "George W. Roe"
    assert roster.merge(Actor("George Roe", "person")) == "George W. Roe"
    assert set(roster.actors) == {"George H.W. Roe", "George W. Roe"}


def test_a_later_article_naming_only_the_surname_is_attributed_to_the_person(tmp_path):
    manifest = corpus(tmp_path / "in", {
        "a.txt": "Sheriff Tom Whitaker said on Monday that 40 homes had burned.\n",
        "b.txt": "Whitaker said on Tuesday that the evacuation orders would be lifted.\n",
    }, "a.txt,https://example.org/a,A,Example,,2025-06-11\n"
       "b.txt,https://example.org/b,B,Example,,2025-06-12\n")
    tables = built_tables(manifest, tmp_path / "data")
    assert list(tables["events"]["attributed_to"]) == ["Tom Whitaker", "Tom Whitaker"]
    assert list(tables["actors"]["name"]) == ["Tom Whitaker"]
