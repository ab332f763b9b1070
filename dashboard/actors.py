"""Actors: find people, organisations, countries and media in a text, one canonical name each.

Known actors come from a gazetteer (the package's general one plus the story's own
`seeds/actors.csv`); people are also found by their titles ("President Donald Trump"), ages
("Ri, 26,", "21-year-old Baek") and phrases like "his surname Ri". Later mentions by surname
("Trump") map to the full name.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

GAZETTEER = Path(__file__).with_name("gazetteer.csv")
TITLES = (
    "President|Vice President|Prime Minister|Foreign Minister|Defense Minister|Defence Minister|"
    "Minister|Ambassador|Spokesperson|Spokesman|Spokeswoman|spokesperson|spokesman|spokeswoman|"
    "Chairman|Chairwoman|Secretary|Envoy|Commander|General|Gen\\.|Lt\\.|Col\\.|Sgt\\.|Capt\\.|"
    "Maj\\.|Cpl\\.|Pvt\\.|Colonel|Sergeant|Captain|Major|Senator|Sen\\.|Rep\\.|Governor|Gov\\.|"
    "Mayor|Chancellor|King|Queen|Pope|Director|Chief|Leader|leader|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|"
    "Professor|Prof\\.|lawmaker|Lawmaker|analyst|researcher|professor|official|soldier|defector"
)
NAME = r"(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)){0,2}"
NOT_NAMES = {
    "The", "A", "An", "He", "She", "They", "It", "This", "That", "In", "On", "At", "And", "But",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "North", "South", "East", "West", "If", "When", "While", "After", "Before",
    "Ukrainian", "Russian", "Korean", "American", "Chinese", "Japanese", "British", "French",
    "German", "Polish", "Belarusian", "Iranian", "Israeli", "Palestinian", "Syrian", "Turkish",
    "Indian", "European", "Western", "Eastern", "Soviet", "U.S.", "UN", "NATO",
}  # fmt: skip
PERSON_PATTERNS = (
    re.compile(r"\b(?:surname|named|identified as|nicknamed)\s+(?P<name>" + NAME + r")"),
    re.compile(r"\b(?P<age>\d{1,2})-year-old\s+(?P<name>" + NAME + r")\b"),
    re.compile(r"(?<![\w,] )\b(?P<name>" + NAME + r"),\s+(?P<age>\d{1,2}),"),
)
ROLE_BEFORE = re.compile(
    r"(?:[Aa]n?|[Aa]nother|[Tt]he)\s+((?:[A-Z][\w-]*\s+){0,2}(?:soldier|officer|defector|prisoner|"
    r"worker|student|civilian|journalist|activist|fighter|man|woman))\b[^.]{0,60}$"
)
ROLE_AFTER = re.compile(r",?\s+(?:another|a|the)\s+((?:[\w-]+\s+){0,2}soldier)\b")


@lru_cache(maxsize=8)
def _titled_person(places: tuple[str, ...]) -> re.Pattern:
    """Title, an optional "to/of PLACE" with a known place, then a name."""
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) or "(?!x)x"
    return re.compile(
        r"\b(?P<desc>(?:(?:(?:[A-Z]\.){2,3}|[A-Z][\w'-]*|of|the|and|to)[ \t]+){0,6}?"
        r"(?:" + TITLES + r"))"
        r"(?:\s+(?:to|of)\s+(?:the\s+)?(?P<place>" + place + r"))?"
        r"\s+(?P<name>" + NAME + r")(?='s\b|\b)"
    )


GOVERNMENT = re.compile(
    r"\b(?P<adj>South Korean|North Korean|Russian|Ukrainian|American|Chinese|Japanese|U\.S\.)\s+"
    r"(?P<noun>government|authorities|military|army|forces|troops|officials?)\b"
)
DEMONYMS = {
    "South Korean": "South Korea", "North Korean": "North Korea", "Russian": "Russia",
    "Ukrainian": "Ukraine", "American": "United States", "U.S.": "United States",
    "Chinese": "China", "Japanese": "Japan",
}  # fmt: skip
ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w'-]*\s+){0,4}(?:Service|Ministry|Agency|Council|Committee|Office|Command"
    r"|Department|Bureau|Parliament|Assembly|Directorate|Guard|Commission|Institute)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3})?"
)
"""Organisations named by a head word: "Security Service of Ukraine", "Defense Ministry"."""
DEFINITE = re.compile(
    r"\b[Tt]he (agency|ministry|service|government|newspaper|paper|broadcaster|military|army)\b"
)
LOCATIVE = re.compile(r"\b(?:in|at|near|inside|across|into|from|to)\s+(?:the\s+)?$")
"""A country named after one of these words is a place in the sentence, not an actor."""


@dataclass
class Actor:
    """An actor with one canonical name, its kind, other names and a short description."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""


