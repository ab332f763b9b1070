"""Exports: CSV column order, JSON, TimelineJS dates (the command: cli/test_export_command.py)."""

import csv
import io
import json

import pytest
import sample_data

from dashboard.store import export, table

EVENTS = sample_data.tables()["events"]


def test_csv_has_contract_columns_first_then_the_rest():
    shuffled = EVENTS[list(EVENTS.columns)[::-1]].assign(curator_note="checked")
    header = next(csv.reader(io.StringIO(export.events_csv(shuffled))))
    assert header[:17] == table.EVENTS_CONTRACT
    assert header[17:] == list(table.EVENTS_COLUMNS)[17:] + ["curator_note"]


def test_csv_round_trips_the_values():
    back = list(csv.DictReader(io.StringIO(export.events_csv(EVENTS))))
    assert [row["event_id"] for row in back] == list(EVENTS["event_id"])
    assert back[2]["sentence"] == EVENTS["sentence"][2] and back[0]["char_start"] == "1152"


def test_json_is_plain_values_in_contract_order():
    rows = json.loads(export.events_json(EVENTS))
    assert list(rows[0])[:17] == table.EVENTS_CONTRACT
    assert rows[0]["char_start"] == 1152 and rows[0]["mod"] is None
    assert len(rows) == len(EVENTS)


@pytest.mark.parametrize(
    ("event_id", "start", "end"),
    [
        ("e2", {"year": 2025, "month": 1, "day": 9}, None),
        ("e1", {"year": 2024, "month": 10}, None),
        ("e6", {"year": 2015}, None),
        ("e7", {"year": 2025, "month": 2, "day": 10}, {"year": 2025, "month": 2, "day": 16}),
    ],
)
def test_timelinejs_dates_hold_only_known_parts(event_id, start, end):
    doc = export.timelinejs(EVENTS, "Story")
    item = next(e for e in doc["events"] if e["unique_id"] == event_id)
    assert item["start_date"] == start
    assert item.get("end_date") == end


def test_timelinejs_text_group_media_and_escaping():
    events = EVENTS.copy()
    events.loc[events["event_id"] == "e3", "summary"] = "<img src=x onerror=alert(1)>"
    doc = export.timelinejs(events, "A <story>")
    assert doc["title"]["text"]["headline"] == "A &lt;story&gt;"
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert "<img" not in by_id["e3"]["text"]["headline"]
    assert by_id["e2"]["group"] == "Capture"
    assert "According to Volodymyr Zelenskyy" in by_id["e2"]["text"]["text"]
    assert by_id["e4"]["media"]["credit"] == "Yonhap" and "media" not in by_id["e2"]
    assert "javascript:" not in by_id["e4"]["text"]["text"]
