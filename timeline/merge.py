"""Merge reports of one happening into one event with every source kept.

Two events from different documents are one happening when they start on the same day at
the same granularity and their titles share most content words, or they name the same place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from timeline.event import Event

_STOP_WORDS = frozenset("the a an of in on at to for and with by from will his her its".split())
_TITLE_OVERLAP = 0.5
_WORD = re.compile(r"[a-z0-9]+")


def title_words(title: str) -> frozenset[str]:
    """Content words of a title, lower-cased, for comparing two reports."""
    return frozenset(w for w in _WORD.findall(title.lower())
                     if w not in _STOP_WORDS and len(w) > 1)


def same_happening(a: Event, b: Event) -> bool:
    """True when two events from different documents report one happening."""
    if (a.first_day, a.granularity, a.end) != (b.first_day, b.granularity, b.end):
        return False
    if {s.document for s in a.sources} & {s.document for s in b.sources}:
        return False  # one article's separate events stay separate
    return _same_words(title_words(a.title), title_words(b.title), a.location, b.location)


def merge(events: Iterable[Event], *, pinned: frozenset[str] = frozenset()) -> list[Event]:
    """Events with duplicates merged; the first event of a group keeps its uid and title.

    Input order is precedence: pass events in the order their documents were first seen,
    so that a later article merging into an event never changes that event's uid. A
    ``pinned`` event (one a user corrected) never joins an earlier group, so it keeps its
    own uid; later reports may still join it.
    """
    merged: list[Event] = []
    # What :func:`same_happening` looks at, kept per group rather than recomputed at each
    # comparison: a busy day of a 100k-event store compares every report with dozens.
    words_of: list[frozenset[str]] = []
    documents_of: list[set[str]] = []
    # Reports of one happening share start day, granularity and end.
    by_key: dict[tuple[object, str, object], list[int]] = {}
    for event in events:
        key = (event.first_day, event.granularity, event.end)
        candidates = [] if event.uid in pinned else by_key.get(key, [])
        words = title_words(event.title)
        documents = {s.document for s in event.sources}
        for index in candidates:
            kept = merged[index]
            if documents & documents_of[index]:
                continue
            if not _same_words(words_of[index], words, kept.location, event.location):
                continue
            merged[index] = replace(
                kept,
                sources=kept.sources + event.sources,
                location=kept.location or event.location,
                confidence=max(kept.confidence, event.confidence),
            )
            documents_of[index] |= documents
            break
        else:
            by_key.setdefault(key, []).append(len(merged))
            merged.append(event)
            words_of.append(words)
            documents_of.append(documents)
    return merged


def _same_words(words_a: frozenset[str], words_b: frozenset[str], location_a: str | None,
                location_b: str | None) -> bool:
    """The title and place test of :func:`same_happening`."""
    if words_a and words_b:
        shared = len(words_a & words_b) / min(len(words_a), len(words_b))
        if shared >= _TITLE_OVERLAP:
            return True
    return bool(location_a) and (location_a or "").lower() == (location_b or "").lower() and \
        bool(words_a & words_b)