@dataclass(frozen=True)
class Mention:
    """Where an actor is named in the text."""

    start: int
    end: int
    name: str
    kind: str


def load_gazetteer(path: str | Path) -> list[Actor]:
    """Actors from a CSV with columns name, kind, aliases (`; `-separated), description."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            Actor(
                name=row["name"].strip(),
                kind=row["kind"].strip(),
                aliases=[a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()],
                description=(row.get("description") or "").strip(),
            )
            for row in csv.DictReader(handle)
            if (row.get("name") or "").strip()
        ]


@lru_cache(maxsize=1)
def builtin_gazetteer() -> tuple[Actor, ...]:
    """The package's general gazetteer (countries, international bodies, media), read once."""
    return tuple(load_gazetteer(GAZETTEER))


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern for a set of names, longest first, whole words only."""
    if not names:
        return re.compile(r"(?!x)x")
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def _occurrences(text: str, name: str) -> list[tuple[int, int, str]]:
    """Where `name` stands in `text` as whole words (a plain search: no pattern to compile)."""
    found, start = [], text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            found.append((start, end, name))
        start = text.find(name, start + 1)
    return found


class ActorIndex:
    """The actors of one story and a compiled pattern that finds their mentions."""

    def __init__(self, actors: list[Actor]):
        self.actors: dict[str, Actor] = {}
        self._alias: dict[str, str] = {}
        self._base: frozenset[str] = frozenset()
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> Actor:
        """Register an actor (or merge its aliases into the one already known by its name)."""
        known = self.actors.get(self._alias.get(actor.name, actor.name))
        if known:
            for alias in [actor.name, *actor.aliases]:
                if alias != known.name and alias not in known.aliases:
                    known.aliases.append(alias)
                    self._alias.setdefault(alias, known.name)
            known.description = known.description or actor.description
            return known
        self.actors[actor.name] = Actor(actor.name, actor.kind, list(actor.aliases),
                                        actor.description)
        for alias in [actor.name, *actor.aliases]:
            self._alias.setdefault(alias, actor.name)
        return self.actors[actor.name]

    def names(self, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """Every name and alias of the actors of these kinds."""
        return tuple(n for n, c in self._alias.items() if self.actors[c].kind in kinds)

    def canonical(self, name: str) -> str | None:
        """The canonical name for `name`, if it is a known name or alias."""
        return self._alias.get(name)

    def freeze_base(self) -> None:
        """Mark the names known so far (the gazetteers) as the shared base: their pattern is
        compiled once per process, and only names added later are compiled per article."""
        self._base = frozenset(self._alias)

    def mentions(self, text: str) -> list[Mention]:
        """Every mention of a known actor in `text`, longest names first where they overlap."""
        base = self._base
        extra = tuple(sorted(n for n in self._alias if n not in base))
        hits = [(m.start(), m.end(), m.group())
                for m in _names_pattern(tuple(sorted(base))).finditer(text)]
        hits += [hit for name in extra for hit in _occurrences(text, name)]
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        found, reached = [], 0
        for start, end, alias in hits:
            if start < reached:
                continue
            reached = end
            name = self._alias[alias]
            kind = self.actors[name].kind
            if kind == "country" and LOCATIVE.search(text, max(0, start - 8), start):
                continue
            found.append(Mention(start, end, name, kind))
        return self._with_definites(text, found)

    def _with_definites(self, text: str, found: list[Mention]) -> list[Mention]:
        """Add mentions like "the agency": the last organisation named before whose names
        contain that noun."""
        extra = []
        for match in DEFINITE.finditer(text):
            noun = match.group(1).lower()
            for mention in reversed([m for m in found if m.end <= match.start()]):
                actor = self.actors[mention.name]
                names = " ".join([actor.name, *actor.aliases, actor.description]).lower()
                if actor.kind in ("organisation", "media") and noun in names:
                    extra.append(Mention(match.start(), match.end(), actor.name, actor.kind))
                    break
        return sorted([*found, *extra], key=lambda m: m.start) if extra else found


def story_index(text: str, gazetteers: list[Actor]) -> ActorIndex:
    """An ActorIndex for one article: the gazetteers plus the people and governments it names."""
    index = ActorIndex([*builtin_gazetteer(), *gazetteers])
    index.freeze_base()
    for match in GOVERNMENT.finditer(text):
        country = DEMONYMS[match["adj"]]
        if match["noun"] == "government" and not index.canonical(match.group()):
            index.add(Actor(f"Government of {country}", "organisation", [match.group()]))
    for match in ORGANISATION.finditer(text):
        name = re.sub(r"^(?:The|A|An|In|On|At|But|And|When|While)\s+", "", match.group())
        name = re.sub(r"^(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*'s\s+", "", name)
        if len(name.split()) > 1 and not index.canonical(name):
            index.add(Actor(name, "organisation"))
    for person in find_people(text, index):
        index.add(person)
    return index


def find_people(text: str, index: ActorIndex) -> list[Actor]:
    """People named in `text` with a title, an age or an introducing phrase, in text order."""
    patterns = (_titled_person(index.names(("country", "organisation"))), *PERSON_PATTERNS)
    hits = sorted(
        ((m.start("name"), m) for pattern in patterns for m in pattern.finditer(text)),
        key=lambda hit: hit[0],
    )
    found: dict[str, Actor] = {}
    facts: dict[str, dict[str, str]] = {}
    for _, match in hits:
        name = _clean_name(match["name"])
        if not name or index.canonical(name) or name.split()[0] in NOT_NAMES:
            continue
        canonical = _existing_person(name, found)
        if canonical is None:
            aliases = [name.split()[-1]] if len(name.split()) == 2 and "-" not in name else []
            found[name] = Actor(name, "person", aliases)
            canonical = name
        elif len(name) > len(canonical):
            actor = found.pop(canonical)
            actor.aliases.append(actor.name)
            actor.name, found[name] = name, actor
            facts[name] = facts.pop(canonical, {})
            canonical = name
        for key, value in _person_facts(text, match).items():
            facts.setdefault(canonical, {}).setdefault(key, value)
    for name, actor in found.items():
        actor.description = _description(facts.get(name, {}))
    return list(found.values())


def _clean_name(name: str) -> str:
    words = name.split()
    while words and words[-1] in NOT_NAMES:
        words.pop()
    return " ".join(words)


def _existing_person(name: str, found: dict[str, Actor]) -> str | None:
    """The known person `name` refers to: same name, or one is the other's surname."""
    for known, actor in found.items():
        if name == known or name in actor.aliases:
            return known
        if name.split()[-1] == known and len(name.split()) > 1:
            return known
    return None


