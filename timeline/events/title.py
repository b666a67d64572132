"""Pass ``title``: a noun phrase that names the happening, built from the date's head.

A drafted title that is no title (a clause fragment, dangling words, leftover date marks, or a
bare name such as an organisation's) is rebuilt from the parse: the event noun the date
attaches to with its modifiers ("gala dinner", "sixth round of trilateral talks"), or the
clause of the verb it attaches to ("Board meets", "Parliament opens session"). A definite
noun with no name of its own ("the board") takes the fuller name the story gave it earlier.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from timeline.event import Event
from timeline.events.anchor import date_tokens, trigger_span
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key, without_article
from timeline.events.title_check import (
    MAX_WORDS,
    content_words,
    repaired,
    shortened,
    title_problems,
)
from timeline.nlp import REPORTING_VERBS, words
from timeline.nlp.dateline import read_dateline

EVENT_NOUNS = words("event_nouns")
_BODY_NOUNS = words("body_nouns")
_LIGHT_VERBS = frozenset({"hold", "host", "stage", "attend", "have", "make", "pay", "convene",
                          "schedule", "plan", "set", "organise", "organize", "open", "begin",
                          "start", "launch", "kick"})
# Modifiers that belong in a title: "gala dinner", "Biden's visit", "sixth round".
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod"})
# Complements of an event noun that name its participants or subject.
_RIGHT_PREPS = frozenset({"of", "between", "with", "against", "for", "on"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "attr", "oprd"})
_NAME_LABELS = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP", "PERSON"})
_PLACE_LABELS = frozenset({"GPE", "FAC", "LOC"})
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "cc", "conj", "det",
                       "predet", "prep", "mark", "aux", "auxpass", "neg"})


def _subtree(token: Any, skip: set[int], depth: int = 0, *, joined: bool = False) -> list[Any]:
    """The token and the modifiers of it that a name keeps (no clauses, no dates);
    ``joined`` keeps coordinated names too ("William and Kate")."""
    if token.i in skip:
        return []
    out = [token]
    for child in token.children:
        if child.dep_ in ("cc", "conj") and ((joined and depth == 0) or (
                token.dep_ == "pobj" and depth == 1 and _two_joined(token))):
            # "William and Kate"; "a fair for [wines and spirits]" (not a longer list)
            out.extend(_subtree(child, skip, depth + 1))
            continue
        if child.dep_ == "punct" and not _inside_word(child):
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue  # "its regular session": the owner is named elsewhere or not at all
        if child.dep_ in _CUT_DEPS and not (depth == 0 and child.dep_ == "prep"
                                            and child.lower_ in _RIGHT_PREPS):
            continue
        if child.dep_ == "prep":  # "round [of talks]": the preposition and its object
            objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
            if objects:
                out.append(child)
                out.extend(_subtree(objects[0], skip, depth + 1))
            continue
        out.extend(_subtree(child, skip, depth + 1))
    return out


def _two_joined(token: Any) -> bool:
    """ "wines and spirits": two conjuncts joined by "and" or "or", without a comma."""
    deps = [c.dep_ for c in token.children]
    return deps.count("cc") == 1 and deps.count("conj") == 1 and "punct" not in deps


def _inside_word(token: Any) -> bool:
    """A hyphen or slash between two words with no space ("Play-In", "2023/24")."""
    doc = token.doc
    return (0 < token.i < len(doc) - 1 and not token.whitespace_
            and not doc[token.i - 1].whitespace_ and token.text in "-/–")


def _text(tokens: list[Any]) -> str:
    """The words of ``tokens`` in sentence order, without leading determiners or marks."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    while ordered and (ordered[0].dep_ in ("det", "punct", "case") or ordered[0].is_punct):
        ordered = ordered[1:]
    while ordered and (ordered[-1].is_punct or ordered[-1].pos_ in ("ADP", "CCONJ", "DET")):
        ordered = ordered[:-1]
    pieces: list[str] = []
    for before, token in zip([None, *ordered[:-1]], ordered, strict=True):
        if before is not None:
            joined = token.i == before.i + 1 and not before.whitespace_
            pieces.append("" if joined else " ")
        pieces.append(str(token.text))
    return " ".join("".join(pieces).split())


