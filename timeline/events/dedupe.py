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


_OFFSET = re.compile(r"\b(?:later|earlier|after|before)\b", re.IGNORECASE)
_RESTATING_GAP = re.compile(r"\s*,?\s*(?:on\s+)?")


def _restated(story: Story, event: Event) -> bool:
    """ "they will hear opening statements a week later on July 6": an offset from another
    date, restated by an explicit date right after it. The explicit date is the mention."""
    source = event.source
    own = [t for t in story.timexes
           if source.trigger_start <= t.start and t.end <= source.trigger_end]
    if not _OFFSET.search(source.trigger) or not any(t.anchor.startswith("timex:") for t in own):
        return False
    text = story.document.text
    for timex in story.timexes:
        if source.trigger_end <= timex.start <= source.trigger_end + 6 and timex.anchor in (
                "none", "dct") and _RESTATING_GAP.fullmatch(text[source.trigger_end:timex.start]):
            return True
    return False


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events with exact repeats folded into their first mention, and vague mentions
    of a happening dated more precisely elsewhere, or offsets a date restates, left out."""
    events = [e for e in events if not _told_more_precisely(e, events) and not _restated(story, e)]
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
