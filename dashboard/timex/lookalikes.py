"""Context-free filters that drop matches which only look like time expressions.

Each filter takes (match, text) and returns False to drop the candidate.
"""

from __future__ import annotations

import re

from dashboard.timex.compiled import kept
from dashboard.timex.lexicon import MONTHS, NUMBERS, PARTS_OF_DAY
from dashboard.vocab import months

_LETTERS_BEFORE = kept(r"[A-Za-z]+")
"""The letters of the word before an offset, matched in the reversed text."""
_WORD_AFTER = kept(r"^[\s,]*([A-Za-z]+)")
_YEAR_CUES = {
    "in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "through",
    "between", "and", "to", "or", "early", "late", "mid", "fiscal", "year", "the", "around",
    "circa", "about", "for", "spring", "summer", "autumn", "fall", "winter", "end", "start",
    "beginning", "as", "at", "than", "last", "this", "next", "on", "into", "throughout", "back",
    "years", "its", "their", "his", "her", "s", "season", "same",
}  # fmt: skip
_VERBISH_S = {
    "was", "is", "has", "as", "its", "his", "this", "ends", "begins", "marks", "saw", "sees",
    "comes", "does", "goes", "remains", "seems", "versus", "plus", "us",
}  # fmt: skip
_MONTH_VERB_CUES = {
    "in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "through",
    "between", "and", "to", "or", "early", "late", "mid", "last", "this", "next", "on", "for",
    "end", "beginning", "start", "middle", "into", "throughout", "each", "every",
    "past", "coming", "as", "than", "that", "s",
}  # fmt: skip
_NOT_NOUNS = frozenset(
    """of on to in into through from for against by with and or at across toward towards past
    was is has had will would be""".split()
)
"""Words after "the March" that make it a march, not a month before a noun."""
_COUNT = r"(?:\d[\d,.]*|hundreds|thousands|dozens|millions|several|many|few|" + "|".join(
    sorted(NUMBERS, key=len, reverse=True)
) + ")"
_QUANTITY_BEFORE = kept(
    rf"(?i)(?:\d|%|percent|cents?|pence|dollars?|million|billion|trillion|thousand|yen|pounds?"
    rf"|euros?|\b{_COUNT}\s+(?:of\s+)?(?:[a-z]+\s+)?[a-z]+s)\W*$"
)
"""An amount or a count of things right before "a year"/"annually": the phrase is a rate."""
_TIME_CUES = kept(
    r"(?i)\b(?:at|by|until|till|from|between|around|about|before|after|since)\s*$"
)
_MONTH_WORD = r"\b(?:" + "|".join(month.short for month in months()) + r")[a-z]*\.?"
"""A month name or its abbreviation, capitalised ("Jan.", "June", "Sept.")."""
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_BEFORE = kept(
    rf"(?:{_MONTH_WORD}\s+{_DAY_NUMBER}(?:,?\s+\d{{4}})?|\b\d{{1,2}}\s+{_MONTH_WORD}(?:\s+\d{{4}})?"
    r"|\b\d{4}-\d\d-\d\d),?\s+(?:at\s+)?$"
)
"""A written day right before a clock time ("June 11, 2024 13:19", "11 June 2024 at 13:19")."""


_NOT_YEAR_AFTER = {"percent", "people", "feet", "meters", "metres", "km", "miles", "kg", "hours",
                   "hrs", "gmt", "utc"}  # fmt: skip
_ZONES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "BST", "CET", "KST", "JST", "Z"}


def word_before(text: str, start: int) -> str:
    """The word right before `start` (lower case), skipping blanks and commas: the ASCII
    letters before the blanks and commas that end the 30 characters before `start`.

    >>> word_before("It fell in, 1998", 12), word_before("(1998", 1), word_before("x" * 40, 40)
    ('in', '', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')
    """
    window = text[max(0, start - 30) : start]
    end = len(window)
    while end and (window[end - 1] == "," or window[end - 1].isspace()):
        end -= 1
    m = _LETTERS_BEFORE.match(window[end - 1 :: -1]) if end else None
    return m.group()[::-1].lower() if m else ""


def word_after(text: str, end: int) -> str:
    """The word right after `end`, as written."""
    m = _WORD_AFTER.search(text[end : end + 30])
    return m.group(1) if m else ""


def _capital(m: re.Match, group: str) -> bool:
    s = m.group(group) if group in m.re.groupindex else None
    return not s or s[0].isupper()


