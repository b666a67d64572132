"""The rows the timeline list shows: day headings and event rows, built once per view.

Building happens in a worker thread; the list widget only indexes into the result, so
scrolling a 100k-event timeline never walks the events again.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import overload

from timeline.event import Event
from timeline.query import searchable_text
from timeline.timeline import Timeline

#: Longest day-granular span that gets a row on every day it covers; longer spans show
#: their first and last day only, so one long event cannot flood the list.
MAX_SPREAD_DAYS = 31

_COARSE_HINT = {
    "year": "sometime this year",
    "month": "sometime this month",
    "week": "sometime this week",
}


@dataclass(slots=True)
class Heading:
    """A heading row: a day, or a coarse period (month, week, year) with its hint."""

    day: date
    label: str
    coarse: bool = False


@dataclass(slots=True)
class Entry:
    """An event row; multi-day events have one row per day, ``part`` of ``parts``."""

    day: date
    event: int
    part: int = 1
    parts: int = 1


Row = Heading | Entry


def heading_label(day: date, granularity: str) -> str:
    """The heading text for a day or a coarse period starting on ``day``."""
    if granularity == "year":
        return f"{day.year} · {_COARSE_HINT['year']}"
    if granularity == "month":
        return f"{day.strftime('%b %Y')} · {_COARSE_HINT['month']}"
    if granularity == "week":
        iso = day.isocalendar()
        return f"Week {iso.week}, {iso.year} (from {day.strftime('%a %d %b')}) · sometime this week"
    return day.strftime("%a %d %b %Y")


def _span_days(event: Event) -> int:
    """How many calendar days a day- or time-granular event covers."""
    if event.end is None or event.is_coarse:
        return 1
    return (event.last_day - event.first_day).days + 1


class RowView(Sequence[Row]):
    """The rows as records, made on demand from :class:`Rows`' compact columns."""

    __slots__ = ("_owner",)

    def __init__(self, owner: Rows) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return len(self._owner.row_event)

    @overload
    def __getitem__(self, row: int) -> Row: ...

    @overload
    def __getitem__(self, row: slice) -> list[Row]: ...

    def __getitem__(self, row: int | slice) -> Row | list[Row]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        owner = self._owner
        code = owner.row_event[row]
        if code < 0:
            return owner.headings[~code]
        part, parts = owner.spans.get(row, (1, 1))
        return Entry(owner.days[row], code, part, parts)


