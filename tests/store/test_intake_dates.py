"""Where an added article's publication date comes from when none is given (issue 19, item 9)."""

from __future__ import annotations

import pytest

from dashboard.read.sources import SourceError, read_manifest
from dashboard.store.intake import add_source

NO_FULL_DATE = b"Crews cleared the last of the debris on Friday, the county said.\n"
FULL_DATE = b"Crews cleared the last of the debris on March 6, 2026, the county said.\n"


@pytest.mark.parametrize(("content", "url", "undated", "written"), [
    (NO_FULL_DATE, "https://news.example.org/2026/03/07/debris", "2026-12-07", "2026-03-07"),
    (NO_FULL_DATE, "https://news.example.org/debris", "2026-12-07", "2026-12-07"),
    (FULL_DATE, "https://news.example.org/debris", "2026-12-07", ""),  # read from the text
])
def test_a_date_from_the_url_else_the_day_it_was_added(tmp_path, content, url, undated,
                                                       written):
    manifest = tmp_path / "sources.csv"
    add_source(manifest, content, "a.txt", url, "", undated=undated)
    assert [row["published"] for row in read_manifest(manifest)] == [written]


def test_without_a_fallback_an_undated_article_is_refused(tmp_path):
    manifest = tmp_path / "sources.csv"
    with pytest.raises(SourceError, match=r"a\.txt: no publication date given"):
        add_source(manifest, NO_FULL_DATE, "a.txt", "https://news.example.org/debris", "")
    assert not manifest.exists()
