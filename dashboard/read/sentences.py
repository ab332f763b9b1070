"""Split an article's text into blocks (body, caption, headline, furniture...) and sentences.

Offsets always point into the text as read, so nothing is ever rewritten: page furniture and the
second copy of a repeated caption are only marked, and `masked()` blanks them out for the tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.vocab import abbreviations

FURNITURE = re.compile(
    r"^(?:settings|close|x|menu|search|share|print|comments?|advertisement|subscribe\b.*"
    r"|sign (?:in|up)|log ?in|go top|back to top|top \d+ (?:stories|news)|most (?:read|popular)"
    r"|related (?:articles?|stories|news)|read more|more news|skip to .*|newsletter.*"
    r"|all rights reserved.*|copyright\b.*|©.*|.*\bshare button|.*\bfont-?size\b.*"
    r"|[•·*\-–]?\s*[-+]?\d{1,2}|[•·*\-–]\s*\S{1,3}|\W{0,3}|\S{1,2}"
    r"|(?:facebook|twitter|kakao|mail|link|email|whatsapp|linkedin|telegram)(?: \w+)?)$",
    re.IGNORECASE,
)
SIGNATURE = re.compile(r"^[\w .'-]{2,60}\s+\S+@\S+\.\w+$")
BYLINE = re.compile(r"^By\s+[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|&)){0,6}$")
CREDIT = re.compile(
    r"(?<=[.!?])\s+(?P<credit>[A-Z][\w'&-]*+(?:[ /-][A-Z][\w'&-]*+){0,3}(?: (?:Photo|photo))?"
    r"|\((?:[Pp]hoto:?\s*)?[A-Z][\w /.&-]{1,40}\)|(?:Photo|Image|Credit)s?\s*(?:by|:)\s*"
    r"[\w /.&-]{2,40})\s*$"
)
DATELINE = re.compile(
    r"[A-Z][A-Z'’.]{2,}(?:[ -][A-Z][A-Z'’.]+){0,3}(?:,\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*+(?:\([A-Z][\w&.'’ -]{0,30}\))?\s*+(?:—|–|--?)\s*"
)
"""A news dateline ("SEOUL, Feb. 19 (Yonhap) --"): where and when the story was filed, which
belongs to the article, not to an event it reports."""
TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$|[\"”’]\s*$")
ABBREVIATIONS = {abbreviation.lower() for abbreviation in abbreviations()}
"""Abbreviations (lower case, without their last period) whose period ends no sentence."""
SENTENCE_END = re.compile(r"[.!?](?<![.!?].)[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
"""The end of a sentence. It opens with a plain mark, so the engine skips ahead to one, and looks
behind only after it. Matches start only at the first mark of a run ("?!", "...") and the
credit and dateline patterns use possessive quantifiers, so a long run of marks, dashes or
spaces costs linear time instead of minutes of backtracking (hostile or garbled input)."""
_WORD_FOLD = str.maketrans({c: " " for c in range(128) if not (chr(c).isalnum() or c == 95)})
"""ASCII characters that are not word characters (`\\w`: letters, digits, "_") to spaces."""
SIGNATURE_MAX = 400
"""Longest line tried as an e-mail signature; the pattern is quadratic in a line of many @."""


@dataclass(frozen=True)
class Block:
    """A line or paragraph of the text and its role: body, caption, headline, byline,
    furniture or duplicate (a repeated caption's later copies)."""

    start: int
    end: int
    role: str
    credit: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a body or caption block; `credit` is the photo credit of a caption."""

    start: int
    end: int
    text: str
    role: str
    credit: str = ""


def blocks(text: str) -> list[Block]:
    """Classify every paragraph of `text`: a line, or lines wrapped at a fixed width."""
    paragraphs = _paragraphs(text)
    keys = [" ".join(text[start:end].split()) for start, end in paragraphs]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    seen: set[str] = set()
    result: list[Block] = []
    told = False  # (a dateline opens the story: a later "SWINE FLU - THE BASICS" is a heading)
    for (start, end), key in zip(paragraphs, keys, strict=True):
        if key in seen:
            result.append(Block(start, end, "duplicate"))
            continue
        seen.add(key)
        block = _classify(text[start:end], start, end, repeated=counts[key] > 1)
        opening = block.role == "body" and not told
        told = told or block.role == "body"
        dateline = DATELINE.match(text, start, end) if opening else None
        if dateline and dateline.end() < end:
            result.append(Block(start, dateline.end(), "dateline"))
            block = Block(dateline.end(), end, "body")
        result.append(block)
    return result


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: runs of adjacent lines joined where one line wraps into the next."""
    runs: list[list[tuple[int, int]]] = [[]]
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            runs[-1].append((start, start + len(line.strip())))
        elif runs[-1]:
            runs.append([])
        offset += len(line) + 1
    spans = []
    for run in runs:
        widest = max((end - start for start, end in run), default=0)
        for i, (start, end) in enumerate(run):
            if i and _wraps(text[run[i - 1][0] : run[i - 1][1]], text[start:end], widest):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _wraps(line: str, following: str, widest: int) -> bool:
    """Whether `following` continues `line`'s sentence (a hard-wrapped paragraph)."""
    if TERMINAL.search(line) or FURNITURE.match(line) or FURNITURE.match(following):
        return False
    if following[:1].islower():
        return True
    return len(line) >= 55 and widest - len(line) <= 15 and following[:1] not in "•*-–"


def _classify(line: str, start: int, end: int, repeated: bool) -> Block:
    """The role of one paragraph (stripped)."""
    if FURNITURE.match(line) or (len(line) <= SIGNATURE_MAX and SIGNATURE.match(line)):
        return Block(start, end, "furniture")
    if BYLINE.match(line):
        return Block(start, end, "byline")
    credit = CREDIT.search(line)
    if credit and (repeated or len(line.split()) >= 4):
        if repeated or not TERMINAL.search(line):
            return Block(start, start + credit.start(), "caption", credit["credit"].strip("() "))
    if repeated and TERMINAL.search(line):
        return Block(start, end, "caption")
    if not TERMINAL.search(line):
        return Block(start, end, "headline")
    return Block(start, end, "body")


def sentences(text: str, article_blocks: list[Block] | None = None) -> list[Sentence]:
    """The sentences of the body and caption blocks, in text order.

    >>> [s.text for s in sentences("He left on Jan. 9 at dawn. Mr. Kim stayed.\\n")]
    ['He left on Jan. 9 at dawn.', 'Mr. Kim stayed.']
    """
    found: list[Sentence] = []
    for block in article_blocks if article_blocks is not None else blocks(text):
        if block.role not in ("body", "caption"):
            continue
        cursor = block.start
        chunk = text[block.start : block.end]
        for match in SENTENCE_END.finditer(chunk):
            end = block.start + match.end()
            if _is_abbreviation(chunk, match.start()):
                continue
            found.append(_sentence(text, cursor, end, block))
            cursor = end
        if text[cursor : block.end].strip():
            found.append(_sentence(text, cursor, block.end, block))
    return found


def _is_abbreviation(chunk: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or an initial rather than a sentence."""
    if chunk[dot] != ".":
        return False
    start, stop = dot, max(0, dot - 40)  # a token's tail is enough
    while start > stop and (chunk[start - 1].isalnum() or chunk[start - 1] in "_."):
        start -= 1
    token = chunk[start:dot].lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _sentence(text: str, start: int, end: int, block: Block) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], block.role, block.credit)


def word_starts(text: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """Where each of `words` stands as a whole word (between non-word characters, as `\\b` sees
    them) in `text`, an ASCII text; in text order.

    >>> word_starts("he said, she said_so, said", frozenset({"said", "she"}))
    [(3, 'said'), (9, 'she'), (22, 'said')]
    """
    folded = f" {text.translate(_WORD_FOLD)} "
    hits = []
    for word in words.intersection(folded.split()):
        needle = f" {word} "
        i = folded.find(needle)
        while i >= 0:
            hits.append((i, word))
            i = folded.find(needle, i + len(needle) - 1)
    hits.sort()
    return hits


def masked(text: str, article_blocks: list[Block]) -> str:
    """`text` with everything but body and caption blocks blanked out, offsets unchanged."""
    chars = list(text)
    kept = [(b.start, b.end) for b in article_blocks if b.role in ("body", "caption")]
    cursor = 0
    for start, end in [*kept, (len(text), len(text))]:
        for i in range(cursor, start):
            if chars[i] != "\n":
                chars[i] = " "
        cursor = end
    return "".join(chars)
