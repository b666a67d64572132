"""The timeline: events in chronological order, queryable by date, text, kind and source."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from timeline.event import Event
from timeline.query import Query, parse_query


@dataclass(frozen=True, slots=True)
class Timeline:
    """An immutable, sorted collection of events."""

    events: tuple[Event, ...]

    @classmethod
    def of(cls, events: Iterable[Event]) -> Timeline:
        """Build a timeline from events in any order."""
        return cls(tuple(sorted(events, key=Event.sort_key)))

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def filter(self, query: Query | str) -> Timeline:
        """The events that match a query (a string is parsed first)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        return Timeline(tuple(e for e in self.events if parsed.matches(e)))

    def between(self, first: date, last: date) -> Timeline:
        """Events that overlap the inclusive day range ``first``..``last``."""
        return self.filter(Query(after=first, before=date.fromordinal(last.toordinal() + 1)))

    def index_on_or_after(self, day: date) -> int:
        """Position of the first event starting on or after ``day`` (len if none)."""
        return bisect.bisect_left(self.events, day, key=lambda e: e.first_day)

    def by_uid(self, uid: str) -> Event | None:
        """The event with this uid, if any."""
        return next((e for e in self.events if e.uid == uid), None)

    def days(self) -> Iterator[tuple[date, list[Event]]]:
        """Events grouped by the day they start, in order."""
        current: date | None = None
        group: list[Event] = []
        for event in self.events:
            if event.first_day != current:
                if group and current is not None:
                    yield current, group
                current, group = event.first_day, []
            group.append(event)
        if group and current is not None:
            yield current, group
