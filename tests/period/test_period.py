"""The one Period: TIMEX3 values and stored rows to days, labels and TimelineJS parts."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.period import Period, day, parse_value

D = dt.date

# value, type, mod -> precision, first day, last day, label
VALUES = [
    ("2025-02-18", "DATE", "", "day", D(2025, 2, 18), D(2025, 2, 18), "Feb. 18, 2025"),
    ("2025-W07", "DATE", "", "week", D(2025, 2, 10), D(2025, 2, 16), "Week of Feb. 10, 2025"),
    ("2025-W01", "DATE", "", "week", D(2024, 12, 30), D(2025, 1, 5), "Week of Dec. 30, 2024"),
    ("2025-W07-WE", "DATE", "", "week", D(2025, 2, 15), D(2025, 2, 16), "Weekend of Feb. 15, 2025"),
    ("2024-02", "DATE", "", "month", D(2024, 2, 1), D(2024, 2, 29), "February 2024"),
    ("2025-Q1", "DATE", "", "quarter", D(2025, 1, 1), D(2025, 3, 31), "Q1 2025"),
    ("2025-Q4", "DATE", "", "quarter", D(2025, 10, 1), D(2025, 12, 31), "Q4 2025"),
    ("2025-H2", "DATE", "", "half", D(2025, 7, 1), D(2025, 12, 31), "H2 2025"),
    ("2024-SU", "DATE", "", "season", D(2024, 6, 1), D(2024, 8, 31), "Summer 2024"),
    ("2024-WI", "DATE", "", "season", D(2024, 12, 1), D(2025, 2, 28), "Winter 2024"),
    ("2023", "DATE", "", "year", D(2023, 1, 1), D(2023, 12, 31), "2023"),
    ("199", "DATE", "", "decade", D(1990, 1, 1), D(1999, 12, 31), "1990s"),
    ("199X", "DATE", "", "decade", D(1990, 1, 1), D(1999, 12, 31), "1990s"),
    ("19", "DATE", "", "century", D(1900, 1, 1), D(1999, 12, 31), "20th century"),
    ("20", "DATE", "", "century", D(2000, 1, 1), D(2099, 12, 31), "21st century"),
    ("21", "DATE", "", "century", D(2100, 1, 1), D(2199, 12, 31), "22nd century"),
    ("2025-02-18T13:19", "TIME", "", "minute", D(2025, 2, 18), D(2025, 2, 18), "Feb. 18, 2025"),
    ("2025-02-18T13:00", "TIME", "", "hour", D(2025, 2, 18), D(2025, 2, 18), "Feb. 18, 2025"),
    ("2025-02-18T13:19:05", "TIME", "", "second", D(2025, 2, 18), D(2025, 2, 18),
     "Feb. 18, 2025"),
    ("2025-02-18TMO", "TIME", "", "day", D(2025, 2, 18), D(2025, 2, 18), "Feb. 18, 2025"),
    ("2024-10", "DATE", "START", "month", D(2024, 10, 1), D(2024, 10, 31), "Early October 2024"),
    ("2024-10", "DATE", "END", "month", D(2024, 10, 1), D(2024, 10, 31), "Late October 2024"),
    ("2024", "DATE", "MID", "year", D(2024, 1, 1), D(2024, 12, 31), "Mid-2024"),
    ("2025-02-18", "DATE", "APPROX", "day", D(2025, 2, 18), D(2025, 2, 18), "Around Feb. 18, 2025"),
]


@pytest.mark.parametrize(("value", "type_", "mod", "precision", "first", "last", "label"), VALUES)
def test_a_value_covers_its_days(value, type_, mod, precision, first, last, label):
    period = Period.of_value(value, type_, mod)
    assert (period.precision, period.first, period.last) == (precision, first, last)
    assert (period.value, period.mod) == (value, mod)
    assert period.label == label
    assert period.date == first.isoformat() and period.date_end == last.isoformat()


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-XX-XX",
                                   "XXXX-WXX-3", "2025-13", "2025-02-30", "1XXX", "", "soon"])
def test_values_that_name_no_days_give_none(value):
    assert Period.of_value(value) is None


@pytest.mark.parametrize("type_", ["DURATION", "SET"])
def test_durations_and_sets_give_none(type_):
    assert Period.of_value("P3D" if type_ == "DURATION" else "2025-02", type_) is None


# stored row (date, date_end, precision, timex, mod) -> label
ROWS = [
    (("2025-01-09", "2025-01-09", "day", "2025-01-09", ""), "Jan. 9, 2025"),
    (("2024-10-01", "2024-10-31", "month", "2024-10", "START"), "Early October 2024"),
    (("2025-01-01", "2025-03-31", "quarter", "2025-Q1", ""), "Q1 2025"),
    (("2010-01-01", "2019-12-31", "decade", "201", ""), "2010s"),
    (("2025-03-01", "2025-03-10", "", "", ""), "March 1–10, 2025"),
    (("2024-12-20", "2025-01-05", "", "", ""), "Dec. 20, 2024 – Jan. 5, 2025"),
    (("2025-06-01", "2025-08-31", "season", "", ""), "Summer 2025"),
    (("2025-01-09T08:30", "", "minute", "", ""), "Jan. 9, 2025"),
    (("2025-01-09", "not a day", "month", "", ""), "Jan. 9, 2025"),
]


@pytest.mark.parametrize(("row", "label"), ROWS)
def test_a_stored_row_reads_back(row, label):
    assert Period.of_row(*row).label == label


@pytest.mark.parametrize("date", ["", "undated", "09/01/2025", "2025-02-30"])
def test_a_row_without_a_first_day_gives_none(date):
    assert Period.of_row(date, "2025-01-09", "day") is None


def test_a_row_and_its_value_agree():
    period = Period.of_value("2025-Q1", mod="END")
    again = Period.of_row(**{k if k != "timex" else "value": v for k, v in period.as_row().items()})
    assert again == period


@pytest.mark.parametrize(
    ("first", "precision", "last"),
    [
        (D(2025, 2, 1), "month", D(2025, 2, 28)),
        (D(2025, 1, 1), "quarter", D(2025, 3, 31)),
        (D(2025, 2, 1), "quarter", D(2025, 3, 31)),
        (D(2025, 7, 1), "half", D(2025, 12, 31)),
        (D(2024, 12, 1), "season", D(2025, 2, 28)),
        (D(2025, 2, 12), "week", D(2025, 2, 18)),
        (D(2025, 5, 5), "year", D(2025, 12, 31)),
        (D(2010, 1, 1), "decade", D(2019, 12, 31)),
        (D(2025, 5, 5), "hour", D(2025, 5, 5)),
        (D(9999, 12, 1), "month", D(9999, 12, 31)),
    ],
)
def test_a_period_starting_on_a_day_ends_with_its_calendar_unit(first, precision, last):
    assert Period.starting(first, precision).last == last


def test_an_unknown_precision_has_no_period():
    assert Period.starting(D(2025, 1, 1), "") is None
    assert Period.starting(D(2025, 1, 1), "fortnight") is None


@pytest.mark.parametrize(
    ("day_", "precision", "value", "first", "last"),
    [
        (D(2025, 2, 19), "week", "2025-W08", D(2025, 2, 17), D(2025, 2, 23)),
        (D(2025, 2, 19), "weekend", "2025-W08-WE", D(2025, 2, 22), D(2025, 2, 23)),
        (D(2025, 1, 20), "season", "2024-WI", D(2024, 12, 1), D(2025, 2, 28)),
        (D(2025, 8, 7), "quarter", "2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
        (D(1987, 4, 2), "decade", "198", D(1980, 1, 1), D(1989, 12, 31)),
    ],
)
def test_the_period_containing_a_day(day_, precision, value, first, last):
    period = Period.containing(day_, precision)
    assert (period.value, period.first, period.last) == (value, first, last)
    assert period.contains(day_) == (precision != "weekend")  # a weekend: of the day's week


def test_contains_overlaps_midpoint_after():
    quarter, january = Period.of_value("2025-Q1"), Period.of_value("2025-01")
    assert quarter.contains(january) and not january.contains(quarter)
    assert quarter.contains(D(2025, 3, 31)) and not quarter.contains(D(2025, 4, 1))
    assert quarter.overlaps(Period.of_value("2025-W14"))  # Mar 31 - Apr 6
    assert not quarter.overlaps(Period.of_value("2025-04"))
    assert quarter.midpoint == D(2025, 2, 14) and quarter.after == D(2025, 4, 1)
    assert quarter.days == 90 and january.days == 31
    assert Period.of_value("9999-12-31").after == D(9999, 12, 31)


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025-02-18", {"year": 2025, "month": 2, "day": 18}, None),
        ("2025-02-18T13:19", {"year": 2025, "month": 2, "day": 18}, None),
        ("2025-W07", {"year": 2025, "month": 2, "day": 10}, {"year": 2025, "month": 2, "day": 16}),
        ("2024-10", {"year": 2024, "month": 10}, None),
        ("2025-H2", {"year": 2025, "month": 7}, {"year": 2025, "month": 12}),
        ("2023", {"year": 2023}, None),
        ("199", {"year": 1990}, {"year": 1999}),
    ],
)
def test_timelinejs_parts_hold_only_what_is_known(value, start, end):
    assert Period.of_value(value).timeline_dates() == (start, end)


def test_parse_value_keeps_a_weekend_on_its_monday_for_the_tagger():
    assert parse_value("2025-W07-WE") == ("weekend", D(2025, 2, 10))
    assert parse_value("PAST_REF") is None


def test_day_reads_only_iso_days():
    assert day("2025-01-09") == D(2025, 1, 9)
    assert day("2025-01-09 10:00:00") == D(2025, 1, 9)
    assert day("9 Jan 2025") is None and day("") is None
