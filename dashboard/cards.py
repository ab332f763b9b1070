"""Human formatting for the page: dates at their own precision, numbers, links and card HTML.

Every piece of article text that reaches HTML passes through `html.escape` here, so the page
shows it as text, never as markup. Only http(s) URLs become links.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import pandas as pd

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
MODS = {
    "START": "Early", "MID": "Mid", "END": "Late", "APPROX": "About",
    "BEFORE": "Before", "AFTER": "After", "ON_OR_BEFORE": "By", "ON_OR_AFTER": "Since",
}


def text(value: object) -> str:
    """A cell as plain text: missing values become ''.

    >>> text(pd.NA), text(None), text(" x ")
    ('', '', 'x')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def day_label(value: str) -> str:
    """An ISO day as people write it.

    >>> day_label("2025-01-09")
    'Jan 9, 2025'
    """
    day = _day(value)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if day else ""


def date_label(date: object, date_end: object = "", precision: object = "", timex: object = "",
               mod: object = "") -> str:
    """A date shown at its own precision, never more precise than it is.

    >>> date_label("2024-10-01", "2024-10-31", "month", "2024-10")
    'Oct 2024'
    >>> date_label("2025-02-10", "2025-02-16", "week", "2025-W07")
    'Week 7, 2025'
    >>> date_label("2010-01-01", "2019-12-31", "decade", "201")
    '2010s'
    >>> date_label("2024-10-01", "2024-10-31", "month", "2024-10", "START")
    'Early Oct 2024'
    """
    start, end, unit, value = text(date), text(date_end), text(precision).lower(), text(timex)
    first, last = _day(start), _day(end) or _day(start)
    if first is None:
        return "Undated"
    label = _unit_label(first, last, unit, value)
    prefix = MODS.get(text(mod).upper(), "")
    return f"{prefix} {label}" if prefix else label


def _unit_label(first: dt.date, last: dt.date, unit: str, value: str) -> str:
    """The label of the period [first, last] at precision `unit`."""
    if unit == "day" or first == last:
        return day_label(first.isoformat())
    if unit == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if unit == "year":
        return str(first.year)
    if unit == "week":
        match = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
        year, week = (match.group(1), int(match.group(2))) if match else first.isocalendar()[:2]
        return f"Week {week}, {year}"
    if unit == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    if unit == "half":
        return f"H{1 if first.month <= 6 else 2} {first.year}"
    if unit == "season":
        season = SEASONS.get(value[-2:].upper(), "")
        return f"{season} {value[:4] or first.year}".strip()
    if unit == "decade":
        return f"{first.year // 10 * 10}s"
    if unit == "century":
        return f"{first.year // 100 + 1}th century"
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]} {first.day} – {day_label(last.isoformat())}"
    return f"{day_label(first.isoformat())} – {day_label(last.isoformat())}"


def date_labels(events: pd.DataFrame) -> pd.Series:
    """`date_label` for every event, computed once per distinct date (fast on large tables)."""
    columns = ["date", "date_end", "precision", "timex", "mod"]
    keys = events[columns].astype("string").fillna("")
    distinct = keys.drop_duplicates()
    labels = distinct.assign(_label=[date_label(*row) for row in distinct.itertuples(index=False)])
    merged = keys.merge(labels, on=columns, how="left")["_label"]
    return merged.set_axis(events.index).astype("string")


def number_label(value: object, qualifier: object = "") -> str:
    """A figure with its qualifier, with thousands separators.

    >>> number_label(4000, "around")
    'around 4,000'
    """
    try:
        number = f"{int(value):,}"
    except (TypeError, ValueError):
        number = text(value)
    return f"{text(qualifier)} {number}".strip()


def built_label(mtime: float | None) -> str:
    """When the data was built, in UTC, or 'never' when there is no data.

    >>> built_label(0)
    'Jan 1, 1970 00:00 UTC'
    """
    if mtime is None:
        return "never"
    moment = dt.datetime.fromtimestamp(mtime, tz=dt.UTC)
    return f"{day_label(moment.date().isoformat())} {moment:%H:%M} UTC"


def safe_url(url: object) -> str:
    """The URL when it is http(s), else ''.

    >>> safe_url("javascript:alert(1)"), safe_url("https://example.org/a")
    ('', 'https://example.org/a')
    """
    value = text(url)
    parts = urlsplit(value)
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def link(url: object, label: object) -> str:
    """An escaped link when the URL is http(s), else the escaped label alone."""
    target, name = safe_url(url), html.escape(text(label) or text(url))
    if not target:
        return name
    return f'<a href="{html.escape(target, quote=True)}" target="_blank" rel="noopener">{name}</a>'


def split_highlight(sentence: object, sentence_start: object, char_start: object,
                    char_end: object, date_text: object) -> tuple[str, str, str]:
    """The sentence cut around its time expression: (before, expression, after).

    >>> split_highlight("He left in October 2024.", 100, 111, 123, "October 2024")
    ('He left in ', 'October 2024', '.')
    """
    whole, wanted = text(sentence), text(date_text)
    try:
        start = int(char_start) - int(sentence_start)
        end = int(char_end) - int(sentence_start)
    except (TypeError, ValueError):
        start, end = -1, -1
    if not (0 <= start < end <= len(whole)) or (wanted and whole[start:end] != wanted):
        start = whole.find(wanted) if wanted else -1
        end = start + len(wanted)
    if start < 0:
        return whole, "", ""
    return whole[:start], whole[start:end], whole[end:]


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


def kind_label(kind: object) -> str:
    """An event kind as a capitalised word.

    >>> kind_label("capture")
    'Capture'
    """
    value = text(kind)
    return value[:1].upper() + value[1:] if value else "Other"


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


def _event_date(event: Mapping) -> str:
    return date_label(event.get("date"), event.get("date_end"), event.get("precision"),
                      event.get("timex"), event.get("mod"))


def span_label(events: pd.DataFrame) -> str:
    """The dates the events cover, each end at its own precision, e.g. '2015 to Feb 19, 2025'."""
    dated = events[events["date"].notna()]
    if dated.empty:
        return "no dated events"
    first = dated.sort_values(["date", "date_end"]).iloc[0]
    last = dated.assign(_end=dated["date_end"].fillna(dated["date"]))
    last = last.sort_values(["_end", "date"]).iloc[-1]
    begin, end = _event_date(first), _event_date(last)
    return begin if begin == end else f"{begin} to {end}"


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
            "first": _event_date(first.loc[name]) if name in first.index else "Undated",
            "last": _event_date(last.loc[name]) if name in last.index else "Undated",
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