def noun_phrase(head: Any, dates: set[int], *, joined: bool = False) -> str:
    """The happening named by an event noun with its modifiers and participants."""
    tokens = _subtree(head, dates, joined=joined)
    phrase = _text(tokens)
    if len(phrase.split()) > MAX_WORDS:  # keep the modifiers, drop the complements
        phrase = _text([t for t in tokens if t.i <= head.i])
    return phrase


def _owner_of(noun: Any, story: Story) -> str | None:
    """Whose "its"/"their" a noun has: the organisation named last before the pronoun."""
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if pronoun is None or pronoun.lower_ not in ("its", "their"):
        return None
    before = [e for e in story.parse(noun.doc.text).entities("ORG") if e.end <= pronoun.i]
    return without_article(str(before[-1].text)) if before else None


def _verb_form(verb: Any, subject: Any | None) -> str:
    """The verb as a title states it: "meets" for "will meet", "held" for "was held"."""
    if verb.tag_ in ("VBZ", "VBD", "VBN", "VBG"):
        return str(verb.text)
    lemma = str(verb.lemma_)
    plural = subject is not None and (subject.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" for c in subject.children))
    if plural:
        return lemma
    if lemma == "be":
        return "is"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _teller(phrase_head: Any, story: Story) -> str | None:
    """ "The Reserve Bank said the board will meet": the organisation whose board it is."""
    verb = phrase_head.head
    teller = verb.head
    if verb.dep_ != "ccomp" or teller.lemma_ not in REPORTING_VERBS:
        return None
    for child in teller.children:
        if child.dep_ == "nsubj":
            for entity in story.parse(child.doc.text).entities():
                if entity.label_ == "ORG" and entity.root.i in {t.i for t in child.subtree}:
                    return f"{without_article(str(entity.text))} {phrase_head.text}"
    return None


def _name_for(phrase_head: Any, story: Story, before: int) -> str | None:
    """A fuller name the story gave earlier for "the board" or a pronoun, or None."""
    lemma = phrase_head.lemma_.lower()
    pronoun = phrase_head.pos_ == "PRON"
    if not pronoun and (teller := _teller(phrase_head, story)):
        return teller
    texts = [t for t in (story.document.title, *_earlier_texts(story, before)) if t]
    for text in texts:
        parsed = story.parse(text)
        if pronoun:
            labels = ("PERSON",) if phrase_head.lower_ in ("he", "she", "him", "her") \
                else ("ORG",)
            people = parsed.entities(*labels)
            if people:
                return str(people[-1].text)
            continue
        named = _named_chunks(story, text).get(lemma)
        if named is not None:
            return named
    return None


def _named_chunks(story: Story, text: str) -> dict[str, str]:
    """For each noun lemma, the first noun chunk of ``text`` headed by it that holds a name
    ("the Reserve Bank board" for "board"); made once per text, not once per asking event."""
    cache: dict[str, dict[str, str]] = story.memo.setdefault("named chunks", {})
    if text not in cache:
        found: dict[str, str] = {}
        for chunk in story.parse(text).doc.noun_chunks:
            lemma = chunk.root.lemma_.lower()
            if lemma not in found and any(t.pos_ == "PROPN" for t in chunk
                                          if t.i != chunk.root.i):
                found[lemma] = _text(list(chunk))
        cache[text] = found
    return cache[text]


def _earlier_texts(story: Story, before: int) -> list[str]:
    """Parsed evidence sentences that come before offset ``before``, nearest first."""
    offsets: dict[str, int] = story.memo.setdefault("offsets", {})  # a find per text, once
    for text in story.parses.keys() - offsets.keys():
        offsets[text] = story.document.text.find(text)
    return [text for text, parsed in reversed(story.parses.items())
            if (at := offsets[text]) != -1 and at < before
            and parsed.text != story.document.title]


def _with_earlier_name(head: Any, phrase: str, story: Story, before: int) -> str:
    """ "Board meets" -> "Reserve Bank board meets" when the story named the board."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    named = any(t.pos_ == "PROPN" for t in head.subtree)
    if head.pos_ == "PRON" or (definite and not named and head.pos_ == "NOUN"):
        name = _name_for(head, story, before)
        if name:
            own = str(head.text) if head.pos_ == "PRON" else _text(
                [t for t in head.subtree if t.i <= head.i])
            return phrase.replace(own, name, 1) if own in phrase else f"{name} {phrase}"
    return phrase


def parse_title(story: Story, event: Event) -> str | None:
    """A title built from the head the event's date attaches to, or None."""
    head = story.anchors.get(event_key(event))
    if head is None:
        return None
    return _head_title(story, head, date_tokens(story, event), event.source.sentence_start)


def _head_title(story: Story, head: Any, dates: set[int], before: int) -> str | None:
    """A title for the happening ``head`` heads: its noun phrase, or its clause's subject,
    verb, object and complements."""
    if head.pos_ in ("NOUN", "PROPN"):
        phrase = noun_phrase(head, dates)
        return _capitalised(_with_earlier_name(head, phrase, story, before))
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i not in dates]
    objects = [c for c in head.children if c.dep_ in _OBJECTS and c.i not in dates]
    particle = " ".join(c.text for c in head.children if c.dep_ == "prt")
    subject = subjects[0] if subjects else None
    if subject is not None and subject.lower_ in ("who", "which", "that") \
            and head.dep_ == "relcl":
        subject = head.head  # "Dana Reyes, who took over in 2020": Dana Reyes took over
    obj = objects[0] if objects else None
    if obj is not None and head.lemma_ in _LIGHT_VERBS and obj.lemma_.lower() in EVENT_NOUNS:
        happening = _with_earlier_name(obj, noun_phrase(obj, dates), story, before)
        named = subject is not None and any(t.pos_ == "PROPN" for t in subject.subtree)
        owner = noun_phrase(subject, dates, joined=True) if named and subject is not None \
            else _owner_of(obj, story)  # "the Assembly will open its session"
        if owner and owner.lower() not in happening.lower():
            happening = f"{owner} {happening}"
        return _capitalised(happening)
    if subject is not None and subject.dep_ == "nsubjpass" \
            and subject.lemma_.lower() in EVENT_NOUNS:
        return _capitalised(_with_earlier_name(subject, noun_phrase(subject, dates), story,
                                               before))
    if subject is None and (obj is None or obj.lemma_.lower() not in EVENT_NOUNS):
        return None  # "Takes place": a verb alone names nothing
    if head.lemma_ == "be" and subject is not None:  # "Ballots ... are due": the ballots
        return _capitalised(_with_earlier_name(
            subject, noun_phrase(subject, dates, joined=True), story, before)) or None
    parts = []
    if subject is not None:
        parts.append(_with_earlier_name(
            subject, noun_phrase(subject, dates, joined=True) or subject.text, story, before))
    parts.append(_verb_form(head, subject) + (f" {particle}" if particle else ""))
    if obj is not None:
        parts.append(noun_phrase(_named_side(obj), dates))
    parts.extend(_complements(head, dates))
    phrase = " ".join(p for p in parts if p)
    words_ = phrase.split()
    return _capitalised(" ".join(words_[:MAX_WORDS])) if len(words_) > 1 else None


