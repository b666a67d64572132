"""Event framer: turn a document's dated clauses into calendar events.

For each sentence, every DATE/TIME expression with a calendar value is a candidate date
(a range's two ends make one candidate). A candidate becomes an event unless it dates the
reporting act ("said Thursday"), sits in the dateline, or is the publication date named
only as such. The event gets a title from the sentence's own words, the most specific place
the sentence names, a zone when it has a clock time, a kind from tense and date, and a
confidence that says how sure each of those steps was.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from timeline.document import Document
from timeline.event import (
    GRANULARITIES,
    Event,
    Granularity,
    Kind,
    Source,
    When,
    day_of,
    period_last_day,
)
from timeline.places import (
    VENUE_NOUNS,
    Place,
    find_location,
    lookup,
    place_in,
    places_named,
    zone_for_words,
)
from timeline.sentences import Sentence, split_sentences
from timeline.temporal import tag
from timeline.timex import Timex
from timeline.titles import (
    EVENT_NAME,
    EVENT_NOUNS,
    complete_from_headline,
    has_event_complement,
    headline_without_dates,
    make_title,
    without_other_dated_clauses,
)

UID_DOMAIN = "news-timeline"
_VALUE = re.compile(
    r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2})(?:T(?:(\d{2}):(\d{2})|(MO|AF|EV|NI|DT)))?)?)?$"
)
_SEASON_OR_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6),
                "H2": (7, 12), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,3}?|announced|stated|confirmed|added|noted|reported|"
    r"disclosed|revealed|wrote|tweeted|posted|declared|explained|argued|warned|insisted|"
    r"(?:in|at)\s+an?\s+(?:statement|press\s+release|briefing|interview|news\s+conference)"
    r"(?:\s+\w+){0,3}?)\s*(?:on\s+|earlier\s+|late\s+)?$",
    re.IGNORECASE,
)
_REPORTING_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|announced|told|invited|issued|released|unveiled|confirmed|"
    r"published|reported|disclosed)\b",
    re.IGNORECASE,
)
_FUTURE_TELLING = re.compile(r"\b(?:will|would|to|is to|are to)\s+(?:be\s+)?\w+\s*(?:on\s+)?$",
                             re.IGNORECASE)
_RANGE_WORD = re.compile(r"\b(?:to|through|thru|until|till)\b|[-–—]", re.IGNORECASE)
_MERIDIEM = re.compile(r"\b[ap]\.?m\b|noon|midnight|morning|evening|night", re.IGNORECASE)
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*on\s+", re.IGNORECASE)
_STATISTIC_BEFORE = re.compile(
    r"\b(?:percent|per cent|share|volume|total|amounted|accounted|billion|million|trillion|"
    r"average|rate|grew|rose|fell|increased|decreased)\b|%",
    re.IGNORECASE,
)
_STATISTIC_WORD = re.compile(
    r"\b(?:share|volume|total|totals|amounted|accounted|average|rate|grew|"
    r"grown|rose|risen|fell|fallen|increased|decreased|declined|reached|budget|turnout|"
    r"attendance|revenue|revenues|sales|profit|profits|deficit|surplus|exports|imports|trade|"
    r"sold|stood at|up from|down from|enrollment|enrolment|"
    r"rainfall|temperatures?|population|unemployment|inflation|scored|record|had access)\b",
    re.IGNORECASE,
)
# An amount other than a date: "$48 million", "61 percent", "42,000", "41 goals", "a quarter".
_AMOUNT = re.compile(
    r"[$€£¥]\s?\d|\d\s?%|\b\d[\d,.]*\s+(?:percent|per cent|million|billion|trillion)\b|"
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\s+(?!(?:a\.m|p\.m|am|pm)\b)[a-z]{3,}s\b|"
    r"\bby (?:about |nearly |almost )?(?:a quarter|a third|half|a fifth|a tenth)\b",
    re.IGNORECASE,
)
# "its fiscal third-quarter results": the period of a figure, not a date of something.
_FIGURE_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:results|earnings|revenue|revenues|sales|profit|profits|loss|losses|"
    r"figures|growth|GDP|output|numbers|data|budget|forecast|guidance|report|statistics)\b"
)
_DEADLINE = re.compile(r"^(?:by|no later than)\b", re.IGNORECASE)
_TARGET = re.compile(r"^within\b|\b(?:goal|target|aim)\b", re.IGNORECASE)
_SETTING_VERB = re.compile(
    r"\b(?:will|is|are|was|were|be|been|has|have|had|set|held|runs?|starts?|begins?|opens?|"
    r"kicks? off|gets? under way|"
    r"takes? place|closes?|ends?|shuts?)\b",
    re.IGNORECASE,
)
_ISSUED_BEFORE = re.compile(r"\b(?:issued|released|published|sent|posted)\s+$", re.IGNORECASE)
# "SEOUL, Oct. 24 (Yonhap) --", "TORONTO, March 14 --", "BERLIN (AP) --"
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z0-9 .,'’-]{1,60}(?:\([^)\n]{1,40}\)|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"|[A-Z][A-ZÀ-Þ .'’-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)\s*(?:--|—|–|_)\s*"
)
_YEAR_WORDS = re.compile(r",?\s*\b(?:(?:this|next|last) year|\d{4})\b,?")
_WEEKDAY_ONLY = re.compile(r"(?:(?:from|on|to|through|until)\s+)?[A-Z][a-z]+day", re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"\banniversary\b|\bturns? (?:\d+|[a-z]+)\b(?! (?:to|into|out)\b)"
    r"|\bmarks? (?:a|one|two|three|four|five|ten|\d+) (?:decades?|years?|centur(?:y|ies)) since\b"
    r"|\bfor the \d+(?:st|nd|rd|th) time\b",
    re.IGNORECASE,
)
_YEAR_IN_NAME = re.compile(r"\d{4}")
_NAME_AFTER_YEAR = re.compile(r"\s+[A-Z][\w.-]*")
DATELINE_PLACE = re.compile(
    r"^(?P<city>[A-Z][\w .'’-]{1,40}?)\s*+"  # possessive: giving spaces back cannot help
    r"(?:,\s*(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
    r"(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)\s*(?=\(|--|—|–|_|,)"
    r"|(?=,|\(|--|—|–|_))"  # no second \s* here: two in a row are quadratic in a run of spaces
)
# A bracketed date right after the first end of a range restates it: "Monday (Aug 4)".
_RESTATED_IN_BRACKETS = re.compile(
    r"""^\s*\(              # the bracket opens right after the date
        [^()\n]{0,20}\d[^()\n]{0,20}
        \)""",
    re.VERBOSE,
)
_RANGE_JOIN = re.compile(
    r"""^\s*(?: to | through | thru | until | till | - | – | — | and
             | ,?\s*into )            # "the night of Monday, Aug 12, into the morning of ..."
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|to be held|is set to|are set to|slated|due|"
    r"(?:is|are|was|were|be|been)\s+(?:re)?scheduled|scheduled\s+(?:for|to)|"
    r"expected|plans? to|planned|planning|intends? to|upcoming|coming|next|would|later this|"
    r"tentatively|"
    r"going to)\b",
    re.IGNORECASE,
)
_TENSE_BREAK = re.compile(
    r",\s*(?:which|who|where|while|but|and|although|though|whereas)\b|;|\s[-—–]{1,2}\s",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|held|met|took|went|came|said|won|lost|visited|signed|began|"
    r"launched|ended|last|ago|earlier|previous|previously|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_ZONE_PHRASE = re.compile(
    r"^\s*(?:\(?\s*(?P<abbr>[A-Z]{2,5})\b\)?|(?:in\s+)?(?P<words>(?:[A-Z][a-z]+\s+){0,2}"
    r"[A-Za-z]+)\s+time\b|(?P<local>local)\b|(?P<word>[A-Z][a-z]+)\b)"
)
_ZONE_INSIDE = re.compile(
    r"((?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z]+)\s+time$|\b([A-Z]{2,5}|Eastern|Central|Mountain|Pacific)$"
)
_EXPLICIT_DATE = re.compile(r"\d{1,2}\s*(?:st|nd|rd|th)?\s*,?\s*\d{4}|[A-Z][a-z]{2,}\.?\s+\d")
# ", after which ...", "and then ...", "and a banquet will follow in the evening"
_FOLLOW_UP = re.compile(
    r",\s*after which\s+|,?\s+and then\s+|;\s*then\s+"
    r"|,?\s+and\s+(?=(?:a|an|the)\s[^,;.]*\bin the (?:afternoon|evening)\b)",
    re.IGNORECASE,
)
_NEXT_FOLLOW_UP = re.compile(r",\s*(?:after which|where|which|before)\b|;", re.IGNORECASE)
_VERB_CUE = re.compile(r"\b(?:will|would|is to|are to|plans? to|is set to|are set to|"
                       r"is scheduled to|are scheduled to|is expected to|are expected to)\b",
                       re.IGNORECASE)
