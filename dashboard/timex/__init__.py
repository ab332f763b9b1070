"""Temporal tagger: find time expressions in English news and normalise them to TIMEX3.

>>> [(t.text, t.value, t.precision) for t in tag("Talks resumed on Jan. 9.", "2025-02-19")]
[('Jan. 9', '2025-01-09', 'day')]
"""

from dashboard.timex.model import Timex
from dashboard.timex.tagger import tag

__all__ = ["Timex", "tag"]
