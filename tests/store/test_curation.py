"""Curation survives rebuilds; writes are atomic and serialised; a killed build loses nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from extracted import ROOT, contents

from dashboard.read.sources import SourceError
from dashboard.store import curation, database, folder, table
from dashboard.store.build import build
from dashboard.store.intake import add_source


@pytest.fixture
def project(seeds, tmp_path) -> Path:
    """The fixture story's seeds folder, built into a data folder beside it."""
    build(seeds / "sources.csv", tmp_path / "data")
    return tmp_path


def test_verdicts_and_corrections_survive_a_rebuild(project):
    data = project / "data"
    events = table.read(data, "events")
    first, second, third = events.event_id[:3]
    curation.save(data, first, "verified")
    curation.save(data, second, "corrected", summary="Fixed by an analyst", precision="month")
    curation.save(data, third, "rejected", note="not an event")
    curation.save(data, "ev-gone", "corrected", summary="An event that no longer exists")
    build(project / "seeds" / "sources.csv", data)
    rebuilt = table.read(data, "events").set_index("event_id")
    assert rebuilt.loc[first, "status"] == "verified"
    assert rebuilt.loc[second, "status"] == "corrected"
    assert rebuilt.loc[second, "summary"] == "Fixed by an analyst"
    assert rebuilt.loc[second, "precision"] == "month"
    assert rebuilt.loc[third, "status"] == "rejected"
    assert (rebuilt.drop([first, second, third]).status == "auto").all()
    kept = curation.read(data)
    assert len(kept) == 4
    assert list(curation.orphans(rebuilt.reset_index(), kept).event_id) == ["ev-gone"]


def test_undo_returns_an_event_to_auto(project):
    data = project / "data"
    events = table.read(data, "events").set_index("event_id")
    first, second = events.index[:2]
    curation.save(data, first, "corrected", summary="Fixed by an analyst")
    curation.save(data, second, "verified")
    assert list(curation.undo(data, first).event_id) == [second]
    assert list(curation.read(data).event_id) == [second]
    build(project / "seeds" / "sources.csv", data)
    rebuilt = table.read(data, "events").set_index("event_id")
    assert rebuilt.loc[first, "status"] == "auto"
    assert rebuilt.loc[first, "summary"] == events.loc[first, "summary"]
    assert rebuilt.loc[second, "status"] == "verified"
    before = (data / curation.FILE).read_bytes()
    assert list(curation.undo(data, "ev-nobody-curated").event_id) == [second]
    assert (data / curation.FILE).read_bytes() == before


def test_a_later_verdict_replaces_the_earlier_one(project):
    data = project / "data"
    event_id = table.read(data, "events").event_id[0]
    curation.save(data, event_id, "rejected")
    curation.save(data, event_id, "verified")
    assert list(curation.read(data).status) == ["verified"]


def test_unknown_status_is_refused(project):
    with pytest.raises(ValueError, match="status 'maybe'"):
        curation.save(project / "data", "ev-x", "maybe")


def test_add_source_copies_appends_and_refuses_duplicates(project):
    seeds = project / "seeds"
    text = b"Officials said Friday that the talks had stalled.\n"
    stored = add_source(seeds / "sources.csv", text, "../talks.txt", "https://example.org/t",
                        "2025-02-21", title="Talks stall", outlet="Example")
    assert stored.parent == seeds and stored.read_bytes() == text
    assert "https://example.org/t" in (seeds / "sources.csv").read_text()
    with pytest.raises(SourceError, match="URL https://example.org/t is already"):
        add_source(seeds / "sources.csv", b"Other text.\n", "b.txt", "https://example.org/t",
                   "2025-02-21")
    with pytest.raises(SourceError, match="same text is already"):
        add_source(seeds / "sources.csv", text, "c.txt", "https://example.org/c", "2025-02-21")
    with pytest.raises(SourceError, match="only http"):
        add_source(seeds / "sources.csv", b"New.\n", "d.txt", "javascript:alert(1)", "2025-02-21")


WRITER = """
import sys
from pathlib import Path
from dashboard.store import curation
from dashboard.store.intake import add_source
role, tag, root, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
for i in range(count):
    if role == "add":
        add_source(root / "seeds" / "sources.csv", f"Report {tag}{i} said Monday.\\n".encode(),
                   f"r{i}.txt", f"https://example.org/r{tag}{i}", "2025-02-20")
    else:
        curation.save(root / "data", f"ev-{tag}{i:04d}", "verified")
"""


def test_concurrent_adds_and_curation_lose_no_write(project):
    count = 12
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, role, tag, str(project), str(count)], cwd=ROOT
        )
        for role, tag in (("add", "a"), ("curate", "a"), ("add", "b"), ("curate", "b"))
    ]
    assert all(p.wait(timeout=120) == 0 for p in processes)
    manifest = (project / "seeds" / "sources.csv").read_text().splitlines()
    added = [line for line in manifest if "example.org/r" in line]
    assert len(added) == 2 * count
    assert len(curation.read(project / "data")) == 2 * count


def test_a_failed_write_leaves_the_previous_data(project, monkeypatch):
    """The database commits first (the build's commit point); the CSV exports are swapped in
    after it, all or nothing: a failure there leaves the previous exports, and a whole
    database."""
    data = project / "data"

    def files() -> dict:
        return {p.relative_to(data): p.read_bytes() for p in data.rglob("*")
                if p.is_file() and not p.name.startswith(database.FILE)}

    before = files()

    def crash(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(folder, "_swap", crash)
    with pytest.raises(RuntimeError):
        build(project / "seeds" / "sources.csv", data, cache=False)
    assert files() == before
    with closing(database.connect(database.path(data))) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = database.read_table(connection, "events")
    assert rows.equals(table.read(data, "events"))
    leftovers = {p.name for p in project.iterdir() if p.name.startswith(".data.")}
    assert leftovers <= {".data.lock", ".data.cache"}


def test_a_killed_build_leaves_complete_data(project):
    """Every file as it was; the database holding the same tables (the articles it extracted
    before it was killed may be kept for the next build)."""
    data = project / "data"
    before = contents(data)
    for delay in (0.3, 0.8, 1.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "dashboard", "extract", "--sources",
             str(project / "seeds" / "sources.csv"), "--out", str(data)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert contents(data) == before
