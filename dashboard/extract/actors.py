"""Actors: find people, organisations, countries and media in a text, one canonical name each.

Known actors come from a gazetteer (the package's general one plus the story's own
`seeds/actors.csv`); people are also found by their titles ("President Donald Trump"), ages
("Ri, 26,", "21-year-old Baek") and phrases like "his surname Ri". Later mentions by surname
("Trump") map to the full name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.extract.fast_search import scan, scan_before
from dashboard.extract.gazetteer import (
    Actor,
    builtin_gazetteer,
    names_pattern,
    occurrences,
)
from dashboard.extract.mentions import Mention, Mentions
from dashboard.vocab import (
    demonyms,
    months,
    name_stopwords,
    organisation_heads,
    role_nouns,
    titles,
    weekdays,
)

TITLES = "|".join(re.escape(title) for title in titles())
"""Titles before a name ("President", "Gov."), in `dashboard.vocab.titles` order."""
NAME = r"(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.)){0,2}"
NOT_NAMES = {
    *name_stopwords(), *demonyms(), *(w.name for w in weekdays()),
    *(name for m in months() for name in (m.name, *(a.capitalize() for a in m.abbreviations))),
}
"""Capitalised words that never begin (or end) a person's name: function words, calendar names
and demonyms."""
PERSON_PATTERNS = (
    (re.compile(r"\b(?:surname|named|identified as|nicknamed)\s+(?P<name>" + NAME + r")"), None),
    (re.compile(r"\b(?P<age>\d{1,2})-year-old\s+(?P<name>" + NAME + r")\b"),
     re.compile(r"\d-year-old\s")),
    (re.compile(r"(?<![\w,] )\b(?P<name>" + NAME + r"),\s+(?P<age>\d{1,2}),"),
     re.compile(r",\s+\d{1,2},")),
)
"""Patterns that introduce a person, each with a quick test a text must pass for it to match
(None: always try): most texts have no "NN-year-old" or ", NN," so their scan is skipped."""
ROLES = "|".join(re.escape(noun) for noun in role_nouns())
ROLE_BEFORE = re.compile(
    r"(?:[Aa]n?|[Aa]nother|[Tt]he)\s+((?:[A-Z][\w-]*\s+){0,2}(?:" + ROLES + r"))\b[^.]{0,60}$"
)
AGE_AFTER = re.compile(r",\s+(\d{1,2}),")
ROLE_AFTER = re.compile(r",?\s+(?:another|a|the)\s+((?:[\w-]+\s+){0,2}(?:" + ROLES + r"))\b")


TITLE_WORDS = list(titles())


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


DEMONYMS = demonyms()
"""Demonyms to their country ("Haitian": "Haiti")."""
GOVERNMENT = re.compile(
    r"\b(?P<adj>" + "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True))
    + r")\s+government\b"
)
"""A country's government named by its demonym: an actor when the country is a known one."""
HEADS = "|".join(organisation_heads())
ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w'-]*\s+){0,4}(?:" + HEADS + r")"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3})?"
)
"""Organisations named by a head word: "Civil Service of Ruritania", "Transport Ministry"."""
DEFINITE = re.compile(
    r"\b[Tt]he (agency|ministry|service|government|newspaper|paper|broadcaster|military|army)\b"
)
_SCANNED = frozenset({GOVERNMENT, DEFINITE, PERSON_PATTERNS[0][0]})
"""Patterns found faster with `fast_search.scan` than with `finditer`."""
_BEFORE_TITLE = re.compile(r"(?:[ \t]+[\w'.\-]+){0,6}")
_BEFORE_HEAD = re.compile(r"(?:\s+[\w'\-]+){0,4}")
"""Read backwards from a title or an organisation's head word: as far as the words that
describe it (`_titled_person`, `ORGANISATION`) can reach."""
_TO_OF = re.compile(r"(?:to|of)(?<=\s..)(\s+)(?:the\s+)?")
"""Where a title's place may start: after "to" or "of" (and "the"), as `_titled_person` reads."""
LOCATIVE = re.compile(r"\b(?:in|at|near|inside|across|into|from|to)\s+(?:the\s+)?$")
"""A country named after one of these words is a place in the sentence, not an actor."""