@dataclass(slots=True, repr=False)
class Rows:
    """The list's rows for one filtered timeline, with the indexes navigation needs.

    Rows are kept as columns (event index or ~heading index, day, multi-day part) rather
    than one object per row: laying out 100k events must fit in the first-screen budget.
    """

    timeline: Timeline
    #: Per row: the event's index, or ``~i`` for heading ``i``.
    row_event: list[int] = field(default_factory=list)
    #: The day of every row, for bisecting to a date.
    days: list[date] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    #: (part, parts) of rows of multi-day events; other rows are (1, 1).
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: Row index of the first row of each event (its start day).
    first_row: list[int] = field(default_factory=list)
    #: Lower-cased searchable text of each event, built lazily on the first search.
    _texts: list[str] | None = None
    #: Events starting or running on each day, for the month grid.
    per_day: Counter[date] = field(default_factory=Counter)

    @property
    def rows(self) -> RowView:
        """The rows as :class:`Heading` and :class:`Entry` records."""
        return RowView(self)

    @classmethod
    def build(cls, timeline: Timeline, *, today: date | None = None) -> Rows:
        """Lay out a timeline: headings, then one row per event and day it covers.

        With ``today``, a day with no events of its own still gets a heading, so the
        list always shows where today falls.
        """
        result = cls(timeline)
        row_event, days, headings = result.row_event, result.days, result.headings
        spans = result.spans
        first_row = [0] * len(timeline.events)
        heading_key: tuple[date, str] | None = None
        marked = today is None

        def mark_today() -> None:
            assert today is not None
            row_event.append(~len(headings))
            headings.append(Heading(today, f"{heading_label(today, 'day')} · no events"))
            days.append(today)

        for day, granularity, index, part, parts in _placements(timeline):
            if not marked and today is not None and day >= today:
                if day > today:
                    mark_today()
                marked = day > today or granularity == "day"
            if (day, granularity) != heading_key:
                heading_key = (day, granularity)
                row_event.append(~len(headings))
                headings.append(Heading(day, heading_label(day, granularity),
                                        granularity != "day"))
                days.append(day)
            if part == 1:
                first_row[index] = len(row_event)
            if parts > 1:
                spans[len(row_event)] = (part, parts)
            row_event.append(index)
            days.append(day)
        if not marked and timeline.events:
            mark_today()
        result.first_row = first_row
        result.per_day = Counter(day for day, code in zip(days, row_event, strict=True)
                                 if code >= 0 and not timeline.events[code].is_coarse)
        return result

    def __len__(self) -> int:
        return len(self.row_event)

    @property
    def texts(self) -> list[str]:
        """Searchable text per event (title, place, sources), computed once."""
        if self._texts is None:
            self._texts = [searchable_text(e) for e in self.timeline.events]
        return self._texts

    def event_at(self, row: int) -> Event | None:
        """The event shown on a row, or None for a heading."""
        if 0 <= row < len(self.row_event):
            code = self.row_event[row]
            if code >= 0:
                return self.timeline.events[code]
        return None

    def nearest_entry(self, row: int, step: int = 1) -> int | None:
        """The first event row at or after ``row`` going in direction ``step``."""
        codes = self.row_event
        while 0 <= row < len(codes):
            if codes[row] >= 0:
                return row
            row += step
        return None

    def row_on_or_after(self, day: date) -> int | None:
        """The first event row on or after ``day``, falling back to the last event row."""
        index = bisect.bisect_left(self.days, day)
        found = self.nearest_entry(index)
        return found if found is not None else self.nearest_entry(len(self.rows) - 1, -1)

    def row_before(self, day: date) -> int | None:
        """The first event row of the last day with events before ``day``."""
        index = bisect.bisect_left(self.days, day) - 1
        if index < 0:
            return None
        previous = self.days[index]
        return self.nearest_entry(bisect.bisect_left(self.days, previous))

    def row_nearest(self, day: date) -> int | None:
        """The event row whose day is closest to ``day`` (later wins a tie)."""
        after = bisect.bisect_left(self.days, day)
        candidates = [r for r in (self.nearest_entry(after), self.nearest_entry(after - 1, -1))
                      if r is not None]
        if not candidates:
            return None
        return min(candidates, key=lambda r: (abs((self.days[r] - day).days), -r))

    def row_of_uid(self, uid: str) -> int | None:
        """The first row of the event with this uid."""
        for index, event in enumerate(self.timeline.events):
            if event.uid == uid:
                return self.first_row[index]
        return None

    def search(self, needle: str) -> list[int]:
        """Rows (start rows only) of the events whose text contains every word of ``needle``."""
        words = needle.lower().split()
        if not words:
            return []
        first_row = self.first_row
        if len(words) == 1:
            word = words[0]
            hits = [first_row[i] for i, text in enumerate(self.texts) if word in text]
        else:
            hits = [first_row[i] for i, text in enumerate(self.texts)
                    if all(w in text for w in words)]
        hits.sort()
        return hits


def _placements(timeline: Timeline) -> Iterator[tuple[date, str, int, int, int]]:
    """(day, heading granularity, event index, part, parts) in display order.

    Per start day: coarse periods first (year, month, week), then the days that events
    begun earlier still cover ("continues"), then the day's own events in time order. Later
    days of multi-day events wait in a heap so the common single-day case stays a loop.
    """
    later: list[tuple[date, int, int, int]] = []
    events = timeline.events
    for day, group in _groups(events):
        while later and later[0][0] < day:
            on, index, part, parts = heapq.heappop(later)
            yield on, "day", index, part, parts
        coarse = sorted((i for i in group if events[i].granularity in _COARSE_RANK),
                        key=lambda i: _COARSE_RANK[events[i].granularity])
        for index in coarse:
            yield day, events[index].granularity, index, 1, 1
        while later and later[0][0] == day:
            on, index, part, parts = heapq.heappop(later)
            yield on, "day", index, part, parts
        for index in group:
            event = events[index]
            if event.end is None:
                if event.granularity not in _COARSE_RANK:
                    yield day, "day", index, 1, 1
                continue
            if event.granularity in _COARSE_RANK:
                continue
            parts = _span_days(event)
            yield day, "day", index, 1, parts
            if parts > 1:
                shown = range(2, parts + 1) if parts <= MAX_SPREAD_DAYS else (parts,)
                for part in shown:
                    heapq.heappush(later, (day + timedelta(days=part - 1), index, part, parts))
    while later:
        on, index, part, parts = heapq.heappop(later)
        yield on, "day", index, part, parts


_COARSE_RANK = {"year": 0, "month": 1, "week": 2}


def _groups(events: tuple[Event, ...]) -> Iterator[tuple[date, range]]:
    """Indexes of the events that start on each day, in order."""
    firsts = [e.start.date() if isinstance(e.start, datetime) else e.start for e in events]
    start, count = 0, len(firsts)
    while start < count:
        day = firsts[start]
        end = bisect.bisect_right(firsts, day, start)
        yield day, range(start, end)
        start = end