def _named_side(noun: Any) -> Any:
    """ "four-time champions the Saints" -> the Saints: the name a description stands
    beside."""
    if noun.pos_ == "NOUN":
        for child in noun.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return noun


def _complements(verb: Any, dates: set[int]) -> list[str]:
    """What the verb says of its subject after the object: "pleaded [guilty] [to four counts
    of fraud]", "travels [to Busan]". The date's own phrase is left out."""
    out: list[str] = []
    for child in verb.children:
        if child.i < verb.i or child.i in dates or child.dep_ in _OBJECTS:
            continue
        if child.dep_ in ("acomp", "oprd") and not out:
            out.append(_text(_subtree(child, dates)))
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in dates
                       and c.pos_ in ("NOUN", "PROPN", "NUM")
                       and not any(m.i in dates for m in c.children)]  # "in a [day] game"
            if objects:
                out.append(f"{child.text} {noun_phrase(objects[0], dates)}")
        elif child.dep_ not in ("advmod", "npadvmod", "punct", "dobj", "attr", "prt"):
            break  # a clause or conjunct: what follows is another statement
    return out


_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def relative_happening(head: Any) -> Any | None:
    """The event noun a relative clause tells of: "the summit in Geneva, which opens on
    Monday" -> summit (the parse may hang the clause on the summit's place)."""
    if head.dep_ != "relcl" or not any(
            c.dep_ in _SUBJECTS and c.lower_ in _RELATIVE_PRONOUNS for c in head.children):
        return None
    noun = head.head
    for _ in range(3):
        if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in EVENT_NOUNS:
            return noun
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
    return None