_TIMEX_IN = re.compile(r"\b(?:on|from)\s+(?:[A-Z][a-z]+\.?\s+\d|\d{1,2}\s+[A-Z][a-z]+|"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")
_SEQUEL_CUE = re.compile(
    r"^(?:in the (?:morning|afternoon|evening)|later that day|later in the day|that evening|"
    r"that night|afterwards|after that|then)\b,?\s*|\b(?:will|is to|are to)\s+(?P<then>then)\b",
    re.IGNORECASE,
)
# A date expression made of numbers and calendar words; "Memorial Day" names its event.
_PLAIN_DATE = re.compile(
    r"\d|\b(?:today|tonight|tomorrow|yesterday|week|weekend|month|year|spring|summer|fall|"
    r"autumn|winter|morning|afternoon|evening|night|ago|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
    r"Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)",
)
# ", which is the last day to vote": a relative clause that says what the date is.
_DATE_APPOSITIVE = re.compile(
    r"\s*,\s*which\s+(?:is|was|will\s+be)\s+(?:also\s+)?(?:the|a|an)\s+([^,.;:()]{3,90})"
)
# What closes on a date and so ends a window to act: registration, applications, voting.
_CLOSING_WINDOW = re.compile(
    r"^(?P<what>(?:[\w'’-]+\s+){0,3}?(?:registration|applications?|nominations?|submissions?|"
    r"entries|enrollment|enrolment|bidding|sign-ups?|filing|voting|ticket sales)"
    r"(?:\s+(?:for|of|to|on)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)\s+"
    r"(?:closes|close|ends|end)\b",
    re.IGNORECASE,
)
_CLOSING_BEFORE = re.compile(
    r"\b(?:close|closes|shut|shuts|end|ends|finish|finishes|wrap up|wraps up)\s+(?:at\s+)?$",
    re.IGNORECASE,
)
_START_OR_END = re.compile(
    r"\b(?:start|starts|started|begin|begins|began|kick-?off|kicks?\s+off|tip-?off|"
    r"gets?\s+under\s+way|open|opens|doors|first pitch|takes? place|"
    r"(?:is|are)\s+(?:set|scheduled)\s+for|will\s+be\s+held|close|closes|shut|shuts|end|ends|"
    r"finish|finishes)\b",
    re.IGNORECASE,
)
_DEFINITE_SUBJECT = re.compile(r"^\s*(?:It|They|(?:The|This|That)\s+(?P<noun>[a-z]+))\b")
# Four or more words between the two parts of one date: they are quoted apart.
_WORDS_BETWEEN = re.compile(r"(?:\S+\s+){4,}")
_PLACE_THEN_DATE = re.compile(r"(?:[,;]\s*|\band\s+|\bplay\s+)"
                              r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s+on\s+$")
_ENDING_LEAD = re.compile(r"\b(?:until|till|through|to|ending|ended|ends|by)\s+$",
                          re.IGNORECASE)
_OTHER_HAPPENING_LEAD = re.compile(r"\b(?:ahead of|before|after|following|prior to)\b",
                                   re.IGNORECASE)
_FOR_LEAD = re.compile(r"\s*,?\s*for\s+", re.IGNORECASE)
_DURATION_VALUE = re.compile(r"PT?(\d{1,3})([DWH])")
_TRAILING_PREPOSITIONS = frozenset("before after since until during at on in for".split())
_CONFIDENCE_BY_GRANULARITY = {"time": 0.95, "day": 0.9, "week": 0.75, "month": 0.65, "year": 0.5}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A calendar date found in a sentence: one timex, or the two ends of a range."""

    first: Timex
    last: Timex
    start: When
    end: When | None
    granularity: Granularity

    @property
    def span(self) -> tuple[int, int]:
        return self.first.start, self.last.end


def uid_basis(document: Document) -> str:
    """What names a document in its events' UIDs, wherever the file lies.

    The URL when known; else the file's name, publication time and headline, so moving
    a folder or re-reading an edited body keeps every UID (a renamed file or a new
    headline starts new ones); text from standard input is named by its content.
    """
    if document.url:
        return document.url
    if document.id.startswith("<"):
        return f"{document.id}:{document.content_hash}"
    moment = document.dct
    if document.zone_rule in ("outlet", "dateline"):
        # Such times were read as UTC before those rules; the zone a rule guesses must not
        # move a UID (and the corrections made to it).
        moment = moment.replace(tzinfo=UTC)
    return "\0".join((os.path.basename(document.id), moment.isoformat(), document.title or ""))


def make_uid(document: Document, ordinal: int) -> str:
    """A UID from the document's name and the event's position in it."""
    digest = hashlib.sha256(f"{uid_basis(document)}\0{ordinal}".encode()).hexdigest()
    return f"{digest[:24]}@{UID_DOMAIN}"


def value_to_when(value: str) -> tuple[When, Granularity, When | None] | None:
    """A TIMEX3 DATE/TIME value as (start, granularity, end), or None when it is not one.

    Parts of a day ("2025-02-19TEV") are day-granular; quarters, halves and seasons become
    month spans.
    """
    match = _VALUE.match(value)
    if match is None:
        return _period_to_when(value)
    year, week, month, day, hour, minute, _part = match.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1), "week", None
        if hour:
            # "T24:00" (midnight at the end of the day) is the next day's first moment.
            moment = datetime(int(year), int(month), int(day), int(hour) % 24, int(minute))  # noqa: DTZ001
            return moment + timedelta(days=int(hour) // 24), "time", None
        if day:
            return date(int(year), int(month), int(day)), "day", None
        if month:
            return date(int(year), int(month), 1), "month", None
        return date(int(year), 1, 1), "year", None
    except ValueError:
        return None


def _period_to_when(value: str) -> tuple[When, Granularity, When | None] | None:
    match = _SEASON_OR_PART.match(value)
    if match is None:
        return None
    year = int(match.group(1))
    first, last = _PART_MONTHS[match.group(2)]
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), "month", date(end_year, end_month, 1)


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence with the timexes inside it and the sentences before it, nearest first."""

    sentence: Sentence
    timexes: tuple[Timex, ...]
    earlier: tuple[str, ...]


_EARLIER_SENTENCES = 5


def frame(document: Document, timexes: list[Timex]) -> list[Event]:
    """The events of one document, in reading order (``timexes`` sorted by start, as tagged)."""
    dateline = _DATELINE.match(document.text)
    skip_before = dateline.end() if dateline else 0
    events: list[Event] = []
    twins = _SameDay()
    sentences = split_sentences(document.text)
    cursor = 0  # timexes come sorted by start, so one pass hands each sentence its own
    for number, sentence in enumerate(sentences):
        while cursor < len(timexes) and timexes[cursor].start < sentence.start:
            cursor += 1
        first = cursor
        while cursor < len(timexes) and timexes[cursor].start < sentence.end:
            cursor += 1
        # a dateline that opens a later paragraph ("WASHINGTON, Aug. 8 (Xinhua) --") too
        inner = _DATELINE.match(sentence.text) if sentence.start > skip_before else None
        cut = max(skip_before, sentence.start + inner.end() if inner else 0)
        inside = [(i, timexes[i]) for i in range(first, cursor) if timexes[i].start >= cut]
        passage = Passage(
            sentence, tuple(timexes[first:cursor]),
            tuple(s.text for s in reversed(sentences[max(0, number - _EARLIER_SENTENCES):number])),
        )
        candidates = _candidates(inside, document.text, sentence)
        within = _day_within(sentence, events)
        if within is not None:  # "on the last day of the trip": a day of a dated event
            candidates = _within_event(candidates, within, sentence)
        for candidate in candidates:
            if _is_reporting_date(document.text, sentence, candidate, document):
                continue
            event = _event(document, passage, candidate, timexes, len(events))
            previous = events[-1] if events else None
            if previous is not None and _refines(previous, event):
                events[-1] = _refine(previous, event)
                twins.moved(events, len(events) - 1)
                continue
            twin = twins.first_twin(events, event)
            if twin is not None:
                events[twin] = _join_twins(events[twin], event)
                continue
            events.append(event)
            events.extend(_follow_ups(document, passage, candidate, timexes, len(events), event))
        offset = _offset_event(document, passage, timexes, len(events), events)
        if offset is not None:
            events.append(offset)
        if not inside and events and events[-1].granularity in ("day", "time"):
            sequel = _sequel(document, passage, timexes, len(events), events[-1])
            if sequel is not None:
                events.append(sequel)
    events = _completed_from_headline(document, events)
    events = _without_restated(events)
    default = _dateline_location(document)
    return [_with_place_in_short_title(_with_default_place(e, default))
            for e in _inherit_locations(events)]


class _SameDay:
    """Where to look for an event's twin: :func:`_duplicates` pairs only events with the
    same first day and granularity, so the events are indexed by those, and a list of
    thousands of dates is not scanned once per date.

    Events are indexed as they are appended; one whose day changes in place (a refined last
    event) is indexed again by :meth:`moved`, and a stale entry is skipped on lookup.
    """

    def __init__(self) -> None:
        self._by_day: dict[tuple[date, str], list[int]] = {}
        self._indexed = 0

    def moved(self, events: list[Event], index: int) -> None:
        bisect.insort(self._by_day.setdefault(_day_key(events[index]), []), index)

    def first_twin(self, events: list[Event], event: Event) -> int | None:
        """The first earlier event that :func:`_duplicates` ``event``, as a scan finds it."""
        for index in range(self._indexed, len(events)):
            self.moved(events, index)
        self._indexed = len(events)
        key = _day_key(event)
        return next((i for i in self._by_day.get(key, ()) if _day_key(events[i]) == key
                     and _duplicates(events[i], event)), None)


def _day_key(event: Event) -> tuple[date, str]:
    return event.first_day, event.granularity


def _dateline_location(document: Document) -> str | None:
    """ "SANTA FE, N.M. (AP) --" -> "Santa Fe, N.M.": where the story is told from."""
    match = DATELINE_PLACE.match(document.text)
    if match is None or _DATELINE.match(document.text) is None:
        return None
    city = match.group("city").strip()
    city = city.title() if city.isupper() else city
    return f"{city}, {match.group('region')}" if match.group("region") else city


def _with_default_place(event: Event, dateline: str | None) -> Event:
    """An event no sentence places: a town its own name holds ("Halifax Jazz Festival"),
    else the dateline's town, which a local story's events share; a venue named without
    its town is in the dateline's."""
    if event.location is not None:
        venue = event.location
        if dateline and "," not in venue and VENUE_NOUNS.intersection(venue.lower().split()):
            return replace(event, location=f"{venue}, {dateline}")  # the venue's town
        return event
    named = EVENT_NAME.search(event.title)  # only inside a name: "Halifax Jazz Festival"
    words = named.group("before").split() if named else []
    for name in (*(" ".join(pair) for pair in pairwise(words)), *words):
        place = lookup(name)
        if place is not None and place.kind in ("city", "capital", "state"):
            return replace(event, location=name)
    return replace(event, location=dateline) if dateline else event


def _completed_from_headline(document: Document, events: list[Event]) -> list[Event]:
    """ "the verdict" in the body, "Jan. 16 verdict in Yoon's case" in the headline."""
    if not document.title or not events or not has_event_complement(document.title):
        return events
    titles = [complete_from_headline(e.title, _without_trigger(e.source), document.title)
              for e in events]
    if any(new != e.title and _PLAIN_DATE.search(new, len(e.title) // 2)
           for new, e in zip(titles, events, strict=True)):
        # a date may have come along ("vote of the full House next Tuesday"): cut it out
        spans = [(t.start, t.end) for t in tag(document.title, document.dct)]
        headline = headline_without_dates(document.title, spans)
        titles = [complete_from_headline(e.title, _without_trigger(e.source), headline)
                  for e in events]
    return [replace(e, title=title) if title != e.title else e
            for title, e in zip(titles, events, strict=True)]


def _without_trigger(source: Source) -> str:
    """The evidence sentence with the event's date expression cut out."""
    start = source.trigger_start - source.sentence_start
    end = source.trigger_end - source.sentence_start
    return f"{source.evidence[:start].rstrip()} {source.evidence[end:].lstrip()}"



def _with_place_in_short_title(event: Event) -> Event:
    """ "Primary day" alone says too little: "Primary day (Fairfax County, Virginia)"."""
    if len(event.title.split()) > 2 or not event.location or "(" in event.title:
        return event
    return replace(event, title=f"{event.title} ({event.location})")


def _follow_ups(document: Document, passage: Passage, candidate: Candidate,
                timexes: list[Timex], ordinal: int, parent: Event) -> list[Event]:
    """ "... on April 26, after which the leaders will hold a summit": a second event that day."""
    sentence = passage.sentence
    rel_end = candidate.last.end - sentence.start
    out: list[Event] = []
    for match in _FOLLOW_UP.finditer(sentence.text, rel_end):
        clause = sentence.text[match.end():]
        stop = _NEXT_FOLLOW_UP.search(clause)
        clause = clause[: stop.start()] if stop else clause
        if _VERB_CUE.search(clause) is None or _TIMEX_IN.search(clause):
            continue
        title = make_title(clause, len(clause), len(clause), (),
                           (sentence.text, *passage.earlier))
        out.append(replace(
            _event(document, passage, candidate, timexes, ordinal + len(out)),
            title=title.text,
            location=find_location(clause) or parent.location,
            confidence=round(parent.confidence * 0.9, 3),
            derivation=(f"{parent.derivation}; same date as {parent.title!r} "
                        f"({match.group().strip(' ,;')})"),
        ))
    return out


def _sequel(document: Document, passage: Passage, timexes: list[Timex], ordinal: int,
            previous: Event) -> Event | None:
    """ "In the evening, a state dinner will be held": an event on the day the story is at."""
    sentence = passage.sentence
    cue = _SEQUEL_CUE.search(sentence.text)
    if cue is None or not _FUTURE.search(sentence.text) or previous.kind != "scheduled":
        return None
    day = previous.first_day
    # "He will then go": the marker is "then", so the title keeps its "will".
    start, end = cue.span("then") if cue.group("then") else cue.span()
    marker = Timex(start=sentence.start + start, end=sentence.start + end,
                   text=sentence.text[start:end].strip(" ,"), type="DATE",
                   value=day.isoformat(), granularity="day")
    candidate = Candidate(marker, marker, day, None, "day")
    event = _event(document, passage, candidate, timexes, ordinal)
    title = None
    if cue.start() == 0:
        title = make_title(sentence.text[cue.end():], 0, 0, (), passage.earlier)
    return replace(
        event,
        title=title.text if title else event.title,
        location=event.location or previous.location,
        confidence=round(event.confidence * 0.85, 3),
        derivation=f"{marker.text!r} -> {day.isoformat()}, the day of {previous.title!r}",
    )


def _without_restated(events: list[Event]) -> list[Event]:
    """The events less those a finer event restates; the finer one keeps the better title.

    A story's lead often names the happening ("will play a friendly against Brazil next
    month") and a later sentence dates it ("Bento's side will meet Brazil on Nov. 19"):
    the day wins, and when the lead names a one-off happening that the finer sentence only
    has a verb for, the lead's title goes with the day.
    """
    kept: list[Event] = []
    titles: dict[int, str] = {}
    places: dict[int, str] = {}
    # _restates pairs a week or month only with a day or time inside it: those are looked
    # up by day, in the order of the events, not scanned for each week a story names
    finer = sorted((e.first_day, i) for i, e in enumerate(events)
                   if e.granularity in ("day", "time"))
    days = [day for day, _ in finer]
    for coarse in events:
        inside = sorted(i for _, i in finer[bisect.bisect_left(days, coarse.first_day):
                                            bisect.bisect_right(days, coarse.last_day)]) \
            if coarse.granularity in ("week", "month") else []
        fine = next((events[i] for i in inside if _restates(coarse, events[i])), None)
        if fine is None:
            kept.append(coarse)
            continue
        if fine.location is None and coarse.location is not None:
            places.setdefault(id(fine), coarse.location)
        if (_head_event_noun(fine.title) is None
              and _head_event_noun(coarse.title) in _ONE_OFF_NOUNS) or len(fine.title.split()) <= 2:
            titles.setdefault(id(fine), coarse.title)  # "Meeting" says less than the lead
    return [replace(e, title=titles.get(id(e), e.title), location=places.get(id(e), e.location))
            for e in kept]


@dataclass(frozen=True, slots=True)
class DayWithin:
    """ "the second day", "its final night", "every day of the festival": days of an event."""

    marker: Timex
    first: date
    last: date | None


def _day_within(sentence: Sentence, events: list[Event]) -> DayWithin | None:
    """The day(s) a sentence names by their place in a multi-day event the story has dated.

    "On the last day of the trip" after "arrives on Monday for a three-day visit" is the
    Wednesday; "the day before the summit opens" is the eve of its first day.
    """
    if not _DAY_WORD.search(sentence.text):
        return None
    spans = [e for e in events if e.end is not None and e.last_day > e.first_day]
    match = _DAY_OF_EVENT.search(sentence.text)
    if match is None or not spans:
        return None
    noun = match.group("noun") or match.group("noun2") or match.group("eve_noun")
    if noun is not None:
        stems = _content_stems(noun)
        spans = [e for e in spans if noun in e.title.lower()
                 or _happenings(stems) & _happenings(_content_stems(e.title))]
        if not spans:
            return None
    anchor = spans[-1]
    first, last = anchor.first_day, anchor.last_day
    if match.group("every"):
        day, until = first, last
    elif match.group("eve"):
        day, until = (first - timedelta(days=1) if match.group("eve") == "before"
                      else last + timedelta(days=1)), None
    else:
        place = match.group("ordinal").lower()
        day = last if place in ("last", "final", "closing") else first + timedelta(
            days=_ORDINAL_DAYS.get(place, 0))
        until = None
        if not first <= day <= last:
            return None
    marker = Timex(start=sentence.start + match.start("phrase"),
                   end=sentence.start + match.end("phrase"), text=match.group("phrase"),
                   type="DATE", value=day.isoformat(), granularity="day")
    return DayWithin(marker, day, until)


def _within_event(candidates: list[Candidate], within: DayWithin,
                  sentence: Sentence) -> list[Candidate]:
    """Move the sentence's story-relative dates ("that evening", a bare "9:30 a.m.") onto
    the day it names, which is a candidate of its own unless a date stands next to it."""
    moved: list[Candidate] = []
    for candidate in candidates:
        if candidate.first.anchor.startswith("timex:"):
            start = candidate.start
            start = (datetime.combine(within.first, start.time())
                     if isinstance(start, datetime) else within.first)
            moved.append(Candidate(candidate.first, candidate.last, start, None,
                                   candidate.granularity))
        else:
            moved.append(candidate)
    marker = within.marker
    if not any(c.first.start - 25 <= marker.end and marker.start <= c.last.end + 25
               for c in moved):  # "at 9:30 a.m. on the first day" is one date, not two
        moved.append(Candidate(marker, marker, within.first, within.last, "day"))
        moved.sort(key=lambda c: c.first.start)
    return moved


_DAY_WORD = re.compile(r"\b(?:day|night|evening)\b")
_ORDINAL_DAYS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
_DAY_OF_EVENT = re.compile(
    r"(?P<phrase>\b(?:[Oo]n\s+)?(?:[Tt]he|[Ii]ts)\s+(?P<ordinal>first|second|third|fourth|fifth|"
    r"last|final|closing|opening)\s+(?:day|night|evening)"
    r"(?:\s+of\s+(?:the|its|his|her|their)\s+(?P<noun>[a-z]+))?"
    r"|\b(?P<every>every day) of the (?P<noun2>[a-z]+)"
    r"|\bthe day (?P<eve>before|after) the (?P<eve_noun>[a-z]+)\s+(?:opens|begins|starts|ends|"
    r"closes))"
)


def _offset_event(document: Document, passage: Passage, timexes: list[Timex], ordinal: int,
                  events: list[Event]) -> Event | None:
    """ "The friendly falls five days after the away game against Lebanon": that game.

    A story's dated happening, named again by its noun, is put a number of days or weeks
    after (or before) another happening; the other one is dated by counting back.
    """
    sentence = passage.sentence
    for timex in passage.timexes:
        amount = _DAYS_OR_WEEKS.fullmatch(timex.value) if timex.type == "DURATION" else None
        if amount is None:
            continue
        before = sentence.text[: timex.start - sentence.start]
        after = sentence.text[timex.end - sentence.start:]
        subject, other = _OFFSET_SUBJECT.search(before), _OFFSET_OTHER.match(after)
        if subject is None or other is None:
            continue
        anchor = _anchor_event(subject.group("noun").lower(), events)
        if anchor is None:
            continue
        days = int(amount.group(1)) * (7 if amount.group(2) == "W" else 1)
        day = anchor.first_day + timedelta(days=-days if other.group("way") == "after" else days)
        marker = Timex(start=timex.start, end=timex.end + len(other.group("lead")),
                       text=f"{timex.text}{other.group('lead')}".strip(), type="DATE",
                       value=day.isoformat(), granularity="day")
        event = _event(document, passage, Candidate(marker, marker, day, None, "day"), timexes,
                       ordinal)
        title = _OFFSET_DETERMINER.sub("", other.group("np").strip())
        words = title.split()
        if len(words) > 12:  # cut before a trailing phrase, as long clause titles are cut
            cut = max((i for i, w in enumerate(words[:12]) if w in _TRAILING_PREPOSITIONS
                       and i >= 4), default=12)
            title = " ".join(words[:cut])
        return replace(
            event, title=title[:1].upper() + title[1:], location=find_location(other.group("np")),
            confidence=round(event.confidence * 0.85, 3),
            derivation=(f"{marker.text!r} the {subject.group('noun')} on "
                        f"{anchor.first_day.isoformat()} ({anchor.title!r}) -> {day.isoformat()}"),
        )
    return None


def _anchor_event(noun: str, events: list[Event]) -> Event | None:
    """The dated event "the friendly" names: one whose title has the noun, else the latest."""
    dated = [e for e in events if e.granularity in ("day", "time")]
    named = [e for e in dated if noun in e.title.lower().split()]
    if named:
        return named[-1]
    return dated[-1] if dated and noun in EVENT_NOUNS else None


_DAYS_OR_WEEKS = re.compile(r"P(\d{1,3})([DW])")
_OFFSET_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<noun>[a-z]+)\s+(?:falls|fall|fell|comes|come|came|is|was|"
    r"takes place|took place|will (?:be|come|fall|take place))\s+(?:just\s+|only\s+)?$"
)
_OFFSET_OTHER = re.compile(r"(?P<lead>\s+(?P<way>after|before))\s+(?P<np>[^,.;:]{3,})")
_OFFSET_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _restates(coarse: Event, fine: Event) -> bool:
    """ "talks next week" ... "the round runs from Monday": the week only restates the days.

    A week or month event is dropped when a finer event of the same story falls inside it
    and shares its event noun (or its noun names what the week's verb does) or its place;
    a one-off happening ("a friendly in the UAE next month") also when the finer event lies
    inside its place ("in Abu Dhabi on Nov. 19") and names no other happening.
    """
    if coarse is fine or coarse.granularity not in ("week", "month"):
        return False
    if coarse.end is not None and coarse.last_day != period_last_day(coarse.first_day,
                                                                     coarse.granularity):
        return False  # a span of several weeks or months is more than one period
    if fine.granularity not in ("day", "time") or fine.kind != coarse.kind:
        return False
    if not coarse.first_day <= fine.first_day <= coarse.last_day:
        return False
    head = _head_event_noun(coarse.title)
    same_head = head is not None and head == _head_event_noun(fine.title)
    fine_head = _head_event_noun(fine.title)
    if head is None and fine_head is not None:  # "ministers gather" ... "the meeting"
        same_head = bool(_happenings(_content_stems(coarse.title))
                         & _happenings(_content_stems(fine_head)))
    same_place = bool(coarse.location) and _place_key(coarse.location) == _place_key(fine.location)
    one_off = head if head in _ONE_OFF_NOUNS else _plural_one_off(coarse.title)
    one_off_inside = (one_off is not None and _head_event_noun(fine.title) in (None, one_off)
                      and _lies_in(fine.location, coarse.location))
    return same_head or same_place or one_off_inside


def _plural_one_off(title: str) -> str | None:
    """ "will play two friendlies in Spain next month": a series of one-off happenings."""
    for match in re.finditer(r"[a-z]+(?:ies|es|s)\b", title.lower()):
        word = match.group()
        for singular in (word[:-3] + "y", word[:-2], word[:-1]):
            if singular in _ONE_OFF_NOUNS:
                return singular
    return None


def _lies_in(inner: str | None, outer: str | None) -> bool:
    """ "Mohammed Bin Zayed Stadium, Abu Dhabi" lies in "the United Arab Emirates"."""
    inner_place, outer_place = _place_of(inner), _place_of(outer)
    if inner_place is None or outer_place is None or outer_place.kind != "country":
        return False
    return inner_place.country == outer_place.country


# Happenings that take place once, on one day: a later, finer date in the same place is
# the same one. (A trip, visit or festival holds other events and is left alone.)
_ONE_OFF_NOUNS = frozenset(
    """friendly match game final vote verdict ruling hearing launch ceremony dinner gala lunch
    luncheon reception speech address signing premiere inauguration concert debate referendum
    rally parade auction marathon election primary""".split()
)


def _head_event_noun(title: str) -> str | None:
    """The first word of a title that names a happening ("round" in "12th round of talks")."""
    return next((w for w in re.findall(r"[a-z]+", title.lower()) if w in EVENT_NOUNS), None)


def _place_key(location: str | None) -> str:
    return (location or "").split(",")[-1].strip().lower()


def _names_the_venue(event: Event, location: str) -> bool:
    """ "the court will decide ..." after "Seoul Central District Court": that venue again."""
    venue = location.split(",")[0].split()
    head = venue[-1].lower() if venue else ""
    return head in VENUE_NOUNS and re.search(
        rf"\b(?:the|this|that)\s+{head}\b", event.source.evidence, re.IGNORECASE) is not None


def _inherit_locations(events: list[Event]) -> list[Event]:
    """An event with no place of its own happens where the story's previous event did."""
    out: list[Event] = []
    for event in events:
        previous = out[-1] if out else None
        if event.location is None and previous and previous.location and \
                _names_the_venue(event, previous.location):
            event = replace(event, location=previous.location)
        elif event.location is None and previous and previous.location and \
                previous.kind == event.kind:
            if previous.first_day == event.first_day:
                event = replace(event, location=previous.location)
            else:  # another day: the city or region still holds, the venue may not
                first = previous.location.split(",")[0].lower().split()
                within = (previous.end is not None and previous.first_day <= event.first_day
                          <= previous.last_day)  # a day of a multi-day event at its venue
                if not VENUE_NOUNS.intersection(first) or within:
                    event = replace(event, location=previous.location)
                else:
                    area = previous.location.split(",")[-1].strip()
                    if lookup(area) is not None:
                        event = replace(event, location=area)
        out.append(event)
    return out


def _candidates(inside: list[tuple[int, Timex]], text: str, sentence: Sentence) -> list[Candidate]:
    candidates: list[Candidate] = []
    by_index = dict(inside)
    for _index, timex in inside:
        if timex.type not in ("DATE", "TIME"):
            continue
        parsed = value_to_when(timex.value)
        if parsed is None:
            continue
        start, granularity, end = parsed
        opener = by_index.get(timex.range_start) if timex.range_start is not None else None
        if opener is not None and candidates and candidates[-1].last is opener:
            head = candidates.pop()
            closing = end or start
            candidates.append(Candidate(head.first, timex, _shared_meridiem(head, timex, closing),
                                        closing, _coarser(head.granularity, granularity)))
            continue
        if (candidates and granularity == "time" and candidates[-1].granularity == "day"
                and candidates[-1].end is None and isinstance(start, datetime)
                and start.date() == candidates[-1].start
                and not _RANGE_WORD.search(text[candidates[-1].last.end:timex.start][-10:])):
            head = candidates.pop()  # "on Nov. 19 at 10:30 p.m.": one date, now with a time
            candidates.append(Candidate(head.first, timex, start, None, "time"))
            continue
        if (candidates and _WEEKDAY_ONLY.fullmatch(timex.text)
                and _WEEKDAY_ONLY.fullmatch(candidates[-1].last.text)
                and isinstance(start, date) and not isinstance(start, datetime)
                and start <= day_of(candidates[-1].start)):
            start += timedelta(days=7)  # "from Monday through Friday": the Friday after
        if (granularity == "time" and not _SETTING_VERB.search(sentence.text)
                and _has_no_date_words(timex.text)):
            continue  # "Government Center, 8 a.m.-4:30 p.m.": opening hours in a list
        if candidates and _joins_range(text, candidates[-1], timex, start):
            head = candidates.pop()
            candidates.append(Candidate(head.first, timex, _shared_meridiem(head, timex, start),
                                        start, _coarser(head.granularity, granularity)))
            continue
        if (candidates and granularity == "day" and candidates[-1].last.type == "TIME"
                and _CLOCK_THEN_DAY.fullmatch(text[candidates[-1].last.end:timex.start])):
            candidates.append(_redate_clock(candidates.pop(), timex, day_of(start)))
            continue  # "8:00am on January 5, 2024": the clock belongs to that day
        if candidates and end is None and _restated_period(candidates[-1], timex, start,
                                                            granularity):
            continue  # "December 18 this year": the year restates the date before it
        if any(day_of(c.end or c.start) == day_of(start) and
               (c.granularity == granularity or c.last.end + 5 >= timex.start)
               for c in candidates):
            continue  # "10 a.m. Pacific, 1 p.m. Eastern": one moment named twice
        if text[timex.end:timex.end + 2] in ("'s", "’s"):
            continue  # "today's announcement" qualifies a noun; it dates nothing
        if _YEAR_IN_NAME.fullmatch(timex.text) and _NAME_AFTER_YEAR.match(
                text, timex.end) and text[max(0, timex.start - 4):timex.start].lower() == "the ":
            continue  # "the 2022 FIFA World Cup": the year names an edition
        candidates.append(Candidate(timex, timex, start, end, granularity))
    # "later this month, its chairwoman said Thursday": a date of the telling refines nothing
    told = [c for c in candidates if _REPORTING_BEFORE.search(
        text[max(sentence.start, c.first.start - 60):c.first.start])]
    kept = [c for c in candidates if not any(_refined_by(c, other) for other in candidates
                                             if other not in told)]
    if _ANNIVERSARY.search(sentence.text):
        kept = [c for c in kept if c.granularity != "year"]
    # "trade volume in 2013", "turnout in the 2018 midterm was 61 percent": a figure's period
    figure = any(_is_period(c) and c.first is c.last for c in kept) and _is_figure(sentence.text)
    # A span of years stays: "invested $160 billion between 2017 and 2023" is a stretch of history.
    return [c for c in kept if not (figure and _is_period(c) and c.first is c.last)
            and not (c.granularity == "year" and c.first is c.last and _STATISTIC_BEFORE.search(
                text[max(sentence.start, c.first.start - 40):c.first.start]))
            and not _FIGURE_NOUN_AFTER.match(text, c.last.end)]


def _is_period(candidate: Candidate) -> bool:
    """A year, or a span of months (a quarter, a half, a season): what figures are counted by."""
    return candidate.granularity == "year" or (candidate.granularity == "month"
                                               and candidate.end is not None)


def _is_figure(sentence: str) -> bool:
    """A sentence that states a measured amount ("was about $48 million", "rose 40 percent").

    Past or present, not future: "will draw 50,000 visitors in 2026" still plans an event.
    """
    return (_STATISTIC_WORD.search(sentence) is not None and _AMOUNT.search(sentence) is not None
            and _FUTURE.search(sentence) is None)


def _shared_meridiem(head: Candidate, closer: Timex, end: When) -> When:
    """ "from 4:30 to 6:30 p.m.": the "p.m." of the end holds for the start too."""
    start = head.start
    if not (isinstance(start, datetime) and isinstance(end, datetime)):
        return start
    if _MERIDIEM.search(head.last.text) or not re.search(r"p\.?m\b", closer.text, re.IGNORECASE):
        return start
    if start.hour < 12 and start.date() == end.date() and start.hour + 12 <= end.hour:
        return start + timedelta(hours=12)
    return start


def _redate_clock(head: Candidate, day_timex: Timex, day: date) -> Candidate:
    """Move the clock time that ends ``head`` onto ``day``."""
    clock = head.end if head.end is not None else head.start
    if not isinstance(clock, datetime):
        return head
    moved = datetime.combine(day, clock.time())
    if head.end is not None:
        return Candidate(head.first, day_timex, head.start, moved, head.granularity)
    return Candidate(head.first, day_timex, moved, None, "time")


def _joins_range(text: str, head: Candidate, timex: Timex, start: When) -> bool:
    """ "from Monday, Oct. 7 to Friday, Oct. 11": two dates joined into one span."""
    opener = text[max(0, head.first.start - 12):head.first.start].lower()
    if head.end is not None:
        return False
    if head.granularity in ("year", "month"):  # "between 2017 and 2023", "from May to July"
        gap = text[head.last.end:timex.start]
        return ("from" in opener or "between" in opener) and _RANGE_JOIN.match(gap) is not None \
            and day_of(head.start) < day_of(start)
    if head.granularity not in ("day", "time"):
        return False
    if (day_of(start) - day_of(head.start)).days > 62:
        return False
    between = _YEAR_WORDS.sub("", text[head.last.end:timex.start])
    between = _RESTATED_IN_BRACKETS.sub("", between)  # "from Monday (Aug 4) until ..."
    if not _RANGE_JOIN.match(re.sub(r"\b(?:on\s+)?[A-Z][a-z]+day,?\s*$", "", between)):
        return False
    return "from" in opener or "between" in opener or between.strip() not in ("and",)


def _restated_period(previous: Candidate, timex: Timex, start: When,
                     granularity: Granularity) -> bool:
    if _finer_or_same(granularity, previous.granularity) or granularity == "week":
        return False
    first = day_of(start)
    return (timex.start - previous.last.end < 8
            and first <= day_of(previous.start) <= period_last_day(first, granularity))


def _refined_by(coarse: Candidate, fine: Candidate) -> bool:
    """ "December 18 this year": the year only restates the finer date next to it."""
    if coarse is fine or _finer_or_same(coarse.granularity, fine.granularity):
        return False
    first = day_of(coarse.start)
    last = period_last_day(day_of(coarse.end) if coarse.end is not None else first,
                           coarse.granularity)  # "winter break from Dec. 22": the season
    return first <= day_of(fine.start) <= last and abs(fine.first.start - coarse.last.end) < 25


def _coarser(a: Granularity, b: Granularity) -> Granularity:
    return b if _finer_or_same(a, b) else a


def _finer_or_same(a: Granularity, b: Granularity) -> bool:
    """True when ``a`` is as precise as ``b`` or more ("day" against "month")."""
    return GRANULARITIES.index(a) >= GRANULARITIES.index(b)


def _is_reporting_date(text: str, sentence: Sentence, candidate: Candidate,
                       document: Document) -> bool:
    """True for "said Thursday", "told reporters on Friday": the date of the telling."""
    start, end = candidate.span
    before = text[max(sentence.start, start - 60):start]
    after = text[end:min(sentence.end, end + 20)]
    if not (_REPORTING_BEFORE.search(before) or _REPORTING_AFTER.match(after)
            or _ISSUED_BEFORE.search(before)):
        return False
    if _FUTURE_TELLING.search(before):
        return False  # "it will be announced Friday": the announcement is itself an event
    day = day_of(candidate.start)
    return candidate.granularity in ("day", "time") and abs(
        (day - document.dct.date()).days) <= 7


def _event(document: Document, passage: Passage, candidate: Candidate, timexes: list[Timex],
           ordinal: int) -> Event:
    sentence = passage.sentence
    rel_start = candidate.first.start - sentence.start
    rel_end = candidate.last.end - sentence.start
    others = tuple((t.start - sentence.start, t.end - sentence.start) for t in passage.timexes
                   if t.type in ("DATE", "TIME") and t is not candidate.first
                   and t is not candidate.last and _PLAIN_DATE.search(t.text))
    # "on June 3 brings Fournier to the hall, with the show starting at 8 p.m.": two parts
    # the second part starts at the first timex after the first ("from 9 a.m. to 5 p.m.")
    second = min((t.start for t in passage.timexes
                  if candidate.first.end <= t.start and t.end <= candidate.last.end),
                 default=candidate.last.start) - sentence.start
    apart = _WORDS_BETWEEN.search(sentence.text, rel_start + len(candidate.first.text),
                                  second) is not None
    title_end = rel_start + len(candidate.first.text) if apart else rel_end
    if apart:
        others = (*others, (second, rel_end))
    title = make_title(sentence.text, rel_start, title_end, others, passage.earlier[:2])
    # A dated subject ("The meeting, set for May 2, follows protests in France") happens
    # where its own words say, not where the rest of the sentence points.
    own = without_other_dated_clauses(sentence.text, rel_start, title_end, others)
    listed = _place_before(sentence.text[:rel_start]) if others else None
    location = listed or find_location(
        sentence.text[:rel_end] if title.source == "dated subject" else own)
    start, end = candidate.start, candidate.end
    if (isinstance(start, datetime) and candidate.granularity != "time"
            and not isinstance(end, datetime)):
        start = day_of(start)  # "at 4 p.m. on Oct. 13 and 14": a span of days
    tz: str | None = None
    if candidate.granularity == "time" or isinstance(end, datetime):
        tz = _zone(document, passage, candidate, location)
        zone = ZoneInfo(tz)
        if isinstance(start, datetime):
            start = start.replace(tzinfo=zone)
        if isinstance(end, datetime):
            end = end.replace(tzinfo=zone)
    if end is not None and day_of(end) < day_of(start):
        end = None
    if end is None and candidate.granularity == "day" and not isinstance(start, datetime):
        days = _lasting_days(sentence, passage.timexes, candidate)
        if days > 1:  # "on Monday for a three-day state visit": Monday to Wednesday
            end = start + timedelta(days=days - 1)
    if candidate.granularity == "week" and end is None and not isinstance(start, datetime):
        end = start + timedelta(days=6)  # a week runs Monday to Sunday, as calendars show it
    kind = _kind(_tense_window(sentence.text, rel_start, rel_end), start, end,
                 candidate.granularity, document)
    trigger = sentence.text[_trigger_start(sentence.text, rel_start):rel_end]
    if apart:
        trigger = (f"{sentence.text[_trigger_start(sentence.text, rel_start):title_end]} | "
                   f"{sentence.text[_trigger_start(sentence.text, second):rel_end]}")
    title_text = _as_deadline(title.text) + _day_description(sentence.text[rel_end:])
    if _DEADLINE.match(trigger) and not title_text.startswith("Deadline"):
        title_text, kind = f"Deadline: {title_text[:1].lower()}{title_text[1:]}", "scheduled"
    elif _TARGET.search(trigger) or (_TARGET.search(sentence.text[:rel_start][-40:])
                                     and candidate.granularity in ("year", "month")):
        title_text, kind = f"Target: {title_text[:1].lower()}{title_text[1:]}", "scheduled"
        title_text = re.sub(r"\s+(?:within|by|for within)$", "", title_text)
    return Event(
        uid=make_uid(document, ordinal),
        title=title_text,
        start=start,
        end=end,
        granularity=candidate.granularity,
        kind=kind,
        tz=tz,
        location=location,
        confidence=_confidence(candidate, title.source),
        derivation=f"{_derivation(candidate, timexes, document)}; title from the {title.source}",
        sources=(
            Source(
                document=document.id,
                evidence=sentence.text,
                trigger=trigger,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                trigger_start=sentence.start + _trigger_start(sentence.text, rel_start),
                trigger_end=candidate.last.end,
                document_title=document.title,
                document_dct=document.dct.isoformat(),
                url=document.url,
            ),
        ),
    )


def _as_deadline(title: str) -> str:
    """ "Early registration closes" -> "Deadline: early registration"."""
    match = _CLOSING_WINDOW.match(title)
    if match is None:
        return title
    return f"Deadline: {match.group('what')[:1].lower()}{match.group('what')[1:]}"


def _day_description(after: str) -> str:
    """ "on June 17, which is the last day voters can cast ballots": what the day is."""
    match = _DATE_APPOSITIVE.match(after)
    if match is None:
        return ""
    words = match.group(1).split()
    if len(words) > 8:  # cut before a trailing phrase ("... in person before the primary")
        cut = max((i for i, w in enumerate(words) if w in _TRAILING_PREPOSITIONS and i >= 4),
                  default=8)
        words = words[:cut]
    return "; " + " ".join(words)


def _place_before(before: str) -> str | None:
    """ "play Berlin on May 2, Paris on May 5 and Madrid on May 9": each date's own town."""
    match = _PLACE_THEN_DATE.search(before)
    if match is None:
        return None
    place = lookup(match.group("name"))
    return match.group("name") if place is not None and place.kind != "country" else None


def _lasting_days(sentence: Sentence, timexes: tuple[Timex, ...], candidate: Candidate) -> int:
    """How many days the happening dated by ``candidate`` lasts, when its clause says so.

    "a three-day state visit", "a 48-hour walkout starting Thursday", "from Jan. 27 for four
    weeks"; a date that ends the span ("until Friday") has no length after it.
    """
    text = sentence.text
    rel_start, rel_end = candidate.first.start - sentence.start, candidate.last.end - sentence.start
    if _ENDING_LEAD.search(text[:rel_start]):
        return 0
    clause_start, clause_end = _tense_bounds(text, rel_start, rel_end)
    for timex in timexes:
        if timex.type != "DURATION":
            continue
        at = timex.start - sentence.start
        if not clause_start <= at < clause_end:
            continue
        days = _duration_days(timex.value)
        if _OTHER_HAPPENING_LEAD.search(text[max(0, at - 25):at]):
            continue  # "arriving ahead of two-day summit talks": the talks last two days
        adjectival = "-" in timex.text
        after_date = at >= rel_end and _FOR_LEAD.fullmatch(text[rel_end:at]) is not None
        if days and (adjectival or after_date):
            return days
    return 0


def _duration_days(value: str) -> int:
    match = _DURATION_VALUE.fullmatch(value)
    if match is None:
        return 0
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "H":
        return amount // 24 if amount % 24 == 0 else 0
    return amount * {"D": 1, "W": 7}[unit]


def _trigger_start(sentence: str, start: int) -> int:
    """Include a leading preposition in the trigger ("on Feb. 19"), as calendars quote it."""
    match = re.search(r"\b(?:on|in|from|by|since|until|between|at|during|within)\s+$",
                      sentence[:start], re.IGNORECASE)
    return match.start() if match else start


def _zone(document: Document, passage: Passage, candidate: Candidate,
          location: str | None) -> str:
    """The zone a clock time is stated in: explicit, else the venue's, else the DCT's."""
    inside = _ZONE_INSIDE.search(candidate.last.text)
    if inside is not None:
        zone = zone_for_words(inside.group(1) or inside.group(2))
        if zone:
            return zone
    clock = candidate.last if candidate.last.type == "TIME" or candidate.first.type != "TIME" \
        else candidate.first  # "at 7:30 p.m. CEST on June 18": the zone follows the clock
    after = document.text[clock.end:clock.end + 40]
    after = re.sub(r"^\s*[ap]\.?m\b\.?", "", after, flags=re.IGNORECASE)
    match = _ZONE_PHRASE.match(after)
    if match is not None:
        named = match.group("abbr") or match.group("words") or match.group("word")
        if named:
            zone = zone_for_words(named)
            if zone:
                # "7:30 p.m. CEST" in Cartagena: Spain's clocks, which CEST names too
                local = _local_zone(document, passage, location) if match.group("abbr") else None
                return local if local and _same_offset(zone, local, candidate.start) else zone
    return _local_zone(document, passage, location) or (
        str(document.dct.tzinfo) if str(document.dct.tzinfo) != "UTC" else "Etc/UTC")


def _local_zone(document: Document, passage: Passage, location: str | None) -> str | None:
    """The zone of the place the story is at: a town or state, else a country's capital."""
    country: Place | None = None  # a last resort: the U.S. has six zones
    for place in _zone_clues(document, passage, location):
        if place is not None and place.kind != "country":
            return place.tz
        country = country or place
    return country.tz if country is not None else None


def _same_offset(zone: str, other: str, when: When) -> bool:
    moment = when if isinstance(when, datetime) else datetime.combine(day_of(when), time(12))
    return ZoneInfo(zone).utcoffset(moment) == ZoneInfo(other).utcoffset(moment)


def _place_of(text: str | None) -> Place | None:
    """The gazetteer place a location string ends in ("Montana State University Billings")."""
    if not text:
        return None
    last = text.split(",")[-1].strip()
    return lookup(last) or lookup(text) or (lookup(last.split()[-1]) if last else None)


def _zone_clues(document: Document, passage: Passage,
                location: str | None) -> Iterator[Place | None]:
    """Places that may say where a clock time is, nearest first, found only as needed.

    The event's place, the places of the sentences before it, the story's opening, its
    dateline ("SANTA FE, N.M."), and last any town or state the headline or story names.
    """
    yield _place_of(location)
    for text in passage.earlier:
        yield _place_of(find_location(text))
    yield _place_of(find_location(document.text[:400]))
    dateline = DATELINE_PLACE.match(document.text)
    if dateline is not None:
        yield place_in(dateline.group("city").title(), dateline.group("region"))
    yield from places_named(f"{document.title or ''}. {document.text}")


def _tense_window(sentence: str, start: int, end: int) -> str:
    """The clause around a date, whose verbs say when it is ("voted on Monday to advance the
    plan, which would cost ...": "voted" counts, "would" belongs to another clause)."""
    left, right = _tense_bounds(sentence, start, end)
    return sentence[left:right]


def _tense_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _TENSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in _TENSE_BREAK.finditer(sentence, end)), len(sentence))
    return left, right


