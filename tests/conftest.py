"""Fixtures shared by the tests of every layer.

pytest inserts this folder (the rootdir conftest's, in the default prepend import mode) at the
front of sys.path, so the helper modules beside it, `sample_data` (seed-like tables for the
page) and `extracted` (paths, fixture builds and the extractors run on one text), import from
every test folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sample_data
from extracted import STORY


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A copy of the multi-source fixture story (tests/fixtures/story) in a temporary folder."""
    folder = tmp_path / "seeds"
    shutil.copytree(STORY, folder)
    return folder


@pytest.fixture
def sample_dir(tmp_path) -> Path:
    """A data folder holding the seed-like sample tables (`sample_data`) and story.json."""
    return sample_data.write(tmp_path / "data")
