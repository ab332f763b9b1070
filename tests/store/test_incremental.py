"""Incremental rebuilds: what the cache keeps between builds never changes what is written."""

from __future__ import annotations

import marshal
import threading
from contextlib import closing
from pathlib import Path

import pytest
from extracted import contents

from dashboard.read.sources import SourceError, read_manifest
from dashboard.store import build, database, table_lines


def scratch(seeds: Path, out: Path, curation: bytes | None = None) -> dict[str, bytes]:
    """What a build without a cache writes (with this curation file, if any)."""
    if curation is not None:
        out.mkdir(parents=True)
        (out / "curation.csv").write_bytes(curation)
    build.build(seeds / "sources.csv", out, cache=False)
    return contents(out)


def test_a_rebuild_with_nothing_changed_writes_nothing(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    before = {p.name: p.stat().st_ino for p in data.iterdir()}
    build.build(seeds / "sources.csv", data)
    assert {p.name: p.stat().st_ino for p in data.iterdir()} == before
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_a_table_changed_by_hand_is_written_again(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    (data / "figures.csv").write_text("edited\n", encoding="utf-8")
    (data / "texts" / "toll_april.txt").unlink()
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_a_new_curation_is_applied_though_no_source_changed(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    first = (data / "events.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    curation = (b"event_id,status,date,date_end,precision,summary,actors,kind,note,updated\n"
                + first.encode() + b",corrected,2020-01-01,,,Fixed,,,,x\n")
    (data / "curation.csv").write_bytes(curation)
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh", curation)
    assert b"Fixed" in (data / "events.csv").read_bytes()


def extractions(data: Path) -> int:
    """How many articles' extractions the story's database keeps."""
    with closing(database.connect(database.path(data))) as connection:
        return connection.execute("SELECT count(*) FROM extractions").fetchone()[0]


def test_the_cache_forgets_a_source_taken_out_of_the_manifest(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    cache = tmp_path / ".data.cache"
    articles = extractions(data)
    texts = len(list((cache / "texts").iterdir()))
    manifest = seeds / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    assert articles == len(lines) - 1
    manifest.write_text("".join(lines[:-1]), encoding="utf-8")
    build.build(manifest, data)
    assert extractions(data) == articles - 1
    assert len(list((cache / "texts").iterdir())) == texts - 1
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_lines_kept_by_an_interrupted_build_are_not_trusted(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    cache = tmp_path / ".data.cache"
    (events_lines,) = cache.glob("lines-*.events")
    end = events_lines.stat().st_size
    with open(events_lines, "ab") as lines:  # as if written by a build that never ended
        lines.write(b"garbage\n" * 100)
    for shard in cache.glob("rendered-*.marshal"):
        version, (stamp, entries) = marshal.loads(shard.read_bytes())
        broken = {key: (entry[0], (end, 8), *entry[2:]) for key, entry in entries.items()}
        shard.write_bytes(marshal.dumps((version, ("another build", broken))))
    article = seeds / "toll_april.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nMore news.\n", encoding="utf-8")
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")
    assert b"garbage" not in (data / "events.csv").read_bytes()


@pytest.mark.parametrize("damage", ["deleted", "truncated"])
def test_lost_line_files_are_made_again(seeds, tmp_path, damage):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    for lines in (tmp_path / ".data.cache").glob("lines-*"):
        if damage == "deleted":
            lines.unlink()
        else:
            lines.write_bytes(lines.read_bytes()[:100])
    (data / "events.csv").unlink()
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_line_files_mostly_unused_are_written_anew(seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(table_lines, "SLACK", 0)
    data = tmp_path / "data"
    cache = tmp_path / ".data.cache"
    build.build(seeds / "sources.csv", data)
    first = {path.name for path in cache.glob("lines-*")}
    article = seeds / "toll_april.txt"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"):
        article.write_text(article.read_text(encoding="utf-8") + f"\nMore news on {day}.\n",
                           encoding="utf-8")
        build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")
    now = {path.name for path in cache.glob("lines-*")}
    assert now and not now & first
    lines = sum(path.stat().st_size for path in cache.glob("lines-*"))
    tables = sum((data / f"{name}.csv").stat().st_size for name in ("events", "figures"))
    assert lines < 2 * tables


def test_summaries_whose_actors_were_lost_are_made_again(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    (tmp_path / ".data.cache" / "index.marshal").unlink()
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_a_manifest_kept_from_the_last_build_still_has_its_files_checked(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    before = contents(data)
    outside = tmp_path / "outside.txt"
    outside.write_text("Officials said on Monday that the talks had ended.\n", encoding="utf-8")
    (seeds / "toll_april.txt").unlink()
    (seeds / "toll_april.txt").symlink_to(outside)
    with pytest.raises(SourceError, match="toll_april.txt leads outside the manifest's folder"):
        build.build(seeds / "sources.csv", data)
    assert contents(data) == before


def test_a_manifest_read_with_a_memo_follows_its_changes(seeds):
    def dates(records):
        return [(Path(r["path"]).name, r["published"]) for r in records]

    manifest = seeds / "sources.csv"
    memo: dict = {}
    first = [("capture_weekend.txt", "2025-01-12"), ("capture_announced.txt", "2025-01-13"),
             ("questioned.html", ""), ("toll_april.txt", "2025-04-30")]
    assert dates(read_manifest(manifest, memo=memo)) == first
    assert memo["records"] and dates(read_manifest(manifest, memo=memo)) == first
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2025-", "2024-"),
                        encoding="utf-8")
    assert dates(read_manifest(manifest, memo=memo)) == [
        ("capture_weekend.txt", "2024-01-12"), ("capture_announced.txt", "2024-01-13"),
        ("questioned.html", ""), ("toll_april.txt", "2024-04-30")]


def test_lines_that_could_not_be_kept_are_made_again(seeds, tmp_path, monkeypatch):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    article = seeds / "toll_april.txt"

    def disk_full(self):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(table_lines.Rendered, "_append", disk_full)
        article.write_text(article.read_text(encoding="utf-8") + "\nTalks on Monday.\n",
                           encoding="utf-8")
        build.build(seeds / "sources.csv", data)
        assert contents(data) == scratch(seeds, tmp_path / "fresh")
    article.write_text(article.read_text(encoding="utf-8") + "\nTalks on Friday.\n",
                       encoding="utf-8")
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "again")


def test_builds_sharing_a_cache_take_turns(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    done = threading.Event()
    builder = threading.Thread(target=lambda: (build.build(seeds / "sources.csv", data),
                                               done.set()))
    with build.files.locked(tmp_path / ".data.cache"):  # another build's turn
        builder.start()
        assert not done.wait(0.5)
    assert done.wait(60)
    builder.join()
