"""The parsing pipeline: documents -> temporal tags -> events -> one timeline."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from timeline.document import Document
from timeline.event import Event, Source
from timeline.events.frame import frame
from timeline.ics import parse_ics
from timeline.merge import merge
from timeline.temporal import tag
from timeline.timeline import Timeline

log = logging.getLogger(__name__)


def extract_document(document: Document) -> list[Event]:
    """The events of one document: framed from an article's prose, or read from a calendar."""
    if document.format == "ics":
        events = parse_ics(document.text, origin=document.id)
        log.debug("%s: %d events", document.id, len(events))
        return events
    events = with_provenance(frame(document, tag(document.text, document.dct)), document)
    log.debug("%s: %d events", document.id, len(events))
    return events


def with_provenance(events: list[Event], document: Document) -> list[Event]:
    """Each event's sources from ``document`` carry its URL, outlet and the DCT's zone rule."""

    def told(source: Source) -> Source:
        if source.document != document.id:
            return source
        return replace(source, url=source.url or document.url, outlet=document.outlet,
                       dct_zone_rule=document.zone_rule)

    return [replace(event, sources=tuple(told(s) for s in event.sources)) for event in events]


def extract(documents: Iterable[Document], *, merged: bool = True) -> Timeline:
    """The timeline of many documents.

    ``merged`` folds one happening reported by several articles into one event with every
    source (what a calendar shows); without it each article keeps its own events (what
    ``timeline extract`` reports per article).
    """
    events: list[Event] = []
    count = 0
    for document in documents:
        events.extend(extract_document(document))
        count += 1
    timeline = Timeline.of(merge(events) if merged else events)
    log.info("parsed %d documents: %d events%s", count, len(timeline),
             f" ({len(events)} before merging)" if merged else "")
    return timeline
