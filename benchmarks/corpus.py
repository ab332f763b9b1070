"""A synthetic news corpus for scale benchmarks: N articles and a manifest, deterministic by seed.

The articles follow one invented story (a border crisis between two fictional countries) in wire
style: a headline, a byline, page furniture, photo captions, quoted officials with titles,
absolute and relative dates ("last Tuesday", "earlier this month") and approximate figures
("around 3,000 troops"). About one in five is an HTML page with scripts, navigation and
metadata, and about one in ten leaves `published` blank so the date has to be inferred.

    python -m benchmarks.corpus --out /tmp/corpus --articles 1000 --seed 7
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import random
from pathlib import Path

HEADER = ("path", "url", "title", "outlet", "author", "published", "section")
FIRST = ("Anna", "Marek", "Ilse", "Tomas", "Lena", "Viktor", "Sofia", "Pavel", "Ines", "Oskar",
         "Mira", "Jonas", "Elena", "Karl", "Nadia", "Felix", "Irena", "Bruno", "Dana", "Luka")
LAST = ("Kovac", "Brandt", "Novak", "Halden", "Sorensen", "Varga", "Lindqvist", "Petrov",
        "Maric", "Falk", "Jensen", "Horvat", "Wolan", "Rusko", "Dvorak", "Keller", "Stanic")
TITLES = ("Defense Minister", "Foreign Minister", "Interior Minister", "Prime Minister",
          "President", "Gen.", "Col.", "Mayor", "Deputy Foreign Minister", "Army chief of staff",
          "Border Police Commander", "Health Minister")
ORGS = ("the Defense Ministry", "the Foreign Ministry", "the United Nations", "the Red Cross",
        "the border police", "the National Security Council", "NATO", "the European Union",
        "the World Food Programme", "the interior ministry")
COUNTRIES = ("Valdoria", "Ostrava", "Karelia", "Montevia")
PLACES = ("the Drava crossing", "the port of Marisk", "the town of Velen", "the northern hills",
          "the capital, Sarn", "the river valley", "the old airbase at Kolin", "the coastal road")
OUTLETS = ("Northern Wire", "The Valdoria Herald", "Continental Press", "Daily Ledger",
           "Harbor Times", "Eastern Post")
AGENCIES = ("Reuters", "AP", "AFP", "Yonhap", "Herald photo", "Northern Wire")
SECTIONS = ("world", "politics", "security", "region")
RELATIVE = ("last Tuesday", "on Monday", "on Friday", "earlier this month", "last week",
            "two days ago", "yesterday", "this morning", "late last month", "three weeks ago",
            "on Wednesday night", "over the weekend", "last year", "earlier this year")
SINCE = ("last week", "last Tuesday", "early January", "the start of the month", "the spring",
         "the ceasefire collapsed", "mid-March", "the weekend", "the talks broke down")
FUTURE = ("next week", "next month", "by the end of the year", "within two weeks",
          "on Thursday", "later this month", "early next year", "this spring")
THINGS = (("troops", 500, 12_000), ("civilians", 20, 4_000), ("refugees", 300, 60_000),
          ("tanks", 5, 400), ("aid trucks", 10, 900), ("prisoners", 2, 300),
          ("soldiers", 100, 20_000), ("families", 40, 9_000), ("drones", 3, 250))
QUALIFIERS = ("around", "about", "nearly", "at least", "more than", "roughly", "up to",
              "fewer than", "an estimated", "")
FURNITURE = ("Share", "Print", "Most read", "Settings", "Back to top", "Related stories",
             "Subscribe to our newsletter", "Advertisement")


class Writer:
    """Sentence and article templates filled from one seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, options):
        return self.rng.choice(options)

    def person(self) -> str:
        return f"{self.pick(TITLES)} {self.pick(FIRST)} {self.pick(LAST)}"

    def figure(self) -> str:
        thing, low, high = self.pick(THINGS)
        value = self.rng.randint(low, high)
        if value > 1000:
            value = round(value, -2)
        qualifier = self.pick(QUALIFIERS)
        return f"{qualifier} {value:,} {thing}".strip()

    def absolute(self, published: dt.date) -> str:
        day = published - dt.timedelta(days=self.rng.randint(1, 120))
        form = self.rng.randint(0, 3)
        if form == 0:
            return f"on {day:%B} {day.day}"
        if form == 1:
            return f"on {day:%b}. {day.day}, {day.year}"
        if form == 2:
            return f"in {self.pick(('early', 'mid-', 'late'))} {day:%B}".replace("- ", "-")
        return f"in {day:%B} {day.year}"

    def when(self, published: dt.date) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.pick(RELATIVE)
        if roll < 0.85:
            return self.absolute(published)
        return self.pick(FUTURE)

    def sentence(self, published: dt.date) -> str:
        """One body sentence in wire style."""
        p, o, w = self.person(), self.pick(ORGS), self.pick(PLACES)
        c, other = self.rng.sample(COUNTRIES, 2)
        big = o[0].upper() + o[1:]
        f, t = self.figure(), self.when(published)
        templates = (
            f"{p} said {t} that {f} had been moved closer to {w}.",
            f"{big} said {f} crossed into {c} {t}, according to officials.",
            f"\"We will not be pushed back,\" {p} told reporters {t}.",
            f"Talks between {c} and {other} resumed {t} near {w}, {o} said.",
            f"According to {o}, {f} were evacuated from {w} {t}.",
            f"{p} is expected to visit {w} {self.pick(FUTURE)}, aides said.",
            f"Satellite images taken {t} show {f} near {w}, {o} said in a statement.",
            f"{big} estimated that {f} had left {w} since {self.pick(SINCE)}.",
            f"In a briefing {t}, {p} said {c} had asked {o} for help with {f}.",
            f"The ceasefire, agreed {t}, was broken within hours, {p} said.",
            f"{p} met {self.person()} {t} to discuss the status of {w}.",
            f"Officials in {c} said {t} that {f} had been detained at {w}.",
            f"A spokesperson for {o} said {t} that supplies for {f} would arrive "
            f"{self.pick(FUTURE)}.",
            f"The fighting near {w} has displaced {f} since {self.absolute(published)}, "
            f"{o} said {t}.",
        )
        return self.pick(templates)

    def headline(self) -> str:
        return self.pick((
            f"{self.pick(COUNTRIES)} moves troops toward {self.pick(PLACES)}",
            f"Talks stall as {self.pick(ORGS)} warns of new clashes",
            f"{self.person()} vows to hold {self.pick(PLACES)}",
            f"Aid convoy reaches {self.pick(PLACES)} after weeks of delay",
            f"Thousands flee {self.pick(PLACES)} as fighting spreads",
        ))  # fmt: skip

    def caption(self, published: dt.date) -> str:
        day = published - dt.timedelta(days=self.rng.randint(0, 10))
        return (f"Soldiers unload supplies near {self.pick(PLACES)}, {day:%b}. {day.day}. "
                f"{self.pick(AGENCIES)}")

    def article(self, published: dt.date, with_date_line: bool) -> tuple[str, list[str]]:
        """(headline, paragraphs) of one article; paragraphs include furniture and captions."""
        title = self.headline()
        paragraphs = [self.pick(FURNITURE), f"By {self.pick(FIRST)} {self.pick(LAST)}"]
        if with_date_line:
            paragraphs.append(f"Posted {published:%b}. {published.day}, {published.year}")
        for index in range(self.rng.randint(6, 14)):
            count = self.rng.randint(1, 3)
            paragraphs.append(" ".join(self.sentence(published) for _ in range(count)))
            if index == 1 and self.rng.random() < 0.6:
                paragraphs.append(self.caption(published))
        paragraphs += [self.pick(FURNITURE), self.pick(FURNITURE)]
        return title, paragraphs


