"""Publication dates written in a page or a file: an ISO timestamp's date, or the first full
date a text writes ("Feb. 19, 2025"), kept only when it can be a publication date."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.read.manifest import EARLIEST_PUBLISHED, latest_published
from dashboard.vocab import months

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
MONTH_STEMS = {month.name[:3].lower(): month.number for month in months()}
"""A month's first three letters (every spelling of it starts so) to its number."""
WRITTEN_DATE = re.compile(
    r"\b(?P<month>" + "|".join(MONTH_STEMS) + r")[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def date_prefix(value: str) -> str:
    """The ISO date at the start of a timestamp, or '' (also when it cannot be a publication
    date: before 1800 or in the future)."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return ""
    try:
        return _plausible(dt.date(*map(int, match.groups())))
    except ValueError:
        return ""


def _plausible(date: dt.date) -> str:
    """`date` in ISO form if it can be a publication date, else ''."""
    return date.isoformat() if EARLIEST_PUBLISHED <= date <= latest_published() else ""


def infer_date(text: str) -> str:
    """The first full date written in the text (ISO or "Feb. 19, 2025"), or ''.

    >>> infer_date("Posted Feb. 19, 2025 at 10:00")
    '2025-02-19'
    """
    for match in ISO_DATE.finditer(text):
        found = date_prefix(match.group(0))
        if found:
            return found
    for match in WRITTEN_DATE.finditer(text):
        month = MONTH_STEMS[match["month"][:3].lower()]
        try:
            found = _plausible(dt.date(int(match["year"]), month, int(match["day"])))
        except ValueError:
            continue
        if found:
            return found
    return ""
