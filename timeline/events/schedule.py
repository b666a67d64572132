"""Pass ``schedule``: a day event whose sentence states one clock time for that day is timed.

Fixture lists and timetables give the day first and the time later in the item ("Saturday
March 8: Rovers v United, kick-off 5.30pm"; "on Saturday, March 8 at 7:20 p.m."). When the
sentence holds exactly one clock time (or one clock range) that the tagger resolved to the
event's own day, and no other event of the story took it, the event starts at that time. The
zone pass then reads the clock's zone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.framer import value_to_when
from timeline.timex import Timex


def _clock(value: str) -> datetime | None:
    """The wall-clock moment a TIME value names ("2025-03-08T17:30"), else None."""
    when = value_to_when(value)
    return when[0] if when is not None and isinstance(when[0], datetime) else None


def _clocks_of(story: Story, event: Event) -> list[Timex]:
    """The clock times of the event's sentence that fall on the event's day."""
    source = event.source
    end = source.sentence_end or source.sentence_start + len(source.evidence)
    return [t for t in story.timexes_from(source.sentence_start, end) if t.type == "TIME"
            and (moment := _clock(t.value)) is not None and moment.date() == event.first_day]


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events with the one clock time their sentence gives their day."""
    taken = {e.source.sentence_start for e in events if not e.is_all_day}
    out: list[Event] = []
    for event in events:
        if not event.is_all_day or event.granularity != "day" or (
                event.end is not None and event.end != event.start) \
                or event.source.sentence_start in taken:
            out.append(event)
            continue
        clocks = _clocks_of(story, event)
        opening = [c for c in clocks if c.range_start is None]
        if len(opening) != 1 or len(clocks) > 2:
            out.append(event)
            continue
        first = opening[0]
        closing = next((c for c in clocks if c.range_start is not None), None)
        zone = ZoneInfo(event.tz) if event.tz else story.document.dct.tzinfo
        opening_at = _clock(first.value)
        assert opening_at is not None
        start = opening_at.replace(tzinfo=zone)
        closing_at = _clock(closing.value) if closing is not None else None
        end = closing_at.replace(tzinfo=zone) if closing_at is not None else None
        trigger = f"{event.source.trigger} | {first.text}"
        sources = (replace(event.source, trigger=trigger), *event.sources[1:])
        out.append(story.changed(event, "schedule", start=start,
                                 end=end if end and end > start else None,
                                 granularity="time", sources=sources))
    return out


PASS = Pass("schedule", run, __doc__.splitlines()[0], needs_parse=False)
