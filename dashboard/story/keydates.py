"""Key dates: the story told in its N most important days, each with K sentences from its articles.

Pure functions over the built tables' rows (timeline summarization):

- **which days** (`rank_days`): a day counts by how many articles *refer* to it with a
  day-precise date (an article counts once per day), more when the reference looks back from
  a later article (a day still talked about days later mattered), plus the articles published
  on it; see `Weights`.
- **what happened** (`choose_sentences`): the candidates are the sentences that date an event
  on that day (those of articles published before it only when no later article tells of it),
  and the opening sentences of the articles published on it or the day after that give no date
  of their own; each day keeps the K most central ones (cosine to the TF-IDF centroid of its
  candidates, plus `STORY` times the cosine to the centroid of every chosen day's candidates,
  so that an entry tells the story rather than a side detail), never two near-duplicates
  (cosine at or above `SIMILAR`) on one day or across days, each with its source URL and span.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOPWORDS = frozenset("""
a about after again against all also an and any are as at be because been before being between
both but by can could did do does during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your said says say told according mr mrs ms
""".split())
SIMILAR = 0.5
"""Two sentences whose TF-IDF cosine reaches this are near-duplicates; the key dates keep one."""
STORY = 0.5
"""How much a sentence's closeness to the whole story (the centroid of all chosen days'
candidates) adds to its closeness to its own day's candidates."""
MIN_WORDS, MAX_WORDS = 5, 35
"""Sentences shorter or longer than this (in words) are not chosen: a timeline's entries are
short."""
LEAD_SENTENCES = 5
"""How many opening sentences of an article published on a day are candidates for it."""
LEAD_DAYS = (0, 1)
"""An article's opening sentences are candidates for the day it was published and the day
before (news of a day is often published the next morning)."""


@dataclass(frozen=True)
class Weights:
    """How a day's score adds up (the defaults were chosen on four development stories, see
    `benchmarks/bench_keydates.py`, and kept few and round to stay general)."""

    reference: float = 1.0
    """Per article that refers to the day with a day-precise date."""
    later: float = 1.0
    """Added per referring article published at least a day after the day."""
    published: float = 1.0
    """Per article published on the day."""


@dataclass(frozen=True)
class Sentence:
    """A sentence chosen for a key date, traceable to its article: `text[start:end]` of the
    source's stored text is `text`."""

    text: str
    source_id: str
    source_url: str
    published: str
    start: int
    end: int
    score: float = 0.0


@dataclass
class KeyDate:
    """One key date: the day, its rank (1 = most important), its score, how many articles
    refer to it and how many were published on it, and its sentences."""

    day: str
    rank: int
    score: float
    sources: int
    published: int
    sentences: list[Sentence] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain JSON values."""
        return {"date": self.day, "rank": self.rank, "score": round(self.score, 4),
                "sources": self.sources, "published": self.published,
                "sentences": [vars(s) | {"score": round(s.score, 4)} for s in self.sentences]}


def default_count(articles: int) -> int:
    """A sensible number of key dates for a story of `articles` articles: about the square root,
    at least 5 and at most 60.

    >>> default_count(10), default_count(1500), default_count(100_000)
    (5, 39, 60)
    """
    return max(5, min(60, round(math.sqrt(max(articles, 0)))))


def day_events(events: pd.DataFrame, since: str = "", until: str = "") -> pd.DataFrame:
    """The events dated to one day (not rejected), optionally within [since, until]."""
    if events.empty:
        return events
    keep = (events["precision"] == "day") & events["date"].notna()
    if "status" in events:
        keep &= (events["status"] != "rejected").fillna(True)
    keep = keep.fillna(False) & (events["date"].str.len() >= 10).fillna(False)
    days = events if keep.all() else events[keep]  # (no copy of a table kept whole)
    if (days["date"].str.len() > 10).any():
        days = days.assign(date=days["date"].str[:10])
    if since:
        days = days[days["date"] >= since]
    if until:
        days = days[days["date"] <= until]
    return days


def day_features(events: pd.DataFrame, sources: pd.DataFrame, since: str = "",
                 until: str = "") -> pd.DataFrame:
    """Per day: `references` (articles dating an event to it), `later` (those published at least a
    day after it) and `published` (articles published on it); index the ISO day."""
    days = day_events(events, since, until)
    pairs = days[["date", "source_id", "published"]].drop_duplicates(["date", "source_id"])
    references = pairs.groupby("date")["source_id"].nunique()
    later = pairs[pairs["published"].fillna("").str[:10] > pairs["date"]]
    later = later.groupby("date")["source_id"].nunique()
    published = sources["published"].dropna().str[:10]
    if since:
        published = published[published >= since]
    if until:
        published = published[published <= until]
    published = published.value_counts()
    table = pd.DataFrame({"references": references, "later": later, "published": published})
    table = table.fillna(0).astype(int)
    table.index.name = "date"
    return table


def rank_days(events: pd.DataFrame, sources: pd.DataFrame, since: str = "", until: str = "",
              weights: Weights = Weights()) -> pd.DataFrame:
    """Every day with its features and `score`, most important first (ties: more referring
    articles, then the earlier day)."""
    table = day_features(events, sources, since, until)
    score = (weights.reference * table["references"] + weights.later * table["later"]
             + weights.published * table["published"])
    table = table.assign(score=score.astype(float)).reset_index()
    table = table.sort_values(["score", "references", "date"], ascending=[False, False, True],
                              kind="stable")
    return table.reset_index(drop=True)


@lru_cache(maxsize=65_536)
def words(sentence: str) -> tuple[str, ...]:
    """The content words of a sentence, lower-cased.

    >>> words("The Fed cut rates on Tuesday, it said.")
    ('fed', 'cut', 'rates', 'tuesday')
    """
    return tuple(w for w in WORD.findall(sentence.lower()) if w not in STOPWORDS)


@lru_cache(maxsize=65_536)
def sentence_key(sentence: str) -> str:
    """A sentence reduced to its lower-cased words: what makes two candidates the same one."""
    return " ".join(WORD.findall(sentence.lower()))


def _vector(tokens: tuple[str, ...], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(tokens)
    vector = {w: (1 + math.log(n)) * idf.get(w, 1.0) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def idf_table(sentences: list[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of each word over `sentences`."""
    frequency = Counter(w for s in sentences for w in set(words(s)))
    total = len(sentences)
    return {w: math.log((1 + total) / (1 + n)) + 1 for w, n in frequency.items()}


