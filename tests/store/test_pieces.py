"""Files written from pieces (`folder.write_pieces`): bytes, and ranges of other files copied in."""

from __future__ import annotations

import os

import pytest

from dashboard.store import folder


@pytest.fixture
def sources(tmp_path):
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    first.write_bytes(b"0123456789" * 1000)
    second.write_bytes(b"abcdefghij")
    return str(first), str(second)


def expected(sources) -> bytes:
    first, second = (open(path, "rb").read() for path in sources)
    return b"header\n" + first[5:9005] + b"--" + second[2:7] + first[:3] + b"end\n"


def pieces(sources) -> list:
    first, second = sources
    return [b"header\n", folder.Span(first, 5, 9000), b"--", folder.Span(second, 2, 5),
            folder.Span(first, 0, 3), b"end\n"]


@pytest.mark.parametrize("copying", ["kernel", "missing", "refused"])
def test_pieces_are_written_in_order(sources, tmp_path, monkeypatch, copying):
    if copying == "missing":
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    elif copying == "refused":
        def refuse(*args):
            raise OSError(18, "Invalid cross-device link")
        monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    out = tmp_path / "out.csv"
    folder.write_pieces(out, pieces(sources))
    assert out.read_bytes() == expected(sources)


def test_many_small_pieces_are_written_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(folder, "WRITE_CHUNK", 64)
    lines = [f"line {i}\n".encode() for i in range(500)]
    out = tmp_path / "out.csv"
    folder.write_pieces(out, lines)
    assert out.read_bytes() == b"".join(lines)


def test_a_range_past_the_end_of_its_file_is_an_error(sources, tmp_path):
    with pytest.raises(OSError, match="second.bin: ends before byte 105"):
        folder.write_pieces(tmp_path / "out.csv", [folder.Span(sources[1], 5, 100)])