def check_month(m: re.Match, text: str) -> bool:
    """Month names must be capitalised; "May"/"March" alone, or a month before a capitalised
    word ("April Ryan"), need a preposition or modifier."""
    if not _capital(m, "mon"):
        return False
    mon = m.group("mon").lower()
    if m.group("rel") or m.group("edge") or m.group("ear"):
        return True
    after = word_after(text, m.end()) if text[m.end() : m.end() + 1] == " " else ""
    if mon in ("may", "march") and not after[:1].isupper() and _modifies(text, m.start(), after):
        return True  # "the March vote"
    if mon in ("may", "march") or after[:1].isupper():
        return word_before(text, m.start()) in _MONTH_VERB_CUES
    return True


def _modifies(text: str, start: int, after: str) -> bool:
    """Whether a month name between "the" and a noun modifies it ("the March vote", "the May
    issue"), not a march or a verb ("the March on the capital", "the May Day parade")."""
    return word_before(text, start) == "the" and after.isalpha() and after not in _NOT_NOUNS


def check_dated(m: re.Match, text: str) -> bool:
    """Month-day forms need a capitalised month and no trailing time/score digits."""
    if not _capital(m, "mon") or not _capital(m, "wd"):
        return False
    return True


_STAMP = re.compile(r"(?:^|[.!?:\"'][ \t]+)(?P<at>\d\d\d\d)(?=[ \t]+[A-Z\"“])", re.MULTILINE)
"""Four digits opening a line or a sentence, before its first word: a year ("1984 Ruritanian
voters chose a king") or the time stamp of a live page's entry ("2034 The president says")."""
_RELATIVE_DAYS = {"yesterday", "today", "tonight", "tomorrow"}
_stamps: tuple[str | None, int, frozenset[int]] = (None, 0, frozenset())
"""The last text's stamps (the text kept, so that it is never mistaken for another)."""


def live_stamps(text: str, year: int) -> frozenset[int]:
    """Where the time stamps of a live page's entries start, for a text published in `year`:
    two or more four-digit numbers open its lines or sentences (`_STAMP`), all of them clock
    times (a list of years has some such as 1994, whose "minutes" are 94), and one at least,
    read as a year, would be after the page's own ("2034 The president says" is 20:34)."""
    global _stamps
    if _stamps[0] is not text or _stamps[1] != year:
        found = {m.start("at"): m["at"] for m in _STAMP.finditer(text)}
        live = (len(found) > 1 and all(v[:2] < "24" and v[2:] < "60" for v in found.values())
                and any(int(v) > year for v in found.values()))
        _stamps = (text, year, frozenset(found) if live else frozenset())
    return _stamps[2]


def check_year(m: re.Match, text: str) -> bool:
    """A bare number is a year only in year-like context: not the time in "around 1800
    yesterday" (nor a live page's time stamp: `live_stamps`, which needs the DCT)."""
    y = m.group("y")
    if m.group("fy") or m.group("yr") or m.group("edge") or m.group("ear"):
        return True
    before = word_before(text, m.start())
    lead = text[max(0, m.start() - 2) : m.start()]
    if y.startswith("'"):
        return before in _YEAR_CUES
    n = int(y)
    after = word_after(text, m.end()) if text[m.end() : m.end() + 1] == " " else ""
    if after.islower() and after.endswith("s") and after not in _VERBISH_S:
        return False
    if after.lower() in _NOT_YEAR_AFTER or after in _ZONES or after in _RELATIVE_DAYS:
        return False
    if before in ("no", "number", "route", "flight", "room", "highway", "rule", "article"):
        return False
    if "$" in lead or "#" in lead:
        return False
    if 1900 <= n <= 2039:
        return True
    return before in _YEAR_CUES and before not in ("the", "and", "or", "to", "than", "at")


def check_weekday(m: re.Match, text: str) -> bool:
    """Weekday names must be capitalised and not name a paper ("the Sunday Times")."""
    if not _capital(m, "wd"):
        return False
    if not m.group("rel") and word_before(text, m.start()) == "the" and not m.group("part"):
        nxt = word_after(text, m.end())
        return not (nxt[:1].isupper() and nxt.lower() not in MONTHS)
    return True


