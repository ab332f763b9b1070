"""Key dates on Timeline17 (`../shared/tls-t17`), the news-tls protocol of its README.

Each story is built once (`benchmarks/t17.py`); each timeline is a task over the built rows of the
articles in its window that the published results used, told l (dates) and k (sentences a date).
Printed per timeline and averaged (precision and recall averaged over tasks, F1 of the averages):
Date-F1, and alignment ROUGE-1/2 F (AR1, AR2) through `tilse` (its Perl ROUGE-1.5.5, the
many-to-one date-content alignment the paper reports), for the product's key dates beside two
baselines with the same sentence choice: days by the articles published on them, and days by
the articles whose events give them (day precision). Then leave-one-story-out figures for the
day weights (by Date-F1) and for the sentences' story weight (`STORY`, by AR2), and the speed of
key dates on a 1,500-article story.

tilse is not a dependency of the product: `pip install --no-deps tilse==0.2.1` plus numpy,
scipy and nltk. Without it, Date-F1 alone is printed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from benchmarks import t17
from dashboard.store import keydates as store_keydates
from dashboard.store import table
from dashboard.story.keydates import STORY, Weights, as_timeline, key_dates

SYSTEMS = {
    "published that day": Weights(reference=0, later=0, published=1),
    "events giving it": Weights(reference=1, later=0, published=0),
    "key dates": Weights(),
}
GRID = [Weights(r, lt, p) for r, lt, p in itertools.product((0, 1), (0, 0.5, 1, 2), (0, 0.5, 1))
        if r or lt or p]
STORY_GRID = (0.0, 0.25, 0.5, 1.0)
"""The story weights the sentence choice is tried with (0: each day's own centroid alone)."""


@dataclass
class Scores:
    """Precision and recall of dates, ROUGE-1 and ROUGE-2 for one task or averaged."""

    values: dict[str, tuple[float, float]] = field(default_factory=dict)

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def f(self, name: str) -> float:
        return self.f1(*self.values[name]) if name in self.values else float("nan")

    @classmethod
    def mean(cls, many: list[Scores]) -> Scores:
        names = set.intersection(*(set(s.values) for s in many))
        return cls({n: (statistics.fmean(s.values[n][0] for s in many),
                        statistics.fmean(s.values[n][1] for s in many)) for n in names})


ROUGE = os.environ.get("KEYDATES_ROUGE", "original")
"""tilse's ROUGE: "original" (the Perl script, as the paper; slow) or "reimpl" (its Python
re-implementation, for quick iterations only)."""
JOBS = int(os.environ.get("KEYDATES_JOBS", "2"))


def _rouge():
    try:
        from tilse.evaluation import rouge
    except ImportError:
        return None
    return rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=ROUGE)


def _score_job(job: tuple[dict, dict]) -> Scores:
    return score(job[0], job[1], _rouge())


def score(predicted: dict[str, list[str]], gold: dict[str, list[str]], evaluator) -> Scores:
    """Date precision/recall and, with tilse, AR1/AR2 precision/recall of one task."""
    hits = len(set(predicted) & set(gold))
    values = {"date": (hits / len(predicted) if predicted else 0.0, hits / len(gold))}
    if evaluator is not None:
        from tilse.data.timelines import GroundTruth, Timeline

        def timeline(tl: dict[str, list[str]]):
            return Timeline({dt.date.fromisoformat(d): s for d, s in tl.items()})

        found = evaluator.evaluate_align_date_content_costs_many_to_one(
            timeline(predicted), GroundTruth([timeline(gold)]))
        for name in ("rouge_1", "rouge_2"):
            values[name] = (found[name]["precision"], found[name]["recall"])
    return Scores(values)


@dataclass
class Story:
    """A built story's rows."""

    name: str
    data: Path
    events: pd.DataFrame
    sources: pd.DataFrame
    tasks: list[t17.Task]


