"""Finding what a rebuild changed in a table's CSV file: the part of the file that changed
(`_changed_part`: what lies outside it is the same in both files and belongs to no article
inside it), and the articles whose rows changed (`changed_articles`: writing those articles'
rows again, and nothing else, turns the old table into the new one)."""

from __future__ import annotations

import random

import pytest

from dashboard.store.database_write import _changed_part, _parsed, changed_articles, records


def csv_of(articles: list[tuple[str, list[str]]]) -> bytes:
    lines = [f'{row},{article},"said, {row}"'.encode() for article, rows in articles
             for row in rows]
    return b"\n".join(lines) + b"\n" if lines else b""


def by_article(rows: list[bytes]) -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    for row in _parsed(rows):
        found.setdefault(row[1], []).append(row)
    return found


def changed(articles, rng: random.Random, change: str):
    after = [(article, list(rows)) for article, rows in articles]
    for turn in range(rng.randint(1, 3) if change != "none" else 0):
        if not after:
            break
        pick = rng.randrange(len(after))
        if change == "edit":
            rows = after[pick][1]
            rows[rng.randrange(len(rows))] += "x"
        elif change == "insert":
            after[pick][1].insert(rng.randint(0, len(after[pick][1])), f"new{turn}")
        elif change == "remove" and len(after[pick][1]) > 1:
            after[pick][1].pop(rng.randrange(len(after[pick][1])))
        elif change == "drop":
            del after[pick]
        elif change == "add":
            after.insert(rng.randint(0, len(after)), (f"added{turn}", [f"a{turn}.1", f"a{turn}.2"]))
    return after


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("change", ["edit", "insert", "remove", "drop", "add", "none"])
def test_writing_the_changed_articles_again_gives_the_new_table(seed, change):
    rng = random.Random(seed)
    before = [(f"s{i}", [f"e{i}.{j}" for j in range(rng.randint(1, 4))])
              for i in range(rng.randint(8, 40))]
    old, new = records(csv_of(before)), records(csv_of(changed(before, rng, change)))
    articles, held, came = changed_articles(old, new, 1)
    table = {k: v for k, v in by_article(old).items() if k not in articles}
    assert held == sum(len(v) for k, v in by_article(old).items() if k in articles)
    assert table | by_article(came) == by_article(new)
    assert set(by_article(came)) <= articles
    if change == "none":
        assert articles == set() and came == []


def test_articles_far_apart_are_found_each_with_its_rows():
    before = [(f"s{i}", [f"e{i}.0", f"e{i}.1"]) for i in range(20)]
    after = [(a, [r + "x" if a in ("s1", "s18") and r.endswith("1") else r for r in rows])
             for a, rows in before]
    articles, held, came = changed_articles(records(csv_of(before)), records(csv_of(after)), 1)
    assert articles == {"s1", "s18"} and held == 4
    assert [row[0] for row in _parsed(came)] == ["e1.0", "e1.1x", "e18.0", "e18.1x"]


def test_rows_reordered_in_an_unchanged_article_have_the_table_written_whole():
    before = [(f"s{i}", [f"e{i}.0", f"e{i}.1"]) for i in range(20)]
    after = [(a, rows[::-1] if a == "s5" else rows) for a, rows in before]
    assert changed_articles(records(csv_of(before)), records(csv_of(after)), 1) is None


def test_a_quoted_line_end_is_part_of_its_record():
    old = records(b'1,a,"one\ntwo"\n2,b,x\n3,c,z\n4,d,w\n')
    new = records(b'1,a,"one\ntwo"\n2,b,y\n3,c,z\n4,d,w\n')
    assert changed_articles(old, new, 1) == ({"b"}, 1, [b"2,b,y"])


HEADER = b"id,source_id,text\n"


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("change", ["edit", "insert", "drop", "add", "none"])
def test_the_changed_part_is_whole_articles_and_the_rest_is_the_same(seed, change):
    rng = random.Random(seed)
    before = [(f"s{i}", [f"e{i}.{j}" for j in range(rng.randint(1, 4))])
              for i in range(rng.randint(1, 12))]
    old, new = HEADER + csv_of(before), HEADER + csv_of(changed(before, rng, change))
    head = len(HEADER)
    start, old_end, new_end = _changed_part(old, new, head, 1)
    assert old[:start] == new[:start] and old[old_end:] == new[new_end:]
    inside = set(by_article(records(old[start:old_end]))) | set(
        by_article(records(new[start:new_end])))
    assert not inside & (set(by_article(records(new[head:start])))
                         | set(by_article(records(new[new_end:]))))
    if change == "none":
        assert start == len(new) and new_end == len(new)


def test_a_quoted_line_end_at_the_edge_has_the_table_written_whole():
    old = HEADER + b'1,a,"one\ntwo"\n2,b,x\n'
    new = HEADER + b'1,a,"one\ntwo"\n2,b,y\n'
    assert _changed_part(old, new, len(HEADER), 1) is None
