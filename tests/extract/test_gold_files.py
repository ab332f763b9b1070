"""The development gold of `benchmarks/gold/` (issue 17): every file's shape and offsets.

The offsets point into the plain texts of `../shared/tempeval3/` (the folder next to the
repository, or TEMPEVAL_DIR). Without that folder the test skips, except under CI=true where
it fails: the gold is worthless unchecked.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from benchmarks.gold.tools.annotate import SHARED, check

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold"
FILES = sorted(GOLD.glob("*/*.json"))
KEYS = {"doc", "story", "figures", "actors", "attributions", "happenings"}
ITEM_KEYS = {
    "figures": {"span", "value", "counted", "counts", "status", "qualifier", "speaker", "as_of"},
    "actors": {"name", "kind", "mentions"},
    "attributions": {"span", "speaker"},
    "happenings": {"id", "date", "trigger"},
}


@pytest.fixture(scope="module", autouse=True)
def shared_texts():
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{SHARED} is missing: the gold files cannot be checked")
        pytest.skip(f"{SHARED} is missing")


def test_there_is_gold():
    assert len(FILES) >= 20


def _strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_file(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == KEYS
    assert gold["doc"] == f"{path.parent.name}/{path.stem}.tml"
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", gold["story"])
    for key, keys in ITEM_KEYS.items():
        assert isinstance(gold[key], list)
        for item in gold[key]:
            assert set(item) == keys, (key, item)
    for f in gold["figures"]:
        v = f["value"]
        assert (
            v is None
            or isinstance(v, (int, float))
            or (isinstance(v, list) and len(v) == 2 and v[0] < v[1])
        )
        assert f["as_of"] == "" or re.fullmatch(r"\d{4}-\d\d-\d\d", f["as_of"])
    names = [a["name"] for a in gold["actors"]]
    assert len(names) == len(set(names)), "an actor listed twice"
    # labels are words or names, never copied sentences
    assert all(len(s) <= 80 for s in _strings(gold)), "a long string: spans only, please"
    assert check(path) == []
