"""Who says so: the speaker or source a sentence attributes its claim to.

A speech verb ("said", "told", "according to": `dashboard.vocab.speech_verbs`) gets its speaker
from the words before it (its subject) or, inverted after a quote or a comma, the name after it.
The subject is an actor named there ("Jane Roe, a spokeswoman for the Lakeside Board, said"),
the organisation that owns what speaks ("the board's lawyers said"), the article's police
("detectives said"), the speaker just quoted ("He said", "The official said", "The company
said": `dashboard.vocab.speaker_nouns`), or a name the actors do not know, as written ("Harlow
Steel said"). A sentence inside a quotation without a speech verb of its own is its speaker's.
The speakers of an article's sentences are found once (`Speech.of`) and serve its events and
figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from dashboard.extract.gazetteer import alternatives
from dashboard.extract.mentions import (
    Mention,
    Mentions,
    last_before,
    last_person_before,
    mentions_between,
)
from dashboard.vocab import (
    demonyms,
    months,
    name_stopwords,
    ordinals,
    role_nouns,
    speaker_noun_kinds,
    speaker_noun_names,
    speaker_nouns,
    speech_participles,
    speech_verbs,
    stopwords,
    titles,
    weekdays,
)


def _verb(verb: str) -> str:
    return r"\s+".join(re.escape(word) for word in verb.split())


FIRST = frozenset(verb for verb, first in speech_verbs() if first)
"""Speech verbs that outrank the others in a sentence ("according to")."""
SPEECH = re.compile(
    r"\b(?P<verb>" + alternatives(v for v, first in speech_verbs() if not first)
    + "".join(r"|(?i:" + _verb(v) + ")" for v in sorted(FIRST)) + r")\b"
)
PARTICIPLE = re.compile(r",\s+(?P<verb>" + "|".join(speech_participles()) + r")\b")
"""A speech verb as a participle after a comma ("..., saying that")."""
SOURCE = re.compile(r"\s+(?:the\s+|an?\s+)?(?P<name>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,3})"
                    r"(?:\s+(?P<what>survey|poll|report|study|census|count|tally|estimate))?\b")
"""A source named after "according to" that the actors do not know ("the Gallup poll")."""
QUOTE_END = re.compile(r"(?:[\"”]|'')")
"""A closing quotation mark: a speaker after it is named after the verb ("..." said X)."""
DESCRIBED = re.compile(r"\s*(?:[A-Za-z][\w.'-]*\s+){0,4}$")
"""Words between a speech verb and its speaker that describe the speaker ("said Ruritanian
journalist")."""
ADVERB_WORDS = ("has", "have", "had", "also", "later", "then", "again", "now", "earlier",
                "previously", "repeatedly", "would", "will", "did", "does", "do", "not", "never",
                "publicly", "formally", "officially", "already", "first", "finally", "strongly",
                "quickly", "meanwhile", "however")
ADVERBS = (r"(?:\s+(?:" + "|".join(ADVERB_WORDS)
           + r"|on\s+\w+|last\s+\w+|this\s+\w+|in\s+a\s+statement))*")
"""Auxiliaries and adverbs between a subject and its verb ("has also", "on Monday")."""
PRONOUN_SUBJECT = re.compile(
    r"\b(he|she|it|they)\s+(?:also\s+|later\s+|then\s+|again\s+)?(?:was\s+|has\s+|had\s+"
    r"|have\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|who|which)\b|(?:[\"”]|'')")
CLAUSE_START = re.compile(
    r"(?:[,;:\"“”]|''|``|\)\s*(?:_|--|—|–|-)|\s--\s|\b(?:that|but|while|because|although"
    r"|when|after|before|if)\b)\s*")
"""What ends a clause: the subject of a verb begins after the last of these before it (a
comma, a quotation mark, a dateline's credit and dash, a conjunction)."""
SUBORDINATE = re.compile(
    r"(?:[,;:]|\)\s*(?:_|--|—|–|-)|\s--\s|\b(?:but|while|because|although|when|after|before"
    r"|if)\b)\s*")
"""Where a clause a joined verb may belong to begins: not after "that" or a quotation mark,
whose clause a verb joined after it seldom continues ("had said that X was Y and urged")."""
INSERTED = re.compile(
    r",\s+(?:(?P<relative>who|which|whose|where)\b|(?:an?|the|another)\s|(?:[\w-]+\s+){0,2}"
    r"(?:" + "|".join(sorted(map(re.escape, role_nouns()), key=len, reverse=True)) + r")\b"
    r"|(?:[a-z][\w-]*\s+){1,3}(?:of|for|at)\s)"
    r"[^,;:\"”]*$")
"""A clause in commas between a subject and its verb: a relative clause ("X, which owns Y,
said") or what the subject is ("Jane Roe, a spokeswoman for the board, said", "John Roe,
superintendent of the state police, said"), read back from the comma before the verb."""
TRAILING_ADVERBS = re.compile(ADVERBS + r"\s*$")
ADVERB_ENDS = frozenset({*ADVERB_WORDS, "statement"})
"""The last words `ADVERBS` can end with, besides the word after "on", "last" or "this"."""
ONLY_ADVERBS = re.compile(r"\s*" + ADVERBS + r"\s*")
"""What may stand between a comma and the verb after it for the comma to end its subject."""
COORDINATED = re.compile(r"\s(?:and|but)" + ADVERBS + r"\s+$")
"""A verb joined to the one before it ("did not name him, but said"): the same subject's."""
WINDOW = 90
SUBJECT_REACH = 150
"""How far back from its verb a subject is read (characters)."""
LOOK_BACK = 2
"""How many sentences back a pronoun or "the official" may find the speaker it stands for."""


def _nouns(words) -> str:
    """A pattern for nouns and their plurals ("company", "companies", "officials")."""
    forms = set()
    for word in words:
        forms.add(re.escape(word) + r"(?:s|es)?")
        if word.endswith("y"):
            forms.add(re.escape(word[:-1]) + "ies")
        if word.endswith("man"):
            forms.add(re.escape(word[:-3]) + "men")
    return "|".join(sorted(forms, key=len, reverse=True))


_STANDS = speaker_nouns()
_WHO = speaker_noun_kinds()
POLICE = re.compile(
    r"^(?:(?:the|a|an|two|three|several|some|other|one)\s+)?(?:[\w-]+\s+){0,3}?(?:"
    + _nouns(w for w, what in _STANDS.items() if "police" in what) + r")$", re.I)
"""A subject that is the police ("the police", "detectives", "a police officer")."""
PREVIOUS = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + _nouns(w for w, what in _STANDS.items() if "previous" in what) + r")$", re.I)
"""A subject that stands for the speaker just quoted ("the official", "the holding company")."""
OWNED = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,3}?(?:" + _nouns(w for w, what in _STANDS.items() if "owner" in what)
    + r")" + ADVERBS + r"\s*$")
