"""Two `add` commands and a build started at the same moment on one story: each exits 0 and
every article lands exactly once, in the CSV tables and in the database (writers take turns
through the folder locks)."""

from __future__ import annotations

import csv
import subprocess
import sys
from contextlib import closing

from extracted import ROOT

from dashboard.store import database, table

FIRST = "The harbor pilots said on Monday that the strike would begin on Wednesday.\n"
SECOND = "The port authority said on Tuesday that talks with the pilots had failed.\n"
THIRD = "A mediator said on Thursday that both sides had agreed to meet on Friday.\n"


def test_two_adds_and_a_build_at_once_land_every_article_once(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(FIRST, encoding="utf-8")
    manifest = story / "sources.csv"
    manifest.write_text("path,url,title,outlet,author,published\n"
                        "a.txt,https://example.org/a,A,Ex,,2025-06-02\n", encoding="utf-8")
    data = tmp_path / "data"
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "c.txt").write_text(THIRD, encoding="utf-8")
    common = ["--sources", str(manifest), "--data", str(data)]
    commands = [
        ["add", str(tmp_path / "b.txt"), "--url", "https://example.org/b",
         "--published", "2025-06-03", *common],
        ["add", str(tmp_path / "c.txt"), "--url", "https://example.org/c",
         "--published", "2025-06-05", *common],
        ["build", *common],
    ]
    running = [subprocess.Popen([sys.executable, "-m", "dashboard", *command], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for command in commands]
    results = [(process.wait(timeout=300), *process.communicate()) for process in running]
    for code, _out, err in results:
        assert code == 0, err
        assert "Traceback" not in err and "lock" not in err.lower().replace("locks", "")
    rows = list(csv.DictReader(manifest.open(encoding="utf-8")))
    assert sorted(row["url"] for row in rows) == [f"https://example.org/{x}" for x in "abc"]
    final = subprocess.run([sys.executable, "-m", "dashboard", "build", *common], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    built = list(csv.DictReader((data / "sources.csv").open(encoding="utf-8")))
    assert sorted(row["url"] for row in built) == [f"https://example.org/{x}" for x in "abc"]
    with closing(database.connect(database.path(data))) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        urls = sorted(url for (url,) in connection.execute("SELECT url FROM sources"))
        assert urls == [f"https://example.org/{x}" for x in "abc"]
        assert database.read_table(connection, "events").equals(table.read(data, "events"))