def _relative_title(story: Story, event: Event) -> str | None:
    """ "Three-day summit opens" for a date in "..., which opens on Monday"."""
    head = story.anchors.get(event_key(event))
    noun = relative_happening(head) if head is not None else None
    if noun is None or head is None:
        return None
    dates = date_tokens(story, event)
    phrase = _with_earlier_name(noun, noun_phrase(noun, dates), story,
                                event.source.sentence_start)
    if not phrase:
        return None
    verb = "" if head.lemma_ == "be" else " " + _verb_form(head, noun)
    return _capitalised(shortened(phrase + verb))


def _capitalised_word(token: Any) -> bool:
    """A word of a name: "Makers" in "Makers Row", whatever tag the parser gave it."""
    return bool(token.pos_ == "PROPN" or (token.pos_ != "DET" and token.text[:1].isupper()))


def _bracketed_name_title(story: Story, event: Event) -> str | None:
    """ "Next come ProWein (15 - 17 May), the leading fair for wines": a date in brackets
    right after a name dates what the name names, and the description set beside it says
    what that is ("ProWein, leading fair for wines")."""
    span = trigger_span(story, event)
    if span is None or span.start < 2:
        return None
    doc = span.doc
    opening, name_end = doc[span.start - 1], doc[span.start - 2]
    if opening.text != "(" or not _capitalised_word(name_end):
        return None
    first = name_end.i
    while first > 0 and (_capitalised_word(doc[first - 1]) or (
            first > 1 and doc[first - 1].text == "&")):  # "wire & Tube"
        first -= 2 if doc[first - 1].text == "&" else 1
    name = doc[first: name_end.i + 1].text
    closing = next((t for t in doc[span.end: span.end + 3] if t.text == ")"), None)
    if closing is not None and closing.i + 2 < len(doc) and doc[closing.i + 1].text == ",":
        # the parser often hangs the description anywhere: read the phrase that follows
        chunk = next((c for c in doc.noun_chunks if c.start == closing.i + 2), None)
        if chunk is not None and chunk.root.pos_ == "NOUN" and chunk[0].lower_ == "the":
            described = noun_phrase(chunk.root, date_tokens(story, event))
            return _capitalised(shortened(f"{name}, {described}"))
    return None  # a name alone says less than the draft ("the retail fair EuroCIS")


