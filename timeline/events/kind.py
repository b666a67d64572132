"""Pass ``kind``: what the date's head says of the happening: moved, replaced or called off.

"The match, originally set for Sunday, was moved to Saturday": Sunday is the replaced slot
("Original ..." in its title; it stays an event, past or still ahead by its date), Saturday the
event. "postponed from March 3 to March 10" likewise. "The concert on Friday was cancelled" is
marked "Cancelled: ...". Past or scheduled (the tense the rule framer read) is kept otherwise.
"""

from __future__ import annotations

from typing import Any

from timeline.event import Event
from timeline.events.anchor import trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.nlp import words

_MOVING = words("moving_verbs")
_PLANNING = words("planning_verbs")
_CANCELLING = words("cancelling_verbs")
_FIRST_PLAN = words("first_plan_adverbs")


def _preposition_of_date(story: Story, event: Event) -> str | None:
    """The preposition that joins the date to its head ("from" in "moved from Sunday")."""
    span = trigger_span(story, event)
    if span is None:
        return None
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return str(root.head.lower_)
    return None


def is_replaced_slot(head: Any, story: Story, event: Event) -> bool:
    """The date names the slot a happening had before it was moved."""
    lemma = head.lemma_.lower()
    if lemma in _MOVING and _preposition_of_date(story, event) == "from":
        return True
    first_plan = any(c.dep_ == "advmod" and c.lower_ in _FIRST_PLAN for c in head.children)
    return first_plan and (lemma in _PLANNING or lemma in _MOVING)


def is_called_off(head: Any) -> bool:
    """The date's head, or the verb it hangs on, says the happening was called off."""
    for verb in (head, head.head):
        lemma = verb.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in verb.children)
        called_off = lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off"
                                              for c in verb.children)
        if (lemma in _CANCELLING or called_off) and not negated:
            return True
    return False


def _refers_back(head: Any) -> bool:
    """The head's subject is "the fixture", "it", "the launch": the happening told before."""
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.pos_ == "PRON":
                return True
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in child.children)
            return definite and not any(t.pos_ == "PROPN" for t in child.subtree)
    return False


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events with replaced slots and called-off happenings marked in their titles; a slot
    told of "the fixture" takes the title of the happening the story told just before."""
    out: list[Event] = []
    for event in events:
        head = story.anchors.get(event_key(event))
        if head is None or event.title.startswith(("Original", "Cancelled")):
            out.append(event)
            continue
        if is_replaced_slot(head, story, event):
            named = out[-1].title if out and _refers_back(head) else event.title
            out.append(story.changed(event, "kind", title=f"Original slot: {named}"))
        elif is_called_off(head):
            out.append(story.changed(event, "kind", title=f"Cancelled: {event.title}"))
        else:
            out.append(event)
    return out


PASS = Pass("kind", run, __doc__.splitlines()[0])
