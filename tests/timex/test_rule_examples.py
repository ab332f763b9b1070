"""Every rule's own examples (dashboard/timex/examples.csv) through the whole tagger.

A row names the rule that must find its expression ("clock+mdy": a clock time joined to the
date before it), the sentence, the DCT, the expression's text and its TIMEX3 type, value, mod
and time zone; a row whose rule is "-" is a trap, where nothing may be tagged. A rule with no
example, or one whose example another rule takes (shadowed, or never cued), fails by its name.
The sentences are our own.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import dashboard.timex
from dashboard.timex.patterns import RULES
from dashboard.timex.tagger import tag_rules

EXAMPLES = Path(dashboard.timex.__file__).parent / "examples.csv"

with EXAMPLES.open(encoding="utf-8", newline="") as f:
    ROWS = list(csv.DictReader(f))

FOUND = [r for r in ROWS if r["rule"] != "-"]
TRAPS = [r for r in ROWS if r["rule"] == "-"]


def _id(row: dict) -> str:
    return f"{row['rule']}:{row['text']}@{row['dct']}"


def _describe(found) -> str:
    return "; ".join(f"{t.text!r} {t.value} ({name})" for name, t in found) or "nothing"


@pytest.mark.parametrize("row", FOUND, ids=[_id(r) for r in FOUND])
def test_rule_example(row):
    found = tag_rules(row["sentence"], row["dct"])
    start = row["sentence"].index(row["text"])
    hits = [(name, t) for name, t in found if t.start == start and t.text == row["text"]]
    assert hits, f"{row['text']!r} not found; got {_describe(found)}"
    name, t = hits[0]
    assert name == row["rule"], f"{row['text']!r} found by rule {name!r}, not {row['rule']!r}"
    expected = (row["type"], row["value"], row["mod"] or None, row["tz"] or None)
    assert (t.type, t.value, t.mod, t.tz) == expected


@pytest.mark.parametrize("row", TRAPS, ids=[_id(r) for r in TRAPS])
def test_trap(row):
    start = row["sentence"].index(row["text"])
    end = start + len(row["text"])
    found = tag_rules(row["sentence"], row["dct"])
    hits = [(name, t) for name, t in found if t.start < end and start < t.end]
    assert not hits, f"{row['text']!r} wrongly tagged: {_describe(hits)}"


@pytest.mark.parametrize("rule", [name for name, _ in RULES])
def test_every_rule_has_an_example(rule):
    names = {part for r in FOUND for part in r["rule"].split("+")}
    assert rule in names, f"rule {rule!r} has no example in {EXAMPLES.name}"


def test_examples_name_known_rules():
    known = {name for name, _ in RULES}
    for row in FOUND:
        assert set(row["rule"].split("+")) <= known, row["rule"]
