"""The command line: `python -m dashboard build|extract|add|timex|export ...`, a thin shell over
the store and the tagger."""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from dashboard.read.decoding import SourceError

TYPE_CHECKING = False  # (not imported from `typing`, which `timex` would import for nothing)
if TYPE_CHECKING:
    import argparse  # (imported where a parser is built: the plain `timex` command needs none)

    from dashboard.store.filters import FilterSpec

ROOT = Path(__file__).resolve().parent.parent
STRICT_HELP = "refuse the whole build (nothing written) when any article is refused"
TIMEX_HELP = "tag the time expressions of a text file"
TIMINGS_HELP = "also print the phases' times in seconds, as JSON (extract_cpu: all processes)"


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and exit code 2."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:
        return export(argv[1:])
    if argv[:1] == ["timex"]:  # the tagger alone: the other commands' parsers import pandas
        args = plain_timex_arguments(argv[1:])
        if args is None:
            import argparse

            only = argparse.ArgumentParser(prog="python -m dashboard timex", description=TIMEX_HELP)
            args = timex_arguments(only).parse_args(argv[1:])
    else:
        args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (SourceError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    import argparse

    cli = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = cli.add_subparsers(required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="extract seeds/sources.csv into data/")
    build.add_argument("--sources", type=Path, default=ROOT / "seeds" / "sources.csv")
    build.add_argument("--data", type=Path, default=ROOT / "data")
    build.add_argument("--jobs", type=int, default=1, help="extract in N processes")
    build.add_argument("--timings", action="store_true", help=TIMINGS_HELP)
    build.add_argument("--strict", action="store_true", help=STRICT_HELP)
    build.set_defaults(run=_build)
    extract = commands.add_parser("extract", help="extract a manifest's articles into a folder")
    extract.add_argument("--sources", type=Path, required=True, help="manifest CSV")
    extract.add_argument("--out", dest="data", type=Path, required=True, help="output folder")
    extract.add_argument("--jobs", type=int, default=1, help="extract in N processes")
    extract.add_argument("--timings", action="store_true", help=TIMINGS_HELP)
    extract.add_argument("--strict", action="store_true", help=STRICT_HELP)
    extract.set_defaults(run=_build)
    timex_arguments(commands.add_parser("timex", help=TIMEX_HELP))
    add = commands.add_parser("add", help="add an article (a file, or a page by its URL) to "
                              "seeds/ and rebuild data/")
    add.add_argument("file", metavar="FILE|URL",
                     help="the article's file, or an http(s) URL to fetch the page from")
    add.add_argument("--url", default="", help="where it was published (a file: required)")
    add.add_argument("--published", default="",
                     help="YYYY-MM-DD (a file: required; a page: found on the page if blank)")
    add.add_argument("--allow-private", action="store_true",
                     help="fetch from private, loopback or link-local addresses too")
    add.add_argument("--timeout", type=float, default=None, help="seconds for the whole fetch")
    add.add_argument("--title", default="")
    add.add_argument("--outlet", default="")
    add.add_argument("--author", default="")
    add.add_argument("--sources", type=Path, default=ROOT / "seeds" / "sources.csv")
    add.add_argument("--data", type=Path, default=ROOT / "data")
    add.add_argument("--jobs", type=int, default=1)
    add.add_argument("--strict", action="store_true", help=STRICT_HELP)
    add.set_defaults(run=_add)
    commands.add_parser("export", help="export events (see `export --help`)")
    keydates_parser(commands)
    return cli


def timex_arguments(timex: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The `timex` command's arguments, added to `timex`."""
    timex.add_argument("--dct", required=True, help="document creation time, YYYY-MM-DD")
    timex.add_argument("--format", choices=("json", "timeml"), default="json")
    timex.add_argument("file", type=Path)
    timex.set_defaults(run=_timex)
    return timex


def plain_timex_arguments(argv: list[str]) -> SimpleNamespace | None:
    """The `timex` command's arguments when they are plain (`--dct D`, `--format F` of its
    choices, one FILE; `--name=value` too), as `timex_arguments` reads them; None for anything
    else (help, a missing or unknown option, a value or file that starts with a dash), which the
    parser reads and explains. Building the parser costs more than tagging a short text (its
    help formatter and translations import `locale` and `shutil`, and `argparse` itself is
    imported only for a parser).

    >>> plain_timex_arguments(["--dct=2025-02-19", "a.txt"]).file, plain_timex_arguments(["-h"])
    (PosixPath('a.txt'), None)
    """
    values = {"dct": None, "format": "json"}
    files = []
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name in ("--dct", "--format"):
            value = value if equals else next(words, "-")
            if value.startswith("-"):
                return None
            values[name[2:]] = value
        elif word.startswith("-"):
            return None
        else:
            files.append(word)
    if values["dct"] is None or values["format"] not in ("json", "timeml") or len(files) != 1:
        return None
    return SimpleNamespace(**values, file=Path(files[0]), run=_timex)


class _KeyDateFormats:
    """`store.keydates.FORMATS`, imported only when a `keydates` format is checked or listed
    (that module imports pandas, a second of start-up no other command should pay)."""

    def __contains__(self, value: object) -> bool:
        return value in self._formats()

    def __iter__(self):
        return iter(self._formats())

    @staticmethod
    def _formats() -> tuple[str, ...]:
        from dashboard.store.keydates import FORMATS

        return FORMATS


def keydates_parser(commands) -> None:
    """The `keydates` command's arguments."""
    keydates = commands.add_parser("keydates", help="the story's key dates and their sentences")
    keydates.add_argument("--dates", type=int, default=None, metavar="N",
                          help="how many dates (default: about the square root of the articles)")
    keydates.add_argument("--sentences", type=int, default=2, metavar="K",
                          help="at most K sentences a date (default 2)")
    keydates.add_argument("--since", default="", metavar="DATE")
    keydates.add_argument("--until", default="", metavar="DATE")
    keydates.add_argument("--data", type=Path, default=None, metavar="DIR",
                          help="the folder a build or `extract --out` wrote (default data/)")
    keydates.add_argument("--format", choices=_KeyDateFormats(), default="json",
                          metavar="FORMAT", help="%(choices)s; json (the default): "
                          "{date: [sentences]}; full: with sources and spans")
    keydates.add_argument("--order", choices=("date", "rank"), default="date",
                          help="date order (default) or most important first")
    keydates.set_defaults(run=_keydates)


def _keydates(args: argparse.Namespace) -> int:
    from dashboard.store import dataset, keydates

    for name in ("since", "until"):
        value = getattr(args, name)
        try:
            dt.date.fromisoformat(value) if value else None
        except ValueError:
            raise ValueError(f"--{name} {value!r} is not a date like 2025-01-09") from None
    if args.dates is not None and args.dates < 1 or args.sentences < 0:
        raise ValueError("--dates must be at least 1 and --sentences at least 0")
    data_dir = args.data or dataset.default_data_dir()
    if not (Path(data_dir) / "events.csv").is_file():
        raise ValueError(f"no events.csv in {data_dir}; build it with `make build`")
    data = dataset.load(data_dir)
    found = keydates.for_folder(data_dir, data.events, data.sources, args.dates, args.sentences,
                                args.since, args.until, args.order)
    sys.stdout.write(keydates.render(args.format, found, data.title))
    return 0


def _build(args: argparse.Namespace) -> int:
    from dashboard.store.build import build

    if args.jobs < 1:
        raise ValueError(f"--jobs {args.jobs}: must be at least 1")
    timings: dict[str, float] = {}
    refused: list[dict[str, str]] = []
    with progress_bar() as progress:
        counts = build(args.sources, args.data, jobs=args.jobs, progress=progress,
                       timings=timings, refused=refused, strict=args.strict)
    for refusal in refused:
        print(f"refused: {refusal['reason']}", file=sys.stderr)
    print(f"wrote {args.data}: {', '.join(f'{n} {name}' for name, n in counts.items())}")
    print(f"built {counts['sources']:,} article{'s' * (counts['sources'] != 1)}; "
          f"{len(refused):,} refused")
    if getattr(args, "timings", False):
        print(f"timings: {json.dumps({k: round(v, 4) for k, v in timings.items()})}")
    return 0


@contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A build's progress on standard error when it is a terminal (articles done of total, the
    rate and the time left, drawn by tqdm); nothing at all otherwise."""
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if not sys.stderr.isatty():
                return
            import shutil

            from tqdm import tqdm

            size = shutil.get_terminal_size((100, 24))  # (a terminal of unknown size: 0 x 0)
            bar = tqdm(total=total, initial=done - 1, desc="building", unit=" articles",
                       file=sys.stderr, mininterval=0.2, ncols=size.columns, nrows=size.lines)
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()


def _export_parser() -> argparse.ArgumentParser:
    import argparse

    from dashboard.store.export import FORMATS, UsageError

    class _ExportParser(argparse.ArgumentParser):
        def error(self, message: str):
            raise UsageError(message)

    parser = _ExportParser(prog="python -m dashboard export",
                           description="Export filtered events.")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--actor", action="append", default=[], metavar="NAME")
    parser.add_argument("--since", default="", metavar="DATE")
    parser.add_argument("--until", default="", metavar="DATE")
    parser.add_argument("--kind", action="append", default=[], metavar="K")
    parser.add_argument("--search", default="", metavar="WORDS",
                        help="events whose summary or sentence holds these words "
                        "(full-text search: word stems match; quotes group a phrase)")
    parser.add_argument("--data", default=None, metavar="DIR")
    parser.add_argument("--out", required=True, metavar="FILE", help="a file, or - for stdout")
    return parser


def _filter_spec(args: argparse.Namespace, data_dir: Path) -> FilterSpec:
    """The export's filters, each value checked against the story's own: an unknown value is a
    one-line error naming the values that are known (or the closest ones)."""
    from dashboard.store import dataset, filters
    from dashboard.store.export import UsageError

    for name in ("since", "until"):
        value = getattr(args, name)
        if value and not filters.iso_day(value):
            raise UsageError(f"--{name} {value!r} is not a date like 2025-01-09")
    for option, column, values in (("actor", "actors", args.actor), ("kind", "kind", args.kind)):
        known = dataset.options(data_dir, column) if values else []
        for value in values:
            if value not in known:
                raise UsageError(f"no events have the {option} {value!r} ({_hint(value, known)})")
    return filters.FilterSpec(actors=tuple(args.actor), kinds=tuple(args.kind),
                              since=args.since, until=args.until, search=args.search)


def _hint(value: str, known: list[str], most: int = 12) -> str:
    """The known values closest to `value`, or the first of them.

    >>> _hint("Ohoi", ["Ohio", "Utah"]), _hint("x", [])
    ('did you mean Ohio?', 'none are known')
    """
    import difflib

    close = difflib.get_close_matches(value, known, n=3)
    if close:
        return f"did you mean {', '.join(close)}?"
    if not known:
        return "none are known"
    more = f" and {len(known) - most:,} more" if len(known) > most else ""
    return f"known: {', '.join(known[:most])}{more}"


def export(argv: list[str]) -> int:
    """`export` with `argv` (the arguments after the command's name); returns the exit code."""
    from dashboard.store import dataset
    from dashboard.store.export import UsageError, render, write_export

    try:
        args = _export_parser().parse_args(argv)
        data_dir = Path(args.data) if args.data else dataset.default_data_dir()
        if not (data_dir / "events.csv").is_file():
            raise UsageError(f"no events.csv in {data_dir}; build it with `make build`")
        events = dataset.query_events(data_dir, _filter_spec(args, data_dir))
        title = dataset.story_title(data_dir, dataset.read_tables(data_dir, ("sources",))[
            "sources"])
        out = write_export(args.out, render(args.format, events, title), data_dir)
    except (UsageError, OSError, ValueError) as problem:
        print(f"export: error: {problem}", file=sys.stderr)
        return 2
    print(f"Wrote {len(events)} events to {out}", file=sys.stderr)
    return 0


def _add(args: argparse.Namespace) -> int:
    from dashboard.read.fetch import TIMEOUT, fetch, is_web_address
    from dashboard.store.intake import add_source
    from dashboard.store.uploads import PAGE_NAME, build_added, naming

    if is_web_address(args.file):
        page = fetch(args.file, allow_private=args.allow_private,
                     timeout=TIMEOUT if args.timeout is None else args.timeout)
        content, name, url = page.content, PAGE_NAME, args.url or page.url
    else:
        for option in ("url", "published"):
            if not getattr(args, option):
                raise ValueError(f"add {args.file}: --{option} is required for a file")
        path = Path(args.file)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise SourceError(f"{path}: file not found") from None
        name, url = path.name, args.url
    before = args.sources.read_text(encoding="utf-8") if args.sources.exists() else None
    with naming(args.file if is_web_address(args.file) else ""):
        stored = add_source(args.sources, content, name, url, args.published,
                            args.title, args.outlet, args.author)
        build_added(args.sources, args.data, stored, before, jobs=args.jobs,
                    strict=args.strict)
    print(f"added {stored}")
    return _build(args)


def _timex(args: argparse.Namespace) -> int:
    """Tag a file, with Python's cyclic garbage collector paused (as a build pauses it): the
    tagger makes no cycles, and the collector's runs while it is imported and tags (walking
    its compiled rules and vocabularies again each time) were a fifteenth of the command."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _tag_file(args)
    finally:
        if was:
            gc.enable()


def _tag_file(args: argparse.Namespace) -> int:
    try:
        dct = dt.date.fromisoformat(args.dct)
    except ValueError:
        raise ValueError(f"--dct {args.dct!r} is not a valid YYYY-MM-DD date") from None
    try:
        raw = args.file.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{args.file}: file not found") from None
    from dashboard.read.decoding import decode
    from dashboard.timex import tag

    text = decode(raw, args.file)

    found = tag(text, dct)
    if args.format == "timeml":
        from dashboard.timex.timeml import to_timeml

        sys.stdout.write(to_timeml(text, found))
    else:  # (one write: Python may be told to write each line at once, PYTHONUNBUFFERED)
        encode = json.JSONEncoder(ensure_ascii=False).encode  # (`json.dumps` makes one a line)
        sys.stdout.write("".join(encode(t.to_dict()) + "\n" for t in found))
    return 0

