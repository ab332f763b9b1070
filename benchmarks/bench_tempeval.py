"""TempEval-3 Task A on the TimeBank and AQUAINT training corpora, and tagger speed.

Prints per corpus relaxed P/R/F1, strict F1, type accuracy and value F1 (all types, and DATE+TIME
only), the value errors by kind, and the tagger's speed against `dateparser.search_dates`.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from pathlib import Path

from benchmarks.tempeval import Doc, Score, Span, read_corpus
from dashboard.timex import tag

DATA = Path(
    os.environ.get("TEMPEVAL_DIR")
    or Path(__file__).resolve().parents[2] / "shared" / "tempeval3"
)
CORPORA = ("TimeBank", "AQUAINT")
EXAMPLES = int(os.environ.get("TEMPEVAL_EXAMPLES", "3"))


def system_spans(doc: Doc) -> list[Span]:
    """The tagger's expressions in a document as scoring spans."""
    return [Span(t.start, t.end, t.text, t.type, t.value) for t in tag(doc.text, doc.dct)]


def score(docs: list[Doc], types: tuple[str, ...] | None = None) -> Score:
    """Task A counts over `docs`, optionally restricted to gold and system spans of `types`."""
    s = Score()
    for doc in docs:
        gold, system = doc.gold, system_spans(doc)
        if types:
            gold = [g for g in gold if g.type in types]
            system = [x for x in system if x.type in types]
        s.add(gold, system)
    return s


def fmt(m: dict[str, float]) -> str:
    """One line of metrics."""
    return (
        f"P {m['P']:.2f}  R {m['R']:.2f}  F1 {m['F1']:.2f}  strict F1 {m['strict_F1']:.2f}  "
        f"type acc {m['type_acc']:.2f}  value F1 {m['value_F1']:.2f}"
    )


def print_errors(s: Score) -> None:
    """The value errors by kind, with the most frequent examples, and those that are conventions."""
    for kind, n in s.errors.most_common():
        examples = "; ".join(e for e, _ in s.examples[kind].most_common(EXAMPLES))
        print(f"    {kind}: {n}  e.g. {examples}")
    if s.conventions:
        wrong, conventional = s.pairs - s.value_ok, sum(s.conventions.values())
        print(f"  of the {wrong} wrong values, {conventional} differ from the gold only by a"
              " convention:")  # fmt: skip
        for kind, n in s.conventions.most_common():
            print(f"    {n}  {kind}")
        print(f"  value F1 if those counted as right: {s.value_f1_with_conventions():.2f}")


def _median_time(fn, repeats: int = 3) -> float:
    """The median CPU time of `fn` in this process: one core, not disturbed by other programs."""
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def speed(docs: list[Doc]) -> None:
    """Time the tagger and dateparser.search_dates over the same texts; print the ratio."""
    from dateparser.search import search_dates

    def run_tagger() -> None:
        for d in docs:
            tag(d.text, d.dct)

    def run_dateparser() -> None:
        for d in docs:
            base = dt.datetime.fromisoformat(d.dct)
            search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base})

    words = sum(len(d.text.split()) for d in docs)
    run_tagger()
    ours = _median_time(run_tagger, 9)
    theirs = _median_time(run_dateparser, 3)
    print(f"speed over {len(docs)} TimeBank texts ({words} words), median CPU time of repeats:")
    print(f"  tagger {ours * 1000:.1f} ms = {ours * 1e6 / words:.3f} ms per 1,000 words")
    print(
        f"  dateparser.search_dates {theirs * 1000:.1f} ms = "
        f"{theirs * 1e6 / words:.3f} ms per 1,000 words"
    )
    print(f"  tagger is {theirs / ours:.1f}x faster")


def main() -> None:
    """Score both corpora and time the tagger."""
    timebank: list[Doc] = []
    for name in CORPORA:
        docs = read_corpus(DATA / name)
        if name == "TimeBank":
            timebank = docs
        n = sum(len(d.gold) for d in docs)
        print(f"{name}: {len(docs)} documents, {n} gold TIMEX3")
        every = score(docs)
        print(f"  all types:    {fmt(every.metrics())}")
        print(f"  DATE+TIME:    {fmt(score(docs, ('DATE', 'TIME')).metrics())}")
        print("  value errors (all types):")
        print_errors(every)
    if timebank:
        speed(timebank)


if __name__ == "__main__":
    main()