def _dated_noun_title(story: Story, event: Event) -> str | None:
    """ "pleaded guilty for the mass shooting on Feb. 14": the date is the shooting's own,
    so a title drafted from the clause around it, which does not name it, gives way."""
    head = story.anchors.get(event_key(event))
    span = trigger_span(story, event)
    if head is None or span is None or head.pos_ != "NOUN" \
            or head.lemma_.lower() not in EVENT_NOUNS or head.text.lower() in event.title.lower():
        return None
    if span.root.head.i != head.i:  # the date hangs on the noun itself
        return None
    phrase = _with_earlier_name(head, noun_phrase(head, date_tokens(story, event)), story,
                                event.source.sentence_start)
    return _capitalised(phrase) if len(phrase.split()) > 1 else None


_PLANNING = words("planning_verbs")
_NOUN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj"})


def _scheduled_title(story: Story, event: Event) -> str | None:
    """ "during a mop-up exercise scheduled for April 8-12", "the qualifier against Ruritania,
    slated for Sunday": the thing the participle schedules is the happening."""
    head = story.anchors.get(event_key(event))
    if head is None or head.dep_ != "acl" or head.lemma_.lower() not in _PLANNING:
        return None
    noun = head.head
    if noun.pos_ not in ("NOUN", "PROPN") and noun.dep_ not in _NOUN_DEPS:
        return None
    phrase = _with_earlier_name(noun, noun_phrase(noun, date_tokens(story, event)), story,
                                event.source.sentence_start)
    return _capitalised(phrase) if phrase else None


def _who_title(story: Story, event: Event) -> str | None:
    """ "Chief Executive Dana Reyes, who took over in September 2020": the named person the
    relative clause is about did what it says."""
    head = story.anchors.get(event_key(event))
    if head is None or head.dep_ != "relcl" or head.pos_ != "VERB" \
            or head.head.pos_ != "PROPN" or not any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in head.children):
        return None
    return _head_title(story, head, date_tokens(story, event), event.source.sentence_start)


def _when_title(story: Story, event: Event) -> str | None:
    """ "The city gets its first taste of the action on March 29, when the Hawks play the
    Kings": a clause that follows the date with "when" and sets two named sides against each
    other is what happens on that date. (A "when" clause without two names mostly adds
    background: "first held in 1990, when 800 people ran".)"""
    span = trigger_span(story, event)
    if span is None:
        return None
    for token in span.doc[span.end: span.end + 3]:
        verb = token.head
        if token.lower_ != "when" or token.dep_ not in ("advmod", "mark") \
                or verb.dep_ not in ("relcl", "advcl") or verb.pos_ != "VERB":
            continue
        sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")
                 and any(t.pos_ == "PROPN" for t in c.subtree)]
        if len(sides) == 2:
            return _head_title(story, verb, date_tokens(story, event),
                               event.source.sentence_start)
    return None


def _anaphoric_one(story: Story, event: Event, modifier: str) -> Any | None:
    """The "one" of "the next one" or "the last one" (``modifier`` before it) in the event's
    sentence: a happening named before."""
    for token in story.parse(event.source.evidence).doc:
        if token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ == modifier \
                and token.dep_ != "nummod" and any(
                c.dep_ == "amod" for c in token.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return token
    return None


def _antecedent(story: Story, event: Event, one: Any) -> str | None:
    """The event noun named last before ``one``: in its sentence, the sentences before it,
    or the headline."""
    for token in reversed(one.doc[: one.i]):
        if token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS:
            return str(token.lemma_)
    texts = _earlier_texts(story, event.source.sentence_start)
    if story.document.title:
        texts.append(story.document.title)
    return next((noun for text in texts if (noun := _last_event_noun(story, text))), None)


def _last_event_noun(story: Story, text: str) -> str | None:
    """The lemma of the last event noun of ``text`` (worked out once per text: every event
    after it may ask)."""
    cache: dict[str, str | None] = story.memo.setdefault("last event noun", {})
    if text not in cache:
        cache[text] = next((str(t.lemma_) for t in reversed(story.parse(text).doc)
                            if t.pos_ == "NOUN" and t.lemma_.lower() in EVENT_NOUNS), None)
    return cache[text]


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "dobj"})