def as_text(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def as_html(title: str, paragraphs: list[str], published: dt.date | None) -> str:
    meta = (f'<meta property="article:published_time" content="{published}T08:30:00+01:00">'
            if published else "")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{meta}"
        "<style>body{font-family:serif}</style><script>window.dataLayer=[];</script></head>"
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>\n{body}\n</article>"
        '<aside>Most read</aside><footer>© Example Media</footer></body></html>\n'
    )


def generate(folder: str | Path, articles: int = 10_000, seed: int = 7) -> Path:
    """Write `articles` articles and `sources.csv` into `folder`; returns the manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    writer = Writer(rng)
    start = dt.date(2023, 1, 1)
    rows = []
    for i in range(articles):
        published = start + dt.timedelta(days=rng.randint(0, 900))
        blank = rng.random() < 0.1
        is_html = rng.random() < 0.2
        title, paragraphs = writer.article(published, with_date_line=blank and not is_html)
        name = f"{i:06d}_{rng.getrandbits(32):08x}{'.html' if is_html else '.txt'}"
        content = as_html(title, paragraphs, published) if is_html else as_text(title, paragraphs)
        (folder / name).write_text(content, encoding="utf-8")
        rows.append({
            "path": name, "url": f"https://news.example/{rng.choice(SECTIONS)}/{i:06d}",
            "title": title, "outlet": rng.choice(OUTLETS), "author": "",
            "published": "" if blank else published.isoformat(), "section": rng.choice(SECTIONS),
        })  # fmt: skip
    manifest = folder / "sources.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    with open(folder / "actors.csv", "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(("name", "kind", "aliases", "description"))
        out.writerow(("Ministry of Defense of Valdoria", "organisation",
                      "the Defense Ministry; Defense Ministry", "Valdoria's defence ministry"))
        out.writerow(("Valdorian Border Police", "organisation", "the border police", ""))
    return manifest


def touch_article(manifest: Path, index: int) -> Path:
    """Change one article's text (append a sentence) as an editor would; returns its path."""
    with open(manifest, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    path = manifest.parent / rows[index % len(rows)]["path"]
    text = path.read_text(encoding="utf-8")
    extra = f"Officials said on Monday that {index + 2} more convoys had arrived."
    if path.suffix == ".html":
        text = text.replace("</article>", f"<p>{extra}</p></article>")
    else:
        text += f"\n{extra}\n"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--out", type=Path, required=True)
    cli.add_argument("--articles", type=int, default=10_000)
    cli.add_argument("--seed", type=int, default=7)
    args = cli.parse_args(argv)
    print(generate(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
