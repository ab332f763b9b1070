"""Rebuilds from the cache: the bytes of a build from scratch; only what changed is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from extracted import contents

from dashboard.store import build, table


@pytest.fixture
def seeds(seeds) -> Path:
    """The fixture story's seeds folder, with one more manifest column."""
    folder = seeds
    manifest = folder / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",section"] + [f"{line},desk {i}" for i, line in enumerate(lines[1:])]
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def scratch(seeds: Path, out: Path) -> dict[str, bytes]:
    """What a build without a cache writes."""
    build.build(seeds / "sources.csv", out, cache=False)
    return contents(out)


def test_a_rebuild_writes_what_a_build_from_scratch_writes(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_an_unchanged_source_is_not_read_again(seeds, tmp_path, monkeypatch):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    before = contents(data)

    def refuse(row):
        raise AssertionError(f"read {row['path']} again")

    monkeypatch.setattr(build, "read_source", refuse)
    build.build(seeds / "sources.csv", data)
    assert contents(data) == before


def test_a_changed_source_is_read_even_with_its_old_size_and_time(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    article = seeds / "toll_april.txt"
    old = article.read_text(encoding="utf-8")
    info = article.stat()
    new = old.replace("about 4,700", "about 4,800")
    assert new != old and len(new) == len(old)
    article.write_text(new, encoding="utf-8")
    os.utime(article, ns=(info.st_atime_ns, info.st_mtime_ns))
    build.build(seeds / "sources.csv", data)
    assert (data / "texts" / "toll_april.txt").read_text(encoding="utf-8") == new
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_a_changed_manifest_row_is_rebuilt(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    manifest = seeds / "sources.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("Harbor Daily", "Harbour"),
                        encoding="utf-8")
    build.build(seeds / "sources.csv", data)
    assert "Harbour" in set(table.read(data, "events").outlet)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_parallel_builds_write_the_same(seeds, tmp_path):
    build.build(seeds / "sources.csv", tmp_path / "two", jobs=2)
    assert contents(tmp_path / "two") == scratch(seeds, tmp_path / "fresh")


def test_a_broken_cache_is_rebuilt(seeds, tmp_path):
    data = tmp_path / "data"
    build.build(seeds / "sources.csv", data)
    for entry in (tmp_path / ".data.cache").glob("*.marshal"):
        entry.write_bytes(b"\x00not marshal")
    build.build(seeds / "sources.csv", data)
    assert contents(data) == scratch(seeds, tmp_path / "fresh")


def test_further_manifest_columns_follow_the_schema_in_the_sources_table(seeds, tmp_path):
    manifest = seeds / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",chars"] + [line + ",999" for line in lines[1:]]
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    build.build(manifest, tmp_path / "data")
    sources = table.read(tmp_path / "data", "sources")
    assert list(sources.columns) == [*table.SOURCES_COLUMNS, "section"]
    assert list(sources.section) == [f"desk {i}" for i in range(len(sources))]
    assert 999 not in set(sources.chars)
