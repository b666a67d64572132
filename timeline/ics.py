"""iCalendar (.ics) export and import of timeline events, written with ``icalendar``.

Export (:func:`export_ics`) turns events into a calendar that every client reads the same
way: all-day events as ``VALUE=DATE`` with an exclusive DTEND, timed events with a TZID and
a VTIMEZONE generated from zoneinfo that carries one RDATE per line (ical.js and vobject
read only the first value of a multi-value RDATE and put summer times an hour off), and
the repeated hour of an autumn change in UTC (clients resolve it differently).
Nothing depends on the wall clock: DTSTAMP, CREATED and LAST-MODIFIED come from the
store's :class:`Revision` of an event or, without one, from its sources' publication
dates, so exporting unchanged events gives byte-identical files. A :class:`VeventCache`
keeps each UID's serialised VEVENT while the event's content is unchanged, so a re-export
only serialises what changed.

Import (:func:`read_ics`, :func:`parse_ics`) reads VEVENTs back as ``scheduled`` events
whose source is the .ics file; exporting and importing gives the same events.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from timeline.errors import InputError
from timeline.event import (
    EARLIEST,
    KINDS,
    LATEST,
    Event,
    Granularity,
    Source,
    day_of,
    in_bounds,
    period_last_day,
)

__all__ = [
    "DEFAULT_NAME",
    "PRODID",
    "CalendarOptions",
    "Revision",
    "VeventCache",
    "calendar_of",
    "export_ics",
    "exportable",
    "parse_duration",
    "parse_ics",
    "read_ics",
    "save_ics",
]

PRODID = "-//news-timeline//timeline//EN"
DEFAULT_NAME = "News timeline"
#: Granularity of a coarse event, so that an import restores "sometime in February".
X_GRANULARITY = "X-TIMELINE-GRANULARITY"
#: The zone of an all-day event, which VALUE=DATE cannot carry.
X_TZ = "X-TIMELINE-TZ"
#: Marks a DTEND that is only ``default_duration`` (no end was stated), so import drops it.
X_END = "X-TIMELINE-END"
#: The recurrence properties an imported event keeps and an export writes back.
RECURRENCE = ("RRULE", "RDATE", "EXDATE")
#: Years of VTIMEZONE written for a recurring timed event, which may go on for ever.
_RECURRING_YEARS = 10
#: When nothing says when an event was written, a fixed instant keeps exports reproducible.
UNKNOWN_STAMP = datetime(1970, 1, 1, tzinfo=UTC)
_END_CALENDAR = b"END:VCALENDAR\r\n"
_DURATION = re.compile(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT"})
_COARSE: dict[str, Granularity] = {"year": "year", "month": "month", "week": "week"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """What the store knows of an event's history: its SEQUENCE and when it changed.

    ``confirmed`` marks an event a user confirmed, which is exported as CONFIRMED even
    when its date is coarse.
    """

    sequence: int = 0
    created: datetime
    last_modified: datetime
    confirmed: bool = False

    def __post_init__(self) -> None:
        for value in (self.created, self.last_modified):
            if value.tzinfo is None:
                raise ValueError("revision times must be aware")


class Stamped(Protocol):
    """Anything that carries an event's history, such as the store's ``Stamp``."""

    @property
    def sequence(self) -> int: ...
    @property
    def created(self) -> datetime: ...
    @property
    def last_modified(self) -> datetime: ...
    @property
    def confirmed(self) -> bool: ...


def revisions_from(stamps: Mapping[str, Stamped]) -> dict[str, Revision]:
    """The exporter's view of a store's per-uid history (``Store.stamps()``)."""
    return {uid: Revision(sequence=s.sequence, created=s.created,
                          last_modified=s.last_modified, confirmed=s.confirmed)
            for uid, s in stamps.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarOptions:
    """Calendar-level properties and what to include; the defaults suit a subscribed feed."""

    name: str = DEFAULT_NAME
    description: str = "Dated events found in news articles"
    refresh: timedelta = timedelta(hours=1)
    include_coarse: bool = False
    #: How long a timed event lasts when its article states no end (its DTEND).
    default_duration: timedelta = timedelta(hours=1)

    def __post_init__(self) -> None:
        if self.refresh <= timedelta(0):
            raise ValueError("the refresh interval must be positive")
        if self.default_duration <= timedelta(0):
            raise ValueError("the default duration must be positive")


class VeventCache:
    """Each UID's serialised VEVENT, reused while the event's content is unchanged.

    Serialising with icalendar costs a few hundred microseconds per event; a feed that
    re-exports 100k events of which a handful changed looks the rest up here. An entry is
    reused only when the event compares equal to the one it was made from (and its zones
    and revision are the same), so a new Event object with the same content hits too.
    Entries no recent export used are dropped.
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._generation = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