"""What an owner's "'s" names before a verb: someone who speaks for it ("the board's two
directors said")."""
SPOKESPERSON = re.compile(
    r"^(?:an?|the|another)\s+(?:[\w-]+\s+){0,2}?(?:" + _nouns(role_nouns()) + r")\s+"
    r"(?:for|of|at|with)\s+(?P<body>[A-Z].*)$")
"""Someone who speaks for a body the actors do not know ("a spokeswoman for Harlow Steel")."""
COMPANY = re.compile(r"\b(?:Corp|Inc|Co|Ltd|PLC|LLC|AG|Group|Company|Corporation)\b\.?")
NAMED = re.compile(r"^(?:[Tt]he\s+)?(?P<name>[A-Z][\w'&.-]*(?:\s+(?:of|and|&|for|de)?\s*"
                   r"[A-Z][\w'&.-]*){0,4})$")
"""A subject written as a name the actors do not know ("Harlow Steel", "Dunmore")."""
NOT_NAMES = frozenset({
    *name_stopwords(), *demonyms(), *(w.name for w in weekdays()), *(m.name for m in months()),
})
COMMON = frozenset({*stopwords(), *role_nouns(), *_STANDS,
                    *(title.lower() for title in titles() if " " not in title)})
"""Words that are not a speaker's name by themselves (in lower case; plurals are checked by
their singular)."""


class _Text(Protocol):
    start: int
    text: str


