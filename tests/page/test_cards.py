"""Human formatting (dates at their precision, links, highlighting) and the cards built on it."""

import pytest
from sample_data import tables

from dashboard import humanize
from dashboard.page import cards

DATA = tables()


@pytest.mark.parametrize(
    ("date", "date_end", "precision", "timex", "mod", "expected"),
    [
        ("2025-01-09", "2025-01-09", "day", "2025-01-09", "", "Jan 9, 2025"),
        ("2024-10-01", "2024-10-31", "month", "2024-10", "", "Oct 2024"),
        ("2015-01-01", "2015-12-31", "year", "2015", "", "2015"),
        ("2025-02-10", "2025-02-16", "week", "2025-W07", "", "Week 7, 2025"),
        ("2025-01-01", "2025-03-31", "quarter", "2025-Q1", "", "Q1 2025"),
        ("2024-12-01", "2025-02-28", "season", "2024-WI", "", "Winter 2024"),
        ("2010-01-01", "2019-12-31", "decade", "201", "", "2010s"),
        ("2025-02-01", "2025-02-10", "month", "2025-02", "START", "Early Feb 2025"),
        ("2025-01-03", "2025-01-20", "", "", "", "Jan 3 – Jan 20, 2025"),
        ("2024-12-30", "2025-01-02", "", "", "", "Dec 30, 2024 – Jan 2, 2025"),
        (None, None, None, None, None, "Undated"),
    ],
)
def test_date_label(date, date_end, precision, timex, mod, expected):
    assert humanize.date_label(date, date_end, precision, timex, mod) == expected


def test_date_labels_of_a_table():
    events = DATA["events"]
    assert list(humanize.date_labels(events)) == [
        "Oct 2024", "Jan 9, 2025", "Feb 19, 2025", "Jan 12, 2025", "Jun 2024", "2015",
        "Week 7, 2025",
    ]
    assert humanize.date_labels(events.iloc[[3, 1]]).to_dict() == {
        3: "Jan 12, 2025", 1: "Jan 9, 2025"
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


def test_event_card_escapes_everything():
    event = DATA["events"].iloc[2].to_dict() | {"summary": "<script>x</script>"}
    body = cards.event_card_html(event)
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert '<mark style="background:#F0E442;color:#000">Wednesday</mark>' in body


def test_key_figures_show_the_latest_and_say_others_differ():
    deployed, casualties = cards.key_figures(DATA["figures"])
    assert (deployed["value"], deployed["attributed_to"]) == (12000, "Ukrainian intelligence")
    assert deployed["others"] == "about 11,000 (South Korea's spy agency, Nov 13, 2024)"
    assert (casualties["value"], casualties["others"]) == (4000, "")
    body = cards.figure_card_html(deployed)
    assert "Other sources differ" in body and "javascript:" not in body


def test_sources_list_marks_inferred_dates_and_links_only_http():
    body = cards.sources_html(DATA["sources"])
    assert body.count("<a ") == 1 and "Jan 13, 2025 (date inferred)" in body


@pytest.mark.parametrize(
    ("status", "badge"),
    [(None, "Auto"), ("verified", "Verified"), ("corrected", "Corrected"),
     ("rejected", "Rejected")],
)
def test_event_card_shows_status_sources_and_conflict(status, badge):
    event = {**DATA["events"].iloc[1].to_dict(), "status": status, "story_sources": 3,
             "conflict": "Metro <Ledger> dates this 2025-01-11 (Jan. 11)"}
    body = cards.event_card_html(event)
    assert f">{badge}</span>" in body and "Reported by 3 sources" in body
    assert "Metro &lt;Ledger&gt; dates this 2025-01-11 (Jan. 11)" in body


def test_figure_cards_note_disagreement_at_the_same_as_of_date():
    figures = DATA["figures"].copy()
    figures.loc[1, "as_of"] = "2024-11-13"
    card = next(c for c in cards.key_figures(figures) if c["quantity"] == "nk_soldiers_deployed")
    assert len(card["history"]) == 2
    assert card["disagreements"] == ["as of Nov 13, 2024: 12,000 (Ukrainian intelligence, "
                                     "Yonhap) vs about 11,000 (South Korea's spy agency, "
                                     "The Korea Times)"]
    body = cards.figure_card_html(card)
    assert "Sources disagree as of Nov 13, 2024" in body and "2 claims, latest first" in body
    assert "javascript:" not in body


def test_story_table_html_escapes_and_links_only_http():
    events = DATA["events"].assign(story_event_id=["a", "a", "b", "b", "c", "d", "e"],
                                   conflict=["", "<x> dates this", "", "", "", "", ""],
                                   status="auto")
    from dashboard.story.story_table import story_table

    rows = cards.story_rows(story_table(events), events)
    body = cards.story_table_html(rows)
    assert "2 sources: " in body and "&lt;x&gt; dates this" in body and "<x>" not in body
    assert 'href="https://m.koreatimes.co.kr' in body and "javascript:" not in body
    assert "Yonhap" in body


def test_header_span_uses_one_format():
    events = DATA["events"].copy()
    events.loc[2, ["date", "date_end", "precision", "timex", "mod"]] = [
        "2025-02-01", "2025-02-28", "month", "2025-02", "START"]
    assert humanize.span_label(events) == "2015 to Feb 2025"
    assert humanize.span_label(DATA["events"]) == "2015 to Feb 19, 2025"
