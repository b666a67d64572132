"""Pass ``forecast``: a condition a forecast predicts is no event.

"Forecasters expect the wind to ease late on Monday", "it could stay wet until early
Tuesday": the date says when a condition is predicted to change or hold, not when anything
is held or done. The warning, closure or match the forecast is about keeps its own date.
"""

from __future__ import annotations

from typing import Any

from timeline.event import Event
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.nlp import words

_CONDITION_VERBS = words("condition_verbs")
_FORECASTING_VERBS = words("forecasting_verbs")
_HEDGES = frozenset({"could", "may", "might"})
_GOVERNED_BY = frozenset({"xcomp", "ccomp", "advcl", "conj"})


def _predicted(verb: Any) -> bool:
    """The verb is hedged ("could stay") or sits under a forecasting verb, up to three
    clauses above ("expect the wind to start dropping")."""
    if any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in verb.children):
        return True
    for _ in range(3):
        if verb.dep_ not in _GOVERNED_BY or verb.head is verb:
            return False
        verb = verb.head
        if verb.lemma_.lower() in _FORECASTING_VERBS:
            return True
    return False


def is_forecast_condition(head: Any) -> bool:
    """``head`` is a condition verb in a forecast."""
    if head is None or head.pos_ != "VERB":
        return False
    return head.lemma_.lower() in _CONDITION_VERBS and _predicted(head)


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events that are not forecast conditions."""
    return [e for e in events if not is_forecast_condition(story.anchors.get(event_key(e)))]


PASS = Pass("forecast", run, __doc__.splitlines()[0])
