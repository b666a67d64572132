"""The parsing pipeline: documents -> temporal tags -> events -> one timeline.

Each document is parsed on its own: whatever goes wrong inside one (a reader, tagger or
framer bug, a parse past its time limit) becomes an :class:`InputError` naming it, and the
other documents are still parsed.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace

from timeline.document import Document
from timeline.errors import InputError, TimelineError
from timeline.event import Event, Source
from timeline.events.frame import frame
from timeline.ics import parse_ics
from timeline.limits import DEFAULT_SECONDS, time_limit
from timeline.merge import merge
from timeline.nlp.model import english
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


def extract_isolated(document: Document, parse: Callable[[Document], list[Event]] | None = None,
                     *, seconds: float | None = DEFAULT_SECONDS) -> list[Event]:
    """``parse`` (default :func:`extract_document`) of one document within ``seconds``.

    Raises :class:`InputError` naming the document for any failure, with the traceback
    in ``detail`` for ``--debug``.
    """
    if parse is None and document.format == "article":
        english()  # loading the model once per process is not this document's time
    try:
        with time_limit(seconds, document.id):
            return (parse or extract_document)(document)
    except InputError:
        raise
    except TimelineError as error:
        raise InputError(document.id, str(error).removeprefix(f"{document.id}: ")) from None
    except Exception as exc:  # a parser bug on one article must not stop the others
        raise InputError(document.id, f"cannot parse: {type(exc).__name__}: {exc}",
                         detail=traceback.format_exc()) from None


def extract(documents: Iterable[Document], *, merged: bool = True,
            on_error: Callable[[InputError], None] | None = None,
            seconds: float | None = DEFAULT_SECONDS) -> Timeline:
    """The timeline of many documents.

    ``merged`` folds one happening reported by several articles into one event with every
    source (what a calendar shows); without it each article keeps its own events (what
    ``timeline extract`` reports per article). A document that fails goes to ``on_error``
    and the others are still parsed (without ``on_error`` the failure is raised).
    """
    events: list[Event] = []
    count = 0
    for document in documents:
        try:
            events.extend(extract_isolated(document, seconds=seconds))
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
        count += 1
    timeline = Timeline.of(merge(events) if merged else events)
    log.info("parsed %d documents: %d events%s", count, len(timeline),
             f" ({len(events)} before merging)" if merged else "")
    return timeline