class Speech:
    """The speakers of one article's sentences, found once and shared by its events and
    figures: each sentence's speech verbs with their speakers (`speakers`), a pronoun or "the
    official" resolved to the speaker just quoted, and the speaker of a quotation given to
    its sentences."""

    def __init__(self, sentences: Sequence[_Text], mentions: list[Mention]):
        self.sentences = sentences
        self.mentions = mentions
        self._index = {s.start: i for i, s in enumerate(sentences)}
        self._own: dict[int, list[tuple[int, int, str]]] = {}
        self._quotes: list[list[tuple[int, bool]]] | None = None
        self._kinds: dict[str, str] | None = None

    @classmethod
    def of(cls, sentences: Sequence[_Text], mentions: list[Mention]) -> Speech:
        """The article's `Speech`, kept on its `Mentions` so events and figures share it."""
        known = getattr(mentions, "speech", None)
        if known is not None and known.sentences is sentences:
            return known
        speech = cls(sentences, mentions)
        if isinstance(mentions, Mentions):
            mentions.speech = speech
        return speech

    def speakers(self, sentence: _Text) -> list[tuple[int, int, str]]:
        """Each speech verb of `sentence` that has a speaker: its rank ("according to"
        first), its offset in the text and the speaker's name; for a sentence inside a
        quotation with none of its own, the quotation's speaker."""
        i = self._index.get(sentence.start)
        if i is None:
            return speakers(sentence.text, sentence.start, self.mentions)
        found = self.own(i)
        if found:
            return found
        if i + 1 < len(self.sentences) and THAT_SOURCE.match(self.sentences[i + 1].text):
            return self.own(i + 1)  # "Fares rose. That's according to the Harlow survey."
        quoted = self._quotation(i)
        return [(1, sentence.start, quoted)] if quoted else []

    def own(self, i: int, depth: int = 0) -> list[tuple[int, int, str]]:
        """The speakers of the speech verbs of sentence `i` itself."""
        if i not in self._own:
            sentence = self.sentences[i]
            self._own[i] = speakers(sentence.text, sentence.start, self.mentions,
                                    lambda pronoun: self._previous(i, pronoun, depth))
        return self._own[i]

    def _previous(self, i: int, pronoun: str, depth: int) -> str | None:
        """Who a pronoun or "the official" in sentence `i` stands for: the speaker of one of
        the sentences just before, if it can be ("he" and "the minister" a person, "it",
        "they" and "the company" not one); None when an actor is named between, `""` when
        the saying just before is by someone the text does not name."""
        if depth > 20:
            return None
        for j in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
            found = self.own(j, depth + 1)
            if found:
                name = max(found, key=lambda f: f[1])[2]
                if not name:
                    return ""  # said by someone unnamed
                person = self._kind(name) == "person"
                who = _WHO.get(_singular(pronoun), "anyone")
                wanted = (PRONOUN_KINDS[pronoun] if pronoun in PRONOUN_KINDS
                          else None if who == "anyone" else who == "person")
                if wanted is not None and wanted != person or not _may_be(pronoun, name):
                    return None
                return name
            sentence = self.sentences[j]
            if SPEECH.search(sentence.text):
                return ""  # its speaker is no one we can name: neither is this one
            if mentions_between(self.mentions, sentence.start,
                                sentence.start + len(sentence.text)):
                return None
        return None

    def _kind(self, name: str) -> str:
        if self._kinds is None:
            self._kinds = {m.name: m.kind for m in self.mentions}
        return self._kinds.get(name, "organisation")

    def _quotation(self, i: int) -> str:
        """The speaker of the quotation sentence `i` is part of, `""` when it is in none: the
        quotation opens in it or up to three sentences before and closes in it or up to three
        after, with no other quotation mark between; its speaker is named after it closes,
        else in the sentence where it opens."""
        if self._quotes is None:
            self._quotes = [_marks(s.text) if _quoted(s.text) else [] for s in self.sentences]
        quotes, n = self._quotes, len(self.sentences)
        marks = quotes[i]
        opened = i if marks and marks[-1][1] else None
        closed = i if marks and not marks[0][1] else None
        if opened is None:
            opened = next((j for j in range(i - 1, max(-1, i - 4), -1) if quotes[j]), None)
            if opened is not None and not quotes[opened][-1][1]:
                opened = None
        if closed is None:
            closed = next((k for k in range(i + 1, min(n, i + 4)) if quotes[k]), None)
            if closed is not None and quotes[closed][0][1]:
                closed = None
        if opened is None or closed is None or opened > closed:
            return ""
        end = self.sentences[closed].start + quotes[closed][0][0]
        after = [f for f in self.own(closed) if f[1] >= end]
        if after:
            return min(after, key=lambda f: f[1])[2]
        before = self.own(opened) if opened < i else []
        return max(before, key=lambda f: f[1])[2] if before else ""


