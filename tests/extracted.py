"""Build a fixture manifest into a temporary folder and read its tables back (for the tests)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.store import table
from dashboard.store.build import build

FIXTURES = Path(__file__).parent / "fixtures"
STORY = FIXTURES / "story"


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def built_tables(manifest: Path, out: Path) -> dict[str, pd.DataFrame]:
    """Extract `manifest` into `out` (no cache) and return the four tables by name."""
    build(manifest, out, cache=False)
    return {name: table.read(out, name) for name in table.SCHEMAS}
