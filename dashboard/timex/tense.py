"""Tense cues: the words around an expression that tell whether it points back or ahead.

>>> text = "He said talks will be held soon."
>>> [(text[o:o + 4], s) for o, s in cues(text, 0, len(text))]
[('said', -1), ('will', 1), ('soon', 1)]
>>> text = "A hastily planned trip began."
>>> [(text[o:o + 5], s) for o, s in cues(text, 0, len(text))]
[('began', -1)]
"""

from __future__ import annotations

from dashboard.timex.compiled import kept
from dashboard.timex.lexicon import MONTHS, WEEKDAYS

FUTURE = frozenset(
    """will wo won't shall would upcoming coming ahead effective soon
    planned planning scheduled slated expects expect expected meet meets begin begins start
    starts open opens resume resumes arrive arrives visit visits expire expires vote votes
    convene convenes forecast forecasts ends closes runs""".split()
)
"""Words that point ahead on their own."""

FUTURE_BEFORE_TO = frozenset(
    "going plans plan planned intends intend intended aims aim aimed hopes hope hoped set is are "
    "due".split()
)
"""Words that point ahead when "to" follows ("plans to", "is to")."""

MODALS = frozenset("will would shall must to".split())
"""Words after which "be <participle>" points ahead ("will be held")."""

PAST = frozenset(
    """said says was were had did has have been ago last earlier previously since reported told
    announced added noted brought bought sold made took gave came went got saw found left lost
    won began became fell rose held kept met paid ran sent spent stood struck thought wrote
    built caught chose drew drove knew led meant sought shook shot spoke stole swore taught tore
    threw understood woke wore withdrew yesterday arose awoke bled blew broke chose clung crept
    dealt drank drove dug ate fled flew fought forbade forgave forgot froze grew heard hid knelt
    lent rang rode sang sank shone shrank slept slid sped spun sprang stole stuck stung swam
    swept swung strove wept""".split()
)
"""Words that point back."""

_ADVERBS = frozenset("not still also now then probably likely soon only never just".split())
_WORD = kept(r"[A-Za-z]+(?:'[a-z]+)?")


_POSTPONED = kept(r"(?:postpon|delay|extend|give|gave|given|adjourn|deadline|defer|recess)")
"""Words that make a following "until" point ahead ("postponed until Tuesday")."""

STATE_VERBS = frozenset(
    """is are am be being stay stays remain remains get gets become becomes seem seems appear
    appears keep keeps""".split()
)
"""Words after which an "-ed" word is a state, not a past event ("will stay closed")."""

WEAK_FUTURE = frozenset("until till by through due deadline deadlines".split())
"""Words that point ahead unless a tense cue nearer says otherwise ("closed until Monday",
"due by Friday", "the deadline is Thursday", but "had left by Friday")."""

_LIMIT_OPENERS = (
    frozenset(w.lower() for w in WEEKDAYS) | frozenset(MONTHS)
    | {"next", "then", "mid", "early", "late", "tomorrow", "tonight", "this", "noon",
       "midnight"}
)  # fmt: skip
"""Words "until" and "by" open a time limit with ("by Friday", "until next week"); not "the"
("by the Tuesday deadline" may be past)."""

WEAK = 2
"""The size of a weak cue's sign: `cues` gives +2 for a weak cue ahead, +1 for a strong one."""

_SPECIAL = MODALS | FUTURE | FUTURE_BEFORE_TO | PAST | WEAK_FUTURE | {"next", "takes", "take", "as"}
"""Words whose reading depends on the words after them; any other word is a cue only by suffix."""


_PERFECT_FILLERS = frozenset("been originally previously initially already also once".split())
_PLANS = FUTURE | FUTURE_BEFORE_TO | WEAK_FUTURE | {"set", "to", "for"}


def _past_plans(words: list[tuple[int, str]]) -> set[int]:
    """The indices of the words of a plan told in the past perfect ("had been scheduled to
    expire", "had been due to open", "had been set for"): they point back, not ahead.

    >>> _past_plans([(0, "it"), (3, "had"), (7, "been"), (12, "due"), (16, "to"), (19, "open")])
    {3, 4, 5}
    """
    plans: set[int] = set()
    for i, (_, w) in enumerate(words):
        if w != "had":
            continue
        j = i + 1
        while j < len(words) and words[j][1] in _PERFECT_FILLERS:
            j += 1
        run = []
        while j < len(words) and j <= i + 6 and (words[j][1] in _PLANS or j > i + 1 and
                                                  words[j - 1][1] == "to"):  # fmt: skip
            run.append(j)
            j += 1
        if any(words[k][1] in ("to", "for") for k in run):  # not "which had been expected,"
            plans.update(run)
    return plans


def cues(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(offset, +1 ahead / -1 back / +2 weakly ahead) of every tense cue in text[lo:hi]."""
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text, lo, hi)]
    out: list[tuple[int, int]] = []
    skip = -1
    plans = _past_plans(words) if "had" in (w for _, w in words) else ()
    for i, (off, w) in enumerate(words):
        if i <= skip:
            continue
        if i in plans:
            out.append((off, -1))
            continue
        if w not in _SPECIAL:
            if w.endswith("'ll"):
                out.append((off, 1))
            elif len(w) > 3 and w.endswith("ed") and not w.endswith("eed"):
                if not text[off].isupper() and (i == 0 or words[i - 1][1] not in STATE_VERBS):
                    out.append((off, -1))
            continue
        nxt = words[i + 1][1] if i + 1 < len(words) else ""
        if w in MODALS:
            j = i + 1
            while j < min(i + 3, len(words) - 1) and words[j][1] in _ADVERBS:
                j += 1
            if j + 1 < len(words) and words[j][1] == "be":
                out.append((off, 1))
                skip = j + 1
                continue
        if w == "planned" and i and words[i - 1][1].endswith("ly"):
            continue  # "a hastily planned trip", "as previously planned": says when it was planned
        if w in FUTURE or (w == "next" and nxt != "to"):
            out.append((off, 1))
        elif (w in FUTURE_BEFORE_TO and nxt == "to" or w in ("plans", "plan") and nxt in ("a", "an")
              or w == "set" and nxt == "for"):  # "is set for Jan. 17"
            out.append((off, 1))
        elif w in ("takes", "take") and nxt == "place":
            out.append((off, 1))
        elif w == "as" and nxt in ("soon", "early"):
            out.append((off, 1))
            skip = i + 1
        elif w in ("was", "were") and nxt in _PLANS:
            continue  # "were planning to", "was due to": the plan's own word decides
        elif w in PAST and not (i and words[i - 1][1] == "to" and nxt != "been"):
            out.append((off, -1))  # not "to have a vaccine ready", but "to have been"
        elif w == "until" and any(_POSTPONED.match(v) for _, v in words[max(0, i - 4):i]):
            out.append((off, 1))
        elif w in ("until", "till", "by", "through") and nxt.lower() in _LIMIT_OPENERS or w in (
            "due", "deadline", "deadlines"
        ):
            out.append((off, WEAK))
    return out


REPORTING = frozenset(
    """said says told announced reported added stated wrote warned predicted promised pledged
    vowed insisted""".split()
)
"""Verbs that report a speech ("officials said Sunday ...")."""


def reports(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds a reporting verb in the past ("said", "told")."""
    return any(m.group().lower() in REPORTING for m in _WORD.finditer(text, lo, hi))
