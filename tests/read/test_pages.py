"""Web pages read on trafilatura and htmldate: the stored article text is the article (headline
as title, body and captions, no page furniture), every offset points into it, and the page's
metadata fills what the manifest leaves blank. The pages in tests/fixtures/pages are our own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.read import html
from dashboard.read.html import read_page
from dashboard.read.sources import SourceError, read_manifest, read_source
from dashboard.store import table
from dashboard.store.build import build

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
HEADER = "path,url,title,outlet,author,published\n"
MANIFEST = HEADER + (
    "harbour.html,https://ledger.example.org/news/harbour-bridge-reopens,,,,\n"
    "orchard.html,https://farm.example.org/2025/04/16/orchard-frost,,,,\n"
    "feira.html,https://jornal.example.org/cultura/feira,,,,\n"
    "scripted.html,https://rail.example.org/night-trains,,,,2025-05-07\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    for name in ("harbour", "orchard", "feira", "scripted"):
        shutil.copy(PAGES / f"{name}.html", folder / f"{name}.html")
    (folder / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    out = folder / "data"
    build(folder / "sources.csv", out)
    tables = {name: table.read(out, name) for name in ("events", "figures", "sources")}
    texts = {row.source_id: (out / row.text_path).read_text(encoding="utf-8")
             for row in tables["sources"].itertuples()}
    return tables | {"texts": texts, "folder": folder}


def page(name: str, url: str = "") -> html.Page:
    return read_page((PAGES / f"{name}.html").read_bytes(), Path(f"{name}.html"), url)


def test_every_offset_points_into_the_stored_text(built):
    events, figures, texts = built["events"], built["figures"], built["texts"]
    assert len(events) >= 5
    for row in events.itertuples():
        text = texts[row.source_id]
        assert text[row.char_start : row.char_end] == row.date_text
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence
    for row in figures.itertuples():
        assert texts[row.source_id][row.char_start : row.char_end] == row.number_text


def test_the_stored_text_is_the_article_and_nothing_else(built):
    text = built["texts"]["harbour"]
    assert text.startswith("PORT ELLIS, March 11 (Ledger) -- The harbour bridge reopened")
    assert "Workers lift a new deck panel into place on Feb. 20. Photo: Ivo Brandt" in text
    assert "Ferry service to end" in text  # a subheading of the article
    for furniture in ("Harbour bridge reopens after repairs", "By Mara Quill", "Sport",
                      "Search", "Share", "Related stories", "Ferry timetable changes",
                      "All rights reserved", "About us", "dataLayer", "color: red"):
        assert furniture not in text, furniture
    assert text.rstrip().endswith("editing by Tom Hale)")


def test_the_page_fills_the_sources_table(built):
    sources = built["sources"].set_index("source_id")
    harbour = sources.loc["harbour"]
    assert harbour.title == "Harbour bridge reopens after repairs"
    assert (harbour.outlet, harbour.author) == ("The Coastal Ledger", "Mara Quill")
    assert (harbour.published, harbour.published_source) == ("2025-03-12", "page")
    assert bool(harbour.published_inferred) is True
    assert harbour.language == "en"
    orchard = sources.loc["orchard"]
    assert (orchard.published, orchard.published_source) == ("2025-04-16", "url")
    scripted = sources.loc["scripted"]  # the page says May 6; the manifest's date wins
    assert (scripted.published, scripted.published_source) == ("2025-05-07", "manifest")
    assert bool(scripted.published_inferred) is False


def test_caption_is_evidence_with_its_photo_credit(built):
    events = built["events"]
    (row,) = events[(events.source_id == "harbour") & (events.date_text == "Feb. 20")].itertuples()
    assert row.photo_credit.endswith("Ivo Brandt")
    assert row.timex == "2025-02-20"


def test_a_last_sentence_without_a_period_is_still_read(built):
    events = built["events"]
    harbour = events[events.source_id == "harbour"]
    assert {"Tuesday", "July 2024", "Friday", "Monday"} <= set(harbour.date_text)
    assert "winter" in set(harbour.date_text) or any(
        "Local traders said" in sentence for sentence in harbour.sentence)


def test_a_page_in_another_language_is_kept_and_marked_without_english_events(built):
    sources = built["sources"].set_index("source_id")
    assert sources.loc["feira", "language"] == "pt"
    assert "A feira do livro da cidade abriu" in built["texts"]["feira"]
    assert not (built["events"].source_id == "feira").any()
    assert not (built["figures"].source_id == "feira").any()


def test_seed_like_text_files_keep_their_text(tmp_path):
    text = ("Ministers met in Vienna on Monday, the agency said.\n\n"
            "The talks ended on Tuesday (Reporting by Jane Doe)\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(HEADER + "a.txt,,,,,2025-02-19\n", encoding="utf-8")
    source = read_source(read_manifest(tmp_path / "sources.csv")[0])
    assert source.text == text
    assert (source.published_source, source.language) == ("manifest", "")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Officials said the talks would resume on Tuesday (Reporting by Jane Doe)\n", True),
        ("Graphic by Ann Lee for the Coastal Ledger\n", True),
        ("SPEAKER ONE: we will open the bridge on Tuesday\nSPEAKER TWO: not before May\n", True),
        ("Troops withdraw\n", False),
        ("Home\nWorld\nSport\nSign in\n", False),
    ],
)
def test_a_text_is_refused_only_without_a_readable_sentence(tmp_path, text, kept):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(HEADER + "a.txt,,,,,2025-02-19\n", encoding="utf-8")
    (row,) = read_manifest(tmp_path / "sources.csv")
    if kept:
        assert read_source(row).text == text
    else:
        with pytest.raises(SourceError, match=r"a.txt: no article text \(no readable sentence"):
            read_source(row)


def test_a_page_of_menus_is_refused_with_its_reason(tmp_path):
    shutil.copy(PAGES / "menus.html", tmp_path / "menus.html")
    (tmp_path / "sources.csv").write_text(HEADER + "menus.html,,,,,2025-02-19\n",
                                          encoding="utf-8")
    (row,) = read_manifest(tmp_path / "sources.csv")
    with pytest.raises(SourceError, match=r"^\S*menus.html: no article text \(no readable"):
        read_source(row)


def test_metadata_of_a_page():
    harbour = page("harbour", "https://ledger.example.org/news/harbour-bridge-reopens")
    assert (harbour.title, harbour.site, harbour.author) == (
        "Harbour bridge reopens after repairs", "The Coastal Ledger", "Mara Quill")
    assert (harbour.published, harbour.updated) == ("2025-03-12", "2025-03-13")
    assert harbour.extractor == "trafilatura"
    roles = {harbour.text[b.start : b.end]: b.role for b in harbour.blocks}
    assert roles["PORT ELLIS, March 11 (Ledger) -- "] == "dateline"
    assert roles["Ferry service to end"] == "headline"
    assert roles["Workers lift a new deck panel into place on Feb. 20."] == "caption"
    orchard = page("orchard")
    assert (orchard.published, orchard.published_source) == ("", "")
    assert "More from Farming" not in orchard.text and "Dairy prices" not in orchard.text


def test_the_fallback_reads_the_publishers_article_body(monkeypatch):
    monkeypatch.setattr(html, "_main_text", lambda tree, config=None: None)
    scripted = page("scripted")
    assert scripted.extractor == "baseline"
    assert scripted.text.startswith("Night trains will run again on the northern line")
    assert (scripted.author, scripted.published) == ("Olav Strand", "2025-05-06")


def test_a_page_with_no_main_text_at_all_is_refused(monkeypatch):
    monkeypatch.setattr(html, "_main_text", lambda tree, config=None: None)
    with pytest.raises(SourceError, match=r"^empty.html: no article text"):
        read_page(b"<html><body><div></div></body></html>", Path("empty.html"))


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("<p>Ã©tÃ© Ã  la cafÃ© prÃ¨s de la gare, a dit le maire.</p>".encode(),
         "mojibake"),
    ],
)
def test_bad_pages_are_one_line_errors(raw, problem):
    with pytest.raises(SourceError, match=f"^bad.html: {problem}") as caught:
        read_page(raw, Path("bad.html"))
    assert "\n" not in str(caught.value)


def test_a_page_that_lies_about_its_encoding():
    body = "<p>Les cafés de la rue ont rouvert mardi, a déclaré la mairie à la presse.</p>"
    raw = ('<html><head><meta charset="utf-8"></head><body>' + body + "</body></html>")
    text = read_page(raw.encode("cp1252"), Path("lies.html")).text
    assert "Les cafés de la rue ont rouvert mardi, a déclaré la mairie à la presse." in text


def test_a_short_article_among_long_menus_is_read_alone():
    menu = "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(30))
    markup = (f"<html><head><title>Dam gates opened</title></head><body><nav><ul>{menu}</ul>"
              "</nav><div><h1>Dam gates opened</h1><p>The gates of the dam were opened on "
              "Sunday to ease the flood, the water board said.</p></div>"
              f"<footer><ul>{menu}</ul></footer></body></html>")
    assert read_page(markup, Path("short.html")).text == (
        "The gates of the dam were opened on Sunday to ease the flood, the water board said.\n")
