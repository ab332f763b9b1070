"""Human formatting: dates at their precision, spans of dates, links, highlighting."""

import pytest
from sample_data import tables

from dashboard import humanize

DATA = tables()


@pytest.mark.parametrize(
    ("date", "date_end", "precision", "timex", "mod", "expected"),
    [
        ("2025-01-09", "2025-01-09", "day", "2025-01-09", "", "Jan. 9, 2025"),
        ("2024-10-01", "2024-10-31", "month", "2024-10", "", "October 2024"),
        ("2015-01-01", "2015-12-31", "year", "2015", "", "2015"),
        ("2025-02-10", "2025-02-16", "week", "2025-W07", "", "Week of Feb. 10, 2025"),
        ("2025-01-01", "2025-03-31", "quarter", "2025-Q1", "", "Q1 2025"),
        ("2024-12-01", "2025-02-28", "season", "2024-WI", "", "Winter 2024"),
        ("2010-01-01", "2019-12-31", "decade", "201", "", "2010s"),
        ("2025-02-01", "2025-02-10", "month", "2025-02", "START", "Early February 2025"),
        ("2025-01-03", "2025-01-20", "", "", "", "Jan. 3–20, 2025"),
        ("2024-12-30", "2025-01-02", "", "", "", "Dec. 30, 2024 – Jan. 2, 2025"),
        (None, None, None, None, None, "Undated"),
    ],
)
def test_date_label(date, date_end, precision, timex, mod, expected):
    assert humanize.date_label(date, date_end, precision, timex, mod) == expected


def test_date_labels_of_a_table():
    events = DATA["events"]
    assert list(humanize.date_labels(events)) == [
        "October 2024", "Jan. 9, 2025", "Feb. 19, 2025", "Jan. 12, 2025", "June 2024", "2015",
        "Week of Feb. 10, 2025",
    ]
    assert humanize.date_labels(events.iloc[[3, 1]]).to_dict() == {
        3: "Jan. 12, 2025", 1: "Jan. 9, 2025"
    }


@pytest.mark.parametrize(
    ("sentence", "start", "cs", "ce", "text", "expected"),
    [
        ("On Jan. 9 they left.", 10, 13, 19, "Jan. 9", ("On ", "Jan. 9", " they left.")),
        ("On Jan. 9 they left.", 10, 99, 105, "Jan. 9", ("On ", "Jan. 9", " they left.")),
        ("On Jan. 9 they left.", None, None, None, "Jan. 9", ("On ", "Jan. 9", " they left.")),
        ("No date here.", 0, 0, 4, "Monday", ("No date here.", "", "")),
    ],
)
def test_split_highlight(sentence, start, cs, ce, text, expected):
    assert humanize.split_highlight(sentence, start, cs, ce, text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        ("data:text/html,<b>x</b>", ""),
        ("//example.org", ""),
        ("", ""),
    ],
)
def test_only_http_urls_become_links(url, expected):
    assert humanize.safe_url(url) == expected
    assert ("<a " in humanize.link(url, "label")) == bool(expected)


def test_header_span_uses_one_format():
    events = DATA["events"].copy()
    events.loc[2, ["date", "date_end", "precision", "timex", "mod"]] = [
        "2025-02-01", "2025-02-28", "month", "2025-02", "START"]
    assert humanize.span_label(events) == "2015 to February 2025"
    assert humanize.span_label(DATA["events"]) == "2015 to Feb. 19, 2025"
