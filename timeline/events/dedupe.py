"""Pass ``dedupe``: one happening told twice in a story becomes one event with both sources.

After the title pass two mentions can read alike: the same dates, granularity and title
(ignoring case). They are one event; the first keeps its identity and gains the other's
source. Mentions with different dates or titles stay apart (two board meetings on two days,
two fixtures on one day).
"""

from __future__ import annotations

from dataclasses import replace

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story


def _key(event: Event) -> tuple[object, ...]:
    return (event.start, event.end, event.granularity, " ".join(event.title.lower().split()))


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events with exact repeats folded into their first mention."""
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
