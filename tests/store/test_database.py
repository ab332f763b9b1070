"""The story database (`story.db`): what a build writes into it, its schema versions, search,
and its state after a build killed at several points (real processes, SIGKILL)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from extracted import ROOT, STORY, contents, run_cli

from dashboard.store import curation, database, dataset, filters, table
from dashboard.store.build import build

SEED = ROOT / "seeds" / "sources.csv"


def opened(data: Path) -> sqlite3.Connection:
    return database.connect(database.path(data))


def test_the_seed_database_holds_exactly_the_rows_of_its_csv_tables(tmp_path):
    data = tmp_path / "data"
    build(SEED, data, cache=False)
    with closing(opened(data)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA user_version").fetchone() == (database.SCHEMA_VERSION,)
        for name in table.SCHEMAS:
            from_db = database.read_table(connection, name)
            assert from_db.equals(table.read(data, name)), name
        texts = dict(connection.execute("SELECT sha256, text FROM texts"))
    sources = table.read(data, "sources")
    assert texts == {row.sha256: (data / row.text_path).read_text(encoding="utf-8")
                     for row in sources.itertuples()}
    committed = {name: table.read(ROOT / "data", name) for name in table.SCHEMAS}
    assert dataset.read_tables(data)["events"].equals(committed["events"])


def test_further_manifest_columns_and_refusals_are_kept(seeds, tmp_path):
    manifest = seeds / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",desk"] + [line + f",desk {i}" for i, line in enumerate(lines[1:])]
    lines.append("missing.txt,https://example.org/gone,Gone,Ex,,2025-01-02,desk x")
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    build(manifest, data)
    with closing(opened(data)) as connection:
        sources = database.read_table(connection, "sources")
        refused = database.read_table(connection, "refused")
    assert list(sources.columns) == [*table.SOURCES_COLUMNS, "desk"]
    assert list(sources.desk) == list(table.read(data, "sources").desk)
    assert list(refused.url) == ["https://example.org/gone"]


def test_full_text_search_matches_word_stems(tmp_path):
    data = tmp_path / "data"
    build(SEED, data, cache=False)
    events = table.read(data, "events").set_index("event_id")
    found = dataset.search(data, "defects")  # the sentences say "defect"
    assert found and all("defect" in events.sentence[i].lower() for i in found)
    assert dataset.search(data, '"no such phrase here"') == set()
    assert dataset.search(data, "OR AND NOT (") is not None  # typed text is never FTS syntax
    export = run_cli("export", "--data", str(data), "--format", "csv", "--out", "-",
                     "--search", "defects")
    assert export.returncode == 0, export.stderr
    assert export.stdout.count("\n") == len(found) + 1


def test_curation_is_mirrored_and_survives_a_rebuild(seeds, tmp_path):
    data = tmp_path / "data"
    build(seeds / "sources.csv", data)
    first = table.read(data, "events").event_id[0]
    curation.save(data, first, "rejected", note="a duplicate")
    with closing(opened(data)) as connection:
        assert connection.execute("SELECT status, note FROM curation WHERE event_id = ?",
                                  (first,)).fetchall() == [("rejected", "a duplicate")]
    build(seeds / "sources.csv", data)
    with closing(opened(data)) as connection:
        assert connection.execute("SELECT status FROM events WHERE event_id = ?",
                                  (first,)).fetchall() == [("rejected",)]
        assert connection.execute("SELECT count(*) FROM curation").fetchone() == (1,)


def test_an_older_database_is_migrated_keeping_its_rows(seeds, tmp_path):
    data = tmp_path / "data"
    build(seeds / "sources.csv", data)
    first = table.read(data, "events").event_id[0]
    curation.save(data, first, "verified")
    with closing(sqlite3.connect(database.path(data))) as old:  # back to schema 1
        old.executescript("DROP TRIGGER events_added; DROP TRIGGER events_removed; "
                          "DROP TABLE events_search; DROP TABLE event_actors; "
                          "DROP TABLE curation; DROP TABLE extractions; DROP TABLE source_files; "
                          "PRAGMA user_version = 1;")
    with closing(opened(data)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (database.SCHEMA_VERSION,)
        assert connection.execute("SELECT count(*) FROM event_actors").fetchone()[0] > 0
        assert connection.execute("SELECT status FROM curation").fetchall() == [("verified",)]
    assert dataset.search(data, "said")


def test_a_newer_or_foreign_database_is_refused_in_one_line(tmp_path):
    data = tmp_path / "data"
    build(SEED, data, cache=False)
    with closing(sqlite3.connect(database.path(data))) as newer:
        newer.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    with pytest.raises(database.StoreError, match=r"story\.db: made by a newer version"):
        dataset.load(data)
    listed = run_cli("export", "--data", str(data), "--format", "csv", "--out", "-")
    assert listed.returncode == 2
    assert listed.stderr.count("\n") == 1 and "newer version" in listed.stderr
    assert "Traceback" not in listed.stderr
    database.path(data).write_bytes(b"not a database at all" * 100)
    with pytest.raises(database.StoreError, match="not a story database"):
        dataset.load(data)


KILL_AT = textwrap.dedent("""
    import os, signal, sys
    from dashboard.store import database_write, folder
    point = sys.argv.pop(1)
    def kill(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    if point == "inserting":
        real = database_write._insert
        def insert(*args):
            real(*args)
            kill()
        database_write._insert = insert
    elif point == "committed":
        real_store = database_write.store_folder
        def store(data_dir, staging):
            real_store(data_dir, staging)
            kill()
        database_write.store_folder = store
    elif point == "swapping":
        real = folder.os.replace
        def replace(source, target):
            real(source, target)
            if ".old." in str(target):
                kill()
        folder.os.replace = replace
    from dashboard.cli import main
    sys.exit(main(sys.argv[1:]))
""")
ARTICLE = ("The city council said on Monday that the pier would reopen on Thursday. "
           "Divers inspected the pilings on April 3, officials said.\n")


def one_article_story(tmp_path: Path) -> tuple[Path, Path]:
    """A story of one article (ARTICLE), built: (its manifest, its data folder)."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = story / "sources.csv"
    manifest.write_text("path,url,title,outlet,author,published\n"
                        "a.txt,https://example.org/a,A,Ex,,2025-04-07\n", encoding="utf-8")
    data = tmp_path / "data"
    build(manifest, data)
    return manifest, data


@pytest.mark.parametrize("point", ["inserting", "committed", "swapping"])
def test_a_build_killed_leaves_the_old_or_the_new_database(tmp_path, point):
    manifest, data = one_article_story(tmp_path)
    old = sorted(table.read(data, "events").sentence)
    (manifest.parent / "a.txt").write_text(ARTICLE.replace("Thursday", "Friday"),
                                           encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_AT, point, "extract", "--sources",
                             str(manifest), "--out", str(data)], capture_output=True,
                            timeout=120, cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    def state() -> list[str]:
        with closing(opened(data)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            return sorted(database.read_table(connection, "events").sentence)

    new = sorted(s.replace("Thursday", "Friday") for s in old)
    if data.exists():
        assert state() in (old, new)
    build(manifest, data)
    assert state() == new
    assert sorted(table.read(data, "events").sentence) == new


def test_a_reader_holding_the_database_open_does_not_hold_up_a_rebuild(tmp_path):
    manifest, data = one_article_story(tmp_path)
    (manifest.parent / "a.txt").write_text(ARTICLE.replace("Thursday", "Friday"),
                                           encoding="utf-8")
    with closing(sqlite3.connect(database.path(data), isolation_level=None)) as reader:
        reader.execute("BEGIN")  # a user's `sqlite3 story.db` in the middle of a query
        before = reader.execute("SELECT count(*) FROM events").fetchone()
        # a hang guard, not a speed target: waiting for the reader took the busy timeout (60 s)
        rebuilt = subprocess.run([sys.executable, "-m", "dashboard", "extract", "--sources",
                                  str(manifest), "--out", str(data)], capture_output=True,
                                 text=True, timeout=45, cwd=ROOT)
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert reader.execute("SELECT count(*) FROM events").fetchone() == before
    with closing(opened(data)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        sentences = database.read_table(connection, "events").sentence
    assert any("Friday" in x for x in sentences) and not any("Thursday" in x for x in sentences)


def test_readers_opening_the_database_at_one_moment_all_read_it(tmp_path):
    """Page sessions that open a freshly built database together (each setting up its shared
    memory) wait for each other rather than fail with "database is locked"."""
    import threading

    _, data = one_article_story(tmp_path)
    failures: list[str] = []
    for _ in range(10):
        for side in data.glob(f"{database.FILE}-*"):
            side.unlink()
        start = threading.Barrier(6)

        def read(start: threading.Barrier = start) -> None:
            start.wait()
            try:
                with closing(opened(data)) as connection:
                    database.read_table(connection, "events", columns=["event_id", "date"])
            except Exception as error:  # (any failure is the test's finding)
                failures.append(repr(error))

        threads = [threading.Thread(target=read) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


def test_a_rebuild_writes_only_the_rows_that_changed(seeds, tmp_path):
    data = tmp_path / "data"
    build(seeds / "sources.csv", data)

    def rows() -> dict[str, tuple[int, str]]:
        with closing(opened(data)) as connection:
            return {event_id: (rowid, source_id) for rowid, event_id, source_id in
                    connection.execute("SELECT rowid, event_id, source_id FROM events")}

    before = rows()
    manifest = (seeds / "sources.csv").read_text(encoding="utf-8").splitlines()
    first = seeds / manifest[1].split(",")[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe count was revised on "
                     "March 9, 2025, officials said.\n", encoding="utf-8")
    build(seeds / "sources.csv", data)
    after = rows()
    changed = {source for _, source in after.values()} - {
        source for event_id, (rowid, source) in after.items() if before.get(event_id) ==
        (rowid, source)}
    kept = [event_id for event_id in before if before[event_id] == after.get(event_id)]
    assert kept and len(kept) >= len(before) // 2  # most rows stayed where they were
    assert changed  # the changed article's rows were written again
    assert contents(data)["story.db"] == contents(_scratch(seeds, tmp_path))["story.db"]


def _scratch(seeds: Path, tmp_path: Path) -> Path:
    out = tmp_path / "scratch"
    build(seeds / "sources.csv", out, cache=False)
    return out


SPECS = [
    filters.FilterSpec(),
    filters.FilterSpec(kinds=("capture",)),
    filters.FilterSpec(kinds=("statement", "photo"), outlets=("Harbor Daily",)),
    filters.FilterSpec(actors=("Ukraine",)),
    filters.FilterSpec(actors=("North Korea", "Volodymyr Zelenskyy")),
    filters.FilterSpec(since="2025-01-12"),
    filters.FilterSpec(until="2025-01-11"),
    filters.FilterSpec(since="2024-10-15", until="2024-10-20"),  # inside a month-long event
    filters.FilterSpec(approximate=False),
    filters.FilterSpec(search="captured"),
    filters.FilterSpec(search="captures"),  # the stem finds "captured"
    filters.FilterSpec(search="ntelli"),  # a piece of a word: the substring match
    filters.FilterSpec(rejected=True),
    filters.FilterSpec(kinds=("deployment",), rejected=True),
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: repr(filters.to_query(spec)))
def test_filters_pushed_into_sql_keep_what_the_page_keeps(curated_story, spec):
    data = curated_story
    everything = dataset.load(data).events
    expected = filters.apply(everything, spec, dataset.search(data, spec.search))
    found = dataset.query_events(data, spec)
    assert list(found.event_id) == list(expected.event_id)
    assert found.reset_index(drop=True).equals(expected.reset_index(drop=True))


@pytest.fixture(scope="module")
def curated_story(tmp_path_factory) -> Path:
    """The fixture story built, then curated: one event's kind corrected to deployment after
    the build, one rejected."""
    data = tmp_path_factory.mktemp("curated") / "data"
    build(STORY / "sources.csv", data, cache=False)
    events = table.read(data, "events")
    first, second = events.event_id[0], events.event_id[1]
    curation.save(data, first, "corrected", kind="deployment")
    curation.save(data, second, "rejected")
    return data


def test_the_command_line_checks_filter_values_against_the_database(curated_story):
    unknown = run_cli("export", "--data", str(curated_story), "--format", "csv", "--out", "-",
                      "--kind", "capturd")
    assert unknown.returncode == 2 and "did you mean capture?" in unknown.stderr


def test_key_dates_read_the_articles_texts_from_the_database(tmp_path):
    data = tmp_path / "data"
    build(STORY / "sources.csv", data, cache=False)
    asked = ("keydates", "--data", str(data), "--dates", "3", "--format", "full")
    before = run_cli(*asked)
    assert before.returncode == 0, before.stderr
    shutil.rmtree(data / "texts")
    after = run_cli(*asked)
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout
