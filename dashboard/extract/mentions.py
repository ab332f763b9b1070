"""Where actors are named in a text (`Mention`), and lookups of them by position."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """Where an actor is named in the text."""

    start: int
    end: int
    name: str
    kind: str


class Mentions(list):
    """Mentions in text order (by start), which can be looked up by position quickly;
    `places`: the places also named only as where something happens ("in Nairobi");
    `speech`: the article's speakers once found (`attribution.Speech.of`), for its events and
    figures to share."""

    def __init__(self, mentions: Iterable[Mention] = (), places: Iterable[str] = ()):
        super().__init__(mentions)
        self.starts = [m.start for m in self]
        self.places = frozenset(places)
        self.speech = None

    def named(self) -> set[str]:
        """The canonical names of every actor the text names, places named as where included."""
        return {m.name for m in self} | self.places

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end)."""
        return self[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def mentions_between(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions (in text order) that start in [start, end)."""
    if isinstance(mentions, Mentions):
        return mentions.between(start, end)
    return [m for m in mentions if start <= m.start < end]


def last_person_before(mentions: list[Mention], offset: int) -> str | None:
    """The person most recently named before `offset`: who a pronoun there stands for."""
    return last_before(mentions, offset, ("person",))


def last_before(mentions: list[Mention], offset: int, kinds: tuple[str, ...]) -> str | None:
    """The actor of one of `kinds` most recently named before `offset`."""
    stop = bisect_left(mentions.starts, offset) if isinstance(mentions, Mentions) else len(mentions)
    for i in range(stop - 1, -1, -1):
        mention = mentions[i]
        if mention.kind in kinds and mention.end <= offset:
            return mention.name
    return None
