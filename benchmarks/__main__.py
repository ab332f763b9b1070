"""Run every benchmark module `benchmarks/bench_*.py` in turn (each has a `main()`)."""

import importlib
import pkgutil
import sys

import benchmarks


def main(selected: list[str]) -> None:
    """Run the named benchmarks, or all of them."""
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        if selected and info.name.removeprefix("bench_") not in selected:
            continue
        print(f"== {info.name}", flush=True)
        importlib.import_module(f"benchmarks.{info.name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
