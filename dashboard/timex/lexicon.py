"""Word tables of the tagger: months, weekdays, numbers, units, seasons and parts of the day."""

from __future__ import annotations

from dashboard.vocab import month_numbers, weekday_numbers

MONTHS = month_numbers()
"""Month names and abbreviations (lower case, without the dot) to month numbers."""

WEEKDAYS = weekday_numbers()
"""Weekday names and abbreviations to ISO weekday numbers (Monday = 1)."""

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "single": 1, "half": 0.5,
    "a half": 0.5, "half a": 0.5, "half an": 0.5, "couple": 2, "a couple of": 2, "dozen": 12,
    "a dozen": 12,
}  # fmt: skip
"""Number words to numbers (compounds such as "twenty-five" are summed by the caller)."""

VAGUE_NUMBERS = ("few", "a few", "several", "some", "many", "numerous", "a number of")
"""Quantity words that leave the count unknown (value "X")."""

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
"""Ordinal words to numbers (quarters, halves, centuries)."""

UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "millennium": "ML", "yr": "Y", "min": "M", "hr": "H",
    "sec": "S",
}  # fmt: skip
"""Time units to their ISO 8601 duration letters (minutes/hours/seconds go after "T")."""

TIME_UNITS = {"second", "minute", "hour", "min", "hr", "sec"}
"""Units that belong after the "T" of a duration."""

SEASONS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip
"""Seasons to their TIMEX3 codes."""

PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "midnight": "NI",
}  # fmt: skip
"""Parts of the day to their TIMEX3 codes."""

SET_WORDS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "quarterly": "P1Q", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip
"""Frequency adverbs to the period of the SET they denote."""

HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "boxing day": (12, 26), "may day": (5, 1), "new year": (1, 1),
}  # fmt: skip
"""Fixed-date holidays to (month, day)."""
