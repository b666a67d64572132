"""Pass ``dedupe``: one happening told twice in a story becomes one event with both sources.

After the title pass two mentions can read alike: the same dates, granularity and title
(ignoring case). They are one event; the first keeps its identity and gains the other's
source. Mentions with different dates or titles stay apart (two board meetings on two days,
two fixtures on one day). A happening told once at a week, month or year and once at a day
inside it, under a title that mostly agrees both ways, is kept at the day only. An offset
that the date right after it restates ("a week later, on July 6") is that date's mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.events.title_check import content_words


def _key(event: Event) -> tuple[object, ...]:
    return (event.start, event.end, event.granularity, " ".join(event.title.lower().split()))


def _told_more_precisely(event: Event, precise: _ByDay) -> bool:
    """A week, month or year event whose happening another event dates inside that period
    at day or time: the same happening, told once vaguely and once precisely. The titles
    must mostly agree both ways, so a festival's month stays beside its opening night's day."""
    if not event.is_coarse:
        return False
    words = content_words(event.title)
    return len(words) >= 2 and any(
        _mostly_within(words, content_words(other.title))
        and _mostly_within(content_words(other.title), words)
        for other in precise.between(event.first_day, event.last_day))


class _ByDay:
    """The events that are not coarse, by first day: a period asks only for its own days,
    and a story of thousands of dates is not scanned once per month it names."""

    def __init__(self, events: list[Event]) -> None:
        precise = sorted((e for e in events if not e.is_coarse), key=lambda e: e.first_day)
        self._days = [e.first_day for e in precise]
        self._events = precise

    def between(self, first: date, last: date) -> list[Event]:
        return self._events[bisect_left(self._days, first):bisect_right(self._days, last)]


def _mostly_within(words: set[str], other: set[str]) -> bool:
    return len(words & other) * 3 >= len(words) * 2


_OFFSET = re.compile(r"\b(?:later|earlier|after|before)\b", re.IGNORECASE)
_RESTATING_GAP = re.compile(r"\s*,?\s*(?:on\s+)?")


def _restated(story: Story, event: Event) -> bool:
    """ "they will hear opening statements a week later on July 6": an offset from another
    date, restated by an explicit date right after it. The explicit date is the mention."""
    source = event.source
    if not _OFFSET.search(source.trigger):
        return False
    own = [t for t in story.timexes_from(source.trigger_start, source.trigger_end)
           if t.end <= source.trigger_end]
    if not any(t.anchor.startswith("timex:") for t in own):
        return False
    text = story.document.text
    return any(timex.anchor in ("none", "dct")
               and _RESTATING_GAP.fullmatch(text[source.trigger_end:timex.start]) is not None
               for timex in story.timexes_from(source.trigger_end, source.trigger_end + 7))


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events with exact repeats folded into their first mention, and vague mentions
    of a happening dated more precisely elsewhere, or offsets a date restates, left out."""
    precise = _ByDay(events)
    events = [e for e in events
              if not _told_more_precisely(e, precise) and not _restated(story, e)]
    first: dict[tuple[object, ...], int] = {}
    out: list[Event] = []
    for event in events:
        seen = first.get(_key(event))
        if seen is None:
            first[_key(event)] = len(out)
            out.append(event)
            continue
        kept = out[seen]
        sources = (*kept.sources, *(s for s in event.sources if s not in kept.sources))
        story.note(kept, "dedupe")
        out[seen] = replace(kept, sources=sources, location=kept.location or event.location)
    return out


PASS = Pass("dedupe", run, __doc__.splitlines()[0], needs_parse=False)
