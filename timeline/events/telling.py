"""Pass ``telling``: a date that dates only the telling of the news is no event.

A line that holds only a place and a date ("Berlin, 07 April 2022.") is a dateline.
"said on Tuesday", "announced Monday", "released the schedule on Sunday", "published its
calendar for next year": the date attaches to a verb of saying, or to a verb of making known
whose object is a schedule, list or statement. Such an event is dropped, unless the verb is
still ahead ("the results will be published on Friday" is something to put in a calendar).
"On Saturday postponed the launch to Tuesday": Saturday dates the decision, Tuesday the slot.
"""

from __future__ import annotations

from typing import Any

from timeline.event import Event
from timeline.events.anchor import date_tokens, trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.nlp import REPORTING_VERBS, words
from timeline.places import lookup

_MAKING_KNOWN = words("telling_verbs")
_TOLD = words("telling_objects")
_AHEAD = frozenset({"will", "shall", "would", "to", "going", "set", "due", "expected"})


def _is_ahead(verb: Any) -> bool:
    """ "will be published", "is set to release", "is due to announce": still to come."""
    near = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "mark")]
    return bool(_AHEAD.intersection(near)) or verb.head.lemma_ in ("set", "due", "expect", "plan")


def is_telling(head: Any) -> bool:
    """True when ``head`` is a past or present act of saying or of making a schedule known."""
    if head is None or head.pos_ != "VERB" or _is_ahead(head):
        return False
    if head.lemma_ in REPORTING_VERBS and head.lemma_ not in _MAKING_KNOWN:
        return any(c.dep_ in ("ccomp", "dobj", "dative") for c in head.children) or \
            head.dep_ in ("parataxis", "ROOT")
    if head.lemma_ in _MAKING_KNOWN:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _TOLD for c in head.children)
    return False


_MOVING = words("moving_verbs")
_EVENT_NOUNS = words("event_nouns")
_TARGETS = frozenset({"to", "for", "until", "till", "into", "from"})


def is_moving_act(head: Any, span: Any | None) -> bool:
    """ "The agency on Saturday postponed the launch to Tuesday": Saturday dates the
    decision to move the launch, which is no happening; Tuesday, the slot it was moved to,
    is one."""
    if head is None or span is None or head.pos_ != "VERB" or head.tag_ not in ("VBD", "VBN") \
            or head.lemma_.lower() not in _MOVING or _is_ahead(head):
        return False
    moved = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(m.lemma_.lower() in _EVENT_NOUNS for m in moved):
        return False  # "heavy rain pushed the river over its banks": nothing was rescheduled
    first = span[0]
    preposition = first if first.pos_ == "ADP" else (
        first.head if first.head.pos_ == "ADP" else None)
    return preposition is None or preposition.lower_ not in _TARGETS


def is_dateline(story: Story, event: Event) -> bool:
    """ "Berlin, 07 April 2022." alone on its line: where and when a release was issued."""
    parsed = story.parse(event.source.evidence)
    dates = date_tokens(story, event)
    if "words" not in parsed.memo:
        parsed.memo["words"] = sum(not t.is_punct for t in parsed.doc)
    if parsed.memo["words"] - len(dates) > 3:
        return False  # more than three words besides the dates: no dateline (a quick test)
    rest = [t for t in parsed.doc if t.i not in dates and not t.is_punct]
    return bool(rest) and len(rest) <= 3 and all(t.pos_ == "PROPN" for t in rest) and (
        lookup(" ".join(t.text for t in rest)) is not None)


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events whose date is not the date of a telling."""
    dateline = story.dateline_end()
    return [e for e in events
            if not is_telling(story.anchors.get(event_key(e))) and not is_dateline(story, e)
            and not is_moving_act(story.anchors.get(event_key(e)), trigger_span(story, e))
            and not e.source.trigger_start < dateline]


PASS = Pass("telling", run, __doc__.splitlines()[0])
