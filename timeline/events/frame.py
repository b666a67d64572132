"""The event framer: named passes run in order over one document's dates.

``candidates`` finds the dated clauses and drafts an event for each; ``schedule`` gives a day
the one clock time its sentence states. The later passes read the parse of each event's
sentence: ``anchor`` attaches the date to its head, ``tense`` puts a bare weekday on the side
of the publication day its clause's tense points to, ``telling`` drops dates that only date
the telling of the news, ``qualifier`` drops dates that describe a thing ("a 2024
contender") or the period a superlative ranks within, ``forecast`` drops the conditions a
forecast predicts, ``clauses`` splits a sentence that tells several happenings, ``kind``
marks replaced slots and called-off happenings, ``place`` finds the venue, ``title`` names
the happening, ``zone`` reads the clock's zone and ``dedupe`` folds repeats.
Every pass can be switched off by name, so what it is worth can be measured.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import replace

from timeline.document import Document
from timeline.event import Event
from timeline.events import (
    anchor,
    candidates,
    clauses,
    dedupe,
    forecast,
    kind,
    place,
    qualifier,
    schedule,
    telling,
    tense,
    title,
    zone,
)
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.identity import content_uids
from timeline.timex import Timex

#: The passes in the order they run.
PASSES: tuple[Pass, ...] = (
    candidates.PASS, schedule.PASS, anchor.PASS, tense.PASS, telling.PASS, qualifier.PASS,
    forecast.PASS, clauses.PASS, kind.PASS,
    place.PASS, title.PASS,
    zone.PASS, dedupe.PASS,
)
PASS_NAMES: tuple[str, ...] = tuple(p.name for p in PASSES)
#: Passes to switch off in every process of a run (``timeline extract --skip-pass``).
SKIP_ENV = "TIMELINE_SKIP_PASSES"


def skipped_passes() -> frozenset[str]:
    """The passes ``$TIMELINE_SKIP_PASSES`` switches off (comma-separated names)."""
    return frozenset(n.strip() for n in os.environ.get(SKIP_ENV, "").split(",") if n.strip())


def frame(document: Document, timexes: list[Timex], *,
          skip: Collection[str] | None = None) -> list[Event]:
    """The events of one document; ``skip`` names passes to leave out (default: the env's)."""
    skip = skipped_passes() if skip is None else skip
    unknown = set(skip) - set(PASS_NAMES)
    if unknown:
        raise ValueError(f"unknown pass {sorted(unknown)[0]!r}; passes: {', '.join(PASS_NAMES)}")
    story = Story(document, timexes)
    events: list[Event] = []
    parsed = False
    for step in PASSES:
        if step.name in skip:
            continue
        if step.needs_parse and not parsed and events:
            story.parse_all(events)
            parsed = True
        events = step.run(story, events)
    # The passes know events by a UID of their own; the one that leaves names the content.
    return content_uids(document, [_with_passes(e, story) for e in events])


def _with_passes(event: Event, story: Story) -> Event:
    """The derivation names the passes that changed the event (``--explain`` shows it)."""
    names = story.fired.get(event_key(event))
    if not names:
        return event
    return replace(event, derivation=f"{event.derivation}; passes: {', '.join(names)}".lstrip("; "))
