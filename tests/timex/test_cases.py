"""The temporal tagger `dashboard.timex.tag` beyond its rules' examples: one row per case.

The cases it gets right (sentence, DCT, expression, type, value, mod, time zone) and the traps
where nothing may be tagged are the examples of its rules, in `dashboard/timex/rules.txt`, run
by `test_rule_examples.py`; the conventions they follow are written at the top of that file.
Here: the cases it gets wrong today (xfail, so a fix shows), the mod of an expression, the first
and last day of its value, and the precision of every example. Every sentence was written for
these tables in a news register; none is taken from a corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.timex import tag
from dashboard.timex.rules import with_examples

EXAMPLES = [e for rule in with_examples()[0] for e in rule.examples]

D, T, DUR, S = "DATE", "TIME", "DURATION", "SET"

# (sentence, DCT, expected text, type, value, precision): cases the tagger gets wrong today;
# the cases it gets right are its rules' examples (dashboard/timex/rules.txt)
XFAIL_CASES = [
    pytest.param("At present, the border crossing remains closed.",
                 "2023-07-14", "present", D, "PRESENT_REF", None,
                 marks=pytest.mark.xfail(strict=True, reason="tagged as 'At present'")),
    pytest.param("Officials said a deal could be reached in the near future.",
                 "2025-02-19", "the near future", D, "FUTURE_REF", None,
                 marks=pytest.mark.xfail(strict=True, reason="tagged as 'future' alone")),
]

# (sentence, DCT, expected text, mod) -- reuses sentences of the rules' examples where it can.
MOD_CASES = [
    ("Talks with the creditors stalled late last year.", "2025-02-19", "late last year", "END"),
    ("Regulators could approve the vaccine in early 2023.", "2022-09-01", "early 2023", "START"),
    ("The strike began in mid-January.", "2025-02-19", "mid-January", "MID"),
    ("The company must repay the loan by the end of March.", "2025-02-19", "the end of March",
     "END"),
    ("The insurgency began in late 2019.", "2025-02-19", "late 2019", "END"),
    ("The subsidy was introduced at the beginning of 2024.", "2025-02-19",
     "the beginning of 2024", "START"),
    ("Rents in the capital soared in the mid-1990s.", "2025-02-19", "the mid-1990s", "MID"),
    ("The band rose to fame in the late 1960s.", "1998-03-12", "the late 1960s", "END"),
    ("The agency plans to start hiring early next month.", "2025-02-19", "early next month",
     "START"),
    ("The suspect was questioned for more than three hours.", "2025-02-19",
     "more than three hours", "MORE_THAN"),
    ("The journey from the border took about 40 minutes.", "2025-02-19", "about 40 minutes",
     "APPROX"),
    ("The election campaign will last less than a month.", "2025-02-19", "less than a month",
     "LESS_THAN"),
    ("The former mayor will serve at least five years in prison.", "2024-11-07",
     "at least five years", "EQUAL_OR_MORE"),
    ("Growth slowed late last year as exports weakened.", "2025-02-19", "late last year", "END"),
    # parts of a month bind to the month and become its mod
    ("Ferries were cancelled in the first week of March.", "2025-02-19",
     "the first week of March", "START"),
    ("Prices eased in the second half of January.", "2025-02-19", "the second half of January",
     "END"),
    ("The dam burst in the final days of December 2023.", "2025-02-19",
     "the final days of December 2023", "END"),
    # plain expressions carry no mod
    ("Exports fell sharply last year.", "2025-02-19", "last year", None),
    ("Negotiators first met in Doha on Jan. 9 to discuss the fate of the hostages.",
     "2025-02-19", "Jan. 9", None),
    ("The peace talks lasted three days.", "2025-02-19", "three days", None),
]

# (sentence, DCT, expected text, first ISO day, last ISO day)
RANGE_CASES = [
    ("The union staged a walkout this week.", "2025-02-19", "this week",
     "2025-02-17", "2025-02-23"),
    ("The agency said it would publish the report this week.", "2025-12-29", "this week",
     "2025-12-29", "2026-01-04"),
    ("Sales slipped last quarter, the company said.", "2025-02-19", "last quarter",
     "2024-10-01", "2024-12-31"),
    ("Exports fell sharply last year.", "2025-02-19", "last year", "2024-01-01", "2024-12-31"),
    ("The party dominated national politics in the 1990s.", "2025-02-19", "the 1990s",
     "1990-01-01", "1999-12-31"),
    ("Economic growth slowed in the first half of 2024.", "2025-02-19",
     "the first half of 2024", "2024-01-01", "2024-06-30"),
    ("Hospital admissions have risen this month.", "2025-02-19", "this month",
     "2025-02-01", "2025-02-28"),
    ("Negotiators first met in Doha on Jan. 9 to discuss the fate of the hostages.",
     "2025-02-19", "Jan. 9", "2025-01-09", "2025-01-09"),
    ("It happened in October 2024.", "2025-02-19", "October 2024", "2024-10-01", "2024-10-31"),
    ("It happened in the summer of 2024.", "2025-02-19", "the summer of 2024",
     "2024-06-01", "2024-08-31"),
    ("It happened in the second quarter of 2025.", "2025-02-19", "the second quarter of 2025",
     "2025-04-01", "2025-06-30"),
    ("He left last week.", "2025-02-19", "last week", "2025-02-10", "2025-02-16"),
    ("The peace talks lasted three days.", "2025-02-19", "three days", None, None),
    ("About 300 people are currently being held at the camp.", "2025-02-19", "currently",
     None, None),
    ("The cabinet meets every week to review the crisis.", "2025-02-19", "every week",
     None, None),
]

TYPES = {"DATE", "TIME", "DURATION", "SET"}
PRECISIONS = {"second", "minute", "hour", "day", "week", "month", "quarter", "half", "season",
              "year", "decade", "century", None}


def _values(row) -> tuple:
    """A row's values, whether a plain tuple or a pytest.param."""
    return tuple(row.values) if hasattr(row, "values") else row


