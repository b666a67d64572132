"""Pass ``tense``: a bare weekday lies in the direction the tense of its clause points.

"On Tuesday" names the Tuesday before the publication day or the one after it. The tagger
picks one from the words near the date, which a modifier that looks like a past verb
("the crewed spaceship", "its delayed launch") can mislead. The parse knows better: the
verb of the clause the date sits in, with its auxiliaries. "Will launch" points ahead;
"launched" or "was held" points back, and a present tense states a timetable ("Stage one
on Monday takes the riders to Huye"). A weekday the tagger put before the publication day
in a clause that says "will" or is in the present moves a week ahead (so does the publication
day's own weekday in a "will" clause, as the annotation guide reads it), with the dates read
from it ("the next day"), and the event becomes scheduled. (Past verbs are not trusted the
other way: "postponed the launch to Tuesday" looks ahead.) A story that dates a span ahead
("from Friday 27 June to Sunday 29 June") reads a weekday still ahead inside that span.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from timeline.event import Event
from timeline.events.anchor import trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.nlp import REPORTING_VERBS, words

_WEEKDAY = re.compile(
    r"""\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b""",
    re.VERBOSE | re.IGNORECASE,
)
# A weekday the writer placed already ("next Tuesday", "last Friday") or a dated one.
_PLACED = re.compile(
    r"""\b(?:next|last|this|past|coming|previous|following|first|second|third|fourth|final)\b
      | \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d
      | \d{1,2}\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)
      | \d{4}
    """,
    re.VERBOSE | re.IGNORECASE,
)
_TELLING = REPORTING_VERBS | words("telling_verbs")
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis"})


def is_bare_weekday(trigger: str) -> bool:
    """ "on Tuesday", "11:08 pm Tuesday", "Tuesday night": a weekday with nothing placing it."""
    return bool(_WEEKDAY.search(trigger)) and not _PLACED.search(trigger)


def says_will(head: Any) -> bool:
    """Whether the clause ``head`` sits in says "will" (or "shall"): on its own verb, the verb
    it is coordinated with ("will launch and crew") or the verb it modifies, up to the
    clause's head."""
    token = head
    for _ in range(6):
        sharing = (token, token.head) if token.dep_ == "conj" else (token,)
        auxiliaries = [c for t in sharing for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxiliaries):
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS | {"conj"} and (
                (token.tag_ == "VBD" and not auxiliaries) or (token.tag_ == "VBN" and any(
                    a.lower_ in ("was", "were") for a in auxiliaries))):
            return False  # a past verb of its own ("launched", "was held") ends the search
        if token.dep_ in _CLAUSE_DEPS or token.head is token:
            return False
        token = token.head
    return False


def says_present(head: Any) -> bool:
    """ "Stage one takes the riders to Huye on Monday", "the band is playing Leeds on Friday":
    a present tense with a weekday is a timetable, so the weekday lies ahead."""
    for _ in range(3):  # "Stage one on Monday takes ...": from the dated word to its clause
        if head.dep_ in _CLAUSE_DEPS or head.dep_ == "conj" or head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in REPORTING_VERBS:
        return False
    auxiliaries = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return head.tag_ == "VBG" and bool(auxiliaries) and all(
        a in ("is", "are", "am", "'s", "'re") for a in auxiliaries)


def _points_ahead(story: Story, event: Event) -> bool:
    """A bare weekday put before the publication day in a clause that says "will" or states
    a timetable in the present."""
    head = story.anchors.get(event_key(event))
    if head is None or event.end is not None or not is_bare_weekday(event.source.trigger):
        return False
    span = trigger_span(story, event)
    if span is not None and any(
            c.dep_ in ("det", "amod", "nummod", "poss") and not span.start <= c.i < span.end
            for t in span for c in t.children if c.i < t.i):
        return False  # "the first Sunday of the season" is placed by its season
    day = event.first_day
    publication = story.document.dct.date()
    if abs((day - publication).days) > 7:  # read against another day of the story
        return False
    # A past verb is not trusted the other way: it often takes a date still ahead
    # ("postponed the launch to Tuesday", "said the vote is on Tuesday").
    if day == publication:  # "will meet on Friday" in a Friday paper: next Friday, unless
        # it is the telling of the news ("will be announced Friday" is today's)
        return says_will(head) and head.lemma_.lower() not in _TELLING
    return day < publication and (says_will(head) or says_present(head))


def _timex_indexes(story: Story, event: Event) -> list[int]:
    """The indexes in ``story.timexes`` of the event's own date expressions."""
    source = event.source
    if "timex positions" not in story.memo:
        story.memo["timex positions"] = {id(t): i for i, t in enumerate(story.timexes)}
    positions: dict[int, int] = story.memo["timex positions"]
    return [positions[id(t)] for t in story.timexes_from(source.trigger_start,
                                                         source.trigger_end)
            if t.end <= source.trigger_end]


def _window_days(story: Story, events: list[Event]) -> dict[int, set[date]]:
    """The days, by weekday, of the spans still ahead and at most two weeks long that the
    story dates explicitly ("from Friday 27 June to Sunday 29 June"): a festival's, a tour's,
    a visit's."""
    publication = story.document.dct.date()
    by_weekday: dict[int, set[date]] = {}
    for e in events:
        if e.end is not None and e.first_day > publication and (
                e.last_day - e.first_day).days <= 14 and not is_bare_weekday(e.source.trigger):
            for k in range((e.last_day - e.first_day).days + 1):
                day = e.first_day + timedelta(days=k)
                by_weekday.setdefault(day.weekday(), set()).add(day)
    return by_weekday


def _in_window(story: Story, event: Event, window: dict[int, set[date]]) -> int:
    """Days to move a bare weekday to fall inside the story's one window, else 0: in a
    story about a festival from Friday 27 June to Sunday 29 June, "on Friday" is the 27th."""
    if not window or not is_bare_weekday(event.source.trigger) or event.end is not None:
        return 0
    day = event.first_day
    targets = window.get(day.weekday(), set())
    if day in targets or len(targets) != 1:
        return 0
    head = story.anchors.get(event_key(event))
    if abs((day - story.document.dct.date()).days) > 7 or head is None or not (
            says_will(head) or says_present(head)) or head.lemma_.lower() in _TELLING:
        return 0  # a happening still ahead, not the telling of one ("will be announced")
    days = (next(iter(targets)) - day).days
    return days if 0 < days <= 7 else 0


def _shift(story: Story, event: Event, days: int) -> Event:
    delta = timedelta(days=days)
    end = event.end + delta if event.end is not None else None
    return story.changed(event, "tense (future)", start=event.start + delta, end=end,
                         kind="scheduled" if days > 0 else event.kind)


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events on a bare weekday moved into the story's dated window, or a week when their
    clause's tense points the other way, with the dates read from them ("the next day")."""
    window = _window_days(story, events)
    moved: dict[str, int] = {}  # "timex:N" of a moved date -> the days it moved
    out: list[Event] = []
    for event in events:
        own = _timex_indexes(story, event)
        days = next((moved[a] for i in own if (a := story.timexes[i].anchor) in moved), 0)
        days = days or _in_window(story, event, window) or (
            7 if _points_ahead(story, event) else 0)
        if not days:
            out.append(event)
            continue
        moved.update(dict.fromkeys((f"timex:{i}" for i in own), days))
        out.append(_shift(story, event, days))
    return out


PASS = Pass("tense", run, __doc__.splitlines()[0])
