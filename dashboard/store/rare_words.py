"""The rare words of the story's sentences (`linking.rare_words`), kept between builds.

Which words are rare depends on every sentence of the story, so a change to one article could
change the rare words of any sentence. Recounting all of them costs as much as the sentences
are many; instead the counts are kept in the build's state (`combine`: the articles they cover,
how many of those articles have each sentence, how many distinct sentences have each word, and
the sentences whose rare words are not none) and updated for the articles that came and went.
Only sentences with a word whose standing changed (its count, while it is rare, or whether it
is rare at all) are looked at again. How many articles have each sentence is kept apart, in one
cache file per first hex digit of the sentence's id (`Refs`), read only when one of its
sentences comes or goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from dashboard.store.cache import SHARDS, ArticleCache
from dashboard.story.linking import RARE_WORDS

Sentences = tuple[tuple[bytes, tuple[str, ...]], ...]
"""An article's sentences: (sentence id, content words), as `article_index.Summary` keeps them."""


def common_limit(sentences: int) -> int:
    """The most sentences a rare word may be in (`linking.rare_words`)."""
    return max(50, sentences // 100)


def standing(count: int, limit: int) -> int:
    """What decides a word's part in rare words: its count if it is rare, else 0."""
    return count if 1 < count <= limit else 0


class RareWords:
    """Each sentence's rare words by sentence id (`of`), for the articles of a build."""

    def __init__(self, kept: tuple | None, cache: ArticleCache | None = None):
        self.keys: set[str] = set(kept[0]) if kept else set()
        self.refs = Refs(kept[1] if kept else {}, cache)
        self.counts: Counter[str] = Counter(kept[2]) if kept else Counter()
        self.rare: dict[bytes, tuple[str, ...]] = kept[3] if kept else {}
        self.loaded = kept is not None
        self.dirty = False
        self.changed: set[bytes] | None = None
        """The sentences whose rare words `update` changed (None: any may have)."""
        self.touched: set[str] | None = None
        """The articles with a sentence in `changed` (None: any may have one)."""

    def of(self, sentence: bytes) -> tuple[str, ...]:
        """A sentence's rare words (none for an unknown sentence)."""
        return self.rare.get(sentence, ())

    def update(self, keys: Iterable[str], sentences: Mapping[str, Sentences]) -> None:
        """Count the sentences of these articles (`sentences` by key: theirs, and those of the
        articles counted last time that are gone), updating the kept counts where it can."""
        keys = set(keys)
        gone, new = self.keys - keys, keys - self.keys
        self.dirty = bool(gone or new) or not self.loaded
        if not self.loaded or any(key not in sentences for key in gone):
            self._count(keys, sentences)
            return
        try:
            self._update(keys, gone, new, sentences)
        except KeyError:  # counts that do not match the articles they say they cover
            self._count(keys, sentences)

    def _update(self, keys: set[str], gone: set[str], new: set[str],
                sentences: Mapping[str, Sentences]) -> None:
        before = {}
        old_limit = common_limit(len(self.refs))
        fresh: set[bytes] = set()
        dropped: set[bytes] = set()
        for key, step in [*((k, -1) for k in gone), *((k, 1) for k in new)]:
            for sentence, words in sentences[key]:
                refs = self.refs.get(sentence, 0)
                if refs + step > 0 and refs > 0:
                    self.refs[sentence] = refs + step
                    continue
                for word in words:
                    before.setdefault(word, self.counts[word])
                    self.counts[word] += step
                if step > 0:
                    self.refs[sentence] = 1
                    fresh.add(sentence)
                else:
                    del self.refs[sentence]  # KeyError: a sentence never counted
                    dropped.add(sentence)
        for sentence in dropped - fresh:
            self.rare.pop(sentence, None)
        limit = common_limit(len(self.refs))
        if limit != old_limit:
            before.update((w, c) for w, c in self.counts.items() if w not in before)
        shifted = {w for w, c in before.items()
                   if standing(c, old_limit) != standing(self.counts[w], limit)}
        self.keys = keys
        order = self._order(limit)
        words_of = {s: w for key in new for s, w in sentences[key] if s in fresh}
        holders = {key: sentences[key] for key in new}
        if shifted:
            having = getattr(sentences, "having", None)
            for key in keys:
                if having is not None and not having(key, shifted):
                    continue
                found = [(s, w) for s, w in sentences[key] if not shifted.isdisjoint(w)]
                if found:
                    words_of.update(found)
                    holders[key] = sentences[key]
        self.changed = {s for s, w in words_of.items() if self._set(s, w, order)}
        self.touched = {key for key, found in holders.items()
                        if any(s in self.changed for s, _ in found)}

    def _count(self, keys: set[str], sentences: Mapping[str, Sentences]) -> None:
        """Count everything again."""
        words_of = {s: w for key in keys for s, w in sentences[key]}
        self.refs = Refs(dict(Counter(s for key in keys for s, _ in sentences[key])),
                         self.refs.cache)
        self.counts = Counter(word for words in words_of.values() for word in words)
        self.keys = keys
        self.rare = {}
        order = self._order(common_limit(len(self.refs)))
        for sentence, words in words_of.items():
            self._set(sentence, words, order)
        self.changed = self.touched = None

    def _order(self, limit: int) -> dict[str, tuple[int, str]]:
        return {w: (c, w) for w, c in self.counts.items() if 1 < c <= limit}

    def _set(self, sentence: bytes, words: tuple[str, ...],
             order: dict[str, tuple[int, str]]) -> bool:
        """Find a sentence's rare words again; whether they changed."""
        rare = tuple(w for _, w in sorted(order[w] for w in words if w in order)[:RARE_WORDS])
        if rare == self.rare.get(sentence, ()):
            return False
        if rare:
            self.rare[sentence] = rare
        else:
            del self.rare[sentence]
        return True

    def state(self, generation: str = "") -> tuple:
        """The counts, to keep for the next build (its `kept`); with a cache, the files of the
        sentences' counts that changed are written, stamped `generation`."""
        counts = {w: c for w, c in self.counts.items() if c}
        return sorted(self.keys), self.refs.state(generation), counts, self.rare


class Refs:
    """How many of the counted articles have each sentence, by sentence id.

    Without a cache they are all in memory (and `state` is them); with one, they are kept in
    one file per first hex digit of the id (`words-<digit>.marshal`, stamped with the build
    that wrote it) and read when asked for; `state` is their number and the files' stamps.
    A file that is missing or not stamped as the state says raises KeyError when read.
    """

    def __init__(self, kept: dict | tuple, cache: ArticleCache | None):
        self.cache = cache if cache is not None and cache.folder is not None else None
        self._shards: dict[str, dict[bytes, int]] = {}
        self.dirty: set[str] = set()
        if isinstance(kept, dict):
            self.total, self.stamps = len(kept), {}
            for shard in SHARDS:
                self._shards[shard] = {}
            for sentence, count in kept.items():
                self._shards[_shard(sentence)][sentence] = count
            self.dirty = set(SHARDS)
        else:
            self.total, self.stamps = kept

    def _of(self, sentence: bytes) -> dict[bytes, int]:
        shard = _shard(sentence)
        if shard not in self._shards:
            kept = self.cache.load(f"words-{shard}") if self.cache else None
            if not kept or kept[0] != self.stamps.get(shard):
                raise KeyError(shard)
            self._shards[shard] = kept[1]
        return self._shards[shard]

    def get(self, sentence: bytes, default: int = 0) -> int:
        return self._of(sentence).get(sentence, default)

    def __setitem__(self, sentence: bytes, count: int) -> None:
        shard = self._of(sentence)
        self.total += sentence not in shard
        shard[sentence] = count
        self.dirty.add(_shard(sentence))

    def __delitem__(self, sentence: bytes) -> None:
        del self._of(sentence)[sentence]
        self.total -= 1
        self.dirty.add(_shard(sentence))

    def __len__(self) -> int:
        return self.total

    def state(self, generation: str) -> dict | tuple:
        if self.cache is None:
            return {s: c for shard in self._shards.values() for s, c in shard.items()}
        for shard in self.dirty:
            self.cache.dump(f"words-{shard}", (generation, self._shards[shard]))
        self.stamps = self.stamps | dict.fromkeys(self.dirty, generation)
        self.dirty = set()
        return self.total, self.stamps


def _shard(sentence: bytes) -> str:
    return SHARDS[sentence[0] >> 4]
