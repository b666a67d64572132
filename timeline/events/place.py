"""Pass ``place``: placeholder while written."""

from __future__ import annotations

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events unchanged."""
    return events


PASS = Pass("place", run, "place")