class _Entry:
    """One serialised VEVENT with what it was made from, the (zone, year) pairs it needs
    VTIMEZONEs for, and the export that last used it."""

    __slots__ = ("duration", "end_zone", "event", "generation", "ical", "revision", "start_zone",
                 "zones")

    def __init__(self, event: Event, revision: Revision | None, duration: timedelta) -> None:
        self.event = event
        self.revision = revision
        self.duration = duration
        # Aware datetimes in different zones compare equal when they are the same instant,
        # so the zones are checked as well as the event.
        self.start_zone = getattr(event.start, "tzinfo", None)
        self.end_zone = getattr(event.end, "tzinfo", None)
        self.ical = _serialise(_vevent(event, revision, duration))
        self.zones = _zone_years(event)
        self.generation = 0


def exportable(events: Iterable[Event], *, include_coarse: bool = False) -> list[Event]:
    """The events an export writes: coarse ones only when asked, each UID once (first wins).

    Calendar clients and CalDAV servers reject or merge repeated UIDs, so a repeat is
    dropped rather than written.
    """
    seen: set[str] = set()
    chosen: list[Event] = []
    for event in events:
        if (event.is_coarse and not include_coarse) or event.uid in seen:
            continue
        seen.add(event.uid)
        chosen.append(event)
    return chosen


def export_ics(
    events: Iterable[Event],
    options: CalendarOptions | None = None,
    *,
    revisions: Mapping[str, Revision] | None = None,
    cache: VeventCache | None = None,
    on_error: Callable[[Event, str], None] | None = None,
) -> bytes:
    """The .ics bytes of ``events`` (a Timeline, or any events, kept in the order given).

    ``revisions`` maps a uid to what the store knows of its history; ``cache`` makes a
    re-export serialise only the events that changed. The result equals
    ``calendar_of(...).to_ical()``, built faster. An event that cannot be written raises,
    unless ``on_error`` is given: then it is told there (with the problem) and left out, and
    the other events are written.
    """
    options = options or CalendarOptions()
    cache = cache if cache is not None else VeventCache()
    cache._generation += 1
    generation = cache._generation
    entries = cache._entries
    parts: list[bytes] = []
    needed: set[tuple[tuple[str, int], ...]] = set()
    seen: set[str] = set()
    include_coarse = options.include_coarse
    duration = options.default_duration
    get_revision = revisions.get if revisions else _no_revision
    for event in events:
        # exportable(), inlined: this loop is the whole cost of a warm export.
        if (event.is_coarse and not include_coarse) or event.uid in seen:
            continue
        seen.add(event.uid)
        revision = get_revision(event.uid)
        entry = entries.get(event.uid)
        if (
            entry is None
            or entry.event != event
            or entry.start_zone is not getattr(event.start, "tzinfo", None)
            or entry.end_zone is not getattr(event.end, "tzinfo", None)
            or entry.revision != revision
            or entry.duration != duration
        ):
            try:
                entry = _Entry(event, revision, duration)
            except Exception as error:  # one bad event must not refuse the whole calendar
                if on_error is None:
                    raise
                on_error(event, f"{type(error).__name__}: {_first_line(error)}")
                continue
            entries[event.uid] = entry
            cache.misses += 1
        else:
            cache.hits += 1
        entry.generation = generation
        parts.append(entry.ical)
        needed.add(entry.zones)
    if len(entries) > 2 * len(parts) + 1000:
        cache._entries = {k: e for k, e in entries.items() if e.generation == generation}
    zones = _zone_ranges(pair for pairs in needed for pair in pairs)
    head = _calendar_head(options).to_ical()
    timezones = [_vtimezone_ical(zone, *zones[zone]) for zone in sorted(zones)]
    return b"".join([head[: -len(_END_CALENDAR)], *timezones, *parts, _END_CALENDAR])


def _no_revision(uid: str) -> None:
    return None


