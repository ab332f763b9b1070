"""Time the page on a synthetic table of 100,000 events over 500 actors (AppTest runs).

Prints medians for: a first run in a fresh session (data cache warm), a run with a cold data
cache, and a filter change (one actor picked). Targets on 2 cores (issue 15): a cold load
<= 1.0 s, a new session <= 0.5 s, a filter change <= 0.3 s. Then, for reference, AppTest's own
time: a new AppTest's run of a script that writes one line (its scan of the installed packages
for components, which a Streamlit server makes once, is part of the first two figures).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from contextlib import closing
from pathlib import Path

from dashboard.store import database, database_write, table

EVENTS = 100_000
ACTORS = 500
RUNS = 5
APP = Path(__file__).resolve().parent.parent / "dashboard" / "page" / "app.py"
PRECISIONS = [("day", 0), ("day", 0), ("day", 0), ("month", 1), ("week", 2), ("year", 3)]


def synthetic(data_dir: Path, events: int = EVENTS, actors: int = ACTORS) -> None:
    """Write a seeded random build with `events` events naming `actors` actors: its CSV tables
    and its database, as a build writes them."""
    import datetime as dt

    from dashboard.period import Period

    rng = random.Random(7)
    names = [f"Actor {i:03d}" for i in range(actors)]
    kinds = ["statement", "capture", "deployment", "photo", "interview", "briefing"]
    start = dt.date(2015, 1, 1)
    rows = []
    for i in range(events):
        day = start + dt.timedelta(days=rng.randrange(3700))
        precision, unit = rng.choice(PRECISIONS)
        period = Period.containing(day, precision)
        first, last = period.first, period.last
        sentence = f"Officials said on {day:%B %d, %Y} that event {i} happened."
        rows.append({
            "event_id": f"ev{i:06d}", "date": first.isoformat(), "date_end": last.isoformat(),
            "precision": precision, "timex": first.isoformat(), "date_text": f"{day:%B %d, %Y}",
            "summary": f"Synthetic event {i}", "sentence": sentence,
            "actors": "; ".join(rng.sample(names, rng.choice([1, 1, 2]))),
            "kind": rng.choice(kinds), "attributed_to": "Officials",
            "source_id": f"s{i % 1000}", "source_url": f"https://example.org/{i % 1000}",
            "source_title": f"Article {i % 1000}", "published": last.isoformat(),
            "char_start": 18, "char_end": 18 + len(f"{day:%B %d, %Y}"),
            "outlet": f"Outlet {i % 40}", "sentence_start": 0,
        })
    sources = [{"source_id": f"s{i}", "url": f"https://example.org/{i}", "title": f"Article {i}",
                "outlet": f"Outlet {i % 40}", "published": "2025-01-01"} for i in range(1000)]
    actor_rows = [{"name": n, "kind": "person", "description": "Synthetic actor"} for n in names]
    for name, rows_, schema in (("events", rows, table.EVENTS_COLUMNS),
                                ("sources", sources, table.SOURCES_COLUMNS),
                                ("actors", actor_rows, table.ACTORS_COLUMNS)):
        text = table.to_csv_text(table.frame(rows_, schema))
        (data_dir / f"{name}.csv").write_text(text, encoding="utf-8")
    with closing(database.connect(database.path(data_dir), create=True)) as connection:
        database_write.write_folder(connection, data_dir)


def _timed(action) -> float:
    began = time.perf_counter()
    at = action()
    elapsed = time.perf_counter() - began
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return elapsed


def main() -> None:
    """Build the synthetic data, time the page, print the medians."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        began = time.perf_counter()
        synthetic(data)
        print(f"synthetic data: {EVENTS:,} events, {ACTORS} actors "
              f"({time.perf_counter() - began:.1f} s to write)")
        os.environ["DASHBOARD_DATA"] = str(data)
        empty = data / "empty.py"  # (timed in the same loop: the machine's load changes)
        empty.write_text("import streamlit as st\n\nst.write('empty')\n", encoding="utf-8")
        cold, full, change, alone = [], [], [], []
        for _ in range(RUNS):
            st.cache_data.clear()
            st.cache_resource.clear()
            cold.append(_timed(lambda: AppTest.from_file(str(APP), default_timeout=120).run()))
            at = AppTest.from_file(str(APP), default_timeout=120)
            full.append(_timed(at.run))
            picker = at.multiselect(key="f_actors").set_value(["Actor 042"])
            change.append(_timed(picker.run))
            alone.append(_timed(lambda: AppTest.from_file(str(empty), default_timeout=120).run()))
        for label, times, target in (("full run, cold data cache", cold, 1.0),
                                     ("full run (new session)", full, 0.5),
                                     ("filter change (one actor)", change, 0.3)):
            median = statistics.median(times)
            verdict = " ok" if median <= target else " OVER TARGET"
            goal = f" (target <= {target:.1f} s)"
            print(f"{label}: median {median:.2f} s over {len(times)} runs{goal}{verdict}")
        print(f"AppTest alone (a one-line script, new AppTest): median "
              f"{statistics.median(alone):.2f} s over {len(alone)} runs")
