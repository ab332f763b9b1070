"""The page's cards as escaped HTML, and the facts they show (key figures, actors, header).

Every piece of article text that reaches HTML passes through `html.escape` here, so the page
shows it as text, never as markup. Only http(s) URLs become links.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

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
    text,
)


def _attribution(value: object) -> str:
    who = text(value)
    return f"According to {html.escape(who)}" if who else "Source does not attribute it"


def event_card_html(event: Mapping) -> str:
    """One event as escaped HTML: date, summary, actors, highlighted sentence, provenance."""
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
        f'<div style="font-size:0.85rem;opacity:0.8">{html.escape(date)}'
        f' · {html.escape(kind_label(event.get("kind")))}</div>',
        f'<div style="font-weight:600;margin:0.2rem 0">{html.escape(text(event.get("summary")))}'
        "</div>",
        f'<blockquote style="margin:0.3rem 0;padding-left:0.6rem;border-left:3px solid #56B4E9">'
        f'{html.escape(before)}<mark style="background:#F0E442;color:#000">{html.escape(mark)}'
        f"</mark>{html.escape(after)}</blockquote>",
        f'<div style="font-size:0.85rem">{_attribution(event.get("attributed_to"))}'
        + (f" · Actors: {html.escape(actors)}" if actors else "") + "</div>",
        f'<div style="font-size:0.85rem">{source}'
        + (f" · {outlet}" if outlet else "") + (f" · {published}" if published else "")
        + "</div>",
    ]
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
        f'{html.escape(number_label(card.get("value"), card.get("qualifier")))}</div>',
        f'<div style="font-weight:600">{html.escape(text(card.get("counts")))}</div>',
        f'<div style="font-size:0.85rem">{_attribution(card.get("attributed_to"))}'
        + (f", as of {html.escape(as_of)}" if as_of else "") + "</div>",
        f'<div style="font-size:0.85rem">{source}</div>',
    ]
    others = text(card.get("others"))
    if others:
        lines.append(f'<div style="font-size:0.8rem;color:#D55E00">Other sources differ: '
                     f"{html.escape(others)}</div>")
    return "".join(lines)


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


def key_figures(figures: pd.DataFrame) -> list[dict]:
    """One card per quantity: the latest claim, noting other sources' differing values.

    Claims are ordered by as-of date, then publication date; the latest one leads the card.
    """
    cards = []
    if figures.empty:
        return cards
    ordered = figures.assign(_key=figures["quantity"].fillna(figures["counts"]).fillna(""))
    ordered = ordered.sort_values(["as_of", "published"], na_position="first", kind="stable")
    for _, group in ordered.groupby("_key", sort=False):
        latest = group.iloc[-1].to_dict()
        differing = group.iloc[:-1]
        differing = differing[differing["value"] != latest["value"]]
        others = []
        for row in differing.drop_duplicates(["value", "outlet"]).to_dict("records")[::-1]:
            who = text(row.get("attributed_to")) or text(row.get("outlet")) or "another source"
            when = day_label(text(row.get("as_of")))
            others.append(f"{number_label(row['value'], row.get('qualifier'))} ({who}"
                          + (f", {when})" if when else ")"))
        latest["others"] = "; ".join(others)
        latest["claims"] = len(group)
        cards.append(latest)
    cards.sort(key=lambda c: -int(c["value"]) if text(c.get("value")) else 0)
    return cards


def header_line(events: pd.DataFrame, sources: pd.DataFrame, built: float | None) -> str:
    """The line under the title: how many sources and events, their span, when built."""
    count = sources["source_id"].nunique() or events["source_id"].nunique()
    return (f"{count:,} source{'s' * (count != 1)} · {len(events):,} event"
            f"{'s' * (len(events) != 1)} · {span_label(events)} · data built {built_label(built)}")


def actor_cards(events: pd.DataFrame, actors: pd.DataFrame, limit: int = 12) -> list[dict]:
    """The `limit` actors with most events: name, kind, description, count, first/last date."""
    if events.empty:
        return []
    names = events["actors"].fillna("").str.split("; ", regex=False).explode()
    laned = events.loc[names.index, ["event_id", "date", "date_end", "precision", "timex",
                                     "mod"]].assign(name=names.to_numpy())
    laned = laned[laned["name"].fillna("").str.strip() != ""]
    info = {row["name"]: row for row in actors.to_dict("records")}
    counts = laned.drop_duplicates(["event_id", "name"])["name"].value_counts()
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))[:limit]
    names = [name for name, _ in top]
    dated = laned[laned["name"].isin(names) & laned["date"].notna()]
    dated = dated.assign(date_end=dated["date_end"].fillna(dated["date"]))
    first = dated.sort_values(["date", "date_end"]).drop_duplicates("name").set_index("name")
    last = dated.sort_values(["date_end", "date"]).drop_duplicates("name", keep="last")
    last = last.set_index("name")
    cards = []
    for name, count in top:
        meta = info.get(name, {})
        cards.append({
            "name": name, "kind": text(meta.get("kind")).capitalize(),
            "description": text(meta.get("description")), "events": int(count),
            "first": event_date(first.loc[name]) if name in first.index else "Undated",
            "last": event_date(last.loc[name]) if name in last.index else "Undated",
        })
    return cards


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