def calendar_of(
    events: Iterable[Event],
    options: CalendarOptions | None = None,
    *,
    revisions: Mapping[str, Revision] | None = None,
) -> icalendar.Calendar:
    """The events as an icalendar ``Calendar`` object, for callers that want to edit it."""
    options = options or CalendarOptions()
    revisions = revisions or {}
    calendar = _calendar_head(options)
    chosen = exportable(events, include_coarse=options.include_coarse)
    zones = _zone_ranges(pair for event in chosen for pair in _zone_years(event))
    for zone in sorted(zones):
        calendar.add_component(icalendar.Timezone.from_ical(_vtimezone_ical(zone, *zones[zone])))
    for event in chosen:
        calendar.add_component(_vevent(event, revisions.get(event.uid),
                                       options.default_duration))
    return calendar


def save_ics(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a feed never serves half a file, and harm no other file.

    A regular file (or a new one) is replaced atomically by a temporary file renamed over
    it, which gets the old file's mode (a new one the umask's). A symlink is followed, so
    its target is written and the link stays. Anything else (``/dev/null``, a FIFO,
    ``/dev/stdout``) is written to directly: renaming over it would replace a device or
    pipe with a regular file.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        os.fchmod(handle, stat.S_IMODE(info.st_mode) if info is not None else _umask_mode())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask_mode() -> int:
    """The mode a new file gets under the process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def parse_duration(text: str, *, option: str = "--refresh") -> timedelta:
    """A positive RFC 5545 duration such as ``PT1H`` or ``P1D`` (for ``--refresh``)."""
    match = _DURATION.fullmatch(text.strip().upper())
    if match is None or not any(match.groups()):
        raise InputError(option, f"not a duration like PT1H: {text!r}")
    weeks, days, hours, minutes, seconds = (int(group or 0) for group in match.groups())
    value = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    if value <= timedelta(0):
        what = "the refresh interval" if option == "--refresh" else "the duration"
        raise InputError(option, f"{what} must be positive: {text!r}")
    return value


# Export ------------------------------------------------------------------------------------


def _calendar_head(options: CalendarOptions) -> icalendar.Calendar:
    """The calendar properties: names for every client and how often to refresh."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Wrapped in vText by hand: icalendar does not escape these calendar properties itself.
    name = icalendar.vText(_line(options.name))
    description = icalendar.vText(_text(options.description))
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", options.refresh, parameters={"VALUE": "DURATION"})
    # X-PUBLISHED-TTL is Outlook's name for the same hint.
    calendar.add("x-published-ttl", _duration_text(options.refresh))
    return calendar


def _serialise(component: icalendar.Component) -> bytes:
    """``component.to_ical()``, byte for byte, with a folder that skips short lines.

    icalendar folds every line character by character, which is a third of the cost of
    an export; most lines need no fold at all.
    """
    lines = [_fold(line) for line in component.content_lines() if line]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _fold(line: str) -> str:
    """RFC 5545 folding as icalendar does it: segments under 75 octets."""
    if len(line) < 75 and (line.isascii() or len(line.encode("utf-8")) < 75):
        return line
    segments: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = 1 if char < "\x80" else len(char.encode("utf-8"))
        if current and size + width >= 75:
            # Like icalendar: never split a backslash or ^ escape from what it escapes.
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                segments.append("".join(current))
                current, size = [carried], 1
            else:
                segments.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    if current:
        segments.append("".join(current))
    return "\r\n ".join(segments)


def _duration_text(value: timedelta) -> str:
    """``PT1H`` for an hour: RFC 5545 duration text, as X-PUBLISHED-TTL wants it."""
    seconds = int(value.total_seconds())
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
                    if n)
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