def centroid(sentences: list[str], idf: dict[str, float],
             vectors: dict[str, dict[str, float]] | None = None) -> dict[str, float]:
    """The unit-length TF-IDF centroid of `sentences` (each sentence's unit vector added up);
    `vectors` keeps each sentence's vector by its `sentence_key`, for `choose_sentences`."""
    vectors = {} if vectors is None else vectors
    times: Counter[str] = Counter()
    for text in sentences:
        _keyed_vector(text, idf, vectors)
        times[sentence_key(text)] += 1
    return _unit_sum((vectors[key], n) for key, n in times.items())


def _keyed_vector(text: str, idf: dict[str, float],
                  vectors: dict[str, dict[str, float]]) -> dict[str, float]:
    key = sentence_key(text)
    if key not in vectors:
        vectors[key] = _vector(words(text), idf)
    return vectors[key]


def _unit_sum(weighted: Iterable[tuple[dict[str, float], float]]) -> dict[str, float]:
    total: Counter[str] = Counter()
    for vector, weight in weighted:
        for w, v in vector.items():
            total[w] += v * weight
    norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
    return {w: v / norm for w, v in total.items()}


def choose_sentences(candidates: list[Sentence], count: int, idf: dict[str, float],
                     similar: float | None = None, story: dict[str, float] | None = None,
                     taken: list[dict[str, float]] | None = None,
                     story_weight: float = STORY,
                     vectors: dict[str, dict[str, float]] | None = None) -> list[Sentence]:
    """The `count` candidates most central to them all (cosine to their TF-IDF centroid, plus
    `story_weight` times the cosine to `story`, the whole story's centroid, if given), in order,
    skipping any near-duplicate of one already chosen or `taken` (the vectors of sentences
    chosen for other days; those chosen here are added to it) and sentences of too few or too
    many words; a repeated sentence is one candidate, weighing as many times as it is given.
    `vectors` holds sentences' vectors already computed with this `idf` (see `centroid`)."""
    similar = SIMILAR if similar is None else similar
    taken = [] if taken is None else taken
    vectors = {} if vectors is None else vectors
    seen: dict[str, Sentence] = {}
    weight: Counter[str] = Counter()
    for candidate in candidates:
        key = sentence_key(candidate.text)
        if not key:
            continue
        seen.setdefault(key, candidate)
        weight[key] += 1
    for s in seen.values():
        _keyed_vector(s.text, idf, vectors)
    centroid_unit = _unit_sum((vectors[key], n) for key, n in weight.items())
    scored = []
    for key, sentence in seen.items():
        size = len(key.split())
        if not MIN_WORDS <= size <= MAX_WORDS:
            continue
        score = cosine(vectors[key], centroid_unit)
        if story:
            score += story_weight * cosine(vectors[key], story)
        scored.append((score, sentence.start, key))
    scored.sort(key=lambda item: (-item[0], seen[item[2]].source_id, item[1]))
    chosen: list[tuple[str, float]] = []
    for score, _, key in scored:
        if len(chosen) >= count:
            break
        if any(cosine(vectors[key], vectors[other]) >= similar for other, _ in chosen) \
                or any(cosine(vectors[key], vector) >= similar for vector in taken):
            continue
        chosen.append((key, score))
    taken.extend(vectors[key] for key, _ in chosen)
    return [Sentence(**{**vars(seen[key]), "score": score}) for key, score in chosen]


