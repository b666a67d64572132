"""User corrections (edit, hide, confirm) kept in memory, with undo.

This is the stand-in until the SQLite store takes corrections; :mod:`tui.backend` decides
which one the app talks to. Corrections fold over a parsed timeline: the last edit of an
event wins, hidden events drop out, confirmed ones are remembered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from timeline.errors import InputError
from timeline.event import Event, Granularity, When, format_when, parse_when
from timeline.temporal.values import granularity_of
from timeline.timeline import Timeline

Action = Literal["edit", "hide", "confirm"]

_RANGE = re.compile(r"\s*(?:\.\.|/|\bto\b|–|—)\s*")


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """What the edit form returns: free text for each field a person may correct."""

    title: str
    when: str
    location: str
    tz: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """One correction of one event; ``event`` is the corrected event for edits."""

    uid: str
    action: Action
    event: Event | None = None

    def describe(self, title: str) -> str:
        """A short sentence for the status line ("hid 'Gala dinner'")."""
        verb = {"edit": "edited", "hide": "hid", "confirm": "confirmed"}[self.action]
        return f"{verb} {title!r}"


def when_text(event: Event) -> str:
    """The event's date as the edit form shows it: ``START`` or ``START / END``."""
    start = format_when(event.start, event.granularity)
    if event.end is None:
        return start
    return f"{start} / {format_when(event.end, event.granularity)}"


def _granularity(text: str) -> Granularity:
    """The granularity of a date the form accepts (``parse_when`` rejects the others)."""
    shape = granularity_of(text)
    return shape if shape in ("year", "month", "week", "time") else "day"


def split_when(text: str) -> tuple[str, str | None]:
    """``"2025-02-21 / 2025-02-22"`` -> ``("2025-02-21", "2025-02-22")``, in ISO form."""
    parts = [p.strip().replace(" ", "T", 1).upper() for p in _RANGE.split(text.strip())]
    if not parts[0] or len(parts) > 2:
        raise InputError("date", f"cannot read {text!r} (use 2025-02-20, "
                                 "2025-02-20 19:00 or 2025-02-21 / 2025-02-22)")
    return parts[0], parts[1] if len(parts) == 2 else None


def apply_edit(event: Event, edit: Edit) -> Event:
    """The event with the form's fields; raises :class:`InputError` quoting a bad field."""
    title = " ".join(edit.title.split())
    if not title:
        raise InputError("title", "an event needs a title")
    tz = edit.tz.strip() or None
    first, last = split_when(edit.when)
    parts = [first] if last is None else [first, last]
    granularity = _granularity(parts[0])
    try:
        start: When = parse_when(parts[0], tz)
        end: When | None = parse_when(parts[1], tz) if len(parts) == 2 else None
    except ValueError as exc:
        raise InputError("date", str(exc)) from None
    if end is not None and _granularity(parts[1]) != granularity:
        raise InputError("date", f"start and end differ in precision in {edit.when!r}")
    if end is not None and type(end) is type(start) and end < start:
        raise InputError("date", f"the end comes before the start in {edit.when!r}")
    return replace(event, title=title, start=start, end=end, granularity=granularity,
                   location=" ".join(edit.location.split()) or None, tz=tz)


class MemoryCorrections:
    """An in-memory, undoable log of corrections."""

    def __init__(self) -> None:
        self._log: list[Correction] = []

    def __len__(self) -> int:
        return len(self._log)

    def add(self, correction: Correction) -> None:
        """Record a correction; it wins over the parsed event until undone."""
        self._log.append(correction)

    def undo(self) -> Correction | None:
        """Forget the last correction and return it (None when there is none)."""
        return self._log.pop() if self._log else None

    def confirmed(self) -> frozenset[str]:
        """Uids of the events a person confirmed."""
        return frozenset(c.uid for c in self._log if c.action == "confirm")

    def apply(self, timeline: Timeline) -> Timeline:
        """The timeline as corrected: edits replace events, hidden events are left out."""
        if not self._log:
            return timeline
        edits = {c.uid: c.event for c in self._log if c.action == "edit" and c.event}
        hidden = {c.uid for c in self._log if c.action == "hide"}
        events = [edits.get(e.uid, e) for e in timeline.events if e.uid not in hidden]
        if edits:
            return Timeline.of(e for e in events if e is not None)
        return Timeline(tuple(events))
