"""Finding the part of a table's CSV file that a rebuild changed (`_changed_part`): what lies
outside it is the same in both files and belongs to no article inside it."""

from __future__ import annotations

import random

import pytest

from dashboard.store.database_write import _changed_part, _parsed, records


def csv_of(articles: list[tuple[str, list[str]]]) -> bytes:
    lines = [b"id,source_id,text"]
    lines += [f'{row},{article},"said, {row}"'.encode() for article, rows in articles
              for row in rows]
    return b"\n".join(lines) + b"\n"


def sources(data: bytes) -> set[str]:
    return {row[1] for row in _parsed(records(data))}


def changed(articles, rng: random.Random, change: str):
    after = [(article, list(rows)) for article, rows in articles]
    pick = rng.randrange(len(after))
    if change == "edit":
        rows = after[pick][1]
        rows[rng.randrange(len(rows))] += "x"
    elif change == "insert":
        after[pick][1].insert(rng.randint(0, len(after[pick][1])), "new")
    elif change == "drop":
        del after[pick]
    elif change == "add":
        after.insert(rng.randint(0, len(after)), ("added", ["a1", "a2"]))
    return after


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("change", ["edit", "insert", "drop", "add", "none"])
def test_the_changed_part_is_whole_articles_and_the_rest_is_the_same(seed, change):
    rng = random.Random(seed)
    before = [(f"s{i}", [f"e{i}.{j}" for j in range(rng.randint(1, 4))])
              for i in range(rng.randint(1, 12))]
    old, new = csv_of(before), csv_of(changed(before, rng, change))
    head = new.find(b"\n") + 1
    start, old_end, new_end = _changed_part(old, new, head, 1)
    assert old[:start] == new[:start] and old[old_end:] == new[new_end:]
    inside = sources(old[start:old_end]) | sources(new[start:new_end])
    assert not inside & (sources(new[head:start]) | sources(new[new_end:]))
    if change == "none":
        assert start == len(new) and new_end == len(new)


def test_a_quoted_line_end_at_the_edge_has_the_table_written_whole():
    old = b'id,source_id,text\n1,a,"one\ntwo"\n2,b,x\n'
    new = b'id,source_id,text\n1,a,"one\ntwo"\n2,b,y\n'
    assert _changed_part(old, new, old.find(b"\n") + 1, 1) is None
