"""Article text from real news pages, against text marked by hand (shingle F1).

Reads `../shared/article-extraction/` (or the folder in $ARTICLE_EXTRACTION): `html/<id>.html.gz`
and `ground-truth.json`. The metric is the benchmark's own: word tokens (`\\w+`, case-sensitive),
runs of 4 tokens with their counts, precision and recall per page averaged over pages (a page with
nothing predicted is left out of precision and scores recall 0), F1 the harmonic mean of the two
averages. Prints the stored article text's figures (`dashboard.read.html.read_page`, as a build
stores it) and plain `trafilatura.extract` (default settings) from the same run, and the median
time per page of each on one core (the least CPU time of BENCH_REPEATS reads of the page):
decoding, reading and metadata for ours, `extract` for trafilatura.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "article-extraction"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """All runs of `n` consecutive word tokens, with their counts (a text of fewer tokens is one
    shorter run, as the benchmark's own code has it)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_scores(predicted: str, truth: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where undefined (nothing predicted / no truth)."""
    guess, gold = shingles(predicted), shingles(truth)
    tp = sum((guess & gold).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def summary(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    """(F1, precision, recall) averaged over pages as the benchmark does."""
    precisions = [p for p, _ in scores if p is not None]
    recalls = [0.0 if r is None else r for p, r in scores]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def load(folder: Path) -> list[tuple[str, bytes, str, str]]:
    """The benchmark's pages: (id, raw bytes, url, article body)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, raw, truth[key].get("url", ""), truth[key]["articleBody"]))
    return pages


def ours(raw: bytes, url: str) -> str:
    """The article text a build stores for the page ('' when the page is refused)."""
    from dashboard.read.html import read_page
    from dashboard.read.manifest import SourceError

    try:
        return read_page(raw, Path("page.html"), url).text
    except SourceError:
        return ""


def plain_trafilatura(raw: bytes, url: str) -> str:
    """`trafilatura.extract` with default settings, on the page's bytes."""
    import trafilatura

    return trafilatura.extract(raw, url=url) or ""


REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
"""Each page is read this many times and its least CPU time kept (other programs on a shared
machine slow a run down; they never speed it up)."""


def measure(name: str, reader: Callable[[bytes, str], str], pages: list) -> dict:
    """Score and time one reader over the pages; returns its figures and per-page outputs."""
    scores, times, outputs = [], [], {}
    for key, raw, url, body in pages:
        best = float("inf")
        for _ in range(REPEATS):
            start = time.process_time()
            text = reader(raw, url)
            best = min(best, time.process_time() - start)
        times.append(best)
        outputs[key] = text
        scores.append(page_scores(text, body))
    f1, precision, recall = summary(scores)
    empty = sum(1 for text in outputs.values() if not text.strip())
    return {"name": name, "f1": f1, "precision": precision, "recall": recall,
            "median_ms": 1000 * statistics.median(times), "empty": empty,
            "scores": scores, "outputs": outputs}


def main(argv: list[str] | None = None) -> None:
    """Print F1 / precision / recall and the median ms per page, ours beside trafilatura's."""
    argv = sys.argv[2:] if argv is None else argv
    folder = Path(os.environ.get("ARTICLE_EXTRACTION", DEFAULT))
    if not (folder / "ground-truth.json").exists():
        print(f"skipped: no benchmark pages in {folder}")
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pages = load(folder)
    plain_trafilatura(pages[0][1], pages[0][2])  # imports and first-call set-up off the clock
    ours(pages[0][1], pages[0][2])
    results = [measure("stored article text", ours, pages),
               measure("trafilatura.extract", plain_trafilatura, pages)]
    print(f"{len(pages)} pages from {folder}")
    print(f"{'reader':<22} {'F1':>6} {'P':>6} {'R':>6} {'empty':>6} {'median ms':>10}")
    for r in results:
        print(f"{r['name']:<22} {r['f1']:6.4f} {r['precision']:6.4f} {r['recall']:6.4f} "
              f"{r['empty']:6d} {r['median_ms']:10.1f}")
    if "--pages" in argv:  # per page, worst of ours first: for looking, never for tuning one site
        keys = [key for key, *_ in pages]
        rows = sorted(zip(keys, results[0]["scores"], results[1]["scores"], strict=True),
                      key=lambda row: _f1(*row[1]))
        for key, mine, theirs in rows:
            print(f"{key[:12]} ours F1 {_f1(*mine):.3f} P {mine[0] or 0:.3f} R {mine[1] or 0:.3f}"
                  f"  trafilatura F1 {_f1(*theirs):.3f}")


def _f1(precision: float | None, recall: float | None) -> float:
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main(sys.argv[1:])