Leads = pd.DataFrame | Callable[[set[str]], pd.DataFrame] | None
"""Opening sentences: a table, or a function giving those of the articles published on a set of
days (so a caller reads only the articles it needs)."""
Details = Callable[[pd.DataFrame], pd.DataFrame] | None
"""Some rows of the events with their `sentence`, `source_url` and `sentence_start` (for events
read without them)."""


def candidates_by_day(events: pd.DataFrame, leads: Leads, days: list[str],
                      details: Details = None) -> dict[str, list[Sentence]]:
    """Each of `days`' candidate sentences: those dating an event to it (from articles published
    on or after it; those of earlier articles, which could only announce it, when there are no
    others), and the undated opening sentences (`leads`: source_id, source_url, published,
    sentence, start, end) of the articles published on it or the day after (LEAD_DAYS).
    `details` gives rows of `events` their sentence columns when `events` lacks them."""
    wanted = set(days)
    found: dict[str, list[Sentence]] = defaultdict(list)
    dated = events[events["date"].isin(wanted)]
    if details is not None:
        dated = details(dated)
    dated = dated.drop_duplicates(["date", "source_id", "sentence_start"])
    for row in dated[["date", "sentence", "source_id", "source_url", "published",
                      "sentence_start"]].itertuples(index=False):
        if pd.isna(row.sentence) or pd.isna(row.sentence_start):
            continue
        start = int(row.sentence_start)
        found[row.date].append(Sentence(row.sentence, row.source_id, _plain(row.source_url),
                                        _plain(row.published), start,
                                        start + len(row.sentence)))
    for day, told in found.items():
        after = [s for s in told if s.published[:10] >= day]
        if after:
            found[day] = after
    if callable(leads):
        leads = leads({_shift(day, offset) for day in days for offset in LEAD_DAYS})
    if leads is not None and not leads.empty:
        by_published: dict[str, list[Sentence]] = defaultdict(list)
        for row in leads.itertuples(index=False):
            by_published[str(row.published)[:10]].append(
                Sentence(row.sentence, row.source_id, _plain(row.source_url),
                         _plain(row.published), int(row.start), int(row.end)))
        for day in days:
            for offset in LEAD_DAYS:
                found[day].extend(by_published.get(_shift(day, offset), []))
    return found


def _shift(day: str, offset: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=offset)).isoformat()


def _plain(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) \
        or value is pd.NA else str(value)


def key_dates(events: pd.DataFrame, sources: pd.DataFrame, count: int | None = None,
              per_day: int = 2, since: str = "", until: str = "",
              leads: Leads = None, weights: Weights = Weights(),
              order: str = "date", story_weight: float = STORY,
              details: Details = None) -> list[KeyDate]:
    """The story's `count` key dates (default: `default_count` of the articles), each with up to
    `per_day` sentences, in date order (`order="date"`) or most important first ("rank"); the
    days choose their sentences in rank order, so a sentence told of two days goes to the more
    important one. `details`: as for `candidates_by_day`."""
    if count is None:
        count = default_count(len(sources))
    days = day_events(events, since, until)
    ranked = rank_days(days, sources, since, until, weights).head(max(count, 0))
    chosen = list(ranked["date"])
    pool = candidates_by_day(days, leads, chosen, details)
    texts = [s.text for day in chosen for s in pool.get(day, [])]
    idf = idf_table(texts)
    vectors: dict[str, dict[str, float]] = {}
    story = centroid(texts, idf, vectors)
    taken: list[dict[str, float]] = []
    found = []
    for rank, row in enumerate(ranked.itertuples(index=False), start=1):
        sentences = choose_sentences(pool.get(row.date, []), per_day, idf, story=story,
                                     taken=taken, story_weight=story_weight,
                                     vectors=vectors) \
            if per_day > 0 else []
        found.append(KeyDate(row.date, rank, float(row.score), int(row.references),
                             int(row.published), sentences))
    if order == "date":
        found.sort(key=lambda k: k.day)
    return found


def as_timeline(found: list[KeyDate]) -> dict[str, list[str]]:
    """{"YYYY-MM-DD": [sentence, ...]} in date order: the form timeline benchmarks read."""
    return {k.day: [s.text for s in k.sentences] for k in sorted(found, key=lambda k: k.day)}