def _marks(text: str) -> list[tuple[int, bool]]:
    """The quotation marks of `text`: (offset, whether it opens), in order."""
    return sorted([(m.start(), True) for m in OPENERS.finditer(text)]
                  + [(m.end(), False) for m in CLOSERS.finditer(text)])


def _quoted(text: str) -> bool:
    """Whether `text` has a quotation mark (quicker than a pattern)."""
    return '"' in text or "“" in text or "”" in text or "``" in text or "''" in text


OPENERS = re.compile(r"“|``|(?:^|(?<=[\s(\[]))\"(?=\w)")
CLOSERS = re.compile(r"”|''|(?<=[\w.,!?])\"(?=[\s,.;:!?)\]]|$)")
"""Quotation marks: curly, TeX-like (``, ''), and straight ones by the side their word is on."""
THAT_SOURCE = re.compile(r"\s*(?:That|This)(?:'s|\s+is|\s+was)?\s+according\s+to\b")
"""A sentence that names the source of the one before ("That's according to X.")."""
_NAMED = speaker_noun_names()
ORDINALS = frozenset(ordinals())


def _may_be(noun: str, name: str) -> bool:
    """Whether "the <noun>" may stand for the body `name` ("the union" for the "Lakeside
    Nurses Association", not for "Mercy Hospital")."""
    words = _NAMED.get(_singular(noun.lower()))
    return not words or any(w in name.lower() for w in words)


PRONOUN_KINDS = {"he": True, "she": True, "it": False, "they": False}
"""Whether the speaker a pronoun stands for is a person."""



def attribute(
    sentence: str, offset: int, mentions: list[Mention], anchor: int | None = None
) -> str:
    """The canonical name of who says what `sentence` (at `offset` in the text) reports.

    `mentions` are all actor mentions of the article; `anchor` is the text offset the claim is
    about (a date or a number): the speech verb nearest to it wins.
    """
    return nearest_speaker(speakers(sentence, offset, mentions),
                           offset if anchor is None else anchor)


def speakers(sentence: str, offset: int, mentions: list[Mention],
             previous=None) -> list[tuple[int, int, str]]:
    """Each speech verb of `sentence` (at `offset` in the text) that has a speaker: its rank
    ("according to" first), its offset in the text and the speaker's canonical name.

    `previous(pronoun)` gives who a pronoun or "the official" stands for, if known (`Speech`).
    Found once for a sentence, they serve every claim in it (`nearest_speaker`).
    """
    verbs = list(SPEECH.finditer(sentence))
    participles = list(PARTICIPLE.finditer(sentence)) if "," in sentence else []
    if not verbs and not participles:
        return []
    end = offset + len(sentence)
    inside = [m for m in mentions_between(mentions, offset, end)
              if not _credit(sentence, offset, m)]
    found: list[tuple[int, int, str]] = []
    for verb in sorted(verbs + participles, key=lambda v: v.start("verb")):
        said = found[-1][2] if found else None  # "X said they believe": X
        if verb.re is PARTICIPLE:
            speaker = _main_subject(sentence, offset, verb.start(), inside, previous)
        else:
            speaker = _speaker(sentence, offset, verb, mentions, inside,
                               (lambda _, said=said: said) if said else previous)
        if speaker:
            rank = 0 if verb.group().lower() in FIRST else 1
            found.append((rank, offset + verb.start("verb"), speaker))
    return found


