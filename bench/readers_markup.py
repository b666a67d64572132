"""Bench: every article read as a web page and as a plain copy gives the events of its text.

    .venv/bin/python bench/readers_markup.py                        # ../shared/corpus/news-dev
    .venv/bin/python bench/readers_markup.py path/to/articles -v    # any folder of seed files

For each seed-format article of the folder it checks two things and prints the counts:

1. **Markup**: the article wrapped in a realistic news page (navigation, a cookie banner,
   ads and a breaking-news bar with dates, the headline in ``<h1>``, the body in ``<p>``,
   a figure caption with a date, related and most-read links with dates, a comments
   section, a footer with a copyright year) gives the same event dates as the text. The
   page states its publication time in one of four ways, taken in turn: JSON-LD
   ``datePublished``, OpenGraph ``article:published_time``, ``<time datetime>``, and a
   visible date line only (read by htmldate).
2. **Plain copy**: the article with its `` date YYYY-MM-DD`` prefix removed (a headline
   line, the ``Published:`` line, the body) gives the same events: titles, dates, zones,
   places and kinds.

Exit code 1 when any article differs; ``-v`` shows what differs.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from datetime import timedelta
from pathlib import Path

from timeline.document import Document
from timeline.event import Event
from timeline.extract import extract_document
from timeline.readers import ReadOptions, read_document, read_text

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news-dev"
SHAPES = ("jsonld", "opengraph", "time", "visible")


def event_dates(events: list[Event]) -> list[tuple[str, str, str]]:
    """What a calendar places: each event's start, end and granularity, sorted."""
    return sorted((e.start.isoformat(), e.end.isoformat() if e.end else "", e.granularity)
                  for e in events)


def calendar_view(events: list[Event]) -> list[tuple[str, ...]]:
    """Each event as a calendar shows it: title, dates, zone, place and kind, sorted."""
    return sorted((e.title, e.start.isoformat(), e.end.isoformat() if e.end else "",
                   e.granularity, e.tz or "", e.location or "", e.kind) for e in events)