class ActorIndex:
    """The actors of one story and a compiled pattern that finds their mentions."""

    def __init__(self, actors: list[Actor]):
        self.actors: dict[str, Actor] = {}
        self._alias: dict[str, str] = {}
        self._base: frozenset[str] = frozenset()
        self._base_names: tuple[str, ...] = ()
        for actor in actors:
            self.add(actor)

    def copy(self) -> ActorIndex:
        """An index with the same actors, to add to without changing this one."""
        copy = ActorIndex([])
        copy.actors = {name: Actor(a.name, a.kind, list(a.aliases), a.description)
                       for name, a in self.actors.items()}
        copy._alias = dict(self._alias)
        copy._base, copy._base_names = self._base, self._base_names
        return copy

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
        self._base_names = tuple(sorted(self._base))

    def mentions(self, text: str) -> Mentions:
        """Every mention of a known actor in `text`, longest names first where they overlap."""
        base = self._base
        extra = tuple(sorted(n for n in self._alias if n not in base))
        hits = [(m.start(), m.end(), m.group())
                for m in scan(names_pattern(self._base_names), text)]
        hits += [hit for name in extra for hit in occurrences(text, name)]
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
        return Mentions(self._with_definites(text, found))

    def _with_definites(self, text: str, found: list[Mention]) -> list[Mention]:
        """Add mentions like "the agency": the last organisation named before whose names
        contain that noun."""
        extra = []
        for match in scan(DEFINITE, text):
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
    index = _base_index(tuple((a.name, a.kind, tuple(a.aliases), a.description)
                              for a in gazetteers)).copy()
    for match in scan(GOVERNMENT, text):
        country = index.canonical(DEMONYMS[match["adj"]])
        if (country and index.actors[country].kind == "country"
                and not index.canonical(match.group())):
            index.add(Actor(f"Government of {country}", "organisation", [match.group()]))
    for match in scan_before(ORGANISATION, text, HEADS.split("|"), _BEFORE_HEAD):
        name = re.sub(r"^(?:The|A|An|In|On|At|But|And|When|While)\s+", "", match.group())
        name = re.sub(r"^(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*'s\s+", "", name)
        if len(name.split()) > 1 and not index.canonical(name):
            index.add(Actor(name, "organisation"))
    for person in find_people(text, index):
        index.add(person)
    return index


@lru_cache(maxsize=8)
def _base_index(gazetteer: tuple[tuple, ...]) -> ActorIndex:
    """The index of the general gazetteer and a story's own (as tuples), its base frozen:
    made once, copied for each article."""
    actors = [Actor(name, kind, list(aliases), description)
              for name, kind, aliases, description in gazetteer]
    index = ActorIndex([*builtin_gazetteer(), *actors])
    index.freeze_base()
    return index


def find_people(text: str, index: ActorIndex) -> list[Actor]:
    """People named in `text` with a title, an age or an introducing phrase, in text order."""
    titled = _titled_person(_places_after(text, index.names(("country", "organisation"))))
    matches = list(scan_before(titled, text, TITLE_WORDS, _BEFORE_TITLE))
    for pattern, quick in PERSON_PATTERNS:
        if quick is None or quick.search(text):
            matches += scan(pattern, text) if pattern in _SCANNED else pattern.finditer(text)
    hits = sorted(((m.start("name"), m) for m in matches), key=lambda hit: hit[0])
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


def _places_after(text: str, places: tuple[str, ...]) -> tuple[str, ...]:
    """The `places` that stand right after "to" or "of" (and "the") somewhere in `text` (and any
    that open with a space): the only ones a title's place can match there, so the pattern
    made for them finds the same matches as one made for them all, and is made far less often.

    >>> _places_after("Envoy to the UN Lee, of Chile", ("Chile", "UN", "Peru", " x"))
    ('Chile', 'UN', ' x')
    """
    if "" in places:
        return places  # an empty name matches anywhere (and alone it reads as no place)
    starts = set()
    for match in _TO_OF.finditer(text):
        starts.update((match.end(1), match.end()))
    heads = {text[start : start + n] for start in starts for n in (1, 2)}
    return tuple(p for p in places if p[0].isspace() or (
        p[:2] in heads and any(text.startswith(p, start) for start in starts)))


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
        after = AGE_AFTER.match(text, match.end("name"))
        age = after.group(1) if after else None
    if age:
        facts["age"] = age
    role = ROLE_BEFORE.search(text[max(0, match.start() - 120) : match.start("name")])
    if not role:
        role = ROLE_AFTER.match(text, match.end())
    if role:
        facts["role"] = role.group(1)
    return facts


def _description(facts: dict[str, str]) -> str:
    """A short description: the title, or "46-year-old crane operator"."""
    if "title" in facts:
        return facts["title"]
    age, role = facts.get("age"), facts.get("role", "")
    if age:
        return f"{age}-year-old {role}".strip() if role else f"aged {age}"
    return role
