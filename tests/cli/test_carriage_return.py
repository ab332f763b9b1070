"""Any text round-trips through the tables and exports: a lone carriage return in an article
(Python 3.11's csv module leaves it unquoted with "\\n" line ends) must not split a row."""

from __future__ import annotations

import csv
import io

from dashboard.cli import main
from dashboard.store import table

ARTICLE = ("The county closed the old\rferry landing on Monday.\rInspectors said on Tuesday "
           "that the pier had shifted.\r\rRepairs will start in April, the county said.\n")
HEADER = "path,url,title,outlet,author,published\n"


def test_a_lone_carriage_return_round_trips_through_build_and_export(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_bytes(ARTICLE.encode())
    (folder / "sources.csv").write_text(
        HEADER + "a.txt,https://example.org/a,\"Ferry\rlanding\",Example,,2025-03-05\n")
    out = tmp_path / "out"
    assert main(["extract", "--sources", str(folder / "sources.csv"), "--out", str(out)]) == 0
    wrote = capsys.readouterr().out.splitlines()[0]
    events = table.read(out, "events")
    assert f"{len(events)} events" in wrote and len(events) >= 2
    assert any("\r" in sentence for sentence in events["sentence"])
    assert all("\r" in title for title in events["source_title"])
    with open(out / "events.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["event_id"] for row in rows] == list(events["event_id"])
    assert [row["sentence"] for row in rows] == list(events["sentence"])
    text = (out / "texts" / f"{events['source_id'][0]}.txt").read_bytes().decode()
    for row in rows:
        start, end = int(row["char_start"]), int(row["char_end"])
        assert text[start:end] == row["date_text"]
    exported = tmp_path / "events.csv"
    assert main(["export", "--data", str(out), "--format", "csv", "--out", str(exported)]) == 0
    again = list(csv.DictReader(io.StringIO(exported.read_bytes().decode(), newline="")))
    assert [row["sentence"] for row in again] == [row["sentence"] for row in rows]
    sources = table.read(out, "sources")
    assert list(sources["title"]) == ["Ferry\rlanding"]
