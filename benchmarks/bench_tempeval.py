"""TempEval-3 Task A on the TimeBank and AQUAINT training corpora, and tagger speed.

Prints per corpus relaxed P/R/F1, strict F1, type accuracy and value F1 (all types, and DATE+TIME
only), the value errors by kind, and the tagger's speed against `dateparser.search_dates`: in one
process over the TimeBank texts, and as whole processes over about 200 KB of them
(`python -m dashboard timex` against a script that calls `search_dates`).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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
ROOT = Path(__file__).resolve().parents[1]
PROCESS_BYTES = 200_000
"""How much news the whole-process comparison reads (the first TimeBank texts, whole)."""
DATEPARSER = """import datetime as dt, sys
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
base = dt.datetime.fromisoformat(sys.argv[2])
search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
"""


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


def _process_times(args: list[str], repeats: int) -> tuple[float, float]:
    """The median CPU time (user and system) and wall time of `repeats` runs of a process."""
    cpu, wall = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


def process_speed(docs: list[Doc], repeats: int = 7) -> None:
    """`python -m dashboard timex` and `search_dates` as whole processes over the same ~200 KB
    of news, after one run of ours that lets Python keep its bytecode and the compiled rules
    (as any first run does, unless PYTHONDONTWRITEBYTECODE is set); print the ratio."""
    texts, size = [], 0
    for d in docs:
        texts.append(d.text)
        size += len(d.text.encode("utf-8"))
        if size >= PROCESS_BYTES:
            break
    with tempfile.TemporaryDirectory() as folder:
        news = Path(folder) / "news.txt"
        news.write_text("\n\n".join(texts), encoding="utf-8")
        ours = [sys.executable, "-m", "dashboard", "timex", "--dct", docs[0].dct, str(news)]
        warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(ours, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=warm)
        our_cpu, our_wall = _process_times(ours, repeats)
        theirs = [sys.executable, "-c", DATEPARSER, str(news), docs[0].dct]
        their_cpu, their_wall = _process_times(theirs, max(1, repeats // 2))
    print(f"whole processes over {size / 1000:.0f} KB of TimeBank news ({len(texts)} texts), "
          "median CPU (wall) seconds:")
    print(f"  python -m dashboard timex {our_cpu:.3f} ({our_wall:.3f})")
    print(f"  dateparser.search_dates {their_cpu:.3f} ({their_wall:.3f})")
    print(f"  tagger is {their_cpu / our_cpu:.1f}x faster"
          f" ({their_wall / our_wall:.1f}x in wall time)")


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
        process_speed(timebank)


if __name__ == "__main__":
    main()
