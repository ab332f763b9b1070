"""Dated events: one row per calendar-dated time expression in an article's sentences.

Durations, sets and vague references ("now", "recently") are not events; a date is kept at the
precision the text gives it (a month stays a month).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from itertools import accumulate

from dashboard.extract.attribution import Speech, nearest_speaker
from dashboard.extract.mentions import Mention, last_before, last_person_before, mentions_between
from dashboard.read.sentences import Sentence, word_starts
from dashboard.timex import Timex
from dashboard.vocab import Cue, event_kinds


def _cue_pattern(cue: Cue) -> str:
    words = "|".join(re.escape(word) for word in cue.words)
    if not cue.then:
        return words
    then = "|".join(re.escape(word) for word in cue.then)
    return rf"(?:{words})\b[^.;]{{0,{cue.within}}}\b(?:{then})"


KINDS = tuple(
    (kind.name, r"\b(?:" + "|".join(_cue_pattern(cue) for cue in kind.cues) + r")\b")
    for kind in event_kinds() if kind.cues
)
"""(kind, pattern) for each kind of event that has cues (`dashboard.vocab.event_kinds`), in
priority order; a sentence with none of them is an `OTHER` event (a caption: a photo)."""
OTHER = next(kind.name for kind in event_kinds() if not kind.cues)
CAPTION_KINDS = {kind.name for kind in event_kinds() if kind.caption}
KIND_PATTERNS = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in KINDS)
LOWER_KIND_PATTERNS = tuple(re.compile(pattern) for _, pattern in KINDS)
"""The kind patterns without IGNORECASE, for ASCII text lowercased: the same matches, faster."""
KIND_WORDS = tuple(
    {word.split()[0] for cue in kind.cues for word in cue.words}
    for kind in event_kinds() if kind.cues
)
"""For each of `KINDS`, the words its matches can begin with: a match starts at one of them."""
_WORD_KINDS = {word: tuple(k for k, words in enumerate(KIND_WORDS) if word in words)
               for word in frozenset().union(*KIND_WORDS)}
_ALL_KIND_WORDS = frozenset(_WORD_KINDS)
KindSpans = tuple[list[tuple[int, int]], ...]
"""For each of `KINDS` in order, the spans its pattern matches in a text."""
PRONOUN = re.compile(r"(?:he(?<!\w..)|she(?<!\w...)|He(?<!\w..)|She(?<!\w...))\b")
"""A pronoun standing alone: each word looks behind for a word character only after itself,
so the engine can skip ahead to the letters that can start one."""
IT_SAYS = re.compile(r"It\s+(?:said|says|added|reported|announced|confirmed|estimated)\b")
LEADING_PRONOUN = re.compile(r"(He|She|he|she)\b")
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
PAGE_STAMP = re.compile(
    r"(?:\b(?:Published|Updated|Added|Posted|First published|Last updated|Last modified)\s*:"
    r"|\b(?:Page last updated|Last updated)(?:\s+(?:at|on))?"
    r"|\b[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)* \|(?:\s*[A-Z][a-z]{2},?)?)\s*$"
)
"""What stands before a page's own time stamp, kept in a text saved with its furniture ("Last
updated: 14 January, 2010 - 17:26 GMT", "Page last updated at 16:51 GMT", "Added: Tuesday ...",
a reader's comment, "HONG KONG | Wed Apr 15, 2009 5:56 am EDT", a wire's dateline): when the
page was written or changed, not a happening. Case matters: "the report published on Tuesday"
is one."""


def is_event(timex: Timex) -> bool:
    """Whether a time expression dates an event: a calendar date or time at a known precision."""
    return timex.type in ("DATE", "TIME") and bool(timex.precision and timex.date)


def page_stamps(dated: list[tuple[Timex, Sentence | None]]) -> set[int]:
    """The indexes of the time expressions (each with its sentence) that are their page's own
    time stamps: `PAGE_STAMP` before them, or right after such a stamp ("14 March, 2024 -
    17:26 GMT").

    >>> from dashboard.timex import tag
    >>> text = "Last updated: 14 March, 2024 - 17:26 GMT The dam burst on Tuesday."
    >>> sentence = Sentence(0, len(text), text, "body")
    >>> found = [(t, sentence) for t in tag(text, "2024-03-14")]
    >>> [t.text for n, (t, _) in enumerate(found) if n not in page_stamps(found)]
    ['Tuesday']
    """
    stamps: set[int] = set()
    for n, (timex, sentence) in enumerate(dated):
        if sentence is None:
            continue
        at = timex.start - sentence.start
        if PAGE_STAMP.search(sentence.text, max(0, at - 30), at) or (
                n - 1 in stamps and dated[n - 1][1] is sentence
                and STAMP_GAP.fullmatch(sentence.text, dated[n - 1][0].end - sentence.start, at)):
            stamps.add(n)
    return stamps


STAMP_GAP = re.compile(r"[\s,\u2013-]*")


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
    starts = [s.start for s in sentences]
    dated = [(timex, _sentence_at(sentences, starts, timex.start))
             for timex in timexes if is_event(timex)]
    stamps = page_stamps(dated)
    dated = [pair for n, pair in enumerate(dated) if n not in stamps]
    held = list({s.start: s for _, s in dated if s is not None}.values())
    speech = Speech.of(sentences, mentions)
    facts = {
        sentence.start: (
            "; ".join(sentence_actors(sentence, mentions)),
            summarise(sentence, mentions),
            spans,
            speech.speakers(sentence),
        )
        for sentence, spans in zip(held, kind_spans_of([s.text for s in held]), strict=True)
    }
    shared: dict[int, list[Timex]] = {}
    for timex, sentence in dated:
        if sentence is not None:
            shared.setdefault(sentence.start, []).append(timex)
    for timex, sentence in dated:
        if sentence is None:
            continue
        actors, summary, spans, found = facts[sentence.start]
        if len(shared[sentence.start]) > 1:  # say which date is which
            summary = (date_summary(sentence, timex, shared[sentence.start], mentions)
                       or f"{summary.removesuffix('…')} ({timex.text})")
        elif timex.text not in summary:  # cut off with a trailing clause: "…, which met Monday"
            summary = date_summary(sentence, timex, [timex], mentions, relative=True) or summary
        rows.append({
            "event_id": event_id(source_row["source_id"], timex.start, timex.end),
            "date": timex.date,
            "date_end": timex.date_end,
            "precision": timex.precision,
            "timex": timex.value,
            "date_text": timex.text,
            "summary": summary,
            "sentence": sentence.text,
            "actors": actors,
            "kind": classify(sentence, timex, spans),
            "attributed_to": nearest_speaker(found, timex.start),
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


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence (of `sentences`, in text order; `starts` their starts) holding `offset`."""
    i = bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


def sentence_actors(sentence: Sentence, mentions: list[Mention]) -> list[str]:
    """Canonical names of the actors a sentence names, its pronoun subjects resolved."""
    names = [m.name for m in mentions_between(mentions, sentence.start, sentence.end)]
    for pronoun in PRONOUN.finditer(sentence.text):
        person = last_person_before(mentions, sentence.start + pronoun.start())
        if person:
            names.append(person)
            break
    if IT_SAYS.match(sentence.text):
        body = last_before(mentions, sentence.start, ("organisation", "media"))
        if body:
            names.append(body)
    return list(dict.fromkeys(names))


TOPIC = re.compile(r"\b(?:on|into|about|over)\s+(?:the|a|an|its|their)\s+\Z", re.I)
"""What stands before a kind word that is a topic, not the happening dated ("a report on the
collapse", "an inquiry into the crash")."""
POSSESSIVE_DATE = re.compile(r"(?:['’]s)?\s+(?P<noun>(?:[\w-]+\s+){0,2}[\w-]+)")
"""A date that owns what follows it ("last year's deadly blasts"): the happening it dates."""


def classify(sentence: Sentence, timex: Timex, spans: KindSpans | None = None) -> str:
    """The event's kind: the kind word nearest the date in its clause, else in its sentence;
    of a date that owns a noun ("last year's blasts"), that noun's kind or none.

    A caption is a photo unless it shows a briefing, interview or meeting. `spans` are the
    sentence's `kind_spans` (found again if not given).
    """
    spans = kind_spans(sentence.text) if spans is None else spans
    start = timex.start - sentence.start
    end = start + len(timex.text)
    kinds = CAPTION_KINDS if sentence.role == "caption" else None
    owner = POSSESSIVE_DATE.match(sentence.text, end) if timex.text.endswith(("'s", "’s")) or \
        sentence.text.startswith(("'s", "’s"), end) else None
    if owner:  # "last year's blasts", "Tuesday's vote": the kind of what the date owns
        after = _within(spans, sentence.text, owner.start("noun"), owner.end("noun"))
        return _nearest_kind(after, start, end, kinds) or (
            "photo" if sentence.role == "caption" else OTHER)
    clause, left = _clause_span(sentence.text, start, end)
    for found in (_within(spans, sentence.text, left, left + len(clause)), spans):
        kind = _nearest_kind(found, start, end, kinds, sentence.text)
        if kind:
            return kind
    return "photo" if sentence.role == "caption" else OTHER


def kind_spans(text: str) -> KindSpans:
    """Where each kind's words are in `text`.

    >>> spans = kind_spans("Officials SAID crews were deployed")
    >>> {kind: found for (kind, _), found in zip(KINDS, spans, strict=True) if found}
    {'deployment': [(26, 34)], 'statement': [(10, 14)]}
    """
    return kind_spans_of([text])[0]


def kind_spans_of(texts: list[str]) -> list[KindSpans]:
    """`kind_spans` of each of `texts` (sentences), searched together where they are ASCII:
    lowercased and joined by periods, which no kind pattern crosses and which end words as the
    end of a text does. Each pattern is tried only where one of its `KIND_WORDS` stands.

    >>> kind_spans_of(["He said so", "Medics were deployed."])[1][4]
    [(12, 20)]
    """
    plain = [i for i, text in enumerate(texts) if text.isascii()]
    joined = ".".join(texts[i] for i in plain).lower()
    offsets = list(accumulate((len(texts[i]) + 1 for i in plain[:-1]), initial=0))
    found: list[list[list[tuple[int, int]]]] = [[[] for _ in KINDS] for _ in plain]
    starts: list[list[int]] = [[] for _ in KINDS]
    for at, word in word_starts(joined, _ALL_KIND_WORDS):
        for k in _WORD_KINDS[word]:
            starts[k].append(at)
    for k, pattern in enumerate(LOWER_KIND_PATTERNS):
        position = 0
        for at in starts[k]:
            match = pattern.match(joined, at) if at >= position else None
            if match:
                a, b = match.span()
                j = bisect_right(offsets, a) - 1
                found[j][k].append((a - offsets[j], b - offsets[j]))
                position = b
    out: list[KindSpans] = [tuple(spans) for spans in found]
    for i, text in enumerate(texts):
        if not text.isascii():
            out.insert(i, tuple([m.span() for m in pattern.finditer(text)]
                                for _, pattern in KIND_PATTERNS))
    return out


def _within(spans: KindSpans, text: str, left: int, right: int) -> KindSpans:
    """The kind spans of `text[left:right]` (a clause), in `text`'s offsets.

    The text's own matches serve unless one straddles an end of the clause (a kind word such
    as "sent ... to" reaching across a comma), where the clause is searched on its own (a
    clause ends at a comma or semicolon, so word boundaries there are the same either way).
    """
    if left == 0 and right == len(text):
        return spans
    clause: KindSpans | None = None
    out = []
    for matches in spans:
        if not matches:
            out.append(matches)
        elif any(a < left < b or a < right < b for a, b in matches):
            clause = clause or kind_spans(text[left:right])
            out.append([(a + left, b + left) for a, b in clause[len(out)]])
        else:
            out.append([(a, b) for a, b in matches if left <= a and b <= right])
    return tuple(out)


def _nearest_kind(spans: KindSpans, start: int, end: int, kinds: set[str] | None,
                  text: str = "") -> str | None:
    """The kind whose word is closest to [start, end) (earlier kinds win ties); not a word
    that is what something is about (`TOPIC`: "their report on the collapse next month")."""
    best = None
    for rank, ((kind, _), matches) in enumerate(zip(KINDS, spans, strict=True)):
        if kinds is not None and kind not in kinds:
            continue
        for a, b in matches:
            if text and TOPIC.search(text, max(0, a - 12), a):
                continue
            gap = max(a - end, start - b, 0)
            if best is None or (gap, rank) < best[:2]:
                best = (gap, rank, kind)
    return best[2] if best else None


def _clause_span(text: str, start: int, end: int) -> tuple[str, int]:
    """The comma- or semicolon-delimited stretch of `text` around [start, end), and its offset.

    >>> _clause_span("Nurses left on Monday, officials said Tuesday.", 37, 44)
    (' officials said Tuesday.', 22)
    >>> _clause_span("It burned 12,400 acres by Tuesday.", 26, 33)
    ('It burned 12,400 acres by Tuesday.', 0)
    """
    lefts = [m.end() for m in CLAUSE_MARK.finditer(text, 0, start)]
    left = lefts[-1] if lefts else 0
    right = CLAUSE_MARK.search(text, end)
    return text[left : right.start() if right else len(text)], left


CLAUSE_MARK = re.compile(r";|,(?!(?<=\d,)\d)")
"""A comma or semicolon that ends a clause: not the comma of "12,400"."""


_JOINED = r"(?:(?:and|but|while|then)\s+)?"
PIECE_BOUNDARY = re.compile(
    r"[\s,;:—–\"“”](?:(?<=[,;:—–])(?<!\d[,:](?=\d))\s*" + _JOINED
    + r"|(?<=\s)(?:\s*[,;:—–]\s*" + _JOINED + r"|\s*(?:and|but|while|whereas|then|that)\s+"
    + r"|\s*[\"“”]\s*)|(?<=[\"“”])\s*)")
"""Where a sentence holding several dates is cut into the piece of each date: a comma, colon,
semicolon or dash (spaces before and after it, and "and", "but"... after it), "and", "but",
"that"... between spaces, or a quotation mark; not the comma or colon inside a number or a
clock time ("12,400 acres", "2:47 p.m."). Written to open with the character a boundary
opens with (which then looks behind at itself), so the engine skips to those instead of trying
every character, as the pattern did when it opened with optional spaces (the same matches,
checked on 250,000 texts; ~1.7x faster)."""


def date_piece(text: str, start: int, end: int, others: list[tuple[int, int]]) -> tuple[int, int]:
    """The stretch of `text` that belongs to the date at [start, end): from the boundary
    (`PIECE_BOUNDARY`) nearest before it that follows every other date before it, to the one
    nearest after it that precedes every other date after it (`others`: their spans). Where
    no boundary parts it from another date, the piece reaches the sentence's end on that side
    (both dates then share it).

    >>> text = "Crews arrived on March 5 and cleared the span on March 8."
    >>> [text[slice(*date_piece(text, s, e, o))] for s, e, o in
    ...  [(17, 24, [(49, 56)]), (49, 56, [(17, 24)])]]
    ['Crews arrived on March 5', 'cleared the span on March 8.']
    """
    low = max((e for s, e in others if e <= start), default=0)
    high = min((s for s, e in others if s >= end), default=len(text))
    left, right = 0 if low else low, len(text) if high < len(text) else high
    for match in PIECE_BOUNDARY.finditer(text, low, high):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


WHERE = re.compile(r"(?:where|when)\s+(?=(?:the|a|an|his|her|its|their)\s|[A-Z])")
"""A date's piece that is a clause of its own after "where" or "when" with its own subject."""
RELATIVE = re.compile(r"(?:which|who)\s+(?!(?:the|a|an|most|many|some|all|it|he|she|they|we|i"
                      r"|you|his|her|its|their|our|is\s+why|was\s+why|means|meant)\b)")
ANTECEDENT = re.compile(r"(?:^\s*|(?:,|\b(?:according\s+to|by|from|with|for|at|in|on|of))\s+)"
                        r"(?P<noun>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                        r"(?:[\w'&.-]+\s+){0,4}[\w'&.-]*\w|(?:[A-Z][\w'&.-]*\s+){0,5}"
                        r"[A-Z][\w'&.-]*\w)$")
"""The noun phrase a relative clause (`RELATIVE`: its subject, not "which most experts
expected" or "which is why") follows ("according to the Safety Board, which sent a team on
Saturday", "at the city's main seaport, which was damaged on Tuesday"): who or what did it;
else the sentence's subject is (`date_summary`)."""


def date_summary(sentence: Sentence, timex: Timex, dates: list[Timex],
                 mentions: list[Mention], relative: bool = False) -> str:
    """The summary of one of several dates in `sentence`: the piece of the sentence that
    belongs to it (`date_piece`), so each date's row says what happened then ('' when the piece
    is too short to say it). A piece that starts after the sentence's subject gets it back
    when the sentence opens with one undated stretch ("The bridge, which opened in 1962, fell
    on Monday": "The bridge opened in 1962", "The bridge fell on Monday"), and a relative
    clause the name it follows (`relative`: only such a clause, else '')."""
    base = sentence.start
    others = [(t.start - base, t.end - base) for t in dates if t is not timex]
    start, end = timex.start - base, timex.end - base
    left, right = date_piece(sentence.text, start, end, others)
    piece = sentence.text[left:right].strip(" \"“”'.,;:")
    if len(piece.split()) < 3 or piece.startswith(timex.text) or not piece.replace(
            timex.text, "").strip(" ,.;:"):
        return ""
    if any(left <= s and e <= right for s, e in others):  # another date in the same piece
        return ""
    which = RELATIVE.match(piece)
    before = sentence.text[:left].rstrip(" ,;")
    antecedent = ANTECEDENT.search(before) if which and left > 0 else None
    where = WHERE.match(piece)
    if antecedent:  # "..., according to the safety board, which sent a team on Saturday"
        piece = antecedent["noun"] + " " + piece[which.end() :]
    elif where and left > 0:  # "…, where a train derailed on Feb. 3": a clause of its own
        piece = piece[where.end() :]
    elif relative:
        return ""
    elif left > 0:
        opening = PIECE_BOUNDARY.search(sentence.text)
        head = sentence.text[: opening.start()].strip() if opening else ""
        undated = opening is not None and all(s >= opening.start() for s, _ in [*others,
                                                                                  (start, end)])
        if head and undated and opening.start() < left:  # "which opened" → "opened"
            piece = head + " " + re.sub(r"^(?:which|who)\s+", "", piece)
    return summarise(Sentence(base + left, base + right, piece, sentence.role), mentions)


def summarise(sentence: Sentence, mentions: list[Mention]) -> str:
    """A short readable line: the sentence without openers, asides and trailing clauses,
    with a leading pronoun replaced by the person it stands for."""
    text = " ".join(sentence.text.split())
    quoted = ('"' in text or "”" in text) and QUOTE_THEN_SPEAKER.match(text)
    if quoted:
        speaker = quoted["speaker"].rstrip(". ")
        text = f"{speaker}: “{quoted['quote'].strip()}”"
    text = OPENERS.sub("", text)
    text = APPOSITIVE.sub("", text)
    text = TRAILING_CLAUSE.sub("", text).rstrip(" ,;")
    pronoun = LEADING_PRONOUN.match(text)
    if pronoun:
        person = last_person_before(mentions, sentence.start)
        if person:
            text = person + text[pronoun.end() :]
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    text = text.rstrip(".")
    return text[:1].upper() + text[1:]