def _elliptical_adjective(story: Story, event: Event, word: str) -> Any | None:
    """ "The most recent was in 2019", "the latest came in March": a superlative standing for
    a noun the story named before (``word`` is the adjective as the title has it)."""
    for token in _tokens_by_word(story, event.source.evidence).get(word, ()):
        superlative = token.tag_ == "JJS" or any(
            c.dep_ == "advmod" and c.lower_ == "most" for c in token.children)
        if token.lower_ == word and superlative and token.dep_ in _NOMINAL_DEPS \
                and any(c.dep_ == "det" for c in token.children):
            return token  # not "the final" or "the first", which are often names or nouns
    return None


def _tokens_by_word(story: Story, text: str) -> dict[str, list[Any]]:
    """The tokens of the parse of ``text`` by their lower-case form, in order (made once per
    sentence, not once per date and word)."""
    parsed = story.parse(text)
    if "tokens by word" not in parsed.memo:
        index: dict[str, list[Any]] = {}
        for token in parsed.doc:
            index.setdefault(token.lower_, []).append(token)
        parsed.memo["tokens by word"] = index
    found: dict[str, list[Any]] = parsed.memo["tokens by word"]
    return found


def _one_resolved(story: Story, event: Event, title: str) -> str:
    """ "Last one" -> "Last eclipse", "Most recent by the king" -> "Most recent visit by the
    king": an elliptical "one" or adjective takes the happening the story named before."""
    words_ = title.split()
    at = next((i for i, w in enumerate(words_) if w.lower() == "one" and i > 0), None)
    if at is not None and (one := _anaphoric_one(story, event, words_[at - 1].lower())):
        noun = _antecedent(story, event, one)
        return " ".join([*words_[:at], noun, *words_[at + 1:]]) if noun else title
    for at, word in enumerate(words_[:3]):
        adjective = _elliptical_adjective(story, event, word.lower())
        if adjective is not None:
            noun = _antecedent(story, event, adjective)
            return " ".join([*words_[:at + 1], noun, *words_[at + 1:]]) if noun else title
    return title


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _is_bare_name(story: Story, event: Event) -> bool:
    """A title that is only a name the sentence mentions ("People Power Party", "National
    Assembly"): an organisation, place or person, not a happening."""
    bare = event.title.split(" (")[0].strip()
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "the", "for", "&") for w in
               bare.split()):
        return False  # a name is capitalised throughout
    last = bare.split()[-1].lower() if bare.split() else ""
    if last in _BODY_NOUNS:
        return True  # "National Assembly", "State Council": a body, not what it does
    parsed = story.parse(event.source.evidence)
    for entity in parsed.entities():
        if without_article(entity.text) != bare or entity.label_ not in _NAME_LABELS:
            continue
        # "Halifax Jazz Festival" names the happening; "Horse Guards Parade" is a place
        return last not in EVENT_NOUNS or entity.label_ in _PLACE_LABELS
    return False


def _overlaps(title: str, other: str) -> bool:
    """The two titles share a content word (a rebuilt title still names the same thing)."""
    return bool(content_words(title) & content_words(other))


def _shares_its_title(story: Story, event: Event, events: list[Event]) -> bool:
    """Two dates of one sentence, attached to two heads, with one title: each needs the name
    of its own clause ("the session opens on Jan. 31 and the budget is announced Feb. 1")."""
    head = story.anchors.get(event_key(event))
    if head is None:
        return False
    # only events of one title and sentence can be such pairs: look those up, not every event
    if story.memo.get("same title of", (None,))[0] is not events:
        alike: dict[tuple[str, int], list[Event]] = {}
        for other in events:
            alike.setdefault((other.title, other.source.sentence_start), []).append(other)
        story.memo["same title of"] = (events, alike)
    same = story.memo["same title of"][1][(event.title, event.source.sentence_start)]
    return any(
        other is not event
        and (theirs := story.anchors.get(event_key(other))) is not None and theirs.i != head.i
        for other in same)