def check_clock(m: re.Match, text: str) -> bool:
    """A bare 24-hour "13:06" needs a cue word ("at", "by"), a time zone or a date right before
    it; a four-digit "0640" (or "1319 local time") needs the cue word, so that "flight 0640"
    stays out, and "closed at 1250" (a price, an index) has no leading zero."""
    if m.group("hb"):  # "at 9 this morning", not "9 this morning were hurt"
        return bool(_TIME_CUES.search(text, max(0, m.start() - 12), m.start()))
    if m.group("milc"):
        after = word_after(text, m.end()) if text[m.end() : m.end() + 1] == " " else ""
        plural = after.islower() and after.endswith("s") and after not in _VERBISH_S
        if after.lower() in _NOT_YEAR_AFTER or plural:
            return False  # "at 1500 feet", "at 1500 fans"
        return bool(_TIME_CUES.search(text, max(0, m.start() - 12), m.start()))
    if m.group("hh24") and not (m.group("tz") or m.group("wd1") or m.group("wd2")):
        if _DATE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return True
        return bool(_TIME_CUES.search(text, max(0, m.start() - 12), m.start()))
    if m.group("nm") and (m.group("nm")[0].isupper() or word_before(text, m.start()) == "high"):
        return False
    return True


_NOT_OVERNIGHT_BEFORE = {
    "rate", "rates", "loan", "loans", "lending", "repo", "repos", "money", "funds", "index",
    "bag", "bags", "success", "successes", "sensation", "delivery", "shipping", "stay", "stays",
    "trip", "trips", "guest", "guests", "shelter", "shelters", "camp", "camps", "shift", "shifts",
    "flight", "flights", "train", "trains", "bus", "buses", "express", "parking", "oats",
}  # fmt: skip
"""Nouns "overnight" describes without naming a night ("the overnight rate", "an overnight
stay")."""


def check_overnight(m: re.Match, text: str) -> bool:
    """"Overnight" names a night as an adverb or before an event, not in "the overnight rate"."""
    return word_after(text, m.end()).lower() not in _NOT_OVERNIGHT_BEFORE


def check_decade(m: re.Match, text: str) -> bool:
    """"30s" alone is an age ("in his 30s"); decades need "the", an apostrophe or four digits."""
    dec = m.group("dec")
    if not dec or len(dec) != 2:
        return True
    return m.group(0).lower().startswith("the")


def _titled(m: re.Match, text: str, group: str) -> bool:
    """Whether a group is capitalised inside a sentence, as in a title ("ABC's This Week")."""
    word = m.group(group) or ""
    if not word[:1].isupper():
        return False
    before = text[max(0, m.start() - 3) : m.start()].strip(" \"'(")
    return bool(before) and before[-1:] not in ".!?:\n"


_PARTS = frozenset(PARTS_OF_DAY)
_CLAUSE_OPENERS = {
    "the", "a", "an", "that", "when", "of", "before", "after", "he", "she", "they", "we", "i",
    "it", "his", "her", "their", "its", "our", "my", "your", "you", "on", "at",
}  # fmt: skip
"""Words that open a clause or phrase saying which night "the night" is ("the night he died",
"through the night on Monday")."""


def check_relperiod(m: re.Match, text: str) -> bool:
    """Period words are lower case in prose; "This Week" is a title; "quarter-to-quarter" a
    comparison; "the night" followed by what says which night is not the text's night."""
    if m.group("unit")[:1].isupper() or text.startswith("-to-", m.end()):
        return False
    if (m.group("rel") or "").lower() == "the" and m.group("unit").lower() in _PARTS:
        return word_after(text, m.end()).lower() not in _CLAUSE_OPENERS
    return True


_NOW_IS = kept(r"(?:\bit['’]s|\bit\s+is|\btoday\s+is|\btoday\s+marks|\bnow\s+in)\s+\Z",
                     re.IGNORECASE)


def check_nthday(m: re.Match, text: str) -> bool:
    """"The third day of the strike" is a date of its own only where the text says that it is
    today ("it is the third day of", "now in the fifth day of"); else it counts from a start the
    tagger does not know."""
    return bool(_NOW_IS.search(text, max(0, m.start() - 20), m.start()))


_PROGRAMME = re.compile(r"\s+(?:program|programme|show|newspaper|magazine)s?\b")


_PERIOD_BEFORE = frozenset("in for during of by since until through from to".split())
_CODE_AFTER = re.compile(r"\s*[A-Z]\d")
"""A code after a code ("H1 N1"): a virus, not a half."""
_PERIOD_AFTER = re.compile(r"\s+(?:results?|profits?|earnings|sales|revenues?|loss(?:es)?|net|"
                           r"growth|figures|output|gdp|deficit|surplus|dividend|forecast)\b",
                           re.IGNORECASE)


