"""The page's wiring, through Streamlit's AppTest client."""

import csv
import datetime as dt
import io
import json

import pytest
import sample_data
from extracted import ROOT
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.read.sources import SourceError

APP = ROOT / "dashboard" / "page" / "app.py"
ALL = sample_data.DATE_ORDER


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
    assert at.caption[0].value.startswith("2 sources · 7 events · 2015 to Feb. 19, 2025")
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


def write_curation(data_dir, rows):
    """A curation.csv with `rows` (dicts of curation columns)."""
    from dashboard.store import curation, table

    frame = table.frame(rows, curation.CURATION_COLUMNS)
    (data_dir / "curation.csv").write_text(table.to_csv_text(frame), encoding="utf-8")


def review(at, event_id, verdict="keep", **fields):
    """Fill the review form for `event_id` and save it."""
    at.selectbox(key="review_event").set_value(event_id).run()
    at.radio(key="review_verdict").set_value(verdict)
    for name, value in fields.items():
        widgets = at.text_area if name == "summary" else at.text_input
        widget = next(w for w in widgets
                      if w.key and w.key.startswith(f"review_{name}_{event_id}_"))
        widget.set_value(value)
    next(b for b in at.button if b.label == "Save review").click().run()
    assert not at.exception
    return at


def test_rejected_events_are_hidden_unless_asked_for(page, tmp_path):
    at = review(page(), "e2", "rejected")
    assert table_ids(at) == [i for i in ALL if i != "e2"]
    assert "Saved" in at.success[0].value
    at.checkbox(key="f_rejected").check().run()
    assert table_ids(at) == ALL and at.query_params["rejected"] == "1"
    rejected = [b for b in card_dates(at) if "Two North Korean soldiers captured" in b]
    assert rejected and "Rejected" in rejected[0]
    assert "rejected" in (tmp_path / "d" / "curation.csv").read_text()


def test_a_correction_changes_the_card_at_once(page):
    at = review(page(), "e4", "keep", summary="Zelenskyy shares <i>a</i> photo", date="2025-01-13")
    card = next(b for b in card_dates(at) if "shares" in b)
    assert "Zelenskyy shares &lt;i&gt;a&lt;/i&gt; photo" in card and "Jan. 13, 2025" in card
    assert "Corrected" in card
    at = review(at, "e4", "verified")
    card = next(b for b in card_dates(at) if "shares" in b)
    assert "Verified" in card and "Jan. 13, 2025" in card


def test_a_bad_date_in_a_review_is_refused(page):
    at = review(page(), "e4", "keep", date="13/01/2025")
    assert "Not saved" in at.error[0].value and not at.success


def test_orphan_corrections_are_listed(page, tmp_path):
    data_dir = sample_data.write(tmp_path / "o")
    write_curation(data_dir, [{"event_id": "gone-1", "status": "corrected",
                               "summary": "[click](javascript:x)"},
                              {"event_id": "e3", "status": "verified"}])
    at = page(data_dir)
    assert not at.exception
    warning = at.warning[0].value
    assert "1 correction in curation.csv no longer match" in warning and "gone\\-1" in warning
    assert "](javascript" not in warning
    assert "Verified" in next(b for b in card_dates(at) if "gives interview" in b)


NEW_ARTICLE = (b"Ukraine captures a third soldier\n\nKYIV - Ukrainian forces captured a third "
               b"North "
               b"Korean soldier in the Kursk region on Feb. 3, the Security Service of Ukraine "
               b"said Tuesday.\n")


@pytest.fixture
def story(seeds, tmp_path, monkeypatch):
    """The multi-source fixture story copied to a temp seeds folder and built into temp data;
    DASHBOARD_SOURCES points at its manifest. Returns (seeds, data)."""
    from dashboard.store import build

    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    monkeypatch.setenv("DASHBOARD_SOURCES", str(seeds / "sources.csv"))
    return seeds, data


def manifest_rows(seeds):
    return list(csv.DictReader((seeds / "sources.csv").open(encoding="utf-8")))


def add_source(at, filename=None, content=None, published=None, **fields):
    """Fill and submit the "Add a source" form."""
    if published:
        at.date_input(key="add_published").set_value(published)
    if filename is not None:
        at.file_uploader(key="add_file").upload(filename, content, "text/plain")
    for name, value in fields.items():
        at.text_input(key=f"add_{name}").set_value(value)
    next(b for b in at.button if b.label == "Add and rebuild").click().run()
    assert not at.exception
    return at


def test_story_events_show_their_sources_and_conflicts(page, story):
    at = page(story[1])
    assert not at.exception
    html_bodies = [h.proto.body for h in at.get("html")]
    table = next(b for b in html_bodies if "<table" in b and "What happened" in b)
    assert "2 sources: " in table and "Metro Ledger dates this 2025-01-11 (Jan. 11)" in table
    assert 'href="https://news.example.org/2025/01/12/capture"' in table
    assert any(s.value.startswith("Story events (9)") for s in at.subheader)
    captured = [b for b in card_dates(at) if "Metro Ledger dates this 2025-01-11" in b]
    assert captured and "Reported by 2 sources" in captured[0]
    assert "October 2024 to April 30, 2025" in at.caption[0].value


