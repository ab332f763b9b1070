"""Figures: numeric claims such as people evacuated or killed, with qualifier and source.

A figure is a number that counts people (`dashboard.vocab.counted_nouns`) or that a relative
clause ties to them ("around 4,000 of whom have been killed"); ages, percentages, money and years
are not figures.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from dashboard.extract.actors import DEMONYMS
from dashboard.extract.attribution import nearest_speaker, speakers
from dashboard.extract.events import is_event
from dashboard.extract.mentions import Mention, mentions_between
from dashboard.read.sentences import Sentence
from dashboard.timex import Timex
from dashboard.vocab import counted_nouns

QUALIFIERS = (
    "an estimated|approximately|at least|more than|as many as|fewer than|less than|up to|"
    "around|about|roughly|nearly|almost|over|some|estimated|under|close to"
)
NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
COUNTED = counted_nouns()
NOUNS = "|".join(re.escape(noun) for noun in COUNTED)
FIGURE = re.compile(
    r"(?:\b(?P<qualifier>(?i:" + QUALIFIERS + r"))\s+)?(?<![\w$€£.,-])(?P<number>" + NUMBER + r")"
    r"(?:\s+(?P<scale>(?i:thousand|million|billion)))?(?![\w%-]|,\d|\.\d)"
    r"(?:\s+(?P<noun>(?:[A-Z][\w-]*\s+){0,3}(?i:" + NOUNS + r"))\b"
    r"|\s+(?P<relative>(?i:of (?:whom|them|those|these|the (?:" + NOUNS + r"))))\b"
    r"|(?=\s+(?i:killed|wounded|injured|dead|captured)\b))"
)
LONGEST_QUALIFIER = max(len(word) for word in QUALIFIERS.split("|"))
NUMBER_START = re.compile(r"\d(?<![\w$€£.,-]\d)")
"""Where a figure's number may start: it opens with a plain digit, so the engine skips ahead."""
QUALIFIER_END = re.compile(r"\b(?i:" + QUALIFIERS + r")\Z")
"""A qualifier ending where a search's end is put (just before the spaces before a number)."""
STATUSES = (
    ("killed or injured",
     r"killed or (?:injured|wounded)|(?:injured|wounded) or killed|casualties"),
    ("killed", r"killed|dead|died|deaths"),
    ("wounded", r"injured|wounded"),
    ("captured", r"captured|taken prisoner|held captive"),
    ("deployed", r"deployed|sent|dispatched|stationed|arrived"),
)
STATUS = re.compile("|".join(f"(?P<s{i}>{p})" for i, (_, p) in enumerate(STATUSES)), re.I)
LOWER_STATUS = re.compile(STATUS.pattern)
"""`STATUS` without IGNORECASE, for ASCII text lowercased: the same matches, faster."""
SYNONYMS = {noun.lower(): counts_as for noun, counts_as in COUNTED.items() if counts_as}
"""Counted nouns to the noun their counts are grouped under."""
ADJECTIVES = {country: adjective for adjective, country in reversed(DEMONYMS.items())}
LAST_NOUN = re.compile(r"((?:[A-Z][\w-]*\s+){0,3}(?:" + NOUNS + r"))\b[^.]*$", re.I)


def article_figures(
    source_row: dict, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention]
) -> list[dict]:
    """Figure rows for one article's sentences."""
    taken = [(t.start, t.end) for t in timexes]
    rows = []
    last_subject = ""
    published = source_row["published"]
    for sentence in sentences:
        previous_noun = ""
        shared = None
        for match in _figures(sentence.text):
            start = sentence.start + match.start("number")
            if any(a <= start < b for a, b in taken):
                continue
            noun = (match["noun"] or previous_noun
                    or _noun_before(sentence.text[: match.start()]))
            if not noun and match["relative"]:
                noun = last_subject or match["relative"].split()[-1]
            if not noun:
                continue
            previous_noun = noun
            noun = last_subject = _with_demonym(noun, sentence, start, mentions)
            value = float(match["number"].replace(",", "")) * SCALE.get(
                (match["scale"] or "").lower(), 1
            )
            status = _status(sentence.text, match)
            counts = " ".join([_plain(noun), status]).strip()
            if shared is None:
                shared = (speakers(sentence.text, sentence.start, mentions),
                          _as_of(sentence, timexes, published) or (published, "day"))
            found, as_of = shared
            end = sentence.start + (match.end("scale") if match["scale"] else match.end("number"))
            qualifier_start = sentence.start + match.start()
            rows.append({
                "figure_id": _figure_id(source_row["source_id"], start, end),
                "value": int(value),
                "number_text": sentence.text[match.start() : end - sentence.start],
                "counts": counts,
                "quantity": _quantity(noun, status),
                "qualifier": _qualifier(match["qualifier"]),
                "attributed_to": nearest_speaker(found, start),
                "as_of": as_of[0],
                "as_of_precision": as_of[1],
                "sentence": sentence.text,
                "source_id": source_row["source_id"],
                "source_url": source_row["url"],
                "source_title": source_row["title"],
                "outlet": source_row["outlet"],
                "published": source_row["published"],
                "char_start": qualifier_start,
                "char_end": end,
            })
    return rows


