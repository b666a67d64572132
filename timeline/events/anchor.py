"""Pass ``anchor``: the verb or event noun each date attaches to in the parse.

"a gala dinner in Washington on Feb. 19" attaches the date to "dinner"; "will meet officials
the following day" to "meet". Later passes read the title, tense and place from that head
instead of from a window of characters around the date.
"""

from __future__ import annotations

from typing import Any

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key

_HEAD_TAGS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})
_MAX_CLIMB = 12  # a parse tree deeper than this between a date and its head is a misparse


def date_tokens(story: Story, event: Event) -> set[int]:
    """Indexes of the tokens of the event's sentence that belong to a date expression
    (worked out once per event: every pass asks)."""
    cache: dict[str, frozenset[int]] = story.memo.setdefault("dates", {})
    key = event_key(event)
    if key not in cache:
        source = event.source
        parsed = story.parse(source.evidence)
        # The dates of the sentence are the same for each of its events (a list of dates
        # is thousands of events in few sentences): their tokens are found once.
        spans = story.date_spans(source)
        sentence = f"dates {source.sentence_start} {source.sentence_end}"
        if sentence not in parsed.memo:
            parsed.memo[sentence] = _tokens_of(parsed, spans[:-1])
        cache[key] = parsed.memo[sentence] | _tokens_of(parsed, spans[-1:])
    return set(cache[key])


def _tokens_of(parsed: Any, spans: list[tuple[int, int]]) -> frozenset[int]:
    indexes: set[int] = set()
    for start, end in spans:
        span = parsed.doc.char_span(max(0, start), max(0, end), alignment_mode="expand")
        if span is not None:
            indexes.update(t.i for t in span)
    return frozenset(indexes)


def trigger_span(story: Story, event: Event) -> Any | None:
    """The tokens of the event's date expression in its sentence's parse, or None."""
    source = event.source
    start = source.trigger_start - source.sentence_start
    end = source.trigger_end - source.sentence_start
    doc = story.parse(source.evidence).doc
    span = doc.char_span(max(0, start), max(0, end), alignment_mode="expand")
    return span if span is not None and len(span) else None


def find_anchor(story: Story, event: Event) -> Any | None:
    """The head the event's date attaches to, or None when the parse gives none."""
    span = trigger_span(story, event)
    if span is None:
        return None
    dates = date_tokens(story, event)
    token = span.root
    # Climb from the date through its preposition ("on [Feb. 19]" -> "on" -> "dinner") to
    # the first word outside every date expression that can head a happening.
    for _ in range(_MAX_CLIMB):
        if token.i not in dates and token.pos_ in _HEAD_TAGS:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events unchanged; their anchors are kept in the story for the later passes."""
    for event in events:
        head = find_anchor(story, event)
        if head is not None:
            story.anchors[event_key(event)] = head
            story.note(event, f"anchor ({head.text})")
    return events


PASS = Pass("anchor", run, __doc__.splitlines()[0])
