"""Writing a data folder atomically: its tables (from text, lines, or pieces of other files
copied by the kernel) and its other files (linked in), built beside it and swapped in."""

from __future__ import annotations

import glob
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from dashboard.store.files import staging_dir
from dashboard.store.table import to_csv_text

if TYPE_CHECKING:
    import pandas as pd


def write_dir(
    target: str | Path,
    tables: Mapping[str, pd.DataFrame | str | list[str] | list[bytes | Span]],
    files: Mapping[str, str | Path],
    retire: Callable[[Path], None] | None = None,
    before_swap: Callable[[Path], None] | None = None,
) -> None:
    """Write tables and other files (source texts...) into `target` atomically: all or nothing.

    A table is a DataFrame, its CSV text or its CSV lines (or chunks of lines, as text, or as
    UTF-8 bytes and `Span`s of other files); a file is its text, or a Path (or `Linked` path)
    to link (or copy) in. The new directory is built beside `target` (the files linked in a
    thread while the tables are written) and swapped in with renames, so a crash midway leaves
    the previous contents in place. The previous contents are then removed, or handed to
    `retire` (which removes them, say while other work goes on); `before_swap`, if given, is
    called with the finished staging folder just before it is swapped in. Call it holding the
    folder's lock (`files.locked`): it first puts back what a killed writer left (`recover`).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = staging_dir(target)
    failed: list[BaseException] = []
    linking = threading.Thread(target=_write_files, args=(staging, files, failed))
    try:
        linking.start()
        for name, content in tables.items():
            path = staging / f"{name}.csv"
            if isinstance(content, list) and content and not isinstance(content[0], str):
                write_pieces(path, content)
                continue
            with open(path, "w", encoding="utf-8") as out:
                if isinstance(content, list):
                    out.writelines(content)
                else:
                    out.write(content if isinstance(content, str) else to_csv_text(content))
        linking.join()
        if failed:
            raise failed[0]
        if before_swap is not None:
            before_swap(staging)
        _keep_foreign_files(target, staging)
        _swap(staging, target, retire or _remove)
    except BaseException:
        if linking.is_alive():
            linking.join()
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_files(staging: Path, files: Mapping[str, str | Path],
                 failed: list[BaseException]) -> None:
    """Write or link the files of `write_dir` into the staging folder (an error goes to
    `failed`). Linking is waiting on the disk, so it runs while the tables are written."""
    try:
        folders: set[str] = set()
        for relative, content in files.items():
            path = os.path.join(staging, relative)
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            if isinstance(content, Path | Linked):
                _link_or_copy(content, path)
            else:
                with open(path, "w", encoding="utf-8") as out:
                    out.write(content)
    except BaseException as error:  # handed to the writing thread, which raises it
        failed.append(error)


WRITE_CHUNK = 2**20
"""Bytes `write_pieces` gathers before it writes them (few calls, little memory)."""


class Span(NamedTuple):
    """Bytes of another file (`path`, from `offset`, `size` of them) that go into a written
    file as they are, copied by the kernel (`write_pieces`)."""

    path: str
    offset: int
    size: int


def write_pieces(path: str | Path, pieces: Iterable[bytes | Span]) -> None:
    """Write a file made of these pieces: bytes, and `Span`s of other files (copied with
    `os.copy_file_range` where the system has it, else read and written)."""
    sources: dict[str, int] = {}
    out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        pending: list[bytes] = []
        size = 0
        for piece in pieces:
            if isinstance(piece, bytes):
                pending.append(piece)
                size += len(piece)
                if size >= WRITE_CHUNK:
                    _write_all(out, b"".join(pending))
                    pending, size = [], 0
                continue
            _write_all(out, b"".join(pending))
            pending, size = [], 0
            if piece.path not in sources:
                sources[piece.path] = os.open(piece.path, os.O_RDONLY)
            _copy_range(sources[piece.path], out, piece)
        _write_all(out, b"".join(pending))
    finally:
        os.close(out)
        for descriptor in sources.values():
            os.close(descriptor)


def _write_all(out: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(out, view):]


def _copy_range(source: int, out: int, span: Span) -> None:
    """Append the bytes of `span` (its file open as `source`) to file `out`."""
    offset, end = span.offset, span.offset + span.size
    while offset < end:
        copied = 0
        if hasattr(os, "copy_file_range"):
            try:
                copied = os.copy_file_range(source, out, end - offset, offset)
            except OSError:
                copied = 0
        if not copied:
            data = os.pread(source, min(end - offset, 2**24), offset)
            if not data:
                raise OSError(f"{span.path}: ends before byte {end}")
            _write_all(out, data)
            copied = len(data)
        offset += copied


class Linked(str):
    """The path of a file to link into a written folder (`write_dir`): a string, which is
    cheaper to make by the thousand than a Path."""


def _link_or_copy(source: Path | str, path: str) -> None:
    """Hard-link `source` at `path` (no bytes copied), or copy it where links are impossible."""
    try:
        os.link(source, path)
    except OSError:
        shutil.copyfile(source, path)


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
"""The ends of the names of the files SQLite keeps beside a database while it is open."""


def _keep_foreign_files(target: Path, staging: Path) -> None:
    """Carry over files the build does not make (e.g. human curation) into the new directory."""
    if not target.is_dir():
        return
    for entry in target.iterdir():
        if (not (staging / entry.name).exists() and not entry.name.startswith(".")
                and not entry.name.endswith(SQLITE_SIDE_FILES)):
            if entry.is_dir():
                shutil.copytree(entry, staging / entry.name)
            else:
                shutil.copy2(entry, staging / entry.name)


LEFTOVER = re.compile(r"(?:old\.)?[a-z0-9_]{8}")
"""The end of the name of a staging or retired folder (`files.staging_dir`) after `.<name>.`."""


def recover(target: Path) -> None:
    """Undo what a writer killed midway left beside `target`: a data folder taken away but not
    yet replaced is put back (with the user's curation in it), and unfinished staging folders
    and retired folders are removed. Only for a holder of the folder's lock."""
    prefix = f".{target.name}."
    leftovers = [path for path in target.parent.glob(f"{glob.escape(prefix)}*")
                 if LEFTOVER.fullmatch(path.name[len(prefix):]) and path.is_dir()
                 and not path.is_symlink()]
    retired = [path for path in leftovers if path.name.startswith(f"{prefix}old.")]
    if retired and not target.exists():
        newest = max(retired, key=lambda path: path.stat().st_mtime_ns)
        os.replace(newest, target)
    for path in leftovers:
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)


def _swap(staging: Path, target: Path, retire: Callable[[Path], None]) -> None:
    """Replace `target` by `staging` with two renames; the replaced folder goes to `retire`."""
    if not target.exists():
        os.replace(staging, target)
        return
    retired = staging_dir(target, "old.")
    retired.rmdir()
    os.replace(target, retired)
    os.replace(staging, target)
    retire(retired)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_in_thread(folder: Path) -> threading.Thread:
    """Remove a folder in a thread (its deletions wait on the disk, not on Python), so that
    the work that follows goes on meanwhile; join the thread to wait for it."""
    thread = threading.Thread(target=_remove, args=(folder,))
    thread.start()
    return thread


def stamps(folder: Path, names: list[str]) -> list:
    """The size, change times and inode of these files (or folders) of `folder`, as they are
    now: a file changed by hand, or replaced, changes them ([] if one is missing); for "." the
    folder itself, the names it holds."""
    found: list = []
    for name in names:
        try:
            if name == ".":  # what it holds: SQLite's side files come and go as it is read
                found.append(sorted(entry for entry in os.listdir(folder)
                                    if not entry.endswith(SQLITE_SIDE_FILES)))
                continue
            info = os.stat(folder / name)
        except OSError:
            return []
        found.append([info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
    return found
