"""Pass ``candidates``: the dated clauses of a story, each drafted as an event.

The rule framer (``timeline.framer``) finds the dates that are events (not reporting dates,
statistics periods or anniversaries), joins ranges and follow-ups, and drafts a title,
place, zone and kind from the sentence; the later passes revise those drafts from the parse.
"""

from __future__ import annotations

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.framer import frame as draft_events


def run(story: Story, events: list[Event]) -> list[Event]:
    """The drafted events of the story (``events`` is empty: this pass runs first)."""
    return [*events, *draft_events(story.document, story.timexes)]


PASS = Pass("candidates", run, __doc__.splitlines()[0], needs_parse=False)