def _figures(text: str) -> Iterator[re.Match]:
    """The matches `FIGURE.finditer(text)` gives, tried only where a number starts (and at the
    qualifier before it): the same matches, without trying the pattern everywhere.

    >>> [m.group() for m in _figures("Over 20 killed; 3,000 workers, about  40 of them hurt")]
    ['Over 20', '3,000 workers', 'about  40 of them']
    """
    position = 0
    for number in NUMBER_START.finditer(text):
        at = number.start()
        if at < position:
            continue
        qualified = _qualifier_start(text, at, position)
        match = (qualified is not None and FIGURE.match(text, qualified)) or FIGURE.match(text, at)
        if match:
            yield match
            position = match.end()


def _qualifier_start(text: str, at: int, position: int) -> int | None:
    """Where a qualifier and spaces right before offset `at` start, not before `position`."""
    end = at
    while end > position and text[end - 1].isspace():
        end -= 1
    if end == at:
        return None
    found = QUALIFIER_END.search(text, max(position, end - LONGEST_QUALIFIER), end)
    return found.start() if found else None


def _noun_before(text: str) -> str:
    found = LAST_NOUN.search(text)
    return found.group(1) if found else ""


def _with_demonym(noun: str, sentence: Sentence, start: int, mentions: list[Mention]) -> str:
    """"workers" sent by a country the sentence names before the number: "Chilean workers"."""
    if noun[:1].isupper():
        return noun
    named = mentions_between(mentions, sentence.start, start)
    countries = [m for m in named if m.kind == "country"]
    if countries and countries[-1].name in ADJECTIVES:
        return f"{ADJECTIVES[countries[-1].name]} {noun}"
    return noun


def _status(sentence: str, match: re.Match) -> str:
    """What happened to the people counted: the status word nearest after the number."""
    found = (_status_word(sentence[match.end() : match.end() + 60])
             or _status_word(sentence[max(0, match.start() - 30) : match.start()]))
    return STATUSES[int(found.lastgroup[1:])][0] if found and found.lastgroup else ""


def _status_word(text: str) -> re.Match | None:
    return LOWER_STATUS.search(text.lower()) if text.isascii() else STATUS.search(text)


def _plain(noun: str) -> str:
    return re.sub(r"\s+", " ", noun).strip()


def _quantity(noun: str, status: str) -> str:
    """The key that groups claims about the same quantity, whatever the wording.

    >>> _quantity("Chilean  Workers", "killed")
    'chilean workers: killed'
    """
    words = _plain(noun).lower().split()
    if words:
        words[-1] = SYNONYMS.get(words[-1], words[-1])
    return f"{' '.join(words)}: {status or 'counted'}"


def _qualifier(word: str | None) -> str:
    if not word:
        return ""
    word = word.lower()
    return {"an estimated": "estimated", "approximately": "around", "about": "around",
            "roughly": "around", "almost": "nearly", "over": "more than",
            "close to": "nearly"}.get(word, word)


def _as_of(sentence: Sentence, timexes: list[Timex], published: str) -> tuple[str, str] | None:
    """The last day of the date a sentence gives for its figures (never after publication)."""
    for timex in timexes:
        if sentence.start <= timex.start < sentence.end and is_event(timex):
            return min(timex.date_end or timex.date, published), timex.precision
    return None


def _figure_id(source_id: str, start: int, end: int) -> str:
    return "fig-" + hashlib.sha1(f"{source_id}:{start}:{end}".encode()).hexdigest()[:12]