def _main_subject(sentence: str, offset: int, comma: int, inside: list[Mention],
                  previous) -> str:
    """Who says what a participle after a comma says ("X filed objections, claiming that"):
    the sentence's subject, the first actor named before the comma (not one that only owns
    something: "Jane Roe's house"), or the speaker a pronoun opening the sentence stands for."""
    pronoun = re.match(r"\s*(he|she|it|they)\b", sentence, re.I)
    if pronoun:
        return (previous(pronoun.group(1).lower()) if previous else None) or ""
    named = [m for m in inside if m.end - offset <= comma]
    for clause in reversed(list(SUBORDINATE.finditer(sentence, 0, comma))):
        after = [m for m in named if m.start - offset >= clause.end()]
        if after and _describing(sentence[clause.end() : after[0].start - offset]):
            named = after  # the clause the verb is in: "... when Jane Roe met X and said"
            break
    for n, mention in enumerate(named):
        if sentence.startswith("'s", mention.end - offset):
            continue
        subject = [mention]  # with the names right after it: "Ruritanian leader Jane Roe"
        for following in named[n + 1 :]:
            between = sentence[subject[-1].end - offset : following.start - offset]
            if subject[-1].kind == "person" or not re.fullmatch(
                    r"\s+(?:[\w.'-]+\s+){0,3}", between):  # not "Jane Roe called Bill Doe"
                break
            subject.append(following)
        return _head(sentence, offset, subject)
    return ""


def _describing(words: str) -> bool:
    """Whether `words` may stand before the name of a subject (articles, titles, roles, names:
    "the Ruritanian leader"), not a verb ("met", "called")."""
    return all(word[:1].isupper() or _singular(word.lower()) in COMMON
               for word in words.split())


def nearest_speaker(found: list[tuple[int, int, str]], anchor: int) -> str:
    """Of `speakers`, the one whose verb is nearest to `anchor` (a text offset)."""
    candidates = [(rank, abs(start - anchor), speaker) for rank, start, speaker in found]
    return min(candidates)[2] if candidates else ""


def _speaker(sentence: str, offset: int, verb: re.Match, mentions: list[Mention],
             inside: list[Mention], previous=None) -> str:
    """The actor a speech verb belongs to: its subject, or the named source after it
    (`inside`: the mentions that start in the sentence)."""
    verb_start, verb_end = offset + verb.start(), offset + verb.end()
    sentence_end = offset + len(sentence)
    according = verb.group().lower() in FIRST
    if not according:
        pronoun = PRONOUN_SUBJECT.search(sentence[max(0, verb.start() - 20) : verb.start()])
        if pronoun:
            word = pronoun.group(1).lower()
            before = verb_start - len(pronoun.group())
            said = previous(word) if previous else None
            if said is not None:  # "" after a saying by someone unnamed: no one
                return said
            if word == "they":
                return ""
            if word == "it":
                return last_before(mentions, before, ("organisation", "media")) or ""
            person = last_person_before(mentions, before)
            if person is None:  # no one named yet: "he" speaks for the body named last
                return last_before(mentions, before, ("organisation",)) or ""
            return person
        if _coordinated(sentence, verb.start()):  # "X did Y but said": X
            return _main_subject(sentence, offset, verb.start(), inside, previous)
        head = _before_clauses(sentence, offset, verb.start(), inside)
        subject = _subject_phrase(sentence, head)
        if subject is not None:
            start, phrase = subject
            named = [m for m in inside if m.start >= offset + max(start, head - WINDOW)
                     and m.end <= offset + head]
            if named:
                owned = [m for m in named if not sentence.startswith("'s", m.end - offset)
                         or (OWNED.match(sentence, m.end - offset, head) and re.fullmatch(
                             r"(?:[Tt]he\s+)?", sentence[start : m.start - offset]))]
                return _head(sentence, offset, owned) if owned else ""
            opens = not sentence[:start].strip(" \t\n\"'`“(")
            return _unnamed(phrase, opens, offset + start, mentions, previous)
        before = [
            m for m in inside
            if verb_start - WINDOW <= m.start and m.end <= offset + head and m.start >= offset
            and not CLAUSE_BREAK.search(sentence[m.end - offset : head])
            and (not sentence.startswith("'s", m.end - offset)
                 or OWNED.match(sentence, m.end - offset, head))
        ]
        if before:
            return _subject(sentence, offset, before)
    after = [m for m in inside if verb_end <= m.start < min(verb_end + WINDOW, sentence_end)]
    if according:
        if after:
            return _named(sentence, offset, after)
        source = SOURCE.match(sentence, verb.end())
        if not source or not all(_a_name(re.sub(r"'s?$", "", word))
                                 for word in source["name"].split()):
            return ""
        return f"{source['name']} {source['what'] or ''}".strip()
    inverted = re.search(r"(?:[,\"”]|'')\s*$", sentence[: verb.start()])
    if not inverted:
        return ""
    if after and DESCRIBED.match(sentence[verb.end() : after[0].start - offset]):
        return _named(sentence, offset, after)
    police = re.match(r"\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*[,.]", sentence[verb.end():])
    if police and POLICE.match(police.group(1)):
        return _police(mentions, verb_start)
    return ""


