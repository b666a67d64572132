"""Pass ``zone``: the zone a clock time is stated in, from the nearest clue that names one.

In order: a zone word right after the clock ("11:00 IST", "10 a.m. Pacific", "23:08 Beijing
Time"; "local time" is the venue's), a story-wide statement ("all times UK"), the venue, the
places the sentence names (by entity label), the dateline, the headline, the story's opening
and last the outlet's own zone (the DCT's, when it is not plain UTC). An abbreviation shared by
the venue's zone ("AEDT" at a Melbourne ground) gives the venue's zone.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.place import locative_places
from timeline.events.story import Story
from timeline.nlp import ZONE_DECLARATIONS, name_all
from timeline.places import VENUE_NOUNS, Place, lookup, place_in

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_ZONE_WORD = "|".join(re.escape(w) for w in sorted(ZONE_DECLARATIONS, key=len, reverse=True))
# "at 11:00 IST", "(07:30 local)", "10 a.m. Pacific time", "11:08 pm (Beijing Time)"
_AFTER_CLOCK = re.compile(
    rf"""\s*(?:[ap]\.?m\.?)?\s*\(?\s*(?:in\s+)?
        (?:(?P<zone>{_ZONE_WORD})(?:\s+time)?|(?P<local>local)(?:\s+time)?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_IN_TRIGGER = re.compile(rf"\b(?P<zone>{_ZONE_WORD})\b(?:\s+time)?\s*\)?$", re.IGNORECASE)
# "with all times UK", "(all times AEDT)", "All times are local", "times are in ET"
_DECLARATION = re.compile(
    rf"""\b(?:all\s+)?times\s+(?:are\s+|shown\s+(?:are\s+|in\s+)?)?(?:in\s+)?
        (?:(?P<zone>{_ZONE_WORD})|(?P<local>local))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _place(name: str | None) -> Place | None:
    """The gazetteer place a location ends in ("Lekan Salami Stadium, Ibadan" -> Ibadan)."""
    if not name:
        return None
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if len(parts) >= 2 and (town := place_in(parts[-2], parts[-1])) is not None:
        return town  # "Santa Fe, N.M.": the town in that state
    for part in reversed(parts):
        found = lookup(part)
        if found is not None:
            return found
    # "Olympic Stadium Berlin": a town written after a venue noun. The last word of any other
    # name is no town ("Rajya Sabha" is not Sabha in Libya).
    words = name.split()
    venue = len(words) > 1 and VENUE_NOUNS.intersection(w.lower() for w in words[:-1])
    return lookup(words[-1]) if venue else None


def _same_offset(zone: str, other: str, when: datetime) -> bool:
    local = when.replace(tzinfo=None)
    return ZoneInfo(zone).utcoffset(local) == ZoneInfo(other).utcoffset(local)


def _entity_places(story: Story, text: str | None) -> list[Place]:
    """The gazetteer places among the entities of ``text``, cities before countries."""
    if not text:
        return []
    found = [p for e in story.parse(text).entities(*_PLACE_LABELS)
             if (p := lookup(e.text.removeprefix("the ").strip())) is not None]
    return sorted(found, key=lambda p: p.kind == "country")


def local_zone(story: Story, event: Event) -> str | None:
    """The zone of where the event is: its venue, its sentence, dateline, headline, opening."""
    venue = _place(event.location)
    if venue is not None and venue.kind != "country":
        return venue.tz
    # Only places the sentence puts the event in ("in Melbourne"), not where someone is from
    # ("Montreal pianist").
    parsed = story.parse(event.source.evidence)
    clues = [p for _, _, name in sorted(locative_places(parsed, set()))
             if (p := lookup(name)) is not None]
    dateline = story.dateline_place()
    if dateline is not None:  # "SANTA FE, N.M.": the sentence's Santa Fe is that one
        clues = [dateline if p.name == dateline.name else p for p in clues] + [dateline]
    clues += _entity_places(story, story.document.title)
    clues += _entity_places(story, story.lead())
    if venue is not None:  # "Hastings Road, Singapore": the event's own country comes first
        inside = [p for p in clues if p.country == venue.country and p.kind != "country"]
        return inside[0].tz if inside else venue.tz
    country = story_country(story)
    if country is not None:  # "Richmond" in a story set in Australia is not in Virginia
        clues = [p for p in clues if p.country == country] or story_places(story)
    for place in clues:
        if place.kind != "country":
            return place.tz
    return clues[0].tz if clues else None


def story_places(story: Story) -> list[Place]:
    """The places every parsed sentence of the story names, most often named first."""
    if "places" not in story.memo:
        story.memo["places"] = _story_places(story)
    return list(story.memo["places"])


def _story_places(story: Story) -> list[Place]:
    name_all(story.parses.values())  # one batch, not one recogniser call per sentence
    found: list[Place] = []
    for text in list(story.parses):
        found += _entity_places(story, text)
    counts = Counter(p.name for p in found)
    return sorted({p.name: p for p in found}.values(),
                  key=lambda p: (-counts[p.name], p.kind == "country"))


def story_country(story: Story) -> str | None:
    """The country most of the story's places lie in, when most of them agree."""
    if "country" not in story.memo:
        story.memo["country"] = _story_country(story)
    country: str | None = story.memo["country"]
    return country


def _story_country(story: Story) -> str | None:
    name_all(story.parses.values())  # one batch, not one recogniser call per sentence
    countries = Counter(p.country for text in list(story.parses)
                        for p in _entity_places(story, text))
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count * 2 > sum(countries.values()) else None


def stated_zone(story: Story, event: Event) -> tuple[str | None, bool]:
    """The zone a word after the clock names, and whether the word was "local"."""
    source = event.source
    text = story.document.text
    for end in _part_ends(text, source.trigger, source.sentence_start):
        match = _AFTER_CLOCK.match(text, end, min(len(text), end + 30))
        if match is not None:
            if match.group("local"):
                return None, True
            return ZONE_DECLARATIONS[match.group("zone").lower()], False
    clocks = [t.text for t in story.timexes_from(source.sentence_start, source.sentence_end or None)
              if t.type == "TIME"]
    for written in (*clocks, source.trigger):  # the tagger keeps "10 a.m. PT" in one timex
        inside = _IN_TRIGGER.search(written)
        if inside is not None and inside.group("zone"):
            return ZONE_DECLARATIONS[inside.group("zone").lower()], False
    return None, False


def _part_ends(text: str, trigger: str, near: int) -> list[int]:
    """Where each part of a trigger ("on Nov. 19 | at 10:30 p.m.") ends in the text: the first
    occurrence from the event's sentence on (``near`` is where it starts), else the nearest
    one; the clock's zone word follows its part. (Nearest alone would take the same clock of
    the line before: "3:20pm AEDT" above "3:20pm AWST".)"""
    ends: list[int] = []
    for part in reversed(trigger.split(" | ")):
        found = [m.end() for m in re.finditer(re.escape(part), text)]
        after = [end for end in found if end - len(part) >= near]
        if after:
            ends.append(after[0])
        elif found:
            ends.append(min(found, key=lambda end: abs(end - near)))
    return ends


def declared_zone(story: Story) -> tuple[str | None, bool]:
    """A zone the story states for all its times ("all times UK"), or "local"."""
    match = _DECLARATION.search(story.document.text)
    if match is None:
        return None, False
    if match.group("local"):
        return None, True
    return ZONE_DECLARATIONS[match.group("zone").lower()], False


def zone_for(story: Story, event: Event) -> str | None:
    """The zone of a timed event's clock, or None when no clue names one."""
    assert isinstance(event.start, datetime)
    stated, local = stated_zone(story, event)
    if stated is None and not local:
        stated, local = declared_zone(story)
    if local:
        return local_zone(story, event)
    if stated is not None:
        here = local_zone(story, event)
        # "AEDT" names Sydney's clocks; at a Melbourne ground it is Melbourne's zone.
        return here if here and _same_offset(stated, here, event.start) else stated
    here = local_zone(story, event)
    if here is not None:
        return here
    outlet = str(story.document.dct.tzinfo)
    return outlet if outlet not in ("UTC", "Etc/UTC") else None


def run(story: Story, events: list[Event]) -> list[Event]:
    """Timed events with their clock read in the zone it is stated in."""
    out: list[Event] = []
    for event in events:
        if not isinstance(event.start, datetime):
            out.append(event)
            continue
        zone = zone_for(story, event)
        if zone is None or zone == event.tz:
            out.append(event)
            continue
        out.append(_in_zone(story, event, zone))
    return out


def _in_zone(story: Story, event: Event, zone: str) -> Event:
    """The same wall-clock time, read in ``zone``."""
    tzinfo = ZoneInfo(zone)
    start = event.start.replace(tzinfo=tzinfo) if isinstance(event.start, datetime) \
        else event.start
    end = event.end.replace(tzinfo=tzinfo) if isinstance(event.end, datetime) else event.end
    return story.changed(event, "zone", start=start, end=end, tz=zone)


PASS = Pass("zone", run, __doc__.splitlines()[0])
