"""Reading TimeML .tml files and scoring TIMEX3 extraction the TempEval-3 (Task A) way."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass
class Span:
    """One annotated or predicted expression."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    """One TimeML document: plain text, creation date and gold expressions."""

    name: str
    text: str
    dct: str
    gold: list[Span] = field(default_factory=list)


def read_tml(path: Path) -> Doc:
    """The plain TEXT content of a .tml file with its gold TIMEX3 spans and DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_attrs = dict(_ATTR.findall(_DCT.search(raw).group(1)))
    body = _TEXT.search(raw).group(1)
    parts: list[str] = []
    pos = 0
    gold: list[Span] = []
    open_attrs: dict | None = None
    open_start = 0
    for tok in _TOKEN.findall(body):
        if tok.startswith("<TIMEX3"):
            open_attrs, open_start = dict(_ATTR.findall(tok)), pos
        elif tok.startswith("</TIMEX3"):
            if open_attrs is not None:
                text = "".join(parts)[open_start:pos]
                gold.append(
                    Span(open_start, pos, text, open_attrs.get("type", ""),
                         open_attrs.get("value", ""))  # fmt: skip
                )
            open_attrs = None
        elif tok.startswith("<"):
            continue
        else:
            piece = html.unescape(tok)
            parts.append(piece)
            pos += len(piece)
    return Doc(path.stem, "".join(parts), dct_attrs.get("value", "")[:10], gold)


def read_corpus(folder: Path) -> list[Doc]:
    """Every .tml document of a folder, sorted by name."""
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Score:
    """Counts behind the TempEval-3 Task A measures."""

    n_sys: int = 0
    n_gold: int = 0
    sys_matched: int = 0
    gold_matched: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    pairs: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    conventions: Counter = field(default_factory=Counter)

    def add(self, gold: list[Span], system: list[Span]) -> None:
        """Score one document's system spans against its gold spans."""
        self.n_sys += len(system)
        self.n_gold += len(gold)
        for s in system:
            if any(_overlap(s, g) for g in gold):
                self.sys_matched += 1
            else:
                self._err("spurious", f"{s.text!r} {s.type} {s.value}")
            if any(s.start == g.start and s.end == g.end for g in gold):
                self.strict_sys += 1
        for g in gold:
            cands = [s for s in system if _overlap(s, g)]
            if not cands:
                self._err("missed", f"{g.text!r} {g.type} {g.value}")
                continue
            self.gold_matched += 1
            if any(s.start == g.start and s.end == g.end for s in cands):
                self.strict_gold += 1
            s = max(cands, key=lambda c: min(c.end, g.end) - max(c.start, g.start))
            self.pairs += 1
            self.type_ok += s.type == g.type
            if s.value == g.value:
                self.value_ok += 1
            else:
                self._err(classify(g, s), f"{g.text!r}/{s.text!r} gold {g.value} sys {s.value}")
                if kind := convention(g, s):
                    self.conventions[kind] += 1

    def _err(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        self.examples.setdefault(kind, Counter())[example] += 1

    def value_f1_with_conventions(self) -> float:
        """Value F1 (percent) if the errors that are only a gold convention counted as right."""
        f1 = self.metrics()["F1"]
        ok = self.value_ok + sum(self.conventions.values())
        return f1 * ok / self.pairs if self.pairs else 0.0

    def metrics(self) -> dict[str, float]:
        """Relaxed P/R/F1, strict F1, type accuracy and value F1, in percent."""
        p = self.sys_matched / self.n_sys if self.n_sys else 0.0
        r = self.gold_matched / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        sp = self.strict_sys / self.n_sys if self.n_sys else 0.0
        sr = self.strict_gold / self.n_gold if self.n_gold else 0.0
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        type_acc = self.type_ok / self.pairs if self.pairs else 0.0
        value_acc = self.value_ok / self.pairs if self.pairs else 0.0
        return {
            "P": 100 * p, "R": 100 * r, "F1": 100 * f, "strict_F1": 100 * sf,
            "type_acc": 100 * type_acc, "value_F1": 100 * f * value_acc,
        }  # fmt: skip


_REF = re.compile(r"_REF$")
_SHAPE = re.compile(r"\d")


def classify(gold: Span, system: Span) -> str:
    """The kind of a value error: wrong type, granularity, anchor, reference or duration."""
    g, s = gold.value, system.value
    if (gold.type in ("DURATION", "SET")) != (system.type in ("DURATION", "SET")):
        return "wrong type (duration/set vs date)"
    if gold.type in ("DURATION", "SET"):
        return "wrong duration/set value"
    if bool(_REF.search(g)) != bool(_REF.search(s)):
        return "ref vs calendar value"
    if _SHAPE.sub("9", g) != _SHAPE.sub("9", s):
        return "wrong granularity"
    return "wrong anchor"


_PART = r"T(?:MO|AF|EV|NI)"
_CONVENTIONS = [
    (re.compile(g), re.compile(s), name)
    for g, s, name in (
        (rf"(\d{{4}}-\d\d-\d\d)(?:{_PART})?", rf"(\d{{4}}-\d\d-\d\d){_PART}",
         "day with a part of day: gold a plain date or another part, guidelines TIME"),
        (r"(\d{4})(?:-XX)+", r"(\d{4})", "bare year written YYYY-XX"),
        (r"(\d{4}-W)0?(\d)", r"(\d{4}-W)0(\d)", "week number without its zero (W7)"),
        (r"(\d{3})X", r"(\d{3})", "decade written 199X, guidelines 199"),
    )
]  # fmt: skip
"""(gold value, system value, name) of value conventions on which the corpora disagree."""


def convention(gold: Span, system: Span) -> str | None:
    """The annotation convention behind a value mismatch, when the two values agree otherwise.

    >>> convention(Span(0, 4, "1949", "DATE", "1949-XX"), Span(0, 4, "1949", "DATE", "1949"))
    'bare year written YYYY-XX'
    """
    for gold_rx, system_rx, name in _CONVENTIONS:
        g, s = gold_rx.fullmatch(gold.value), system_rx.fullmatch(system.value)
        if g and s and g.groups() == s.groups():
            return name
    return None