def load_stories() -> list[Story]:
    """Build (or reuse) every story and read its rows."""
    found = []
    for name in t17.stories():
        started = time.perf_counter()
        data, refused = t17.build(name)
        events, sources = table.read(data, "events"), table.read(data, "sources")
        reasons = "; ".join(sorted({r.rsplit(": ", 1)[-1].split(" (")[0] for r in refused}))
        print(f"  built {name}: {len(sources)} articles, {len(events):,} events "
              f"({time.perf_counter() - started:.1f} s); {len(refused)} refused"
              + (f" ({reasons})" if refused else ""), flush=True)
        found.append(Story(name, data, events, sources, t17.tasks(name)))
    return found


def predict(story: Story, task: t17.Task, weights: Weights,
            story_weight: float = STORY) -> dict[str, list[str]]:
    """The timeline a system gives for a task: the product's key dates (opening sentences read
    from the texts as `python -m dashboard keydates` reads them) over the task's articles."""
    events = story.events[story.events["source_url"].isin(task.urls)]
    sources = story.sources[story.sources["url"].isin(task.urls)]

    def leads(days: set[str]) -> pd.DataFrame:
        return store_keydates.leads(story.data, sources, events, published=days)

    return as_timeline(key_dates(events, sources, task.l, task.k, task.first, task.last,
                                 leads=leads, weights=weights, story_weight=story_weight))


def row(label: str, s: Scores) -> str:
    return (f"| {label} | {s.f('date'):.3f} | {s.f('rouge_1'):.3f} | {s.f('rouge_2'):.3f} |")


def run_systems(stories: list[Story]) -> None:
    """The table: per timeline and averaged, every system (ROUGE scored in JOBS processes)."""
    from multiprocessing import Pool

    results: dict[str, list[Scores]] = {name: [] for name in SYSTEMS}
    runs = [(task, name, predict(story, task, weights)) for story in stories
            for task in story.tasks for name, weights in SYSTEMS.items()]
    with Pool(JOBS) as pool:
        scored = pool.map(_score_job, [(predicted, task.gold) for task, _, predicted in runs],
                          chunksize=1)
    print("| timeline | system | Date-F1 | AR1 | AR2 | missed gold dates |")
    print("|---|---|---|---|---|---|")
    for (task, name, predicted), s in zip(runs, scored, strict=True):
        results[name].append(s)
        missed = sorted(set(task.gold) - set(predicted))
        print(f"| {task.name} (l={task.l}, k={task.k}) | {name} | {s.f('date'):.3f} | "
              f"{s.f('rouge_1'):.3f} | {s.f('rouge_2'):.3f} | "
              f"{len(missed)}: {' '.join(missed[:12])}{' …' * (len(missed) > 12)} |")
    print("\nAverages over the tasks (P and R averaged, then F1):\n")
    print("| system | Date-F1 | AR1 | AR2 |")
    print("|---|---|---|---|")
    for name, many in results.items():
        print(row(name, Scores.mean(many)))


def leave_one_story_out(stories: list[Story]) -> None:
    """Pick the weights by Date-F1 on three stories, score them on the fourth."""
    print("\nLeave one story out (weights chosen by Date-F1 on the other stories):\n")
    print("| held-out story | chosen weights (reference, later, published) | Date-F1 held out |"
          " defaults held out |")
    print("|---|---|---|---|")
    cache: dict[tuple[str, str, Weights], Scores] = {}
    for story, task in ((s, t) for s in stories for t in s.tasks):
        for weights in GRID:
            cache[story.name, task.name, weights] = score(predict(story, task, weights),
                                                          task.gold, None)
    held_all, default_all = [], []
    for held in stories:
        train = [(s.name, t.name) for s in stories if s is not held for t in s.tasks]
        best = max(GRID, key=lambda w: Scores.mean([cache[s, t, w] for s, t in train]).f("date"))
        test = [cache[held.name, t.name, best] for t in held.tasks]
        default = [cache[held.name, t.name, Weights()] for t in held.tasks]
        held_all += test
        default_all += default
        print(f"| {held.name} | {best.reference:g}, {best.later:g}, {best.published:g} | "
              f"{Scores.mean(test).f('date'):.3f} | {Scores.mean(default).f('date'):.3f} |")
    print(f"| all tasks | | {Scores.mean(held_all).f('date'):.3f} | "
          f"{Scores.mean(default_all).f('date'):.3f} |")


