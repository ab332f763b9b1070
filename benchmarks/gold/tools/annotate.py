"""Annotator's helper for the extraction gold (issue 17): phrases in, exact offsets out.

    python benchmarks/gold/tools/annotate.py show AQUAINT/APW19980807.0261
    python benchmarks/gold/tools/annotate.py find AQUAINT/APW19980807.0261 "dozens" 1
    python benchmarks/gold/tools/annotate.py build SPEC.txt [...]   # writes the JSON files
    python benchmarks/gold/tools/annotate.py check benchmarks/gold/*/*.json

`show` prints the plain text with the offset of each line's first character, the TIMEX3
spans with values, and the sentences with their spans. `find` gives `[start, end]` of the n-th
(1-based) occurrence. `build` reads an annotator's spec (kept outside the repository: it names
phrases, which are looked up here, so the JSON holds offsets only) with one line per item:

    doc AQUAINT/APW19980807.0261
    story embassy-bombings-1998
    F dozens v=null n=people c=person s=killed q= by= asof=1998-08-07
    A place Kenya = Kenya | Kenya's
    T witnesses#1 by="Red Cross"          (the sentence that holds the phrase)
    T2 start#1 end#1 by="Red Cross"       (from the first phrase's start to the second's end)
    H blast date=Friday#1 trig=exploded

A phrase is `words#k` (k-th occurrence, default 1); `n=` and `trig=` without `#k` take the
occurrence nearest to the figure or the date. Actor mentions are every whole-word occurrence
of the `|`-separated names, longest first.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from benchmarks.tempeval import read_tml  # noqa: E402

SHARED = Path(os.environ.get("TEMPEVAL_DIR") or ROOT.parent / "shared" / "tempeval3")
GOLD = ROOT / "benchmarks" / "gold"
KINDS = {"person", "organisation", "place", "media", "vessel", "other"}
_ABBR = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|Jan|Feb|Aug|Sept|Sep|Oct|Nov"
    r"|Dec|Capt|Maj|Adm|Prof|Rev|Cmdr|Atty|Gen|[ap]\.m|Corp|Inc|Co|Ltd|No|Mo|Fla|Calif|Mass|Pa|Va|Ga|Ill|Mich|Minn|Wis|Ore|Ariz|Colo|Conn)"
    r"\.|\b(?:[A-Z]\.){2,})$"
)
WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "both": 2,
    "single": 1, "half": 0.5,
}  # fmt: skip
SCALE = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
VAGUE = {
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "several", "many",
    "some", "few", "handful", "tens", "numerous", "countless",
}  # fmt: skip


def doc_of(name: str):
    """The TempEval document `AQUAINT/<id>` (with or without .tml)."""
    name = name.removesuffix(".tml")
    return read_tml(SHARED / f"{name}.tml")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a stop and space before a capital or quote, or a blank line."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])['\"`]*\s+(?=[A-Z`'\"(])|\n\s*\n", text):
        before = text[start : m.start()].rstrip("'\"`")
        if not re.search(r"\n\s*\n", m.group()) and _ABBR.search(before):
            continue
        if not text[start : m.start()].strip():
            start = m.end()
            continue
        end = m.start() + len(m.group()) - len(m.group().lstrip("'\"`"))
        spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def occurrences(text: str, phrase: str, words: bool = True) -> list[tuple[int, int]]:
    """Every (whole-word) occurrence of a phrase."""
    esc = re.escape(phrase)
    rx = rf"(?<!\w){esc}(?!\w)" if words else esc
    return [(m.start(), m.end()) for m in re.finditer(rx, text)]


def phrase_span(text: str, ref: str, near: int | None = None) -> tuple[int, int]:
    """The span of `words#k`, or of the occurrence nearest to `near`."""
    phrase, _, k = ref.rpartition("#") if re.search(r"#\d+$", ref) else (ref, "", "")
    occ = occurrences(text, phrase) or occurrences(text, phrase, words=False)
    if not occ:
        raise ValueError(f"not found: {phrase!r}")
    if k:
        return occ[int(k) - 1]
    if near is not None:
        return min(occ, key=lambda s: abs(s[0] - near))
    return occ[0]


def parse_number(s: str) -> float | None:
    """The number a figure's text says, or None for a vague word.

    >>> [parse_number(x) for x in ("1,643", "at least 82", "a hundred thirty million",
    ...  "sixty-one and a half", "a half million", "three-quarters", "one point six billion")]
    [1643.0, 82.0, 130000000.0, 61.5, 500000.0, 0.75, 1600000000.0]
    """
    s = s.lower().replace(",", "").replace("$", "").replace("%", " ").replace("-", " ")
    s = re.sub(r"\ba (half|quarter)\b", r"\1", s).strip()
    total, cur, seen, decimal = 0.0, 0.0, False, 0.0
    for tok in re.findall(r"\d+(?:\.\d+)?|[a-z]+", s):
        if re.fullmatch(r"[\d.]+", tok):
            cur, seen = cur + float(tok), True
        elif tok == "point":
            decimal = 0.1
        elif decimal and tok in WORDS and WORDS[tok] < 10:
            cur, decimal = cur + WORDS[tok] * decimal, decimal / 10
        elif tok in ("half", "quarter", "quarters"):
            part = 0.5 if tok == "half" else 0.25
            cur, seen = (cur + part if cur >= 1 and tok == "half" else (cur or 1) * part), True
        elif tok in SCALE:
            cur, seen, decimal = (cur or 1) * SCALE[tok], True, 0.0
            if tok != "hundred":
                total, cur = total + cur, 0.0
        elif tok in WORDS:
            cur, seen = (cur or 0) + WORDS[tok], True
        elif tok in VAGUE:
            return None
    return total + cur if seen else None


def value_ok(span_text: str, value) -> bool:
    """`value` agrees with the figure's text (a range: its ends appear in the text)."""
    if value is None:
        return parse_number(span_text) is None
    if isinstance(value, list):
        parts = re.split(r"\s+(?:to|and|or)\s+|-(?=\d)", span_text)
        if len(parts) < 2:
            return False
        nums = [parse_number(p) for p in parts]
        lo, hi = nums[0], nums[-1]
        if lo is not None and hi is not None and lo < hi:
            scale = value[1] / hi if hi else 1
            return abs(lo * scale - value[0]) < 1e-6 and abs(hi * scale - value[1]) < 1e-6
        return False
    got = parse_number(span_text)
    return got is not None and abs(got - value) < 1e-6 * max(1, abs(value))