def _person_facts(text: str, match: re.Match) -> dict[str, str]:
    """What the words around one mention say of a person: title, age, role."""
    groups = match.groupdict()
    facts = {}
    if groups.get("desc"):
        title = groups["desc"].strip()
        if groups.get("place"):
            title += " " + text[match.end("desc") : match.end("place")].strip()
        facts["title"] = title
    age = groups.get("age")
    if age is None:
        after = re.match(r",\s+(\d{1,2}),", text[match.end("name") :])
        age = after.group(1) if after else None
    if age:
        facts["age"] = age
    role = ROLE_BEFORE.search(text[max(0, match.start() - 120) : match.start("name")])
    if not role:
        role = ROLE_AFTER.match(text[match.end() :])
    if role:
        facts["role"] = role.group(1)
    return facts


def _description(facts: dict[str, str]) -> str:
    """A short description: the title, or "26-year-old North Korean soldier"."""
    if "title" in facts:
        return facts["title"]
    age, role = facts.get("age"), facts.get("role", "")
    if age:
        return f"{age}-year-old {role}".strip() if role else f"aged {age}"
    return role


def last_person_before(mentions: list[Mention], offset: int) -> str | None:
    """The person most recently named before `offset`: who a pronoun there stands for."""
    return last_before(mentions, offset, ("person",))


