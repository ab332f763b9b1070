"""Table-driven tests of the temporal tagger: one row per expression, in sentences written here."""

from __future__ import annotations

import re

import pytest

from dashboard.timex import Timex, tag
from dashboard.timex.openers import can_open, word_end
from dashboard.timex.patterns import RULES
from dashboard.timex.timeml import to_timeml

D, T, DUR, S = "DATE", "TIME", "DURATION", "SET"
WED = "2025-02-19"

ROWS = [
    # seed expressions (DCT 2025-02-19, a Wednesday)
    ("The cabinet said Wednesday it will review the rules.", WED, "Wednesday", D, WED, "day"),
    ("A report published earlier in the day named the officials.", WED, "earlier in the day",
     D, WED, "day"),
    ("The two fishermen were rescued on Jan. 9 off the coast.", WED, "Jan. 9", D, "2025-01-09",
     "day"),
    ("Aid convoys have crossed the border since October 2024 to reach the town.", WED,
     "October 2024", D, "2024-10", "month"),
    ("She joined the national orchestra in 2015, playing the cello.", WED, "2015", D, "2015",
     "year"),
    ("The unit was sent to the front on Jan. 5 but saw little action.", WED, "Jan. 5", D,
     "2025-01-05", "day"),
    ("Firefighters battle a blaze near the harbour, Jan. 12. Reuters", WED, "Jan. 12", D,
     "2025-01-12", "day"),
    ("The envoy speaks to reporters in the capital, Feb. 13. AFP", WED, "Feb. 13", D,
     "2025-02-13", "day"),
    ("In a speech earlier this month, the governor promised new roads.", WED,
     "earlier this month", D, "2025-02", "month"),
    ("Prices will keep rising, she told a briefing, Tuesday (local time).", WED, "Tuesday", D,
     "2025-02-18", "day"),
    ("Officials meet on a weekly basis to review the data.", WED, "on a weekly basis", S, "P1W",
     None),
    ("The strikers are currently negotiating with the owners.", WED, "currently", D,
     "PRESENT_REF", None),
    # absolute dates in several formats
    ("The ceasefire began on 9 January and held for a week.", WED, "9 January", D, "2025-01-09",
     "day"),
    ("The order, dated 1/9/2025, was later withdrawn.", WED, "1/9/2025", D, "2025-01-09", "day"),
    ("The law took effect on March 3, 2021, after a long debate.", WED, "March 3, 2021", D,
     "2021-03-03", "day"),
    ("The decree dated 19/02/2024 was annulled.", WED, "19/02/2024", D, "2024-02-19", "day"),
    ("The ruling of 03.02.2025 was appealed.", WED, "03.02.2025", D, "2025-02-03", "day"),
    ("They lived in the camp for 2 1/2 years.", WED, "2 1/2 years", DUR, "P2Y6M", None),
    ("Court filings from 2024-11-30 describe the deal.", WED, "2024-11-30", D, "2024-11-30",
     "day"),
    ("The company was founded in May 1998 by two engineers.", WED, "May 1998", D, "1998-05",
     "month"),
    # relative dates
    ("The minister resigned last week after the vote.", WED, "last week", D, "2025-W07", "week"),
    ("Unemployment fell last month, the agency said.", WED, "last month", D, "2025-01", "month"),
    ("Growth slowed late last year as exports weakened.", WED, "late last year", D, "2024",
     "year"),
    ("The refinery will reopen next year.", WED, "next year", D, "2026", "year"),
    ("The mayor said yesterday that the bridge was safe.", WED, "yesterday", D, "2025-02-18",
     "day"),
    ("The court will rule tomorrow on the appeal.", WED, "tomorrow", D, "2025-02-20", "day"),
    ("The council will vote on Friday on the budget.", WED, "Friday", D, "2025-02-21", "day"),
    ("The rebels seized the town two years ago.", WED, "two years ago", D, "2023", "year"),
    ("Talks are expected in the coming weeks.", WED, "the coming weeks", D, "FUTURE_REF", None),
    ("The festival moved to the coast in the 1990s.", WED, "the 1990s", D, "199", "decade"),
    ("Sales rose in the third quarter of 2024.", WED, "the third quarter of 2024", D, "2024-Q3",
     "quarter"),
    ("Tourism recovered in the summer of 2023.", WED, "the summer of 2023", D, "2023-SU",
     "season"),
    ("The plant opened in mid-January, months behind schedule.", WED, "mid-January", D,
     "2025-01", "month"),
    ("The dam burst on March 3, 2021. Three days later the river peaked.", WED,
     "Three days later", D, "2021-03-06", "day"),
    ("Fighting resumed on Jan. 20, and the next day the talks collapsed.", WED, "the next day", D,
     "2025-01-21", "day"),
    ("Police detained the driver on Tuesday morning.", WED, "Tuesday morning", T,
     "2025-02-18TMO", "day"),
    ("The talks, which began on Monday, will continue through Thursday.", WED, "Monday", D,
     "2025-02-17", "day"),
    ("On Friday, the minister will visit the border.", WED, "Friday", D, "2025-02-21", "day"),
    ("Over the past 24 hours, 12 drones were shot down.", WED, "the past 24 hours", DUR, "PT24H",
     None),
    ("Astronaut Jane Roe will be named to lead a mission in December.", WED, "December", D,
     "2025-12", "month"),
    # times with zones
    ("The polls close at 3 p.m. EST, officials said.", WED, "3 p.m. EST", T, "2025-02-19T15:00",
     "hour"),
    ("The launch is set for 10:30 a.m. tomorrow.", WED, "10:30 a.m. tomorrow", T,
     "2025-02-20T10:30", "minute"),
    ("Voting closes at 2300 GMT on Sunday.", WED, "2300 GMT on Sunday", T, "2025-02-23T23:00",
     "hour"),
    # durations and sets
    ("The siege lasted three days.", WED, "three days", DUR, "P3D", None),
    ("Voters elect a new council every four years.", WED, "every four years", S, "P4Y", None),
    ("He signed a two-year contract with the club.", WED, "two-year", DUR, "P2Y", None),
    ("The crew worked for several hours to free the whale.", WED, "several hours", DUR, "PTXH",
     None),
    ("Over the past week, prices doubled.", WED, "the past week", D, "2025-W07", "week"),
    ("The newspaper is printed daily.", WED, "daily", S, "P1D", None),
    # references
    ("The port is now closed to foreign ships.", WED, "now", D, "PRESENT_REF", None),
    ("The reserve has recently been expanded.", WED, "recently", D, "PAST_REF", None),
    # more constructs
    ("Rents rose sharply in the early 2000s.", WED, "the early 2000s", D, "200", "decade"),
    ("The cathedral was built in the 12th century.", WED, "the 12th century", D, "11", "century"),
    ("Revenue jumped in the fiscal third quarter.", WED, "the fiscal third quarter", D,
     "2024-Q3", "quarter"),
    ("Exports climbed in Q3 2024, the data showed.", WED, "Q3 2024", D, "2024-Q3", "quarter"),
    ("Output fell in the first half of 2024.", WED, "the first half of 2024", D, "2024-H1",
     "half"),
    ("The road was closed last summer for repairs.", WED, "last summer", D, "2024-SU", "season"),
    ("Farmers expect rain this spring.", WED, "this spring", D, "2025-SP", "season"),
    ("The deal is expected to close next month.", WED, "next month", D, "2025-03", "month"),
    ("He arrived on Jan. 20; a week later he was gone.", WED, "a week later", D, "2025-01-27",
     "day"),
    ("Rebels attacked on Feb. 2, and the following day the army withdrew.", WED,
     "the following day", D, "2025-02-03", "day"),
    ("Crowds are expected this weekend in the old town.", WED, "this weekend", D, "2025-W08-WE",
     "week"),
    ("The exhibition opens the day after tomorrow.", WED, "the day after tomorrow", D,
     "2025-02-21", "day"),
    ("Shops were shut on Christmas Day.", WED, "Christmas Day", D, "2024-12-25", "day"),
    ("The clinic opens every Monday at dawn.", WED, "every Monday", S, "XXXX-WXX-1", None),
    ("The pair have been married for nearly 40 years.", WED, "nearly 40 years", DUR, "P40Y",
     None),
    ("The talks lasted two and a half hours.", WED, "two and a half hours", DUR, "PT2H30M", None),
    ("The region has been at peace for decades.", WED, "decades", DUR, "PXY", None),
    ("The vote was held this morning in the capital.", WED, "this morning", T, "2025-02-19TMO",
     "day"),
    ("Police were called at about 11:45 p.m. on Saturday.", WED, "11:45 p.m. on Saturday", T,
     "2025-02-15T23:45", "minute"),
    ("Attendance has fallen in recent years.", WED, "recent years", D, "PAST_REF", None),
    ("The storm is due to arrive later this week.", WED, "later this week", D, "2025-W08",
     "week"),
    ("The agency was founded nineteen ninety-six, he recalled.", WED, "nineteen ninety-six", D,
     "1996", "year"),
    ("Investment rose 5% from a year earlier.", WED, "a year earlier", D, "2024", "year"),
    ("Talks resumed in the spring of 2023 after a pause.", WED, "the spring of 2023", D,
     "2023-SP", "season"),
    ("The attack came in the early hours of Sunday.", WED, "the early hours of Sunday", T,
     "2025-02-16TMO", "day"),
    ("The bridge will reopen by the end of the year.", WED, "the end of the year", D, "2025",
     "year"),
    ("The company has paid a dividend each quarter since 2010.", WED, "each quarter", S, "P1Q",
     None),
    # years in context
    ("The treaty of 1648 ended the war.", WED, "1648", D, "1648", "year"),
    ("The company posted a loss in fiscal 2024.", WED, "fiscal 2024", D, "2024", "year"),
    # units decide precision; halves after the unit; "the year" as a period or a span
    ("The ferry stopped running six weeks ago.", WED, "six weeks ago", D, "2025-W02", "week"),
    ("The hearing was adjourned for an hour and a half.", WED, "an hour and a half", DUR,
     "PT1H30M", None),
    ("A minute and a half later the lights came back.", WED, "A minute and a half", DUR,
     "PT1M30S", None),
    ("Exports for the year were flat, the ministry said.", WED, "the year", D, "2025", "year"),
    ("Sales in the year ended June 30 rose 4%.", WED, "the year", DUR, "P1Y", None),
    ("Revenue in the fiscal year ended March 31 doubled.", WED, "the fiscal year", DUR, "P1Y",
     None),
    ("Until Tuesday, the mayor had not named a deputy.", WED, "Tuesday", D, "2025-02-18",
     "day"),
    ("The courier union will strike until Tuesday.", WED, "Tuesday", D, "2025-02-25", "day"),
    ("The judge postponed the hearing until Tuesday.", WED, "Tuesday", D, "2025-02-25", "day"),
    ("Rescuers searched for 3 hrs before dawn.", WED, "3 hrs", DUR, "PT3H", None),
    ("The road will stay closed for a while.", WED, "a while", DUR, "PXX", None),
    ("The pair split up quite a while ago.", WED, "quite a while ago", D, "PAST_REF", None),
    ("The talks lasted 45 mins at most.", WED, "45 mins", DUR, "PT45M", None),
    ("He served 2 yrs in a labour camp.", WED, "2 yrs", DUR, "P2Y", None),
    ("Officials gave the owners until Monday to reply.", WED, "Monday", D, "2025-02-24", "day"),
    ("Critics said they would appeal Tuesday's verdict.", WED, "Tuesday's", D, "2025-02-18",
     "day"),
    ("Crowds gathered for the new year in the main square.", WED, "the new year", D, "2025",
     "year"),
    ("Crowds will gather for the new year in the square.", "2024-12-02", "the new year", D,
     "2025", "year"),
    # parts of a month bind to the month and become its mod
    ("Ferries were cancelled in the first week of March.", WED, "the first week of March", D,
     "2025-03", "month"),
    ("Prices eased in the second half of January.", WED, "the second half of January", D,
     "2025-01", "month"),
    ("The dam burst in the last days of December 2023.", WED,
     "the last days of December 2023", D, "2023-12", "month"),
]  # fmt: skip