def _locate(timexes, sentence, text):
    """The Timex with exactly `text`, else the one overlapping its position the most."""
    for t in timexes:
        if t.text == text:
            return t
    start = sentence.find(text)
    end = start + len(text)
    overlapping = [t for t in timexes if t.start < end and start < t.end]
    if not overlapping:
        return None
    return max(overlapping, key=lambda t: min(end, t.end) - max(start, t.start))


def _describe(timexes):
    return [(t.text, t.type, t.value, t.precision) for t in timexes]


def _ids(rows):
    return [f"{i:03d}-{_values(row)[2]}@{_values(row)[1]}" for i, row in enumerate(rows)]


# --- the tables themselves are well formed (independent of the tagger) -------------------


@pytest.mark.parametrize("rows", [XFAIL_CASES, MOD_CASES, RANGE_CASES],
                         ids=["xfail", "mods", "ranges"])
def test_tables_are_well_formed(rows):
    for row in map(_values, rows):
        sentence, dct, text = row[:3]
        dt.date.fromisoformat(dct)
        assert sentence.count(text) == 1, (sentence, text)


def test_the_examples_are_many_and_consistent():
    rows = [(e.sentence, e.dct, e.text) for e in EXAMPLES]
    assert len(rows) >= 350
    assert len(set(rows)) == len(rows), "an example is there twice"
    for e in EXAMPLES:
        dt.date.fromisoformat(e.dct)
        assert e.sentence.count(e.text) == 1, (e.sentence, e.text)


# --- extent, normalisation and precision -----------------------------------------------


@pytest.mark.parametrize("e", EXAMPLES, ids=[f"{e.rule}:{e.text}@{e.dct}" for e in EXAMPLES])
def test_example_precision(e):
    t = _locate(tag(e.sentence, e.dct), e.sentence, e.text)
    assert t is not None and t.precision in PRECISIONS
    if t.type in ("DURATION", "SET") or t.value.endswith("_REF"):
        assert t.precision is None, t.value


@pytest.mark.parametrize(("sentence", "dct", "text", "typ", "value", "precision"), XFAIL_CASES,
                         ids=_ids(XFAIL_CASES))
def test_case(sentence, dct, text, typ, value, precision):
    timexes = tag(sentence, dct)
    t = _locate(timexes, sentence, text)
    assert t is not None, f"no Timex at {text!r}; got {_describe(timexes)}"
    assert (t.type, t.value, t.precision) == (typ, value, precision), (
        f"{text!r} tagged as {t.text!r}: got {(t.type, t.value, t.precision)}"
    )
    assert t.text == text


@pytest.mark.parametrize(("sentence", "dct", "text", "mod"), MOD_CASES, ids=_ids(MOD_CASES))
def test_mod(sentence, dct, text, mod):
    timexes = tag(sentence, dct)
    t = _locate(timexes, sentence, text)
    assert t is not None, f"no Timex at {text!r}; got {_describe(timexes)}"
    assert t.mod == mod


@pytest.mark.parametrize(("sentence", "dct", "text", "first", "last"), RANGE_CASES,
                         ids=_ids(RANGE_CASES))
def test_date_range(sentence, dct, text, first, last):
    timexes = tag(sentence, dct)
    t = _locate(timexes, sentence, text)
    assert t is not None, f"no Timex at {text!r}; got {_describe(timexes)}"
    assert (t.date, t.date_end) == (first, last)


@pytest.mark.parametrize("sentence,dct", sorted({(e.sentence, e.dct) for e in EXAMPLES}))
def test_offsets_match_text(sentence, dct):
    for t in tag(sentence, dct):
        assert sentence[t.start:t.end] == t.text
