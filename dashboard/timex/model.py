"""The result type of the temporal tagger."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dashboard.period import Period


@dataclass(frozen=True, slots=True)
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
        """The non-empty fields, for JSON output."""
        return {k: v for k, v in asdict(self).items() if v is not None}
