"""Story events: the same happening reported by several articles, merged into one.

Two events merge when their dates are compatible at their precision (Jan. 9 lies in January and in
"last week"), their kinds can be one happening's (the same kind, or one of them the general
"event" or a report: "the bombing killed 80" and "two bombs exploded"; never a capture and a
deployment), they name an actor in common and their wording is alike; events whose dates cannot
both be true are never merged. Where two sources tell the same happening with different days, both
are kept and each is flagged in `conflict`. Events are compared within their `partition` (month),
so the links of a partition depend on its events alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dashboard.extract.gazetteer import places
from dashboard.vocab import (
    demonyms,
    event_kinds,
    event_words,
    months,
    speech_verbs,
    stopwords,
    weekdays,
)

if TYPE_CHECKING:
    pass

_SPEECH = "|".join(sorted((re.escape(verb) for verb, _ in speech_verbs()), key=len, reverse=True))
SAID_BEFORE = re.compile(r"\b(?:" + _SPEECH + r")(?:\s+(?:reporters|journalists|lawmakers|on|late"
                         r"|early|in\s+a\s+statement|(?:a|the)\s+(?:news|press)\s+conference))*\s+$")
SAID_AFTER = re.compile(r"(?:'s)?(?:\s+(?:it|he|she|they|also|strongly|formally|publicly))*"
                        r"\s+(?:" + _SPEECH + r")\b")
OPENING = re.compile(r"\s*(?:(?:On|In|Earlier|Later|Late|Early|By)\s+)?$")
SAID_NEXT = re.compile(r",(?:\s+[\w.&'-]+){1,4}?\s+(?:" + _SPEECH + r")\b")
"""A speech verb just before or after a date, or right after the subject of a sentence the
date opens ("On Friday, the board said"): the date is the saying's."""
STOPWORDS = {
    *stopwords(), *(w.name.lower() for w in weekdays()),
    *(name for m in months() for name in (m.name.lower(), *m.abbreviations)),
}
"""Words left out of a sentence's content words: function words and calendar names."""
CONCEPTS = {word: f"<{concept}>" for word, concept in event_words().items()}
"""Words that tell of one kind of happening, as one word ("blast", "bombing": <attack>)."""
WORD = re.compile(r"[a-z][a-z'-]+")
SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
MERGE_SIMILARITY = 0.2
LEDE = 0.3
"""How much more alike two events of one article count when they date the same day (or
period) and tell of one kind of happening next to the date (`_Item.told`): an article tells
its main happening in its lede and again in its body, in other words ("the blast on Friday",
"Friday's bombing")."""
TOLD = 0.2
"""How much more alike two articles' events count when they date the same day, name someone
other than a known place in common and tell of one kind of happening next to the date, with
another word in common there ("the Oct. 23 slaying of Roe", "the Oct. 23 killing of Dr.
Roe"; not "Roe arrived in Ruritania on Sunday" and "Doe arrived in Ruritania on Sunday")."""
ANOTHER = re.compile(r"\b(?:[Aa]lso|[Aa]nother)\b")
"""A sentence that says its happening is another one ("Also on Sunday, crews rescued ...")."""
ANOTHER_REACH = 40
"""How far from the date (characters) "also" or "another" says so."""
SHORT = 3
"""Sentences with more content words than this must share two of them to merge: one word in
common ("Lakeside" in a pier repair and a mayor's election) says little."""
APART = 0.15
"""How much less alike two events count when each names actors and they share none."""
UNNAMED = 0.05
"""How much less alike two events count when one names no actor."""
OTHER_KIND = 0.1
"""How much less alike two events of different (compatible) kinds count."""
CONFLICT_SIMILARITY = 0.4
COARSE = {"quarter", "half", "season", "year", "decade", "century"}
CLOCK = {"hour", "minute", "second"}
"""Precisions of a clock time (`_Item.clock`)."""
NEAR = 4
"""How many content words either side of a date say what it dates (`near_words`)."""
COARSE_SIMILARITY = 0.25
"""How alike a date coarser than a month and a finer one must be to merge."""
SAME_COARSE = 0.5
"""How alike two events dated by one coarse date ("2008", "the 1990s") must be to merge unless
the words next to their dates name one kind of happening (`_near_alike`): a year holds many
happenings, and most of what is dated by it only mentions it."""
WINDOW_DAYS = 14
MAX_NEIGHBOURS = 100
CONCEPT_NEIGHBOURS = 30
"""Concepts are common words: an event meets fewer others in a concept's block."""
RARE_WORDS = 3
HAPPENINGS = {kind.name for kind in event_kinds() if kind.once}
"""Kinds that happen once: two reports of one with different days disagree. Statements,
interviews and briefings recur, so different days there are different events."""
GENERAL = next(kind.name for kind in event_kinds() if not kind.cues)
SPECIFIC = HAPPENINGS - {GENERAL}
"""The kinds that name one kind of happening (a capture, a deployment)."""
"""The kind of an event without a cue ("event"): it may be any happening's. It also names the
partitions, which hold events of every kind."""


