"""Seed-like tables for the page tests, written with the project's own schema helpers."""

from __future__ import annotations

import json
from pathlib import Path

from dashboard.store import table

URL = "https://m.koreatimes.co.kr/pages/article.asp?newsIdx=392583"
SENTENCES = {
    "e1": ("North Korea sent about 11,000 soldiers to Russia in October 2024.", "October 2024"),
    "e2": ("Ukraine said on Jan. 9 it captured two North Korean soldiers.", "Jan. 9"),
    "e3": ("The soldier spoke to reporters on Wednesday, <b>his</b> first *interview*.",
           "Wednesday"),
    "e4": ("Zelenskyy posted a photo of the captured soldier on Jan. 12.", "Jan. 12"),
    "e5": ("Pyongyang and Moscow signed a defence pact in June 2024.", "June 2024"),
    "e6": ("Seoul has accepted North Korean defectors since 2015.", "2015"),
    "e7": ("Officials briefed lawmakers in the seventh week of 2025.", "the seventh week of 2025"),
}
EVENTS = [
    # id, date, date_end, precision, timex, summary, actors, kind, attributed_to, source
    ("e1", "2024-10-01", "2024-10-31", "month", "2024-10", "North Korea deploys troops to Russia",
     "North Korea; Russia", "deployment", "South Korea's spy agency", "s1"),
    ("e2", "2025-01-09", "2025-01-09", "day", "2025-01-09", "Two North Korean soldiers captured",
     "Ukraine; North Korea", "capture", "Volodymyr Zelenskyy", "s1"),
    ("e3", "2025-02-19", "2025-02-19", "day", "2025-02-19", "Captured soldier gives interview",
     "North Korea", "interview", "", "s1"),
    ("e4", "2025-01-12", "2025-01-12", "day", "2025-01-12", "Zelenskyy posts photo of soldier",
     "Volodymyr Zelenskyy", "photo", "Volodymyr Zelenskyy", "s2"),
    ("e5", "2024-06-01", "2024-06-30", "month", "2024-06", "Defence pact signed",
     "North Korea; Russia", "statement", "", "s2"),
    ("e6", "2015-01-01", "2015-12-31", "year", "2015", "Seoul accepts defectors",
     "South Korea", "statement", "Ministry of Foreign Affairs", "s1"),
    ("e7", "2025-02-10", "2025-02-16", "week", "2025-W07", "Lawmakers briefed",
     "South Korea", "briefing", "National Intelligence Service", "s2"),
]
DATE_ORDER = ["e6", "e5", "e1", "e2", "e4", "e7", "e3"]
"""The sample events' ids by date, as the page and the exports list them."""
SOURCES = {
    "s1": (URL, "South Korea will accept all NK soldiers", "The Korea Times", "2025-02-19", False),
    "s2": ("javascript:alert(1)", "Zelenskyy posts photo", "Yonhap", "2025-01-13", True),
}


def events_rows() -> list[dict]:
    """The sample events as rows of the events schema."""
    rows = []
    for eid, date, end, precision, timex, summary, actors, kind, who, sid in EVENTS:
        sentence, date_text = SENTENCES[eid]
        offset = 1000 + 100 * int(eid[1:])
        start = offset + sentence.index(date_text)
        url, title, outlet, published, _ = SOURCES[sid]
        rows.append({
            "event_id": eid, "date": date, "date_end": end, "precision": precision,
            "timex": timex, "date_text": date_text, "summary": summary, "sentence": sentence,
            "actors": actors, "kind": kind, "attributed_to": who or None, "source_id": sid,
            "source_url": url, "source_title": title, "published": published,
            "char_start": start, "char_end": start + len(date_text), "outlet": outlet,
            "timex_type": "DATE", "mod": None,
            "photo_credit": "Yonhap" if eid == "e4" else None, "sentence_start": offset,
        })
    return rows


def tables() -> dict:
    """All four tables."""
    figures = [
        {"figure_id": "f1", "value": 11000, "number_text": "11,000",
         "counts": "North Korean soldiers deployed", "quantity": "nk_soldiers_deployed",
         "qualifier": "about", "attributed_to": "South Korea's spy agency", "as_of": "2024-11-13",
         "source_id": "s1", "source_url": URL, "outlet": "The Korea Times",
         "published": "2025-02-19"},
        {"figure_id": "f2", "value": 12000, "number_text": "12,000",
         "counts": "North Korean soldiers deployed", "quantity": "nk_soldiers_deployed",
         "qualifier": "", "attributed_to": "Ukrainian intelligence", "as_of": "2024-12-01",
         "source_id": "s2", "source_url": "javascript:alert(1)", "outlet": "Yonhap",
         "published": "2025-01-13"},
        {"figure_id": "f3", "value": 4000, "number_text": "4,000",
         "counts": "North Korean soldiers killed or injured", "quantity": "nk_casualties",
         "qualifier": "around", "attributed_to": "National Intelligence Service",
         "as_of": "2025-01-13", "source_id": "s1", "source_url": URL,
         "outlet": "The Korea Times", "published": "2025-02-19"},
    ]
    actors = [
        {"name": "North Korea", "kind": "country", "aliases": "NK; Pyongyang",
         "description": "Sent troops to fight for Russia."},
        {"name": "Russia", "kind": "country", "aliases": "Moscow", "description": ""},
        {"name": "Ukraine", "kind": "country", "aliases": "Kyiv", "description": ""},
        {"name": "South Korea", "kind": "country", "aliases": "Seoul", "description": ""},
        {"name": "Volodymyr Zelenskyy", "kind": "person", "aliases": "Zelensky",
         "description": "President of Ukraine."},
    ]
    sources = [{"source_id": sid, "url": url, "title": title, "outlet": outlet,
                "published": published, "published_inferred": inferred}
               for sid, (url, title, outlet, published, inferred) in SOURCES.items()]
    return {
        "events": table.frame(events_rows(), table.EVENTS_COLUMNS),
        "figures": table.frame(figures, table.FIGURES_COLUMNS),
        "actors": table.frame(actors, table.ACTORS_COLUMNS),
        "sources": table.frame(sources, table.SOURCES_COLUMNS),
    }


def write(data_dir: Path) -> Path:
    """Write the sample tables and story.json into `data_dir`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for name, df in tables().items():
        (data_dir / f"{name}.csv").write_text(table.to_csv_text(df), encoding="utf-8")
    story = {"title": "North Korean soldiers in Russia's war against Ukraine"}
    (data_dir / "story.json").write_text(json.dumps(story), encoding="utf-8")
    return data_dir
