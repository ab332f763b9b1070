"""The document context of resolution: the DCT, the tense around an expression, the last date.

>>> import datetime as dt
>>> c = Context("He said Friday that talks will resume Monday.", dt.date(2025, 2, 19))
>>> c.direction(8, 14), c.direction(38, 44)
(-1, 1)
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

_FUTURE = (
    r"will|wo|won't|'ll|shall|going\s+to|plans?\s+(?:to|an?)|planning\s+to|scheduled|slated|due\s+to"
    r"|expects?|expected|intends?\s+to|aims?\s+to|set\s+to|is\s+to|are\s+to|next(?!\s+to)|upcoming"
    r"|coming|would|hopes?\s+to|ahead|effective|to\s+be|soon|until|till|as\s+soon\s+as"
    r"|as\s+early\s+as|deadline|planned|planning|meets?|begins?|starts?|opens?|resumes?"
    r"|arrives?|visits?|expires?|takes\s+place|take\s+place|votes?|convenes?"
)
_PAST = (
    r"said|says|was|were|had|did|has|have|been|ago|last|earlier|previously|since|reported"
    r"|told|announced|added|noted|\w+(?<!e)ed"
)
_CUE = re.compile(rf"(?i)\b(?:(?P<f>{_FUTURE})|(?P<p>{_PAST}))\b")
_SENT_END = re.compile(r"[.!?]['\")\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")


CUE_WINDOW = 120
"""How far (in characters) around an expression tense cues are looked for."""


class Context:
    """What resolution needs to know: the DCT, sentence bounds, tense cues, the last date."""

    def __init__(self, text: str, dct: dt.date) -> None:
        self.text = text
        self.dct = dct
        self.bounds = [0] + [m.end() for m in _SENT_END.finditer(text)]
        self.last: str | None = None
        self.last_sentence = -1
        self.quarter: str | None = None
        self.quarter_sentence = -1

    def sentence(self, pos: int) -> int:
        """The index of the sentence holding offset `pos`."""
        return bisect.bisect_right(self.bounds, pos) - 1

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The (start, end) offsets of the sentence holding `pos`."""
        i = self.sentence(pos)
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return self.bounds[i], end

    def direction(self, start: int, end: int) -> int:
        """+1 when the expression at start..end looks forward in time, else -1 (news default)."""
        best, best_d = -1, 10**9
        lo, hi = self.sentence_span(start)
        for m in _CUE.finditer(self.text, max(lo, start - CUE_WINDOW), min(hi, end + CUE_WINDOW)):
            off, sign = m.start(), (1 if m.group("f") else -1)
            if start <= off < end:
                continue
            d = start - off if off < start else (off - end) * 2 + 1
            if d < best_d:
                best, best_d = sign, d
        return best