def _kind(sentence: str, start: When, end: When | None, granularity: Granularity,
          document: Document) -> Kind:
    """Past when the whole span is before the publication day, or tense says so on it."""
    today = document.dct.date()
    last = period_last_day(day_of(end if end is not None else start), granularity)
    if last < today:
        return "past"
    if day_of(start) > today:
        return "scheduled"
    if _FUTURE.search(sentence):
        return "scheduled"
    return "past" if _PAST.search(sentence) else "scheduled"


def _confidence(candidate: Candidate, title_source: str) -> float:
    """Granularity sets the base; anaphora and a clause-made title each lower it a little."""
    value = _CONFIDENCE_BY_GRANULARITY[candidate.granularity]
    if candidate.first.anchor.startswith("timex:"):
        value *= 0.9
    if title_source == "clause":
        value *= 0.9
    return round(value, 3)


def _derivation(candidate: Candidate, timexes: list[Timex], document: Document) -> str:
    parts = []
    for timex in {id(t): t for t in (candidate.first, candidate.last)}.values():
        text = f"{timex.text!r} -> {timex.value}"
        anchor = timex.anchor_index
        if anchor is not None and 0 <= anchor < len(timexes):
            earlier = timexes[anchor]
            text += f", after {earlier.text!r} ({earlier.value})"
        elif timex.anchor == "dct":
            text += f", relative to the publication date {document.dct.date().isoformat()}"
        parts.append(text)
    return "; ".join(parts)


