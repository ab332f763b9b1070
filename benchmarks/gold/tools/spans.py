"""Annotator's helper for the extraction gold (issue 17): exact offsets and file validation.

    python -m benchmarks.gold.tools.spans show TimeBank/wsj_0006.tml
    python -m benchmarks.gold.tools.spans find TimeBank/wsj_0006.tml "Pacific First" 0
    python -m benchmarks.gold.tools.spans check benchmarks/gold/TimeBank/*.json

`show` prints the plain text line by line with the offset of each line's first character;
`find` prints `[start, end]` of the n-th (0-based) occurrence of a phrase (every occurrence
when n is omitted); `check` validates gold files: spans in range, `value` consistent with
the span's text, speakers that are actors of the file, happening dates equal to TempEval
TIMEX3 spans where TempEval marks one there, mentions and spans not duplicated.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from benchmarks.tempeval import read_tml

CORPUS = Path("/work/shared/tempeval3")
KINDS = {"person", "organisation", "place", "media", "vessel", "other"}
WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "dozen": 12,
    "half": 0.5,
    "single": 1,
    "both": 2,
}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def text_of(doc: str) -> str:
    """The plain text of a corpus document given as `TimeBank/<id>.tml`."""
    return read_tml(CORPUS / doc).text


def show(doc: str) -> None:
    text = text_of(doc)
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            print(f"{pos:6d} {line.rstrip()}")
        pos += len(line)


def find(doc: str, phrase: str, nth: int | None = None) -> list[tuple[int, int]]:
    text = text_of(doc)
    hits = [(m.start(), m.start() + len(phrase)) for m in re.finditer(re.escape(phrase), text)]
    return hits if nth is None else [hits[nth]]


def numbers_in(s: str) -> list[float]:
    """Every number a span's text can mean (digits with scale words, number words)."""
    s = s.lower().replace(",", "")
    out: list[float] = []
    num = r"(\d+(?:\.\d+)?)(?:\s*(\d+)/(\d+))?\s*-?(thousand|million|billion|trillion)?"
    for m in re.finditer(num, s):
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        if m.group(4):
            v *= SCALE[m.group(4)]
        out.append(v)
    for m in re.finditer(r"\b(\d+)/(\d+)\b", s):
        out.append(int(m.group(1)) / int(m.group(2)))
    toks = re.findall(r"[a-z]+", s.replace("-", " "))
    total, cur, seen, frac = 0.0, 0.0, False, ""
    for i, t in enumerate(toks):
        if frac:
            if t in WORDS and WORDS[t] < 10:
                frac += str(WORDS[t])
                continue
            cur += float(frac)
            frac = ""
        if t == "point" and seen:
            frac = "0."
        elif t == "half" and i >= 2 and toks[i - 2 : i] == ["and", "a"]:
            cur += 0.5
        elif t in ("a", "an") and i + 1 < len(toks) and toks[i + 1] == "half":
            continue
        elif t in ("quarter", "quarters") and seen:
            cur *= 0.25
        elif t in WORDS:
            w = WORDS[t]
            cur = cur * w if t in ("hundred", "dozen") and cur else cur + w
            seen = True
        elif t in SCALE:
            total += (cur or 1) * SCALE[t]
            cur, seen = 0.0, True
    if frac:
        cur += float(frac)
    if seen:
        out.append(total + cur)
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def value_ok(value, span_text: str) -> bool:
    if value is None:
        return True
    cands = numbers_in(span_text)
    for part in re.split(r"\s+(?:or|to|and)\s+|(?<=\d)-(?=\d)", span_text):
        cands += numbers_in(part)
    vals = value if isinstance(value, list) else [value]
    return all(any(_close(v, c) for c in cands) for v in vals)


def _span(text: str, sp, where: str, errs: list[str]) -> str | None:
    if (
        not isinstance(sp, list) or len(sp) != 2 or not all(isinstance(x, int) for x in sp)
        or not 0 <= sp[0] < sp[1] <= len(text)
    ):  # fmt: skip
        errs.append(f"{where}: bad span {sp}")
        return None
    s = text[sp[0] : sp[1]]
    if s != s.strip():
        errs.append(f"{where}: span {sp} {s!r} has outer whitespace")
    return s


