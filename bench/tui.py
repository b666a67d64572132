"""Bench the terminal UI on a 100k-event timeline with Pilot (issue 8's bars).

Prints the time to the first screen and the median / p95 key-to-repaint time for j,
PageDown, G and a 3-letter `/` search. Run: ``.venv/bin/python bench/tui.py [--events N]``
for a timeline built in memory, or ``--db PATH`` to browse a store as ``timeline browse
--db PATH`` does (the store is built at PATH once, if missing, and reused).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events

from timeline.event import Event, Source
from timeline.store import ParsedDocument, ParsedEvent, Store, event_hash
from timeline.timeline import Timeline
from tui.app import TimelineApp
from tui.backend import Backend

WORDS = ("summit trade forum tariff gala dinner talks delegation minister visit expo "
         "conference election vote launch briefing hearing strike rally treaty accord "
         "budget report meeting ceremony festival").split()
PLACES = ("Washington", "Seoul", "Tokyo", "Berlin", "Paris", "Nairobi", "Lima", None)
BARS = {"first screen": 1000.0, "j (loading)": float("inf"), "all loaded": float("inf"),
        "j": 50.0, "PageDown": 50.0,
        "G": 50.0, "/ search": 200.0}


def synthetic(count: int, seed: int = 8) -> Timeline:
    """``count`` events over ten years: timed, all-day, multi-day, coarse, merged."""
    rng = random.Random(seed)
    first = date(2016, 1, 1)
    events = []
    for number in range(count):
        day = first + timedelta(days=rng.randrange(3650))
        shape = rng.random()
        start: date | datetime = day
        end: date | datetime | None = None
        granularity = "day"
        if shape < 0.3:
            start = datetime(day.year, day.month, day.day, rng.randrange(24), 0, tzinfo=UTC)
            granularity = "time"
        elif shape < 0.4:
            end = day + timedelta(days=rng.randrange(1, 5))
        elif shape < 0.43:
            start, granularity = day.replace(day=1), "month"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 6))).capitalize()
        sources = tuple(
            Source(document=f"news/{rng.randrange(20000):05d}.txt", evidence=title + ".",
                   trigger="on that day", document_title=f"Story {number}")
            for _ in range(1 + (rng.random() < 0.1)))
        events.append(Event(uid=f"e{number:06d}", title=title, start=start, end=end,
                            granularity=granularity,  # type: ignore[arg-type]
                            kind="past" if day < date(2024, 1, 1) else "scheduled",
                            sources=sources, location=rng.choice(PLACES)))
    return Timeline.of(events)


def build_store(path: Path, count: int, seed: int = 8) -> None:
    """A store of ``count`` events in articles of ten, as ingest would write them.

    Titles mix a common word (for searching) with made-up ones, so that merging folds
    only some reports together, as in a real corpus.
    """
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    timeline = synthetic(count, seed)
    with Store.open(path) as store:
        per_document = 10
        for number in range(0, count, per_document):
            name = f"/bench/news/{number // per_document:06d}.txt"
            parsed = []
            for position, event in enumerate(timeline.events[number:number + per_document]):
                made_up = " ".join("".join(rng.choice(syllables) for _ in range(3))
                                   for _ in range(rng.randrange(2, 4)))
                source = Source(document=name, evidence=event.source.evidence,
                                trigger=event.source.trigger, document_title=f"Story {number}")
                data = Event(uid=f"{event.uid}@bench", title=f"{event.title} {made_up}",
                             start=event.start, end=event.end, granularity=event.granularity,
                             kind=event.kind, sources=(source,),
                             location=event.location).to_json()
                parsed.append(ParsedEvent(uid=data["uid"], position=position,
                                          data=json.dumps(data, separators=(",", ":")),
                                          content_hash=event_hash(data)))
            store.write_document(ParsedDocument(
                identity=name, path=name, url=None, content_hash=str(number),
                dct="2024-01-01T00:00:00+00:00", title=f"Story {number}",
                events=tuple(parsed)))


def ms(seconds: float) -> float:
    return seconds * 1000


async def measure(backend: Backend, repeats: int) -> dict[str, list[float]]:
    """Open the app, then time keys; each time ends when the new screen is painted."""
    results: dict[str, list[float]] = {}
    started = time.perf_counter()
    app = TimelineApp(backend, today=date(2021, 6, 15))
    async with app.run_test(size=(120, 40)) as pilot:
        async def timed(key: str) -> float:
            # Pilot.press sleeps until the process is idle after each key; post the key
            # the way the driver does, wait for the messages it caused, paint, and stop.
            begin = time.perf_counter()
            character = key if len(key) == 1 else None
            event = events.Key(key, character)
            event.set_sender(app)
            app.post_message(event)
            await pilot._wait_for_screen()
            app.screen._on_timer_update()
            return ms(time.perf_counter() - begin)

        while getattr(app.screen, "rows", None) is None:  # laid out by a worker
            await asyncio.sleep(0.002)
        await pilot._wait_for_screen()
        app.screen._on_timer_update()
        first = len(app.screen.rows.timeline)  # type: ignore[attr-defined]
        results["first screen"] = [ms(time.perf_counter() - started)]
        # Keys while the rest of a store loads behind the first screen (from a store only).
        busy = [await timed("j") for _ in range(20) if getattr(app.screen, "partial", False)]
        if busy:
            results["j (loading)"] = busy
        await app.workers.wait_for_complete()
        loaded = len(app.screen.rows.timeline)  # type: ignore[attr-defined]
        results["all loaded"] = [ms(time.perf_counter() - started)]
        print(f"first screen showed {first:,} events; then all {loaded:,} were loaded")
        await pilot.pause(0.5)  # let the background search index finish

        results["j"] = [await timed("j") for _ in range(repeats)]
        results["PageDown"] = [await timed("pagedown") for _ in range(repeats)]
        results["G"] = []
        for _ in range(max(5, repeats // 10)):
            await pilot.press("g")
            results["G"].append(await timed("G"))
        results["/ search"] = []
        for word in ("sum", "gal", "exp", "tre", "bud", "vot", "ral", "tal", "lau", "hea"):
            await pilot.press("slash", *word[:2])
            results["/ search"].append(await timed(word[2]))
            await pilot.press("escape")
    return results


def main() -> None:
    """Build the timeline, run the bench, print one line per measure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--db", type=Path, help="browse this store (built if missing)")
    args = parser.parse_args()
    built = time.perf_counter()
    if args.db is not None:
        if not args.db.exists():
            build_store(args.db, args.events)
            print(f"store: {args.events:,} events written to {args.db} in "
                  f"{time.perf_counter() - built:.1f} s (not timed below)")
        with Store.open(args.db, create=False) as store:
            documents, stored = store.counts()
        print(f"store: {args.db} holds {stored:,} events from {documents:,} articles")
        backend = Backend(db=str(args.db))
    else:
        timeline = synthetic(args.events)
        print(f"timeline: {len(timeline):,} synthetic events built in "
              f"{time.perf_counter() - built:.1f} s (not timed below)")
        backend = Backend(timeline=timeline)
    results = asyncio.run(measure(backend, args.repeats))
    failed = False
    for name, values in results.items():
        values.sort()
        median = statistics.median(values)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        worst = median if name == "first screen" else p95
        ok = worst < BARS[name]
        failed |= not ok
        bar = f"bar {BARS[name]:.0f} ms: {'ok' if ok else 'MISSED'}" \
            if BARS[name] != float("inf") else "no bar: shown for information"
        print(f"{name:<13} median {median:7.1f} ms  p95 {p95:7.1f} ms  ({bar})")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