def leave_one_story_out_sentences(stories: list[Story]) -> None:
    """Pick the sentences' story weight by AR2 on three stories, score it on the fourth (the
    product's day ranking; ROUGE scored in JOBS processes)."""
    from multiprocessing import Pool

    tasks = [(s, t) for s in stories for t in s.tasks]
    jobs = [(predict(s, t, Weights(), w), t.gold) for w in STORY_GRID for s, t in tasks]
    with Pool(JOBS) as pool:
        scored = pool.map(_score_job, jobs, chunksize=1)
    cache = {(w, s.name, t.name): scored[i * len(tasks) + j]
             for i, w in enumerate(STORY_GRID) for j, (s, t) in enumerate(tasks)}
    print("\nLeave one story out (the sentences' story weight chosen by AR2 on the other "
          "stories):\n")
    print("| held-out story | chosen weight | AR1, AR2 held out | default "
          f"({STORY:g}) held out | 0 (days' centroids alone) |")
    print("|---|---|---|---|---|")
    held_all: list[Scores] = []
    default_all: list[Scores] = []
    none_all: list[Scores] = []
    for held in stories:
        train = [(s.name, t.name) for s, t in tasks if s is not held]
        best = max(STORY_GRID, key=lambda w: Scores.mean(
            [cache[w, s, t] for s, t in train]).f("rouge_2"))
        parts = [[cache[w, held.name, t.name] for t in held.tasks] for w in (best, STORY, 0.0)]
        held_all += parts[0]
        default_all += parts[1]
        none_all += parts[2]
        print(f"| {held.name} | {best:g} | " + " | ".join(
            f"{Scores.mean(p).f('rouge_1'):.3f}, {Scores.mean(p).f('rouge_2'):.3f}"
            for p in parts) + " |")
    print("| all tasks | | " + " | ".join(
        f"{Scores.mean(p).f('rouge_1'):.3f}, {Scores.mean(p).f('rouge_2'):.3f}"
        for p in (held_all, default_all, none_all)) + " |")


def speed(stories: list[Story], articles: int = 1500, repeats: int = 3) -> None:
    """Key dates (the opening sentences read from the texts included) over the largest story's
    folder with its articles repeated to `articles`: median seconds."""
    biggest = max(stories, key=lambda s: len(s.sources))
    times = []
    copies = -(-articles // len(biggest.sources))
    events = pd.concat([biggest.events.assign(source_id=biggest.events["source_id"] + f"-{i}")
                        for i in range(copies)], ignore_index=True)
    sources = pd.concat([biggest.sources.assign(source_id=biggest.sources["source_id"] + f"-{i}",
                                                text_path=biggest.sources["text_path"])
                         for i in range(copies)], ignore_index=True).head(articles)
    events = events[events["source_id"].isin(set(sources["source_id"]))]
    cpu = []
    for _ in range(repeats):
        started, used = time.perf_counter(), time.process_time()
        store_keydates.for_folder(biggest.data, events, sources, per_day=2)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    print(f"\nSpeed: key dates over {len(sources):,} articles and {len(events):,} events "
          f"(the opening sentences read from their texts): median {statistics.median(times):.2f}"
          f" s of {repeats} ({statistics.median(cpu):.2f} s of CPU; on a busy machine the wall "
          "time is the larger)")


def main() -> None:
    stories = load_stories()
    if _rouge() is None:
        print("  (tilse is not installed: Date-F1 only; pip install --no-deps tilse==0.2.1)")
    print(f"  ROUGE: tilse, {ROUGE}")
    run_systems(stories)
    if os.environ.get("KEYDATES_LOSO", "1") == "1":
        leave_one_story_out(stories)
        if _rouge() is not None:
            leave_one_story_out_sentences(stories)
    speed(stories)
