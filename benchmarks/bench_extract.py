"""Extraction against the hand-marked gold of `benchmarks/gold/` (issue 17), layer by layer.

For every story of `benchmarks/gold/<corpus>/*.json` the documents' plain texts (as
`benchmarks.tempeval.read_tml` gives them from `../shared/tempeval3/`) are written as .txt files
with a manifest into `benchmarks/out/extract/<story>/`, built with `python -m dashboard extract`,
and the tables are scored against the gold:

* Figures: a product row matches a gold figure of the same document when the spans overlap,
  the value is equal (a gold range: its low or its high end; a gold `null`, a vague word such
  as "dozens": any value) and the counted noun agrees: the product's `counts` or `quantity`
  holds the gold `counts` lemma or its plural as a word (a gold "dollar": also a `$` in the
  product's number). Recall over gold figures, precision over product rows; "speaker" is the
  share of matched figures whose `attributed_to` names the gold speaker ("" when both are empty).
* Actors: a gold actor of a document is found when the story's actors table names it (its
  canonical name or an alias equals, ignoring case, the gold name or one of the gold mention
  texts); duplicates are the product actors beyond the first that match the same gold actor.
* Attribution: product figure and event rows whose span lies inside a gold attribution span;
  the share whose `attributed_to` names the gold speaker.
* Merging: each gold happening's date span is mapped to the product event row of the same
  document overlapping it most; pair recall over gold pairs of mentions with the same happening
  id (within and across documents), over-merges = pairs of mapped rows with the same
  `story_event_id` whose gold happenings differ.
* Dated events: date recall = gold happening dates found by a row whose `timex` is TempEval's
  value for the TIMEX3 at that span; row precision = rows overlapping a TIMEX3 whose `timex`
  equals that TIMEX3's value.

A name matches when, ignoring case, any of the product actor's name and aliases equals any of
the gold actor's name and mention texts.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from benchmarks.tempeval import Doc, Span, convention, read_tml

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(
    os.environ.get("TEMPEVAL_DIR") or Path(__file__).resolve().parents[2] / "shared" / "tempeval3"
)
GOLD = ROOT / "benchmarks" / "gold"
OUT = ROOT / "benchmarks" / "out" / "extract"
EXAMPLES = int(os.environ.get("EXTRACT_EXAMPLES", "3"))
OUTLETS = {
    "APW": "Associated Press", "NYT": "The New York Times", "XIE": "Xinhua",
    "wsj": "The Wall Street Journal", "ABC": "ABC News", "CNN": "CNN",
    "PRI": "Public Radio International", "VOA": "Voice of America", "ea": "NBC News",
    "ed": "NBC News",
}  # fmt: skip
IRREGULAR = {"person": ["people", "persons"], "man": ["men"], "woman": ["women"],
             "child": ["children"], "foot": ["feet"]}  # fmt: skip


@dataclass
class GoldDoc:
    """One gold file with its TempEval document."""

    path: Path
    gold: dict
    doc: Doc

    @property
    def doc_id(self) -> str:
        return self.doc.name

    def text(self, span) -> str:
        return self.doc.text[span[0] : span[1]]


@dataclass
class Built:
    """A story's product tables, rows grouped by document id."""

    events: dict[str, list[dict]]
    figures: dict[str, list[dict]]
    actors: list[dict]
    refused: dict[str, str] = field(default_factory=dict)


@dataclass
class Tally:
    """Counts of one layer for one story."""

    n: Counter = field(default_factory=Counter)


class Errors:
    """Error kinds with a few examples each."""

    def __init__(self) -> None:
        self.count: Counter = Counter()
        self.examples: dict[str, Counter] = defaultdict(Counter)

    def add(self, kind: str, example: str) -> None:
        self.count[kind] += 1
        self.examples[kind][example] += 1


