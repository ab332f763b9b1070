"""Build a synthetic corpus (benchmarks/corpus.py) with the command line and time it.

Prints, for `--jobs 1` and `--jobs 2`: the full build's median wall time, articles per second
and per core, and peak memory (the largest single process, from getrusage RUSAGE_CHILDREN, and
the whole process tree, sampled from /proc every 0.2 s); the extraction phase on its own (as
`extract --timings` reports it: reading and analysing the articles, workers included, without
linking and writing), in articles per second per core of wall time and per CPU-second; then
the median time of a rebuild after changing one article and of a rebuild with nothing changed
(the per-source cache); and the time the page takes to load the result (AppTest: a first run
with a cold data cache, then a new session).
Targets: >= 200 articles/s per core for extraction, incremental rebuild < 2 s, peak memory
< 2 GiB.

Environment: BENCH_ARTICLES (default 10,000), BENCH_RUNS (repetitions; default 3, or 1 from
5,000 articles up), BENCH_KEEP=1 keeps the temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpus import generate, touch_article

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3" if ARTICLES < 5000 else "1"))
ROOT = Path(__file__).resolve().parent.parent
PER_CORE_TARGET = 200.0
INCREMENTAL_TARGET = 2.0
MEMORY_TARGET = 2 * 2**30


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        child = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(child)
        rss[child] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def cpu_seconds() -> float:
    """User and system time of all finished child processes (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str]) -> tuple[float, float, int, str]:
    """Run `python -m dashboard ARGS`: (wall seconds, CPU seconds, peak RSS of its process
    tree, stdout). CPU time is the fairer speed on a shared machine."""
    cpu = cpu_seconds()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "dashboard", *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, tree_rss(process.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"python -m dashboard {' '.join(args)} failed:\n{stderr}")
    return seconds, cpu_seconds() - cpu, peak_tree, stdout.strip()


def phases(stdout: str) -> dict[str, float]:
    """The phase times a build printed with `--timings` (empty if it did not)."""
    for line in stdout.splitlines():
        if line.startswith("timings: "):
            return json.loads(line.removeprefix("timings: "))
    return {}


def _child_peak() -> int:
    """The largest resident size of any finished child process (getrusage, bytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def jobs_supported() -> bool:
    """Whether `extract` accepts `--jobs` yet."""
    result = subprocess.run([sys.executable, "-m", "dashboard", "extract", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    return "--jobs" in result.stdout


def page_load(data_dir: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds of a page run over `data_dir` with a cold data cache, then in a new
    session (AppTest, as benchmarks/bench_page.py)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from benchmarks.bench_page import APP, _timed

    os.environ["DASHBOARD_DATA"] = str(data_dir)
    cold, warm = [], []
    for _ in range(runs):
        st.cache_data.clear()
        st.cache_resource.clear()
        cold.append(_timed(lambda: AppTest.from_file(str(APP), default_timeout=300).run()))
        warm.append(_timed(AppTest.from_file(str(APP), default_timeout=300).run))
    return statistics.median(cold), statistics.median(warm)


def report_extraction(jobs: int, laps: list[dict[str, float]]) -> None:
    """Print the extraction phase's rate (median over runs) and the other phases' times."""
    wall = statistics.median(lap["extract"] for lap in laps)
    cpu = statistics.median(lap["extract_cpu"] for lap in laps)
    count = laps[0]["extracted"]
    per_core = count / wall / jobs
    print(f"  extraction phase ({count:,.0f} articles): median {wall:.1f} s wall = "
          f"{per_core:,.0f} articles/s per core [{verdict(per_core >= PER_CORE_TARGET)}: "
          f">= {PER_CORE_TARGET:.0f}], {cpu:.1f} s CPU (all processes) = "
          f"{count / cpu:,.0f} articles per CPU-second")
    others = ", ".join(f"{name} {statistics.median(lap[name] for lap in laps):.1f} s"
                       for name in ("read", "combine", "write"))
    print(f"  other phases (median): {others}")


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    """Generate the corpus, then time full builds, incremental rebuilds and memory."""
    folder = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        started = time.perf_counter()
        manifest = generate(folder / "corpus", ARTICLES)
        size = sum(p.stat().st_size for p in manifest.parent.iterdir())
        print(f"corpus: {ARTICLES:,} articles, {size / 2**20:.1f} MiB, generated in "
              f"{time.perf_counter() - started:.1f} s; {RUNS} run(s) each")
        job_counts = (1, 2) if jobs_supported() else (None,)
        if job_counts == (None,):
            print("note: `extract --jobs` is not accepted yet; timing the default build only")
        peak_tree_all = 0
        last_out = None
        for jobs in job_counts:
            times, cpus, trees, laps = [], [], [], []
            for repeat in range(RUNS):
                out = folder / f"out-{jobs}-{repeat}"
                flags = ["--jobs", str(jobs), "--timings"] if jobs else []
                seconds, cpu, tree, stdout = run(
                    ["extract", "--sources", str(manifest), "--out", str(out), *flags]
                )
                times.append(seconds)
                cpus.append(cpu)
                trees.append(tree)
                laps.append(phases(stdout))
                last_out = out
            median = statistics.median(times)
            rate = ARTICLES / median
            per_core = rate / (jobs or 1)
            per_cpu = ARTICLES / statistics.median(cpus)
            peak_tree_all = max(peak_tree_all, *trees)
            print(f"full build --jobs {jobs or '(default)'}: median {median:.1f} s "
                  f"(runs {', '.join(f'{t:.1f}' for t in times)}), {rate:,.0f} articles/s, "
                  f"{per_core:,.0f} per core; CPU {statistics.median(cpus):.1f} s = "
                  f"{per_cpu:,.0f} articles per CPU-second; peak tree RSS {mib(max(trees))}")
            print(f"  {stdout.splitlines()[0]}")
            if jobs and all(laps):
                report_extraction(jobs, laps)
        assert last_out is not None
        database = last_out / "story.db"
        if database.is_file():
            print(f"database: {mib(database.stat().st_size)} "
                  f"({database.stat().st_size / ARTICLES * 1000 / 2**20:.1f} MiB per 1,000 "
                  f"articles); CSV tables "
                  f"{mib(sum(p.stat().st_size for p in last_out.glob('*.csv')))}")
        changed, unchanged = [], []
        flags = ["--jobs", "1"] if job_counts != (None,) else []
        for repeat in range(max(RUNS, 3)):
            touch_article(manifest, 17 * repeat + 3)
            changed.append(run(["extract", "--sources", str(manifest), "--out", str(last_out),
                                *flags])[0])
            unchanged.append(run(["extract", "--sources", str(manifest), "--out",
                                  str(last_out), *flags])[0])
        incremental = statistics.median(changed)
        print(f"rebuild after changing one article: median {incremental:.2f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in changed)}) "
              f"[{verdict(incremental < INCREMENTAL_TARGET)}: < {INCREMENTAL_TARGET:.0f} s]")
        print(f"rebuild with nothing changed: median {statistics.median(unchanged):.2f} s")
        cold, warm = page_load(last_out, RUNS)
        print(f"page on the result: first run (cold data cache) {cold:.2f} s, "
              f"new session {warm:.2f} s")
        peak_process = _child_peak()
        print(f"peak memory: largest process {mib(peak_process)}, largest process tree "
              f"{mib(peak_tree_all)} [{verdict(max(peak_process, peak_tree_all) < MEMORY_TARGET)}"
              f": < 2 GiB]")
    finally:
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
