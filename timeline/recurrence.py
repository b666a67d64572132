"""Expand recurring events (RRULE, RDATE, EXDATE) into their occurrences, for lists and views.

The rules come from imported .ics files; ``recurring-ical-events`` reads them as calendar
clients do (time zones, EXDATE, RDATE with periods). Each occurrence is an ordinary event
whose uid is the series uid plus ``#`` and the occurrence's start, as an .ics RECURRENCE-ID
import names it. An export writes the series, never the occurrences.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.event import Event, day_of
from timeline.timeline import Timeline

#: A rule with no end is shown this long after its first occurrence when no range is given.
OPEN_ENDED = timedelta(days=366)


def expand(events: Timeline, first: date | None = None,
           last: date | None = None) -> Timeline:
    """The events with each recurring one replaced by its occurrences in ``first``..``last``.

    Without a range a series is expanded from its start to the latest day of the other
    events, and at least :data:`OPEN_ENDED` on. A timeline without series comes back as it
    is (no copy, no re-sort: the browser calls this on 100k events).
    """
    if not any(event.recurrence for event in events.events):
        return events
    plain: list[Event] = []
    series: list[Event] = []
    for event in events:
        (series if event.recurrence else plain).append(event)
    latest = max((e.last_day for e in plain), default=None)
    occurrences = list(plain)
    for event in series:
        begin = first if first is not None else event.first_day
        end = last
        if end is None:
            end = max(latest or event.first_day, event.first_day + OPEN_ENDED)
        occurrences.extend(occurrences_of(event, begin, end))
    return Timeline.of(occurrences)


def occurrences_of(event: Event, first: date, last: date) -> list[Event]:
    """The occurrences of a recurring event that overlap the inclusive range ``first``..``last``."""
    # Imported here: they cost a third of a second, and most timelines have no series.
    import icalendar
    import recurring_ical_events

    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstart", event.start)
    length = _length(event)
    if length:
        component.add("duration", length)
    lines = "\r\n".join(event.recurrence)
    rules = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{lines}\r\nEND:VEVENT\r\n")
    for name in ("RRULE", "RDATE", "EXDATE"):
        if name in rules:
            component[name] = rules[name]
    calendar = icalendar.Calendar()
    calendar.add_component(component)
    found = recurring_ical_events.of(calendar).between(first, last + timedelta(days=1))
    result: list[Event] = []
    for occurrence in found:
        start = occurrence.decoded("DTSTART")
        if isinstance(event.start, datetime) and isinstance(start, datetime):
            start = start.astimezone(event.start.tzinfo)
        elif isinstance(start, datetime):
            start = start.date()
        end = None if event.end is None else _shifted(event.end, start, event.start)
        stamp = start.strftime("%Y%m%dT%H%M%S") if isinstance(start, datetime) \
            else start.strftime("%Y%m%d")
        result.append(replace(event, uid=f"{event.uid}#{stamp}", start=start, end=end,
                              recurrence=()))
    return result


def _length(event: Event) -> timedelta | None:
    """How long one occurrence lasts (None for a single point in time or day)."""
    if event.end is None:
        return None
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        return event.end - event.start
    return timedelta(days=(day_of(event.end) - day_of(event.start)).days + 1)


def _shifted(end: date | datetime, start: date | datetime,
             series_start: date | datetime) -> date | datetime:
    """The series' end moved by as much as this occurrence's start moved."""
    if isinstance(end, datetime) and isinstance(start, datetime) \
            and isinstance(series_start, datetime):
        return start + (end - series_start)
    return day_of(end) + (day_of(start) - day_of(series_start))