def load_gold() -> dict[str, list[GoldDoc]]:
    """Gold documents by story, in file order."""
    stories: dict[str, list[GoldDoc]] = defaultdict(list)
    for path in sorted(GOLD.glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        stories[gold["story"]].append(GoldDoc(path, gold, read_tml(DATA / gold["doc"])))
    return dict(sorted(stories.items()))


def _rel(path: Path) -> str:
    return os.path.relpath(path, ROOT)


def build(story: str, docs: list[GoldDoc]) -> Built:
    """Write the story's texts and manifest, run the product, read its tables."""
    folder = OUT / story
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "sources").mkdir(parents=True)
    rows = []
    for d in docs:
        (folder / "sources" / f"{d.doc_id}.txt").write_text(d.doc.text, encoding="utf-8")
        prefix = re.match(r"[A-Za-z]+", d.doc_id).group()
        rows.append({
            "path": f"sources/{d.doc_id}.txt", "url": f"https://example.org/{d.doc_id}",
            "title": d.doc_id, "outlet": OUTLETS.get(prefix, prefix), "author": "",
            "published": d.doc.dct,
        })  # fmt: skip
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    data = folder / "data"
    cmd = [sys.executable, "-m", "dashboard", "extract", "--sources",
           _rel(folder / "manifest.csv"), "--out", _rel(data)]  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if not (data / "events.csv").exists():
        # the product refused the whole build: score empty tables, say why
        why = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Built({}, {}, [], {d.doc_id: why for d in docs})

    def read(name: str) -> list[dict]:
        with (data / name).open(newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    doc_of = {}
    for s in read("sources.csv"):
        doc_id = Path(s["path"]).stem
        doc_of[s["source_id"]] = doc_id
        written = (folder / "sources" / f"{doc_id}.txt").read_text(encoding="utf-8")
        if (data / s["text_path"]).read_text(encoding="utf-8") != written:
            raise SystemExit(f"{_rel(data / s['text_path'])} differs from the text written")
    events, figures = defaultdict(list), defaultdict(list)
    for table, rows_ in ((events, read("events.csv")), (figures, read("figures.csv"))):
        for r in rows_:
            r["span"] = (int(r["char_start"]), int(r["char_end"]))
            table[doc_of[r["source_id"]]].append(r)
    refused = {d.doc_id: "refused" for d in docs if d.doc_id not in doc_of.values()}
    return Built(events, figures, read("actors.csv"), refused)


# --- names ---------------------------------------------------------------------------------


def gold_names(docs: list[GoldDoc]) -> dict[str, set[str]]:
    """Each gold actor's name and mention texts (lower case), over the story's documents."""
    names: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for a in d.gold["actors"]:
            names[a["name"]].add(a["name"].lower())
            names[a["name"]].update(d.text(m).lower() for m in a["mentions"])
    return names


def product_names(actors: list[dict]) -> dict[str, set[str]]:
    """Each product actor's name and aliases (lower case)."""
    out = {}
    for a in actors:
        aliases = {x.strip().lower() for x in a.get("aliases", "").split(";") if x.strip()}
        out[a["name"]] = {a["name"].lower()} | aliases
    return out


def names_match(product: str, speaker: str, pnames: dict, gnames: dict) -> bool:
    """A product `attributed_to` value names a gold speaker."""
    if not product or not speaker:
        return not product and not speaker
    ours = set()
    for part in re.split(r";\s*", product):
        ours |= pnames.get(part, {part.lower()})
    return bool(ours & gnames.get(speaker, {speaker.lower()}))


def overlap(a, b) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --- figures -------------------------------------------------------------------------------


def _forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", *IRREGULAR.get(lemma, [])}
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ies")
    return forms


def noun_agrees(gold: dict, row: dict) -> bool:
    """The product's counted noun holds the gold lemma or its plural."""
    words = set(re.findall(r"[a-z]+", f"{row['counts']} {row['quantity']}".lower()))
    if gold["counts"] == "dollar" and "$" in row["number_text"]:
        return True
    return bool(words & _forms(gold["counts"]))


def value_equal(gold, row: dict) -> bool:
    """Product value equals the gold value (a range: one end; vague: anything)."""
    if gold is None:
        return True
    try:
        v = float(row["value"])
    except ValueError:
        return False
    ends = gold if isinstance(gold, list) else [gold]
    return any(abs(v - e) <= 1e-6 * max(1.0, abs(e)) for e in ends)


def figure_miss_kind(d: GoldDoc, g: dict, rows: list[dict]) -> str:
    """Why a gold figure has no matching row."""
    near = [r for r in rows if overlap(r["span"], g["span"])]
    if near:
        r = near[0]
        if not value_equal(g["value"], r):
            return "figure found, wrong value"
        return "figure found, counted noun differs"
    text = d.text(g["span"])
    line_start = d.doc.text.rfind("\n", 0, g["span"][0]) + 1
    line = d.doc.text[line_start : d.doc.text.find("\n", g["span"][1])]
    if g["value"] is None:
        return "figure missed: vague number word"
    if re.fullmatch(r"[^\s:]+(?: [^\s:]+)*: [\d,]+", line.strip()):
        return "figure missed: table line (label: number)"
    if not re.search(r"\d", text):
        return "figure missed: number in words"
    if g["counted"] == g["span"]:
        return "figure missed: no counted noun after the number"
    return "figure missed: digits with a counted noun"


def spurious_kind(d: GoldDoc, r: dict) -> str:
    """What a product figure without a gold figure is."""
    s, e = r["span"]
    after = d.doc.text[e : e + 12]
    t = r["number_text"]
    if re.fullmatch(r"(1[89]|20)\d\d", t.strip()):
        return "spurious figure: a year"
    if re.match(r"-year-old|, \w|\)", after) or re.search(r"\b\d\d,$", d.doc.text[s - 2 : e + 1]):
        return "spurious figure: an age"
    if re.match(r"\s*(?:a\.m|p\.m|GMT|o'clock)", after):
        return "spurious figure: a clock time"
    if re.match(r"[- ]?(?:foot|feet|mile|kilomet|acre|meter|metre|inch|yard)", after):
        return "spurious figure: a distance or size"
    return f"spurious figure: not a figure of the gold (counts {r['counts']!r})"


def score_figures(story, docs, built, errs) -> Tally:
    t = Tally()
    pnames, gnames = product_names(built.actors), gold_names(docs)
    for d in docs:
        rows = built.figures.get(d.doc_id, [])
        matched_rows = set()
        t.n["product"] += len(rows)
        for g in d.gold["figures"]:
            t.n["gold"] += 1
            hits = [i for i, r in enumerate(rows) if overlap(r["span"], g["span"])
                    and value_equal(g["value"], r) and noun_agrees(g, r)]  # fmt: skip
            if not hits:
                ex = f"{d.doc_id} {d.text(g['span'])!r} {g['counts']}"
                errs.add(figure_miss_kind(d, g, rows), ex)
                continue
            t.n["matched_gold"] += 1
            matched_rows.update(hits)
            r = rows[hits[0]]
            if names_match(r["attributed_to"], g["speaker"], pnames, gnames):
                t.n["speaker_ok"] += 1
            else:
                kind = "figure speaker missing" if not r["attributed_to"] else (
                    "figure speaker given, gold none" if not g["speaker"]
                    else "figure speaker wrong")  # fmt: skip
                errs.add(kind, f"{d.doc_id} {d.text(g['span'])!r} gold {g['speaker']!r} "
                               f"product {r['attributed_to']!r}")  # fmt: skip
        t.n["matched_product"] += len(matched_rows)
        for i, r in enumerate(rows):
            if i not in matched_rows and not any(
                overlap(r["span"], g["span"]) for g in d.gold["figures"]
            ):
                errs.add(spurious_kind(d, r), f"{d.doc_id} {r['number_text']!r} {r['counts']!r}")
    return t


# --- actors --------------------------------------------------------------------------------


def score_actors(story, docs, built, errs) -> Tally:
    t = Tally()
    pnames = product_names(built.actors)
    for d in docs:
        for a in d.gold["actors"]:
            t.n["gold"] += 1
            mine = {a["name"].lower()} | {d.text(m).lower() for m in a["mentions"]}
            if any(names & mine for names in pnames.values()):
                t.n["found"] += 1
            else:
                errs.add(f"actor missed: {a['kind']}", f"{d.doc_id} {a['name']!r}")
    for name, mine in gold_names(docs).items():
        hits = [p for p, names in pnames.items() if names & mine]
        if len(hits) > 1:
            t.n["duplicates"] += len(hits) - 1
            errs.add("actor duplicated", f"{story}: {name!r} as {hits}")
    matched = {p for p, names in pnames.items() if any(names & m for m in
                                                        gold_names(docs).values())}  # fmt: skip
    t.n["product"] += len(pnames)
    t.n["product_unmatched"] += len(pnames) - len(matched)
    for p in sorted(set(pnames) - matched):
        errs.add("actor not in the gold (product)", f"{story}: {p!r}")
    return t


# --- attribution ---------------------------------------------------------------------------


def score_attribution(story, docs, built, errs) -> Tally:
    t = Tally()
    pnames, gnames = product_names(built.actors), gold_names(docs)
    for d in docs:
        rows = [("figure", r) for r in built.figures.get(d.doc_id, [])]
        rows += [("event", r) for r in built.events.get(d.doc_id, [])]
        for kind, r in rows:
            spans = [a for a in d.gold["attributions"]
                     if a["span"][0] <= r["span"][0] and r["span"][1] <= a["span"][1]]  # fmt: skip
            if not spans:
                continue
            a = spans[0]
            t.n["rows"] += 1
            if names_match(r["attributed_to"], a["speaker"], pnames, gnames):
                t.n["right"] += 1
            else:
                what = "none given" if not r["attributed_to"] else "wrong speaker"
                ex = (f"{d.doc_id} {kind} {d.text(r['span'])!r}: gold {a['speaker']!r} "
                      f"product {r['attributed_to']!r}")  # fmt: skip
                errs.add(f"attribution: {what}", ex)
    return t


# --- merging and dated events --------------------------------------------------------------


def _timex_at(doc: Doc, span) -> str | None:
    """TempEval's value of the TIMEX3 covering (overlapping most) a span."""
    cands = [g for g in doc.gold if overlap((g.start, g.end), span)]
    if not cands:
        return None
    return max(cands, key=lambda g: overlap((g.start, g.end), span)).value


def score_merging(story, docs, built, errs) -> Tally:
    t = Tally()
    mentions = []  # (happening id, doc id, row index or None)
    for d in docs:
        rows = built.events.get(d.doc_id, [])
        for h in d.gold["happenings"]:
            near = [(overlap(r["span"], h["date"]), i) for i, r in enumerate(rows)]
            near = [x for x in near if x[0]]
            idx = max(near)[1] if near else None
            mentions.append((h["id"], d.doc_id, idx))
            if idx is None:
                errs.add("happening date not an event row",
                         f"{d.doc_id} {d.text(h['date'])!r} ({h['id']})")  # fmt: skip

    def sid(m):
        return built.events[m[1]][m[2]]["story_event_id"] if m[2] is not None else None

    for a, b in combinations(mentions, 2):
        if a[0] != b[0]:
            continue
        cross = "cross" if a[1] != b[1] else "within"
        t.n["pairs"] += 1
        t.n[f"pairs_{cross}"] += 1
        if sid(a) and sid(a) == sid(b):
            t.n["pairs_ok"] += 1
            t.n[f"pairs_ok_{cross}"] += 1
        else:
            why = "a mention without a row" if None in (a[2], b[2]) else "rows not merged"
            errs.add(f"same happening not merged ({cross}-document): {why}",
                     f"{a[0]}: {a[1]} / {b[1]}")  # fmt: skip
    rows = {}
    for m in mentions:
        if m[2] is not None:
            rows.setdefault((m[1], m[2]), set()).add(m[0])
    for (ra, ha), (rb, hb) in combinations(rows.items(), 2):
        if ha == hb or ha & hb:
            continue
        sa, sb = built.events[ra[0]][ra[1]], built.events[rb[0]][rb[1]]
        if sa["story_event_id"] and sa["story_event_id"] == sb["story_event_id"]:
            t.n["over_merges"] += 1
            errs.add("over-merge of different happenings",
                     f"{sorted(ha)[0]} ({ra[0]}) + {sorted(hb)[0]} ({rb[0]})")  # fmt: skip
    return t


def _value_kind(kind: str, gold_value: str, row: dict) -> str:
    """The error kind, naming the TempEval convention when the values differ only by one."""
    conv = convention(Span(0, 0, "", "", gold_value), Span(0, 0, "", "", row["timex"]))
    return f"{kind} (only by a convention: {conv})" if conv else kind


def score_dates(story, docs, built, errs) -> Tally:
    t = Tally()
    for d in docs:
        rows = built.events.get(d.doc_id, [])
        for h in d.gold["happenings"]:
            value = _timex_at(d.doc, h["date"])
            if value is None:
                t.n["gold_no_timex"] += 1
                continue
            t.n["gold"] += 1
            near = [r for r in rows if overlap(r["span"], h["date"])]
            if any(r["timex"] == value for r in near):
                t.n["found"] += 1
            elif near:
                errs.add(_value_kind("date found, value differs", value, near[0]),
                         f"{d.doc_id} {d.text(h['date'])!r} gold {value} "
                         f"product {near[0]['timex']}")  # fmt: skip
            else:
                errs.add("date missed (no event row)",
                         f"{d.doc_id} {d.text(h['date'])!r} {value}")  # fmt: skip
        for r in rows:
            value = _timex_at(d.doc, r["span"])
            if value is None:
                t.n["rows_outside"] += 1
                continue
            t.n["rows"] += 1
            if r["timex"] == value:
                t.n["rows_ok"] += 1
            else:
                errs.add(
                    _value_kind("event row with a wrong value", value, r),
                    f"{d.doc_id} {r['date_text']!r} TempEval {value} product {r['timex']}",
                )
    return t


# --- printing ------------------------------------------------------------------------------


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


LAYERS = {
    "Figures": (score_figures, ["gold", "product", "recall", "precision", "speaker"],
                lambda n: [n["gold"], n["product"], pct(n["matched_gold"], n["gold"]),
                           pct(n["matched_product"], n["product"]),
                           pct(n["speaker_ok"], n["matched_gold"])]),
    "Actors": (score_actors, ["gold", "found", "recall", "dupl.", "product", "not gold"],
               lambda n: [n["gold"], n["found"], pct(n["found"], n["gold"]), n["duplicates"],
                          n["product"], n["product_unmatched"]]),
    "Attribution": (score_attribution, ["rows", "right", "share"],
                    lambda n: [n["rows"], n["right"], pct(n["right"], n["rows"])]),
    "Merging": (score_merging, ["pairs", "cross", "recall", "cross rec.", "over-merges"],
                lambda n: [n["pairs"], n["pairs_cross"], pct(n["pairs_ok"], n["pairs"]),
                           pct(n["pairs_ok_cross"], n["pairs_cross"]), n["over_merges"]]),
    "Dated events": (score_dates, ["gold", "recall", "rows", "row prec.", "rows w/o TIMEX3"],
                     lambda n: [n["gold"], pct(n["found"], n["gold"]), n["rows"],
                                pct(n["rows_ok"], n["rows"]), n["rows_outside"]]),
}  # fmt: skip


def print_table(title: str, header: list[str], rows: list[tuple[str, list]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"\n{title}")
    print(f"  {'story':<{width}}  " + "  ".join(f"{h:>10}" for h in header))
    for name, cells in rows:
        print(f"  {name:<{width}}  " + "  ".join(f"{c!s:>10}" for c in cells))


def main() -> None:
    stories = load_gold()
    if not stories:
        print("no gold files under", _rel(GOLD))
        return
    n_docs = sum(len(d) for d in stories.values())
    print(f"gold: {n_docs} documents, {len(stories)} stories ({_rel(GOLD)}); texts from"
          f" {os.path.relpath(DATA, ROOT)}; product tables under {_rel(OUT)}")  # fmt: skip
    built = {s: build(s, docs) for s, docs in stories.items()}
    errs = Errors()
    for b in built.values():
        for doc_id, why in b.refused.items():
            errs.add("document refused by the product (all its gold missed)", f"{doc_id}: {why}")
    for title, (fn, header, cells) in LAYERS.items():
        total, rows = Counter(), []
        for s, docs in stories.items():
            n = fn(s, docs, built[s], errs).n
            total.update(n)
            rows.append((f"{s} ({len(docs)})", cells(n)))
        rows.append(("TOTAL", cells(total)))
        print_table(title, header, rows)
    print("\nMost common error kinds:")
    for kind, n in errs.count.most_common():
        examples = "; ".join(e for e, _ in errs.examples[kind].most_common(EXAMPLES))
        print(f"  {n:4d}  {kind}  e.g. {examples}")


if __name__ == "__main__":
    main()
