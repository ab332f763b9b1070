"""Property tests: the tagger never raises and always returns valid, ordered, disjoint spans."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.timex import tag
from dashboard.timex.ranges import value_range
from dashboard.timex.timeml import to_timeml

WORDS = [
    "Jan.", "9", "2025", "March", "may", "Friday", "last", "next", "week", "year", "ago", "the",
    "early", "mid-", "1990s", "'90s", "3", "p.m.", "EST", "quarter", "third", "fiscal", "Q3",
    "two", "days", "later", "every", "daily", "now", "recently", ",", ".", "-", "/", "26-year-old",
    "3-1", "\u00e9t\u00e9", "\u2019", "12:30", "tonight", "summer", "of", "in", "on", "since",
    "\n", "  ", "twenty-one", "half", "1/9/2025", "2024-10-01", "century", "20th", "Christmas",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.text(alphabet="0123456789/-:., ", max_size=120),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)
dcts = st.one_of(
    st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9998, 12, 24)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(str),
)


def _check(text: str, timexes) -> None:
    last = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        last = t.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, dcts)
def test_never_raises_and_spans_are_valid(text, dct):
    timexes = tag(text, dct)
    _check(text, timexes)
    to_timeml(text, timexes)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=12))
def test_a_dct_that_is_not_a_date_is_refused_by_name(dct):
    try:
        tag("She said on Wednesday that it would act.", dct)
    except ValueError as error:
        assert repr(dct) in str(error)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join))
def test_ranges_agree_with_values(text):
    for t in tag(text, "2025-02-19"):
        assert (t.precision, t.date, t.date_end) == value_range(t.value, t.type)
        if t.date:
            assert t.date <= t.date_end


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=50))
def test_value_range_never_raises(value):
    value_range(value, "DATE")


def test_large_input_is_fast_and_valid():
    para = (
        "On Jan. 9, 2025, the council said it will meet next Friday at 3 p.m. EST; two days later"
        " the mayor, 26, said sales fell 3-1 in the third quarter, 80 percent below 1999 levels. "
    )
    text = para * 2000
    start = time.perf_counter()
    timexes = tag(text, "2025-02-19")
    elapsed = time.perf_counter() - start
    _check(text, timexes)
    assert len(timexes) >= 2000 * 4  # "next Friday at 3 p.m. EST" is one
    assert elapsed < 20


def test_non_string_input_gives_nothing():
    assert tag(None, "2025-02-19") == []  # type: ignore[arg-type]
    assert tag("", "2025-02-19") == []


@pytest.mark.parametrize("text", ["", "Nothing here.", None])
def test_a_bad_dct_is_an_error_whatever_the_text(text):
    with pytest.raises(ValueError, match="'soon'"):
        tag(text, "soon")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["The talks resumed on FRİDAY.", "They met on FRİDAY EVENİNG.",
                                  "It ſnowed on Monday.", "Talks end on Frıday."])
def test_letters_that_fold_to_ascii_ones_are_read_as_them(text):
    """A dotted capital I, a dotless i, a long s or the Kelvin sign matches a pattern's letter
    when case is ignored; the expression is read as that letter and kept as written."""
    found = tag(text, "2024-06-12")
    assert all(text[t.start : t.end] == t.text for t in found)
    if "FR" in text:
        assert found and found[0].date == "2024-06-07"
