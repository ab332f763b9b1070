"""Where `export --out` writes: standard output, through links and pipes, never over the data
folder, with the modes the umask gives, and errors that name the target."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from extracted import ROOT

ARTICLE = "The water board said on Monday that the main under Elm Street broke on Sunday.\n"


def run(*args: str, umask: int = 0o022, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.umask(umask))


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("story")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text("path,url,title,outlet,author,published\n"
                                        "a.txt,https://example.org/a,A,Ex,,2025-03-05\n")
    out = folder / "data"
    assert run("extract", "--sources", str(folder / "sources.csv"), "--out", str(out),
               umask=0o022).returncode == 0
    return out


def export(data: Path, out: str, cwd: Path = ROOT, umask: int = 0o022):
    return run("export", "--data", str(data), "--format", "csv", "--out", out, cwd=cwd,
               umask=umask)


def test_the_data_folder_and_exports_follow_the_umask(data, tmp_path):
    assert stat.S_IMODE(data.stat().st_mode) == 0o755
    assert stat.S_IMODE((data / "events.csv").stat().st_mode) == 0o644
    assert export(data, str(tmp_path / "a.csv")).returncode == 0
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644
    assert export(data, str(tmp_path / "b.csv"), umask=0o077).returncode == 0
    assert stat.S_IMODE((tmp_path / "b.csv").stat().st_mode) == 0o600


def test_a_dash_is_standard_output(data, tmp_path):
    result = export(data, "-", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("event_id,") and "Elm Street" in result.stdout
    assert not (tmp_path / "-").exists()
    assert "to standard output" in result.stderr


def test_a_symlink_stays_a_link_and_its_target_is_written(data, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert export(data, str(link)).returncode == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("event_id,")


def test_a_fifo_is_written_into_not_replaced(data, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = export(data, str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"event_id,")


def test_the_data_folders_own_tables_are_never_written_over(data):
    before = (data / "events.csv").read_bytes()
    for out in (data / "events.csv", data / "new.csv", data / "texts" / "x.csv"):
        result = export(data, str(out))
        assert result.returncode == 2
        assert result.stderr.strip() == (f"export: error: cannot write {out}: it is inside the "
                                         f"data folder {data}; choose a file elsewhere")
    assert (data / "events.csv").read_bytes() == before
    assert not (data / "new.csv").exists()


@pytest.mark.parametrize(("out", "problem"), [
    ("{tmp}", "it is a folder"),
    ("{tmp}/missing/x.csv", "folder {tmp}/missing does not exist"),
    ("/proc/x.csv", ""),
])
def test_an_unwritable_target_is_named_in_one_line(data, tmp_path, out, problem):
    out = out.format(tmp=tmp_path)
    result = export(data, out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"export: error: cannot write {out}: ")
    assert problem.format(tmp=tmp_path) in lines[0]
    assert ".tmp" not in lines[0] and "Traceback" not in result.stderr