def news_page(document: Document, shape: str) -> str:
    """``document`` as an outlet's page would carry it, with dated boilerplate all round.

    Every boilerplate date is near the publication date, where a leaked one would pass for
    an event of the story.
    """
    dct = document.dct
    soon = [dct + timedelta(days=n) for n in (3, 9, 17, 26, 40)]
    day = "{d:%B} {d.day}".format
    headline = html.escape(document.title or "")
    paragraphs = [html.escape(line.strip()) for line in document.text.splitlines() if line.strip()]
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs[:2])
    rest = "\n".join(f"      <p>{p}</p>" for p in paragraphs[2:])
    stamp = dct.isoformat()
    head = {
        "jsonld": ('  <script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": document.title,
             "datePublished": stamp, "dateModified": (dct + timedelta(hours=5)).isoformat(),
             "publisher": {"@type": "Organization", "name": "The Daily Courier"}})
            + "</script>"),
        "opengraph": (f'  <meta property="og:title" content="{headline}">\n'
                      '  <meta property="og:site_name" content="The Daily Courier">\n'
                      f'  <meta property="article:published_time" content="{stamp}">'),
        "time": "",
        "visible": "",
    }[shape]
    byline = {
        "time": f'<time datetime="{stamp}">{dct:%d %b %Y %H:%M}</time>',
        "visible": f"Published {dct.day} {dct:%B %Y}",
    }.get(shape, "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{headline} | The Daily Courier</title>
{head}
  <script>window.ads = {{"campaign": "{soon[4]:%Y-%m-%d}"}};</script>
</head>
<body>
  <div class="cookie-consent">We use cookies. Policy updated {day(d=dct - timedelta(days=30))}, \
{dct.year}. <button>OK</button></div>
  <header>
    <a class="logo" href="/">The Daily Courier</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
      <li><a href="/archive/{dct.year - 1}">Archive {dct.year - 1}</a></li></ul></nav>
  </header>
  <div class="ticker">Breaking: Transport strike called for {day(d=soon[0])} \
<a href="/strike">more</a></div>
  <div class="ad leaderboard"><a href="https://ads.example.com/">Winter sale ends \
{day(d=soon[1])}! Save 40% until {day(d=soon[2])}.</a></div>
  <main>
    <article>
      <h1>{headline}</h1>
      <div class="byline">By Courier Staff {byline}</div>
      <figure><img src="/img/lead.jpg" alt=""><figcaption>File photo taken on \
{day(d=dct - timedelta(days=400))}, {dct.year - 1}.</figcaption></figure>
{body}
      <aside class="ad inline">Advertisement: Book by {day(d=soon[3])} and fly for less.</aside>
{rest}
      <div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a>
      </div>
    </article>
    <aside class="related">
      <h2>Related</h2>
      <ul>
        <li><a href="/a">Council budget vote set for {day(d=soon[2])}</a></li>
        <li><a href="/b">Festival returns on {day(d=soon[3])} and {soon[3].day + 1 if
           soon[3].day < 28 else 1}</a></li>
        <li><a href="/c">Talks to resume on {day(d=soon[4])}</a></li>
      </ul>
    </aside>
    <aside class="most-read"><h2>Most read</h2>
      <ol><li><a href="/d">Road closures from {day(d=soon[1])}</a></li>
      <li><a href="/e">New timetable starts {day(d=soon[0])}</a></li></ol>
    </aside>
    <section class="comments"><h2>Comments</h2>
      <p>Posted {day(d=dct)}, {dct.year}: See you all on {day(d=soon[2])}!</p></section>
  </main>
  <footer>
    <p>Newsletter: subscribe before {day(d=soon[1])} for a free guide.</p>
    <p>&copy; {dct.year - 1} The Daily Courier Ltd. All rights reserved. Founded 1921.</p>
  </footer>
</body>
</html>
"""


def plain_copy(seed_text: str) -> str:
    """The seed article as people copy it: the `` date YYYY-MM-DD`` prefix removed."""
    first, rest = seed_text.split("\n", 1)
    words = first.split()
    if words[:1] == ["date"]:
        first = " ".join(words[2:])
    return f"{first}\n{rest}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="show what differs")
    args = parser.parse_args()
    articles = sorted(args.corpus.glob("*.txt"))
    if not articles:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1
    options = ReadOptions()
    same_markup = same_plain = same_text = 0
    events = 0
    for number, path in enumerate(articles):
        document = read_document(path, options)
        expected = extract_document(document)
        events += len(expected)
        shape = SHAPES[number % len(SHAPES)]
        page = read_text(news_page(document, shape), source=str(path), options=options)
        page_docs = [d for d in page if isinstance(d, Document)]
        page_events = [e for d in page_docs for e in extract_document(d)]
        same_text += [d.text.split() for d in page_docs] == [document.text.split()]
        if event_dates(page_events) == event_dates(expected):
            same_markup += 1
        elif args.verbose:
            print(f"markup ({shape}) differs: {path.name}\n  text: {event_dates(expected)}\n"
                  f"  page: {event_dates(page_events)}")
        copy = read_text(plain_copy(path.read_text("utf-8")), source=str(path), options=options)
        copy_events = [e for d in copy if isinstance(d, Document) for e in extract_document(d)]
        if calendar_view(copy_events) == calendar_view(expected):
            same_plain += 1
        elif args.verbose:
            print(f"plain copy differs: {path.name}")
    total = len(articles)
    print(f"{total} articles, {events} events in their text")
    print(f"pages that give back the article's body word for word: {same_text}/{total}")
    print(f"markup (nav, ads, related links, footer; 4 date shapes): {same_markup}/{total} "
          "give the same event dates as the text")
    print(f"plain copies without the 'date' prefix: {same_plain}/{total} give the same events")
    return 0 if same_markup == same_plain == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