def _refines(previous: Event, event: Event) -> bool:
    """ "The game will start at 10:30 p.m." right after "... on Nov. 19": the same event."""
    return (
        previous.granularity == "day" and event.granularity == "time"
        and previous.end is None and day_of(event.start) == previous.start
        and previous.source.sentence_start != event.source.sentence_start
        and "|" not in event.source.trigger and _has_no_date_words(event.source.trigger)
        and _tells_its_start_or_end(event.source.evidence, previous.title)
    )


def _tells_its_start_or_end(sentence: str, title: str) -> bool:
    """ "Kick-off is at 6 p.m.", "The game will start at 10:30 p.m.", "It ends at 5 p.m.".

    A clock time refines the day before it only when its sentence says when that happening
    starts or ends; "Executives will discuss the numbers on a call at 5 p.m." is a happening
    of its own that day.
    """
    if _START_OR_END.search(sentence):
        return True
    subject = _DEFINITE_SUBJECT.match(sentence)
    if subject is None:
        return False
    noun = subject.group("noun")
    return noun is None or noun.lower() in EVENT_NOUNS or noun.lower() in title.lower()


def _has_no_date_words(trigger: str) -> bool:
    """A bare clock time ("at 10:30 p.m."), dated only by the story so far."""
    return _EXPLICIT_DATE.search(trigger) is None


