"""Bench: export 100k synthetic events to .ics, cold and then warm with 100 of them changed.

    .venv/bin/python bench/ics_export.py [--events 100000] [--changed 100]

Cold serialises every VEVENT with icalendar; warm re-exports through the same
:class:`~timeline.ics.VeventCache` after ``--changed`` events got a new title, which is
what a feed does after an ingest. The bar (issue 6) is warm < 1 s for 100k/100.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from timeline.event import Event, Source
from timeline.ics import CalendarOptions, VeventCache, export_ics
from timeline.timeline import Timeline

ZONES = ("America/New_York", "Europe/Berlin", "Asia/Seoul", "Australia/Sydney", "Asia/Kolkata")


def synthetic_events(count: int) -> list[Event]:
    """Events over ten years: all-day, multi-day and timed in five zones, a source each."""
    events: list[Event] = []
    first = date(2020, 1, 1)
    for number in range(count):
        day = first + timedelta(days=number % 3650)
        source = Source(
            document=f"corpus/article-{number // 5:06d}.txt",
            evidence=f"Officials said the meeting number {number} will take place, as planned.",
            trigger=f"on {day:%b. %d}",
            document_title=f"Article {number // 5}",
            document_dct=f"{day - timedelta(days=7)}T09:00:00+00:00",
            url=f"https://news.example.invalid/{number // 5}",
        )
        shape = number % 4
        start: date | datetime = day
        end: date | datetime | None = None
        tz: str | None = None
        granularity: str = "day"
        if shape == 1:
            end = day + timedelta(days=2)
        elif shape >= 2:
            tz = ZONES[number % len(ZONES)]
            start = datetime(day.year, day.month, day.day, 9 + number % 9, tzinfo=ZoneInfo(tz))
            end = start + timedelta(hours=2)
            granularity = "time"
        events.append(Event(
            uid=f"{number:08d}@bench.newstimeline.invalid", title=f"Meeting {number}",
            start=start, end=end, granularity="time" if granularity == "time" else "day",
            kind="scheduled", sources=(source,), tz=tz, location="Washington",
            derivation="explicit date", tags=("bench",),
        ))
    return events


def main() -> None:
    """Print cold and warm export times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100)
    args = parser.parse_args()

    timeline = Timeline.of(synthetic_events(args.events))
    options = CalendarOptions()
    cache = VeventCache()

    began = time.perf_counter()
    cold = export_ics(timeline, options, cache=cache)
    cold_secs = time.perf_counter() - began

    # A store or a re-parse hands over new Event objects with the same content, so the
    # warm runs get fresh objects: the cache must hit on content, not on identity.
    fresh = Timeline.of(synthetic_events(args.events))
    began = time.perf_counter()
    again = export_ics(fresh, options, cache=cache)
    same_secs = time.perf_counter() - began

    changed = list(Timeline.of(synthetic_events(args.events)).events)
    step = max(1, len(changed) // max(1, args.changed))
    for index in range(0, len(changed), step)[: args.changed]:
        event = changed[index]
        changed[index] = dataclasses.replace(event, title=event.title + " (moved)")
    edited = Timeline(tuple(changed))
    misses = cache.misses
    began = time.perf_counter()
    warm = export_ics(edited, options, cache=cache)
    warm_secs = time.perf_counter() - began

    events = timeline.events
    print(f"events: {len(events):,}  bytes: {len(cold):,}")
    print(f"cold: {cold_secs:.2f} s ({len(events) / cold_secs:,.0f} events/s)")
    print(f"warm, nothing changed: {same_secs:.3f} s  byte-identical: {again == cold}")
    print(f"warm, {cache.misses - misses} changed: {warm_secs:.3f} s  "
          f"(bar < 1 s: {'OK' if warm_secs < 1 else 'MISSED'})  size: {len(warm):,}")


if __name__ == "__main__":
    main()
