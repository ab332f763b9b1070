"""Events, one row per case: a short article in, its dated events out.

An event is a calendar date or time in a sentence (durations, sets and vague references such
as "recently" are not), with its normalised value and its kind: the kind word nearest the date
(briefing, interview, photo, capture, deployment, casualties, enlistment, meeting, attack,
arrest, court, vote, strike, accident, disaster, agreement, resignation, statement), or
"event" when the sentence names none. The article is published on Wednesday 2025-02-19.
Every sentence was written for this file. Rows the extractor gets wrong today are marked
xfail, with the gap.
"""

from __future__ import annotations

import pytest
from extracted import extract

from dashboard.extract.events import KINDS, kind_spans_of

PUBLISHED = "2025-02-19"


def gap(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


ROWS = [
    # --- a bridge collapse -------------------------------------------------------------------
    ("Divers recovered two more bodies from the river on Thursday.",
     [("Thursday", "2025-02-13", "event")]),
    ("The city closed the bridge to trucks in March 2023 after cracks were found.",
     [("March 2023", "2023-03", "event")]),
    ("The transport minister met the victims' families on Monday.",
     [("Monday", "2025-02-17", "meeting")]),
    ("Inspectors will publish their report on the collapse next month.",
     [("next month", "2025-03", "event")]),
    ("The bridge was built in 1968 and last repaired in 2019.",
     [("1968", "1968", "event"), ("2019", "2019", "event")]),
    ("The rescue lasted three days.", []),
    ("The collapse sent four road workers to their deaths on Tuesday.",
     [("Tuesday", "2025-02-18", "casualties")]),
    # a page's own time stamps, kept in a text saved with its furniture, are no events
    ("Last updated: 18 February, 2025 - 17:26 GMT Bridge reopens The bridge reopened on "
     "Monday.",
     [("Monday", "2025-02-17", "event")]),
    ("Page last updated at 09:12 GMT, Tuesday, 18 February 2025 Ferry lost The ferry sank on "
     "Monday.",
     [("Monday", "2025-02-17", "accident")]),
    ("Added: Tuesday, 18 February, 2025, 16:55 GMT I was on the bridge on Monday.",
     [("Monday", "2025-02-17", "event")]),
    ("By Jane Roe LAKESIDE | Tue Feb 18, 2025 4:23 pm EST LAKESIDE (Wire) - The ferry sank on "
     "Monday.", [("Monday", "2025-02-17", "accident")]),
    ("The inquiry's report, published on Monday, blamed the contractor.",
     [("Monday", "2025-02-17", "event")]),
    ("The mayor visits the site every Monday.", []),
    pytest.param("The Harlow Street bridge collapsed on Tuesday evening, the fire department "
                 "said.", [("Tuesday evening", "2025-02-18TEV", "event")],
                 marks=gap("the reporting verb 'said' makes the collapse a statement")),
    # --- a strike ----------------------------------------------------------------------------
    ("Union leader Maria Okafor said on Friday that the strike would continue.",
     [("Friday", "2025-02-14", "statement")]),
    ("Talks between the union and management broke down last week.",
     [("last week", "2025-W07", "meeting")]),
    ("Police detained 15 pickets outside the depot on Tuesday.",
     [("Tuesday", "2025-02-18", "capture")]),
    ("The union recently rejected a pay offer.", []),
    pytest.param("Police arrested two pickets outside the depot on Tuesday.",
                 [("Tuesday", "2025-02-18", "capture")],
                 marks=gap("'arrested' is not a capture word")),
    pytest.param("Workers at the Dunmore plant walked out on March 3.",
                 [("March 3", "2024-03-03", "event")],
                 marks=gap("a month and day in a past-tense sentence is put after the "
                           "publication date")),
    # --- a trial -----------------------------------------------------------------------------
    ("The trial of Peter Lindqvist opened on Monday in Oslo.",
     [("Monday", "2025-02-17", "court")]),
    ("The court will deliver its verdict on March 14.", [("March 14", "2025-03-14", "court")]),
    ("The judge adjourned the trial until Monday.", [("Monday", "2025-02-24", "court")]),
    ("The judge set sentencing for June 12.", [("June 12", "2025-06-12", "court")]),
    ("A man was arrested over last year's deadly blasts.", [("last year's", "2024", "attack")]),
    ("Inspectors will publish their report on the collapse next month.",
     [("next month", "2025-03", "event")]),
    ("Lindqvist gave an interview to a local newspaper on Sunday.",
     [("Sunday", "2025-02-16", "interview")]),
    pytest.param("Lindqvist was arrested in June 2023 and charged with fraud.",
                 [("June 2023", "2023-06", "capture")],
                 marks=gap("'arrested' is not a capture word")),
    # --- an outbreak -------------------------------------------------------------------------
    ("Three patients died at the district hospital on Saturday.",
     [("Saturday", "2025-02-15", "casualties")]),
    ("The health ministry held a news conference on Feb. 10.",
     [("Feb. 10", "2025-02-10", "briefing")]),
    ("The outbreak has grown every week since January, and the clinics are now full.",
     [("January", "2025-01", "event")]),
    ("Vaccination teams arrived in the valley on Feb. 3, the ministry said.",
     [("Feb. 3", "2025-02-03", "deployment")]),
    ("The clinic ran out of saline on Sunday night.",
     [("Sunday night", "2025-02-16TNI", "event")]),
    ("Schools in the district will reopen on Monday, March 3.",
     [("Monday, March 3", "2025-03-03", "event")]),
    ("The first patient was admitted on Jan. 6, and the second on Jan. 8.",
     [("Jan. 6", "2025-01-06", "event"), ("Jan. 8", "2025-01-08", "event")]),
    # --- troops in a war (the seed's kind of story) -----------------------------------------
    ("North Korea deployed about 11,000 troops to Russia in October 2024.",
     [("October 2024", "2024-10", "deployment")]),
    ("Ukraine said it captured two North Korean soldiers on Jan. 9.",
     [("Jan. 9", "2025-01-09", "capture")]),
    ("The soldier joined the army in 2021, he told the interviewer.",
     [("2021", "2021", "enlistment")]),
    pytest.param("Zelenskyy posted a video of the captured soldiers on Jan. 12.",
                 [("Jan. 12", "2025-01-12", "photo")],
                 marks=gap("the adjective 'captured' is nearer the date than 'video'")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_events(text, expected):
    events = extract(text + "\n", PUBLISHED)["events"]
    assert [(e["date_text"], e["timex"], e["kind"]) for e in events] == expected


# Kind words found in several sentences at once (as an article's are): in any case, in text
# that is not ASCII, and never across the end of a sentence ("sent" ... "to" is a deployment
# only within one).
KIND_TEXTS = [
    ("Troops were DEPLOYED on Monday", {"deployment": ["DEPLOYED"]}),
    ("Café owners said they met the mayor", {"meeting": ["met"], "statement": ["said"]}),
    ("He was sent", {}),
    ("to the front, officials said.", {"statement": ["said"]}),
    ("Soldiers were sent to the front", {"deployment": ["sent to"]}),
    ("THE PRESS CONFERENCE ENDED", {"briefing": ["PRESS CONFERENCE"]}),
    ("Zoë joined the army in May", {"enlistment": ["joined the army"]}),
    ("A photo showed wounded men", {"photo": ["photo"], "casualties": ["wounded"]}),
    ("Nothing happened", {}),
]


def test_kind_words_of_many_sentences_at_once():
    texts = [text for text, _ in KIND_TEXTS]
    found = [
        {kind: [text[a:b] for a, b in spans] for (kind, _), spans in zip(KINDS, all_spans,
                                                                         strict=True) if spans}
        for text, all_spans in zip(texts, kind_spans_of(texts), strict=True)
    ]
    assert found == [expected for _, expected in KIND_TEXTS]


def test_two_dates_of_one_sentence_each_say_what_happened_then():
    text = ("Investigators arrived in Millbrook on March 5 and collected pieces of the span on "
            "March 8. The county said on Thursday that a new bridge could open in 2027. "
            "The bridge, which opened in 1962, fell on Monday.")
    rows = extract(text, published="2025-03-14")["events"]
    summaries = {row["date_text"]: row["summary"] for row in rows}
    assert summaries == {
        "March 5": "Investigators arrived in Millbrook on March 5",
        "March 8": "Collected pieces of the span on March 8",
        "Thursday": "The county said on Thursday",
        "2027": "A new bridge could open in 2027",
        "1962": "The bridge opened in 1962",
        "Monday": "The bridge fell on Monday",
    }


def test_the_comma_of_a_number_and_the_colon_of_a_clock_part_no_summary():
    text = ("The fire grew to nearly 19,000 acres overnight, and crews on Thursday saved 2,300 "
            "homes. The alarm was raised at 2:47 p.m. on June 11, and crews arrived on Friday.")
    rows = extract(text, published="2025-06-14")["events"]
    assert [row["summary"] for row in rows] == [
        "The fire grew to nearly 19,000 acres overnight", "Crews on Thursday saved 2,300 homes",
        "The alarm was raised at 2:47 p.m. on June 11", "Crews arrived on Friday"]


def test_a_date_in_a_trailing_relative_clause_is_told_with_the_name_it_follows():
    text = ("Five cars carried the gas, according to the Lakeside Safety Board, which sent a "
            "team to the site on Saturday. The pier, which most experts expected to fail in "
            "2030, held.")
    rows = extract(text, published="2025-03-14")["events"]
    assert [row["summary"] for row in rows] == [
        "The Lakeside Safety Board sent a team to the site on Saturday",
        "The pier held"]  # (not "The pier most experts expected to fail in 2030")


def test_a_date_in_a_clause_after_where_is_told_as_that_clause():
    text = ("The railway will pay $6 million to Millbrook, where a freight train derailed on "
            "Feb. 3, it said on Thursday.")
    rows = extract(text, published="2025-03-14")["events"]
    assert rows[0]["summary"] == "A freight train derailed on Feb. 3"


def test_a_date_in_a_relative_clause_after_the_subject_is_told_with_the_subject():
    rows = extract("Roe, who was first elected in 2017, said she would run again.",
                   published="2025-03-14")["events"]
    assert [row["summary"] for row in rows] == ["Roe was first elected in 2017"]


def test_dates_no_boundary_parts_say_which_date_in_brackets():
    rows = extract("The ferry ran from March 3 to March 9.", published="2025-03-14")["events"]
    assert [row["summary"] for row in rows] == ["The ferry ran from March 3 to March 9 (March 3)",
                                                "The ferry ran from March 3 to March 9 (March 9)"]
    rows = extract("Crews worked on March 3 and March 4 to clear it.", "2025-03-14")["events"]
    assert [row["summary"] for row in rows] == [
        "Crews worked on March 3", "Crews worked on March 3 and March 4 to clear it (March 4)"]
