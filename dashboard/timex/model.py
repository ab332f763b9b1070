"""The result type of the temporal tagger."""

from __future__ import annotations

from dashboard.period import Period
from dashboard.records import record


@record
class Timex:
    """One time expression: its span in the text and its TIMEX3 normalisation.

    `precision` is the unit the value is known to (second, minute, hour, day, week, month,
    quarter, half, season, year, decade, century) or None for durations, sets and
    PRESENT_REF/PAST_REF/FUTURE_REF; `date`/`date_end` are the first and last ISO day the value
    covers, or None where it names no calendar period. `tz` is the time zone a clock time is
    given in, as written ("ET", "GMT", "Eastern Time"), or None: the value stays local time.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    precision: str | None = None
    date: str | None = None
    date_end: str | None = None
    tz: str | None = None

    @property
    def period(self) -> Period | None:
        """The days the value covers, as the one `Period` value (None where `date` is None).

        >>> Timex(0, 7, "Q1 2025", "DATE", "2025-Q1", None, "quarter").period.label
        'Q1 2025'
        """
        return Period.of_value(self.value, self.type, self.mod)

    def to_dict(self) -> dict:
        """The non-empty fields, for JSON output (read straight from the slots: `asdict` copies
        each value deeply, which costs more than tagging).

        >>> Timex(0, 5, "today", "DATE", "2025-02-19").to_dict()
        {'start': 0, 'end': 5, 'text': 'today', 'type': 'DATE', 'value': '2025-02-19'}
        """
        fields = ((k, getattr(self, k)) for k in self.__slots__)
        return {k: v for k, v in fields if v is not None}
