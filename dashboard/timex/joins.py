"""A clock time and the day written next to it are one expression: join them.

"March 26, 2024 at 1:30 a.m.", "May 20, 2024 10:29 AM" and "0900 this morning" are each found
as two expressions, a day and a clock time; TIMEX3 makes them one TIME on that day
(`2024-03-26T01:30`). A clock time already tied to its day by its own rule ("1:30 a.m. on
March 26, 2024", "8 p.m. Tuesday") is one match from the start.

>>> from dashboard.timex import tag
>>> [(t.text, t.value) for t in tag("It sank on May 20, 2024 10:29 AM.", "2024-06-01")]
[('May 20, 2024 10:29 AM', '2024-05-20T10:29')]
"""

from __future__ import annotations

import re

from dashboard.timex.compiled import kept
from dashboard.timex.lexicon import MONTHS, WEEKDAYS
from dashboard.timex.model import Timex
from dashboard.timex.ranges import value_range
from dashboard.timex.resolve import hour_in_part
from dashboard.vocab import weekdays


def _longest(word: str) -> tuple[int, str]:
    """Longest first, then in alphabetical order: one order, so one pattern in every process
    (a set's order changes with the process's hash seed, and a new pattern is compiled anew)."""
    return -len(word), word


_GAP = kept(
    r"(?:\s*[,/|]\s*|\s+)(?:(?:at|on)\s+)?(?:(?:about|around|approximately|roughly)\s+)?"
    rf"(?:(?:{'|'.join(sorted({a for w in weekdays() for a in w.abbreviations}, key=_longest))})"
    r"\.?,?\s+)?",
    re.I,
)
"""What may stand between a day and its clock time: a blank, a comma or a slash, "at", "on",
"around", a weekday's abbreviation ("10:29 AM EDT, Mon May 20, 2024", "May 20, 2024 / 10:29
AM")."""
_CLOCK_VALUE = kept(r"\d{4}-\d\d-\d\dT(?:[01]\d|2[0-4]):[0-5]\d")
_DAY_VALUE = kept(r"\d{4}-\d\d-\d\d(?:T(?:MO|AF|EV|NI|MI))?")
_WORD = kept(r"[A-Za-z]+")
_DAY_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"today", "yesterday", "tomorrow", "tonight"}
_ZONE_BLANKS = kept(r"[\s()]+")
_MERIDIEM = kept(r"[ap]\.?\s?m\b|noon|midnight|midday", re.I)


def zone(m: re.Match) -> str | None:
    """The time zone a clock match names, as written without brackets ("ET"), or None."""
    if "tz" not in m.re.groupindex or not m["tz"]:
        return None
    return _ZONE_BLANKS.sub(" ", m["tz"]).strip() or None


def _bare_clock(t: Timex) -> bool:
    """A clock time that names no day of its own ("10:29 AM", not "10 a.m. Tuesday")."""
    if not _CLOCK_VALUE.fullmatch(t.value):
        return False
    return not any(w.lower() in _DAY_WORDS for w in _WORD.findall(t.text))


def _in_part(clock: Timex, part: str) -> str:
    """The clock time of `clock` read in a part of the day ("TAF"): "1:30 this afternoon" is
    13:30; a time with its own a.m./p.m. stays as it is."""
    time = clock.value.split("T")[1]
    if _MERIDIEM.search(clock.text):
        return time
    return f"{hour_in_part(int(time[:2]), part[1:] or None):02d}{time[2:]}"


def join_clock(
    text: str, before: tuple[str, Timex], after: tuple[str, Timex]
) -> tuple[str, Timex] | None:
    """The one expression a day and a clock time written side by side make, or None."""
    (name_a, a), (name_b, b) = before, after
    if "T" not in a.value and "T" not in b.value:  # (no clock time: quicker than the gap)
        return None
    if not _GAP.fullmatch(text, a.end, b.start):
        return None
    if _bare_clock(b) and _DAY_VALUE.fullmatch(a.value):
        clock, day, name = b, a, f"{name_b}+{name_a}"
    elif _bare_clock(a) and _DAY_VALUE.fullmatch(b.value):
        clock, day, name = a, b, f"{name_a}+{name_b}"
    else:
        return None
    value = f"{day.value[:10]}T{_in_part(clock, day.value[10:])}"
    precision, first, last = value_range(value, "TIME")
    span = text[a.start : b.end]
    joined = Timex(a.start, b.end, span, "TIME", value, clock.mod, precision, first, last, clock.tz)
    return name, joined


_RANGE_GAP = kept(r"\s*(?:-|\u2013|\u2014|to|until|till|and)\s*", re.I)
"""What stands between the two ends of a range of clock times ("from 10 a.m. to 4 p.m.")."""