NONE_ROWS = [
    "Ri, 26, and another soldier, 21-year-old Baek, were treated in hospital.",
    "The min wage rose and 27 ships sailed with 20 percent of the cargo.",
    "Once in a while the ferry is late, while the bus never is.",
    "The home side won 3-1 after extra time.",
    "Officials said the rules may change and that crowds may gather.",
    "Thousands of workers will March through the capital on the route.",
    "For bookings call 555-2025 or 020 7946 0958 before noon-time runs out.",
    "The survey found that 80 percent of voters agreed.",
    "The army has 11,000 soldiers, and around 4,000 were wounded.",
    "We said we would help, and we did.",
    "The bill costs $2,015 and weighs 1,998 kilograms.",
    "The mayor of Sunderland met the Sunday Times editor.",
    "Residents gathered at the hot spring outside the village.",
    "The 2000 runners set off from the square.",
    "She moved to the city in her 30s.",
    "He appeared on ABC's This Week to defend the plan.",
    "Critics compared the standoff to High Noon.",
    "The interview aired on 60 Minutes.",
    "Members pay a fee of $40 a year and receive a newsletter.",
    "The bakery sells 300 loaves a day to cafes.",
    "The fund has grown 7% annually, its managers said.",
    "Rail freight could save the mill $2 million a month.",
    "The quarter-to-quarter change in orders was small.",
]