def _coordinated(sentence: str, verb: int) -> bool:
    """Whether the verb at `verb` is joined to one before it (`COORDINATED`), searched only
    where "and" or "but" is written before it."""
    return (sentence.find("and", 0, verb) >= 0 or sentence.find("but", 0, verb) >= 0) and (
        COORDINATED.search(sentence, 0, verb) is not None)


def _credit(sentence: str, offset: int, mention: Mention) -> bool:
    """A wire's credit in brackets ("(AP)"): no one's subject."""
    start, end = mention.start - offset, mention.end - offset
    return sentence[start - 1 : start] == "(" and sentence[end : end + 1] == ")"


def _before_clauses(sentence: str, offset: int, head: int, inside: list[Mention]) -> int:
    """Where the subject of a verb at `head` ends, before the clauses in commas between them:
    a relative clause ("X, which owns Y, said") or, after an actor's name, what it is ("Jane
    Roe, a spokeswoman for the board, said")."""
    comma = sentence.rfind(",", 0, head)
    if comma < 0 or not ONLY_ADVERBS.fullmatch(sentence, comma + 1, head):
        return head  # (the adverbs before a verb aside: ", publicly said")
    ends = {m.end - offset for m in inside}
    inserted = False
    for _ in range(3):
        clause = INSERTED.match(sentence, sentence.rfind(",", 0, comma), comma)
        if not clause or not (clause["relative"] or clause.start() in ends
                              or sentence[: clause.start()].endswith(")")):
            break
        comma, inserted = clause.start(), True
    return comma if inserted else head


AFTER_HEAD = re.compile(r"\s*(?:[,(]|(?:of|for|at|in|from|with|on|to|and|or)\b)")
"""What follows the actor a subject is about when another is named after it ("Jane Roe of
the Lakeside Board", "the board and the union")."""
POSSESSIVE = re.compile(
    r"^(?P<whose>his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:"
    + _nouns(w for w, what in _STANDS.items() if "owner" in what) + r")$", re.I)
"""Someone who speaks for an actor named before ("his spokesman", "its lawyers")."""


def _head(sentence: str, offset: int, named: list[Mention]) -> str:
    """Of the actors named in a subject, the one it is about: the last, unless a preposition
    or a conjunction follows one before it ("Jane Roe of the Lakeside Board", "the board and
    the union"), rather than what describes it ("U.S. Attorney Jane Roe")."""
    for mention, following in zip(named, named[1:], strict=False):
        between = sentence[mention.end - offset : following.start - offset]
        if AFTER_HEAD.match(between) and len(between.split()) <= 6:
            return mention.name
    return named[-1].name


def _subject_phrase(sentence: str, head: int) -> tuple[int, str] | None:
    """The words from the start of the clause to `head` (a verb's start), without the
    auxiliaries and adverbs before the verb: their start and text, or None when there are
    none (the subject is further back: "Jane Roe, a spokeswoman for the board, said")."""
    start = max(0, head - SUBJECT_REACH)
    for clause in CLAUSE_START.finditer(sentence, start, head):
        start = clause.end()
    if start and start == head - SUBJECT_REACH:
        return None  # no clause starts within reach: no subject to read
    words = _without_adverbs(" " + sentence[start:head].rstrip()).strip()
    if not words or AND_OR_END.search(words):
        return None  # none, or a verb's that comes before ("X called Y a liar and said")
    return start, words


AND_OR_END = re.compile(r"\b(?:and|or)$")
WORD = re.compile(r"\w+")


def _without_adverbs(words: str) -> str:
    """`words` (no whitespace after them) without the auxiliaries and adverbs that end them
    (`TRAILING_ADVERBS`), which are looked for only when the last word can end one: a search
    from every character of the subject took a seventh of finding the speakers."""
    last = words.rsplit(None, 2)
    if last and (last[-1] in ADVERB_ENDS or len(last) > 1 and last[-2] in ("on", "last", "this")
                 and WORD.fullmatch(last[-1])):
        return TRAILING_ADVERBS.sub("", words)
    return words


