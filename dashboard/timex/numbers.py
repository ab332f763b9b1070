"""Reading counts written in digits or words.

>>> to_number("twenty-five"), to_number("3"), to_number("several"), to_number("1.5")
(25, 3, None, 1.5)
"""

from __future__ import annotations

from dashboard.timex.compiled import kept
from dashboard.timex.lexicon import NUMBERS

_SPACE = kept(r"[\s-]+")


def to_number(s: str) -> int | float | None:
    """The number a count denotes, or None for a vague one ("several", "a few")."""
    s = _SPACE.sub(" ", s.strip().lower())
    if not s:
        return None
    if s[0].isdigit():
        if s.endswith(" 1/2"):
            whole = to_number(s[:-4])
            return None if whole is None else whole + 0.5
        try:
            f = float(s)
        except ValueError:
            return None
        return int(f) if f.is_integer() else f
    if s in NUMBERS:
        return NUMBERS[s]
    total = 0
    for part in s.split(" "):
        if part not in NUMBERS:
            return None
        total += NUMBERS[part]
    return total


def fmt_number(n: int | float | None) -> str:
    """A count as it appears in a duration value ("X" when unknown)."""
    if n is None:
        return "X"
    if isinstance(n, float):
        return f"{n:g}"
    return str(n)
