"""What the passes share about one document: its dates, parses and who changed which event."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Any

from timeline.document import Document
from timeline.event import Event, Source
from timeline.framer import DATELINE_PLACE
from timeline.nlp import ParsedText, parse_texts
from timeline.nlp.dateline import read_dateline
from timeline.places import Place, place_in
from timeline.sentences import MAX_SENTENCE
from timeline.timex import Timex

# "SYDNEY, July 25 (Reuters) - ", "NEW DELHI (AP) -- ", "BERLIN, 4 May — ": a town in
# capitals, then a date or an agency, then a dash.
_DATELINE_OPENING = re.compile(
    r"""\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]*\.?)?     # the town, maybe its region
        (?:,\s*[^()\n]{3,30}?)?                             # the date
        (?:\s*\([^)\n]{1,40}\))?                              # the agency
        \s+(?:--?|—|–)\s+""",
    re.VERBOSE,
)


def without_article(name: str) -> str:
    """ "the National Assembly" -> "National Assembly", trimmed of edge punctuation."""
    name = name.strip(" ,.;:")
    return name[4:] if name.startswith(("the ", "The ")) else name


def event_key(event: Event) -> str:
    """What the passes know an event by while they run: its UID, unique in its document."""
    return event.uid


@dataclass(slots=True)
class Story:
    """One document as the passes see it, with the parses of its dated sentences.

    Parses are made once, in one batch, for the sentences the events were read from plus the
    headline (:meth:`parse_all`); a pass asks for a sentence's parse with :meth:`parse`.
    """

    document: Document
    timexes: list[Timex]
    parses: dict[str, ParsedText] = field(default_factory=dict)
    anchors: dict[str, Any] = field(default_factory=dict)
    fired: dict[str, list[str]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # story-wide answers a pass worked out

    def parse_all(self, events: list[Event]) -> None:
        """Parse every evidence sentence not yet parsed, the headline and the opening, in one
        batch (a call per sentence costs twice as much per sentence)."""
        wanted = [e.source.evidence for e in events]
        if self.document.title:
            wanted.append(self.document.title)
        wanted.append(self.lead())
        missing = [t for t in dict.fromkeys(wanted) if t and t not in self.parses]
        for parsed in parse_texts(missing):
            self.parses[parsed.text] = parsed

    def parse(self, text: str) -> ParsedText:
        """The parse of ``text`` (parsed now if the batch did not hold it)."""
        if text not in self.parses:
            self.parses[text] = parse_texts([text])[0]
        return self.parses[text]

    def date_spans(self, source: Source) -> list[tuple[int, int]]:
        """Character spans, relative to the evidence sentence, of every date expression in it."""
        start, end = source.sentence_start, source.sentence_end or (
            source.sentence_start + len(source.evidence))
        spans = [(t.start - start, t.end - start) for t in self.timexes_from(start, end + 1)
                 if t.end <= end]
        spans.append((source.trigger_start - start, source.trigger_end - start))
        return spans

    def timexes_from(self, start: int, stop: int | None = None) -> list[Timex]:
        """The timexes that start at ``start`` or after, and before ``stop`` when given, in
        their order in :attr:`timexes` (found by bisection: a pass that asks once per event
        must not scan every date of the story each time)."""
        if "timex index" not in self.memo:
            order = sorted(range(len(self.timexes)), key=lambda i: self.timexes[i].start)
            self.memo["timex index"] = ([self.timexes[i].start for i in order], order)
        starts, order = self.memo["timex index"]
        last = len(starts) if stop is None else bisect_left(starts, stop)
        return [self.timexes[i] for i in sorted(order[bisect_left(starts, start):last])]

    def changed(self, event: Event, pass_name: str, **fields: Any) -> Event:
        """``event`` with ``fields`` replaced, noted as changed by ``pass_name``."""
        self.note(event, pass_name)
        return replace(event, **fields)

    def note(self, event: Event, pass_name: str) -> None:
        """Record that ``pass_name`` changed ``event`` (``--explain`` lists them)."""
        names = self.fired.setdefault(event_key(event), [])
        if pass_name not in names:
            names.append(pass_name)

    def lead(self) -> str:
        """The story's first sentence (after any dateline): where it says what it is about."""
        # no further than a sentence can run: a page without a full stop has no lead
        text = self.document.text.lstrip()[:MAX_SENTENCE]
        end = next((i for i, c in enumerate(text) if c in ".\n" and i > 40), min(len(text), 300))
        return text[: end + 1]

    def dateline_end(self) -> int:
        """Where a dateline ("SYDNEY, July 25 (Reuters) - ") ends; 0 when there is none."""
        match = _DATELINE_OPENING.match(self.document.text)
        return match.end() if match else 0

    def dateline_place(self) -> Place | None:
        """The town a dateline opens the story with ("SEOUL, Feb. 4 (Yonhap) --")."""
        dateline = read_dateline(self.document.text)
        if dateline is not None:
            city, region = dateline.place, dateline.region
        elif (match := DATELINE_PLACE.match(self.document.text)) is not None:
            city, region = match.group("city").strip(), match.group("region")
        else:
            return None
        return place_in(city.title() if city.isupper() else city, region)
