"""Files the store writes: atomically (a temporary file beside the target, then a rename), with
the modes the user's umask gives, and one writer at a time per folder (a lock file beside it)."""

from __future__ import annotations

import fcntl
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def umask() -> int:
    """The process's umask, read from /proc (setting it to read it would race with threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file and a rename, so a reader sees the
    old file or the new one, never a part. A file replaced keeps its mode; a new one gets the
    mode the umask gives (not the temporary file's 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~umask()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content.encode("utf-8") if isinstance(content, str) else content)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def staging_dir(target: Path, infix: str = "") -> Path:
    """A new empty folder beside `target` (`.<name>.<infix><random>`), with the mode the
    umask gives (not `mkdtemp`'s 0700), to be renamed into place."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.{infix}", dir=target.parent))
    os.chmod(staging, 0o777 & ~umask())
    return staging


@contextmanager
def locked(folder: str | Path) -> Iterator[None]:
    """Hold the project's write lock for `folder` (the file `.<name>.lock` beside it), across
    processes. A writer that has to wait says so on standard error, once, and waits."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build or writer to finish with {folder}…",
                  file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
