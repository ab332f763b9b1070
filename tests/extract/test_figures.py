"""Figures, one row per case: a short article in, the figures it states out.

Each figure is (value, what it counts, qualifier, as of): what it counts is the people counted
and, if the sentence says, what became of them (killed, wounded, captured, deployed); "as of"
is the date of the sentence's date, or the publication date (2025-02-19). Every sentence was
written for this file. Rows the extractor gets wrong today are marked xfail, with the gap.
"""

from __future__ import annotations

import pytest
from extracted import extract

PUBLISHED = "2025-02-19"


def gap(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


ROWS = [
    # --- a bridge collapse -------------------------------------------------------------------
    ("At least 14 people were killed when the Harlow Street bridge collapsed, police said.",
     [(14, "people killed", "at least", PUBLISHED)]),
    ("The county said 9 people were injured when the bridge fell into the river.",
     [(9, "people wounded", "", PUBLISHED)]),
    ("A 34-year-old driver was among the 6 people injured.",
     [(6, "people wounded", "", PUBLISHED)]),
    ("The span was 120 metres long and carried 30,000 cars a day.", []),
    ("Engineers had inspected the bridge 3 times since 2020.", []),
    pytest.param("Twelve people died in the collapse.", [(12, "people killed", "", PUBLISHED)],
                 marks=gap("numbers written in words are not read")),
    pytest.param("More than 40 firefighters searched the wreckage through the night.",
                 [(40, "firefighters", "more than", PUBLISHED)],
                 marks=gap("only a fixed list of nouns (soldiers, people, workers...) counts")),
    # --- a strike ----------------------------------------------------------------------------
    ("Around 300 workers walked off the job at the Dunmore plant on March 3.",
     [(300, "workers", "around", PUBLISHED)]),
    ("The strike cost the carmaker $40 million a week.", []),
    ("The union has 18,000 members, and 64 percent voted for the strike.", []),
    pytest.param("Nearly 2,500 nurses joined the walkout, the union said.",
                 [(2500, "nurses", "nearly", PUBLISHED)],
                 marks=gap("nurses are not among the nouns a figure counts")),
    pytest.param("Some 600 drivers have been on strike for 12 days.",
                 [(600, "drivers", "some", PUBLISHED)],
                 marks=gap("drivers are not among the nouns a figure counts")),
    pytest.param("Two workers were killed and 5 wounded in the blast.",
                 [(2, "workers killed", "", PUBLISHED), (5, "workers wounded", "", PUBLISHED)],
                 marks=gap("the number in words is taken into the noun ('Two workers')")),
    # --- a trial -----------------------------------------------------------------------------
    ("Lindqvist, 58, denies all 11 charges.", []),
    pytest.param("The jury heard from 22 witnesses over two weeks.",
                 [(22, "witnesses", "", PUBLISHED)],
                 marks=gap("witnesses are not among the nouns a figure counts")),
    # --- an outbreak -------------------------------------------------------------------------
    ("The outbreak has killed 7 children, according to the health ministry.",
     [(7, "children killed", "", PUBLISHED)]),
    ("The ministry estimated that 1.5 million refugees had fled the fighting.",
     [(1_500_000, "refugees", "", PUBLISHED)]),
    pytest.param("The outbreak has infected 3 million people across the region.",
                 [(3_000_000, "people infected", "", PUBLISHED)],
                 marks=gap("no status for the infected: counted as plain 'people'")),
    pytest.param("At least 120 patients have died since the first case was found.",
                 [(120, "patients killed", "at least", PUBLISHED)],
                 marks=gap("patients are not among the nouns a figure counts")),
    pytest.param("The hospital is treating 31 patients, 4 of them in intensive care.",
                 [(31, "patients", "", PUBLISHED), (4, "patients", "", PUBLISHED)],
                 marks=gap("'of them' without a known noun before it counts 'them'")),
    # --- troops in a war (the seed's kind of story) -----------------------------------------
    ("Russia deployed about 50,000 soldiers to the Kursk region in August.",
     [(50_000, "Russian soldiers deployed", "around", "2024-08-31")]),
    ("Up to 5,000 North Korean troops have been killed or wounded, Ukrainian officials said.",
     [(5000, "North Korean troops killed or injured", "up to", PUBLISHED)]),
    ("About 1,500 soldiers arrived in the port city on Friday.",
     [(1500, "soldiers deployed", "around", "2025-02-14")]),
    ("North Korea sent 3,000 troops to Russia in the autumn. Some 200 of them were captured "
     "by Ukrainian forces.",
     [(3000, "North Korean troops deployed", "", "2024-11-30"),
      (200, "North Korean troops captured", "some", PUBLISHED)]),
    ("In 2019 about 400 protesters blocked the road.", []),
    pytest.param("Around 4,000 soldiers, 300 of whom have been killed, remain near the border.",
                 [(4000, "soldiers", "around", PUBLISHED),
                  (300, "soldiers killed", "", PUBLISHED)],
                 marks=gap("the status of the relative clause is given to the whole too")),
    pytest.param("Officials counted 1,200 refugees on Monday and 1,900 on Thursday.",
                 [(1200, "refugees", "", "2025-02-17"), (1900, "refugees", "", "2025-02-13")],
                 marks=gap("a number after 'and' with its noun left out is not a figure")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_figures(text, expected):
    figures = extract(text + "\n", PUBLISHED)["figures"]
    assert [(f["value"], f["counts"], f["qualifier"], f["as_of"]) for f in figures] == expected
