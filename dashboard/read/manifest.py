"""Read a manifest: its rows checked (columns, paths, URLs, publication dates), one error each.

A manifest is a CSV file listing articles (`path`, `url`, `title`, `outlet`, `author`,
`published`, any further columns); see `read_manifest`.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import os
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.read.decoding import SourceError as SourceError

MANIFEST_COLUMNS = ("path", "url", "title", "outlet", "author", "published")
"""Columns a manifest must have; `published` may be blank (it is then inferred)."""
EARLIEST_PUBLISHED = dt.date(1800, 1, 1)
"""Publication dates before this are refused (a typo such as 0202 for 2025, not an article)."""
URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")
"""Characters a URL may not contain: spaces (any Unicode space) and control characters."""
URL_SCHEMES = ("http", "https")
"""The only URL schemes a manifest may use (a blank URL is allowed too)."""
STRICT_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ABSOLUTE = re.compile(r"[A-Za-z]:[\\/]|[\\/]{2}")
"""Windows drive and UNC paths, which `os.path.isabs` does not know on POSIX."""
PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#]\S*)?")
"""An http(s) URL with a plain host name: valid without parsing it (the common case)."""


def read_manifest(manifest: str | Path, stats: dict | None = None,
                  memo: dict | None = None) -> list[dict]:
    """The manifest's rows, checked, with `path` resolved relative to the manifest's folder.

    Refused, with a one-line SourceError naming the manifest (and row, counted as lines of the
    file with the header as row 1): a missing required column (a close misspelling is pointed
    out), a repeated column, a row with more or fewer fields than the header, a blank path, an
    absolute path or one that leads out of the manifest's folder (`..`, symlinks), the same file
    or URL twice, two files with the same name (their source ids would clash), a URL that is not
    http(s), and a publication date that is malformed, impossible, before 1800 or in the future.
    Columns beyond the required ones are kept: they reach `Source.extra`. `stats`, if given,
    receives the `os.stat` of the files checked on the way (by their row's `path`).

    The rows are checked first, then their files. `memo`, if given, keeps the checked rows of
    the manifest's text between calls (a manifest unchanged since is not parsed again; its
    files are checked again, and no date that was not in the future then can be now).
    """
    manifest = Path(manifest)
    try:
        raw = manifest.read_bytes()
    except OSError as error:
        raise SourceError(f"{manifest}: cannot read the manifest ({error.strerror})") from None
    key = hashlib.sha256(raw).hexdigest()
    if memo is not None and memo.get("key") == key:
        records = memo["records"]
    else:
        records = _checked_rows(raw, manifest)
        if memo is not None:
            memo.clear()
            memo.update(key=key, records=records)
    folder = _resolved(manifest.parent, f"{manifest}: the manifest's folder")
    rows: list[dict] = []
    seen_files: dict[str, int] = {}
    parent, prefix, inside = manifest.parent, _prefix(manifest.parent), str(folder)
    for number, checked, clash in records:
        row = dict(checked)
        where = f"{manifest}: row {number}"
        found: dict = {}
        target = _checked_path(row["path"], parent, folder, where, inside, found)
        if target in seen_files:
            raise SourceError(
                f"{where}: {row['path']} is already listed in row {seen_files[target]}"
            )
        seen_files[target] = number
        if clash:
            raise SourceError(f"{where}: {clash}")
        row["path"] = prefix + row["path"] if _is_name(row["path"]) else str(
            parent / row["path"])
        if stats is not None and found:
            stats[row["path"]] = found["stat"]
        rows.append(row)
    return rows


def _checked_rows(raw: bytes, manifest: Path) -> list[tuple[int, dict, str]]:
    """The manifest's rows with their row numbers, checked but for their files, and for each
    the problem of its file name ("" if none), which is told once its file is checked (the
    same file listed twice is the clearer message)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(
            f"{manifest}: the manifest is not UTF-8 text (save it as CSV UTF-8)"
        ) from None
    if "\x00" in text:
        raise SourceError(f"{manifest}: the manifest is not a text file (contains NUL bytes)")
    if not text.strip():
        raise SourceError(f"{manifest}: empty manifest (no header row)")
    reader = csv.reader(io.StringIO(text))
    records = _records(reader, manifest)
    _, header = next(records)
    columns = _columns(header, manifest)
    checked: list[tuple[int, dict, str]] = []
    seen_ids: dict[str, tuple[int, str]] = {}
    seen_urls: dict[str, int] = {}
    dates: dict[str, str] = {}
    named = all(columns)
    for number, fields in records:
        where = f"{manifest}: row {number}"
        if len(fields) != len(columns):
            count = f"{len(fields)} field{'s' if len(fields) != 1 else ''}"
            hint = " (an unclosed quote?)" if any("\n" in f for f in fields) else ""
            raise SourceError(
                f"{where}: {count}, but the header has {len(columns)} columns{hint}"
            )
        row = dict(zip(columns, map(str.strip, fields), strict=True)) if named else _named(
            columns, fields, where)
        if not row["path"]:
            raise SourceError(f"{manifest}: row {number} has no path")
        if os.path.isabs(row["path"]) or ABSOLUTE.match(row["path"]):
            raise SourceError(
                f"{where}: path {row['path']} is absolute; give it relative to the manifest")
        if row["published"]:
            published = row["published"]
            if published not in dates:
                dates[published] = check_date(published, where)
            row["published"] = dates[published]
        if row["url"]:
            row["url"] = check_url(row["url"], where)
            if row["url"] in seen_urls:
                raise SourceError(
                    f"{where}: URL {row['url']} is already listed in row {seen_urls[row['url']]}"
                )
            seen_urls[row["url"]] = number
        source_id = _stem(row["path"]).casefold()
        clash = ""
        if source_id in seen_ids:
            first, other = seen_ids[source_id]
            clash = (f"{row['path']} has the same file name as {other} in row {first}; "
                     "each source needs its own file name")
        seen_ids.setdefault(source_id, (number, row["path"]))
        checked.append((number, row, clash))
    return checked


