"""The extraction pipeline: a manifest of articles in, the four tables and source texts out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import table
from dashboard.actors import Actor, ActorIndex, load_gazetteer, story_index
from dashboard.events import article_events
from dashboard.figures import article_figures
from dashboard.sentences import blocks, masked, sentences
from dashboard.sources import Source, SourceError, read_manifest, read_source
from dashboard.timex import tag

STORY_FILES = ("story.json",)
"""Files beside the manifest that the build copies into the data directory as they are."""


@dataclass
class Article:
    """What one source yields: its sources-table row, events, figures and actor index."""

    source_row: dict
    events: list[dict]
    figures: list[dict]
    index: ActorIndex


def analyse(source: Source, gazetteer: list[Actor], manifest_dir: Path) -> Article:
    """Extract events, figures and actors from one article."""
    article_blocks = blocks(source.text)
    visible = masked(source.text, article_blocks)
    article_sentences = sentences(source.text, article_blocks)
    timexes = tag(visible, source.published)
    index = story_index(visible, gazetteer)
    mentions = index.mentions(visible)
    row = {
        "source_id": source.source_id,
        "path": source.path.relative_to(manifest_dir).as_posix()
        if source.path.is_relative_to(manifest_dir) else source.path.as_posix(),
        "url": source.url,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "published": source.published,
        "published_inferred": source.published_inferred,
        "text_path": f"texts/{source.source_id}.txt",
        "sha256": source.sha256,
        "chars": len(source.text),
    }
    return Article(
        source_row=row,
        events=article_events(row, article_sentences, timexes, mentions),
        figures=article_figures(row, article_sentences, timexes, mentions),
        index=index,
    )


def extract(manifest: str | Path) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """All tables for a manifest, and the files to keep beside them (source texts...)."""
    manifest = Path(manifest)
    story_actors = manifest.parent / "actors.csv"
    gazetteer = load_gazetteer(story_actors) if story_actors.exists() else []
    articles, files = [], {}
    for row in read_manifest(manifest):
        source = read_source(row)
        if f"texts/{source.source_id}.txt" in files:
            raise SourceError(f"{source.path}: another source has the same file name")
        articles.append(analyse(source, gazetteer, manifest.parent.resolve()
                                if source.path.is_absolute() else manifest.parent))
        files[f"texts/{source.source_id}.txt"] = source.text
    for name in STORY_FILES:
        if (manifest.parent / name).exists():
            files[name] = (manifest.parent / name).read_text(encoding="utf-8")
    return tables_of(articles), files


def tables_of(articles: list[Article]) -> dict[str, pd.DataFrame]:
    """Combine articles into the four tables, with one canonical name per actor."""
    actors: dict[str, Actor] = {}
    renames: dict[str, str] = {}
    for article in articles:
        for actor in article.index.actors.values():
            canonical = _same_actor(actor, actors)
            if canonical and canonical != actor.name:
                renames[actor.name] = canonical
            if canonical:
                known = actors[canonical]
                known.aliases += [a for a in actor.aliases if a not in known.aliases]
                known.description = known.description or actor.description
            else:
                actors[actor.name] = Actor(actor.name, actor.kind, list(actor.aliases),
                                           actor.description)
    events = [_renamed(e, renames) for a in articles for e in a.events]
    figures = [_renamed(f, renames) for a in articles for f in a.figures]
    used = {name for e in events for name in e["actors"].split("; ") if name}
    used |= {row["attributed_to"] for row in [*events, *figures] if row["attributed_to"]}
    actor_rows = [
        {"name": a.name, "kind": a.kind, "aliases": "; ".join(a.aliases),
         "description": a.description}
        for a in sorted(actors.values(), key=lambda a: a.name)
        if a.name in used
    ]
    return {
        "events": table.frame(events, table.EVENTS_COLUMNS),
        "figures": table.frame(figures, table.FIGURES_COLUMNS),
        "actors": table.frame(actor_rows, table.ACTORS_COLUMNS),
        "sources": table.frame([a.source_row for a in articles], table.SOURCES_COLUMNS),
    }


def _same_actor(actor: Actor, known: dict[str, Actor]) -> str | None:
    """The name under which `actor` is already known: same name, or a surname of a person."""
    if actor.name in known:
        return actor.name
    for name, other in known.items():
        if other.kind == actor.kind == "person" and (
            actor.name in other.aliases or name in actor.aliases
        ):
            return name if len(name) >= len(actor.name) else None
    return None


def _renamed(row: dict, renames: dict[str, str]) -> dict:
    if not renames:
        return row
    row = dict(row)
    if "actors" in row:
        names = [renames.get(n, n) for n in row["actors"].split("; ") if n]
        row["actors"] = "; ".join(dict.fromkeys(names))
    row["attributed_to"] = renames.get(row["attributed_to"], row["attributed_to"])
    return row


def build(manifest: str | Path, out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Extract a manifest into `out_dir`, replacing its tables atomically."""
    tables, files = extract(manifest)
    table.write_dir(out_dir, tables, files)
    return tables
