"""Event identity: a UID from the document and the event's own content, never its position.

A UID names one happening for as long as its sentence tells it: the document's identity
(:func:`timeline.framer.uid_basis`), the event's normalised start and granularity, its
trigger (the date expression as written) and its head words (the title's words that its
own sentence holds, so a title that borrows a subject from the sentence before does not
tie the UID to that sentence). Inserting, deleting or reordering other sentences moves no
UID, so no correction moves onto another event. Events that would share a UID are told
apart by a suffix given in the order of their sentences' text, not of their positions.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace

from timeline.document import Document
from timeline.event import Event, format_when
from timeline.framer import UID_DOMAIN, uid_basis

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: Head words kept: enough to tell two happenings of one day apart, few enough that a
#: longer or shorter title from a later parser version rarely changes the UID.
_HEAD_WORDS = 6


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def head_words(event: Event) -> tuple[str, ...]:
    """The title's words that its own sentence says, lower-cased, in title order."""
    said = set(_WORD.findall(event.source.evidence.casefold()))
    words = [w for w in _WORD.findall(event.title.casefold()) if w in said or not said]
    return tuple(dict.fromkeys(words))[:_HEAD_WORDS]


def content_key(document: Document, event: Event) -> str:
    """What the UID is made from: the document and the event's start, trigger, head words."""
    end = "" if event.end is None else format_when(event.end, event.granularity)
    return "\0".join((uid_basis(document), event.granularity,
                      format_when(event.start, event.granularity), end,
                      _normalised(event.source.trigger), " ".join(head_words(event))))


def content_uids(document: Document, events: list[Event]) -> list[Event]:
    """``events`` (in their order) with UIDs from their content; colliding ones get a
    suffix in the order of their sentences' text, so reordering them changes nothing."""
    keys = [content_key(document, event) for event in events]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        groups[key].append(index)
    uids: dict[int, str] = {}
    for key, members in groups.items():
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        ordered = sorted(members, key=lambda i: _normalised(events[i].source.evidence))
        for rank, index in enumerate(ordered):
            suffix = f"-{rank + 1}" if rank else ""
            uids[index] = f"{digest}{suffix}@{UID_DOMAIN}"
    return [replace(event, uid=uids[index]) for index, event in enumerate(events)]
