"""Who says so: the speaker or source a sentence attributes its claim to."""

from __future__ import annotations

import re

from dashboard.extract.mentions import Mention, last_before, last_person_before, mentions_between

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|claimed|claims|added|adds|announced|announces"
    r"|estimated|estimates?|reported|reports|confirmed|confirms|acknowledged|acknowledges|noted"
    r"|wrote|writes|denied|denies|insisted|warned|warns|believes?|believed|quoted as saying"
    r"|predicted|predicts|condemned|condemns|deplored|deplores|urged|urges|vowed|vows"
    r"|promised|promises|accused|accuses|called for|calls for|appealed|testified|declared"
    r"|denounced|denounces|exhorted|demanded|demands|rejected|rejects"
    r"|(?i:according to))\b"
)
QUOTE_END = re.compile(r"(?:[\"”]|'')")
"""A closing quotation mark: a speaker after it is named after the verb ("..." said X)."""
DESCRIBED = re.compile(r"\s*(?:[A-Za-z][\w.'-]*\s+){0,4}$")
"""Words between a speech verb and its speaker that describe the speaker ("said Ruritanian
journalist")."""
PRONOUN_SUBJECT = re.compile(
    r"\b(he|she|it)\s+(?:also\s+|later\s+|then\s+)?(?:was\s+|has\s+|had\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|who|which)\b|(?:[\"”]|'')")
WINDOW = 90


def attribute(
    sentence: str, offset: int, mentions: list[Mention], anchor: int | None = None
) -> str:
    """The canonical name of who says what `sentence` (at `offset` in the text) reports.

    `mentions` are all actor mentions of the article; `anchor` is the text offset the claim is
    about (a date or a number): the speech verb nearest to it wins.
    """
    return nearest_speaker(speakers(sentence, offset, mentions),
                           offset if anchor is None else anchor)


def speakers(sentence: str, offset: int, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Each speech verb of `sentence` (at `offset` in the text) that has a speaker: its rank
    ("according to" first), its offset in the text and the speaker's canonical name.

    Found once for a sentence, they serve every claim in it (`nearest_speaker`).
    """
    end = offset + len(sentence)
    inside = mentions_between(mentions, offset, end)
    found = []
    for verb in SPEECH.finditer(sentence):
        speaker = _speaker(sentence, offset, verb, mentions, inside)
        if speaker:
            rank = 0 if verb.group().lower() == "according to" else 1
            found.append((rank, offset + verb.start(), speaker))
    return found


def nearest_speaker(found: list[tuple[int, int, str]], anchor: int) -> str:
    """Of `speakers`, the one whose verb is nearest to `anchor` (a text offset)."""
    candidates = [(rank, abs(start - anchor), speaker) for rank, start, speaker in found]
    return min(candidates)[2] if candidates else ""


def _speaker(sentence: str, offset: int, verb: re.Match, mentions: list[Mention],
             inside: list[Mention]) -> str:
    """The actor a speech verb belongs to: its subject, or the named source after it
    (`inside`: the mentions that start in the sentence)."""
    verb_start, verb_end = offset + verb.start(), offset + verb.end()
    sentence_end = offset + len(sentence)
    if verb.group().lower() != "according to":
        pronoun = PRONOUN_SUBJECT.search(sentence[max(0, verb.start() - 20) : verb.start()])
        if pronoun:
            before = verb_start - len(pronoun.group())
            if pronoun.group(1).lower() == "it":
                return last_before(mentions, before, ("organisation", "media")) or ""
            person = last_person_before(mentions, before)
            if person is None:  # no one named yet: "he" speaks for the body named last
                return last_before(mentions, before, ("organisation",)) or ""
            return person
        before = [
            m for m in inside
            if verb_start - WINDOW <= m.start and m.end <= verb_start and m.start >= offset
            and not CLAUSE_BREAK.search(sentence[m.end - offset : verb.start()])
            and (not sentence.startswith("'s", m.end - offset)
                 or sentence.startswith("'s government", m.end - offset))
        ]
        if before:
            return _subject(sentence, offset, before)
    after = [m for m in inside if verb_end <= m.start < min(verb_end + WINDOW, sentence_end)]
    if not after:
        return ""
    if verb.group().lower() == "according to":
        return _named(sentence, offset, after)
    inverted = re.search(r"(?:[,\"”]|'')\s*$", sentence[: verb.start()])
    if inverted and DESCRIBED.match(sentence[verb.end() : after[0].start - offset]):
        return _named(sentence, offset, after)
    return ""


def _named(sentence: str, offset: int, after: list[Mention]) -> str:
    """Of the mentions after a verb, the first that is named: not a place written before a
    title or a body when one follows ("U.S. Attorney Jane Roe", "Ruritanian police")."""
    for mention, following in zip(after, after[1:], strict=False):
        words = sentence[mention.end - offset : following.start - offset]
        if not (mention.kind in ("country", "place") and ADJECTIVAL.fullmatch(words)):
            return mention.name
    return after[-1].name


ADJECTIVAL = re.compile(r"\s+(?!(?:and|or|of)\s)(?:[A-Za-z][\w.-]*\s+){1,2}")
"""One or two words between a place and what follows it: the place describes it."""


def _subject(sentence: str, offset: int, before: list[Mention]) -> str:
    """Of the mentions before a verb, its subject: the last, but the one before an apposition
    in commas ("Jane Roe, a spokeswoman for the Lakeside Board, said")."""
    last = before[-1]
    for mention in reversed(before[:-1]):
        between = sentence[mention.end - offset : last.start - offset]
        if (mention.kind == "person" and re.match(r",\s+(?:an?|the|another)\s", between)
                and sentence[last.end - offset :].startswith(",")):
            return mention.name
    return last.name
