"""Pass ``schedule``: a day event whose sentence states one clock time for that day is timed.

Fixture lists and timetables give the day first and the time later in the item ("Saturday
March 8: Rovers v United, kick-off 5.30pm"; "on Saturday, March 8 at 7:20 p.m."). When the
sentence holds exactly one clock time (or one clock range) that the tagger resolved to the
event's own day, and no other event of the story took it, the event starts at that time. The
zone pass then reads the clock's zone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from zoneinfo import ZoneInfo

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.timex import Timex


def _clock(value: str) -> tuple[str, time] | None:
    """ "2025-03-08T17:30" -> ("2025-03-08", 17:30)."""
    day, sep, clock = value.partition("T")
    if not sep or len(clock) < 5 or not clock[:2].isdigit() or not clock[3:5].isdigit():
        return None
    return day, time(int(clock[:2]), int(clock[3:5]))


def _clocks_of(story: Story, event: Event) -> list[Timex]:
    """The clock times of the event's sentence that fall on the event's day."""
    source = event.source
    end = source.sentence_end or source.sentence_start + len(source.evidence)
    day = event.first_day.isoformat()
    return [t for t in story.timexes if t.type == "TIME" and source.sentence_start <= t.start < end
            and (parsed := _clock(t.value)) is not None and parsed[0] == day]


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
        start_clock = _clock(first.value)
        assert start_clock is not None
        start = datetime.combine(event.first_day, start_clock[1], tzinfo=zone)
        end = None
        if closing is not None and (end_clock := _clock(closing.value)) is not None:
            end = datetime.combine(event.first_day, end_clock[1], tzinfo=zone)
        story.note(event, "schedule")
        trigger = f"{event.source.trigger} | {first.text}"
        sources = (replace(event.source, trigger=trigger), *event.sources[1:])
        out.append(replace(event, start=start, end=end if end and end > start else None,
                           granularity="time", sources=sources))
    return out


PASS = Pass("schedule", run, __doc__.splitlines()[0], needs_parse=False)
