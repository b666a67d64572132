"""The pass type: a named step that reads the story and returns the revised events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timeline.event import Event
from timeline.events.story import Story

PassFunction = Callable[[Story, list[Event]], list[Event]]


@dataclass(frozen=True, slots=True)
class Pass:
    """One step of the framer. ``needs_parse`` passes run after the batch parse."""

    name: str
    run: PassFunction
    doc: str
    needs_parse: bool = True
