"""Bench: generate N synthetic news articles and ingest them into a fresh store.

    .venv/bin/python bench/ingest.py                 # N = 1k and 10k, 1 and 2 workers
    .venv/bin/python bench/ingest.py --full          # also N = 100k
    .venv/bin/python bench/ingest.py --sizes 5000 --workers 2

Each run prints articles/s and events/s of a first ingest, the store's size, the peak
memory (the writer's and the largest worker's resident set), and the time of an unchanged
re-ingest. Every ingest runs in a child process so peak memory is its own. Bars (issue 5):
100k articles in under 10 minutes on 2 cores; unchanged re-ingest >= 5,000 articles/s;
peak memory < 1 GB.

``--parser quick`` swaps the parser for a regex stand-in, which shows what the store costs.

Articles are written from templates with a fixed seed: about 450 words (3 KB) with 6 to 12
dated sentences each (absolute dates, ranges, times, relative and anaphoric expressions),
the density of the seed article, with dated sentences among undated ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from timeline.document import Document
from timeline.event import Event, Source

MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ORGS = ("the Korea Chamber of Commerce and Industry", "the European Commission",
        "the Ministry of Trade", "Samsung Electronics", "the Federal Reserve",
        "the World Health Organization", "the city council", "Hyundai Motor",
        "the U.N. Security Council", "the central bank", "the state legislature",
        "the National Assembly", "Toyota", "the International Monetary Fund")
PEOPLE = ("Chey Tae-won", "Ursula von der Leyen", "Governor Maria Lopez", "Finance Minister Kim",
          "Chairman Powell", "Prime Minister Ishiba", "Mayor Adams", "Secretary Blinken")
PLACES = ("Washington", "Seoul", "Brussels", "Tokyo", "Geneva", "New York", "Busan", "Berlin",
          "the Great Hall of the Thomas Jefferson Building", "the Lotte Hotel in Seoul")
EVENTS = ("summit", "gala dinner", "trade forum", "board meeting", "press conference",
          "public hearing", "policy dialogue", "shareholders' meeting", "election",
          "investment conference", "signing ceremony", "state visit")
FILLER = (
    "Analysts said the talks would focus on tariffs, supply chains and energy security.",
    "{org} declined to comment on the details of the negotiations.",
    "The delegation includes representatives of twenty conglomerates and several banks.",
    "Investment between the two countries has grown steadily over the past decade.",
    "{person} said the goal is to expand communication channels between the governments.",
    "Officials expect some 100 lawmakers and business leaders to attend.",
    "Critics argue the plan does little to address the concerns of small businesses.",
    "Shares of exporters rose 2.3 percent in morning trading in {place}.",
    "The agenda has not been finalized, according to a person familiar with the matter.",
    "\"We are ready to work with our partners,\" {person} told reporters.",
    "The proposal still needs the approval of {org}.",
    "Several governors from states with large Korean investments are also invited.",
)


def date_phrase(rng: random.Random, dct: date) -> str:
    """A temporal expression of one of the shapes news uses, around the DCT."""
    day = dct + timedelta(days=rng.randint(-60, 90))
    month = MONTHS[day.month - 1]
    shape = rng.randrange(10)
    if shape == 0:
        if day.day < 28:
            return f"on {month} {day.day} and {day.day + 1}"
        return f"on {month} {day.day}"
    if shape == 1:
        return f"from {month} {day.day} to {month} {min(day.day + 3, 28)}"
    if shape == 2:
        return f"at {rng.randint(8, 20)}:{rng.choice(('00', '30'))} p.m. on {month} {day.day}"
    if shape == 3:
        return rng.choice(("later this month", "next month", "early next year", "last year"))
    if shape == 4:
        return f"next {rng.choice(WEEKDAYS)}"
    if shape == 5:
        return rng.choice(("the following day", "two days later", "the same day"))
    if shape == 6:
        return f"in {day.strftime('%B')} {day.year}"
    return f"on {month} {day.day}, {day.year}" if shape == 7 else f"on {month} {day.day}"


def dated_sentence(rng: random.Random, dct: date) -> str:
    """A sentence that a calendar should turn into an event."""
    when = date_phrase(rng, dct)
    org, place, event = rng.choice(ORGS), rng.choice(PLACES), rng.choice(EVENTS)
    templates = (
        f"{org.capitalize()} will hold a {event} in {place} {when}.",
        f"The {event} is scheduled to take place in {place} {when}, officials said.",
        f"{rng.choice(PEOPLE)} will attend the {event} hosted by {org} {when}.",
        f"{org.capitalize()} held its annual {event} in {place} {when}.",
        f"A {event} with {org} is expected {when} in {place}.",
    )
    return rng.choice(templates)


def write_corpus(folder: Path, count: int, seed: int = 5) -> int:
    """``count`` articles in the seed format under ``folder`` (1,000 per subfolder); bytes."""
    rng = random.Random(seed)
    written = 0
    for number in range(count):
        dct = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        headline = dated_sentence(rng, dct).rstrip(".")
        paragraphs: list[str] = []
        for _ in range(rng.randint(6, 12)):
            sentences = [dated_sentence(rng, dct)]
            sentences += [rng.choice(FILLER).format(org=rng.choice(ORGS), place=rng.choice(PLACES),
                                                    person=rng.choice(PEOPLE))
                          for _ in range(rng.randint(1, 3))]
            rng.shuffle(sentences)
            paragraphs.append(" ".join(sentences))
        published = (f"Published: {dct.day:02d} {dct.strftime('%b')}. {dct.year}, "
                     f"{rng.randint(6, 22):02d}:{rng.randrange(60):02d}")
        text = f" date {dct.isoformat()} {headline}\n{published}\n" + "\n".join(paragraphs) + "\n"
        path = folder / f"{number // 1000:04d}" / f"article-{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written


_MONTH_DAY = re.compile(r"\b(" + "|".join(re.escape(m) for m in MONTHS) + r") (\d{1,2})\b")


def quick_parse(document: Document) -> list[Event]:
    """A regex stand-in for the parser (``--parser quick``), to time the store alone."""
    events: list[Event] = []
    for match in _MONTH_DAY.finditer(document.text):
        start = date(document.dct.year, MONTHS.index(match[1]) + 1, min(int(match[2]), 28))
        sentence_start = document.text.rfind(". ", 0, match.start()) + 1
        sentence_end = document.text.find(". ", match.end())
        evidence = document.text[sentence_start:sentence_end].strip()
        uid = hashlib.sha256(f"{document.id}\0{len(events)}".encode()).hexdigest()[:24]
        events.append(Event(
            uid=f"{uid}@bench", title=" ".join(evidence.split()[:8]), start=start, end=None,
            granularity="day", kind="scheduled" if start >= document.dct.date() else "past",
            sources=(Source(document=document.id, evidence=evidence, trigger=match[0],
                            sentence_start=sentence_start, sentence_end=sentence_end,
                            trigger_start=match.start(), trigger_end=match.end(),
                            document_title=document.title,
                            document_dct=document.dct.isoformat()),)))
    return events


def child(db: str, corpus: str, workers: int, parser: str) -> None:
    """One ingest in this process; prints its report and peak memory as JSON."""
    from timeline.store import Store
    from timeline.store_ingest import ingest

    with Store.open(db) as store:
        report = ingest(store, [corpus], workers=workers,
                        parse=quick_parse if parser == "quick" else None)
        documents, events = store.counts()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": report.seconds, "read": report.read, "new": report.new,
                      "unchanged": report.unchanged, "failed": report.failed,
                      "added": report.added, "documents": documents, "events": events,
                      "rss_kb": own, "worker_rss_kb": workers_peak}))


def run_child(db: Path, corpus: Path, workers: int, parser: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--child", str(db), str(corpus),
                             str(workers), parser], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"ingest failed:\n{result.stderr}")
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def store_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def cost_split(corpus: Path, sample: int = 300) -> None:
    """Seconds per article of the tagger, the NLP layer's parse and the passes, in-process."""
    from timeline.events.frame import PASSES, frame
    from timeline.events.story import Story
    from timeline.readers import read_document
    from timeline.temporal import tag

    documents = [read_document(p) for p in sorted(corpus.rglob("*.txt"))[:sample]]
    frame(documents[0], tag(documents[0].text, documents[0].dct))  # load the model first
    unparsed = [p.name for p in PASSES if p.needs_parse]
    tagger = candidates = nlp = total = 0.0
    for document in documents:
        started = time.perf_counter()
        timexes = tag(document.text, document.dct)
        tagged = time.perf_counter()
        drafts = frame(document, timexes, skip=unparsed)
        drafted = time.perf_counter()
        Story(document, timexes).parse_all(drafts)
        parsed = time.perf_counter()
        frame(document, timexes)
        done = time.perf_counter()
        tagger += tagged - started
        candidates += drafted - tagged
        nlp += parsed - drafted
        total += done - parsed
    passes = max(0.0, total - candidates - nlp)
    whole = tagger + total
    per = 1000 / len(documents)
    print(f"  cost split on {len(documents)} articles, one process: tagger {tagger * per:.1f} ms, "
          f"nlp {nlp * per:.1f} ms, candidates {candidates * per:.1f} ms, other passes "
          f"{passes * per:.1f} ms per article ({len(documents) / whole:,.0f} articles/s)")


