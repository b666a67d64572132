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


def title_words(title: str) -> frozenset[str]:
    """Content words of a title, lower-cased, for comparing two reports."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", title.lower())
                     if w not in _STOP_WORDS and len(w) > 1)


def same_happening(a: Event, b: Event) -> bool:
    """True when two events from different documents report one happening."""
    if (a.first_day, a.granularity, a.end) != (b.first_day, b.granularity, b.end):
        return False
    if {s.document for s in a.sources} & {s.document for s in b.sources}:
        return False  # one article's separate events stay separate
    words_a, words_b = title_words(a.title), title_words(b.title)
    if words_a and words_b:
        shared = len(words_a & words_b) / min(len(words_a), len(words_b))
        if shared >= _TITLE_OVERLAP:
            return True
    return bool(a.location) and (a.location or "").lower() == (b.location or "").lower() and \
        bool(words_a & words_b)


def merge(events: Iterable[Event], *, pinned: frozenset[str] = frozenset()) -> list[Event]:
    """Events with duplicates merged; the first event of a group keeps its uid and title.

    Input order is precedence: pass events in the order their documents were first seen,
    so that a later article merging into an event never changes that event's uid. A
    ``pinned`` event (one a user corrected) never joins an earlier group, so it keeps its
    own uid; later reports may still join it.
    """
    merged: list[Event] = []
    by_key: dict[tuple[object, str], list[int]] = {}
    for event in events:
        key = (event.first_day, event.granularity)
        for index in [] if event.uid in pinned else by_key.get(key, []):
            if same_happening(merged[index], event):
                kept = merged[index]
                merged[index] = replace(
                    kept,
                    sources=kept.sources + event.sources,
                    location=kept.location or event.location,
                    confidence=max(kept.confidence, event.confidence),
                )
                break
        else:
            by_key.setdefault(key, []).append(len(merged))
            merged.append(event)
    return merged
