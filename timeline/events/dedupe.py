"""Pass ``dedupe``: one happening told twice in a story becomes one event with both sources.

After the title pass two mentions can read alike: the same dates, granularity and title
(ignoring case). They are one event; the first keeps its identity and gains the other's
source. Mentions with different dates or titles stay apart (two board meetings on two days,
two fixtures on one day). A happening told once at a week, month or year and once at a day
inside it, under a title that mostly agrees both ways, is kept at the day only.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.events.title_check import content_words


def _key(event: Event) -> tuple[object, ...]:
    return (event.start, event.end, event.granularity, " ".join(event.title.lower().split()))


def _told_more_precisely(event: Event, events: list[Event]) -> bool:
    """A week, month or year event whose happening another event dates inside that period
    at day or time: the same happening, told once vaguely and once precisely. The titles
    must mostly agree both ways, so a festival's month stays beside its opening night's day."""
    if not event.is_coarse:
        return False
    words = content_words(event.title)
    return len(words) >= 2 and any(
        not other.is_coarse and event.first_day <= other.first_day <= event.last_day
        and _mostly_within(words, content_words(other.title))
        and _mostly_within(content_words(other.title), words)
        for other in events)


def _mostly_within(words: set[str], other: set[str]) -> bool:
    return len(words & other) * 3 >= len(words) * 2


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events with exact repeats folded into their first mention, and vague mentions
    of a happening dated more precisely elsewhere left out."""
    events = [e for e in events if not _told_more_precisely(e, events)]
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
