"""Event kinds found for many sentences at once (`events.kind_spans_of`) are exactly what each
kind's pattern finds in each sentence, whatever words the patterns learn later: the sentences
are drawn from the patterns themselves (so every alternative's first word is tried), mixed with
other text, in either case, some of them not ASCII."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extract.events import KIND_PATTERNS, KINDS, kind_spans_of

PIECES = st.one_of(
    *(st.from_regex(pattern, fullmatch=True) for _, pattern in KINDS),
    st.text(alphabet="abdeginorst .,;'-é", max_size=12),
)


def one_by_one(texts: list[str]) -> list[tuple]:
    return [tuple([m.span() for m in pattern.finditer(text)] for _, pattern in KIND_PATTERNS)
            for text in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.lists(st.booleans(), min_size=6,
                                                          max_size=6))
def test_kinds_found_together_are_the_kinds_found_one_by_one(pieces, upper):
    texts = [" ".join(pieces[: i + 1]) for i in range(len(pieces))]
    texts = [text.upper() if up else text for text, up in zip(texts, upper, strict=False)]
    assert kind_spans_of(texts) == one_by_one(texts)