def test_figure_cards_show_their_history(page, story):
    at = page(story[1])
    charts_drawn = at.get("plotly_chart")
    assert len(charts_drawn) == 4  # the timeline; killed, deployed, captured ("two soldiers")
    killed = next(json.loads(c.proto.spec) for c in charts_drawn
                  if json.loads(c.proto.spec)["data"][0]["y"] == [300, 600])
    assert killed["data"][0]["x"] == ["2025-01-12", "2025-04-30"]
    bodies = "".join(h.proto.body for h in at.get("html"))
    assert "2 claims, latest first" in bodies and "National Intelligence Service" in bodies


def test_adding_a_source_rebuilds_and_shows_its_event(page, story):
    seeds, data = story
    at = page(data)
    before = len(manifest_rows(seeds))
    at = add_source(at, "../../.evil.txt", NEW_ARTICLE, dt.date(2025, 2, 4),
                    url="https://new.example.org/third",
                    title="Third soldier", outlet="New Outlet")
    rows = manifest_rows(seeds)
    assert len(rows) == before + 1 and rows[-1]["url"] == "https://new.example.org/third"
    stored = seeds / rows[-1]["path"]
    assert stored.parent == seeds and stored.read_bytes() == NEW_ARTICLE
    assert not stored.name.startswith(".") and "/" not in rows[-1]["path"]
    assert not list(seeds.parent.glob("*evil*")) and not list(seeds.parent.parent.glob("*evil*"))
    assert not at.error, at.error[0].value
    assert "Added" in at.success[0].value
    assert any("third North Korean soldier" in b for b in card_dates(at))


def interrupt_progress(monkeypatch):
    """Make the build's first progress update meet a rerun the reader asked for (a filter
    touched while the build runs): Streamlit raises it at the script's next element call."""
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    drawn = DeltaGenerator.progress

    def progress(self, value, text=None, **kwargs):
        if text and text.startswith("Extracting"):
            raise RerunException(RerunData())
        return drawn(self, value, text=text, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "progress", progress)


def test_a_rerun_during_the_build_neither_cuts_it_nor_loses_its_message(page, story,
                                                                          monkeypatch):
    seeds, data = story
    at = page(data)
    interrupt_progress(monkeypatch)
    at = add_source(at, "third.txt", NEW_ARTICLE, dt.date(2025, 2, 4),
                    url="https://new.example.org/third", title="Third soldier")
    assert manifest_rows(seeds)[-1]["url"] == "https://new.example.org/third"
    assert "https://new.example.org/third" in (data / "sources.csv").read_text()
    assert not at.error and "Added" in at.success[0].value
    at.run()  # a chart redrawn with the new data may rerun the page at once: the message stays
    assert "Added" in at.success[0].value


def test_a_duplicate_url_is_refused_with_its_message(page, story):
    seeds, data = story
    at = add_source(page(data), "again.txt", NEW_ARTICLE,
                    url="https://ledger.example.com/kyiv-capture")
    assert "already in the manifest" in at.error[0].value
    assert len(manifest_rows(seeds)) == 4


def test_an_oversized_upload_is_refused(page, story):
    seeds, data = story
    big = b"North Korean soldiers were captured on Jan. 9. " * 120_000
    at = add_source(page(data), "big.txt", big, url="https://new.example.org/big")
    assert "the limit is 5 MB" in at.error[0].value
    assert len(manifest_rows(seeds)) == 4 and len(list(seeds.iterdir())) == 6


def test_pasted_text_is_added_too(page, story):
    seeds, data = story
    at = page(data)
    at.text_area(key="add_text").set_value(NEW_ARTICLE.decode())
    at = add_source(at, published=dt.date(2025, 2, 4), url="https://new.example.org/pasted")
    assert manifest_rows(seeds)[-1]["url"] == "https://new.example.org/pasted"


def test_an_article_the_build_refuses_is_taken_back(page, story, monkeypatch):
    from dashboard.store import build

    real = build.read_source

    def refuse_new(row):
        if "refused.example.org" in row["url"]:
            raise SourceError(f"{row['path']}: unreadable for this test")
        return real(row)

    monkeypatch.setattr(build, "read_source", refuse_new)
    seeds, data = story
    at = add_source(page(data), "bad.txt", NEW_ARTICLE, dt.date(2025, 2, 4),
                    url="https://refused.example.org/bad")
    assert "unreadable for this test" in at.error[0].value
    assert len(manifest_rows(seeds)) == 4 and len(list(seeds.iterdir())) == 6


def test_an_article_without_a_date_is_dated_the_day_it_is_added(page, story):
    seeds, data = story
    undated = b"Crews reopened the north ramp on Friday, the county said in a statement.\n"
    at = add_source(page(data), "nodate.txt", undated, url="https://new.example.org/nodate")
    assert not at.error
    today = dt.date.today().isoformat()
    assert manifest_rows(seeds)[-1]["published"] == today
    assert any("dated today" in s.value for s in at.success), [s.value for s in at.success]


def test_a_large_story_sends_the_first_rows_of_the_table_and_says_so(page, tmp_path):
    from benchmarks.bench_page import synthetic
    from dashboard.page.cached import MAX_TABLE_ROWS

    (tmp_path / "big").mkdir()
    synthetic(tmp_path / "big", events=MAX_TABLE_ROWS + 300, actors=20)
    at = page(tmp_path / "big")
    assert not at.exception
    assert len(at.dataframe[0].value) == MAX_TABLE_ROWS
    assert any(f"first {MAX_TABLE_ROWS:,} events are shown" in c.value for c in at.caption)
