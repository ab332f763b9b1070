"""Key dates: the day ranking and the sentence choice (table-driven), and the `keydates` command
in each format over a small story of our own, built for real."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.store import table
from dashboard.store.keydates import LEAD_COLUMNS
from dashboard.story import keydates
from dashboard.story.keydates import Sentence, Weights

ROOT = Path(__file__).resolve().parents[2]


def events(*rows) -> pd.DataFrame:
    """Events from (source_id, published, date, precision, sentence) tuples."""
    records = [{"event_id": f"e{i}", "source_id": source, "published": published, "date": date,
                "date_end": date, "precision": precision, "sentence": sentence,
                "source_url": f"https://example.org/{source}", "sentence_start": 10 * i,
                "status": "auto"} for i, (source, published, date, precision, sentence)
               in enumerate(rows)]
    return table.frame(records, table.EVENTS_COLUMNS)


def sources(*published: str) -> pd.DataFrame:
    return table.frame([{"source_id": f"s{i}", "published": day, "url": f"https://example.org/s{i}"}
                        for i, day in enumerate(published)], table.SOURCES_COLUMNS)


RANKING = [
    # (case, events, sources' publication days, weights, expected days in rank order), days
    # of 2024 written MM-DD
    ("more referring articles rank higher",
     [("s0", "03-02", "03-01", "day", "x"), ("s1", "03-02", "03-01", "day", "x"),
      ("s1", "03-02", "02-20", "day", "x")],
     ["03-02", "03-02"], Weights(1, 0, 0), ["03-01", "02-20"]),
    ("an article counts once per day however often it gives it",
     [("s0", "03-02", "03-01", "day", "a"), ("s0", "03-02", "03-01", "day", "b"),
      ("s0", "03-02", "03-01", "day", "c"), ("s1", "03-05", "02-20", "day", "x"),
      ("s2", "03-05", "02-20", "day", "x")],
     ["03-02", "03-05", "03-05"], Weights(1, 0, 0), ["02-20", "03-01"]),
    ("month-precise and rejected events give no day",
     [("s0", "03-02", "03-01", "month", "x"), ("s1", "03-02", "03-01", "month", "x"),
      ("s1", "03-02", "02-20", "day", "x")],
     ["03-02", "03-02"], Weights(1, 0, 0), ["02-20"]),
    ("a day looked back on from later articles beats one only reported on the day",
     [("s0", "03-01", "03-01", "day", "x"), ("s1", "03-01", "03-01", "day", "x"),
      ("s2", "03-09", "02-20", "day", "x")],
     ["03-01", "03-01", "03-09"], Weights(1, 2, 0), ["02-20", "03-01"]),
    ("articles published on a day count for it",
     [("s0", "03-02", "03-01", "day", "x")],
     ["03-02", "03-05", "03-05"], Weights(1, 0, 1),
     ["03-05", "03-01", "03-02"]),
    ("ties go to the earlier day",
     [("s0", "03-09", "03-04", "day", "x"), ("s1", "03-09", "03-02", "day", "x")],
     ["03-09", "03-09"], Weights(1, 0, 0), ["03-02", "03-04"]),
]


@pytest.mark.parametrize("case, rows, published, weights, expected", RANKING,
                         ids=[r[0] for r in RANKING])
def test_rank_days(case, rows, published, weights, expected):
    rows = [(source, f"2024-{published}", f"2024-{day}", precision, text)
            for source, published, day, precision, text in rows]
    ranked = keydates.rank_days(events(*rows), sources(*(f"2024-{p}" for p in published)),
                                weights=weights)
    assert [d[5:] for d, s in zip(ranked["date"], ranked["score"], strict=True) if s > 0] \
        == expected


def test_rank_days_keeps_the_window_and_drops_rejected():
    frame = events(("s0", "2024-03-09", "2024-03-01", "day", "x"),
                   ("s0", "2024-03-09", "2024-03-05", "day", "x"),
                   ("s1", "2024-03-09", "2024-03-06", "day", "x"))
    frame.loc[2, "status"] = "rejected"
    ranked = keydates.rank_days(frame, sources("2024-03-09"), since="2024-03-02",
                                until="2024-03-08")
    assert list(ranked["date"]) == ["2024-03-05"]


def sentence(text: str, source: str = "s0", start: int = 0) -> Sentence:
    return Sentence(text, source, f"https://example.org/{source}", "2024-03-02", start,
                    start + len(text))


FLOOD = "The river burst its banks and flooded the old town overnight"
CHOICE = [
    # (case, candidates, count, expected texts in order)
    ("the sentence sharing most with the others comes first",
     [FLOOD + ".", "Rescuers pulled residents from flooded homes in the old town.",
      "A bakery on the square reopened with a new menu of cakes."],
     2, [FLOOD + ".", "Rescuers pulled residents from flooded homes in the old town."]),
    ("a near-duplicate of a chosen sentence is skipped",
     [FLOOD + ".", FLOOD + ", police said.", "Rescuers pulled residents from flooded homes."],
     2, [FLOOD + ".", "Rescuers pulled residents from flooded homes."]),
    ("a sentence told by two articles counts twice and is chosen once",
     ["Rescuers pulled residents from flooded homes.",
      "Rescuers pulled residents from flooded homes.",
      "The mayor thanked volunteers for their long night of work."],
     3, ["Rescuers pulled residents from flooded homes.",
         "The mayor thanked volunteers for their long night of work."]),
    ("too short and too long sentences are not chosen",
     ["Water rose.", "The river flooded the town. " * 8, "The river flooded the old town."],
     3, ["The river flooded the old town."]),
    ("no more than asked", [FLOOD + ".", "Rescuers pulled residents from flooded homes."],
     1, ["Rescuers pulled residents from flooded homes."]),
    ("nothing to choose from", [], 2, []),
]


@pytest.mark.parametrize("case, texts, count, expected", CHOICE, ids=[c[0] for c in CHOICE])
def test_choose_sentences(case, texts, count, expected):
    candidates = [sentence(text, f"s{i}", 5 * i) for i, text in enumerate(texts)]
    idf = keydates.idf_table(texts)
    chosen = keydates.choose_sentences(candidates, count, idf)
    assert [s.text for s in chosen] == expected
    assert all(s.source_url.startswith("https://example.org/s") for s in chosen)


def test_choose_sentences_prefers_what_tells_the_story():
    texts = ["A bakery on the square sold fresh bread and cakes to the crowd.",
             "The bakery on the square sold bread all morning.",
             "The river flooded the village and the square."]
    candidates = [sentence(text, f"s{i}", 5 * i) for i, text in enumerate(texts)]
    idf = keydates.idf_table(texts)
    assert [s.text for s in keydates.choose_sentences(candidates, 1, idf)] == [texts[1]]
    story = keydates.centroid(["The river flooded the village.", "Floods hit the village by "
                               "the river.", "The river rose overnight."], idf)
    chosen = keydates.choose_sentences(candidates, 1, idf, story=story)
    assert [s.text for s in chosen] == [texts[2]]


def test_choose_sentences_skips_what_other_days_took():
    texts = [FLOOD + ".", "Rescuers pulled residents from flooded homes."]
    candidates = [sentence(text, f"s{i}", 5 * i) for i, text in enumerate(texts)]
    idf = keydates.idf_table(texts)
    taken: list[dict[str, float]] = []
    first = keydates.choose_sentences(candidates, 1, idf, taken=taken)
    second = keydates.choose_sentences(candidates, 1, idf, taken=taken)
    assert [s.text for s in first + second] == texts[::-1]
    assert keydates.choose_sentences(candidates, 1, idf, taken=taken) == []


VOTE = "The council voted on March 5 to close the old bridge."
ANNOUNCED = "The council is due to vote on March 5 on the old bridge."
TOLD = [
    # (case, events as (source, published, day, sentence), the day's sentences)
    ("an article written after the day tells it, not one announcing it",
     [("s0", "03-01", "03-05", ANNOUNCED), ("s1", "03-06", "03-05", VOTE)], [VOTE]),
    ("an announcement when no later article tells the day",
     [("s0", "03-01", "03-05", ANNOUNCED)], [ANNOUNCED]),
    ("an article of the day itself tells it",
     [("s0", "03-01", "03-05", ANNOUNCED), ("s1", "03-05", "03-05", VOTE)], [VOTE]),
]


@pytest.mark.parametrize("case, rows, expected", TOLD, ids=[t[0] for t in TOLD])
def test_candidates_come_from_articles_written_after_the_day(case, rows, expected):
    frame = events(*[(source, f"2024-{published}", f"2024-{day}", "day", text)
                     for source, published, day, text in rows])
    pool = keydates.candidates_by_day(frame, None, ["2024-03-05"])
    assert [s.text for s in pool["2024-03-05"]] == expected


def test_key_dates_never_repeat_a_sentence():
    boats = "Boats ferried families out of the flooded valley."
    frame = events(("s0", "2024-03-02", "2024-03-01", "day", FLOOD + " on Friday."),
                   ("s1", "2024-03-02", "2024-03-02", "day",
                    "Rescuers worked through the night on Saturday."))
    leads = table.frame([{"source_id": "s1", "source_url": "https://example.org/s1",
                          "published": "2024-03-02", "sentence": boats, "start": 0,
                          "end": len(boats)}], LEAD_COLUMNS)
    found = keydates.key_dates(frame, sources("2024-03-02", "2024-03-02"), count=2, per_day=3,
                               leads=leads)
    told = [s.text for k in found for s in k.sentences]
    assert [k.day for k in found] == ["2024-03-01", "2024-03-02"]
    assert told.count(boats) == 1 and len(told) == len(set(told)) == 3


def test_key_dates_joins_ranking_and_sentences():
    frame = events(("s0", "2024-03-02", "2024-03-01", "day", FLOOD + " on Friday."),
                   ("s1", "2024-03-03", "2024-03-01", "day", "Rescuers worked through Friday."),
                   ("s1", "2024-03-03", "2024-02-10", "day", "The dam was inspected on Feb. 10."))
    found = keydates.key_dates(frame, sources("2024-03-02", "2024-03-03"), count=2, per_day=1,
                               order="rank")
    assert [(k.day, k.rank, k.sources) for k in found] == [("2024-03-01", 1, 2),
                                                          ("2024-02-10", 2, 1)]
    assert keydates.as_timeline(found) == {"2024-02-10": ["The dam was inspected on Feb. 10."],
                                           "2024-03-01": [FLOOD + " on Friday."]}
    boats = "Boats ferried families out of the valley."
    leads = table.frame([{"source_id": "s1", "source_url": "https://example.org/s1",
                          "published": "2024-03-03", "sentence": boats, "start": 0,
                          "end": len(boats)}], LEAD_COLUMNS)
    found = keydates.key_dates(frame, sources("2024-03-02", "2024-03-03"), count=3, per_day=5,
                               leads=leads)
    assert [k.day for k in found] == ["2024-02-10", "2024-03-01", "2024-03-02"]
    assert boats in [s.text for s in found[2].sentences]


@pytest.mark.parametrize("articles, expected", [(0, 5), (30, 5), (100, 10), (1500, 39),
                                                (50_000, 60)])
def test_default_count(articles, expected):
    assert keydates.default_count(articles) == expected


ARTICLES = {
    "a.txt": ("2024-05-07", "Dam at Korvel cracks\n"
              "Engineers found a long crack in the Korvel dam on Monday, the water board said.\n"
              "The board closed the road across the dam and began lowering the reservoir.\n"),
    "b.txt": ("2024-05-08", "Korvel evacuates valley\n"
              "Officials ordered the evacuation of three villages below the Korvel dam on "
              "Tuesday.\nBuses carried about 2,000 residents to schools in the county town.\n"
              "Engineers found the crack in the dam on Monday.\n"),
    "c.txt": ("2024-05-20", "Korvel dam repaired\n"
              "Residents returned home on May 18 after engineers sealed the crack.\n"
              "The evacuation of the villages began on May 7, when the crack was found a day "
              "after the first inspection.\n"
              "The water board said the crack in the Korvel dam was found on May 6.\n"),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    """Our own three-article story, built with `extract`."""
    folder = tmp_path_factory.mktemp("korvel")
    rows = ["path,url,title,outlet,author,published"]
    for name, (published, text) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},https://news.example.org/{name[0]},{text.splitlines()[0]},"
                    f"Example News,,{published}")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("extract", "--sources", str(folder / "sources.csv"), "--out",
                 str(folder / "data"))
    assert result.returncode == 0, result.stderr
    return folder / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_keydates_json_is_the_benchmark_form(story):
    result = run("keydates", "--data", str(story), "--dates", "3", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    assert list(timeline) == sorted(timeline)
    assert "2024-05-06" in timeline and len(timeline) == 3
    assert all(isinstance(s, str) and 1 <= len(ss) <= 2 for ss in timeline.values() for s in ss)


def test_keydates_full_json_points_at_the_text(story):
    result = run("keydates", "--data", str(story), "--format", "full", "--order", "rank")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [k["rank"] for k in found] == list(range(1, len(found) + 1))
    assert found[0]["date"] == "2024-05-06" and found[0]["sources"] == 3
    urls = {f"https://news.example.org/{n[0]}": n for n in ARTICLES}
    sources = table.read(story, "sources").set_index("url")
    for key in found:
        for s in key["sentences"]:
            text = (story / sources.loc[s["source_url"], "text_path"]).read_text(encoding="utf-8")
            assert text[s["start"]:s["end"]] == s["text"]
            assert s["source_url"] in urls


def test_keydates_csv_one_row_per_sentence(story):
    result = run("keydates", "--data", str(story), "--dates", "2", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and set(rows[0]) >= {"date", "rank", "sources", "sentence", "source_url",
                                      "char_start", "char_end"}
    assert len({row["date"] for row in rows}) == 2


def test_keydates_markdown_and_timelinejs(story):
    md = run("keydates", "--data", str(story), "--dates", "2", "--format", "md")
    assert md.returncode == 0, md.stderr
    assert "## May 6, 2024 (3 sources)" in md.stdout and "(https://news.example.org/" in md.stdout
    tl = run("keydates", "--data", str(story), "--dates", "2", "--format", "timelinejs")
    assert tl.returncode == 0, tl.stderr
    slides = json.loads(tl.stdout)["events"]
    assert {"year": 2024, "month": 5, "day": 6} in [s["start_date"] for s in slides]


def test_keydates_window_and_default_count(story):
    result = run("keydates", "--data", str(story), "--since", "2024-05-07",
                 "--until", "2024-05-31")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    assert timeline and all("2024-05-07" <= day <= "2024-05-31" for day in timeline)
    assert len(timeline) <= keydates.default_count(len(ARTICLES))


@pytest.mark.parametrize("args, message", [
    (["--since", "May 7"], "--since 'May 7' is not a date"),
    (["--dates", "0"], "--dates must be at least 1"),
])
def test_keydates_bad_arguments(story, args, message):
    result = run("keydates", "--data", str(story), *args)
    assert result.returncode == 2 and message in result.stderr


def test_keydates_without_data(tmp_path):
    result = run("keydates", "--data", str(tmp_path))
    assert result.returncode == 2 and "no events.csv" in result.stderr

