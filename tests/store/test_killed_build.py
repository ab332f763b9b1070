"""A build killed with SIGKILL while it swaps the data folder in: the next build puts the data
back (with the user's curation) and leaves no staging folders behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from dashboard.cli import main
from dashboard.store import curation, table

ARTICLE = ("The transit authority said on Tuesday that the tunnel would reopen on Friday. "
           "Crews found a cracked beam on March 2, officials said.\n")
EDITED = ARTICLE.replace("Friday", "Saturday")

KILL_BETWEEN_RENAMES = textwrap.dedent("""
    import os, signal, sys
    from dashboard.store import folder
    real = os.replace
    def replace(source, target):
        real(source, target)
        if ".old." in str(target):  # the data folder is away, the new one not yet in
            os.kill(os.getpid(), signal.SIGKILL)
    folder.os.replace = replace
    from dashboard.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_a_build_killed_between_its_renames_loses_nothing(tmp_path, capsys):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = story / "sources.csv"
    manifest.write_text("path,url,title,outlet,author,published\n"
                        "a.txt,https://example.org/a,A,Ex,,2025-03-05\n", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["extract", "--sources", str(manifest), "--out", str(data)]) == 0
    event = table.read(data, "events")["event_id"][0]
    curation.save(data, event, "rejected")

    (story / "a.txt").write_text(EDITED, encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, "extract", "--sources",
                             str(manifest), "--out", str(data)], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert not data.exists()  # the state the kill left: no data folder
    assert [p.name for p in tmp_path.glob(".data.old.*")]

    capsys.readouterr()
    assert main(["extract", "--sources", str(manifest), "--out", str(data)]) == 0
    assert curation.latest(data)[event]["status"] == "rejected"
    assert "Saturday" in " ".join(table.read(data, "events")["sentence"])
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".data.")) == [
        ".data.cache", ".data.lock"]
