"""Fast candidate search: find trigger words with `str.find`, then try only the rules they cue.

Scanning the whole text with every rule is slow in Python, so the tagger looks up trigger words
(month and weekday names, units, deictic words, digits) in a lower-cased, punctuation-blanked copy
of the text and tries each cued rule, anchored, at the trigger and at the starts of the modifier
words right before it ("the end of", "the past two", "early", "Friday,").
"""

from __future__ import annotations

import re

from dashboard.timex.lexicon import HOLIDAYS, MONTHS, NUMBERS, ORDINALS, SET_WORDS, WEEKDAYS

_DATED = ("mdy", "dmy", "month_year", "month", "holiday")
_PART_RULES = ("partday", "relperiod", "set", "deictic", "weekday")
_REF_RULES = ("ref", "units", "duration")


def _cues() -> dict[str, tuple[str, ...]]:
    cues: dict[str, tuple[str, ...]] = {}

    def add(words, rules):
        for w in words:
            cues[w] = tuple(dict.fromkeys(cues.get(w, ()) + tuple(rules)))

    add(MONTHS, _DATED + ("set",))
    add(WEEKDAYS, ("weekday", "mdy", "dmy", "clock", "set"))
    add([w + "s" for w in WEEKDAYS if len(w) > 3], ("set",))
    add(("today", "yesterday", "tomorrow", "tonight"), ("deictic", "clock", "partday"))
    add(("morning", "afternoon", "evening", "night", "overnight", "mornings", "evenings",
         "afternoons", "nights"), _PART_RULES)  # fmt: skip
    base = ("relperiod", "duration", "offset", "units", "set", "dayafter", "yearago", "quarter")
    for unit in ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "yr",
                 "min", "hr", "sec"):  # fmt: skip
        add((unit, unit + "s"), base)
    add(("year", "years"), base + ("yearago", "year", "yearperiod", "holiday"))  # New Year's
    add(("quarter", "quarters"), base + ("quarter", "yearago", "yearperiod"))
    add(("decade", "decades"), base)
    add(("century", "centuries", "millennium", "millennia"), base + ("century",))
    add(("half", "period", "term"), ("quarter", "relperiod", "yearago", "duration"))
    add(("spring", "summer", "fall", "autumn", "winter", "season"), ("season", "relperiod"))
    add(("now", "currently", "current", "recently", "recent", "lately", "nowadays", "formerly",
         "previously", "past", "future", "soon", "present", "moment"), _REF_RULES)  # fmt: skip
    add(("days", "while"), ("ref",))
    add(("ago", "earlier", "comparable", "corresponding"), ("yearago",))
    add((*SET_WORDS, "basis"), ("set",))
    add(("noon", "midnight", "midday", "clock"), ("clock",))
    add(("overnight",), ("overnight",))
    add(("q1", "q2", "q3", "q4", "h1", "h2"), ("qcode",))
    add([name.replace("'", " ").split()[0] for name in HOLIDAYS], ("holiday",))  # "new": also
    add(("fiscal",), ("year", "quarter"))
    add(("end",), ("yearend",))
    add(("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
         "nineties"), ("decade",))  # fmt: skip
    add(("nineteen", "eighteen", "twenty", "thousand"), ("spoken",))
    add(("period",), ("yearperiod",))
    add(("week",), ("weekof",))
    return cues


CUES = _cues()
"""Trigger word (lower case) to the names of the rules it can start or end."""
_CUE_WORDS = frozenset(CUES)

_AFTER_SMALL = re.compile(
    r"(?P<slash>/|\.\d\d?\.\d\d)|(?P<colon>[:.]\d\d)|(?P<ord>(?:st|nd|rd|th)\b)|(?P<dec>0?'?s\b)"
    r"|\s*(?P<ampm>[AaPp]\.?\s?[Mm]\b|o'clock)|(?P<word>[\s-]+(?:and[\s-]+|1/2\s+)?"
    r"(?P<next>[A-Za-z]+))"
)
_AFTER_LARGE = re.compile(r"[\s-]+(?:and[\s-]+|1/2\s+)?(?P<next>[A-Za-z]+)")
"""The word after a three-digit number ("230 days"), which decides whether it can start a date."""
_SMALL_RULES = {
    "slash": ("numeric",),
    "colon": ("clock",),
    "ampm": ("clock",),
    "ord": ("dmy", "century", "daylist"),
    "dec": ("decade",),
    "word": ("dmy", "duration", "offset", "set", "daylist", "clock"),
}
"""Rules tried at a one- or two-digit number, by what follows it."""

