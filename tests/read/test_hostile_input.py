"""Hostile input read without the command line: an HTML parser out of stack, dates at the
edges of what a manifest accepts, garbled text the sentence splitter must get through fast.
(The command line's handling of hostile input: cli/test_hostile.py.)"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from extracted import corpus

from dashboard.read import html
from dashboard.read.sentences import blocks, sentences
from dashboard.read.sources import SourceError, read_manifest, read_source

ARTICLE = "Border talks resume\n\nThe foreign ministry said on Tuesday that talks would go on.\n"


def test_html_parser_recursion_is_a_source_error(tmp_path, monkeypatch):
    def overflow(html, path, url=""):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html, "read_page", overflow)
    manifest = corpus(tmp_path, {"deep.html": "<div>x</div>"},
                      "deep.html,,,,,2025-02-19\n")
    (row,) = read_manifest(manifest)
    with pytest.raises(SourceError, match=r"deep.html: HTML nested too deeply to parse$"):
        read_source(row)


def test_dates_accepted_at_the_edges(tmp_path):
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    manifest = corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Tuesday", "Monday")},
                      f"a.txt,,,,,{tomorrow}\nb.txt,,,,,1800-01-01\n")
    assert [row["published"] for row in read_manifest(manifest)] == [tomorrow, "1800-01-01"]


GARBLED = {
    "a run of marks": "Talks failed" + "!" * 50_000 + "\n",
    "a hyphen chain after a sentence": "He said. " + "A-" * 2_000 + "a!?x\n",
    "many sentences on one line": "He said. Photo by Some Agency Name. " * 2_000 + "\n",
    "an e-mail-like run": "John Smith " + "a@b." * 10_000 + "!\n",
    "a long gap after a capital word": "ABC" + " " * 50_000 + "x.\n",
    "a dateline with long gaps": "SEOUL, Feb. 19" + " " * 30_000 + "(AP)" + " " * 30_000 + "x.\n",
    "a long wrapped paragraph": "Start of a paragraph\n" + "and it goes on\n" * 20_000 + "end.\n",
}


@pytest.mark.parametrize("text", GARBLED.values(), ids=GARBLED.keys())
def test_splitter_is_fast_on_garbled_text(text):
    started = time.perf_counter()
    found = blocks(text)
    sentences(text, found)
    assert time.perf_counter() - started < 2
