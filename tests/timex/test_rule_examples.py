"""Every rule's own examples (its record in dashboard/timex/rules.txt) through the whole tagger.

An example names the rule that must find its expression ("clock+mdy": a clock time joined to the
date after it), the sentence, the DCT, the expression's text and its TIMEX3 type, value, mod and
time zone; a trap is text where nothing may be tagged. A rule with no example, or one whose
example another rule takes (shadowed, or never cued), fails by its name. The sentences are our
own.
"""

from __future__ import annotations

import inspect
import re

import pytest

from dashboard.timex import lookalikes
from dashboard.timex.handlers import absolute, durations, quarters, relative
from dashboard.timex.handlers.registry import CHECKS, HANDLERS
from dashboard.timex.rules import RuleError, parse, with_examples
from dashboard.timex.tagger import tag_rules

RULES, TRAPS = with_examples()
FOUND = [ex for rule in RULES for ex in rule.examples]
NAMES = {rule.name for rule in RULES}


def _id(ex) -> str:
    return f"{ex.rule}:{ex.text}@{ex.dct}"


def _describe(found) -> str:
    return "; ".join(f"{t.text!r} {t.value} ({name})" for name, t in found) or "nothing"


@pytest.mark.parametrize("ex", FOUND, ids=[_id(ex) for ex in FOUND])
def test_rule_example(ex):
    found = tag_rules(ex.sentence, ex.dct)
    start = ex.sentence.index(ex.text)
    hits = [(name, t) for name, t in found if t.start == start and t.text == ex.text]
    assert hits, f"{ex.text!r} not found; got {_describe(found)}"
    name, t = hits[0]
    assert name == ex.rule, f"{ex.text!r} found by rule {name!r}, not {ex.rule!r}"
    expected = (ex.type, ex.value, ex.mod or None, ex.tz or None)
    assert (t.type, t.value, t.mod, t.tz) == expected


@pytest.mark.parametrize("ex", TRAPS, ids=[_id(ex) for ex in TRAPS])
def test_trap(ex):
    start = ex.sentence.index(ex.text)
    end = start + len(ex.text)
    found = tag_rules(ex.sentence, ex.dct)
    hits = [(name, t) for name, t in found if t.start < end and start < t.end]
    assert not hits, f"{ex.text!r} wrongly tagged: {_describe(hits)}"


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_has_an_example(rule):
    assert rule.examples, f"rule {rule.name!r} has no example in rules.txt"


def test_joined_examples_name_known_rules():
    for ex in FOUND:
        assert set(ex.rule.split("+")) <= NAMES, ex.rule


_RECORD = "rule a\n  type DATE\n  direction none\n  value absolute.h_year\n  cues #4\n  pattern x\n"


def test_a_whole_record_reads():
    piece = "piece P\n  about A digit.\n  pattern \\d\n"
    example = "  example One 2. | 2024-01-01 | 2 | DATE | 2024\n"
    (p,), (rule,), traps = parse(piece + _RECORD + example)
    assert (p.name, p.pattern, p.about) == ("P", r"\d", "A digit.")
    assert (rule.name, rule.types, rule.cues, rule.examples[0].value, traps) == (
        "a", ("DATE",), ("#4",), "2024", [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rule a\n  type DATE\n", "rule 'a' has no direction, value, cues, pattern"),
        (_RECORD.replace("DATE", "DAY"), "rule 'a': unknown type in 'DAY'"),
        (_RECORD.replace("none", "back"), "rule 'a': unknown direction in 'back'"),
        (_RECORD + "  type TIME\n", "field 'type' given twice in rule 'a'"),
        (_RECORD + "  colour red\n", "unknown field 'colour'"),
        (_RECORD + "  example One. | 2024-01-01 | Two | DATE | 2024\n", "'Two' is not in"),
        (_RECORD + "  example One 2. | 2024-01-01 | 2 | SET | P1D\n", "'2' is SET, not DATE"),
        (_RECORD + "  trap One. | 2024-01-01 | One\n", "trap belongs in the traps block"),
        ("traps\n  trap One. | 2024-01-01\n", "a trap is 'sentence | DCT | text'"),
        (_RECORD + _RECORD, "'a' is defined twice"),
        ("piece a\n  pattern x\n" + _RECORD, "'a' is defined twice"),
        ("piece P\n  cues x\n", "unknown field 'cues'"),
        ("piece P\n  about x\n", "piece 'P' takes a pattern and an about"),
        ("when\n", "expected 'rule NAME', 'piece NAME' or 'traps'"),
    ],
)
def test_a_malformed_record_is_an_error_naming_it(text, message):
    with pytest.raises(RuleError, match=re.escape(message)):
        parse(text)


def test_every_handler_and_check_serves_a_rule():
    """A value builder or a filter that no record names is dead code: it fails by its name."""
    used = set(HANDLERS.values()) | set(CHECKS.values())
    for module in (absolute, durations, quarters, relative, lookalikes):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith(("h_", "check_")) and fn.__module__ == module.__name__:
                assert fn in used, f"{module.__name__}.{name} serves no rule of rules.txt"
