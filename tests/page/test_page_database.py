"""The page over a story database (which it reads narrow: every event's filter and date
columns, the rest only for the rows it shows) shows what it shows over the same tables as
CSV files, curation included."""

import os
from contextlib import closing

import pytest
import sample_data
from streamlit.testing.v1 import AppTest
from test_app import APP, RecordingFiles, download, write_curation

from dashboard.store import database, database_write

CURATION = [
    {"event_id": "e2", "status": "rejected"},
    {"event_id": "e4", "status": "corrected", "summary": "Zelenskyy shares a <i>photo</i>",
     "date": "2025-01-13", "actors": "Volodymyr Zelenskyy; Ukraine"},
    {"event_id": "e6", "status": "verified"},
    {"event_id": "gone", "status": "verified"},
]
QUERIES = [{}, {"actor": "Ukraine"}, {"q": "soldier"}, {"q": "captured"}, {"event": "e4"},
           {"rejected": "1", "event": "e2"}, {"lanes": "kind", "kind": "statement"},
           {"since": "2025-01-10", "exact": "1"}]
DOWNLOADS = ("Events (CSV)", "Events (JSON)", "TimelineJS (JSON)")


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """The sample tables with the same curation twice: as CSV files only (a folder built
    before there was a database), and with the story database a build writes."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingFiles)
    made = []
    for name in ("csv", "db"):
        folder = sample_data.write(tmp_path / name)
        write_curation(folder, CURATION)
        if name == "db":
            with closing(database.connect(database.path(folder), create=True)) as connection:
                database_write.write_folder(connection, folder)
        os.utime(folder / "events.csv", (1.7e9, 1.7e9))  # (the header says when it was built)
        made.append(folder)
    return made


def shown(folder, monkeypatch, query):
    """Everything the page shows for `query` (its elements' text, tables, charts, downloads)."""
    monkeypatch.setenv("DASHBOARD_DATA", str(folder))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    texts = [(kind, getattr(e, "value", None) or e.proto.body if kind == "html" else e.value)
             for kind in ("title", "caption", "markdown", "html", "info", "warning")
             for e in at.get(kind)]
    charts = [e.proto.spec for e in at.get("plotly_chart")]
    tables = [e.value.to_dict("list") for e in at.dataframe]
    return texts, charts, tables, [download(at, label) for label in DOWNLOADS]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: "&".join(f"{k}={v}" for k, v in
                                                                   q.items()) or "default")
def test_a_database_shows_what_its_csv_tables_show(folders, monkeypatch, query):
    from_csv, from_database = (shown(folder, monkeypatch, query) for folder in folders)
    assert from_database[0] == from_csv[0]
    assert from_database[1:] == from_csv[1:]


def test_the_curation_applies_to_every_part_read_from_the_database(folders, monkeypatch):
    texts, charts, tables, files = shown(folders[1], monkeypatch, {})
    cards = [body for kind, body in texts if kind == "html" and "<blockquote" in body]
    assert any("Zelenskyy shares a &lt;i&gt;photo&lt;/i&gt;" in card and "Corrected" in card
               and "Jan. 13, 2025" in card for card in cards)
    assert "e2" not in tables[0]["Event"] and "Zelenskyy shares a <i>photo</i>" in tables[0][
        "Summary"]
    assert any("Zelenskyy shares a" in spec for spec in charts)  # (the timeline's hover)
    assert "Volodymyr Zelenskyy; Ukraine" in files[0] and ",e2," not in files[0]