def _refine(previous: Event, event: Event) -> Event:
    source = replace(previous.source, trigger=f"{previous.source.trigger} | {event.source.trigger}")
    before = event.source.evidence[: event.source.trigger_start - event.source.sentence_start]
    if _CLOSING_BEFORE.search(before):  # "Those sites will shut at 5 p.m.": when it ends
        return replace(previous, end=event.start, tz=event.tz, sources=(source,),
                       derivation=f"{previous.derivation}; ends {event.derivation}")
    return replace(previous, start=event.start, end=event.end, granularity="time", tz=event.tz,
                   sources=(source,), confidence=max(previous.confidence, event.confidence),
                   derivation=f"{previous.derivation}; {event.derivation}")


def _duplicates(a: Event, b: Event) -> bool:
    """One happening mentioned twice: the same start and a shared content word or happening.

    "Early voting ... starting on Friday" and "early voting sites open ... May 5" share
    "voting"; "the court will rule on Jan. 16" and "hand down the verdict on Jan. 16" name
    one happening by a verb and a noun. A state dinner and a summit on one day share
    nothing and stay two events. Capitalised words are left out, since the story's actors
    recur in all its events.
    """
    if (a.first_day, a.granularity) != (b.first_day, b.granularity):
        return False
    names_a, names_b = _names(a.title), _names(b.title)
    if len(names_a) >= 2 and len(names_b) >= 2 and not names_a & names_b:
        return False  # "Rovers v United" and "City v Athletic": two items of one fixture list
    stems_a, stems_b = _content_stems(a.title), _content_stems(b.title)
    return bool(stems_a & stems_b) or bool(_happenings(stems_a) & _happenings(stems_b))