def _named(story: Story, event: Event, title: str) -> str:
    """ "Board meets" -> "Reserve Bank board meets": the subject's name from earlier on."""
    head = story.anchors.get(event_key(event))
    if head is None:
        return title
    for child in head.children:
        if child.dep_ in _SUBJECTS and child.pos_ == "NOUN":
            own = _text([t for t in child.subtree if t.i <= child.i])
            if own and title.lower().startswith(own.lower()):
                fuller = _with_earlier_name(child, own, story, event.source.sentence_start)
                if fuller != own:
                    return _capitalised(fuller + title[len(own):])
    return title


_OPENING_FUNCTION_WORDS = frozenset({"and", "but", "or", "so", "yet", "then", "also"})
_PERSONAL = frozenset({"he", "she", "they", "it"})
# What a title can lose from its front and still say what happens ("He travels to Busan").
_DROPPABLE_OPENERS = _PERSONAL | {"we", "for", "on", "to", "and", "but"}
_STORY_NAME_LABELS = ("EVENT", "ORG", "PRODUCT", "WORK_OF_ART", "FAC")


def story_name(story: Story) -> str | None:
    """The name the headline is about ("Reserve Bank of Australia", "AFL"), if it has one."""
    if not story.document.title:
        return None
    headline = story.parse(story.document.title)
    doc = headline.doc
    subject = {t.i for root in (t for t in doc if t.dep_ == "ROOT") for c in root.children
               if c.dep_ in _SUBJECTS for t in c.subtree}
    for entity in headline.entities():  # only a name the headline is about: its subject
        if entity.label_ in _STORY_NAME_LABELS and entity.root.i in subject:
            name = without_article(str(entity.text)).strip(" ,:;'’")
            if name and not name.lower().endswith(("'s", "’s")):
                return name
    return None


def _names_nothing(title: str) -> bool:
    """A title with no name after its first word ("Quarterfinals", "Board meets")."""
    return not any(w[:1].isupper() or w[:1].isdigit() for w in title.split()[1:])


def with_story_name(title: str, name: str | None) -> str:
    """ "Quarterfinals" -> "Quarterfinals (League of Legends Worlds)": whose happening it is."""
    if not name or name.lower() in title.lower() or not _names_nothing(title):
        return title
    combined = f"{title} ({name})"
    return combined if len(combined.split()) <= MAX_WORDS else title


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events whose title is no title, mended or renamed from the parse; a title that names
    nobody takes the name the headline is about; an event no title can be made for is
    dropped."""
    name = story_name(story) if events else None
    renamed = _renamed(story, events)
    finished = [_finished(story, _with_story_name(story, e, name), name,
                          renamed[i - 1] if i else None) for i, e in enumerate(renamed)]
    # No words of the sentence name the happening ("starting on a Monday and finishing on
    # the Tuesday"): such a date is rarely an event, and a calendar cannot show it.
    return [e for e in finished if not set(title_problems(e.title)) - {"bare noun"}]


def _without_opener(title: str) -> str:
    """ "He travels to Busan" -> "Travels to Busan": a title never opens with a pronoun."""
    words_ = title.split()
    while len(words_) > 2 and words_[0].lower() in _DROPPABLE_OPENERS:
        words_ = words_[1:]
    return _capitalised(" ".join(words_))




def _actor(story: Story, event: Event | None) -> str | None:
    """Who the event before is about: its head's subject ("The prime minister" will ...)."""
    head = story.anchors.get(event_key(event)) if event is not None else None
    for child in head.children if head is not None else ():
        if child.dep_ in _SUBJECTS and child.pos_ != "PRON":
            return noun_phrase(child, set(), joined=True) or None
    return None