def bench(sizes: list[int], workers: list[int], keep: bool, parser: str) -> None:
    root = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    try:
        for count in sizes:
            corpus = root / f"corpus-{count}"
            started = time.monotonic()
            size = write_corpus(corpus, count)
            print(f"N = {count:,}: {size / 1e6:,.1f} MB of articles "
                  f"({size / count / 1e3:.1f} KB each), written in "
                  f"{time.monotonic() - started:.1f} s")
            if parser == "real":
                cost_split(corpus)
            for count_workers in workers:
                db = root / f"store-{count}-{count_workers}.db"
                first = run_child(db, corpus, count_workers, parser)
                again = run_child(db, corpus, count_workers, parser)
                seconds = first["seconds"]
                peak = max(first["rss_kb"], again["rss_kb"]) / 1024
                worker_peak = first["worker_rss_kb"] / 1024
                print(f"  workers={count_workers}: {first['new']:,.0f} articles in "
                      f"{seconds:.1f} s = {first['new'] / seconds:,.0f} articles/s, "
                      f"{first['added'] / seconds:,.0f} events/s "
                      f"({first['events']:,.0f} events, {first['failed']:.0f} failed)")
                print(f"    store {store_size(db) / 1e6:,.1f} MB; peak memory: writer "
                      f"{peak:,.0f} MB, largest worker {worker_peak:,.0f} MB")
                print(f"    unchanged re-ingest: {again['seconds']:.2f} s = "
                      f"{again['unchanged'] / again['seconds']:,.0f} articles/s "
                      f"({again['unchanged']:,.0f} unchanged)")
                if count >= 100_000:
                    print(f"    bars: ingest {seconds / 60:.1f} min (< 10 on 2 cores), "
                          f"re-ingest {again['unchanged'] / again['seconds']:,.0f}/s "
                          f"(>= 5,000), peak {max(peak, worker_peak):,.0f} MB (< 1,024)")
    finally:
        if keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000],
                        help="article counts (default: 1000 10000)")
    parser.add_argument("--full", action="store_true", help="also N = 100,000")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="worker counts (default: 1 2)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and stores")
    parser.add_argument("--parser", choices=("real", "quick"), default="real",
                        help="the project's parser, or a regex stand-in to time the store alone")
    parser.add_argument("--child", nargs=4, metavar=("DB", "CORPUS", "WORKERS", "PARSER"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]), args.child[3])
        return
    sizes = args.sizes + ([100_000] if args.full and 100_000 not in args.sizes else [])
    print(f"parser: {args.parser}")
    bench(sizes, args.workers, args.keep, args.parser)


if __name__ == "__main__":
    main()
