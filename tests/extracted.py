"""Build a fixture manifest into a temporary folder and read its tables back (for the tests)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard import table
from dashboard.extract import build

FIXTURES = Path(__file__).parent / "fixtures"


def built_tables(manifest: Path, out: Path) -> dict[str, pd.DataFrame]:
    """Extract `manifest` into `out` (no cache) and return the four tables by name."""
    build(manifest, out, cache=False)
    return {name: table.read(out, name) for name in table.SCHEMAS}
