"""Attribution, one row per case: who says what a dated sentence or a figure reports.

Each row is a short article (written for this file), the actors the story knows beside the
built-in gazetteer (as a story's actors.csv gives them to the build), and who each of its
events (in text order), or else each of its figures, is attributed to ("" for no one). Rows
the extractor gets wrong today are marked xfail, with the gap.
"""

from __future__ import annotations

import pytest
from extracted import extract

from dashboard.extract.actors import Actor

UNION = Actor("Dunmore Workers Union", "organisation", ["the union", "DWU"])
HEALTH = Actor("Metro Health Authority", "organisation", ["the health authority"])


def gap(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


ROWS = [
    # --- a bridge collapse -------------------------------------------------------------------
    ("Transport Minister Ellen Marsh said on Wednesday that the bridge had passed its last "
     "inspection.", [], ["Ellen Marsh"]),
    ("The bridge had been closed twice since 2021, according to Reuters.", [], ["Reuters"]),
    ("Residents said the bridge shook on Monday.", [], [""]),
    pytest.param("Fire chief Tomas Ruiz told reporters on Tuesday night that the search would "
                 "go on.", [], ["Tomas Ruiz"]),
    pytest.param("The bridge was inspected in May 2024, city engineer Olga Brandt said.", [],
                 ["Olga Brandt"]),
    ("Nadia Petrova, a spokeswoman for the Port Authority of Lakeside, said on Monday that the "
     "pier was closed.", [], ["Nadia Petrova"]),
    ("The pier closed on Tuesday, said harbour master Pavel Hruby.", [], ["Pavel Hruby"]),
    # what the speaker is, in commas without an article
    ("Col. Tomas Weber, superintendent of the Lakeside State Police, said on Monday that divers "
     "had found the truck.", [], ["Tomas Weber"]),
    ("Mayor Carla Ostrander told reporters on Friday that the roads would reopen.", [],
     ["Carla Ostrander"]),
    ("The Lakeside Transit Authority said in a statement on Monday that buses would run.", [],
     ["Lakeside Transit Authority"]),
    ("\"We will rebuild,\" said Lakeside mayor Carla Ostrander on Friday.", [],
     ["Carla Ostrander"]),
    ("Kenyan officials said on Sunday that the border was open.", [], ["Kenya"]),
    ("A friend of Jane Roe's lawyer said on Friday that she would appeal.", [], [""]),
    ("The Lakeside Port Authority met on Sunday. He said on Monday that the pier would stay "
     "shut.", [], ["", "Lakeside Port Authority"]),
    ("Police said the fire started on Monday.", [], ["police"]),
    ("The shop was robbed on Monday, detectives said, and the Lakeside Police Department asked "
     "for help.", [], ["Lakeside Police Department"]),
    ("\"We closed the pier on Monday. Nobody was hurt,\" harbour master Pavel Hruby said.", [],
     ["Pavel Hruby"]),
    ("Brackwater Mining said on Friday that the quarry would close.", [], ["Brackwater Mining"]),
    ("In a letter to the Lakeside Port Authority, Brackwater Mining said on Friday that the "
     "quarry would close.", [], ["Brackwater Mining"]),
    ("A spokesman for Brackwater Mining said on Friday that the quarry would close.", [],
     ["Brackwater Mining"]),
    ("Residents said on Friday that the quarry was loud. Officials said on Monday that it "
     "would close.", [], ["", ""]),
    # a surname alone opening a sentence (the full name in an earlier article of the story)
    ("Whitaker said on Friday that the evacuation orders would be lifted.", [], ["Whitaker"]),
    ("Forecasters said on Friday that the winds would return.", [], [""]),
    ("Delgado, the Lakeside Fire Department's chief, said on Friday that the lines held.", [],
     ["Delgado"]),
    ("First reports on Friday suggested the dam had held.", [], [""]),
    ("The Lakeside Port Authority did not name the ship, but said on Friday that it had sunk.",
     [], ["Lakeside Port Authority"]),
    ("Canada's Ivo Petrak called Mayor Carla Ostrander a liar and said on Friday that the "
     "pier would close.", [], ["Ivo Petrak"]),
    ("Ivo Petrak spoke on Monday. In a speech read on Lakeside television on Thursday, Petrak "
     "called the mayor a liar and said the pier would close.", [], ["", "Ivo Petrak"]),
    ("The pier closed on Monday when Harlow Steel Inc. cut its power and said the shipyard "
     "was bankrupt.", [], ["Harlow Steel Inc."]),
    ("The mayor, Carla Ostrander, said on Monday that Harlow Steel Inc. was \"killing\" "
     "Lakeside and urged the board to act.", [], ["Carla Ostrander"]),
    ("The Lakeside Port Authority, which runs the pier, did not mention Ivo Petrak by name, "
     "but said on Friday that the ship had sunk.", [], ["Lakeside Port Authority"]),
    ("Fares rose 5 percent in May, according to the Harlow survey of 300 riders.", [],
     ["Harlow survey"]),
    ("Fares fell in June, according to Friday's report.", [], ["", ""]),
    ("Fares rose by 5 percent in May. That's according to the Harlow survey of riders.", [],
     ["Harlow survey"]),
    ("In its Friday issue, the Lakeside Herald quoted a police officer as saying that the "
     "pier was closed.", [], ["Lakeside Herald"]),
    ("Harlow Steel agreed to buy Dunmore's Inc. on Monday. Dunmore's, based in Lakeside, runs "
     "87 stores. In the year ended Jan. 31, the company reported sales of $59 million.", [],
     ["", "Dunmore's Inc."]),
    ("Harlow Steel Inc. officials on Monday played down the leak.", [], ["Harlow Steel Inc."]),
    ("Mayor Carla Ostrander, who had pushed for the quarry, publicly acknowledged on Friday "
     "that it was unsafe.", [], ["Carla Ostrander"]),
    ("Kenyan officials filed a complaint, saying on Friday that the quarry was unsafe.", [],
     ["Kenya"]),
    ("A spokesman for the quarry's owners said the blast was an accident. He said on Friday "
     "that the mine would reopen.", [], [""]),
    # --- a strike ----------------------------------------------------------------------------
    ("\"We will not go back to work until March,\" union leader Maria Okafor said on Friday.",
     [], ["Maria Okafor", "Maria Okafor"]),
    ("Management offered a 3 percent raise on Feb. 4, the union said.", [UNION],
     ["Dunmore Workers Union"]),
    ("The DWU said on Monday that the strike would go on.", [UNION], ["Dunmore Workers Union"]),
    ("Harlow Steel Inc. announced on March 3 that it would close the plant.", [],
     ["Harlow Steel Inc."]),
    pytest.param("Dunmore Workers Union leaders met on Monday. The union said on Tuesday that "
                 "talks had failed.", [UNION], ["", "Dunmore Workers Union"]),
    pytest.param("Maria Okafor, the union's leader, said on Thursday that 2,000 workers had "
                 "signed up.", [], ["Maria Okafor"]),
    ("Harlow Steel Inc. said on Monday that talks had failed. The company said on Tuesday that "
     "it would appeal.", [], ["Harlow Steel Inc.", "Harlow Steel Inc."]),
    ("Harlow Steel Inc., which owns the plant, said on Monday that it would close it.", [],
     ["Harlow Steel Inc."]),
    ("Dunmore Workers Union's lawyers said on Monday that the strike was legal.", [UNION],
     ["Dunmore Workers Union"]),
    ("Maria Okafor, the strike's leader, said on Monday that talks had failed. She said on "
     "Tuesday that the pickets would stay.", [], ["Maria Okafor", "Maria Okafor"]),
    ("Harlow Steel Inc. said on Monday that talks had failed. Maria Okafor met the pickets. "
     "She said on Tuesday that they would stay.", [], ["Harlow Steel Inc.", "Maria Okafor"]),
    # --- a trial -----------------------------------------------------------------------------
    pytest.param("Prosecutor Hanna Berg told the court on Monday that Lindqvist took bribes.",
                 [], ["Hanna Berg"]),
    pytest.param("Defence lawyer Jonas Holm said on Tuesday that his client was innocent.", [],
                 ["Jonas Holm"]),
    ("Jonas Holm did not appear in court on Tuesday, his lawyer said.", [], ["Jonas Holm"]),
    ("Jonas Holm's son said on Tuesday that his father was innocent.", [], [""]),
    ("LAKESIDE (Wire A) _ A friend of the judge said on Friday that she would resign.", [],
     [""]),
    # --- an outbreak -------------------------------------------------------------------------
    ("Health Minister Amina Diallo said 42 new cases were found on Sunday.", [],
     ["Amina Diallo"]),
    ("Cases doubled in January, according to the health authority.", [HEALTH],
     ["Metro Health Authority"]),
    ("The United Nations said on Monday that 1,200 refugees had crossed the border.", [],
     ["United Nations"]),
    pytest.param("The health authority said on Sunday that the wards were full.", [HEALTH],
                 ["Metro Health Authority"],
                 marks=gap("an alias ('the health authority') is not found with a capital "
                           "at the start of a sentence")),
    pytest.param("The World Health Organization said on Jan. 20 that the outbreak was "
                 "spreading.", [], ["World Health Organization"]),
    pytest.param("Some 300 people have died, the World Health Organization said.", [],
                 ["World Health Organization"]),
    # --- a strike ---------------------------------------------------------------------------
    # "the union" stands for the speaker just quoted only when that is a union
    ("Mercy Hospital said it had spent $2 million on replacement staff. About 4,100 nurses took "
     "part, the union said.", [], ["Mercy Hospital", ""]),
    ("The Lakeside Nurses Union said on Monday that talks had failed. The union said on Tuesday "
     "that its members would vote.", [], ["Lakeside Nurses Union", "Lakeside Nurses Union"]),
    # --- troops in a war (the seed's kind of story) -----------------------------------------
    ("Ukrainian President Volodymyr Zelenskyy said on Jan. 11 that two soldiers had been "
     "captured.", [], ["Volodymyr Zelenskyy"]),
    ("Yonhap reported on Feb. 2 that the soldiers were moved to Kyiv.", [], ["Yonhap"]),
    ("Kim Jong Un visited the front in December, KCNA reported, and Russia denied it on "
     "Jan. 5.", [], ["Korean Central News Agency", "Russia"]),
    ("The United Nations said 4,000 civilians had fled the border towns.", [],
     ["United Nations"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "gazetteer", "expected"), ROWS)
def test_attribution(text, gazetteer, expected):
    found = extract(text + "\n", gazetteer=gazetteer)
    rows = found["events"] or found["figures"]
    assert [row["attributed_to"] for row in rows] == expected