def _vevent(event: Event, revision: Revision | None,
            duration: timedelta = timedelta(hours=1)) -> icalendar.Event:
    """One VEVENT with every property of issue 6, from the event alone (plus its revision).

    A timed event with no stated end lasts ``duration``, marked so that import drops it.
    """
    created, last_modified = _history(event, revision)
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", last_modified)
    component.add("created", created)
    component.add("last-modified", last_modified)
    component.add("sequence", revision.sequence if revision else 0)
    title = _line(event.title) or "(untitled)"
    if event.is_coarse:
        title = f"{title} ({_sometime(event)})"
    component.add("summary", title)
    start, end = _span(event)
    component.add("dtstart", start)
    if end is None and isinstance(start, datetime):
        end = start + duration
        component.add(X_END, "DEFAULT")
    if end is not None:
        component.add("dtend", end)
    _add_recurrence(component, event)
    exact = event.granularity in ("day", "time")
    confirmed = exact or (revision is not None and revision.confirmed)
    component.add("status", "CONFIRMED" if confirmed else "TENTATIVE")
    # News events are not the subscriber's own appointments: they never make them busy.
    component.add("transp", "TRANSPARENT")
    if event.location and _line(event.location):
        component.add("location", _line(event.location))
    component.add("description", _description(event))
    urls = list(dict.fromkeys(s.url for s in event.sources if s.url))
    if urls:
        component.add("url", urls[0])
    categories = [event.kind, *(_line(t) for t in event.tags if _line(t))]
    component.add("categories", list(dict.fromkeys(categories)))
    for source in event.sources:
        if source.url and source.url in urls:
            urls.remove(source.url)
            # RFC 9253: "via" is the registered relation for "the source of this
            # information"; clients that do not know LINK ignore it.
            params = {"VALUE": "URI", "LINKREL": "via", "FMTTYPE": "text/html"}
            if source.document_title and _line(source.document_title):
                params["LABEL"] = _line(source.document_title)
            component.add("link", icalendar.vUri(source.url), parameters=params)
    if event.is_coarse:
        component.add(X_GRANULARITY, event.granularity)
    if event.tz and (event.is_all_day or any(
        getattr(value, "tzinfo", None) is UTC for value in (start, end)
    )):
        # VALUE=DATE, or a time written in UTC, cannot carry the event's own zone.
        component.add(X_TZ, event.tz)
    return component


def _history(event: Event, revision: Revision | None) -> tuple[datetime, datetime]:
    """CREATED and LAST-MODIFIED in UTC: the store's, else the sources' publication dates."""
    if revision is not None:
        return revision.created.astimezone(UTC), revision.last_modified.astimezone(UTC)
    stamps = sorted(s for s in (_dct(source) for source in event.sources) if s is not None)
    if not stamps:
        return UNKNOWN_STAMP, UNKNOWN_STAMP
    return stamps[0], stamps[-1]


def _dct(source: Source) -> datetime | None:
    """A source's publication time in UTC, when it is known and readable."""
    if not source.document_dct:
        return None
    try:
        moment = datetime.fromisoformat(source.document_dct)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def _zone(event: Event, value: datetime) -> tzinfo:
    """The zone a time is written in: the event's IANA zone, else the time's own if named.

    A fixed offset that is not UTC has no TZID a client could look up, so it becomes UTC.
    """
    for name in (event.tz, getattr(value.tzinfo, "key", None)):
        if name and name.upper() not in ("UTC", "Z"):
            with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
                return ZoneInfo(name)
    return UTC


def _span(event: Event) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND as iCalendar wants them: all-day DTEND is exclusive."""
    if isinstance(event.start, datetime):
        zone = _zone(event, event.start)
        start = event.start.astimezone(zone)
        end: datetime | None = None
        if isinstance(event.end, datetime):
            end = event.end.astimezone(zone)
        elif event.end is not None:
            # A timed start with an end day lasts until that day is over.
            end = datetime.combine(event.end + timedelta(days=1), time(), tzinfo=zone)
        if end is not None and end <= start:
            end = None
        return _unambiguous(start), None if end is None else _unambiguous(end)
    last = event.last_day if event.is_coarse or event.end is None else _day(event.end)
    return event.first_day, max(last, event.first_day) + timedelta(days=1)


def _unambiguous(value: datetime) -> datetime:
    """The value, or the same instant in UTC when its wall-clock time is ambiguous.

    The hour repeated when clocks go back happens twice; ical.js and khal take the second,
    icalendar and vobject the first. Only UTC gives them all the same instant.
    """
    if value.replace(fold=0).utcoffset() != value.replace(fold=1).utcoffset():
        return value.astimezone(UTC)
    return value


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _zone_years(event: Event) -> tuple[tuple[str, int], ...]:
    """The (TZID, year) pairs the event's DTSTART and DTEND (and recurrences) refer to."""
    start, end = _span(event)
    pairs: list[tuple[str, int]] = []
    for value in (start, end):
        if isinstance(value, datetime):
            key = getattr(value.tzinfo, "key", None)
            if value.tzinfo is not UTC and key:
                pairs.append((key, value.year))
                if event.recurrence:
                    pairs.append((key, min(value.year + _RECURRING_YEARS, _LAST_YEAR)))
    return tuple(dict.fromkeys(pairs))