def _val(v: str):
    if v in ("null", "none", ""):
        return None
    if re.fullmatch(r"[\d.]+-[\d.]+", v):
        lo, hi = v.split("-")
        return [_num(lo), _num(hi)]
    return _num(v)


def _num(v: str):
    f = float(v)
    return int(f) if f.is_integer() else f


def build(spec: Path) -> list[Path]:
    """Compile a spec into gold JSON files; returns the files written."""
    written, gold, text = [], None, ""
    lines = spec.read_text(encoding="utf-8").splitlines()
    for no, line in enumerate(lines + ["doc END"], 1):
        line = line.split(" //")[0].strip()
        if not line or line.startswith("#"):
            continue
        try:
            written += _line(line, gold_box := [gold, text])
        except Exception as exc:  # noqa: BLE001
            raise SystemExit(f"{spec}:{no}: {exc}: {line}") from exc
        gold, text = gold_box
    return written


def _line(line: str, box: list) -> list[Path]:
    gold, text = box
    head, _, rest = line.partition(" ")
    if head == "doc":
        out = []
        if gold is not None:
            path = GOLD / (gold["doc"].removesuffix(".tml") + ".json")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dump(gold), encoding="utf-8")
            out.append(path)
        if rest != "END":
            box[0] = {"doc": rest + ".tml", "story": "", "figures": [], "actors": [],
                      "attributions": [], "happenings": []}  # fmt: skip
            box[1] = doc_of(rest).text
        return out
    if head == "story":
        gold["story"] = rest
        return []
    toks = shlex.split(rest.split(" = ", 1)[0] if head == "A" else rest)
    kv = dict(t.split("=", 1) for t in toks if "=" in t and not t.startswith("="))
    pos = [t for t in toks if not ("=" in t and not t.startswith("="))]
    if head == "F":
        s, e = phrase_span(text, pos[0])
        n = kv.get("n", "")
        counted = list(phrase_span(text, n, near=e)) if n else [s, e]
        if n and "#" not in n:
            occ = occurrences(text, n) or occurrences(text, n, words=False)
            counted = list(min(occ, key=lambda o: min(abs(o[0] - e), abs(s - o[1]))))
        gold["figures"].append({
            "span": [s, e], "value": _val(kv.get("v", "null")), "counted": counted,
            "counts": kv.get("c", ""), "status": kv.get("s", ""), "qualifier": kv.get("q", ""),
            "speaker": kv.get("by", ""), "as_of": kv.get("asof", ""),
        })  # fmt: skip
    elif head == "A":
        kind, name = pos[0], pos[1]
        names = [n.strip() for n in rest.split(" = ", 1)[1].split("|")] if " = " in rest else [name]
        taken: list[tuple[int, int]] = []
        for n in sorted(names, key=len, reverse=True):
            phrase, _, k = n.rpartition("#") if re.search(r"#\d+$", n) else (n, "", "")
            occ = occurrences(text, phrase)
            for o in [occ[int(k) - 1]] if k else occ:
                if not any(o[0] < t[1] and t[0] < o[1] for t in taken):
                    taken.append(o)
        if not taken:
            raise ValueError(f"no mention of {name}")
        gold["actors"].append(
            {"name": name, "kind": kind, "mentions": [list(t) for t in sorted(taken)]}
        )
    elif head in ("T", "T2"):
        if head == "T":
            s, _ = phrase_span(text, pos[0])
            span = next(list(x) for x in sentences(text) if x[0] <= s < x[1])
        else:
            span = [phrase_span(text, pos[0])[0], phrase_span(text, pos[1])[1]]
        gold["attributions"].append({"span": span, "speaker": kv["by"]})
    elif head == "H":
        d = phrase_span(text, kv["date"])
        t = phrase_span(text, kv["trig"], near=d[0])
        gold["happenings"].append(
            {"id": f"{gold['story']}/{pos[0]}", "date": list(d), "trigger": list(t)}
        )
    else:
        raise ValueError(f"unknown line kind {head}")
    return []