_WORD = re.compile(r"[\w'’.]+")


def without_dateline(title: str, sentence: str) -> str:
    """ "Tokyo, (Kyodo)--Japan's cabinet met" -> "Japan's cabinet met": a title drafted from
    a sentence that opens with a dateline loses the dateline's words from its front."""
    dateline = read_dateline(sentence)
    if dateline is None:
        return title
    opening = _WORD.findall(sentence[dateline.end:])[:1]
    if opening and title.startswith(opening[0]):
        return title  # "Ridgemont University students ..." after "RIDGEMONT, Iowa --"
    rest = title
    for word in _WORD.findall(sentence[: dateline.end]):
        stripped = rest.lstrip(" ,.;:()[]-–—")
        if not stripped.startswith(word):
            continue  # a word of the dateline the title had already lost (its date)
        rest = stripped[len(word):]
    rest = rest.lstrip(" ,.;:()[]-–—")
    return _capitalised(rest) if rest != title and len(rest.split()) > 1 else title


def _finished(story: Story, event: Event, name: str | None, before: Event | None) -> Event:
    """The title made to keep the rules every title keeps: at most twelve words, no opening
    pronoun or conjunction, no bare noun. "She is due in Madrid" after "The prime minister
    will make a trip" is the prime minister's."""
    title = _one_resolved(story, event, shortened(without_dateline(event.title,
                                                                   event.source.evidence)))
    words_ = title.split()
    if words_ and words_[0].lower() in _PERSONAL and (actor := _actor(story, before)):
        title = _capitalised(shortened(f"{actor} {' '.join(words_[1:])}"))
        words_ = title.split()
    if words_ and words_[0].lower() in _OPENING_FUNCTION_WORDS and len(words_) > 2:
        title = _capitalised(" ".join(words_[1:]))  # "And the fair opens" -> "The fair opens"
    if title_problems(title):
        built = parse_title(story, event)
        options = [repaired(title), shortened(built) if built else "", _without_opener(title)]
        title = next((o for o in options if o and not title_problems(o)), title)
    if "bare noun" in title_problems(title):
        context = event.location or name
        if context:
            title = f"{title} ({context})"
    return _retitled(story, event, title)


def _with_story_name(story: Story, event: Event, name: str | None) -> Event:
    return _retitled(story, event, with_story_name(event.title, name))


def _retitled(story: Story, event: Event, title: str) -> Event:
    """``event`` under ``title``, noted when that is a change."""
    return event if title == event.title else story.changed(event, "title", title=title)


def _renamed(story: Story, events: list[Event]) -> list[Event]:
    """Events whose drafted title is no title: mended, else renamed from the parse."""
    out: list[Event] = []
    for event in events:
        problems = [p for p in title_problems(event.title) if p != "too long"]
        relative = _relative_title(story, event) or _when_title(story, event) \
            or _who_title(story, event) or _scheduled_title(story, event) \
            or _dated_noun_title(story, event) or _bracketed_name_title(story, event)
        if relative and not title_problems(relative):
            out.append(_retitled(story, event, relative))
            continue
        if _shares_its_title(story, event, events):
            built = parse_title(story, event)
            if built and not title_problems(built) and _overlaps(built, event.title):
                out.append(_retitled(story, event, built))
                continue
        if not problems and not _is_bare_name(story, event):
            out.append(event)
            continue
        mended = _named(story, event, repaired(event.title))
        if mended and not title_problems(mended) and not _is_bare_name(
                story, replace(event, title=mended)):
            out.append(_retitled(story, event, mended))
            continue
        built = parse_title(story, event)
        better = built and len(title_problems(built)) < max(1, len(problems))
        out.append(_retitled(story, event, built) if built and better else event)
    return out


PASS = Pass("title", run, __doc__.splitlines()[0])
