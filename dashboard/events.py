"""Dated events: one row per calendar-dated time expression in an article's sentences.

Durations, sets and vague references ("now", "recently") are not events; a date is kept at the
precision the text gives it (a month stays a month).
"""

from __future__ import annotations

import hashlib
import re

from dashboard.actors import Mention, last_before, last_person_before
from dashboard.attribution import attribute
from dashboard.sentences import Sentence
from dashboard.timex import Timex

KINDS = (
    ("briefing", r"\b(?:press (?:briefing|conference)|briefing|news conference)\b"),
    ("interview", r"\binterview(?:s|ed)?\b"),
    ("photo", r"\b(?:photo|photograph|picture|image|video|footage)\b"),
    ("capture", r"\b(?:captured|capture|taken prisoner|seized|detained)\b"),
    ("deployment", r"\b(?:deployed|deploy|deployment|dispatched|sent\b[^.;]{0,40}\b(?:to|in"
                   r"|into)|stationed|arrived)\b"),
    ("casualties", r"\b(?:killed|wounded|injured|casualties|died|dead)\b"),
    ("enlistment", r"\b(?:joined|entered|enlisted|conscripted|drafted)\b[^.]{0,30}"
                   r"\b(?:military|army|navy|forces|service)\b"),
    ("meeting", r"\b(?:met|meeting|summit|talks)\b"),
    ("statement", r"\b(?:said|says|announced|stated|told|claimed|confirmed|acknowledged"
                  r"|statement|declared|reported|reports|wrote|posted)\b"),
)
CAPTION_KINDS = {"briefing", "interview", "meeting"}
KIND_PATTERNS = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in KINDS)
OPENERS = re.compile(r"^(?:Meanwhile|However|Still|Also|Moreover|In addition|Separately),\s+")
TRAILING_CLAUSE = re.compile(
    r",\s+(?:reaffirming|adding|saying|serving|citing|noting|according|while|which)\b.*$"
)
APPOSITIVE = re.compile(r",\s+(?:currently|who|which)\b[^,]{0,80},")
QUOTE_THEN_SPEAKER = re.compile(
    r"^[\"“]?(?P<quote>[^\"“”]+?)[,.?!]?[\"”]\s+(?P<speaker>[^\"“”]*\b(?:said|says|told|added"
    r"|asked|stated|wrote|quoted as saying)\b[^\"“”]*)$"
)
MAX_WORDS = 30


def is_event(timex: Timex) -> bool:
    """Whether a time expression dates an event: a calendar date or time at a known precision."""
    return timex.type in ("DATE", "TIME") and bool(timex.precision and timex.date)


def event_id(source_id: str, start: int, end: int) -> str:
    """A stable identifier from the source and the span.

    >>> event_id("000_seed", 10, 16)
    'ev-d64412e70399'
    """
    digest = hashlib.sha1(f"{source_id}:{start}:{end}".encode()).hexdigest()
    return f"ev-{digest[:12]}"


def article_events(
    source_row: dict, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention]
) -> list[dict]:
    """Event rows for one article; `source_row` holds its sources-table fields."""
    rows = []
    for timex in timexes:
        if not is_event(timex):
            continue
        sentence = next((s for s in sentences if s.start <= timex.start < s.end), None)
        if sentence is None:
            continue
        actors = sentence_actors(sentence, mentions)
        rows.append({
            "event_id": event_id(source_row["source_id"], timex.start, timex.end),
            "date": timex.date,
            "date_end": timex.date_end,
            "precision": timex.precision,
            "timex": timex.value,
            "date_text": timex.text,
            "summary": summarise(sentence, mentions),
            "sentence": sentence.text,
            "actors": "; ".join(actors),
            "kind": classify(sentence, timex),
            "attributed_to": attribute(sentence.text, sentence.start, mentions, timex.start),
            "source_id": source_row["source_id"],
            "source_url": source_row["url"],
            "source_title": source_row["title"],
            "published": source_row["published"],
            "char_start": timex.start,
            "char_end": timex.end,
            "outlet": source_row["outlet"],
            "timex_type": timex.type,
            "mod": timex.mod,
            "photo_credit": sentence.credit or None,
            "sentence_start": sentence.start,
        })
    return rows


def sentence_actors(sentence: Sentence, mentions: list[Mention]) -> list[str]:
    """Canonical names of the actors a sentence names, its pronoun subjects resolved."""
    names = [m.name for m in mentions if sentence.start <= m.start < sentence.end]
    for pronoun in re.finditer(r"\b(?:he|she|He|She)\b", sentence.text):
        person = last_person_before(mentions, sentence.start + pronoun.start())
        if person:
            names.append(person)
            break
    if re.match(r"It\s+(?:said|says|added|reported|announced|confirmed|estimated)\b",
                sentence.text):
        body = last_before(mentions, sentence.start, ("organisation", "media"))
        if body:
            names.append(body)
    return list(dict.fromkeys(names))


def classify(sentence: Sentence, timex: Timex) -> str:
    """The event's kind: the kind word nearest the date in its clause, else in its sentence.

    A caption is a photo unless it shows a briefing, interview or meeting.
    """
    start = timex.start - sentence.start
    end = start + len(timex.text)
    kinds = CAPTION_KINDS if sentence.role == "caption" else None
    for text, offset in ((*_clause_span(sentence.text, start, end),), (sentence.text, 0)):
        kind = _nearest_kind(text, start - offset, end - offset, kinds)
        if kind:
            return kind
    return "photo" if sentence.role == "caption" else "event"


def _nearest_kind(text: str, start: int, end: int, kinds: set[str] | None) -> str | None:
    """The kind whose word is closest to [start, end) in `text` (earlier kinds win ties)."""
    best = None
    for rank, (kind, pattern) in enumerate(KIND_PATTERNS):
        if kinds is not None and kind not in kinds:
            continue
        for match in pattern.finditer(text):
            gap = max(match.start() - end, start - match.end(), 0)
            if best is None or (gap, rank) < best[:2]:
                best = (gap, rank, kind)
    return best[2] if best else None


def _clause_span(text: str, start: int, end: int) -> tuple[str, int]:
    """The comma- or semicolon-delimited stretch of `text` around [start, end), and its offset.

    >>> _clause_span("Troops left on Monday, officials said Tuesday.", 37, 44)
    (' officials said Tuesday.', 22)
    """
    left = max(text.rfind(",", 0, start), text.rfind(";", 0, start)) + 1
    rights = [i for i in (text.find(",", end), text.find(";", end)) if i != -1]
    return text[left : min(rights) if rights else len(text)], left


def summarise(sentence: Sentence, mentions: list[Mention]) -> str:
    """A short readable line: the sentence without openers, asides and trailing clauses,
    with a leading pronoun replaced by the person it stands for."""
    text = " ".join(sentence.text.split())
    quoted = QUOTE_THEN_SPEAKER.match(text)
    if quoted:
        speaker = quoted["speaker"].rstrip(". ")
        text = f"{speaker}: “{quoted['quote'].strip()}”"
    text = OPENERS.sub("", text)
    text = APPOSITIVE.sub("", text)
    text = TRAILING_CLAUSE.sub("", text).rstrip(" ,;")
    pronoun = re.match(r"(He|She|he|she)\b", text)
    if pronoun:
        person = last_person_before(mentions, sentence.start)
        if person:
            text = person + text[pronoun.end() :]
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    text = text.rstrip(".")
    return text[:1].upper() + text[1:]
