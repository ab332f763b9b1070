"""Vocabularies as data: one CSV file per vocabulary beside this module, read once per process.

Each file has a header row; a cell that lists several words separates them with spaces. The
typed readers below are the only way the rest of the package reads a vocabulary, so a word is
spelled in exactly one place.

>>> months()[8].name, months()[8].abbreviations
('September', ('sept', 'sep'))
>>> month_numbers()["sept"], weekday_numbers()["thurs"]
(9, 4)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of vocabulary `name` (`<name>.csv` beside this module), as read."""
    with open(FOLDER / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@dataclass(frozen=True, slots=True)
class Name:
    """A numbered calendar name (a month or a weekday) with its short form and abbreviations."""

    number: int
    name: str
    short: str
    abbreviations: tuple[str, ...]


def _names(name: str) -> tuple[Name, ...]:
    return tuple(
        Name(int(row["number"]), row["name"], row.get("short") or row["name"][:3],
             tuple(row["abbreviations"].split()))
        for row in rows(name)
    )


@cache
def months() -> tuple[Name, ...]:
    """The twelve months, January first."""
    return _names("months")


@cache
def weekdays() -> tuple[Name, ...]:
    """The seven weekdays, Monday (ISO 1) first."""
    return _names("weekdays")


def _numbers(names: tuple[Name, ...]) -> dict[str, int]:
    found = {}
    for entry in names:
        found[entry.name.lower()] = entry.number
        for abbreviation in entry.abbreviations:
            found[abbreviation] = entry.number
    return found


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (lower case, without the dot) to month numbers."""
    return _numbers(months())


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday names and abbreviations (lower case) to ISO weekday numbers (Monday = 1)."""
    return _numbers(weekdays())