@pytest.mark.parametrize(("sentence", "dct", "text", "type_", "value", "precision"), ROWS,
                         ids=[r[2] for r in ROWS])  # fmt: skip
def test_expression(sentence, dct, text, type_, value, precision):
    found = {t.text: t for t in tag(sentence, dct)}
    assert text in found, f"{text!r} not found in {list(found)}"
    t = found[text]
    assert (t.type, t.value, t.precision) == (type_, value, precision)


@pytest.mark.parametrize("sentence", NONE_ROWS)
def test_no_expression(sentence):
    found = [t.text for t in tag(sentence, WED) if t.text not in ("noon",)]
    assert found == []


def test_seed_traps_give_nothing():
    text = "Ri, 26, and another soldier, 21-year-old Baek. We are 80 percent sure. Around 4,000."
    assert tag(text, WED) == []


@pytest.mark.parametrize(
    ("text", "value", "first", "last"),
    [
        ("in October 2024", "2024-10", "2024-10-01", "2024-10-31"),
        ("in the summer of 2024", "2024-SU", "2024-06-01", "2024-08-31"),
        ("in the 1990s", "199", "1990-01-01", "1999-12-31"),
        ("in the second quarter of 2025", "2025-Q2", "2025-04-01", "2025-06-30"),
        ("on Jan. 9", "2025-01-09", "2025-01-09", "2025-01-09"),
    ],
)
def test_date_range(text, value, first, last):
    (t,) = tag("It happened " + text + ".", WED)
    assert (t.value, t.date, t.date_end) == (value, first, last)


