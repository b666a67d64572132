"""Pass ``clauses``: one dated sentence that tells several happenings gives one event each.

"They will meet the president at his hotel on Tuesday morning and accompany him to Horse
Guards for the welcome, before they all ride back to the Palace in a carriage procession":
the verbs coordinated with the date's head ("and accompany") or hung on it by "before",
"after" or "then" are happenings of the same day when they have a place or a happening of
their own (a locative, or an event noun as object) and no date of their own.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from timeline.event import Event
from timeline.events.anchor import date_tokens
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key
from timeline.events.title import noun_phrase
from timeline.nlp import words

_EVENT_NOUNS = words("event_nouns")
_SEQUENCE_MARKS = frozenset({"before", "after", "then"})
_LOCATIVES = frozenset({"at", "in", "to", "inside", "on"})


def _own_happening(verb: Any, dates: set[int]) -> bool:
    """The verb has a place or a happening of its own and no date of its own."""
    if any(t.i in dates for t in verb.subtree):
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _EVENT_NOUNS:
            return True
        if child.dep_ == "prep" and child.lower_ in _LOCATIVES and any(
                c.dep_ == "pobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in _EVENT_NOUNS)
                for c in child.children):
            return True  # "to Horse Guards Parade", "at the banquet": a named place
    return False


def further_heads(head: Any, dates: set[int]) -> list[Any]:
    """Verbs after the date's head that tell further happenings of its day."""
    found: list[Any] = []
    for child in head.children:
        if child.pos_ != "VERB" or child.i < head.i:
            continue
        sequenced = child.dep_ == "advcl" and any(
            m.dep_ in ("mark", "advmod") and m.lower_ in _SEQUENCE_MARKS for m in child.children)
        if (child.dep_ == "conj" or sequenced) and _own_happening(child, dates):
            found.append(child)
            found.extend(further_heads(child, dates))
    return found


def _clause_text(verb: Any, dates: set[int]) -> str:
    """The words of the clause that ``verb`` heads, without dates, marks or auxiliaries."""
    skip = {"mark", "aux", "auxpass", "cc", "neg", "punct"}
    tokens = [t for t in verb.subtree if t.i not in dates and not (
        t.head.i == verb.i and t.dep_ in skip) and not (
        t.dep_ in ("conj", "advcl") and t.head.i == verb.i)]
    # drop the subtrees of clauses hung on this verb: they are their own events
    nested = {t.i for c in verb.children if c.dep_ in ("conj", "advcl") for t in c.subtree}
    tokens = [t for t in tokens if t.i not in nested]
    text = " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))
    return text.replace(" ,", ",").replace(" 's", "'s").strip(" ,;")


def _subject_text(verb: Any, dates: set[int]) -> str | None:
    """The verb's own subject, unless it is a pronoun: "they all ride" has none of its own."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.pos_ == "PRON":
                return None
            return noun_phrase(child, dates, joined=True)
    return None


def _with_subject(verb: Any, head: Any, text: str, dates: set[int]) -> str:
    """ "accompany him to the parade" -> "William and Kate accompany him to the parade": a
    clause without a subject of its own shares the subject of the date's head."""
    if _subject_text(verb, dates):
        return text
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in own:  # "they all ride": the pronoun and its quantifier go
        cut = " ".join(t.text for t in sorted(child.subtree, key=lambda t: t.i))
        text = text.replace(cut, "", 1).strip()
    inherited = _subject_text(head, dates)
    return f"{inherited} {text}" if inherited else text


def _uid(parent: Event, verb: Any) -> str:
    digest = hashlib.sha256(f"{parent.uid}\0{verb.lemma_}\0{verb.i}".encode()).hexdigest()
    return f"{digest[:24]}@{parent.uid.split('@', 1)[-1]}"


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events, each followed by the further happenings its sentence tells for its day."""
    out: list[Event] = []
    for event in events:
        out.append(event)
        head = story.anchors.get(event_key(event))
        if head is None or head.pos_ != "VERB" or event.granularity not in ("day", "time"):
            continue
        dates = date_tokens(story, event)
        for verb in further_heads(head, dates):
            text = _with_subject(verb, head, _clause_text(verb, dates), dates)
            if len(text.split()) < 3:
                continue
            story.note(event, "clauses")
            extra = replace(event, uid=_uid(event, verb), title=text[:1].upper() + text[1:],
                            location=None, confidence=round(event.confidence * 0.85, 3),
                            derivation=f"{event.derivation}; a further happening of the same "
                                       f"sentence ({verb.text!r})")
            story.anchors[event_key(extra)] = verb
            out.append(extra)
    return out


PASS = Pass("clauses", run, __doc__.splitlines()[0])