def share_day(
    text: str, before: tuple[str, Timex], after: tuple[str, Timex]
) -> tuple[str, Timex] | None:
    """The first end of a range of clock times on the day its second end names ("from 10 a.m.
    to 4 p.m. Saturday": both on Saturday) and, written without a.m. or p.m., in its half of
    the day ("between 3:30 and 4 p.m.": 15:30); None when `before` is no such first end."""
    (name, a), b = before, after[1]
    if "T" not in b.value or not (_bare_clock(a) and _CLOCK_VALUE.fullmatch(b.value)):
        return None
    if not _RANGE_GAP.fullmatch(text, a.end, b.start):
        return None
    day = a.value[:10] if _bare_clock(b) else b.value[:10]
    hour, until = int(a.value[11:13]), int(b.value[11:13])
    if not _MERIDIEM.search(a.text) and _MERIDIEM.search(b.text) and hour < 12 <= until:
        hour += 12 if hour + 12 <= until else 0
    value = f"{day}T{hour:02d}{a.value[13:]}"
    if value == a.value:
        return None
    precision, first, last = value_range(value, "TIME")
    return name, Timex(a.start, a.end, a.text, "TIME", value, a.mod, precision, first, last, a.tz)


def range_end(
    text: str, before: tuple[str, Timex], after: tuple[str, Timex]
) -> tuple[str, Timex] | None:
    """The midnight that closes a range of clock times on the first end's day ("between 10
    p.m. and midnight": the midnight after 10 p.m., not the one that began the day), or None.

    >>> from dashboard.timex import tag
    >>> [t.value for t in tag("Between 10 p.m. and midnight, roads were shut.", "2024-03-27")]
    ['2024-03-27T22:00', '2024-03-27T24:00']
    """
    a, (name, b) = before[1], after
    if not (b.value.endswith("T24:00") and _CLOCK_VALUE.fullmatch(a.value) and _bare_clock(b)):
        return None
    if not _RANGE_GAP.fullmatch(text, a.end, b.start) or b.value[:10] >= a.value[:10]:
        return None
    value = f"{a.value[:10]}T24:00"
    precision, first, last = value_range(value, "TIME")
    return name, Timex(b.start, b.end, b.text, "TIME", value, b.mod, precision, first, last, b.tz)


_ASIDE = kept(r"\s*(?:local\s+time\s*)?\([^()]{1,30}\)\s*,?\s*(?:on\s+)?", re.I)
"""A clock time's aside in brackets before its day: "10:35 a.m. (0735 GMT) Friday", "9 a.m.
(local time) on Monday", "0900 local time (1400 GMT) on Sunday"."""


def bracketed_day(text: str, out: list[tuple[str, Timex]]) -> None:
    """Put on the day `out`'s last expression names the clock times before it that a bracketed
    aside keeps apart from it ("at 10:35 a.m. (0735 GMT) Friday": both clock times on Friday,
    as three expressions, the way TimeML marks them); `out` is changed in place.

    >>> from dashboard.timex import tag
    >>> [t.value for t in tag("It hit at 10:35 a.m. (0735 GMT) Friday.", "2024-03-27")]
    ['2024-03-22T10:35', '2024-03-22T07:35', '2024-03-22']
    """
    day = out[-1][1]
    if len(out) < 2 or not _DAY_VALUE.fullmatch(day.value) or "T" in day.value:
        return
    clocks = ()
    for ks in ((-2,), (-3, -2)):  # (a clock alone, or a clock and its conversion inside)
        if len(out) > len(ks) and all(_bare_clock(out[k][1]) for k in ks) and _ASIDE.fullmatch(
                text, out[ks[0]][1].end, day.start):
            clocks = ks
            break
    for k in clocks:
        name, t = out[k]
        value = f"{day.value}T{t.value.split('T')[1]}"
        precision, first, last = value_range(value, "TIME")
        out[k] = name, Timex(t.start, t.end, t.text, "TIME", value, t.mod, precision, first, last,
                             t.tz)


_SET_GAP = kept(r"\s+(?:at|from)\s+(?:(?:about|around)\s+)?", re.I)
_CONVERSION = kept(r"\s*(?:local\s+time\s*)?\(\s*", re.I)


def recurring(text: str, before: tuple[str, Timex], after: tuple[str, Timex]) -> Timex | None:
    """A clock time that says when something recurs ("daily at 0910", "at 9 a.m. daily", and
    a conversion in brackets after it: "daily at 0910 local time (1410 GMT)") as a SET of that
    time of day, so that no event is dated by it; None for any other. The clock time is `after`
    or, when `after` is the set, `before` ("at 9 a.m. daily").

    >>> from dashboard.timex import tag
    >>> [(t.type, t.value) for t in tag("It airs daily at 0910 (1410 GMT).", "2024-03-27")]
    [('SET', 'P1D'), ('SET', 'XXXX-XX-XXT09:10'), ('SET', 'XXXX-XX-XXT14:10')]
    """
    a, b = before[1], after[1]
    if b.type == "SET" and _bare_clock(a) and not text[a.end : b.start].strip():
        return _as_set(a)  # ("at 9 a.m. daily": the clock before)
    if a.type != "SET" or not _bare_clock(b):
        return None
    if not (_SET_GAP.fullmatch(text, a.end, b.start)
            or (a.value.startswith("XXXX-XX-XXT") and _CONVERSION.fullmatch(text, a.end, b.start))):
        return None
    return _as_set(b)


def _as_set(clock: Timex) -> Timex:
    return Timex(clock.start, clock.end, clock.text, "SET",
                 f"XXXX-XX-XXT{clock.value.split('T')[1]}", clock.mod, None, None, None, clock.tz)
