"""Which zone a publication time is in when the article does not write one.

The rules, in order: a zone written with the time ("stated"); ``--source-tz``
("source-tz"); the zone of the outlet or of the agency in the dateline ("outlet"); the
zone of the dateline's town ("dateline"); else UTC ("utc"). The rule that applied is kept
on the document, so the JSON and the TUI can say where the zone came from.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import cache
from importlib import resources
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.document import ZoneRule
from timeline.errors import InputError
from timeline.nlp.dateline import Dateline


def parse_zone(name: str) -> tzinfo:
    """An IANA zone by name, or :class:`InputError` naming it."""
    if name.upper() == "UTC":
        return UTC
    zone = zone_or_none(name)
    if zone is None:
        raise InputError("--source-tz", f"unknown time zone {shorten(name)!r}")
    return zone


def zone_or_none(name: str) -> ZoneInfo | None:
    """The IANA zone ``name``, or None for anything that is not one (a 300-character name
    makes ``ZoneInfo`` raise ``OSError``, not the usual lookup error)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a one-line message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


@cache
def outlet_zones() -> dict[str, str]:
    """Outlet or host (lower case) -> the zone it publishes in, from ``outlet_zones.tsv``."""
    text = resources.files("timeline.readers").joinpath("data", "outlet_zones.tsv")
    table: dict[str, str] = {}
    for line in text.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            name, zone = line.split("\t")
            table[name.strip().lower()] = zone.strip()
    return table


def outlet_zone(outlet: str | None, url: str | None = None) -> str | None:
    """The zone an outlet (by name, or by its web host) publishes in, when one is known."""
    table = outlet_zones()
    if outlet and outlet.strip().lower() in table:
        return table[outlet.strip().lower()]
    host = (urlsplit(url).hostname or "") if url else ""
    while host:
        if host in table:
            return table[host]
        host = host.partition(".")[2]
    return None


def dateline_zone(dateline: Dateline | None) -> str | None:
    """The zone of the dateline's town ("SEOUL, Feb. 4 --" -> Asia/Seoul)."""
    if dateline is None:
        return None
    from timeline.places import place_in  # the gazetteer loads only for a dateline

    name = dateline.place.title() if dateline.place.isupper() else dateline.place
    place = place_in(name, dateline.region)
    return place.tz if place is not None else None


def settle_zone(moment: datetime, *, source_tz: str | None, outlet: str | None = None,
                url: str | None = None,
                dateline: Dateline | None = None) -> tuple[datetime, ZoneRule]:
    """``moment`` made aware by the first rule that knows a zone, and the rule's name."""
    if moment.tzinfo is not None:
        return moment, "stated"
    if source_tz:
        return moment.replace(tzinfo=parse_zone(source_tz)), "source-tz"
    agency = dateline.agency if dateline is not None else None
    known = outlet_zone(outlet, url) or outlet_zone(agency)
    if known:
        return moment.replace(tzinfo=ZoneInfo(known)), "outlet"
    local = dateline_zone(dateline)
    if local:
        return moment.replace(tzinfo=ZoneInfo(local)), "dateline"
    return moment.replace(tzinfo=UTC), "utc"
