"""Rare words kept between builds (`store.rare_words`): each sentence's rarest words shared with
other sentences (at most three, in more than one sentence and in no more than 50 or a hundredth
of them), followed as articles come and go, with the expected words written out."""

from __future__ import annotations

import pytest

from dashboard.store.article_index import sentence_id
from dashboard.store.cache import ArticleCache
from dashboard.store.rare_words import RareWords


def sid(name: str) -> bytes:
    """A sentence id, as the build makes them (a hash: ids fall in every cache file)."""
    return sentence_id(name)


S = {name: sid(name) for name in ("s1", "s2", "s3", "s4", "s5")}
ARTICLES = {
    "a": ((S["s1"], ("bridge", "collaps", "river")), (S["s2"], ("diver", "river"))),
    "b": ((S["s3"], ("bridge", "inspect")), (S["s4"], ("flood", "river"))),
    "c": ((S["s5"], ("bridge", "diver")),),
}
AB = {S["s1"]: ("bridge", "river"), S["s2"]: ("river",), S["s3"]: ("bridge",),
      S["s4"]: ("river",)}
ABC = {S["s1"]: ("bridge", "river"), S["s2"]: ("diver", "river"), S["s3"]: ("bridge",),
       S["s4"]: ("river",), S["s5"]: ("diver", "bridge")}
BC = {S["s3"]: ("bridge",), S["s5"]: ("bridge",)}


@pytest.fixture(params=["in memory", "in cache files"])
def cache(request, tmp_path):
    return ArticleCache(tmp_path, "v1") if request.param == "in cache files" else None


def test_kept_rare_words_follow_articles_that_come_and_go(cache):
    rare = RareWords(None, cache)
    rare.update(["a", "b"], ARTICLES)
    assert rare.rare == AB
    added = RareWords(rare.state("first"), cache)
    added.update(["a", "b", "c"], ARTICLES)
    assert added.rare == ABC
    assert added.changed == {S["s2"], S["s5"]} and added.touched == {"a", "c"}
    removed = RareWords(added.state("second"), cache)
    removed.update(["b", "c"], ARTICLES)  # "a" is gone: its sentences are still given
    assert removed.rare == BC
    assert removed.changed == {S["s4"], S["s5"]} and removed.touched == {"b", "c"}


CROWD = {
    "many": tuple((sid(f"m{i}"), ("crowd", f"w{i}")) for i in range(50)),
    "one": ((sid("one"), ("crowd", "other")),),
    "two": ((sid("two"), ("other", "third")),),
}


def test_a_word_in_more_than_50_sentences_is_not_rare_and_is_again_below(cache):
    in_50 = {s: ("crowd",) for s, _ in CROWD["many"]}
    rare = RareWords(None, cache)
    rare.update(["many", "two"], CROWD)
    assert rare.rare == in_50
    added = RareWords(rare.state("first"), cache)
    added.update(["many", "one", "two"], CROWD)
    assert added.rare == {sid("one"): ("other",), sid("two"): ("other",)}
    removed = RareWords(added.state("second"), cache)
    removed.update(["many", "two"], CROWD)
    assert removed.rare == in_50


def test_counts_that_do_not_match_their_articles_are_counted_again():
    rare = RareWords(None)
    rare.update(["a", "b", "c"], ARTICLES)
    keys, refs, counts, kept = rare.state()
    broken = RareWords((keys, {}, counts, kept))  # no sentence counted
    broken.update(["b", "c"], ARTICLES)
    assert broken.rare == BC
    assert broken.changed is None


def test_an_article_kept_under_a_new_key_changes_no_rare_words():
    rare = RareWords(None)
    rare.update(["a", "b", "c"], ARTICLES)
    again = RareWords(rare.state())
    again.update(["a", "b", "c2"], ARTICLES | {"c2": ARTICLES["c"]})
    assert again.rare == ABC
    assert again.changed == set() and again.touched == set()


def test_counts_written_by_an_unfinished_build_are_counted_again(tmp_path):
    cache = ArticleCache(tmp_path, "v1")
    rare = RareWords(None, cache)
    rare.update(["a", "b", "c"], ARTICLES)
    kept = rare.state("first")
    for path in tmp_path.glob("words-*.marshal"):  # as if another build wrote them last
        cache.dump(path.stem, ("another build", {}))
    again = RareWords(kept, cache)
    again.update(["b", "c"], ARTICLES)
    assert again.rare == BC
    assert again.changed is None
