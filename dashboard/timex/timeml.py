"""TimeML output: the text with inline TIMEX3 tags.

>>> from dashboard.timex import tag
>>> to_timeml("Rates rose on Jan. 9 & fell.", tag("Rates rose on Jan. 9 & fell.", "2025-02-19"))
'Rates rose on <TIMEX3 tid="t1" type="DATE" value="2025-01-09">Jan. 9</TIMEX3> &amp; fell.'
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from dashboard.timex.model import Timex


def to_timeml(text: str, timexes: Iterable[Timex]) -> str:
    """`text` XML-escaped, each expression wrapped in a numbered TIMEX3 element."""
    out: list[str] = []
    pos = 0
    n = 0
    for t in sorted(timexes, key=lambda t: (t.start, t.end)):
        if t.start < pos or t.end > len(text) or t.start >= t.end:
            continue
        n += 1
        attrs = f"tid={quoteattr(f't{n}')} type={quoteattr(t.type)} value={quoteattr(t.value)}"
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        out.append(escape(text[pos : t.start]))
        out.append(f"<TIMEX3 {attrs}>{escape(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    out.append(escape(text[pos:]))
    return "".join(out)
