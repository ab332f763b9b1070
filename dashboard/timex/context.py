"""The document context of resolution: the DCT, the tense around an expression, the last date.

>>> import datetime as dt
>>> c = Context("He said Friday that talks will resume Monday.", dt.date(2025, 2, 19))
>>> c.direction(8, 14), c.direction(38, 44)
(-1, 1)
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from dashboard.timex.compiled import kept
from dashboard.timex.tense import WEAK, cues, reports
from dashboard.vocab import abbreviations

_ABBREVIATIONS = abbreviations()
_NOT_AFTER = "".join(
    f"(?<!\\b(?:{'|'.join(re.escape(a) for a in _ABBREVIATIONS if len(a) == n)})\\.)"
    for n in sorted({len(a) for a in _ABBREVIATIONS})
)
"""One look-behind per abbreviation length (a look-behind must have a fixed width)."""
_CLOSE = r"['\")\]]*\s+(?=[\"'(\[]?[A-Z0-9])"
_SENT_END = kept(
    rf"[.!?\n](?:(?<=[!?]){_CLOSE}|(?<=\.){_NOT_AFTER}{_CLOSE}|(?<=\n)\s*\n)"
)
"""A sentence end; it opens with a plain character set so the engine can skip ahead quickly."""


_DAY = kept(r"\d{4}-\d\d-\d\d")
_QUOTE_OPENS = kept("[\"\u201c:]")
"""A quotation mark or colon: what opens a quoted speech."""
_QUOTE_CLOSES = kept(",?[\"\u201d]|''")
"""What closes a quoted speech."""

DEFAULT_DIRECTION = 0
"""The direction when no tense cue is near: 0 lets callers pick the nearest date."""

CLAUSE_PENALTY = 40
"""Extra distance for a cue in another clause (a comma or semicolon in between)."""

CUE_WINDOW = 120
"""How far (in characters) around an expression tense cues are looked for."""


class Context:
    """What resolution needs to know: the DCT, sentence bounds, tense cues, the last date."""

    def __init__(self, text: str, dct: dt.date) -> None:
        self.text = text
        self.dct = dct
        self.last: str | None = None
        self.last_at = 0
        self.last_past: str | None = None
        """The last day the text gave that is not after the DCT (a clock time told in the past
        tense after a date still to come belongs to it)."""
        self.clock: str | None = None
        """The last clock time the text gave ("2024-03-26T01:28"), which "an hour later" counts
        from."""
        self.quarter: str | None = None
        self.quarter_at = 0
        self._cues: dict[int, list[tuple[int, int]]] = {}

    @functools.cached_property
    def bounds(self) -> list[int]:
        """The start offsets of the sentences, found the first time they are needed."""
        return [0] + [m.end() for m in _SENT_END.finditer(self.text)]

    def sentence(self, pos: int) -> int:
        """The index of the sentence holding offset `pos`."""
        return bisect.bisect_right(self.bounds, pos) - 1

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The (start, end) offsets of the sentence holding `pos`."""
        i = self.sentence(pos)
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return self.bounds[i], end

    def _sentence_cues(self, pos: int) -> list[tuple[int, int]]:
        """The tense cues of the sentence holding `pos`, found once per sentence."""
        i = self.sentence(pos)
        found = self._cues.get(i)
        if found is None:
            found = self._cues[i] = cues(self.text, *self.sentence_span(pos))
        return found

    def speech_day(self, start: int) -> dt.date | None:
        """The day a reported speech was given, when the sentence of `start` reports one before
        it ("Officials said Sunday the road would stay closed until Monday"): a day earlier
        than the DCT, named in the same sentence after a reporting verb. Else None."""
        if not self.last or not _DAY.fullmatch(self.last):
            return None
        if self.sentence(self.last_at) != self.sentence(start):
            return None
        day = dt.date.fromisoformat(self.last)
        lo = self.sentence_span(start)[0]
        if day >= self.dct or not reports(self.text, lo, self.last_at + 12):
            return None
        return day

    def quoted_day(self, start: int) -> dt.date | None:
        """The day of a speech quoted at `start` ('The governor said Monday: "Today we
        mourn."'): `speech_day`, when a quotation mark or colon opens between the two."""
        said = self.speech_day(start)
        if said is None or not _QUOTE_OPENS.search(self.text, self.last_at, start):
            return None
        return said

    def speech_after(self, end: int, found: list) -> dt.date | None:
        """The day of a speech whose quotation holds offset `end` and whose speaker and day
        follow it in the sentence ('"Today is a dark day," the mayor said on Tuesday.'): the
        first day among the expressions `found` (Timex) after the closing quotation mark,
        earlier than the DCT, with a reporting verb before it. Else None."""
        lo, hi = self.sentence_span(end)
        if not _QUOTE_OPENS.search(self.text, lo, end):
            return None
        close = _QUOTE_CLOSES.search(self.text, end, hi)
        if close is None:
            return None
        for timex in found:
            if close.end() <= timex.start < hi and _DAY.fullmatch(timex.value[:10]) and (
                    timex.value[10:] in ("", "TMO", "TAF", "TEV", "TNI")):
                day = dt.date.fromisoformat(timex.value[:10])
                if day < self.dct and reports(self.text, close.end(), timex.start):
                    return day
                return None
        return None

    def direction(self, start: int, end: int) -> int:
        """+1 when the expression at start..end looks forward in time, else -1 (news default).

        The nearest tense cue decides; a weak cue ("until", "by", "due") before the expression
        decides only where the sentence has no other cue near it.
        """
        best, best_d = DEFAULT_DIRECTION, 10**9
        weak = DEFAULT_DIRECTION
        for off, sign in self._sentence_cues(start):
            if start <= off < end or off < start - CUE_WINDOW or off >= end + CUE_WINDOW:
                continue
            if sign == WEAK:
                if off < start:  # "the Tuesday deadline" says nothing of which Tuesday
                    weak = 1
                continue
            d = start - off if off < start else (off - end) * 2 + 1
            gap = self.text[off:start] if off < start else self.text[end:off]
            if "," in gap or ";" in gap:
                d += CLAUSE_PENALTY
            if d < best_d:
                best, best_d = sign, d
        return best if best_d < 10**9 else weak
