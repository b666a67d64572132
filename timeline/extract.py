"""The parsing pipeline: documents -> temporal tags -> events -> one timeline.

Each document is parsed on its own: whatever goes wrong inside one (a reader, tagger or
framer bug, a parse past its time limit) becomes an :class:`InputError` naming it, and the
other documents are still parsed.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable

from timeline.document import Document
from timeline.errors import InputError, TimelineError
from timeline.event import Event
from timeline.events.frame import frame
from timeline.ics import parse_ics
from timeline.limits import DEFAULT_SECONDS, time_limit
from timeline.merge import merge
from timeline.nlp.model import english
from timeline.temporal import tag
from timeline.timeline import Timeline


def extract_document(document: Document) -> list[Event]:
    """The events of one document: framed from an article's prose, or read from a calendar."""
    if document.format == "ics":
        return parse_ics(document.text, origin=document.id)
    return frame(document, tag(document.text, document.dct))


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
    for document in documents:
        try:
            events.extend(extract_isolated(document, seconds=seconds))
        except InputError as error:
            if on_error is None:
                raise
            on_error(error)
    return Timeline.of(merge(events) if merged else events)
