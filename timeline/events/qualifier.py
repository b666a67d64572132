"""Pass ``qualifier``: a date that describes a thing, not when something happens, is no event.

"a 2024 Oscar contender", "the 2023 model": a bare year written before a common noun that
names no happening tells which one, not when anything takes place. So does a weekday before
a timetable ("a Sunday schedule"), in a name ("Saturday Night Football") or before a plural
("Friday night games": a habit). "In a year without an outburst" is any such period, not
one. "The best meteor shower of the year", "the top-grossing film of 2024 so far": the
period a superlative ranks within. A year before a happening ("the 2019 elections") or
before a name ("the 2024 Berlinale") is kept: that is the happening's own date. A verb of
measuring with a count for a year or month ("the county recorded 416 cases in January") is
a statistic for that period.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.event import Event
from timeline.events.anchor import date_tokens, trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.nlp import words

_EVENT_NOUNS = words("event_nouns")
_BARE_YEAR = re.compile(r"""\d{4} (?: / \d{2,4} )?   # 2024, 2023/24""", re.VERBOSE)
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})
_TIMETABLES = frozenset({"schedule", "timetable", "rota", "roster"})
_PERIOD_NOUNS = frozenset({"day", "night", "week", "weekend", "month", "year", "season"})


def _describes_a_thing(span: Any) -> bool:
    """A bare year that modifies a common noun naming no happening; a weekday that modifies
    a timetable ("a Sunday schedule"), a plural ("Friday night games": a habit) or a name
    ("Saturday Night Football")."""
    root = span.root
    if root.dep_ not in _MODIFIER_DEPS or root.head.i <= root.i:
        return False
    noun = root.head
    plain = noun.pos_ == "NOUN" and noun.lemma_.lower() not in _EVENT_NOUNS
    if _BARE_YEAR.fullmatch(span.text):
        return plain
    if any(t.lower_ in _WEEKDAYS for t in span) and not any(t.like_num for t in span):
        return noun.lemma_.lower() in _TIMETABLES or noun.pos_ == "PROPN" or noun.tag_ == "NNS"
    return False


def _generic(span: Any) -> bool:
    """ "In a year without an outburst", "on a day when ...": any such period, not one."""
    root = span.root
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in root.children)
    restricted = any(c.dep_ in ("prep", "relcl", "acl") and c.i > root.i
                     and c.i >= span.end for c in root.children)
    return indefinite and restricted and root.lemma_.lower() in _PERIOD_NOUNS


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


_COARSE = frozenset({"year", "quarter", "season", "month"})
_MEASURE_VERBS = words("measure_verbs")


def _counted(verb: Any, dates: set[int]) -> bool:
    """The verb's own clause states a count or amount: "recorded [416 cases]", "were involved
    in [about 1,700 fires]", "grew by [8 percent]"."""
    nouns = [c for c in verb.children
             if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "npadvmod")]
    nouns += [o for c in verb.children if c.dep_ == "prep" for o in c.children
              if o.dep_ == "pobj"]
    for noun in nouns:
        if noun.i in dates:
            continue
        if noun.like_num or any(c.dep_ in ("nummod", "quantmod") and c.like_num
                                and c.i not in dates for c in noun.children):
            return True
    return False


def is_statistic(story: Story, event: Event) -> bool:
    """ "The county recorded 416 cases in January": a verb of measuring with a count, for a
    period, is a statistic, not a happening (a span of years is history, "invested $16
    billion between 2017 and 2023", and stays)."""
    head = story.anchors.get(event_key(event))
    if event.granularity not in _COARSE or event.end is not None or head is None \
            or head.pos_ != "VERB" or head.lemma_.lower() not in _MEASURE_VERBS:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in _EVENT_NOUNS for s in subjects):
        return False  # "the festival drew 40,000 people in 2019": the festival happened
    return _counted(head, date_tokens(story, event))


def _without_preposition(span: Any | None) -> Any | None:
    """ "on Saturday Night" -> "Saturday Night": the date words themselves."""
    if span is not None and len(span) > 1 and span[0].pos_ == "ADP":
        return span[1:]
    return span


def run(story: Story, events: list[Event]) -> list[Event]:
    """The events whose date dates a happening."""
    kept: list[Event] = []
    for event in events:
        span = _without_preposition(trigger_span(story, event))
        described = span is not None and (
            _describes_a_thing(span) or _ranking_period(span) or _generic(span))
        if described or is_statistic(story, event):
            continue
        kept.append(event)
    return kept


PASS = Pass("qualifier", run, __doc__.splitlines()[0])
