"""The tagger at the calendar's ends: a rule that would step past year 1 or 9999 names no day
instead of raising, and a document date that is not a date is refused by name."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.timex import tag

D = dt.date


# The tagger's rules at the calendar's ends: a rule that would step past year 1 or 9999 names
# no day instead of raising (each rule that raised there, with a sentence of its own).
EDGES = [
    ("weekday", "The committee met on Thursday to vote.", "0001-01-01"),
    ("clock", "The gates open at noon Thursday, the organisers said.", "0001-01-01"),
    ("deictic", "The mayor said yesterday that the road would reopen.", "0001-01-01"),
    ("deictic", "The ferry sails tomorrow if the wind drops.", "9999-12-31"),
    ("partday", "Two shops were flooded last night.", "0001-01-01"),
    ("season", "The pond froze over last winter.", "0001-01-15"),
    ("relperiod", "The library plans to reopen next spring.", "9999-06-01"),
]


@pytest.mark.parametrize(("rule", "sentence", "dct"), EDGES)
def test_rules_at_the_calendars_ends_name_no_day_rather_than_raise(rule, sentence, dct):
    for timex in tag(sentence, dct):
        assert timex.value and not timex.value.startswith("T")
        if timex.date:
            assert dt.date.min <= D.fromisoformat(timex.date) <= D.fromisoformat(timex.date_end)


def test_the_same_rules_still_resolve_inside_the_calendar():
    text = ("The pond froze over last winter and the mayor spoke yesterday; the gates open at "
            "noon Thursday.")
    found = {t.text: t.value for t in tag(text, "2025-02-19")}
    assert found["last winter"] == "2023-WI" and found["yesterday"] == "2025-02-18"
    assert found["noon Thursday"] == "2025-02-20T12:00"


def test_a_bad_dct_is_refused_by_name():
    with pytest.raises(ValueError, match="'bogus'"):
        tag("The mayor spoke on Monday.", "bogus")


@pytest.mark.parametrize(("sentence", "dct"), [
    ("The parade was held on Thanksgiving as every year.", "0001-01-01"),
    ("Turnout will be high on Election Day, the clerk said.", "9999-12-31"),
])
def test_a_holiday_past_the_calendars_ends_names_no_day(sentence, dct):
    assert [t.value for t in tag(sentence, dct) if t.text in ("Thanksgiving", "Election Day")] == []


def test_holidays_still_resolve_inside_the_calendar():
    text = "The parade was on Thanksgiving; turnout will be high on Election Day."
    found = {t.text: t.value for t in tag(text, "2024-12-02")}
    assert found == {"Thanksgiving": "2024-11-28", "Election Day": "2025-11-04"}
