"""Calendar events and where they were read, with the JSON form of DESIGN.md's contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.errors import InputError
from timeline.temporal.values import CalendarValue, parse_value

Granularity = Literal["year", "month", "week", "day", "time"]
Kind = Literal["scheduled", "past"]
GRANULARITIES: tuple[Granularity, ...] = ("year", "month", "week", "day", "time")
KINDS: tuple[Kind, ...] = ("scheduled", "past")

#: A calendar position: a plain date (all-day, or the first day of a coarser period)
#: or an aware datetime for clock times.
When = date | datetime
#: The days an event may cover: one day inside what ``datetime.date`` holds, so an
#: exclusive DTEND (the day after) and a shift to UTC stay representable in every exporter.
EARLIEST = date(1, 1, 2)
LATEST = date(9999, 12, 30)


def in_bounds(day: date) -> bool:
    """True when ``day`` lies between :data:`EARLIEST` and :data:`LATEST`."""
    return EARLIEST <= day <= LATEST


class NaiveDatetimeError(ValueError):
    """A clock time without a zone: an event's times are aware or plain dates, never naive."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One place an event was read: the document, its sentence and the date expression."""

    document: str
    evidence: str
    trigger: str
    sentence_start: int = 0
    sentence_end: int = 0
    trigger_start: int = 0
    trigger_end: int = 0
    document_title: str | None = None
    document_dct: str | None = None
    url: str | None = None
    outlet: str | None = None
    #: Which rule gave the document's DCT its zone: stated, source-tz, outlet, dateline, utc.
    dct_zone_rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON object with every field (the provenance fields only when known, so events
        read before they existed keep their content hash and SEQUENCE)."""
        provenance = {key: value for key, value in (("outlet", self.outlet),
                                                     ("dct_zone_rule", self.dct_zone_rule))
                      if value is not None}
        return {
            "document": self.document,
            "evidence": self.evidence,
            "trigger": self.trigger,
            "sentence": [self.sentence_start, self.sentence_end],
            "trigger_span": [self.trigger_start, self.trigger_end],
            "document_title": self.document_title,
            "document_dct": self.document_dct,
            "url": self.url,
        } | provenance

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        """Inverse of :meth:`to_json`."""
        sentence = data.get("sentence") or [0, 0]
        trigger_span = data.get("trigger_span") or [0, 0]
        return cls(
            document=str(data["document"]),
            evidence=str(data.get("evidence") or ""),
            trigger=str(data.get("trigger") or ""),
            sentence_start=int(sentence[0]),
            sentence_end=int(sentence[1]),
            trigger_start=int(trigger_span[0]),
            trigger_end=int(trigger_span[1]),
            document_title=data.get("document_title"),
            document_dct=data.get("document_dct"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            dct_zone_rule=data.get("dct_zone_rule"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A dated happening, as a calendar shows it.

    ``start``/``end`` are plain dates for all-day and coarser events (the first day of the
    month, week or year) and aware datetimes for clock times; ``end`` is inclusive and
    ``None`` for single-point events. ``sources`` holds every article that reported it,
    the first being the one that created it (its identity gives the ``uid``).
    """

    uid: str
    title: str
    start: When
    end: When | None
    granularity: Granularity
    kind: Kind
    sources: tuple[Source, ...]
    tz: str | None = None
    location: str | None = None
    confidence: float = 0.5
    derivation: str = ""
    tags: tuple[str, ...] = field(default=())
    #: RRULE, RDATE and EXDATE content lines of an imported recurring event, as written.
    recurrence: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for value in (self.start, self.end):
            if isinstance(value, datetime) and value.tzinfo is None:
                raise NaiveDatetimeError(f"event {self.uid!r}: datetimes must be aware")
        for day in (day_of(self.start), self.last_day):
            if not in_bounds(day):
                raise ValueError(f"event {self.uid!r}: {day.isoformat()} is outside the "
                                 f"days a calendar can hold ({EARLIEST} to {LATEST})")
        if not self.sources:
            raise ValueError(f"event {self.uid!r}: an event needs at least one source")

    @property
    def source(self) -> Source:
        """The source the event was first read from."""
        return self.sources[0]

    @property
    def first_day(self) -> date:
        """The calendar day the event starts on (local to its zone)."""
        return day_of(self.start)

    @property
    def last_day(self) -> date:
        """The inclusive last calendar day the event covers, at its granularity."""
        if self.end is not None:
            return period_last_day(day_of(self.end), self.granularity)
        return period_last_day(self.first_day, self.granularity)

    @property
    def is_all_day(self) -> bool:
        """True when the event has no clock time."""
        return not isinstance(self.start, datetime)

    @property
    def is_coarse(self) -> bool:
        """True for week, month or year events, which calendars can only show as spans."""
        return self.granularity in ("year", "month", "week")

    def sort_key(self) -> tuple[date, str, str]:
        """Chronological order, then title, then uid, so order is total and stable."""
        clock = self.start.strftime("%H:%M") if isinstance(self.start, datetime) else ""
        return (self.first_day, clock, self.uid)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md's contract, plus every source and the derivation.

        ``recurrence`` (RRULE/RDATE/EXDATE lines) is present only for a recurring event.
        """
        source = self.source
        data = {
            "uid": self.uid,
            "source": source.document,
            "title": self.title,
            "start": format_when(self.start, self.granularity),
            "end": None if self.end is None else format_when(self.end, self.granularity),
            "granularity": self.granularity,
            "tz": self.tz,
            "location": self.location,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "evidence": source.evidence,
            "trigger": source.trigger,
            "derivation": self.derivation,
            "tags": list(self.tags),
            "sources": [s.to_json() for s in self.sources],
        }
        if self.recurrence:
            data["recurrence"] = list(self.recurrence)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], *, origin: str = "<json>") -> Event:
        """Inverse of :meth:`to_json`; raises :class:`InputError` naming ``origin``."""
        try:
            granularity = data["granularity"]
            if granularity not in GRANULARITIES:
                raise ValueError(f"unknown granularity {granularity!r}")
            kind = data.get("kind", "scheduled")
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r}")
            tz = data.get("tz")
            sources = tuple(Source.from_json(s) for s in data.get("sources") or [])
            if not sources:
                sources = (
                    Source(
                        document=str(data["source"]),
                        evidence=str(data.get("evidence") or ""),
                        trigger=str(data.get("trigger") or ""),
                    ),
                )
            end = data.get("end")
            return cls(
                uid=str(data["uid"]),
                title=str(data["title"]),
                start=parse_when(str(data["start"]), tz),
                end=None if end is None else parse_when(str(end), tz),
                granularity=cast(Granularity, granularity),
                kind=cast(Kind, kind),
                sources=sources,
                tz=tz,
                location=data.get("location"),
                confidence=float(data.get("confidence", 0.5)),
                derivation=str(data.get("derivation") or ""),
                tags=tuple(str(t) for t in data.get("tags") or ()),
                recurrence=tuple(str(line) for line in data.get("recurrence") or ()),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(origin, f"not an event: {exc}") from None


def day_of(value: When) -> date:
    """The calendar day of a start or end (a datetime's own local day)."""
    return value.date() if isinstance(value, datetime) else value


def period_last_day(first: date, granularity: Granularity) -> date:
    """The last day of the year, month or week that starts on ``first``."""
    if granularity == "year":
        return date(first.year, 12, 31)
    if granularity == "month":
        if first.month == 12:
            return date(first.year, 12, 31)
        return date(first.year, first.month + 1, 1) - timedelta(days=1)
    if granularity == "week":
        # date.max is a Friday: the week holding it ends where the calendar does.
        return min(first, date.max - timedelta(days=6)) + timedelta(days=6 - first.weekday())
    return first


def format_when(value: When, granularity: Granularity) -> str:
    """Render a start or end as the contract's string at the event's granularity.

    A datetime is always written as local wall-clock time (``YYYY-MM-DDTHH:MM``); weeks are
    written as their Monday (or, for an end, their Sunday) so they read as plain dates.
    """
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if granularity == "year":
        return f"{value.year:04d}"
    if granularity == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def parse_when(text: str, tz: str | None) -> When:
    """Inverse of :func:`format_when`: a clock time becomes aware in ``tz`` (UTC if none)."""
    try:
        value = parse_value(text.strip())
    except ValueError:
        raise ValueError(f"bad date {text!r}") from None
    timed = isinstance(value, CalendarValue) and value.granularity == "time"
    if not isinstance(value, CalendarValue) or not (value.is_plain or timed):
        raise ValueError(f"bad date {text!r}")
    if value.hour is None or value.minute is None:
        if value.part is not None:
            raise ValueError(f"bad date {text!r}")
        return value.first_day()
    try:
        zone = ZoneInfo(tz) if tz else UTC
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None
    day = value.first_day()
    return datetime(day.year, day.month, day.day, value.hour, value.minute, tzinfo=zone)