def _named(columns: list[str], fields: list[str], where: str) -> dict[str, str]:
    """A record's named fields, stripped; a value in a column with no name is refused."""
    row = {}
    for position, (name, value) in enumerate(zip(columns, fields, strict=True), start=1):
        value = value.strip()
        if name:
            row[name] = value
        elif value:
            raise SourceError(f"{where}: a value in column {position}, which has no name")
    return row


def _is_name(path: str) -> bool:
    """Whether a manifest path is a file name alone (nothing for `Path` to normalise)."""
    return "/" not in path and path not in (".", "..")


def _prefix(folder: Path) -> str:
    """What `str(folder / name)` puts before a file name `name`.

    >>> _prefix(Path(".")), _prefix(Path("/")), _prefix(Path("seeds"))
    ('', '/', 'seeds/')
    """
    text = str(folder)
    return "" if text == "." else text if text.endswith("/") else text + "/"


def _stem(path: str) -> str:
    """`Path(path).stem`, without making a Path for a plain file name.

    >>> [_stem(p) for p in ("a.txt", "a.b.html", ".hidden", "a.", "x/y.txt")]
    ['a', 'a.b', '.hidden', 'a.', 'y']
    """
    if not _is_name(path):
        return Path(path).stem
    dot = path.rfind(".")
    return path[:dot] if 0 < dot < len(path) - 1 else path


def _records(reader, manifest: Path):
    """(line number, fields) for every non-blank record; csv errors become SourceErrors."""
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SourceError(f"{manifest}: row {start}: malformed CSV ({error})") from None
        if any(field.strip() for field in fields):
            yield start, fields


