"""The page's cards as escaped HTML, and the facts they show (key figures, actors, header).

Every piece of article text that reaches HTML passes through `html.escape` here, so the page
shows it as text, never as markup. Only http(s) URLs become links.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from dashboard.humanize import (
    built_label,
    date_label,
    day_label,
    event_date,
    kind_label,
    link,
    number_label,
    span_label,
    split_highlight,
    status_label,
    text,
)
from dashboard.page.charts import actor_pairs, among

STATUS_COLOURS = {"Auto": "#999999", "Verified": "#009E73", "Corrected": "#0072B2",
                  "Rejected": "#D55E00"}
MAX_CLAIMS = 8
"""How many claims a figure card lists (the latest ones); its chart shows them all."""
MAX_NOTES = 3
"""Disagreement notes shown on a figure card (the latest dates); the rest are counted."""
MAX_OTHERS = 5
"""Differing values named on a figure card (the most recent); the rest are counted."""


def _attribution(value: object) -> str:
    who = text(value)
    return f"According to {html.escape(who)}" if who else "Source does not attribute it"


def status_badge_html(status: object) -> str:
    """The curation status as a small coloured badge (auto, verified, corrected, rejected)."""
    label = status_label(status)
    colour = STATUS_COLOURS[label]
    return (f'<span style="border:1px solid {colour};color:{colour};border-radius:0.6rem;'
            f'padding:0 0.45rem;font-size:0.75rem;font-weight:600">{label}</span>')


def reported_by(count: object) -> str:
    """'Reported by N sources' for an event's story event.

    >>> reported_by(2), reported_by(None)
    ('Reported by 2 sources', 'Reported by 1 source')
    """
    try:
        number = max(1, int(count))
    except (TypeError, ValueError):
        number = 1
    return f"Reported by {number:,} source{'s' * (number != 1)}"


def event_card_html(event: Mapping) -> str:
    """One event as escaped HTML: status, date, summary, actors, highlighted sentence,
    provenance, how many sources report it and where sources disagree on its date."""
    before, mark, after = split_highlight(event.get("sentence"), event.get("sentence_start"),
                                          event.get("char_start"), event.get("char_end"),
                                          event.get("date_text"))
    date = date_label(event.get("date"), event.get("date_end"), event.get("precision"),
                      event.get("timex"), event.get("mod"))
    actors = ", ".join(a for a in text(event.get("actors")).split("; ") if a)
    published = day_label(text(event.get("published")))
    source = link(event.get("source_url"), event.get("source_title") or "Source")
    outlet = html.escape(text(event.get("outlet")))
    parts = [
        f'<div style="font-size:0.85rem"><span style="opacity:0.8">{html.escape(date)}'
        f' · {html.escape(kind_label(event.get("kind")))}</span> '
        f'{status_badge_html(event.get("status"))}</div>',
        f'<div style="font-weight:600;margin:0.2rem 0">{html.escape(text(event.get("summary")))}'
        "</div>",
        f'<blockquote style="margin:0.3rem 0;padding-left:0.6rem;border-left:3px solid #56B4E9">'
        f'{html.escape(before)}<mark style="background:#F0E442;color:#000">{html.escape(mark)}'
        f"</mark>{html.escape(after)}</blockquote>",
        f'<div style="font-size:0.85rem">{_attribution(event.get("attributed_to"))}'
        + (f" · Actors: {html.escape(actors)}" if actors else "") + "</div>",
        f'<div style="font-size:0.85rem">{source}'
        + (f" · {outlet}" if outlet else "") + (f" · {published}" if published else "")
        + f" · {reported_by(event.get('story_sources'))}</div>",
    ]
    conflict = text(event.get("conflict"))
    if conflict:
        parts.append(f'<div style="font-size:0.85rem;color:#D55E00">Sources disagree on the '
                     f"date: {html.escape(conflict)}</div>")
    credit = text(event.get("photo_credit"))
    if credit:
        parts.append(f'<div style="font-size:0.8rem;opacity:0.8">Photo: {html.escape(credit)}'
                     "</div>")
    return "".join(parts)


def figure_card_html(card: Mapping) -> str:
    """One key-figure card as escaped HTML (fields as `key_figures` returns them)."""
    as_of = day_label(text(card.get("as_of")))
    name = card.get("outlet") or card.get("source_title") or "Source"
    source = link(card.get("source_url"), name)
    lines = [
        f'<div style="font-size:1.6rem;font-weight:700">'
        f'{html.escape(figure_label(card))}</div>',
        f'<div style="font-weight:600">{html.escape(text(card.get("counts")))}</div>',
        f'<div style="font-size:0.85rem">{_attribution(card.get("attributed_to"))}'
        + (f", as of {html.escape(as_of)}" if as_of else "") + "</div>",
        f'<div style="font-size:0.85rem">{source}</div>',
    ]
    others = text(card.get("others"))
    if others:
        lines.append(f'<div style="font-size:0.8rem;color:#D55E00">Other sources differ: '
                     f"{html.escape(others)}</div>")
    notes = card.get("disagreements") or []
    for note in notes[-MAX_NOTES:][::-1]:
        lines.append(f'<div style="font-size:0.8rem;color:#D55E00">Sources disagree '
                     f"{html.escape(note)}</div>")
    if len(notes) > MAX_NOTES:
        lines.append(f'<div style="font-size:0.8rem;color:#D55E00">and on '
                     f"{len(notes) - MAX_NOTES:,} earlier dates.</div>")
    history = card.get("history")
    history = pd.DataFrame(history) if not isinstance(history, pd.DataFrame) else history
    if len(history) > 1:
        items = "".join(f'<li style="font-size:0.8rem">{claim_html(claim)}</li>'
                        for claim in history.tail(MAX_CLAIMS).iloc[::-1].to_dict("records"))
        more = len(history) - MAX_CLAIMS
        lines.append(f'<div style="font-size:0.8rem;margin-top:0.3rem">{len(history)} claims, '
                     f'latest first:<ul style="margin:0;padding-left:1.1rem">{items}</ul>'
                     + (f"and {more:,} earlier.</div>" if more > 0 else "</div>"))
    return "".join(lines)


def figure_label(row: Mapping) -> str:
    """A figure's number as a label; a figure without a whole value ("dozens", "$19.50") as
    its text says it.

    >>> figure_label({"value": 4000, "qualifier": "around"}), figure_label({"value": None,
    ...     "qualifier": "", "number_text": "hundreds"})
    ('around 4,000', 'hundreds')
    """
    if not text(row.get("value")):
        return text(row.get("number_text"))
    return number_label(row.get("value"), row.get("qualifier"))


def claim_html(claim: Mapping) -> str:
    """One figure claim as escaped HTML: value, as-of date, who makes it, the source."""
    as_of = day_label(text(claim.get("as_of"))) or "undated"
    who = text(claim.get("attributed_to")) or "unattributed"
    source = link(claim.get("source_url"), claim.get("outlet") or claim.get("source_title")
                  or "Source")
    return (f"{html.escape(figure_label(claim))} "
            f"as of {html.escape(as_of)}: {html.escape(who)} · {source}")


def _claim_label(row: Mapping, who: str) -> str:
    return f"{figure_label(row)} ({who})"


def disagreements(claims: pd.DataFrame) -> list[str]:
    """Where claims with the same as-of date give different values, one note per date."""
    dated = claims[claims["as_of"].notna() & claims["value"].notna()]
    split = dated.groupby("as_of")["value"].transform("nunique") > 1
    rows = dated[split].sort_values("as_of", kind="stable")
    rows = rows[[c for c in ("as_of", "value", "qualifier", "attributed_to", "outlet")
                 if c in rows]]
    rows = rows.drop_duplicates([c for c in rows if c != "qualifier"])
    said: dict[str, list[str]] = {}
    labels: dict[tuple, str] = {}  # (a claim's label made once for its value and sayer:
    columns = [rows[c].tolist() if c in rows else [None] * len(rows)  # thousands of claims
               for c in ("as_of", "value", "qualifier", "attributed_to", "outlet")]  # repeat)
    for as_of, *claim in zip(*columns, strict=True):
        key = tuple(claim)
        if key not in labels:
            value, qualifier, attributed_to, outlet = claim
            who = ", ".join(x for x in (text(attributed_to), text(outlet)) if x)
            labels[key] = _claim_label({"value": value, "qualifier": qualifier},
                                       who or "unattributed")
        said.setdefault(str(as_of), []).append(labels[key])
    return [f"as of {day_label(as_of)}: " + " vs ".join(values) for as_of, values in said.items()]


def sources_html(sources: pd.DataFrame, limit: int = 200) -> str:
    """The list of articles: title as a link (http(s) only), outlet, date and whether inferred."""
    items = []
    for row in sources.head(limit).to_dict("records"):
        published = day_label(text(row.get("published"))) or "date unknown"
        inferred = row.get("published_inferred")
        if inferred is True or text(inferred).lower() == "true":
            published += " (date inferred)"
        outlet = text(row.get("outlet")) or "Unknown outlet"
        items.append(f"<li>{link(row.get('url'), row.get('title') or row.get('url') or 'Untitled')}"
                     f" — {html.escape(outlet)}, {html.escape(published)}</li>")
    more = len(sources) - limit
    tail = f"<p>and {more:,} more articles.</p>" if more > 0 else ""
    return f'<ul style="margin:0">{"".join(items)}</ul>{tail}' if items else "<p>No articles.</p>"


def key_figures(figures: pd.DataFrame, limit: int | None = None) -> list[dict]:
    """One card per quantity (the `limit` largest): the latest claim, noting differing values.

    Claims are ordered by as-of date, then publication date; the latest one leads the card.
    Each card also holds its `history` (every claim, oldest first, as a table), its `claims`
    count, `others` (the most recent differing values, at most MAX_OTHERS) and its
    `disagreements` (claims of the same as-of date that give different values).
    """
    if figures.empty:
        return []
    ordered = figures.assign(_key=figures["quantity"].fillna(figures["counts"]).fillna(""))
    ordered = ordered.sort_values(["as_of", "published"], na_position="first", kind="stable")
    groups = [group for _, group in ordered.groupby("_key", sort=False)]
    groups.sort(key=lambda g: -int(g["value"].iloc[-1]) if text(g["value"].iloc[-1]) else 0)
    cards = []
    for group in groups[:limit]:
        history = group.drop(columns="_key")
        latest = history.iloc[-1].to_dict()
        differing = history.iloc[:-1]
        differing = differing[differing["value"] != latest["value"]].iloc[::-1]
        differing = differing.drop_duplicates(["value", "outlet"])
        others = []
        for row in differing.head(MAX_OTHERS).to_dict("records"):
            who = text(row.get("attributed_to")) or text(row.get("outlet")) or "another source"
            when = day_label(text(row.get("as_of")))
            others.append(_claim_label(row, who + (f", {when}" if when else "")))
        if len(differing) > MAX_OTHERS:
            others.append(f"{len(differing) - MAX_OTHERS:,} more")
        latest.update(others="; ".join(others), claims=len(history), history=history,
                      disagreements=disagreements(history))
        cards.append(latest)
    return cards


def header_line(events: pd.DataFrame, sources: pd.DataFrame, built: float | None) -> str:
    """The line under the title: how many sources and events, their span, when built."""
    count = sources["source_id"].nunique() or events["source_id"].nunique()
    return (f"{count:,} source{'s' * (count != 1)} · {len(events):,} event"
            f"{'s' * (len(events) != 1)} · {span_label(events)} · data built {built_label(built)}")


def actor_cards(events: pd.DataFrame, actors: pd.DataFrame, limit: int = 12,
                pairs: pd.Series | None = None,
                details: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> list[dict]:
    """The `limit` actors with most events: name, kind, description, count, first/last date
    (`pairs`: the `charts.actor_pairs` of a table `events` is part of, if made already;
    `details`: gives rows of `events` the `timex` and `mod` columns, if they lack them)."""
    if events.empty:
        return []
    names = actor_pairs(events) if pairs is None else among(pairs, events)
    names = names[names != ""]
    ids, _ = pd.factorize(events["event_id"])  # (each event's id as a number, by its position)
    top = sorted(_event_counts(ids[events.index.get_indexer(names.index)], names).items(),
                 key=lambda item: (-item[1], item[0].casefold()))[:limit]
    chosen = [name for name, _ in top]
    info = {row["name"]: row for row in actors[actors["name"].isin(chosen)].to_dict("records")}
    names = names[names.isin(chosen)]  # (only the top actors' events)
    laned = events.loc[names.index, [c for c in ("event_id", "date", "date_end", "precision",
                                                 "timex", "mod") if c in events]]
    dated = laned.assign(name=names.to_numpy())[laned["date"].notna()]
    dated = dated.assign(date_end=dated["date_end"].fillna(dated["date"]))
    first = dated.sort_values(["date", "date_end"]).drop_duplicates("name")
    last = dated.sort_values(["date_end", "date"]).drop_duplicates("name", keep="last")
    if details is not None and not {"timex", "mod"} <= set(events.columns):
        both = details(pd.concat([first, last]))  # (one read for both ends)
        first, last = both.iloc[:len(first)], both.iloc[len(first):]
    first = first.set_index("name").to_dict("index")  # (rows as dicts: quicker than .loc)
    last = last.set_index("name").to_dict("index")
    cards = []
    for name, count in top:
        meta = info.get(name, {})
        cards.append({
            "name": name, "kind": text(meta.get("kind")).capitalize(),
            "description": text(meta.get("description")), "events": int(count),
            "first": event_date(first[name]) if name in first else "Undated",
            "last": event_date(last[name]) if name in last else "Undated",
        })
    return cards


def _event_counts(events: np.ndarray, names: pd.Series) -> dict[str, int]:
    """How many distinct events each name has (`events`, the events' ids as integer codes,
    and `names` pair up, one a row): counted on integer codes, which is quicker than on the
    strings."""
    codes, distinct = pd.factorize(names)
    pairs = pd.unique(events.astype(np.int64) * max(len(distinct), 1) + codes)
    counts = np.bincount(pairs % max(len(distinct), 1), minlength=len(distinct))
    return dict(zip(distinct, counts.tolist(), strict=True))


def actor_card_html(card: Mapping) -> str:
    """One actor card as escaped HTML."""
    count = card["events"]
    kind = f" · {html.escape(card['kind'])}" if card.get("kind") else ""
    description = text(card.get("description"))
    return (f'<div style="font-weight:700">{html.escape(card["name"])}</div>'
            f'<div style="font-size:0.85rem;opacity:0.8">{count:,} event{"s" * (count != 1)}'
            f"{kind}</div>"
            + (f'<div style="font-size:0.85rem">{html.escape(description)}</div>'
               if description else "")
            + f'<div style="font-size:0.85rem">First: {html.escape(card["first"])} · '
            f'Last: {html.escape(card["last"])}</div>')


def story_rows(stories: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    """Story-table rows with their sources: (outlet or title, URL) of each member event."""
    wanted = {i for row in stories["event_ids"].dropna() for i in row.split("; ")}
    members = events[events["event_id"].isin(wanted)].drop_duplicates("event_id")
    blank = pd.Series("", index=members.index)
    names = members.get("outlet", blank).fillna("").astype(str).str.strip()
    titles = members.get("source_title", blank).fillna("").astype(str).str.strip()
    urls = members.get("source_url", blank).fillna("").astype(str).str.strip()
    source_of = {event_id: (name or title or "Source", url) for event_id, name, title, url
                 in zip(members["event_id"], names, titles, urls, strict=True)}
    rows = []
    for row in stories.to_dict("records"):
        links = []
        for event_id in text(row.get("event_ids")).split("; "):
            pair = source_of.get(event_id)
            if pair and pair not in links:
                links.append(pair)
        rows.append({**row, "links": links})
    return rows


def story_table_html(rows: list[dict]) -> str:
    """The story events as an escaped HTML table: date, summary, kind, sources, conflict (it
    scrolls sideways on a narrow screen rather than squeezing its columns)."""
    if not rows:
        return "<p>No story events.</p>"
    cell = 'style="padding:0.25rem 0.5rem;vertical-align:top;border-top:1px solid #8884"'
    warn = cell[:-1] + ';color:#D55E00"'
    head = "".join(f'<th style="text-align:left;padding:0.25rem 0.5rem">{name}</th>'
                   for name in ("Date", "What happened", "Kind", "Sources", "Dates disagree"))
    body = []
    for row in rows:
        count = int(row.get("sources") or 0) or len(row.get("links") or []) or 1
        links = ", ".join(link(url, name) for name, url in row.get("links") or [])
        when = date_label(row.get("date"), row.get("date_end"), row.get("precision"))
        body.append(
            f"<tr><td {cell}>{html.escape(when)}</td>"
            f"<td {cell}>{html.escape(text(row.get('summary')))}</td>"
            f"<td {cell}>{html.escape(kind_label(row.get('kind')))}</td>"
            f"<td {cell}>{count:,} source{'s' * (count != 1)}: {links}</td>"
            f'<td {warn}>{html.escape(text(row.get("conflict")))}</td></tr>'
        )
    return (f'<div style="overflow-x:auto"><table style="border-collapse:collapse;'
            f'font-size:0.85rem;width:100%;min-width:560px">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def orphan_lines(orphans: pd.DataFrame, limit: int = 20) -> list[str]:
    """One plain-text line per curation row whose event no longer exists (at most `limit`)."""
    lines = []
    for row in orphans.head(limit).to_dict("records"):
        changed = [f"{column} → {text(row.get(column))}" for column in
                   ("date", "date_end", "precision", "summary", "actors", "kind")
                   if text(row.get(column))]
        lines.append(f"{text(row.get('event_id'))} ({text(row.get('status')) or 'auto'}"
                     + (f"; {'; '.join(changed)}" if changed else "") + ")")
    more = len(orphans) - limit
    return lines + ([f"and {more:,} more"] if more > 0 else [])


def key_date_card_html(key: Mapping) -> str:
    """One key date (as `KeyDate.to_dict` gives it) as escaped HTML: the date, how many sources
    give it, and its sentences, each linked to its article."""
    count = int(key.get("sources") or 0)
    published = int(key.get("published") or 0)
    facts = [f"{count:,} source{'s' * (count != 1)} give{'s' * (count == 1)} this date"]
    if published:
        facts.append(f"{published:,} article{'s' * (published != 1)} published that day")
    items = "".join(
        f'<li style="margin:0.15rem 0">{html.escape(text(s.get("text")))} '
        f'<span style="font-size:0.8rem">({link(s.get("source_url"), "source")})</span></li>'
        for s in key.get("sentences") or [])
    return (f'<div style="font-weight:700">{html.escape(day_label(text(key.get("date"))))}</div>'
            f'<div style="font-size:0.8rem;opacity:0.8">{html.escape(" · ".join(facts))}</div>'
            + (f'<ul style="margin:0.2rem 0;padding-left:1.1rem;font-size:0.9rem">{items}</ul>'
               if items else ""))