def _add_recurrence(component: icalendar.Event, event: Event) -> None:
    """Write an imported event's RRULE, RDATE and EXDATE lines back as they were read."""
    if not event.recurrence:
        return
    lines = "\r\n".join(event.recurrence)
    parsed = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{lines}\r\nEND:VEVENT\r\n")
    if parsed.errors:  # a line import would refuse (a store an older version wrote)
        prop, problem = parsed.errors[0]
        raise ValueError(f"bad {prop}: {_first_line(problem)}")
    for name in RECURRENCE:
        if name in parsed:
            component[name] = parsed[name]


def _recurrence_lines(component: icalendar.Component) -> tuple[str, ...]:
    """The RRULE, RDATE and EXDATE content lines of a VEVENT, each as the file had it."""
    lines: list[str] = []
    for name in RECURRENCE:
        found = component.get(name)
        if found is None:
            continue
        for prop in found if isinstance(found, list) else [found]:
            lines.append(str(component.content_line(name, prop)))
    return tuple(lines)


# The instants a VTIMEZONE may reach: a day inside the years datetime holds, so that no
# zone's local time falls outside them.
_LAST_YEAR = 9999
_FIRST_INSTANT = datetime(1, 1, 2, tzinfo=UTC)
_LAST_INSTANT = datetime(_LAST_YEAR, 12, 31, tzinfo=UTC)