@dataclass(slots=True)
class _Item:
    """An event as linking sees it; `words` and `actors` are also bit masks (`_Bits`), so
    comparing two events is an `&` of integers."""

    index: int
    event_id: str
    source_id: str
    sentence: str
    first: str
    last: str
    precision: str
    kind: str
    actors: frozenset[str]
    words: frozenset[str]
    actor_bits: int
    word_bits: int
    said: str
    """Who says so when the date is the saying's own ("X said on Friday"; `UNKNOWN` when
    the text does not say who), else ""."""
    near: frozenset[str] = frozenset()
    """For a date coarser than a month, the content words next to it (`near_words`): what
    the date dates, which a finer date's event must tell of to be the same happening."""
    told: frozenset[str] = frozenset()
    """The content words next to the date (`near_words`) when the sentence names a kind of
    happening (`CONCEPTS`), unless it says near the date that it is another one (`ANOTHER`):
    what `LEDE` and `TOLD` compare."""
    parties: int = 0
    """The bits (of `actor_bits`) of its actors that are not known places: who, rather than
    where, which `TOLD` asks two events to share."""
    clock: str = ""
    """The clock time the event is dated to (its TIMEX3 value, for a date as fine as an hour),
    else "": one article's events at two clock times are two happenings (`_clocks_apart`)."""


UNKNOWN = "?"
"""The speaker of a saying whose speaker is not known."""
LINK_COLUMNS = ("event_id", "source_id", "sentence", "date", "date_end", "precision", "kind",
                "actors", "outlet", "date_text", "attributed_to", "timex")
"""The event columns linking reads."""


class _Bits:
    """Sets of strings as integers: one bit per string, in order of first sight."""

    def __init__(self) -> None:
        self.bit: dict[str, int] = {}

    def of(self, values: frozenset[str]) -> int:
        mask = 0
        for value in values:
            mask |= 1 << self.bit.setdefault(value, len(self.bit))
        return mask


def _items(events: Mapping[str, Sequence]) -> list[_Item]:
    words_of: dict[str, tuple[frozenset[str], int]] = {}
    actors_of: dict[str, tuple[frozenset[str], int, int]] = {}
    word_bits, actor_bits = _Bits(), _Bits()
    items = []
    columns = (events[name] for name in LINK_COLUMNS[:8])
    count = len(events["event_id"])
    speakers = events.get("attributed_to") or [""] * count
    dates = events.get("date_text") or [""] * count
    timexes = events.get("timex") or [""] * count
    for i, (event_id, source_id, sentence, first, last, precision, kind, actors) in enumerate(
        zip(*columns, strict=True)
    ):
        if sentence not in words_of:
            words = content_words(sentence)
            words_of[sentence] = words, word_bits.of(words)
        actors = actors or ""
        if actors not in actors_of:
            named = frozenset(a for a in actors.split("; ") if a)
            actors_of[actors] = named, actor_bits.of(named), actor_bits.of(named - _places())
        (words, word_mask), (named, actor_mask, parties) = words_of[sentence], actors_of[actors]
        said = (speakers[i] or UNKNOWN) if said_on(sentence, dates[i]) else ""
        near = near_words(sentence, dates[i]) if precision in COARSE else frozenset()
        told = ((near or near_words(sentence, dates[i]))
                if any(w[0] == "<" for w in words) and not _another(sentence, dates[i])
                else frozenset())
        clock = timexes[i] if precision in CLOCK else ""
        items.append(_Item(i, event_id, source_id, sentence, first, last or first, precision,
                           kind, named, words, actor_mask, word_mask, said, near, told, parties,
                           clock))
    return items


