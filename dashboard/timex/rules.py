"""The tagger's rules as data: `rules.txt` beside this module, one record per rule.

A record holds everything about a rule: its pattern over named pieces, the TIMEX3 types it
gives, what decides its direction, the handler that builds its value, the filter that drops
its lookalikes, the words and number shapes that cue it, and its own examples. Parts of patterns
that several rules share are `piece` records. The format is described at the top of
`rules.txt`; a malformed record is an error that names the rule.

>>> [r.name for r in RULES][:3]
['iso', 'numeric', 'mdy']
>>> month = BY_NAME["month"]
>>> month.value, month.check, month.cues
('absolute.h_month', 'check_month', ('@months',))
>>> rules, traps = with_examples()
>>> [r for r in rules if r.name == "month"][0].examples[0].sentence
'The salvage crews left in April.'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dashboard.records import record

PATH = Path(__file__).with_name("rules.txt")

TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
DIRECTIONS = frozenset({"none", "words", "tense", "anchor", "dct"})
_FIELDS = frozenset({"type", "direction", "value", "check", "cues", "pattern"})
_REQUIRED = ("type", "direction", "value", "cues", "pattern")


class RuleError(ValueError):
    """A record of `rules.txt` that cannot be read."""


@record
class Example:
    """A sentence, its DCT and the expression in it that `rule` must find (type, value, mod
    and time zone); for a trap, the text that must stay untagged (`rule` is "-")."""

    rule: str
    sentence: str
    dct: str
    text: str
    type: str = ""
    value: str = ""
    mod: str = ""
    tz: str = ""


@record
class Piece:
    """A named part of the rules' patterns, written once (`piece NAME` in `rules.txt`)."""

    name: str
    pattern: str
    about: str
    line: int


@record
class Rule:
    """One record of `rules.txt`."""

    name: str
    types: tuple[str, ...]
    direction: tuple[str, ...]
    value: str
    check: str | None
    cues: tuple[str, ...]
    pattern: str
    examples: tuple[Example, ...]
    line: int


def _example(rule: str, key: str, value: str, where: str) -> Example:
    fields = [f.strip() for f in value.split(" | ")]
    if key == "trap":
        if len(fields) != 3:
            raise RuleError(f"{where}: a trap is 'sentence | DCT | text', got {value!r}")
        return Example("-", *fields)
    if not 5 <= len(fields) <= 7:
        raise RuleError(
            f"{where}: an example is 'sentence | DCT | text | type | value [| mod [| tz]]',"
            f" got {value!r}"
        )
    joined = key[len("example") :]
    ex = Example(rule + joined, *fields)
    if ex.text not in ex.sentence:
        raise RuleError(f"{where}: {ex.text!r} is not in the example's sentence")
    return ex


def _rule(name: str, line: int, fields: dict[str, str], examples: list[Example]) -> Rule:
    where = f"{PATH.name}:{line}: rule {name!r}"
    missing = [k for k in _REQUIRED if not fields.get(k)]
    if missing:
        raise RuleError(f"{where} has no {', '.join(missing)}")
    types = tuple(fields["type"].split())
    if not set(types) <= TYPES:
        raise RuleError(f"{where}: unknown type in {fields['type']!r}")
    direction = tuple(fields["direction"].split())
    if not set(direction) <= DIRECTIONS:
        raise RuleError(f"{where}: unknown direction in {fields['direction']!r}")
    for ex in examples:
        if ex.type not in types:
            raise RuleError(f"{where}: example {ex.text!r} is {ex.type}, not {fields['type']}")
    cues = tuple(fields["cues"].split())
    check = fields.get("check")
    return Rule(name, types, direction, fields["value"], check, cues, fields["pattern"],
                tuple(examples), line)  # fmt: skip


def parse(text: str, keep_examples: bool = True) -> tuple[list[Piece], list[Rule], list[Example]]:
    """The pieces, the rules and the traps of a rules file's text, in order; without
    `keep_examples`, the examples and traps are passed over (the tagger does not need them)."""
    pieces: list[Piece] = []
    rules: list[Rule] = []
    traps: list[Example] = []
    kind = ""
    name: str | None = None
    start = 0
    fields: dict[str, str] = {}
    examples: list[Example] = []
    key = ""

    def close() -> None:
        if kind == "rule":
            rules.append(_rule(name, start, fields, examples))
        elif kind == "piece":
            if set(fields) - {"pattern", "about"} or not fields.get("pattern"):
                raise RuleError(f"{PATH.name}:{start}: piece {name!r} takes a pattern and an about")
            pieces.append(Piece(name, fields["pattern"], fields.get("about", ""), start))

    for n, line in enumerate(text.splitlines(), 1):
        if not keep_examples and line.startswith(("  example", "  trap")):
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{PATH.name}:{n}"
        if not line[0].isspace():
            close()
            head, _, rest = stripped.partition(" ")
            if head in ("rule", "piece") and rest.strip():
                kind, name, start, fields, examples, key = head, rest.strip(), n, {}, [], ""
                if any(r.name == name for r in (*rules, *pieces)):
                    raise RuleError(f"{where}: {name!r} is defined twice")
            elif stripped == "traps":
                kind, name, key = "traps", None, "traps"
            else:
                raise RuleError(
                    f"{where}: expected 'rule NAME', 'piece NAME' or 'traps', got {stripped!r}")
        elif line.startswith("   "):
            if key not in fields:
                raise RuleError(f"{where}: a continuation line with nothing to continue")
            fields[key] += ("" if key == "pattern" else " ") + stripped
        else:
            key, _, value = stripped.partition(" ")
            value = value.strip()
            if key == "trap" or key.startswith("example"):
                if (key == "trap") != (kind == "traps") or kind == "piece":
                    raise RuleError(f"{where}: {key} belongs in " + (
                        "the traps block" if key == "trap" else "a rule"))  # fmt: skip
                ex = _example(name or "-", key, value, where)
                (traps if key == "trap" else examples).append(ex)
            elif kind == "piece" and key in ("pattern", "about") and key not in fields:
                fields[key] = value
            elif kind != "rule" or key not in _FIELDS:
                raise RuleError(f"{where}: unknown field {key!r}")
            elif key in fields:
                raise RuleError(f"{where}: field {key!r} given twice in rule {name!r}")
            else:
                fields[key] = value
    close()
    return pieces, rules, traps


PIECES, RULES, _ = parse(PATH.read_text(encoding="utf-8"), keep_examples=False)
"""The shared pieces of the patterns and every rule of `rules.txt` in order, without their
examples."""

BY_NAME = {r.name: r for r in RULES}


@cache
def with_examples() -> tuple[list[Rule], list[Example]]:
    """Every rule with its examples, and the traps (text that must stay untagged): for tests."""
    _, rules, traps = parse(PATH.read_text(encoding="utf-8"))
    return rules, traps