def _unnamed(phrase: str, opens: bool, start: int, mentions: list[Mention],
             previous) -> str:
    """The speaker a subject without an actor's name (`phrase`, at `start` in the text;
    `opens`: at the start of its sentence) stands for, `""` for no one a reader would name:
    the article's police, the speaker just quoted, or a name as written (a single word only
    inside a sentence, where it has its capital for being a name)."""
    if POLICE.match(phrase):
        return _police(mentions, start)
    definite = PREVIOUS.match(phrase)
    if definite:
        noun = definite["noun"].lower()
        said = previous(noun) if previous else None
        if said:
            return said
        if _WHO.get(_singular(noun)) == "body":  # "the holding company": the last named
            return _last_body(mentions, start, noun)
        return ""
    possessive = POSSESSIVE.match(phrase)
    if possessive:  # "his spokesman": the person named last; "its lawyers": the body
        if possessive["whose"].lower() in ("his", "her"):
            return last_person_before(mentions, start) or ""
        return last_before(mentions, start, ("organisation", "media", "country")) or ""
    spokesperson = SPOKESPERSON.match(phrase)
    if spokesperson:
        phrase, opens = spokesperson["body"], False
    words = phrase.split()
    while words and words[0].lower() in COMMON:
        words.pop(0)
    named = NAMED.match(" ".join(words))
    if named and (len(words) > 1 or not opens or _opening_name(words[0])) and all(
            _a_name(word) for word in words if word[:1].isupper()):
        return named["name"]
    return ""


def _opening_name(word: str) -> bool:
    """Whether one capitalised word opening a sentence before a speech verb may be a name
    ("Whitaker said"): not a plural ("Forecasters said"), an ordinal ("First reports"), a
    participle ("Having said that") or a contraction ("I'm told")."""
    return (not word.endswith(("s", "ing")) and bool(OPENING_NAME.fullmatch(word))
            and word.lower() not in ORDINALS)


OPENING_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][A-Z&]{1,6}")


SPEAKER = "other"
"""The kind of a name known only as one that says something ("Whitaker said"): the story's
roster makes it the person of that surname if the story has one, the body of that name if it
has one, else keeps it."""


def unnamed_speakers(rows: list[dict], known) -> list[str]:
    """The speakers of `rows` (events' or figures') that are one word and no actor the article
    names (`known(name)` is None): "Whitaker said", in an article that never gives his first
    name. The story's roster then finds the person of that surname, if the story has one."""
    names = {row["attributed_to"] for row in rows if row["attributed_to"]}
    return sorted(n for n in names if OPENING_NAME.fullmatch(n) and known(n) is None)


def _a_name(word: str) -> bool:
    """Whether a capitalised word may be part of a name ("Harlow", not "Officials")."""
    low = word.lower()
    singular = {low, low.removesuffix("s"), low.removesuffix("es"),
                re.sub(r"(?:men|ies)$", lambda m: "man" if m[0] == "men" else "y", low)}
    return word not in NOT_NAMES and not singular & COMMON


def _singular(noun: str) -> str:
    """A speaker noun's singular ("companies" -> "company", "spokesmen" -> "spokesman")."""
    if noun in _WHO:
        return noun
    for plural, singular in (("ies", "y"), ("men", "man"), ("es", ""), ("s", "")):
        if noun.endswith(plural) and noun[: -len(plural)] + singular in _WHO:
            return noun[: -len(plural)] + singular
    return noun


def _last_body(mentions: list[Mention], offset: int, noun: str) -> str:
    """The organisation named last before `offset` whose name has `noun` in it (a company's:
    a company's ending, "Inc.", "Corp."...)."""
    noun = _singular(noun)
    for mention in reversed(mentions_between(mentions, 0, offset)):
        if mention.kind not in ("organisation", "media"):
            continue
        name = mention.name.lower()
        if noun in name or noun in ("company", "firm") and COMPANY.search(mention.name):
            return mention.name
    return ""


def _police(mentions: list[Mention], offset: int) -> str:
    """The article's police: the body with "police" in its name named nearest before
    `offset` (else the first after it), or "police"."""
    bodies = [m for m in mentions if m.kind == "organisation" and re.search(
        r"\b(?:police|constabulary)\b", m.name, re.I)]
    before = [m for m in bodies if m.end <= offset]
    if before:
        return before[-1].name
    return bodies[0].name if bodies else "police"


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