def test_week_range_is_monday_to_sunday():
    (t,) = tag("He left last week.", WED)
    assert (t.value, t.date, t.date_end) == ("2025-W07", "2025-02-10", "2025-02-16")


def test_dct_as_date_object():
    import datetime as dt

    (t,) = tag("They met yesterday.", dt.date(2025, 2, 19))
    assert t.value == "2025-02-18"


def test_timeml_output_escapes_and_numbers():
    text = "Q&A on Jan. 9 <live> and again on Feb. 2."
    out = to_timeml(text, tag(text, WED))
    assert out == (
        'Q&amp;A on <TIMEX3 tid="t1" type="DATE" value="2025-01-09">Jan. 9</TIMEX3> &lt;live&gt; '
        'and again on <TIMEX3 tid="t2" type="DATE" value="2025-02-02">Feb. 2</TIMEX3>.'
    )


def test_timeml_writes_mod():
    text = "Growth slowed late last year."
    assert 'mod="END"' in to_timeml(text, tag(text, WED))


def test_to_dict_drops_empty_fields():
    t = Timex(0, 3, "now", "DATE", "PRESENT_REF")
    assert t.to_dict() == {"start": 0, "end": 3, "text": "now", "type": "DATE",
                           "value": "PRESENT_REF"}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "mod"),
    [
        ("Ferries were cancelled in the first week of March.", "START"),
        ("Prices eased in the second half of January.", "END"),
        ("The dam burst in the final days of December 2023.", "END"),
    ],
)
def test_part_of_month_mod(sentence, mod):
    (t,) = tag(sentence, WED)
    assert t.mod == mod


def test_openers_never_hide_a_match():
    """A rule that matches somewhere may open with its text up to any word end (and one more)."""
    sentences = [row[0] for row in ROWS] + NONE_ROWS
    for i, (name, rx) in enumerate(RULES):
        for sentence in sentences:
            for m in rx.finditer(sentence):
                words = re.finditer(r"\b\w", m.group())
                for end in {word_end(sentence, m.start() + w.start()) for w in words}:
                    probe = sentence[m.start() : end + 1].lower()  # as the tagger probes
                    assert can_open(i, probe), (name, m.group(), probe)


def test_what_the_tagger_learnt_of_its_rules_can_be_kept_for_a_later_run(monkeypatch):
    from dashboard.timex import openers, tagger

    text = "The talks resumed last Tuesday, two weeks after the 3 March summit."
    expected = tag(text, "2025-03-20")
    monkeypatch.setattr(openers, "_KNOWN", {})
    monkeypatch.setattr(tagger, "_VIABLE", {})
    tag(text, "2025-03-20")
    kept = openers.answers()
    assert kept and openers.answers(limit=1) == dict([next(iter(kept.items()))])
    monkeypatch.setattr(openers, "_KNOWN", {})
    monkeypatch.setattr(tagger, "_VIABLE", {})
    monkeypatch.setattr(openers, "_PARTIAL", [None] * len(openers._PARTIAL))
    openers.learn(kept)
    assert tag(text, "2025-03-20") == expected
    assert openers._PARTIAL == [None] * len(openers._PARTIAL)  # nothing compiled again
