"""Killing the parent of `build --jobs 2` kills its workers too (they would otherwise hold the
cache's lock and stall the next build)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from extracted import ROOT

from benchmarks.corpus import generate


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_a_killed_parent(tmp_path):
    manifest = generate(tmp_path / "corpus", articles=600, seed=3)
    data = tmp_path / "data"
    command = [sys.executable, "-m", "dashboard", "extract", "--sources", str(manifest),
               "--out", str(data), "--jobs", "2"]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(workers := children(build.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, "the build never started its workers"
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(pid) for pid in workers)
    finally:
        for pid in children(build.pid):
            os.kill(pid, signal.SIGKILL)
    started = time.monotonic()
    again = subprocess.run([*command[:-2], "--jobs", "1"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "waiting" not in again.stderr
    assert time.monotonic() - started < 240
