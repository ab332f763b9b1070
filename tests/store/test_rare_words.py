"""Rare words kept between builds (`store.rare_words`) are the rare words counted afresh."""

from __future__ import annotations

import random

import pytest

from dashboard.store.article_index import sentence_id
from dashboard.store.cache import ArticleCache
from dashboard.store.rare_words import RareWords
from dashboard.story import linking

VOCABULARY = ["".join(random.Random(i).choices("bcdfghklmnprtvz", k=6)) for i in range(40)]


def article(rng: random.Random, pool: list[str]) -> tuple:
    """An article's sentences as a summary keeps them: (sentence id, content words)."""
    texts = dict.fromkeys(rng.choice(pool) for _ in range(rng.randint(1, 12)))
    return tuple((sentence_id(t), tuple(sorted(linking.content_words(t)))) for t in texts)


def afresh(keys, sentences) -> dict[bytes, tuple[str, ...]]:
    """`linking.rare_words` over the articles' distinct sentences, by sentence id."""
    unique = {s: w for key in keys for s, w in sentences[key]}
    return {s: rare for s, rare in linking.rare_words(unique).items() if rare}


@pytest.mark.parametrize("seed", range(6))
def test_kept_rare_words_follow_articles_that_come_and_go(seed, tmp_path):
    rng = random.Random(seed)
    cache = ArticleCache(tmp_path, "v1") if seed % 2 else None  # counts in files, or in memory
    # few sentences, so that the limit of a rare word (50 sentences, or a hundredth) is reached
    pool = [" ".join(rng.sample(VOCABULARY, rng.randint(2, 6))) for _ in range(400)]
    sentences = {f"k{i}": article(rng, pool) for i in range(60)}
    keys = list(sentences)[:40]
    kept, seen = None, set()
    for step in range(25):
        rare = RareWords(kept, cache)
        rare.update(keys, sentences)
        assert rare.rare == afresh(keys, sentences), f"step {step}"
        if rare.changed is not None:
            assert rare.touched >= {k for k in keys if any(s in rare.changed
                                                           for s, _ in sentences[k])}
        seen |= {"rare"} if rare.rare else set()
        seen |= {"kept"} if rare.changed else set()
        kept = rare.state(f"build {step}")
        gone = set(rng.sample(keys, rng.randint(0, 3)))
        fresh = f"k{len(sentences)}"
        sentences[fresh] = article(rng, pool)
        keys = [k for k in keys if k not in gone] + [fresh] * rng.randint(0, 1)
        if rng.random() < 0.2:  # a large batch: the limit of a rare word moves
            extra = [f"x{step}-{i}" for i in range(30)]
            for key in extra:
                sentences[key] = article(rng, [" ".join(rng.sample(VOCABULARY, 3))
                                               for _ in range(20)])
            keys += extra
    assert seen == {"rare", "kept"}


def counted(seed: int) -> tuple[dict, RareWords]:
    """Twenty random articles and their rare words, counted from nothing."""
    rng = random.Random(seed)
    pool = [" ".join(rng.sample(VOCABULARY, 4)) for _ in range(100)]
    sentences = {f"k{i}": article(rng, pool) for i in range(20)}
    rare = RareWords(None)
    rare.update(list(sentences), sentences)
    return sentences, rare


def test_counts_that_do_not_match_their_articles_are_counted_again():
    sentences, rare = counted(1)
    keys, refs, counts, kept = rare.state()
    broken = RareWords((keys, {}, counts, kept))  # no sentence counted
    broken.update(list(sentences)[:10], sentences)
    assert broken.rare == afresh(list(sentences)[:10], sentences)
    assert broken.changed is None


def test_an_article_kept_under_a_new_key_changes_no_rare_words():
    sentences, rare = counted(2)
    assert rare.rare
    sentences["again"] = sentences["k3"]
    kept = RareWords(rare.state())
    kept.update([k if k != "k3" else "again" for k in list(sentences)[:20]], sentences)
    assert kept.changed == set() and kept.touched == set()


def test_counts_written_by_an_unfinished_build_are_counted_again(tmp_path):
    sentences, _ = counted(3)
    cache = ArticleCache(tmp_path, "v1")
    rare = RareWords(None, cache)
    rare.update(list(sentences), sentences)
    kept = rare.state("first")
    for path in tmp_path.glob("words-*.marshal"):  # as if another build wrote them last
        cache.dump(path.stem, ("another build", {}))
    again = RareWords(kept, cache)
    again.update(list(sentences)[:15], sentences)
    assert again.rare == afresh(list(sentences)[:15], sentences)
    assert again.changed is None
