"""Paths of the tests, and fixture manifests built into a temporary folder and read back."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pandas as pd

from dashboard.extract.actors import story_index
from dashboard.extract.events import article_events
from dashboard.extract.figures import article_figures
from dashboard.read.sentences import blocks, masked, sentences
from dashboard.store import database, table
from dashboard.store.build import build
from dashboard.timex import tag

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
STORY = FIXTURES / "story"
WIRES = FIXTURES / "wires"
MANIFEST_HEADER = "path,url,title,outlet,author,published\n"


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes; the story database by what
    it holds (its bytes depend on the order of its writes), its side files left out."""
    found = {p.relative_to(folder).as_posix(): p.read_bytes()
             for p in sorted(folder.rglob("*")) if p.is_file()
             and not p.name.startswith(f"{database.FILE}-")}
    if database.FILE in found:
        found[database.FILE] = database_contents(folder)
    return found


def database_contents(folder: Path) -> bytes:
    """What a data folder's database holds, as text: its tables in order, its texts, curation
    and actor rows sorted, and what a full-text search of each event's first word finds."""
    with closing(database.connect(database.path(folder))) as connection:
        held = {name: database.read_table(connection, name).to_csv(index=False)
                for name in database.TABLES}
        for name in ("texts", "curation", "event_actors"):
            held[name] = sorted(connection.execute(f"SELECT * FROM {name}").fetchall())
        held["search"] = sorted(connection.execute(
            "SELECT e.event_id FROM events e JOIN events_search s ON s.rowid = e.rowid "
            "WHERE events_search MATCH 'said'").fetchall())
    return repr(held).encode()


def built_tables(manifest: Path, out: Path) -> dict[str, pd.DataFrame]:
    """Extract `manifest` into `out` (no cache) and return the four tables by name."""
    build(manifest, out, cache=False)
    return {name: table.read(out, name) for name in table.SCHEMAS}


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m dashboard *args` in a subprocess (from the repository root by default)."""
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def extract(text: str, published: str = "2025-02-19", gazetteer: list | None = None,
            source_id: str = "a") -> dict:
    """One article's text run through the extractors as `build.analyse` runs them: its
    "events" and "figures" rows and its actor "index" (an `extract.actors.ActorIndex`)."""
    article_blocks = blocks(text)
    visible = masked(text, article_blocks)
    article_sentences = sentences(text, article_blocks)
    timexes = tag(visible, published)
    index = story_index(visible, gazetteer or [])
    mentions = index.mentions(visible)
    row = {"source_id": source_id, "url": "https://example.org/a", "title": "A",
           "outlet": "Example", "published": published}
    return {
        "events": article_events(row, article_sentences, timexes, mentions),
        "figures": article_figures(row, article_sentences, timexes, mentions),
        "index": index,
    }


def corpus(folder: Path, files: dict[str, bytes | str], rows: str) -> Path:
    """Write `files` and a manifest of `rows` (after the standard header) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    manifest = folder / "sources.csv"
    header = "" if rows.lower().startswith("path,") else MANIFEST_HEADER
    manifest.write_text(header + rows, encoding="utf-8")
    return manifest
