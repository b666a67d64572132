"""Event framer: turn a document's dated sentences into calendar events."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date, datetime

from timeline.document import Document
from timeline.event import Event, Granularity, Kind, Source, When
from timeline.sentences import Sentence, split_sentences
from timeline.timex import Timex

UID_DOMAIN = "news-timeline"
_EVENT_GRANULARITY: dict[str, Granularity] = {
    "year": "year", "month": "month", "week": "week", "day": "day", "time": "time",
}
_VALUE = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?$")
_TITLE_WORDS = 10


def document_identity(document: Document) -> str:
    """What makes a document the same document across runs: its URL or absolute path."""
    if document.url:
        return document.url
    if document.id.startswith("<"):
        return f"{document.id}:{document.content_hash}"
    return os.path.abspath(document.id)


def make_uid(document: Document, ordinal: int) -> str:
    """A UID from the document's identity and the event's position in it."""
    digest = hashlib.sha256(f"{document_identity(document)}\0{ordinal}".encode()).hexdigest()
    return f"{digest[:24]}@{UID_DOMAIN}"


def value_to_when(value: str) -> tuple[When, Granularity] | None:
    """A TIMEX3 DATE/TIME value as a calendar position, or None when it is not one."""
    match = _VALUE.match(value)
    if match is None:
        return None
    year, week, month, day, hour, minute = match.groups()
    if week:
        return date.fromisocalendar(int(year), int(week), 1), "week"
    if hour:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute))  # noqa: DTZ001
        return moment, "time"
    if day:
        return date(int(year), int(month), int(day)), "day"
    if month:
        return date(int(year), int(month), 1), "month"
    return date(int(year), 1, 1), "year"


def frame(document: Document, timexes: list[Timex]) -> list[Event]:
    """Events of one document, one per dated sentence, in reading order."""
    events: list[Event] = []
    sentences = split_sentences(document.text)
    for sentence in sentences:
        inside = [t for t in timexes if sentence.start <= t.start < sentence.end]
        for timex in inside:
            event = _event_for(document, sentence, timex, len(events))
            if event is not None:
                events.append(event)
                break
    return events


def _event_for(document: Document, sentence: Sentence, timex: Timex, ordinal: int) -> Event | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    parsed = value_to_when(timex.value)
    if parsed is None:
        return None
    start, granularity = parsed
    tz: str | None = None
    if isinstance(start, datetime):
        tz = str(document.dct.tzinfo)
        start = start.replace(tzinfo=document.dct.tzinfo)
    kind: Kind = "scheduled" if _day(start) >= document.dct.date() else "past"
    words = sentence.text.split()
    title = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    return Event(
        uid=make_uid(document, ordinal),
        title=title,
        start=start,
        end=None,
        granularity=granularity,
        kind=kind,
        tz=tz,
        confidence=0.5,
        derivation=f"{timex.text!r} -> {timex.value}",
        sources=(
            Source(
                document=document.id,
                evidence=sentence.text,
                trigger=timex.text,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                trigger_start=timex.start,
                trigger_end=timex.end,
                document_title=document.title,
                document_dct=document.dct.isoformat(),
                url=document.url,
            ),
        ),
    )


def _day(value: When) -> date:
    return value.date() if isinstance(value, datetime) else value
