"""The cards: events, figures, sources and the story table as HTML, escaped, with only http
links. (The formatting they are built on: humanize/test_humanize.py.)"""

import pytest
from sample_data import tables

from dashboard.page import cards

DATA = tables()


def test_event_card_escapes_everything():
    event = DATA["events"].iloc[2].to_dict() | {"summary": "<script>x</script>"}
    body = cards.event_card_html(event)
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert '<mark style="background:#F0E442;color:#000">Wednesday</mark>' in body


def test_key_figures_show_the_latest_and_say_others_differ():
    deployed, casualties = cards.key_figures(DATA["figures"])
    assert (deployed["value"], deployed["attributed_to"]) == (12000, "Ukrainian intelligence")
    assert deployed["others"] == "about 11,000 (South Korea's spy agency, Nov. 13, 2024)"
    assert (casualties["value"], casualties["others"]) == (4000, "")
    body = cards.figure_card_html(deployed)
    assert "Other sources differ" in body and "javascript:" not in body


def test_sources_list_marks_inferred_dates_and_links_only_http():
    body = cards.sources_html(DATA["sources"])
    assert body.count("<a ") == 1 and "Jan. 13, 2025 (date inferred)" in body


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
    assert card["disagreements"] == ["as of Nov. 13, 2024: 12,000 (Ukrainian intelligence, "
                                     "Yonhap) vs about 11,000 (South Korea's spy agency, "
                                     "The Korea Times)"]
    body = cards.figure_card_html(card)
    assert "Sources disagree as of Nov. 13, 2024" in body and "2 claims, latest first" in body
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