DIGIT_RULES = {
    1: ("numeric", "dmy", "duration", "offset", "clock", "set", "century", "decade", "daylist"),
    3: ("duration", "offset", "set"),
    4: ("iso", "ymd", "year", "decade", "yearperiod", "quarter", "spoken", "clock"),
}
"""Rules tried at a number, by the length of its integer part (2 digits count as 1)."""

PREFIX_WORDS = frozenset(
    """the a an early late mid middle very end beginning start close turn of first second half
    latter part rest remainder balance earlier later in during last this next past coming
    previous current following same that preceding prior latest most recent upcoming fiscal
    financial calendar model school new year about some nearly almost roughly around
    approximately more than less fewer up to at least over under just only barely within
    another additional no its their his her every each per other and on few several many
    numerous couple number straight consecutive full long final initial remaining year-ago
    year-earlier today yesterday tomorrow tonight s before after day these right any time once
    twice thrice times trading business working morning afternoon evening night hours small
    wee week weeks days fortnight quite little good""".split()
    + list(WEEKDAYS) + list(NUMBERS) + list(ORDINALS)
)  # fmt: skip
"""Words that may stand before a trigger inside one expression."""

_MAY_FOLLOW_NUMBER = _CUE_WORDS | PREFIX_WORDS | {"times"}
"""Words that may follow a number inside a date or duration: units, months, "more", "times"."""

_BLANK = {c: " " for c in range(128) if not chr(c).isalnum()}
_BLANK.update({ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_BLANK.update({ord(c): " " for c in "\u2019\u2018\u201c\u201d\u2013\u2014\u00a0\u2026"})
_FOLD = str.maketrans(_BLANK)
_NUMBER = re.compile(
    r"\d(?:(?<![\d.]\d)\d?\.\d\d?\.\d{4}(?![\d.]\d)|(?<![\w.,$£€]\d)\d*(?:\.\d+)?(?!\d|[.,]\d))"
)
"""A dotted date ("9.1.2025", the only match with two dots) or a number standing alone.

It opens with a plain digit and looks behind only after it, so the engine can skip ahead."""
_SKIP = " \t\r\n,-\u00a0"
_WORDCH = "'.$"


def prefix_starts(text: str, p: int) -> list[int]:
    """The trigger offset `p` and the starts of the modifier words right before it."""
    starts = [p]
    if p and text[p - 1] == "'":
        starts.append(p - 1)
    q = p
    for _ in range(8):
        j = q
        while j > 0 and text[j - 1] in _SKIP:
            if text[j - 1] == "\n":
                return starts
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in _WORDCH):
            k -= 1
        if k == j:
            break
        word = text[k:j].lower().rstrip(".")
        if word.endswith("'s"):
            word = word[:-2]
        if word not in PREFIX_WORDS and not word.startswith("'"):
            break
        starts.append(k)
        q = k
    return starts


def trigger_hits(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """(offset, cued rule names) of every trigger in `text`."""
    folded = " " + text.translate(_FOLD) + " "
    hits: list[tuple[int, tuple[str, ...]]] = []
    present = _CUE_WORDS.intersection(folded.split())
    for word in present:
        needle = " " + word + " "
        rules = CUES[word]
        i = folded.find(needle)
        while i >= 0:
            hits.append((i, rules))
            i = folded.find(needle, i + len(word) + 1)
    for m in _NUMBER.finditer(text):
        if m.group().count(".") == 2:
            hits.append((m.start(), ("numeric",)))
            continue
        n = len(m.group().split(".")[0])
        if n <= 2:
            after = _AFTER_SMALL.match(text, m.end())
            kind = after.lastgroup if after else None
            if kind == "word" and after["next"].lower() not in _MAY_FOLLOW_NUMBER:
                kind = None  # "20 percent", "27 ships": only a bare day number is possible
            rules = _SMALL_RULES[kind] if kind else ("daylist",)
        elif n == 3:
            after = _AFTER_LARGE.match(text, m.end())
            ok = after is not None and after["next"].lower() in _MAY_FOLLOW_NUMBER
            rules = DIGIT_RULES[3] if ok else None
        else:
            rules = DIGIT_RULES.get(n)
        if rules:
            hits.append((m.start(), rules))
    return hits
