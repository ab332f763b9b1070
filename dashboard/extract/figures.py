"""Figures: every count an article states, with what it counts, its qualifier, source and date.

A figure is a number (digits, number words read by `text2num`, "a dozen", "hundreds of", a
range "5 to 7", money "$102 million", a percentage, a unit such as tons or gallons) with what it
counts: the noun phrase the text gives ("workers", "tons of steel", "dollars"), or the noun a
relative clause or "of them" points back to, or "people" when the number only says what happened
("at least 82 were killed"). What became of them (killed, missing, deployed, paid: the
`figure-statuses` vocabulary) and the counted noun, lemmatised, make the key (`quantity`) that
groups claims about the same thing across articles. Dates, durations, ages, clock times, phone
numbers, scores, ordinals, list numbers, identifiers ("Flight 103") and sizes (miles, acres) are
not figures.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from dashboard.extract.actors import DEMONYMS
from dashboard.extract.attribution import Speech, nearest_speaker
from dashboard.extract.events import is_event
from dashboard.extract.mentions import Mention, mentions_between
from dashboard.read.sentences import Sentence
from dashboard.timex import Timex
from dashboard.vocab import (
    counted_nouns,
    figure_statuses,
    figure_units,
    number_words,
    plurals,
    seasons,
    stopwords,
    time_units,
)

QUALIFIERS = (
    "an estimated|approximately|at least|more than|as many as|fewer than|less than|up to|"
    "around|about|roughly|nearly|almost|over|some|estimated|under|close to|as few as|"
    "at most|no fewer than|no more than|upwards of|in excess of"
)
QUALIFIER_PHRASES = sorted((q.split() for q in QUALIFIERS.split("|")), key=len, reverse=True)
QUALIFIER_ENDS: dict[str, list[list[str]]] = {}
for _words in QUALIFIER_PHRASES:
    QUALIFIER_ENDS.setdefault(_words[-1], []).append(_words)
SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
         "trillion": 1_000_000_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
         "m": 1_000_000, "k": 1_000}  # fmt: skip
WORD_SCALES = ("thousand", "million", "billion", "trillion")
CARDINALS = frozenset(
    [w for w, v in number_words().items() if " " not in w and v >= 1 and w not in ("a", "an",
                                                                                    "single")]
    + ["zero", *WORD_SCALES]
)
"""Number words `text2num` reads (with "dozen" and "half", read here)."""
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"})
FEW = frozenset({"several", "few", "many"})
UNITS = figure_units()
PLURALS = plurals()
COUNTING_KINDS = frozenset({"money", "percent", "weight", "volume", "energy", "area"})
"""Units whose amounts are figures of a story (dollars, tons, gallons, acres burned); not
lengths, speeds or temperatures, which measure rather than count."""
TIME_WORDS = frozenset(
    [w for u in time_units() for w in (u.word, u.plural or u.word + "s", u.word + "-old")]
    + [w for season in seasons() for w in (season, season + "s")]
)
STOP = frozenset(stopwords()) - {"one", "two", "three"}
COUNTED = counted_nouns()
SYNONYMS = {noun.lower(): counts_as for noun, counts_as in COUNTED.items() if counts_as}
"""Counted nouns to the noun their counts are grouped under."""
PLURAL_NOUNS = frozenset(noun.lower() for noun in COUNTED)
STATUSES = figure_statuses()
CUES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
"""Status cues by their first word: (the cue's words, its status), longer and earlier first."""
for _status_name, _cues in STATUSES:
    for _cue in _cues:
        CUES.setdefault(_cue.split()[0], []).append((tuple(_cue.split()), _status_name))
for _list in CUES.values():
    _list.sort(key=lambda cue: -len(cue[0]))
PEOPLE_STATUSES = frozenset({"killed or injured", "killed", "wounded", "missing", "captured",
                             "arrested", "evacuated", "rescued", "hospitalized", "displaced",
                             "trapped", "infected"})  # fmt: skip
"""Statuses that say the number counts people when the text names no noun."""
NO_STATUS = frozenset({*(cue for _, cues in STATUSES for cue in cues if " " not in cue),
                       "countries", "states", "nations", "regions", "provinces", "cities",
                       "towns", "territories", "continents"})
"""Counted nouns that take no status: the outcome itself ("12 deaths", "40 cases") or a place
("the virus has infected people in 20 countries": the countries were not infected)."""
POINTING = frozenset({"them", "whom", "those", "these", "us", "which"})
BEFORE = 5
"""How many words before a number (and its qualifier) a tally's cue may stand ("the death toll
rose to 45", `TOLLS`), when only `REACHING` words stand between; other cues, three."""
TOLLS = ("toll", "case count", "caseload", "case total", "number of")
MONEY_STATUS, JOBS_STATUS = "paid", "laid off"
"""The status only money has ("spent $3 million"), and one money never has ("cut $3 million")."""
REACHING = frozenset({"rose", "climbed", "jumped", "reached", "hit", "stood", "grew",
                      "increased", "risen", "was", "is", "has", "had", "have", "been", "now",
                      "put", "estimated", "placed", "along", "amount", "amounts", "amounted",
                      "total", "totaled", "totalled", "numbered", "stands", "standing"})
PREPOSITIONS = frozenset({"to", "at", "of", "for", "from", "on", "in", "with"})
"""A status cue before a number is about it unless a word other than these (`REACHING`) comes
before a preposition between them: "the death toll rose to 45", "fined the company $2
million", but not "cut power to 9,200 customers"."""
DETERMINERS = frozenset({"the", "his", "her", "its", "their", "our", "your", "those", "these",
                         "all", "a", "an"})  # fmt: skip
NUMBERING_VERBS = frozenset({"numbered", "totaled", "totalled", "numbering", "totaling",
                             "totalling", "number", "total", "totals"})  # fmt: skip
ADJECTIVES = {country: adjective for adjective, country in reversed(DEMONYMS.items())}
TOKEN = re.compile(
    r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z]+(?:['’][A-Za-z]+)*|\S"
)
HAS_DIGIT = re.compile(r"[\d$£€]")
NUMBER_WORDS = tuple(sorted(CARDINALS - set(WORD_SCALES) | {"dozen", "hundreds", "thousand",
                                                             "million", "billion", "scores"}))
"""Number words to look for in a sentence (as parts of words: "thousand" finds "thousands")."""
LONGEST_TIMEX = 200
"""Characters a time expression may span (a sentence's are looked up from this far back)."""
STARTS = frozenset(CARDINALS | VAGUE | FEW | {"a", "an", "dozen", "$", "£", "€"})
"""The words and signs a number expression can start with (besides digits)."""


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str
    low: str


@dataclass(slots=True)
class Number:
    """A number expression: tokens `first`..`last` (inclusive); `unit`: a unit word or sign it
    carries ("$", "percent", "tons"); `value` None for a vague word ("dozens")."""

    first: int
    last: int
    value: float | None
    unit: str = ""
    vague: bool = False


def article_figures(
    source_row: dict, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention]
) -> list[dict]:
    """Figure rows for one article's sentences."""
    taken = sorted((t.start, t.end) for t in timexes)
    rows: list[dict] = []
    last_noun = ("", "")
    published = source_row["published"]
    for sentence in sentences:
        if not _may_hold_a_figure(sentence.text):
            continue
        near = _near(sentence, taken)
        tokens = _tokens(sentence.text)
        shared = None
        found_here: list[tuple[int, str, str, str]] = []  # the wholes: (end, phrase, key, status)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            number = _number(tokens, i) if tok.kind == "num" or tok.low in STARTS else None
            if number is None:
                i += 1
                continue
            i = number.last + 1
            start = sentence.start + tokens[number.first].start
            if any(a <= start < b for a, b in near) or _not_a_figure(tokens, number):
                continue
            claim = _counted(tokens, number, found_here, last_noun)
            if claim is None:
                continue
            phrase, key, status, person = claim
            if status and phrase.rsplit(None, 1)[-1].lower() in NO_STATUS:
                status = ""
            if person:
                phrase = _with_demonym(phrase, sentence, start, mentions)
                key = _quantity_noun(phrase)
            measure = not person and _low(tokens, number.last + 1) == "-"  # "7.0-magnitude"
            if not _part_of_a_whole(tokens, number) and not measure:
                found_here.append((number.last, phrase, key, status))
            if person or not number.unit:
                last_noun = (phrase, key)
            if shared is None:
                shared = (Speech.of(sentences, mentions).speakers(sentence),
                          [t for t in timexes if sentence.start <= t.start < sentence.end
                           and is_event(t) and not _opens_a_period(sentence, t)],
                          [(sentence.start + t.start, sentence.start + t.end) for t in tokens
                           if t.kind == "num" and not any(a <= sentence.start + t.start < b
                                                          for a, b in near)])  # (not dates)
            said, dated, numbers = shared
            qualifier, q_first = _qualifier(tokens, number.first)
            first = tokens[q_first].start
            end = tokens[number.last].end
            as_of = _as_of(sentence, dated, (start, sentence.start + end), published, numbers)
            rows.append({
                "figure_id": _figure_id(source_row["source_id"], start,
                                        sentence.start + end),
                "value": _int(number.value),
                "number_text": sentence.text[first:end],
                "counts": " ".join([phrase, status]).strip(),
                "quantity": f"{key}: {status or 'counted'}",
                "qualifier": qualifier,
                "attributed_to": nearest_speaker(said, start),
                "as_of": as_of[0],
                "as_of_precision": as_of[1],
                "sentence": sentence.text,
                "source_id": source_row["source_id"],
                "source_url": source_row["url"],
                "source_title": source_row["title"],
                "outlet": source_row["outlet"],
                "published": source_row["published"],
                "char_start": sentence.start + first,
                "char_end": sentence.start + end,
            })
    return rows


def _near(sentence: Sentence, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the (sorted) time expressions that may overlap the sentence."""
    first = bisect_left(taken, (sentence.start - LONGEST_TIMEX, 0))
    return [span for span in taken[first:] if span[0] < sentence.end]


def _may_hold_a_figure(text: str) -> bool:
    """A digit, a currency sign or a number word: cheap tests before the sentence's tokens."""
    if HAS_DIGIT.search(text):
        return True
    low = text.lower()
    return any(word in low for word in NUMBER_WORDS)


def _int(value: float | None) -> int | None:
    """The table's whole number; None for a vague word or a fraction the table cannot hold."""
    if value is None or value != int(value):
        return None
    return int(value)


def _tokens(text: str) -> list[Tok]:
    """Numbers, abbreviations ("U.S."), words and single signs, with their offsets."""
    tokens = []
    end = 0
    find = text.find
    for word in TOKEN.findall(text):
        start = find(word, end)
        end = start + len(word)
        first = word[0]
        kind = ("num" if first.isdigit() else "punct" if not first.isalpha()
                else "abbr" if len(word) > 1 and word[1] == "." else "word")
        tokens.append(Tok(word, start, end, kind, word.lower()))
    return tokens


# --- the number -----------------------------------------------------------------------------


def _number(tokens: list[Tok], i: int) -> Number | None:
    """The number expression starting at token `i`, if one does."""
    tok = tokens[i]
    if tok.kind == "num":
        return _digits(tokens, i)
    if tok.kind == "punct" and tok.text in "$£€" and i + 1 < len(tokens) and \
            tokens[i + 1].kind == "num" and tokens[i + 1].start == tok.end:
        number = _digits(tokens, i + 1)
        if number:
            number.first, number.unit = i, tok.text
        return number
    if tok.kind != "word":
        return None
    if tok.low in VAGUE:
        return _vague(tokens, i)
    if tok.low in FEW or (tok.low == "a" and _low(tokens, i + 1) == "few"):
        j = i + (2 if tok.low == "a" else 1)
        if _low(tokens, j) in (*WORD_SCALES, "hundred", "dozen"):
            return _scaled(tokens, Number(i, j, None, vague=True))
        return None
    if tok.low in CARDINALS or tok.low == "dozen" or (
        tok.low in ("a", "an") and _low(tokens, i + 1) in ("hundred", "thousand", "million",
                                                            "billion", "dozen", "half")
    ):
        return _words(tokens, i)
    return None


def _low(tokens: list[Tok], i: int) -> str:
    return tokens[i].low if 0 <= i < len(tokens) else ""


def _digits(tokens: list[Tok], i: int) -> Number | None:
    tok = tokens[i]
    value = float(tok.text.replace(",", ""))
    number = Number(i, i, value)
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after and after.start == tok.end and after.kind == "word":
        if after.low in ("m", "bn", "k", "mln"):
            number.value, number.last = value * SCALE[after.low], i + 1
            return _unit_after(tokens, number)
        return None  # "1st", "1990s", "5am", "10x"
    if i >= 1 and tokens[i - 1].end == tok.start and tokens[i - 1].kind in ("word", "abbr"):
        return None  # "F16", "G7"
    number = _range(tokens, number)
    return _unit_after(tokens, _scaled(tokens, number))


def _range(tokens: list[Tok], number: Number) -> Number:
    """"5 to 7", "15-20", "four or five": the low end, the span of both."""
    j = number.last + 1
    link = _low(tokens, j)
    between = _low(tokens, number.first - 1) == "between"
    if link == "and" and between:
        link = "to"
    elif link not in ("-", "to", "or", "–") or j + 1 >= len(tokens):
        return number
    other = tokens[j + 1]
    if link in ("-", "–"):
        if other.kind != "num" or other.start != tokens[j].end or \
                tokens[j].start != tokens[number.last].end:
            return number
    elif other.kind != "num" and other.low not in CARDINALS:
        return number
    if _low(tokens, number.first - 1) == "from" and link != "-":
        return number
    high = _value_of(tokens, j + 1)
    if high is None or number.value is None or high <= number.value:
        return number
    return Number(number.first, j + 1, number.value)


def _value_of(tokens: list[Tok], i: int) -> float | None:
    tok = tokens[i]
    if tok.kind == "num":
        return float(tok.text.replace(",", ""))
    words = _words(tokens, i)
    return words.value if words else None


def _scaled(tokens: list[Tok], number: Number) -> Number:
    """A scale word after the number: "1.5 million", "several thousand", "hundreds of
    thousands"."""
    j = number.last + 1
    word = _low(tokens, j)
    if word in WORD_SCALES:
        number.last = j
        if number.value is not None:
            number.value *= SCALE[word]
    elif word == "of" and number.vague and _low(tokens, j + 1) in ("thousands", "millions"):
        number.last = j + 1
    return number


def _unit_after(tokens: list[Tok], number: Number) -> Number:
    """A percent sign or word right after the number joins it."""
    j = number.last + 1
    word = _low(tokens, j)
    if word == "%" and tokens[j].start == tokens[number.last].end:
        number.last, number.unit = j, "%"
    elif word in ("percent", "pct"):
        number.last, number.unit = j, "percent"
    elif word == "per" and _low(tokens, j + 1) == "cent":
        number.last, number.unit = j + 1, "percent"
    return number


def _vague(tokens: list[Tok], i: int) -> Number | None:
    """"dozens", "hundreds of thousands", "scores of", "tens of thousands"."""
    word = tokens[i].low
    if _low(tokens, i - 1) in DETERMINERS and _low(tokens, i + 1) != "of":
        return None  # "by the thousands", "in their hundreds": a manner, not a count
    number = Number(i, i, None, vague=True)
    if _low(tokens, i + 1) == "of" and _low(tokens, i + 2) in ("thousands", "millions"):
        number.last = i + 2
    elif word in ("tens", "scores") and _low(tokens, i + 1) != "of":
        return None
    return number


def _words(tokens: list[Tok], i: int) -> Number | None:
    """Number words: "twenty-six", "a hundred thirty million", "one point six billion", "a
    dozen", "sixty-one and a half", "four or five"."""
    parts: list[str] = []
    j = i
    if tokens[i].low in ("a", "an"):
        parts.append("one")
        j += 1
    last = j - 1
    while j < len(tokens):
        low = tokens[j].low
        if low in CARDINALS or low == "dozen":
            parts.append(low)
            last = j
            j += 1
        elif low == "-" and parts and _low(tokens, j + 1) in CARDINALS and \
                tokens[j].end == tokens[j + 1].start:
            j += 1
        elif low == "and" and parts and _low(tokens, j + 1) in CARDINALS - set(WORD_SCALES):
            j += 1
        else:
            break
    if not parts or parts == ["one"] and tokens[i].low in ("a", "an") and \
            _low(tokens, last + 1) != "half":
        if _low(tokens, i + 1) == "half":
            parts, last = ["half"], i + 1
        else:
            return None
    value = _read_words(tuple(parts))
    fraction = _fraction(tokens, last)
    if fraction:
        last, extra = fraction
        value = None if value is None else value + extra
    if _low(tokens, last + 1) == "point" and _low(tokens, last + 2) in CARDINALS:
        decimals, k = "", last + 2
        while _low(tokens, k) in CARDINALS - set(WORD_SCALES) and value is not None:
            digit = _read_words((tokens[k].low,))
            if digit is None or digit >= 10:
                break
            decimals += str(int(digit))
            k += 1
        if decimals and value is not None:
            value = float(f"{int(value)}.{decimals}")
            last = k - 1
            if _low(tokens, k) in WORD_SCALES:
                value *= SCALE[tokens[k].low]
                last = k
    if _low(tokens, last + 1) == "half" and parts == ["one"]:  # "a half million"
        last += 1
        value = 0.5
        if _low(tokens, last + 1) in WORD_SCALES:
            last += 1
            value *= SCALE[tokens[last].low]
    number = Number(i, last, value)
    return _unit_after(tokens, _range(tokens, number)) if value is not None else None


def _fraction(tokens: list[Tok], last: int) -> tuple[int, float] | None:
    if _low(tokens, last + 1) == "and" and _low(tokens, last + 2) == "a" and \
            _low(tokens, last + 3) == "half":
        return last + 3, 0.5
    return None


@cache
def _read_words(parts: tuple[str, ...]) -> float | None:
    if parts == ("half",):
        return 0.5
    if "dozen" in parts:
        head = parts[: parts.index("dozen")]
        base = _read_words(head) if head else 1
        return None if base is None else base * 12
    try:
        return float(text2num(" ".join(parts), "en"))
    except ValueError:
        return None


# --- what is not a figure -------------------------------------------------------------------


def _not_a_figure(tokens: list[Tok], number: Number) -> bool:
    """A year, an age, a clock time, a phone number, a score, a list number or an identifier."""
    first, last = tokens[number.first], tokens[number.last]
    digits = first if first.kind == "num" else (
        tokens[number.first + 1] if number.unit in ("$", "£", "€") else None)
    before = tokens[number.first - 1] if number.first else None
    after = tokens[number.last + 1] if number.last + 1 < len(tokens) else None
    if digits is not None and not number.unit:
        text = digits.text
        if re.fullmatch(r"1[0-9]\d\d|20\d\d", text) and number.first == number.last:
            return True  # a year
        if after and after.start == last.end and after.text in (":", "-", "/", ".") and \
                _next_is_digit(tokens, number.last + 1):
            if after.text != "-" or _score_or_phone(tokens, number):
                return True
        if before and before.end == first.start and before.text in (":", "/", "-", "#", "."):
            return True
        if before and before.text in ("(",) and after and after.text == ")" and \
                number.first == number.last and number.value is not None and number.value < 120:
            return True  # "(26)"
    if after and after.low in ("a.m.", "p.m.", "a.m", "p.m", "gmt", "est", "edt", "utc",
                               "o'clock", "am", "pm"):
        return True
    if before and before.kind == "word" and before.text[0].isupper() and \
            before.low not in STOP and not _qualifier_word(before.low) and \
            not before.low.endswith(("'s", "’s")) and before.low not in UNITS and \
            not number.unit and number.first >= 1 and before.low not in CARDINALS and \
            before.low != "between":
        return True  # "Flight 103", "Resolution 687"
    if before and before.low in ("no", "number", "nos") and digits is not None:
        return True
    if _age(tokens, number) or _address(tokens, number):
        return True
    if first.kind == "word" and not number.vague and before is not None and \
            before.low in ("the", "these", "those", "both") and _unit(tokens, number) is None:
        return True  # "the two men": people named before, not a count
    if number.first == 0 and after and after.text in (".", ")") and digits is not None:
        return True  # a list number
    if first.low == "one" and number.first == number.last and (
            (before is not None and before.low in ("no", "any", "every", "each"))
            or (after is not None and after.kind == "word" and after.low.endswith("s"))):
        return True  # "no one knows", "one sees": a pronoun
    if after is not None and after.text == "-" and _low(tokens, number.last + 2) == "in":
        return True  # "a one-in-five chance": odds
    return False


def _address(tokens: list[Tok], number: Number) -> bool:
    """"405 Lincoln Avenue": a number, capitalised words, a street word."""
    for k in range(number.last + 1, min(len(tokens), number.last + 5)):
        tok = tokens[k]
        if UNITS.get(tok.low, ("", ""))[1] == "address" and k > number.last + 1:
            return True
        if tok.kind != "word" or not tok.text[:1].isupper():
            return False
    return False


def _next_is_digit(tokens: list[Tok], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].kind == "num" and \
        tokens[j + 1].start == tokens[j].end


def _score_or_phone(tokens: list[Tok], number: Number) -> bool:
    """"89-52" (a score: the first is larger), "555-1234" (a phone number)."""
    a = tokens[number.first].text
    b = tokens[number.last + 2].text
    if "," in a or "," in b:
        return False
    return float(a) >= float(b) or len(a) >= 3 and len(b) == 4


def _age(tokens: list[Tok], number: Number) -> bool:
    """"26-year-old", "aged 26", "Mohamed, 26," (a name, then the age between commas)."""
    j = number.last + 1
    if _low(tokens, j) == "-" and _low(tokens, j + 1) in ("year", "years", "month", "months"):
        return True
    if _low(tokens, j) in ("years", "year") and _low(tokens, j + 1) in ("old", "-"):
        return True
    if _low(tokens, number.first - 1) in ("aged", "age", "ages"):
        return True
    if number.unit or number.value is None or number.value >= 120 or number.first < 2:
        return False
    name = tokens[number.first - 2]
    return (tokens[number.first - 1].text == "," and name.text[:1].isupper()
            and _low(tokens, j) in (",", ")", ";") and name.low not in STOP)


def _qualifier_word(low: str) -> bool:
    return any(low == words[0] for words in QUALIFIER_PHRASES)


def _qualifier(tokens: list[Tok], first: int) -> tuple[str, int]:
    """The qualifier written right before the number, as the table names it, and its first
    token."""
    start = first
    if first and tokens[first - 1].low in ("dlrs", "us$", "dlr"):
        start = first - 1
    for words in QUALIFIER_ENDS.get(_low(tokens, start - 1), ()):
        n = len(words)
        if start >= n and [t.low for t in tokens[start - n : start]] == words:
            return _qualifier_name(" ".join(words)), start - n
    return "", first


def _qualifier_name(word: str) -> str:
    return {"an estimated": "estimated", "approximately": "around", "about": "around",
            "roughly": "around", "almost": "nearly", "over": "more than",
            "close to": "nearly", "upwards of": "more than", "in excess of": "more than",
            "no fewer than": "at least", "no more than": "at most",
            "as few as": "at least"}.get(word, word)  # fmt: skip


# --- what it counts -------------------------------------------------------------------------


MEASURES = frozenset({"magnitude", "point", "member", "nation", "country", "vessel", "ship",
                      "seat", "bed"})
"""Words joined to a number before a noun that still make it a figure ("a 7.0-magnitude quake",
"a 12-member panel", "a 27-nation bloc"); other such words describe the noun ("a five-storey
building", "a two-car crash", "a three-page memo") and make no figure."""


def _counted(tokens: list[Tok], number: Number, found: list, last_noun: tuple[str, str]
             ) -> tuple[str, str, str, bool] | None:
    """(noun phrase, key noun, status, counts people or things named by a noun) or None."""
    j = number.last + 1
    unit = _unit(tokens, number)
    if unit is not None:
        word, lemma, kind = unit
        if kind not in COUNTING_KINDS:
            return None
        phrase, key = word, lemma
        end = j + (0 if number.unit or _low(tokens, number.first - 1) in UNITS else 1)
        if kind == "area" and _low(tokens, j) == "-":
            return None  # "a 5-acre lot", "a 2,000-square-foot home": a size
        if lemma == "square" and UNITS.get(_low(tokens, end), ("", ""))[1] == "length":
            phrase = f"{word} {tokens[end].text}"  # "12 square miles"
            key = f"square {UNITS[tokens[end].low][0]}"
            end += 1
        if UNITS.get(_low(tokens, end), ("", "money"))[1] not in COUNTING_KINDS:
            return None  # "80 percent sure"
        if _low(tokens, end) == "of" and kind != "percent" or kind == "percent" and \
                _low(tokens, end) == "of":
            of = _noun_phrase(tokens, end + 1, partitive=True, any_head=True)
            if of:
                phrase, key = f"{phrase} of {of[0]}", f"{lemma} of {_key_head(of[0])}"
        status = _status(tokens, number, found)
        if (status == MONEY_STATUS) != (kind == "money") and status in (MONEY_STATUS, JOBS_STATUS):
            status = ""  # "$3 million cut from the budget"
        return phrase, key, status, False
    if _low(tokens, j) == "-" and j + 1 < len(tokens) and tokens[j + 1].kind == "word" and \
            tokens[j].start == tokens[number.last].end:
        word = tokens[j + 1].low
        if word in TIME_WORDS or word in UNITS or word == "year":
            return None
        if word == "strong":  # "a 61-strong team of firefighters": its firefighters
            after = j + 2 + (_low(tokens, j + 2) in DETERMINERS)
            of = _low(tokens, after + 1) == "of" and _noun_phrase(tokens, after + 2)
            whole = of or _noun_phrase(tokens, after, any_head=True)
            return (*whole, "", True) if whole else None
        if tokens[j + 2 : j + 3] and tokens[j + 2].kind == "word" and word not in MEASURES:
            return None  # "a five-storey building", "a two-car crash": it describes the noun
        return word, _lemma(word), "", False  # "a 7.0-magnitude quake": the quake's measure
    noun = None
    if number.value == 1 and tokens[number.first].kind == "word" and _low(tokens, j) == "of" \
            and not _qualifier(tokens, number.first)[0]:
        return None  # "one of the victims": someone, not a count
    if _low(tokens, j) == "of":
        if _low(tokens, j + 1) == "those":  # "ten of those on board": no antecedent
            noun = _noun_phrase(tokens, j + 2)
        elif _low(tokens, j + 1) in POINTING:
            noun = _noun_phrase(tokens, j + 2) or _antecedent(found, last_noun)
        else:
            noun = _noun_phrase(tokens, j + 1, partitive=True)
            if noun and _low(tokens, j + 1) == "the" and noun[0].lower() in PLURAL_NOUNS:
                noun = _antecedent(found, last_noun) or noun  # "600 of the casualties"
    elif _low(tokens, j) == "others" or (_low(tokens, j) == "other" and
                                         _low(tokens, j + 1) not in ("", ",", ".")):
        other = _noun_phrase(tokens, j + 1) if _low(tokens, j) == "other" else None
        noun = other or _antecedent(found, last_noun) or ("people", "person")
    else:
        noun = _noun_phrase(tokens, j)
        if noun and noun[0].lower() in POINTING:
            noun = None
    status = _status(tokens, number, found, skip=_written_noun(tokens, j))
    if status == MONEY_STATUS:
        status = ""  # "420 people spent the night in shelters"
    if noun is None and _low(tokens, j) == "magnitude":
        return None  # "the toll from the 7.0 magnitude quake": a measure
    if noun is None:
        noun = _noun_elsewhere(tokens, number, found, status)
    if noun is None:
        return None
    phrase, key = noun
    return phrase, key, status, True


def _unit(tokens: list[Tok], number: Number) -> tuple[str, str, str] | None:
    """(unit as written, its unit, its kind) when the number is money, a percentage or a
    measure."""
    if number.unit:
        word = {"$": "dollars", "%": "percent"}.get(number.unit, number.unit)
        lemma, kind = UNITS.get(number.unit.lower(), UNITS.get(word, (word, "")))
        return word, lemma, kind
    before = _low(tokens, number.first - 1)
    if before in UNITS and UNITS[before][1] == "money":
        return tokens[number.first - 1].text, *UNITS[before]
    after = _low(tokens, number.last + 1)
    if after in UNITS and UNITS[after][1] != "address":  # ("six road workers": no address)
        return tokens[number.last + 1].text, *UNITS[after]
    if tokens[number.last + 1 : number.last + 2] and tokens[number.last + 1].kind == "abbr":
        money = _low(tokens, number.last + 2)  # "2 million U.S. dollars"
        if UNITS.get(money, ("", ""))[1] == "money":
            return tokens[number.last + 2].text, *UNITS[money]
    if after in TIME_WORDS:
        return after, after, "time"
    if after == "-" and _low(tokens, number.last + 2) in UNITS:
        return tokens[number.last + 2].text, *UNITS[tokens[number.last + 2].low]
    return None


def _noun_phrase(tokens: list[Tok], k: int, partitive: bool = False, any_head: bool = False
                 ) -> tuple[str, str] | None:
    """The noun phrase from token `k`: its words up to its plural head (`any_head`: or its
    last word, "tons of crude oil"), and the key."""
    words: list[Tok] = []
    plural_at = -1
    n = len(tokens)
    while k < n and len(words) < 6:
        tok = tokens[k]
        if tok.kind in ("word", "abbr"):
            low = tok.low
            hyphen = _low(tokens, k + 1) == "-" and k + 2 < n and tokens[k + 2].kind == "word" \
                and tokens[k + 1].start == tok.end and tokens[k + 2].start == tokens[k + 1].end
            if (low in STOP or low in POINTING) and not hyphen and not tok.text.isupper():
                if not words and (partitive and low in DETERMINERS or low == "more"):
                    k += 1
                    continue
                break
            if low.endswith(("'s", "’s")) and partitive:
                words, plural_at = [], -1
                k += 1
                continue
            if low.endswith("ly") and tok.text.islower():
                if words:
                    break
                k += 1  # "two predominantly rural towns"
                continue
            if plural_at >= 0 and words[plural_at].text.islower() and (
                (low.endswith(("ed", "ing")) and tok.text.islower())
                or (tok.text.islower() and not _plural(tok.text))
                or (tok.text.islower() and (_low(tokens, k + 1) in DETERMINERS or (
                    k + 1 < n and tokens[k + 1].text[:1].isupper())))
            ):
                break  # (a word taking "the" or a name after it is a verb: "families accuses")
            if low in CARDINALS or low in VAGUE:
                if words:
                    break
                k += 1
                continue
            words.append(tok)
            if _plural(tok.text) and tok.kind == "word":
                plural_at = len(words) - 1
            k += 1
        elif tok.text == "-" and words and k + 1 < n and tokens[k + 1].kind == "word" and \
                tok.start == words[-1].end and tokens[k + 1].start == tok.end:
            joined = tokens[k + 1]
            last = words[-1]
            words[-1] = Tok(last.text + "-" + joined.text, last.start, joined.end, "word",
                            last.low + "-" + joined.low)
            if _plural(joined.text):
                plural_at = len(words) - 1
            k += 2
        elif tok.kind == "num" and partitive and not words:
            k += 1
            if _low(tokens, k) in WORD_SCALES:
                k += 1
        else:
            break
    if plural_at < 0:
        if not (any_head and words):
            return None
        plural_at = len(words) - 1
    words = words[: plural_at + 1]
    phrase = " ".join(t.text for t in words)
    return phrase, _quantity_noun(phrase)


def _plural(word: str) -> bool:
    """A word that reads as a plural noun ("workers", "people", "Sudanese")."""
    low = word.lower()
    if low in PLURAL_NOUNS:
        return True
    if low in STOP or low in UNITS or low in TIME_WORDS or len(low) < 3:
        return False
    return bool(_singular(word))


@cache
def _singular(word: str) -> str:
    """The singular of a plural noun, lower case ("" for a word that does not read as one).

    >>> [_singular(w) for w in ("workers", "bodies", "classes", "people", "Sudanese", "bus")]
    ['worker', 'body', 'class', 'person', 'sudanese', '']
    """
    low = word.lower()
    if low in PLURALS:
        return PLURALS[low]  # blank: a word in -s that is no plural ("overseas")
    if word[:1].isupper():
        if low.endswith("ese"):
            return low  # "Japanese", "Sudanese"
        if low.endswith("s") and not low.endswith("ss") and len(low) >= 3:
            return low[:-1]  # "Iraqis", "Hutus", "GIs"
    if not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")) or len(low) < 3:
        return ""
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return low[:-2]
    return low[:-1]


@cache
def _lemma(word: str) -> str:
    low = word.lower()
    if low in UNITS:
        return UNITS[low][0]
    return SYNONYMS.get(low) or _singular(word) or low


def _key_head(phrase: str) -> str:
    return _lemma(phrase.split()[-1]) if phrase else ""


@cache
def _quantity_noun(phrase: str) -> str:
    """The noun part of the key: capitalised modifiers (Chilean, Catholic) and the head,
    lemmatised, its synonym if the counted-nouns vocabulary gives one."""
    words = phrase.split()
    if not words:
        return ""
    head = SYNONYMS.get(words[-1].lower()) or _lemma(words[-1])
    modifiers = [w.lower() for w in words[:-1] if w[:1].isupper()]
    return " ".join([*modifiers, head])


def _quantity(noun: str, status: str) -> str:
    """The key that groups claims about the same quantity, whatever the wording.

    >>> _quantity("Chilean  Workers", "killed")
    'chilean worker: killed'
    >>> _quantity("tons  of steel", "")
    'steel: counted'
    """
    return f"{_quantity_noun(noun)}: {status or 'counted'}"


def _part_of_a_whole(tokens: list[Tok], number: Number) -> bool:
    """"including 12 Americans", "eight of them": a part of a figure given before, which a later
    "and 5 wounded" does not refer to."""
    q_first = _qualifier(tokens, number.first)[1]
    return _low(tokens, q_first - 1) == "including" or (
        _low(tokens, number.last + 1) == "of" and _low(tokens, number.last + 2) in POINTING)


def _antecedent(found: list, last_noun: tuple[str, str]) -> tuple[str, str] | None:
    if found:
        return found[-1][1], found[-1][2]
    return last_noun if last_noun[0] else None


def _noun_elsewhere(tokens: list[Tok], number: Number, found: list, status: str
                    ) -> tuple[str, str] | None:
    """A number without a noun after it: a table line's label ("Injured: 74"), the noun of a
    figure it is listed with ("12 killed and 5 wounded"), "the number of people", the subject
    of "numbered", or people when what happened to them is said."""
    q_first = _qualifier(tokens, number.first)[1]
    before = _low(tokens, q_first - 1)
    if before == ":" and number.first >= 2 and tokens[number.first - 2].kind == "word":
        label = tokens[number.first - 2]
        if _plural(label.text):
            return label.text, _quantity_noun(label.text)
        if status in PEOPLE_STATUSES:
            return "people", "person"
        return None
    j = number.last + 1
    if found and found[-1][0] < number.first and (
        before in ("and", ",", "or", "while", "from", "to", "than", "versus")
        or _low(tokens, j) in ("", ".", ",", ";")
    ):
        return found[-1][1], found[-1][2]  # "17 million residents, and Kuwait about 1.9 million"
    if _low(tokens, j) == "the" and _low(tokens, j + 1) in ("number", "total") and \
            _low(tokens, j + 2) == "of":
        return _noun_phrase(tokens, j + 3)
    if before in NUMBERING_VERBS:
        for k in range(q_first - 2, max(-1, q_first - 12), -1):
            if tokens[k].kind == "word" and _plural(tokens[k].text):
                return tokens[k].text, _quantity_noun(tokens[k].text)
    if status in PEOPLE_STATUSES:
        return "people", "person"
    return None


def _written_noun(tokens: list[Tok], j: int) -> int:
    """How many tokens from `j` the counted noun takes ("of the casualties": 3), so that the
    status is looked for after it."""
    k = j
    while k < len(tokens) and k < j + 6 and (tokens[k].low in ("of", "the", "those", "them")
                                             or _plural(tokens[k].text)):
        k += 1
    return k - j


def _status(tokens: list[Tok], number: Number, found: list, skip: int = 0) -> str:
    """What became of what the number counts: a status cue after it (and after the `skip`
    tokens of its noun) in its clause, else just before it; a number "including" others
    inherits its status."""
    first = number.first
    if _low(tokens, first - 1) == "including" and found:
        return found[-1][3]
    k, words, n = number.last + 1 + skip, [], len(tokens)
    while k < n and len(words) < 8:
        tok = tokens[k]
        if tok.text == "," and _low(tokens, k + 1) == "including":
            k += 2
            while k < n and tokens[k].text not in (",", ".", ";"):
                k += 1
            k += 1
            if _low(tokens, k) in ("and", "or", "but", "while"):
                break  # "killed 200 people, including 12 Americans, and wounded 5,000"
            continue
        if tok.kind == "num" or tok.text in (",", ".", ";", ":", "(", ")") or \
                tok.low in CARDINALS:
            break
        if tok.kind in ("word", "abbr"):
            words.append(tok.low)
        k += 1
    found_status = _status_in(words, first=True)
    if found_status:
        return found_status
    q_first = _qualifier(tokens, first)[1]
    before = [t.low for t in tokens[max(0, q_first - BEFORE) : q_first] if t.kind == "word"]
    near = _status_in(before[-3:], first=False, reaching=True)
    if near:
        return near
    toll = _status_in(before, first=False, reaching=True)  # "the death toll rose to 45"
    if toll and _tally(before):
        return toll
    if before[-2:-1] and before[-2] in REACHING and before[-1] in ("to", "at") or \
            before[-1:] and before[-1] in ("reached", "hit"):  # "the toll from X rose to 19"
        subject = [t.low for t in tokens[: q_first] if t.kind == "word"]
        if _tally(subject):
            return _status_in(subject, first=True)
    return ""


def _tally(words: list[str]) -> bool:
    """Whether `words` name a tally ("the death toll", "the number of cases": `TOLLS`)."""
    joined = " ".join(words)
    return any(word in joined for word in TOLLS)


def _status_in(words: list[str], first: bool, reaching: bool = False) -> str:
    """The status of the first (else the last) cue among `words`; `reaching`: the words are
    before the number, and a cue counts only if it reaches it (`REACHING`)."""
    found = ""
    for at, word in enumerate(words):
        if first and word in ("and", "but", "or", "while") and at + 1 < len(words) and any(
                tuple(words[at + 1 : at + 1 + len(cue)]) == cue
                for cue, _ in CUES.get(words[at + 1], ())):
            return ""  # "destroyed 38 homes and damaged 12 others": the verb of another clause
        for cue, status in CUES.get(word, ()):
            if tuple(words[at : at + len(cue)]) == cue:
                if words[at + len(cue) : at + len(cue) + 1] == ["off"] and status == JOBS_STATUS:
                    break  # "the customers it cut off": no layoff
                if first:
                    return status
                between = words[at + len(cue) :]  # ("death toll at 45": the cue's own "at")
                reaches = not any(word in PREPOSITIONS and before not in REACHING
                                  for before, word in zip(between, between[1:], strict=False))
                found = status if reaches or not reaching else ""
                break
    return found


def _with_demonym(phrase: str, sentence: Sentence, start: int, mentions: list[Mention]) -> str:
    """People sent by a country the sentence names before the number: "Chilean workers"."""
    if phrase[:1].isupper() or phrase.split()[-1].lower() not in PLURAL_NOUNS:
        return phrase
    named = mentions_between(mentions, sentence.start, start)
    countries = [m for m in named if m.kind == "country"]
    if countries and countries[-1].name in ADJECTIVES:
        return f"{ADJECTIVES[countries[-1].name]} {phrase}"
    return phrase


def _as_of(sentence: Sentence, dated: list[Timex], at: tuple[int, int],
           published: str, numbers: list[tuple[int, int]] = ()) -> tuple[str, str]:
    """The last day of the date the figure at offsets `at` is given for (never after
    publication): the nearest of the sentence's dates in the figure's own clause ("up from 24
    cases reported last Friday"), else the sentence's first date not in a clause of its own
    after the figure ("$6.5 million to the town, where the train derailed on Feb. 3, the
    company announced Thursday": Thursday; but "The 1918 flu, which began in 1918, killed
    millions") and not one in another number's clause nearer to it ("Turnout was 41%, up
    from 38% in November": 41% is as of the telling; `numbers`: the sentence's numbers'
    offsets), else the publication day.
    `dated`: the sentence's dates of events, those that open a period left out."""
    near = [(b - a, t) for (a, b), t in ((_gap(at, t), t) for t in dated)
            if not _CLAUSE_BREAK.search(sentence.text, a - sentence.start, b - sentence.start)]
    main = [t for t in dated if (t.start < at[0] or not _in_relative(sentence, t))
            and not _claimed(sentence, t, at, numbers)]
    best = min(near, key=lambda n: n[0])[1] if near else main[0] if main else None
    if best is None:
        return published, "day"
    best = _range_end(sentence, dated, best)
    return min(best.date_end or best.date, published), best.precision


_RANGE_GAP = re.compile(r"\s*(?:-|\u2013|to|through|until|and)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


def _range_end(sentence: Sentence, dated: list[Timex], timex: Timex) -> Timex:
    """The date that closes the range `timex` opens ("between 2019 and 2022", "from May to
    July"), else `timex`: a figure of a period is as of its end."""
    at = timex.start - sentence.start
    if not _RANGE_OPEN.search(sentence.text, max(0, at - 10), at):
        return timex
    after = [t for t in dated if t.start >= timex.end and _RANGE_GAP.fullmatch(
        sentence.text, timex.end - sentence.start, t.start - sentence.start)]
    return after[0] if after else timex


_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_RELATIVE = re.compile(r"[,;(\u2013\u2014]\s*(?:where|which|who|when|whose)\b"
                       r"[^,;:()\u2013\u2014]*$")


def _in_relative(sentence: Sentence, timex: Timex) -> bool:
    """Whether a date is in a relative clause ("…, where the train derailed on Feb. 3")."""
    return bool(_RELATIVE.search(sentence.text, 0, timex.start - sentence.start))
_SINCE = re.compile(r"\bsince\b(?!.*\bsince\b)", re.I | re.S)


def _claimed(sentence: Sentence, timex: Timex, at: tuple[int, int],
             numbers: list[tuple[int, int]]) -> bool:
    """Whether another number is nearer to a date than the figure at `at`, in one clause with
    it: the date is that number's."""
    a, b = _gap(at, timex)
    for other in numbers:
        if at[0] <= other[0] < at[1]:
            continue
        c, d = _gap(other, timex)
        if d - c < b - a and not _CLAUSE_BREAK.search(sentence.text, c - sentence.start,
                                                      d - sentence.start):
            return True
    return False


def _gap(at: tuple[int, int], timex: Timex) -> tuple[int, int]:
    """The offsets of the text between a figure and a date."""
    return (at[1], timex.start) if timex.start >= at[1] else (timex.end, at[0])


def _opens_a_period(sentence: Sentence, timex: Timex) -> bool:
    """Whether the date is where a period began ("has grown to 124 cases since late January",
    "2,700 wounded since they entered combat in December"): the figure is as of the telling,
    not of that date."""
    at = timex.start - sentence.start
    since = _SINCE.search(sentence.text, max(0, at - 50), at)
    return bool(since and not _CLAUSE_BREAK.search(sentence.text, since.end(), at))


def _figure_id(source_id: str, start: int, end: int) -> str:
    return "fig-" + hashlib.sha1(f"{source_id}:{start}:{end}".encode()).hexdigest()[:12]
