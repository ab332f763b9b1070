"""The story's roster: one canonical name per actor across all its articles."""

from __future__ import annotations

from difflib import SequenceMatcher

from dashboard.extract.actors import (
    Actor,
    acronym_letters,
    organisation_key,
    other_middles,
    person_key,
    same_ends,
)
from dashboard.extract.attribution import SPEAKER


class Roster:
    """The story's actors across articles: one canonical name per actor.

    A person named "Trump" in one article and "Donald Trump" in another, "John F. Roe" and
    "John Roe Jr.", or "Zelenskyy" and "Zelenskiy" with the same first name, is one person,
    under the longest name seen; a surname alone is the person known by it only when one is,
    and two people who share a surname are never merged. Organisations and places are one
    when their names are alike but for case, "The", a company's ending ("Inc.") or "U.S.".
    """

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.renames: dict[str, str] = {}
        self._by_alias: dict[str, str] = {}
        self._by_first: dict[str, set[str]] = {}
        self._by_person: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._by_key: dict[str, str] = {}
        self._by_letters: dict[str, set[str]] = {}
        self._by_word: dict[str, set[str]] = {}
        self._speakers: set[str] = set()

    def merge(self, actor: Actor) -> str:
        """Add one article's actor; returns its canonical name."""
        if actor.kind == SPEAKER:
            return self._speaker(actor.name)
        known = self._find(actor)
        if known is None:
            self._register(Actor(actor.name, actor.kind, list(actor.aliases), actor.description))
            self._settle(actor.name)
            return actor.name
        entry = self.actors[known]
        initials = (actor.kind == entry.kind == "organisation" and " " not in known
                    and " " in actor.name and acronym_letters(known) == acronym_letters(
                        actor.name))  # a body named by its initials first ("NTSB"): its name
        if (actor.kind == "person" or initials) and len(actor.name) > len(known):
            self._rename(known, actor.name)
            entry, known = self.actors[actor.name], actor.name
        person_as_body = actor.kind == "person" and entry.kind != "person"  # (not "Fire")
        for alias in [actor.name, *([] if person_as_body else actor.aliases)]:
            if alias != entry.name and alias not in entry.aliases:
                entry.aliases.append(alias)
                self._by_alias.setdefault(alias, entry.name)
        entry.description = entry.description or actor.description
        if actor.name != known:
            self.renames[actor.name] = known
        self._settle(known)
        return known

    def _speaker(self, name: str) -> str:
        """A name only known as one that says something ("Whitaker said" in an article that
        never gives his first name): the one person of that surname or body of that name,
        first word ("Goldman" of "Goldman Sachs") or initials ("GPR" of "Great Plains
        Railway") the story has, if one; else kept aside, no actor, until one comes
        (`_settle`)."""
        if name in self.actors:
            return name
        letters = acronym_letters(name) if " " not in name else ""
        found = {n for n in (self._by_surname.get(name, set()) | self._by_word.get(
                     name.lower(), set()) | (self._by_letters.get(letters, set()) if len(
                         letters) > 2 else set())) if n in self.actors and n != name}
        if len(found) != 1:
            self._speakers.add(name)
            return name
        known = found.pop()
        if name not in self.actors[known].aliases:
            self.actors[known].aliases.append(name)
        self.renames[name] = known
        self._speakers.discard(name)
        return known

    def _settle(self, name: str) -> None:
        """The speakers kept aside that an actor just added or renamed may be."""
        if not self._speakers:
            return
        key = person_key(name) if self.actors[name].kind == "person" else organisation_key(name)
        word = (key.split() or [""])[-1 if self.actors[name].kind == "person" else 0].lower()
        letters = acronym_letters(name) if self.actors[name].kind == "organisation" else ""
        for speaker in [s for s in self._speakers if s.lower() == word or (
                len(letters) > 2 and acronym_letters(s) == letters)]:
            self._speaker(speaker)

    def canonical(self, name: str) -> str:
        """The canonical name a name was merged into (itself if none)."""
        return canonical_name(self.renames, name)

    def _find(self, actor: Actor) -> str | None:
        if actor.name in self.actors:
            return actor.name
        if actor.kind != "person":
            for name in [actor.name, *actor.aliases]:
                known = self._by_key.get(organisation_key(name))
                if known and self.actors[known].kind != "person":
                    return known
            letters = acronym_letters(actor.name) if actor.kind == "organisation" else ""
            bodies = {b for b in self._by_letters.get(letters, ()) if b in self.actors}
            named = {b for b in bodies if " " in b}  # (two FHAs named in full: neither)
            if " " not in actor.name:  # initials: the one body named in full with them
                other = named
            else:  # a name in full: the body known by its initials, if no other name has them
                other = set() if named else bodies
            if len(letters) > 2 and len(other) == 1:
                return other.pop()  # "PG&E" and "Pacific Gas and Electric Co.", either order
            return None
        body = self._by_alias.get(actor.name)
        if " " in actor.name and body and self.actors[body].kind != "person":
            return body  # "Cal Fire" after "the Department of Forestry..., known as Cal Fire"
        key = person_key(actor.name)
        if not key:  # only initials ("T."): the same name alone is the same person
            return None
        if key in self._by_person and not other_middles(self._by_person[key], actor.name):
            return self._by_person[key]
        words = key.split()
        if len(words) == 1:  # a surname alone: the one person known by it, if only one
            people = self._by_surname.get(key, set())
            return next(iter(people)) if len(people) == 1 else None
        tail = [name for name in self._by_surname.get(words[-1].lower(), set())
                | self._by_surname.get(words[-1], set())
                if person_key(name).lower().endswith(" " + key.lower())]
        if len(tail) == 1:
            return tail[0]  # "Bin Laden" after "Osama bin Laden"
        alone = self.actors.get(words[-1])
        if (alone and alone.kind == "person" and " " not in alone.name
                and not self._by_surname.get(words[-1], set()) - {alone.name}):
            return alone.name  # "Roe" before, now "Jane Roe"
        for name in sorted(self._by_first.get(words[0], ())):
            if other_middles(name, actor.name):
                continue  # "George W. Roe" and "George H.W. Roe"
            if spelt_alike(name, actor.name) or same_ends(key, person_key(name)):
                return name
        return None

    def _register(self, actor: Actor) -> None:
        self.actors[actor.name] = actor
        for alias in actor.aliases:
            self._by_alias.setdefault(alias, actor.name)
        if actor.kind == "person":
            key = person_key(actor.name)
            if key:
                self._by_person[key] = actor.name
            self._by_first.setdefault(actor.name.split()[0], set()).add(actor.name)
            if " " in key:
                self._by_surname.setdefault(key.split()[-1], set()).add(actor.name)
        else:
            for name in [actor.name, *actor.aliases]:
                self._by_key.setdefault(organisation_key(name), actor.name)
                if organisation_key(name):
                    self._by_word.setdefault(organisation_key(name).split()[0], set()).add(
                        actor.name)
            if actor.kind == "organisation" and len(acronym_letters(actor.name)) > 2:
                self._by_letters.setdefault(acronym_letters(actor.name), set()).add(actor.name)

    def _rename(self, old: str, new: str) -> None:
        actor = self.actors.pop(old)
        self._by_first.get(old.split()[0], set()).discard(old)
        self._by_person.pop(person_key(old), None)
        for people in self._by_surname.values():
            people.discard(old)
        actor.aliases = [a for a in actor.aliases if a != new]
        if old not in actor.aliases:
            actor.aliases.append(old)
        actor.name = new
        for index in (self._by_alias, self._by_key):
            for alias, target in index.items():
                if target == old:
                    index[alias] = new
        for names in (*self._by_word.values(), *self._by_letters.values()):
            if old in names:
                names.discard(old)
                names.add(new)
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