def dump(gold: dict) -> str:
    """JSON with one item per line."""
    out = ["{", f'  "doc": {json.dumps(gold["doc"])},', f'  "story": {json.dumps(gold["story"])},']
    keys = ["figures", "actors", "attributions", "happenings"]
    for i, key in enumerate(keys):
        items = gold[key]
        tail = "," if i < len(keys) - 1 else ""
        if not items:
            out.append(f'  "{key}": []{tail}')
            continue
        out.append(f'  "{key}": [')
        out += [f"    {json.dumps(x)}{',' if j < len(items) - 1 else ''}" for j, x in
                enumerate(items)]  # fmt: skip
        out.append(f"  ]{tail}")
    out.append("}")
    return "\n".join(out) + "\n"


def check(path: Path) -> list[str]:
    """Problems of one gold file (empty when it is valid)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = read_tml(SHARED / gold["doc"])
    text, n, errs = doc.text, len(doc.text), []

    def span_ok(sp, what):
        if not (isinstance(sp, list) and len(sp) == 2 and 0 <= sp[0] < sp[1] <= n):
            errs.append(f"{what}: bad span {sp}")
            return False
        return True

    names = {a["name"] for a in gold["actors"]}
    for f in gold["figures"]:
        if span_ok(f["span"], "figure") and not value_ok(text[slice(*f["span"])], f["value"]):
            errs.append(f"figure {f['span']}: value {f['value']} vs {text[slice(*f['span'])]!r}")
        if f["counted"] is not None:  # null: no counted noun in the text
            span_ok(f["counted"], "counted")
        if f["speaker"] and f["speaker"] not in names:
            errs.append(f"figure {f['span']}: speaker {f['speaker']!r} not an actor")
    for a in gold["actors"]:
        if a["kind"] not in KINDS:
            errs.append(f"actor {a['name']}: kind {a['kind']}")
        for m in a["mentions"]:
            span_ok(m, f"mention of {a['name']}")
    for t in gold["attributions"]:
        span_ok(t["span"], "attribution")
        if t["speaker"] not in names:
            errs.append(f"attribution {t['span']}: speaker {t['speaker']!r} not an actor")
    timex = {(g.start, g.end) for g in doc.gold}
    for h in gold["happenings"]:
        if span_ok(h["date"], "date") and tuple(h["date"]) not in timex:
            if any(g.start < h["date"][1] and h["date"][0] < g.end for g in doc.gold):
                errs.append(f"happening {h['id']}: date {h['date']} is not TempEval's extent")
        span_ok(h["trigger"], "trigger")
        if not h["id"].startswith(gold["story"] + "/"):
            errs.append(f"happening {h['id']}: not in story {gold['story']}")
    return errs


def show(name: str) -> None:
    """The text with offsets, its TIMEX3s and its sentences."""
    doc = doc_of(name)
    pos = 0
    for line in doc.text.split("\n"):
        print(f"{pos:6d} {line}")
        pos += len(line) + 1
    print("-- TIMEX3")
    for g in doc.gold:
        print(f"  [{g.start}, {g.end}] {g.text!r} {g.type} {g.value}")
    print("-- sentences")
    for s, e in sentences(doc.text):
        print(f"  [{s}, {e}] {doc.text[s:e][:60]!r}...{doc.text[s:e][-20:]!r}")


def main(argv: list[str]) -> None:
    cmd, *args = argv
    if cmd == "show":
        show(args[0])
    elif cmd == "find":
        text = doc_of(args[0]).text
        occ = occurrences(text, args[1])
        print(occ[int(args[2]) - 1] if len(args) > 2 else occ)
    elif cmd == "build":
        for spec in args:
            for p in build(Path(spec)):
                print("wrote", p.relative_to(ROOT))
    elif cmd == "check":
        bad = 0
        for p in args:
            for err in check(Path(p)):
                bad += 1
                print(f"{p}: {err}")
        print("ok" if not bad else f"{bad} problems")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