def _columns(header: list[str], manifest: Path) -> list[str]:
    """The header's column names (required ones matched case-insensitively), checked."""
    columns = []
    for name in header:
        name = name.strip()
        columns.append(name.lower() if name.lower() in MANIFEST_COLUMNS else name)
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise SourceError(f"{manifest}: repeated column(s) {', '.join(repeated)}")
    missing = [c for c in MANIFEST_COLUMNS if c not in columns]
    if missing:
        unknown = [name for name in columns if name and name not in MANIFEST_COLUMNS]
        hints = []
        for name in missing:
            close = difflib.get_close_matches(name, unknown, n=1, cutoff=0.75)
            if close:
                hints.append(f"is {close[0]!r} a misspelling of {name!r}?")
        hint = f" ({'; '.join(hints)})" if hints else ""
        raise SourceError(f"{manifest}: missing column(s) {', '.join(missing)}{hint}")
    return columns


def _resolved(path: Path, where: str) -> Path:
    """`path` with symlinks resolved, or a SourceError (a symlink loop, say)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError) as error:
        raise SourceError(f"{where}: cannot resolve {path} ({error})") from None


def _checked_path(value: str, base: Path, folder: Path, where: str,
                  inside: str | None = None, found: dict | None = None) -> str:
    """The file a row's `path` names, resolved; it must lie inside the manifest's folder
    (`folder`, resolved; `inside` is the same as a string). `found` receives the file's
    `os.stat` ("stat") when it was needed on the way."""
    if os.path.isabs(value) or ABSOLUTE.match(value):
        raise SourceError(f"{where}: path {value} is absolute; give it relative to the manifest")
    inside = inside or str(folder)
    plain = _plain_file(inside, value)
    if plain:
        if found is not None:
            found["stat"] = plain
        return os.path.join(inside, value)
    target = _resolved(base / value, where)
    if not target.is_relative_to(folder):
        raise SourceError(f"{where}: path {value} leads outside the manifest's folder")
    return str(target)


def _plain_file(folder: str, name: str) -> os.stat_result | None:
    """The `os.stat` of `name` if it is a file name alone (no folder, no dots) in the resolved
    `folder` and not a symlink (so it resolves to itself, with no need to resolve the whole
    path), else None."""
    if "/" in name or "\\" in name or name in (".", ".."):
        return None
    try:
        info = os.lstat(os.path.join(folder, name))
    except (OSError, ValueError):
        return None
    return None if stat.S_ISLNK(info.st_mode) else info


def latest_published() -> dt.date:
    """The latest acceptable publication date: tomorrow in UTC, as somewhere it is already."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def check_date(value: str, where: str) -> str:
    """The ISO date `value` (strictly YYYY-MM-DD, not in the future), or a SourceError naming
    `where`."""
    try:
        if not STRICT_DATE.fullmatch(value):
            raise ValueError(value)
        date = dt.date.fromisoformat(value)
    except ValueError:
        problem = f"published date {value!r} is not a valid YYYY-MM-DD date"
        raise SourceError(f"{where}: {problem}") from None
    if date > latest_published():
        today = dt.datetime.now(dt.UTC).date()
        raise SourceError(f"{where}: published date {value} is in the future (today is {today})")
    if date < EARLIEST_PUBLISHED:
        raise SourceError(
            f"{where}: published date {value} is before {EARLIEST_PUBLISHED.year}; a typo?"
        )
    return date.isoformat()


def check_url(value: str, where: str) -> str:
    """`value` if it is an absolute http(s) URL, else a SourceError naming `where`."""
    if URL_UNSAFE.search(value):
        raise SourceError(f"{where}: URL {value!r} contains spaces or control characters")
    if PLAIN_URL.fullmatch(value):
        return value
    try:
        parts = urlsplit(value)
    except ValueError:
        raise SourceError(f"{where}: URL {value!r} is malformed") from None
    if parts.scheme.lower() not in URL_SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise SourceError(
            f"{where}: URL {value!r} has {scheme}; only http(s) URLs (or none) are allowed"
        )
    if not parts.hostname:
        raise SourceError(f"{where}: URL {value!r} has no host")
    return value
