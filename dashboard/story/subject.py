"""What a story is about when nobody named it: the phrase its articles' titles share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard.vocab import stopwords

MAX_WORDS = 5
WORD = re.compile(r"[\w'’-]+")


def _phrases(title: str) -> set[tuple[str, ...]]:
    """Every run of 1 to MAX_WORDS words of `title` (lower-cased) that neither starts nor ends
    with a stop word or a number."""
    words = WORD.findall(title.lower())
    common = set(stopwords())
    found = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
            first, last = words[i], words[j - 1]
            if first in common or last in common or first.isdigit() or last.isdigit():
                continue
            found.add(tuple(words[i:j]))
    return found


def shared_subject(titles: Iterable[str], share: float = 0.4) -> str:
    """The longest phrase that at least two titles and `share` of them hold ('' when none),
    as the titles write it; the most shared one among phrases of the same length.

    >>> shared_subject(["Orchard Street bridge collapses", "Divers search river after "
    ...                 "Orchard Street bridge failure", "Orchard Street bridge had rust"])
    'Orchard Street bridge'
    >>> shared_subject(["Port strike ends", "Rain in May"])
    ''
    """
    titles = [t for t in (str(t).strip() for t in titles) if t]
    counts: dict[tuple[str, ...], int] = {}
    for title in titles:
        for phrase in _phrases(title):
            counts[phrase] = counts.get(phrase, 0) + 1
    needed = max(2, share * len(titles))
    kept = [(len(p), n, p) for p, n in counts.items() if n >= needed]
    if not kept:
        return ""
    phrase = " ".join(max(kept)[2])
    for title in titles:  # as written in the first title holding it
        match = re.search(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\W+") + r"(?!\w)",
                          title, re.IGNORECASE)
        if match:
            found = match.group(0)
            return found[:1].upper() + found[1:]
    return phrase
