"""A build shows its progress on a terminal (done of total, rate, time left) and prints none
when its output is not a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from extracted import ROOT

from benchmarks.corpus import generate


def test_progress_on_a_terminal_and_quiet_elsewhere(tmp_path):
    manifest = generate(tmp_path / "corpus", articles=60, seed=5)
    command = [sys.executable, "-m", "dashboard", "extract", "--sources", str(manifest)]
    piped = subprocess.run([*command, "--out", str(tmp_path / "a")], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*command, "--out", str(tmp_path / "b")], cwd=ROOT,
                               stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=300) == 0
    screen = seen.decode(errors="replace")
    assert "60/60" in screen and "articles/s" in screen
    assert "building" in screen and "built 60 articles; 0 refused" in screen