def _names(title: str) -> set[str]:
    """The capitalised words of a title after its first: the names of its participants."""
    return set(re.findall(r"(?<![\w'’-])[A-Z][\w'’-]+", title.split(" ", 1)[-1])) | (
        {title.split()[0]} if title[:1].isupper() and " v " in title else set())


def _join_twins(old: Event, new: Event) -> Event:
    """Two mentions of one happening: the more precise date, the title that names it.

    The first mention keeps its uid. A title with an event noun ("hands down the verdict")
    beats one that has only a verb for the happening ("rules on charges").
    """
    keep, other = (new, old) if _more_precise(new, old) else (old, new)
    noun = _head_event_noun(other.title)
    named = (_head_event_noun(keep.title) is None and noun is not None
             and bool(_happenings(_content_stems(noun)) & _happenings(_content_stems(keep.title))))
    return replace(keep, uid=old.uid, title=other.title if named else keep.title)


def _more_precise(new: Event, old: Event) -> bool:
    """A span beats a single day, and a clock time beats an all-day mention."""
    return (new.end is not None and old.end is None) or (
        isinstance(new.start, datetime) and not isinstance(old.start, datetime))


# Words that name one kind of happening, as a verb or as a noun (stems as _content_stems
# makes them): two mentions on one day that fall in one group are one happening.
_HAPPENING_GROUPS = (
    frozenset({"rul", "verdict", "judgment", "sentenc"}),
    frozenset({"meet", "talk", "gather", "conven"}),
    frozenset({"vot", "ballot", "poll", "election"}),
    frozenset({"visit", "trip", "travel", "tour"}),
    frozenset({"launch", "unveil", "releas", "debut"}),
    frozenset({"hear", "trial"}),
)


