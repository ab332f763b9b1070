"""The tagger's interface: its document date, its Timex records and their TimeML, and what it
learns of its rules in one run handed to the next (the cases are in test_cases.py)."""

from __future__ import annotations

import datetime as dt

from dashboard.timex import Timex, tag
from dashboard.timex.timeml import to_timeml

WED = "2025-02-19"


def test_dct_as_date_object():
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


def test_what_the_tagger_learnt_of_its_rules_serves_a_later_run(monkeypatch):
    """A run handed what an earlier one learnt (`openers.answers`) tags the same text right."""
    from dashboard.timex import openers, tagger

    text = "The talks resumed last Tuesday, two weeks after a summit on 3 March."
    expected = [("last Tuesday", "2025-03-18"), ("two weeks", "P2W"), ("3 March", "2025-03-03")]
    monkeypatch.setattr(openers, "_KNOWN", {})
    monkeypatch.setattr(tagger, "_VIABLE", {})
    assert [(t.text, t.value) for t in tag(text, "2025-03-20")] == expected
    kept = openers.answers()
    assert kept and len(openers.answers(limit=1)) == 1
    monkeypatch.setattr(openers, "_KNOWN", {})
    monkeypatch.setattr(tagger, "_VIABLE", {})
    openers.learn(kept)
    assert [(t.text, t.value) for t in tag(text, "2025-03-20")] == expected
