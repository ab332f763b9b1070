"""The page's wiring, through Streamlit's AppTest client."""

import csv
import io
import json
from pathlib import Path

import pytest
import sample_data
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
ALL = ["e6", "e5", "e1", "e2", "e4", "e7", "e3"]


class RecordingFiles(MediaFileManager):
    """Keeps every deferred download's generator so a test can 'click' it."""

    made: dict = {}

    def add_deferred(self, callable_func, *args, **kwargs):
        file_id = super().add_deferred(callable_func, *args, **kwargs)
        RecordingFiles.made[file_id] = callable_func
        return file_id


@pytest.fixture
def page(tmp_path, monkeypatch):
    """A function making an AppTest over sample data (or over `data_dir` when given)."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingFiles)

    def make(data_dir=None, **query):
        monkeypatch.setenv("DASHBOARD_DATA", str(data_dir or sample_data.write(tmp_path / "d")))
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(query)
        return at.run()

    return make


def download(at, label):
    """The content a download button would hand the user."""
    button = next(b for b in at.download_button if b.label == label)
    content = RecordingFiles.made[button.proto.deferred_file_id]()
    return content.decode() if isinstance(content, bytes) else content


def card_dates(at):
    return [h.proto.body for h in at.get("html") if "<blockquote" in h.proto.body]


def table_ids(at):
    return list(at.dataframe[0].value["Event"])


def csv_ids(at):
    return [row["event_id"] for row in csv.DictReader(io.StringIO(download(at, "Events (CSV)")))]


def test_page_runs_on_seed_like_data(page):
    at = page()
    assert not at.exception
    assert at.title[0].value == "North Korean soldiers in Russia's war against Ukraine"
    assert at.caption[0].value.startswith("2 sources · 7 events · 2015 to Feb 19, 2025")
    assert len(card_dates(at)) == 7 and table_ids(at) == ALL
    assert "Other sources differ" in "".join(h.proto.body for h in at.get("html"))


def test_page_explains_how_to_build_when_data_is_empty(page, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    at = page(empty)
    assert not at.exception
    assert "make build" in at.info[0].value and "python -m dashboard build" in at.info[0].value


def test_actor_filter_changes_events_and_csv(page):
    at = page()
    assert csv_ids(at) == ALL
    at.multiselect(key="f_actors").set_value(["Russia"]).run()
    assert not at.exception
    assert len(card_dates(at)) == 2 and table_ids(at) == ["e5", "e1"]
    assert csv_ids(at) == ["e5", "e1"]
    assert at.query_params["actor"] == "Russia"


def test_query_params_restore_filters(page):
    at = page(actor=["North Korea"], exact="1", q="soldier", lanes="kind")
    assert not at.exception
    assert at.multiselect(key="f_actors").value == ["North Korea"]
    assert at.checkbox(key="f_approximate").value is False
    assert at.text_input(key="f_search").value == "soldier"
    assert at.radio(key="f_lanes").value == "kind"
    assert table_ids(at) == ["e2", "e3"]


def test_date_range_from_the_url(page):
    at = page(since="2025-01-10", until="2025-02-12")
    assert table_ids(at) == ["e4", "e7"]
    assert at.query_params == {"since": "2025-01-10", "until": "2025-02-12"}


def test_downloads_match_the_filtered_table_exactly(page):
    at = page(kind=["capture", "photo", "briefing"])
    assert table_ids(at) == csv_ids(at) == ["e2", "e4", "e7"]
    table = at.dataframe[0].value
    rows = list(csv.DictReader(io.StringIO(download(at, "Events (CSV)"))))
    for column, label in (("summary", "Summary"), ("kind", "Kind"), ("actors", "Actors"),
                          ("date_text", "Date as written"), ("outlet", "Outlet")):
        assert [row[column] for row in rows] == list(table[label])
    shown = [row["event_id"] for row in json.loads(download(at, "Events (JSON)"))]
    timeline = json.loads(download(at, "TimelineJS (JSON)"))["events"]
    assert shown == [e["unique_id"] for e in timeline] == ["e2", "e4", "e7"]
    figures = list(csv.DictReader(io.StringIO(download(at, "Key figures (CSV)"))))
    assert [row["figure_id"] for row in figures] == ["f1", "f2", "f3"]


def test_no_match_offers_to_clear_the_filters(page):
    at = page(q="no such words anywhere")
    assert "No events match" in at.warning[0].value
    at.button(key="clear_main").click().run()
    assert not at.exception and table_ids(at) == ALL and at.query_params == {}


def test_actor_card_button_filters_to_that_actor(page):
    at = page()
    button = next(b for b in at.button if b.label == "Show only Volodymyr Zelenskyy")
    button.click().run()
    assert at.multiselect(key="f_actors").value == ["Volodymyr Zelenskyy"]
    assert table_ids(at) == ["e4"]


def test_article_text_is_escaped(page):
    bodies = "".join(card_dates(page()))
    assert "&lt;b&gt;his&lt;/b&gt; first *interview*" in bodies
    assert "<b>his</b>" not in bodies and "javascript:" not in bodies


@pytest.mark.parametrize(
    "query",
    [
        {"actor": ["Nobody"], "kind": "unknown"},
        {"since": "2030-01-01"},
        {"since": "2025-02-01", "until": "2024-01-01"},
        {"until": "1999-01-01", "lanes": "kind", "exact": "1"},
    ],
)
def test_odd_urls_still_open_the_page(page, query):
    at = page(**query)
    assert not at.exception
    assert at.warning or table_ids(at)


def test_a_linked_event_opens_its_card(page):
    at = page(event="e4")
    assert not at.exception
    selected = [m.value for m in at.markdown if m.value == "**Selected event**"]
    assert selected and at.query_params["event"] == "e4"
    assert not [m for m in page(event="nope").markdown if m.value == "**Selected event**"]