def last_before(mentions: list[Mention], offset: int, kinds: tuple[str, ...]) -> str | None:
    """The actor of one of `kinds` most recently named before `offset`."""
    found = [m for m in mentions if m.kind in kinds and m.end <= offset]
    return found[-1].name if found else None



class Roster:
    """The story's actors across articles: one canonical name per actor.

    A person named "Trump" in one article and "Donald Trump" in another, or "Zelenskyy" and
    "Zelenskiy" with the same first name, is one person, under the longest name seen.
    """

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.renames: dict[str, str] = {}
        self._by_alias: dict[str, str] = {}
        self._by_first: dict[str, set[str]] = {}

    def merge(self, actor: Actor) -> str:
        """Add one article's actor; returns its canonical name."""
        known = self._find(actor)
        if known is None:
            self._register(Actor(actor.name, actor.kind, list(actor.aliases), actor.description))
            return actor.name
        entry = self.actors[known]
        if actor.kind == "person" and len(actor.name) > len(known):
            self._rename(known, actor.name)
            entry, known = self.actors[actor.name], actor.name
        for alias in [actor.name, *actor.aliases]:
            if alias != entry.name and alias not in entry.aliases:
                entry.aliases.append(alias)
                self._by_alias.setdefault(alias, entry.name)
        entry.description = entry.description or actor.description
        if actor.name != known:
            self.renames[actor.name] = known
        return known

    def canonical(self, name: str) -> str:
        """The canonical name a name was merged into (itself if none)."""
        return canonical_name(self.renames, name)

    def _find(self, actor: Actor) -> str | None:
        if actor.name in self.actors:
            return actor.name
        if actor.kind != "person":
            return None
        for name in [actor.name, *actor.aliases]:
            known = self._by_alias.get(name) or (name if name in self.actors else None)
            if known and self.actors[known].kind == "person":
                return known
        first = actor.name.split()[0]
        for name in sorted(self._by_first.get(first, ())):
            if spelt_alike(name, actor.name):
                return name
        return None

    def _register(self, actor: Actor) -> None:
        self.actors[actor.name] = actor
        for alias in actor.aliases:
            self._by_alias.setdefault(alias, actor.name)
        if actor.kind == "person":
            self._by_first.setdefault(actor.name.split()[0], set()).add(actor.name)

    def _rename(self, old: str, new: str) -> None:
        actor = self.actors.pop(old)
        self._by_first.get(old.split()[0], set()).discard(old)
        actor.aliases = [a for a in actor.aliases if a != new]
        if old not in actor.aliases:
            actor.aliases.append(old)
        actor.name = new
        for alias, target in self._by_alias.items():
            if target == old:
                self._by_alias[alias] = new
        self._register(actor)
        self.renames[old] = new


def canonical_name(renames: dict[str, str], name: str) -> str:
    """The name `name` ends up as after `renames` (a `Roster`'s), itself if none.

    >>> canonical_name({"Trump": "Donald Trump"}, "Trump")
    'Donald Trump'
    """
    seen = set()
    while name in renames and name not in seen:
        seen.add(name)
        name = renames[name]
    return name


def spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one full name: same first name, surnames nearly alike.

    >>> spelt_alike("Volodymyr Zelenskyy", "Volodymyr Zelenskiy")
    True
    """
    first_a, *rest_a = a.split()
    first_b, *rest_b = b.split()
    if first_a != first_b or not rest_a or not rest_b:
        return False
    return SequenceMatcher(None, " ".join(rest_a), " ".join(rest_b)).ratio() >= 0.8
