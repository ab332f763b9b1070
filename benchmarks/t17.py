"""Timeline17 as the benchmark reads it: articles back to plain text, one build per story, tasks.

The articles ship tokenized; `plain` undoes exactly the replacements the README lists. Each story
is written as a manifest under `benchmarks/out/t17/<story>/` and built once with
`python -m dashboard extract` (the folder is reused while the articles and the code's build
output exist). A task is one journalist's timeline: its dates, `l`, `k` and the articles of its
window that the published results used.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("T17_DIR") or ROOT.parent / "shared" / "tls-t17")
OUT = ROOT / "benchmarks" / "out" / "t17"
URL = "https://t17.invalid/{story}/{collection}/{doc_id}"

_REPLACEMENTS = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"\\/"), "/"),
    (re.compile(r" (?=[.,;:?!%])"), ""),
    (re.compile(r" (?='s\b|n't\b)"), ""),
]


def plain(line: str) -> str:
    """One tokenized line back to plain text.

    >>> plain("He said `` it 's over '' -LRB- AP -RRB- , did n't he ? 1\\\\/2")
    'He said "it\\'s over" (AP), didn\\'t he? 1/2'
    """
    for pattern, replacement in _REPLACEMENTS:
        line = pattern.sub(replacement, line)
    return line.strip()


@dataclass
class Article:
    """One T17 article: its header facts and its plain text."""

    story: str
    file: str
    published: str
    collection: str
    doc_id: str
    in_subset: bool
    url: str


@dataclass
class Task:
    """One timeline: the gold {date: sentences}, its window, l and k, and the subset's URLs."""

    story: str
    name: str
    gold: dict[str, list[str]]
    urls: set[str] = field(default_factory=set)

    @property
    def first(self) -> str:
        return min(self.gold)

    @property
    def last(self) -> str:
        return max(self.gold)

    @property
    def l(self) -> int:  # noqa: E743
        return len(self.gold)

    @property
    def k(self) -> int:
        return round(sum(len(s) for s in self.gold.values()) / len(self.gold))


def stories() -> list[str]:
    """The story folders present."""
    return sorted(p.name for p in DATA.iterdir() if (p / "articles").is_dir())


def _header(path: Path) -> tuple[dict[str, str], list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    blank = lines.index("")
    facts = dict(line.split(": ", 1) for line in lines[:blank])
    return facts, lines[blank + 1:]


def articles(story: str) -> list[Article]:
    """The story's articles, in file order."""
    found = []
    for path in sorted((DATA / story / "articles").glob("*.txt")):
        facts, _ = _header(path)
        found.append(Article(story, path.name, facts["published"], facts["collection"],
                             facts["doc_id"], facts.get("in_news_tls_subset") == "yes",
                             URL.format(story=story, collection=facts["collection"],
                                        doc_id=facts["doc_id"])))
    return found


def write_manifest(story: str) -> Path:
    """The story's articles as plain text files plus a manifest under OUT/<story>/; returns it."""
    folder = OUT / story / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    manifest = OUT / story / "sources.csv"
    rows = []
    for article in articles(story):
        _, lines = _header(DATA / story / "articles" / article.file)
        text = "\n".join(p for p in (plain(line) for line in lines) if p) + "\n"
        target = folder / article.file
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        rows.append({"path": f"articles/{article.file}", "url": article.url, "title": "",
                     "outlet": article.collection.split("_", 1)[-1], "author": "",
                     "published": article.published})
    with open(manifest, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return manifest


def build(story: str, jobs: int = 2) -> tuple[Path, list[str]]:
    """Build the story into OUT/<story>/data (incremental: unchanged articles come from the
    cache); return the folder and the build's refusals (articles it left out, and why)."""
    manifest = write_manifest(story)
    data = OUT / story / "data"
    done = subprocess.run([sys.executable, "-m", "dashboard", "extract", "--sources",
                           str(manifest), "--out", str(data), "--jobs", str(jobs)], check=True,
                          cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    refused = [line for line in done.stderr.splitlines() if line.startswith("refused: ")]
    return data, refused


def tasks(story: str) -> list[Task]:
    """The story's timelines as tasks, with the URLs of the articles each may read."""
    found = []
    every = articles(story)
    for path in sorted((DATA / story / "timelines").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        task = Task(story, path.stem, gold)
        task.urls = {a.url for a in every
                     if a.in_subset and task.first <= a.published <= task.last}
        found.append(task)
    return found


def days_between(a: str, b: str) -> int:
    """Days from ISO day a to ISO day b."""
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