def _zone_ranges(pairs: Iterable[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    """The first and last year each zone is used in, so its VTIMEZONE covers them."""
    ranges: dict[str, tuple[int, int]] = {}
    for zone, year in pairs:
        low, high = ranges.get(zone, (year, year))
        ranges[zone] = (min(low, year), max(high, year))
    return ranges


@lru_cache(maxsize=256)
def _vtimezone_ical(key: str, first_year: int, last_year: int) -> bytes:
    """A VTIMEZONE from zoneinfo covering the given years, that every client reads alike.

    Three traps, each met by a real client: icalendar's own generator writes all of an
    observance's onsets on one comma-separated RDATE line, and ical.js (Thunderbird) and
    vobject read only the first value, so every RDATE value gets a line of its own; ical.js
    also ignores DTSTART as an onset once an observance has RDATEs, so DTSTART is repeated
    as the first RDATE (RFC 5545 counts a repeated instance once); and an onset is local
    time before the change (in TZOFFSETFROM), which icalendar's generator gets wrong for
    spring changes.
    """
    zone = ZoneInfo(key)
    # Start two days early so that the first local midnight of the year is covered in
    # every zone, UTC-12 to UTC+14 (in the year 1, from the first day every zone can show).
    begin = datetime(first_year - 1, 12, 30, tzinfo=UTC) if first_year > 1 else _FIRST_INSTANT
    first = begin.astimezone(zone)
    offset = first.utcoffset() or timedelta(0)
    observances: dict[tuple[timedelta, timedelta, str, bool], list[datetime]] = {
        (offset, offset, first.tzname() or "", bool(first.dst())):
            [datetime.combine(first.date(), time())],
    }
    stop = datetime(last_year + 1, 1, 1, tzinfo=UTC) if last_year < _LAST_YEAR else _LAST_INSTANT
    for instant, before in _transitions(zone, begin, stop):
        local = instant.astimezone(zone)
        rule = (before, local.utcoffset() or timedelta(0), local.tzname() or "",
                bool(local.dst()))
        # An onset is written in local time before the change (RFC 5545, 3.6.5).
        observances.setdefault(rule, []).append((instant + before).replace(tzinfo=None))
    timezone = icalendar.Timezone()
    timezone.add("tzid", key)
    for (offset_from, offset_to, name, daylight), onsets in sorted(
        observances.items(), key=lambda item: item[1][0]
    ):
        observance = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
        observance.add("dtstart", onsets[0])
        if name:
            observance.add("tzname", name)
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        if len(onsets) > 1:
            for onset in onsets:
                observance.add("rdate", onset)
        timezone.add_component(observance)
    return _serialise(timezone)


def _transitions(zone: ZoneInfo, begin: datetime,
                 end: datetime) -> list[tuple[datetime, timedelta]]:
    """Each (UTC instant, offset before) at which ``zone`` changes offset, name or DST
    flag between ``begin`` and ``end``, found to the second by bisecting each day."""
    def state(moment: datetime) -> tuple[timedelta | None, str | None, timedelta | None]:
        local = moment.astimezone(zone)
        return local.utcoffset(), local.tzname(), local.dst()

    found: list[tuple[datetime, timedelta]] = []
    day = timedelta(days=1)
    low, low_state = begin, state(begin)
    while low < end:
        high = min(low + day, end)
        high_state = state(high)
        if high_state != low_state:
            left, right = low, high
            while right - left > timedelta(seconds=1):
                middle = left + (right - left) / 2
                if state(middle) == low_state:
                    left = middle
                else:
                    right = middle
            right = right.replace(microsecond=0)
            found.append((right, left.astimezone(zone).utcoffset() or timedelta(0)))
        low, low_state = high, high_state
    return found


def _sometime(event: Event) -> str:
    """How a coarse event's title says its granularity: "sometime in February 2025"."""
    first = event.first_day
    last = event.last_day
    if event.granularity == "year":
        period = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    elif event.granularity == "month":
        period = _month(first)
        if (last.year, last.month) != (first.year, first.month):
            same_year = last.year == first.year
            period = f"{_MONTH_NAMES[first.month - 1] if same_year else period}–{_month(last)}"
    else:
        monday = first - timedelta(days=first.weekday())
        period = f"the week of {monday.day} {_month(monday)}"
        if event.end is not None and last - monday > timedelta(days=6):
            period = f"the weeks of {monday.day} {_month(monday)} to {last.day} {_month(last)}"
    return f"sometime in {period}"


def _month(day: date) -> str:
    return f"{_MONTH_NAMES[day.month - 1]} {day.year}"


def _description(event: Event) -> str:
    """The evidence sentences, where each was read, and how the date was worked out."""
    blocks: list[str] = []
    for source in event.sources:
        lines: list[str] = []
        if source.evidence.strip():
            lines.append(f"“{_line(source.evidence)}”")
        title = _line(source.document_title or "") or source.document
        if source.outlet and _line(source.outlet):
            title = f"{_line(source.outlet)}: {title}"
        published = _dct(source)
        where = f"{title} ({published:%Y-%m-%d})" if published else title
        lines.append(f"Source: {where}")
        lines.append(source.url or source.document)
        if source.trigger.strip():
            lines.append(f"Date from: “{_line(source.trigger)}”")
        blocks.append("\n".join(lines))
    if event.is_coarse:
        blocks.append(f"Date known only to the {event.granularity}.")
    if event.derivation.strip():
        blocks.append(f"How the date was found: {_text(event.derivation)}")
    return _text("\n\n".join(blocks))


def _text(value: str) -> str:
    """Text safe for any client: one newline convention and no control characters."""
    return _defused(_CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")))


def _line(value: str) -> str:
    """Single-line text (titles, places): line breaks and runs of space become one space."""
    return _defused(_SPACES.sub(" ", _CONTROL.sub(" ", value)).strip())


#: "END:VEVENT" inside a value: escaped as RFC 5545 asks, but khal and Radicale still split
#: components at it, so the text gets a space after the colon ("END: VEVENT").
_COMPONENT_MARK = re.compile(r"\b(BEGIN|END):(?=V[A-Z])", re.IGNORECASE)


def _defused(value: str) -> str:
    return _COMPONENT_MARK.sub(r"\1: ", value)


# Import ------------------------------------------------------------------------------------


def read_ics(path: str | Path, *,
             on_error: Callable[[InputError], None] | None = None) -> list[Event]:
    """The events of an .ics file; see :func:`parse_ics`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None
    return parse_ics(data, origin=str(path), on_error=on_error)


def parse_ics(data: bytes | str, *, origin: str = "<ics>",
              on_error: Callable[[InputError], None] | None = None) -> list[Event]:
    """The VEVENTs of iCalendar data as ``scheduled`` events whose source is ``origin``.

    A file that is not iCalendar raises :class:`InputError`. A VEVENT that cannot be read
    raises too, unless ``on_error`` is given: then it is reported there and skipped.
    Cancelled events are left out; a recurring event keeps its RRULE, RDATE and EXDATE
    lines in ``recurrence`` (:mod:`timeline.recurrence` expands them).
    """
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InputError(origin, "not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as error:  # icalendar raises many exception types on hostile input
        raise InputError(origin, f"not valid iCalendar: {_first_line(error)}") from None
    events: list[Event] = []
    seen: set[str] = set()
    for calendar in calendars:
        if calendar.name != "VCALENDAR":
            raise InputError(origin, f"expected VCALENDAR, found {calendar.name}")
        context = _ImportContext.of(calendar, origin)
        for component in calendar.walk("VEVENT"):
            try:
                event = _event_from(component, context)
            except InputError as error:
                if on_error is None:
                    raise
                on_error(error)
                continue
            if event is not None and event.uid not in seen:
                seen.add(event.uid)
                events.append(event)
    return events


@dataclass(frozen=True, slots=True)
class _ImportContext:
    """What every VEVENT of one calendar shares: the file, its name and floating-time zone."""

    origin: str
    name: str | None
    floating: tzinfo

    @classmethod
    def of(cls, calendar: icalendar.Calendar, origin: str) -> _ImportContext:
        name = calendar.get("NAME") or calendar.get("X-WR-CALNAME")
        floating: tzinfo = UTC
        wanted = calendar.get("X-WR-TIMEZONE")
        if wanted:
            with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
                floating = ZoneInfo(str(wanted))
        return cls(origin, _line(str(name)) if name else None, floating)


def _event_from(component: icalendar.Component, context: _ImportContext) -> Event | None:
    """One VEVENT as an Event, or None when it is cancelled."""
    uid = _line(str(component.get("UID", "")))
    if not uid:
        summary = _line(str(component.get("SUMMARY", "")))[:60]
        raise InputError(context.origin, f"event {summary!r} has no UID")
    where = f"event {uid!r}"
    if component.errors:
        prop, problem = component.errors[0]
        raise InputError(context.origin, f"{where}: bad {prop}: {_first_line(problem)}")
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    recurrence = component.get("RECURRENCE-ID")
    if recurrence is not None:
        # A changed occurrence of a recurring event shares its UID; give it its own.
        uid = f"{uid}#{_raw(recurrence)}"
    if "DTSTART" not in component:
        raise InputError(context.origin, f"{where}: no DTSTART")
    start = _decoded_when(component, "DTSTART", context, where)
    end: date | datetime | None = None
    if "DTEND" in component and str(component.get(X_END, "")).upper() != "DEFAULT":
        end = _decoded_when(component, "DTEND", context, where)
    elif "DURATION" in component and "DTEND" not in component:
        duration = component.decoded("DURATION")
        if not isinstance(duration, timedelta):
            raise InputError(context.origin, f"{where}: bad DURATION")
        try:
            end = start + duration
        except OverflowError:
            raise InputError(context.origin, f"{where}: DURATION runs past the year 9999") from None
    granularity = _granularity(component, start)
    start, end = _inclusive(start, end, granularity)
    for value in (start, end):
        if value is not None and not in_bounds(day_of(value)):
            raise InputError(context.origin, f"{where}: {day_of(value).isoformat()} is outside "
                                             f"the days a calendar can hold ({EARLIEST} to "
                                             f"{LATEST})")
    tz = getattr(start.tzinfo, "key", None) if isinstance(start, datetime) else None
    stored = _stored_zone(component)
    if stored is not None:
        # The exporter's note of the event's zone: for an all-day event, or for a time it
        # wrote in UTC because the local time was ambiguous.
        tz = stored.key
        if isinstance(start, datetime) and start.tzinfo is UTC:
            start = start.astimezone(stored)
        if isinstance(end, datetime) and end.tzinfo is UTC:
            end = end.astimezone(stored)
    title = _line(str(component.get("SUMMARY", ""))) or "(untitled)"
    draft = Event(uid=uid, title=title, start=start, end=end, granularity=granularity,
                  kind="scheduled", sources=(Source(document=context.origin, evidence="",
                                                    trigger=""),))
    if draft.is_coarse:
        suffix = f" ({_sometime(draft)})"
        if title.endswith(suffix) and len(title) > len(suffix):
            title = title[: -len(suffix)]
    tentative = str(component.get("STATUS", "")).upper() == "TENTATIVE"
    url = component.get("URL")
    stamp = _stamp(component)
    source = Source(
        document=context.origin,
        evidence=title,
        trigger=_raw(component["DTSTART"]),
        document_title=context.name,
        document_dct=stamp.isoformat() if stamp else None,
        url=str(url) if url else None,
    )
    location = _line(str(component.get("LOCATION", ""))) or None
    return Event(
        uid=uid, title=title, start=start, end=end, granularity=granularity, kind="scheduled",
        sources=(source,), tz=tz, location=location, confidence=0.5 if tentative else 1.0,
        derivation=f"imported from the calendar file {context.origin}",
        tags=_tags(component), recurrence=_recurrence_lines(component),
    )


def _decoded_when(component: icalendar.Component, prop: str, context: _ImportContext,
                  where: str) -> date | datetime:
    """DTSTART or DTEND as a date or an aware datetime; floating times get the file's zone."""
    try:
        value = component.decoded(prop)
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(context.origin, f"{where}: bad {prop}: {_first_line(error)}") from None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=context.floating)
        if getattr(value.tzinfo, "key", None) in _UTC_NAMES:
            return value.replace(tzinfo=UTC)
        if not isinstance(value.tzinfo, ZoneInfo) and value.utcoffset() != timedelta(0):
            # A zone defined only by the file's VTIMEZONE: keep the instant, in UTC.
            return value.astimezone(UTC)
        if value.utcoffset() == timedelta(0) and not getattr(value.tzinfo, "key", None):
            return value.astimezone(UTC)
        return value
    if isinstance(value, date):
        return value
    raise InputError(context.origin, f"{where}: bad {prop}: {value!r}")


def _stored_zone(component: icalendar.Component) -> ZoneInfo | None:
    """The zone in X-TIMELINE-TZ, when it names a real one."""
    stored = component.get(X_TZ)
    if not stored:
        return None
    try:
        return ZoneInfo(str(stored))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _granularity(component: icalendar.Component, start: date | datetime) -> Granularity:
    """Time or day from the value type; a coarse granularity the exporter wrote wins."""
    stored = _COARSE.get(str(component.get(X_GRANULARITY, "")).lower())
    if stored is not None and not isinstance(start, datetime):
        return stored
    return "time" if isinstance(start, datetime) else "day"


def _inclusive(start: date | datetime, end: date | datetime | None,
               granularity: Granularity) -> tuple[date | datetime, date | datetime | None]:
    """Turn an exclusive DTEND back into the timeline's inclusive end (None for one day)."""
    if end is None:
        return start, None
    if isinstance(start, datetime):
        if not isinstance(end, datetime):
            end = datetime.combine(end, time(), tzinfo=start.tzinfo)
        return start, end if end > start else None
    last = _day(end) - timedelta(days=1)
    if granularity in ("year", "month", "week"):
        if last <= period_last_day(start, granularity):
            return start, None
        if granularity == "year":
            return start, date(last.year, 1, 1)
        if granularity == "month":
            return start, date(last.year, last.month, 1)
        return start, last - timedelta(days=last.weekday())
    return start, last if last > start else None


def _stamp(component: icalendar.Component) -> datetime | None:
    """When the VEVENT was last changed, in UTC, to keep exports of it reproducible."""
    for prop in ("LAST-MODIFIED", "DTSTAMP"):
        with contextlib.suppress(ValueError, TypeError, KeyError):
            value = component.decoded(prop) if prop in component else None
            if isinstance(value, datetime):
                aware = value if value.tzinfo else value.replace(tzinfo=UTC)
                return aware.astimezone(UTC)
    return None


def _tags(component: icalendar.Component) -> tuple[str, ...]:
    """CATEGORIES without the kind the exporter adds."""
    found = component.get("CATEGORIES")
    if found is None:
        return ()
    values: list[str] = []
    for prop in found if isinstance(found, list) else [found]:
        values.extend(str(category) for category in getattr(prop, "cats", []))
    tags = (_line(value) for value in values)
    return tuple(dict.fromkeys(tag for tag in tags if tag and tag not in KINDS))


def _raw(prop: object) -> str:
    """A property value as the file wrote it."""
    value = prop.to_ical() if hasattr(prop, "to_ical") else prop
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