def _another(sentence: str, date_text: str) -> bool:
    """Whether the sentence says, near the date, that it tells of another happening ("another
    attack on Monday", "also killed on Monday"; not "a doctor who also performed abortions"
    further on)."""
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return bool(ANOTHER.search(sentence))
    return bool(ANOTHER.search(sentence, max(0, at - ANOTHER_REACH),
                               at + len(date_text) + ANOTHER_REACH))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The names of the places the general gazetteer knows (countries, states, cities)."""
    return frozenset(name for place in places() for name in (place.name, *place.aliases))


def said_on(sentence: str, date_text: str) -> bool:
    """Whether the date (`date_text`, its first place in `sentence`) is when something was
    said: a speech verb stands within a few words of it ("said on Friday", "Friday strongly
    condemned"), so the event is the saying, not what it tells of.

    >>> said_on("Police said on Friday that the bridge fell on Monday.", "Friday")
    True
    >>> said_on("Police said on Friday that the bridge fell on Monday.", "Monday")
    False
    >>> said_on("On Friday, the board had rejected the offer.", "Friday")
    True
    >>> said_on("The bridge fell on Friday, the board said.", "Friday")
    False
    """
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return False
    end = at + len(date_text)
    return bool(SAID_BEFORE.search(sentence, max(0, at - 40), at)
                or SAID_AFTER.match(sentence, end)
                or (OPENING.fullmatch(sentence, 0, at) and SAID_NEXT.match(sentence, end)))


def near_words(sentence: str, date_text: str) -> frozenset[str]:
    """The `NEAR` content words either side of a date (its first place in `sentence`): what
    the date dates.

    >>> sorted(near_words("Abel urged him to run in this year's election for mayor.",
    ...                   "this year's"))
    ['abel', 'election', 'mayor', 'run', 'urg']
    """
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return content_words(sentence)
    return frozenset((*_content_list(sentence[:at])[-NEAR:],
                      *_content_list(sentence[at + len(date_text):])[:NEAR]))


def _content_list(text: str) -> list[str]:
    """`content_words` in their order."""
    return [CONCEPTS.get(word) or _stem(word) for word in WORD.findall(text.lower())
            if word not in STOPWORDS and len(word) >= 3]


def _dates_alike(a: _Item, b: _Item) -> bool:
    """Whether a date coarser than a month and a finer one inside it can date one happening:
    the finer date's sentence tells of the happening the coarser date dates (a word of
    `CONCEPTS` next to it, `near_words`). "The blasts last year" and "the bombing on Aug. 7"
    can; "the rally on Tuesday" and "this year's election" cannot. Such pairs also need to be
    more alike (`COARSE_SIMILARITY`)."""
    coarse, fine = (a, b) if a.precision in COARSE else (b, a)
    return _tells(coarse.near, fine.words)


def _near_alike(a: _Item, b: _Item) -> bool:
    """Whether the words next to two coarse dates name one kind of happening (`CONCEPTS`):
    "the flood of 1998" and "the 1998 floods"."""
    return any(word[0] == "<" for word in a.near & b.near)


def _tells(near: frozenset[str], words: frozenset[str]) -> bool:
    """Whether a sentence (its content `words`) tells of the happening a coarse date's `near`
    words name."""
    return any(word[0] == "<" for word in near & words)


def _one_saying(a: _Item, b: _Item) -> bool:
    """Whether two events, one of them at least a saying (`_Item.said`), can be one
    happening: both sayings, by one speaker as far as linking can tell (the same name or
    surname, or one's speaker named in the other: "Ruritania's president said" and "President
    Jane Roe said"; an unknown speaker may be anyone). A saying and what it tells of are two
    happenings."""
    if not (a.said and b.said):
        return False
    return (a.said == b.said or UNKNOWN in (a.said, b.said)
            or a.said.split()[-1].lower() == b.said.split()[-1].lower()
            or _named_in(a.said, b) or _named_in(b.said, a))


def _named_in(speaker: str, item: _Item) -> bool:
    """Whether an event names `speaker`: among its actors, or in its sentence by name or by
    the country's demonym ("Ruritanian special forces")."""
    if speaker in item.actors or speaker in item.sentence:
        return True
    return any(re.search(rf"\b{re.escape(d)}\b", item.sentence) for d in _demonyms(speaker))


@lru_cache(maxsize=1024)
def _demonyms(place: str) -> tuple[str, ...]:
    return tuple(d for d, country in demonyms().items() if country == place)


@lru_cache(maxsize=1024)
def content_words(text: str) -> frozenset[str]:
    """Content words, lightly stemmed so that "captured" and "capture" meet; a word that tells
    of a kind of happening is its concept (`CONCEPTS`: "arrested" and "detained" meet).

    >>> sorted(content_words("Police said they arrested two strikers in Leeds."))
    ['<arrest>', 'leed', 'police', 'striker']
    """
    return frozenset(_content_list(text))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return SUFFIX.sub("", word) or word


def partition(kind: str, first: str, last: str, precision: str) -> tuple[str, ...]:
    """The partition an event is linked within: the month of its first day (of a week, the
    month of its Thursday, which holds most of its days, as ISO weeks belong to the year of
    theirs), or for dates coarser than a month, its exact date range, after `GENERAL` (a
    partition holds events of every kind: the same happening is often told with different
    kinds' words).

    Events of different partitions are never compared, so each partition's links depend on
    its own events alone and a rebuild relinks only the partitions whose events changed.

    >>> partition("capture", "2025-01-09", "2025-01-09", "day")
    ('event', '2025-01')
    >>> partition("statement", "2025-01-27", "2025-02-02", "week")
    ('event', '2025-01')
    >>> partition("statement", "2025-03-31", "2025-04-06", "week")
    ('event', '2025-04')
    """
    first = first or ""
    if precision in COARSE:
        return (GENERAL, first, last or first)
    if precision == "week" and (thursday := _thursday(first)):
        return (GENERAL, thursday[:7])
    return (GENERAL, first[:7])


def partitions(events: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """The `partition` of each of one article's events, given as (kind, first day, last day,
    precision, sentence, date text). A date coarser than a month goes with the first finer
    event of the article inside it that tells of what it dates ("last year's blasts" with "the
    bombs went off on Aug. 7": a word of `CONCEPTS` next to the coarse date, `near_words`), so
    that `link` compares the two and that happening's other reports (`_dates_alike`); else
    it is linked with the same date alone.

    >>> partitions([("event", "2024-01-01", "2024-12-31", "year", "A man was charged over "
    ...              "last year's fire at the depot.", "last year's"),
    ...             ("event", "2024-08-07", "2024-08-07", "day", "A fire destroyed the depot "
    ...              "on Aug. 7.", "Aug. 7")])
    [('event', '2024-08'), ('event', '2024-08')]
    """
    parts = [partition(*event[:4]) for event in events]
    if not any(event[3] in COARSE for event in events):
        return parts
    finer = [(event[1], event[2] or event[1], event[4], part)
             for event, part in zip(events, parts, strict=True) if event[3] not in COARSE]
    for n, (_, first, last, precision, sentence, date_text) in enumerate(events):
        if precision not in COARSE or not finer:
            continue
        near = near_words(sentence, date_text)
        for fine_first, fine_last, fine_sentence, part in finer:
            if first <= fine_first and fine_last <= (last or first) and _tells(
                    near, content_words(fine_sentence)):
                parts[n] = part
                break
    return parts


def _thursday(monday: str) -> str:
    """The fourth day of a week that starts on `monday` ("" for a day that is not one)."""
    try:
        return (dt.date.fromisoformat(monday) + dt.timedelta(days=3)).isoformat()
    except ValueError:
        return ""


def compatible(a: str, b: str) -> bool:
    """Whether events of kinds `a` and `b` can tell one happening: the same kind, or either
    the general kind or a kind that does not happen once (a statement, a briefing).

    >>> compatible("capture", "event"), compatible("capture", "deployment")
    (True, False)
    """
    return a == b or a not in SPECIFIC or b not in SPECIFIC


def rare_words(sentences: Mapping[str, Collection[str]]) -> dict[str, tuple[str, ...]]:
    """For each sentence (given by its `content_words`), the rarest words it shares with other
    sentences: at most `RARE_WORDS`, each in more than one sentence and in no more than a
    hundredth of them (or 50). Events are blocked by these, so they are counted over all the
    story's sentences.

    >>> rare_words({"a": ["crane", "leeds"], "b": ["leeds"], "c": ["crane", "leeds", "york"]})
    {'a': ('crane', 'leeds'), 'b': ('leeds',), 'c': ('crane', 'leeds')}
    """
    frequency = Counter(word for words in sentences.values() for word in words)
    common = max(50, len(sentences) // 100)
    order = {word: (count, word) for word, count in frequency.items() if 1 < count <= common}
    return {
        sentence: tuple(w for _, w in sorted(order[w] for w in words if w in order)[:RARE_WORDS])
        for sentence, words in sentences.items()
    }


def link(events: Mapping[str, Sequence],
         rare: Mapping[str, tuple[str, ...]] | None = None) -> tuple[list[str], list[str]]:
    """Each event's `story_event_id` and `conflict`, for the events of one `partition` given
    as columns (`LINK_COLUMNS`, as lists: a dict of lists, say); `rare` gives each sentence's
    `rare_words` among all the story's sentences (default: among these events' sentences)."""
    items = _items(events)
    if rare is None:
        rare = rare_words({item.sentence: item.words for item in items})
    cluster = {item.index: [item] for item in items}
    span = {item.index: (item.first, item.last) for item in items}
    clocks = {item.index: {item.source_id: {(item.clock, item.sentence)}}
              for item in items if item.clock}
    owner = list(range(len(items)))
    may_conflict = [_may_conflict(item) for item in items]
    conflicts: dict[int, list[_Item]] = {}
    for score, i, j in _merge_pairs(items, rare):
        if (score >= CONFLICT_SIMILARITY and may_conflict[i] and may_conflict[j]
                and _conflicting(items[i], items[j])):
            conflicts.setdefault(i, []).append(items[j])
            conflicts.setdefault(j, []).append(items[i])
        keep, gone = owner[i], owner[j]
        if keep == gone:
            continue
        (keep_first, keep_last), (gone_first, gone_last) = span[keep], span[gone]
        first = keep_first if keep_first > gone_first else gone_first
        last = keep_last if keep_last < gone_last else gone_last
        if first > last or _clocks_apart(clocks.get(keep), clocks.get(gone)):
            continue
        if len(cluster[keep]) < len(cluster[gone]):
            keep, gone = gone, keep
        for item in cluster[gone]:
            owner[item.index] = keep
        cluster[keep].extend(cluster.pop(gone))
        span[keep] = (first, last)
        del span[gone]
        if gone in clocks:
            into = clocks.setdefault(keep, {})
            for source, times in clocks.pop(gone).items():
                into[source] = into.get(source, set()) | times
    ids = {root: story_event_id(members) for root, members in cluster.items()}
    story_ids = [ids[owner[item.index]] for item in items]
    notes = [_conflict_note(conflicts[item.index], events) if item.index in conflicts else ""
             for item in items]
    return story_ids, notes


Clocks = dict[str, set[tuple[str, str]]]
"""A group's clock times per article, each with its sentence."""


def _clocks_apart(a: Clocks | None, b: Clocks | None) -> bool:
    """Whether two groups of events hold events of one article at two clock times in two
    sentences (`a` and `b`: each group's `Clocks`): a live page's entries at 14:05 and 14:40
    tell two happenings, however alike their words. One sentence's two times ("10:35 a.m.
    (0735 GMT)") and other articles' times (perhaps in another zone) do not count."""
    if not (a and b):
        return False
    return any(clock != other and sentence != elsewhere
               for source, times in a.items() if source in b
               for clock, sentence in times for other, elsewhere in b[source])


def boundary_conflicts(events: Mapping[str, Sequence], split: int, turn: str,
                       rare: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Conflict notes across the turn of a month (`turn`, its first day), which `link` cannot
    see: `events` are the events of one kind's partitions for the two months, the earlier
    month's `split` first. Day-precise reports on days either side of the turn, within the
    window of a conflict, are compared as `link` compares them; returns each event's notes
    (blank for most)."""
    start = dt.date.fromisoformat(turn).toordinal()
    near = []
    for i, (day, precision) in enumerate(zip(events["date"], events["precision"], strict=True)):
        ordinal = _ordinal(day) if precision == "day" else None
        if ordinal is not None and (ordinal >= start - WINDOW_DAYS - 1 if i < split
                                    else ordinal <= start + WINDOW_DAYS):
            near.append(i)
    subset = {name: [events[name][i] for i in near] for name in LINK_COLUMNS if name in events}
    items = _items(subset)
    conflicts: dict[int, list[_Item]] = {}
    for score, i, j in _merge_pairs(items, rare):
        a, b = items[i], items[j]
        across = (near[i] < split) != (near[j] < split)
        if across and score >= CONFLICT_SIMILARITY and _conflicting(a, b):
            conflicts.setdefault(i, []).append(b)
            conflicts.setdefault(j, []).append(a)
    notes = [""] * len(events["date"])
    for n, others in conflicts.items():
        notes[near[n]] = _conflict_note(others, subset)
    return notes


def _ordinal(day: str) -> int | None:
    try:
        return dt.date.fromisoformat(day).toordinal()
    except (TypeError, ValueError):
        return None


def _merge_pairs(items: list[_Item],
                 rare: Mapping[str, tuple[str, ...]]) -> Iterator[tuple[float, int, int]]:
    """(score, i, j) for the candidate pairs alike enough to merge, best first (ties: the
    larger i, then j, first).

    The score is the overlap of their content words relative to the smaller set (short reports
    match long ones), at least two words unless one is short (`SHORT`); without a shared
    actor, only a close match counts (less by `APART` or `UNNAMED`); one article's lede and
    body telling one happening count more (`LEDE`). Candidates
    are of one kind, and events from one sentence of one article never merge (the same
    sentence in two articles, a wire story that several outlets print, does).
    """
    scored: dict[float, list[int]] = {}
    count = len(items)
    sizes = [len(item.words) for item in items]
    words = [item.word_bits for item in items]
    actors = [item.actor_bits for item in items]
    sentences = [(item.source_id, item.sentence) for item in items]
    kinds = [item.kind for item in items]
    said = [item.said for item in items]
    near = [bool(item.near) for item in items]
    precisions = [item.precision for item in items]
    told = [item.told for item in items]
    parties = [item.parties for item in items]
    spans = [(item.first, item.last, item.precision) for item in items]
    for i, others in candidate_pairs(items, rare).items():
        own_words, own_size, own_actors, sentence = words[i], sizes[i], actors[i], sentences[i]
        base = i * count
        for j in others:
            shared = (own_words & words[j]).bit_count()
            if not shared or sentence == sentences[j]:
                continue
            if shared == 1 and own_size > SHORT and sizes[j] > SHORT:
                continue
            score = shared / (own_size if own_size < sizes[j] else sizes[j])
            if not own_actors & actors[j]:
                score -= APART if own_actors and actors[j] else UNNAMED
            if (said[i] or said[j]) and not _one_saying(items[i], items[j]):
                continue
            if (near[i] or near[j]) and precisions[i] != precisions[j] and (
                    score < COARSE_SIMILARITY or not _dates_alike(items[i], items[j])):
                continue
            if near[i] and near[j] and score < SAME_COARSE and not _near_alike(items[i], items[j]):
                continue
            if kinds[i] != kinds[j]:
                if not compatible(kinds[i], kinds[j]):
                    continue
                score -= OTHER_KIND
            common = told[i] & told[j]
            if common and spans[i] == spans[j] and any(w[0] == "<" for w in common):
                if sentence[0] == sentences[j][0]:
                    score += LEDE
                elif spans[i][2] == "day" and parties[i] & parties[j] and len(common) > 1:
                    score += TOLD
            if score >= MERGE_SIMILARITY:
                scored.setdefault(score, []).append(base + j)
    for score in sorted(scored, reverse=True):
        for pair in sorted(scored[score], reverse=True):
            yield score, *divmod(pair, count)


def candidate_pairs(items: list[_Item],
                    rare: Mapping[str, tuple[str, ...]]) -> dict[int, set[int]]:
    """Index pairs worth comparing, found without comparing everything with everything: for
    an event i, the events j it is to be compared with (each pair comes once, in one order).

    Events are blocked by each of their actors, `rare` words and concepts (`CONCEPTS`); within
    a block,
    merge candidates have overlapping dates, and day-precise happenings within a fortnight are
    conflict candidates. Dates coarser than a month also meet the same value whatever they
    share (and finer dates inside them where `partitions` put them together). Each event
    meets at most `MAX_NEIGHBOURS` others per block (`CONCEPT_NEIGHBOURS` in a concept's),
    which keeps a large corpus near linear.
    """
    blocks: dict[str, list[tuple[int, int, _Item]]] = {}
    coarse: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        if item.precision in COARSE:
            coarse.setdefault((item.first, item.last), []).append(item)
        try:
            first = dt.date.fromisoformat(item.first).toordinal()
            last = dt.date.fromisoformat(item.last).toordinal()
        except ValueError:
            continue
        for key in (*item.actors, *rare[item.sentence], *(w for w in item.words if w[0] == "<")):
            blocks.setdefault(key, []).append((first, last, item))
    pairs: dict[int, set[int]] = {}
    for key, block in blocks.items():
        block.sort(key=lambda entry: entry[0])
        firsts = [first for first, _, _ in block]
        indexes = [item.index for _, _, item in block]
        most = CONCEPT_NEIGHBOURS if key[0] == "<" else MAX_NEIGHBOURS
        for i, (_, last, item) in enumerate(block):
            reach = last + WINDOW_DAYS if _may_conflict(item) else last
            end = bisect_right(firsts, reach, i + 1, min(len(block), i + 1 + most))
            if end > i + 1:
                pairs.setdefault(item.index, set()).update(indexes[i + 1 : end])
    for group in coarse.values():
        indexes = [item.index for item in group]
        for i, item in enumerate(group[:-1]):
            pairs.setdefault(item.index, set()).update(indexes[i + 1 : i + 1 + MAX_NEIGHBOURS])
    return pairs


def _may_conflict(item: _Item) -> bool:
    return item.kind in HAPPENINGS and item.precision == "day"


def _span(members: list[_Item]) -> tuple[str, str] | None:
    """The days all members' dates have in common, or None when their dates are incompatible."""
    first = max(m.first for m in members)
    last = min(m.last for m in members)
    return (first, last) if first <= last else None


def _conflicting(a: _Item, b: _Item) -> bool:
    """Two day-precise reports of the same happening, from different sources, on other days."""
    return (
        a.source_id != b.source_id
        and a.kind == b.kind
        and a.kind in HAPPENINGS
        and a.precision == b.precision == "day"
        and a.first != b.first
        and _span([a, b]) is None
    )


def story_event_id(members: list[_Item]) -> str:
    """A stable id for a group of events: derived from the smallest member event id."""
    seed = min(m.event_id for m in members)
    return "se-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _conflict_note(others: list[_Item], events: Mapping[str, Sequence]) -> str:
    """A readable note: which other sources date the same happening otherwise."""
    notes = []
    for other in others:
        i = other.index
        outlet = events["outlet"][i] or events["source_id"][i]
        notes.append(f"{outlet} dates this {events['date'][i]} ({events['date_text'][i]})")
    return "; ".join(dict.fromkeys(notes))