def check_qcode(m: re.Match, text: str) -> bool:
    """"Q3" or "H1" without a year is a quarter or a half only after a word that opens a
    period ("in Q3") or before what a period has ("the H1 profit"), so that a gene, a
    protein or a virus ("the H1 gene", "H1 N1") is not the first half of the year."""
    if m.group("y"):
        return True
    after = text[m.end() : m.end() + 2]
    if after[:1].isalnum() or after[:1] in "/-" or (after[:1] == "," and after[1:].isdigit()):
        return False
    if _CODE_AFTER.match(text, m.end()):
        return False
    return word_before(text, m.start()) in _PERIOD_BEFORE or bool(
        _PERIOD_AFTER.match(text, m.end()))


def check_deictic(m: re.Match, text: str) -> bool:
    """"Today" right after a capitalised name ("VOA Today") or after "the" before
    "programme" or "show" ("the Today programme") is a title."""
    if not _titled(m, text, "word"):
        return True
    previous = text[max(0, m.start() - 30) : m.start()].split()
    if previous and previous[-1] == "the" and _PROGRAMME.match(text, m.end()):
        return False
    return not (previous and previous[-1][:1].isupper())


def after_quantity(text: str, start: int) -> bool:
    """Whether an amount or a count stands right before `start` ("$5 a year", "20% annually")."""
    return bool(_QUANTITY_BEFORE.search(text, max(0, start - 40), start))


def check_set(m: re.Match, text: str) -> bool:
    """"twice a day" is a frequency; "$5 a day" and "20% annually" are rates, not expressions."""
    if m.group("freq"):
        return True
    if m.group("every") and m.group("every").lower() in ("a", "an"):
        return False
    if m.group("adv") and after_quantity(text, m.start()):
        return False
    if m.group("wds"):
        return _capital(m, "wds")
    return True


def check_units(m: re.Match, text: str) -> bool:
    """Bare plural units ("years") count only after "for"/"in" or with a modifier."""
    if m.group("rel") or m.group("the") or m.group("long"):
        return True
    return word_before(text, m.start()) in ("for", "over", "within")


def check_ref(m: re.Match, text: str) -> bool:
    """"current" is an expression only before a period noun or alone; "future" not as a noun."""
    w = m.group("w").lower()
    if w == "current":
        after = word_after(text, m.end()).lower()
        return after not in ("account", "accounts", "affairs", "events", "flow", "flows", "of")
    if w == "future":
        return word_before(text, m.start()) in ("near", "the", "in", "distant", "foreseeable")
    return True


def check_duration(m: re.Match, text: str) -> bool:
    """Counts of units, but not "one day" in the sense of "some day" with a verb."""
    n = m.group("n").lower()
    unit = m.group("unit").lower()
    if n in ("some", "many") and not m.group("rel"):
        return False
    if m.group("unit")[:1].isupper() and m.group("n")[:1].isdigit():
        return False
    if unit == "second" and n in ("a", "an", "one"):
        return False
    if unit == "quarter" and word_after(text, m.end()).lower() == "of":
        return False
    if n in ("a", "an") and m.start("n") == m.start() and after_quantity(text, m.start()):
        return False
    return True


_SEASON_CUES = {"in", "during", "by", "until", "since", "through", "this", "last", "next",
                "early", "late", "mid", "the", "that", "each", "every", "for", "of", "past"}


def check_season(m: re.Match, text: str) -> bool:
    """A season needs a determiner, a year or a preposition; "fall" also must not be a verb."""
    if m.group("y") or m.group("sy") or m.group("edge") or m.group("ear"):
        return True
    fall = m.group("s").lower() == "fall"
    rel = (m.group("rel") or "").lower()
    after = word_after(text, m.end()).lower()
    if fall and after in ("of", "in", "from", "to", "off", "into", "on", "was", "is", "has"):
        return False
    if rel and rel != "the":
        return True
    before = word_before(text, m.start())
    if rel == "the":
        return not fall or before in ("in", "during", "by", "until", "since", "through", "this")
    cues = ("in", "during", "by", "until", "since", "through", "this", "last", "next", "of")
    return before in cues and not fall or before in cues[:6]


_DAYLIST_BEFORE = kept(
    rf"{_MONTH_WORD}\s+{_DAY_NUMBER}(?:\s*(?:,|and|or|-|to|through)\s*{_DAY_NUMBER})*"
    r"\s*(?:,|and|or|-|to|through)\s*$"
)


def check_daylist(m: re.Match, text: str) -> bool:
    """A bare day number counts only right after a dated list ("April 24 and 25")."""
    lead = text[max(0, m.start() - 40) : m.start()].rstrip()
    if not lead.endswith((",", "and", "or", "-", "to", "through")):
        return False
    return bool(_DAYLIST_BEFORE.search(lead))