def _happenings(stems: set[str]) -> set[int]:
    return {i for i, group in enumerate(_HAPPENING_GROUPS) if stems & group}


def _content_stems(title: str) -> set[str]:
    """Lower-case content words of a title, crudely stemmed ("voting", "vote" -> "vot")."""
    stems = set()
    # A title's first word is capitalised anyway; count it only when it is a gerund
    # ("Campaigning period ..."), since most often it names the story's actor.
    opening = re.match(r"[A-Z][a-z]+ing\b", title)
    text = title[:1].lower() + title[1:] if opening else title
    for word in re.findall(r"(?<![\w'’-])[a-z][a-z-]+", text):
        if word in _GENERIC_WORDS or len(word) < 4:
            continue
        stem = re.sub(r"(?:ing|ed|s)$", "", word) if len(word) > 4 else word
        stems.add(stem[:-1] if len(stem) > 3 and stem.endswith("e") else stem)
    return stems - _GENERIC_WORDS


_GENERIC_WORDS = frozenset(
    """deadline target said says will would could should also first second last next this
    that with from into their there they them then than have been being were which while
    about after before over under more most other some such only when where what held
    hold holds take takes took make makes made open opens day days week year years month
    time times people official officials government president prime minister ministers
    leader leaders chairman chairwoman mayor governor king queen team side squad company
    counterpart""".split()
)


__all__ = ["Candidate", "frame", "make_uid", "uid_basis", "value_to_when"]

