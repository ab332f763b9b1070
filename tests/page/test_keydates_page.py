"""The page's "Key dates" view, through Streamlit's AppTest client."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sample_data
from streamlit.testing.v1 import AppTest
from test_app import RecordingFiles

APP = Path(__file__).resolve().parents[2] / "dashboard" / "page" / "app.py"


@pytest.fixture
def page(tmp_path, monkeypatch):
    """An AppTest over the sample tables."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingFiles)
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_data.write(tmp_path / "d")))
    return AppTest.from_file(str(APP), default_timeout=60).run()


def key_cards(at) -> list[str]:
    return [h.proto.body for h in at.get("html") if "this date" in h.proto.body]


def event_cards(at) -> list[str]:
    return [h.proto.body for h in at.get("html") if "<blockquote" in h.proto.body]


def download(at, label: str) -> str:
    button = next(b for b in at.download_button if b.label == label)
    content = RecordingFiles.made[button.proto.deferred_file_id]()
    return content.decode() if isinstance(content, bytes) else content


def test_key_dates_come_first_one_card_a_day(page):
    assert not page.exception
    headings = [h.value for h in page.subheader]
    assert headings[0] == "Key dates"
    cards = key_cards(page)
    # The sample's day-precise events (Jan 9, Jan 12, Feb 19) and the days its two articles
    # were published (Jan 13, Feb 19), laid out in date order three to a row (so the first
    # column, read first, holds the first and the fourth).
    days = {c.split("</div>")[0].rsplit(">", 1)[-1]: c for c in cards}
    assert list(days) == ["Jan. 9, 2025", "Feb. 19, 2025", "Jan. 12, 2025", "Jan. 13, 2025"]
    assert "0 sources give this date · 1 article published that day" in days["Jan. 13, 2025"]
    assert "1 source gives this date" in cards[0]
    assert "Ukraine said on Jan. 9 it captured two North Korean soldiers." in cards[0]


def test_key_date_sentences_are_escaped_and_links_only_http(page):
    cards = "".join(key_cards(page))
    assert "&lt;b&gt;his&lt;/b&gt;" in cards and "<b>his</b>" not in cards
    assert "javascript:" not in cards


def test_the_number_of_dates_is_adjustable(page):
    page.number_input(key="kd_count").set_value(1).run()
    assert not page.exception
    assert len(key_cards(page)) == 1


def test_a_key_date_opens_that_days_events(page):
    assert len(event_cards(page)) > 1
    page.button(key="keyday_2025-01-12").click().run()
    assert not page.exception
    cards = event_cards(page)
    assert len(cards) == 1 and "Jan. 12" in cards[0]
    assert page.query_params["since"] == "2025-01-12"


def test_key_dates_download(page):
    rows = list(csv.DictReader(io.StringIO(download(page, "Key dates (CSV)"))))
    days = ["2025-01-09", "2025-01-12", "2025-01-13", "2025-02-19"]
    assert [row["date"] for row in rows] == days
    full = json.loads(download(page, "Key dates (JSON)"))
    assert [k["date"] for k in full] == days
    slides = json.loads(download(page, "Key dates (TimelineJS)"))["events"]
    assert slides[0]["start_date"] == {"year": 2025, "month": 1, "day": 9}
