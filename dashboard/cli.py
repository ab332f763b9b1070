"""The command line: `python -m dashboard build|extract|add|timex|export ...`, a thin shell over
the store and the tagger."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from dashboard.read.sources import SourceError, decode

ROOT = Path(__file__).resolve().parent.parent
STRICT_HELP = "refuse the whole build (nothing written) when any article is refused"
TIMINGS_HELP = "also print the phases' times in seconds, as JSON (extract_cpu: all processes)"


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and exit code 2."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:
        from dashboard.store.export import main as export_main

        return export_main(argv[1:])
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (SourceError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
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
    timex = commands.add_parser("timex", help="tag the time expressions of a text file")
    timex.add_argument("--dct", required=True, help="document creation time, YYYY-MM-DD")
    timex.add_argument("--format", choices=("json", "timeml"), default="json")
    timex.add_argument("file", type=Path)
    timex.set_defaults(run=_timex)
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
    return cli


def _build(args: argparse.Namespace) -> int:
    from dashboard.store.build import build
    from dashboard.store.progress import terminal_progress

    if args.jobs < 1:
        raise ValueError(f"--jobs {args.jobs}: must be at least 1")
    timings: dict[str, float] = {}
    refused: list[dict[str, str]] = []
    counts = build(args.sources, args.data, jobs=args.jobs, progress=terminal_progress,
                   timings=timings, refused=refused, strict=args.strict)
    for refusal in refused:
        print(f"refused: {refusal['reason']}", file=sys.stderr)
    print(f"wrote {args.data}: {', '.join(f'{n} {name}' for name, n in counts.items())}")
    print(f"built {counts['sources']:,} article{'s' * (counts['sources'] != 1)}; "
          f"{len(refused):,} refused")
    if getattr(args, "timings", False):
        print(f"timings: {json.dumps({k: round(v, 4) for k, v in timings.items()})}")
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
    try:
        dct = dt.date.fromisoformat(args.dct)
    except ValueError:
        raise ValueError(f"--dct {args.dct!r} is not a valid YYYY-MM-DD date") from None
    try:
        raw = args.file.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{args.file}: file not found") from None
    text = decode(raw, args.file)
    from dashboard.timex import tag

    found = tag(text, dct)
    if args.format == "timeml":
        from dashboard.timex.timeml import to_timeml

        sys.stdout.write(to_timeml(text, found))
    else:
        for timex in found:
            print(json.dumps(timex.to_dict(), ensure_ascii=False))
    return 0

