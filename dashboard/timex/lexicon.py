"""Word tables of the tagger: months, weekdays, numbers, units, seasons, parts of the day and
holidays, as `dashboard.vocab` reads them, keyed for lookups."""

from __future__ import annotations

from dashboard.vocab import (
    holidays,
    month_numbers,
    number_words,
    ordinals,
    parts_of_day,
    seasons,
    set_words,
    time_units,
    vague_numbers,
    weekday_numbers,
)

MONTHS = month_numbers()
"""Month names and abbreviations (lower case, without the dot) to month numbers."""

WEEKDAYS = weekday_numbers()
"""Weekday names and abbreviations to ISO weekday numbers (Monday = 1)."""

NUMBERS = number_words()
"""Number words to numbers (compounds such as "twenty-five" are summed by the caller)."""

VAGUE_NUMBERS = vague_numbers()
"""Quantity words that leave the count unknown (value "X")."""

ORDINALS = ordinals()
"""Ordinal words to numbers (quarters, halves, centuries)."""

UNITS = {unit.word: unit.code for unit in time_units()}
"""Time units to their ISO 8601 duration letters (minutes/hours/seconds go after "T")."""

TIME_UNITS = {unit.word for unit in time_units() if unit.clock}
"""Units that belong after the "T" of a duration."""

SEASONS = seasons()
"""Seasons to their TIMEX3 codes."""

PARTS_OF_DAY = {part.word: part.code for part in parts_of_day()}
"""Parts of the day to their TIMEX3 codes."""

SET_WORDS = {word.word: word.period for word in set_words()}
"""Frequency adverbs to the period of the SET they denote."""

HOLIDAYS = {h.name.lower(): h for h in holidays()}
"""Holidays by their lower-case name."""
