"""Pass ``qualifier``: a date that describes a thing, not when something happens, is no event.

"a 2024 Oscar contender", "the 2023 model": a bare year written before a common noun that
names no happening tells which one, not when anything takes place. "the best meteor shower of
the year", "the top-grossing film of 2024 so far": the period a superlative ranks within. A
year before a happening ("the 2019 elections") or before a name ("the 2024 Berlinale") is
kept: that is the happening's own date.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.event import Event
from timeline.events.anchor import trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story
from timeline.nlp import words

_EVENT_NOUNS = words("event_nouns")
_BARE_YEAR = re.compile(r"""\d{4} (?: / \d{2,4} )?   # 2024, 2023/24""", re.VERBOSE)
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})


def _describes_a_thing(span: Any) -> bool:
    """A bare year that modifies a common noun naming no happening."""
    root = span.root
    if not _BARE_YEAR.fullmatch(span.text) or root.dep_ not in _MODIFIER_DEPS:
        return False
    noun = root.head
    return noun.i > root.i and noun.pos_ == "NOUN" and noun.lemma_.lower() not in _EVENT_NOUNS


def _ranks(noun: Any) -> bool:
    """ "the best shower", "the top-grossing film", "the busiest week": a superlative."""
    for child in noun.children:
        if child.dep_ == "amod" and (child.tag_ in ("JJS", "RBS") or any(
                t.lower_ in ("top", "most", "least") for t in child.subtree)):
            return True
    return False


def _ranking_period(span: Any) -> bool:
    """The period a superlative ranks within: "the best shower [of the year]"."""
    preposition = span.root.head
    return (span.root.dep_ == "pobj" and preposition.lower_ in ("of", "in")
            and preposition.head.pos_ == "NOUN" and _ranks(preposition.head))


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events whose date dates a happening."""
    kept: list[Event] = []
    for event in events:
        span = trigger_span(story, event)
        if span is not None and (_describes_a_thing(span) or _ranking_period(span)):
            continue
        kept.append(event)
    return kept


PASS = Pass("qualifier", run, __doc__.splitlines()[0])