def check(path: Path) -> list[str]:
    errs: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = read_tml(CORPUS / gold["doc"])
    text = doc.text
    if path.stem != Path(gold["doc"]).stem:
        errs.append(f"file name {path.name} is not the doc id of {gold['doc']}")
    story = gold.get("story", "")
    if not re.fullmatch(r"[a-z0-9-]+", story):
        errs.append(f"story slug {story!r}")
    names = {a["name"] for a in gold["actors"]}
    if len(names) != len(gold["actors"]):
        errs.append("duplicate actor names")
    seen: dict[tuple, str] = {}
    for a in gold["actors"]:
        if a["kind"] not in KINDS:
            errs.append(f"actor {a['name']}: kind {a['kind']}")
        if not a["mentions"]:
            errs.append(f"actor {a['name']}: no mentions")
        for sp in a["mentions"]:
            _span(text, sp, f"actor {a['name']}", errs)
            if tuple(sp) in seen:
                errs.append(f"actor {a['name']}: mention {sp} also of {seen[tuple(sp)]}")
            seen[tuple(sp)] = a["name"]
    fig_spans = set()
    for i, f in enumerate(gold["figures"]):
        where = f"figure {i}"
        s = _span(text, f["span"], where, errs)
        if tuple(f["span"]) in fig_spans:
            errs.append(f"{where}: duplicate span")
        fig_spans.add(tuple(f["span"]))
        if s is not None and not value_ok(f["value"], s):
            errs.append(f"{where}: value {f['value']} vs {s!r}")
        if f.get("counted") is not None:
            c = _span(text, f["counted"], where + " counted", errs)
            if c is not None and not f["counts"]:
                errs.append(f"{where}: counted {c!r} but no counts")
        elif "counted" not in f:
            errs.append(f"{where}: counted missing")
        if f["counts"] != f["counts"].lower():
            errs.append(f"{where}: counts not lower case")
        if f["speaker"] and f["speaker"] not in names:
            errs.append(f"{where}: speaker {f['speaker']!r} not an actor")
        if f["as_of"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", f["as_of"]):
            errs.append(f"{where}: as_of {f['as_of']!r}")
        for key in ("status", "qualifier"):
            if key not in f:
                errs.append(f"{where}: no {key}")
    for i, a in enumerate(gold["attributions"]):
        _span(text, a["span"], f"attribution {i}", errs)
        if a["speaker"] not in names:
            errs.append(f"attribution {i}: speaker {a['speaker']!r} not an actor")
    timex = {(g.start, g.end) for g in doc.gold}
    for h in gold["happenings"]:
        where = f"happening {h['id']}"
        d = _span(text, h["date"], where + " date", errs)
        _span(text, h["trigger"], where + " trigger", errs)
        if not h["id"].startswith(story + "/"):
            errs.append(f"{where}: id not under the story")
        if d is not None and tuple(h["date"]) not in timex:
            over = [g for g in doc.gold if g.start < h["date"][1] and h["date"][0] < g.end]
            if over:
                errs.append(f"{where}: date {d!r} is not the TIMEX3 {over[0].text!r}")
            else:
                errs.append(f"{where}: date {d!r} not a TempEval TIMEX3 (check by hand)")
    return errs


def main(argv: list[str]) -> int:
    cmd, *rest = argv
    if cmd == "show":
        show(rest[0])
    elif cmd == "find":
        nth = int(rest[2]) if len(rest) > 2 else None
        for s, e in find(rest[0], rest[1], nth):
            print(f"[{s}, {e}]")
    elif cmd == "check":
        bad = 0
        for p in rest:
            for err in check(Path(p)):
                print(f"{p}: {err}")
                bad += 1
        print(f"{len(rest)} files, {bad} problems")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
