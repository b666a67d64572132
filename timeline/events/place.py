"""Pass ``place``: where the happening is, from the entities the parse attaches to it.

A venue is a facility, a venue-like organisation or a place named after a locative preposition
("at the Gabba", "in the Lok Sabha", "at Riverside Stadium in Leeds"), or the last item of a
list line with no verb ("Rovers v United, 3pm, Riverside Stadium"). It replaces a drafted
place that is only the dateline's town, a team or side named as a subject, or nothing. An
organisation that is only quoted or that acts ("the ministry said") is never a venue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from timeline.event import Event
from timeline.events.anchor import date_tokens
from timeline.events.passes import Pass
from timeline.events.story import Story, event_key, without_article
from timeline.nlp import REPORTING_VERBS, name_all, words
from timeline.places import VENUE_NOUNS, lookup

_LOCATIVES = frozenset({"at", "in", "inside", "outside", "near", "from"})
_RANK = {"FAC": 0, "ORG": 1, "LOC": 2, "GPE": 3}


def _entity_of(token: Any, entities: list[Any]) -> Any | None:
    for entity in entities:
        if entity.start <= token.i < entity.end:
            return entity
    return None


_LEGISLATURES = words("legislature_nouns")


def _is_venue_like(name: str) -> bool:
    """A venue's name ("Riverside Stadium") or a legislature's, which sits in its own house."""
    named = name.replace(",", " ").split()
    lowered = {w.lower() for w in named}
    # "the senate" in lower case is the body, not a house with that name
    houses = {w.lower() for w in named if w[:1].isupper()}
    return bool(VENUE_NOUNS.intersection(lowered) or _LEGISLATURES.intersection(houses))


def clause_tokens(head: Any) -> set[int]:
    """The tokens of the clause ``head`` heads, without the clauses coordinated after it."""
    nested = {t.i for c in head.children if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB"
              for t in c.subtree}
    return {t.i for t in head.subtree} - nested


def locative_places(parsed: Any, dates: set[int],
                    within: set[int] | None = None) -> list[tuple[int, str, str]]:
    """(rank, label, name) of every entity a locative preposition introduces (inside
    ``within`` token indexes, when given)."""
    found: list[tuple[int, str, str]] = []
    entities = parsed.entities()
    for token in _locative_preps(parsed):
        if within is not None and token.i not in within:
            continue
        for obj in (c for c in token.children if c.dep_ == "pobj" and c.i not in dates):
            entity = _entity_of(obj, entities)
            if entity is None or entity.label_ not in _RANK:
                continue
            name = without_article(entity.text)
            if token.lower_ == "from" and entity.label_ != "FAC":
                continue  # "delegates from Ghana" say who comes, not where
            rank = _RANK[entity.label_]
            if entity.label_ == "ORG" and not _is_venue_like(name) and token.lower_ != "in":
                rank = 4  # "at Reuters" is a source more often than a place
            found.append((rank, entity.label_, name))
    return found


def _locative_preps(parsed: Any) -> list[Any]:
    """The locative prepositions of a parse, in order (found once per sentence: each date of
    a sentence asks)."""
    if "locative preps" not in parsed.memo:
        parsed.memo["locative preps"] = [t for t in parsed.doc
                                         if t.dep_ == "prep" and t.lower_ in _LOCATIVES]
    preps: list[Any] = parsed.memo["locative preps"]
    return preps


def list_item_venue(parsed: Any) -> str | None:
    """The venue that ends a list line with no verb ("..., 4:05pm, Adelaide Oval")."""
    if "list item venue" not in parsed.memo:  # once per sentence, not once per date in it
        parsed.memo["list item venue"] = _list_item_venue(parsed)
    venue: str | None = parsed.memo["list item venue"]
    return venue


def _list_item_venue(parsed: Any) -> str | None:
    doc = parsed.doc
    # "Rovers v United": the "v" of a fixture is no verb, whatever the tagger says
    if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in ("v", "vs", "vs.") for t in doc) \
            or "," not in parsed.text:
        return None
    last = without_article(parsed.text.rsplit(",", 1)[1])
    words = last.split()
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 6:
        return None
    return last


_HOSTING = words("hosting_verbs")
_BODIES = words("body_nouns")


def host_venue(head: Any, parsed: Any) -> str | None:
    """ "The National Assembly will open its session", "Riverside Arena hosts the final":
    a named venue or assembly that hosts or holds the happening is where it is. When the
    parse loses the subject, "its session" still names its owner: the body named last
    before "its"."""
    if head is None or head.pos_ != "VERB" or head.lemma_.lower() not in _HOSTING:
        return None
    for child in head.children:
        if child.dep_ != "nsubj":
            continue
        words_ = [t for t in child.subtree if t.dep_ != "det"]
        named = any(t.pos_ == "PROPN" for t in words_)
        kind = child.lemma_.lower()
        if named and (kind in VENUE_NOUNS or kind in _BODIES):
            return without_article(" ".join(t.text for t in words_))
    owners = [p for c in head.children if c.dep_ == "dobj" for p in c.children
              if p.dep_ == "poss" and p.lower_ in ("its", "their")]
    if owners:
        bodies = [e for e in parsed.entities("ORG", "FAC") if e.end <= owners[0].i]
        if bodies and _is_venue_like(str(bodies[-1].text)) and (
                bodies[-1].root.lemma_.lower() in _BODIES | _LEGISLATURES | VENUE_NOUNS):
            return without_article(str(bodies[-1].text))
    return None


def venue_for(story: Story, event: Event) -> str | None:
    """The most specific place the event's sentence gives it, as "Venue, Town" when both."""
    parsed = story.parse(event.source.evidence)
    listed = list_item_venue(parsed)
    if listed is not None:
        return listed
    hosting = host_venue(story.anchors.get(event_key(event)), parsed)
    if hosting is not None:
        return hosting
    head = story.anchors.get(event_key(event))
    scope = clause_tokens(head) if head is not None and head.pos_ == "VERB" else None
    found = sorted(locative_places(parsed, date_tokens(story, event), scope))
    if not found and scope is not None:
        found = sorted(locative_places(parsed, date_tokens(story, event)))
    if not found or found[0][0] > 3:
        return None
    _, label, name = found[0]
    town = next((n for _, lab, n in found if lab == "GPE" and n != name), None)
    if label in ("FAC", "ORG") and town is not None and town not in name:
        return f"{name}, {town}"
    return name


def _inside_a_venue_name(story: Story, event: Event, location: str) -> bool:
    """ "Stamford" read off "Stamford Bridge", a town read off "Riverside Launch Center": the
    sentence names a venue the drafted place is only the first word of."""
    town = location.split(",")[0].strip()
    if not re.search(re.escape(town) + r"\s+(?:(?:&|and|of)\s+)?[A-Z]", event.source.evidence):
        return False  # no capitalised word after it: no longer name (and no entity pass)
    for entity in story.parse(event.source.evidence).entities("FAC", "ORG", "LOC"):
        name = without_article(str(entity.text))
        if name != town and name.startswith(town + " ") and _is_venue_like(name):
            return True
    return False


def _is_weak(story: Story, event: Event, location: str | None) -> bool:
    """A drafted place a venue should replace: none, the dateline's town, a side's name or a
    teller's."""
    if location is None or _is_teller(story, event, location):
        return True
    dateline = story.dateline_place()
    if dateline is not None and location.split(",")[0].strip() == dateline.name:
        return True
    if _inside_a_venue_name(story, event, location):
        return True
    head = story.anchors.get(event_key(event))
    if head is None:
        return False
    for chunk in head.doc.noun_chunks:  # "Liverpool host Leeds": a side, not a town
        side = chunk.root.dep_ in ("nsubj", "dobj", "pobj") and chunk.root.head.i == head.i
        if side and without_article(chunk.text) == location:
            return True
    return False


# Venue nouns that are not also common surnames or street words ("Hall", "Park", "Court"):
# a name ending in one is a venue whatever label the recogniser gave it.
_PLAIN_VENUE_HEADS = frozenset({"arena", "auditorium", "cathedral", "center", "centre",
                                "hospital", "hotel", "museum", "palace", "stadium", "theater",
                                "theatre", "university"})


def _plainly_a_venue(name: str) -> bool:
    """ "Riverside Exhibition Centre" even when the recogniser calls it a person."""
    words_ = name.split()
    return len(words_) >= 2 and words_[-1].lower() in _PLAIN_VENUE_HEADS and all(
        w[:1].isupper() for w in words_)


def _longer_name_of(longer: str, name: str) -> bool:
    """ "Riverside Museum & Gardens" for "Riverside Museum"; not "House Labor Committee" for
    "House", which names a body inside it."""
    if not longer.startswith(name + " "):
        return False
    return not _BODIES.intersection(w.lower() for w in longer[len(name):].split())


def tellers(parsed: Any) -> set[str]:
    """Names that tell the news in a sentence ("the Ministry of Health said", "according to
    the ministry"): an organisation that speaks is no venue."""
    out: set[str] = set()
    for entity in parsed.entities("ORG", "FAC", "GPE"):
        root = entity.root
        says = root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS
        cited = root.dep_ == "pobj" and root.head.lower_ == "to" \
            and root.head.head.lower_ == "according"
        name = without_article(str(entity.text))
        if (says or cited) and not _plainly_a_venue(name):  # a university that speaks
            out.add(name)                                    # still holds its exams
    return out


def _is_teller(story: Story, event: Event, location: str | None) -> bool:
    """The drafted place is a name that tells the news in the event's sentence."""
    if location is None:
        return False
    return without_article(location.split(",")[0]) in tellers(story.parse(event.source.evidence))


def story_venue(story: Story, events: list[Event]) -> str | None:
    """The one venue the story names (a court, a stadium, an exhibition centre): in its
    headline or opening, or as the place of its other events, when no other venue competes."""
    if "venue" not in story.memo:
        named = [without_article(e.location.split(",")[0]) for e in events
                 if e.location and not _is_teller(story, e, e.location)]
        facilities: set[str] = set()
        for text in (story.document.title, story.lead()):
            if text:
                speaking = tellers(story.parse(text))
                for entity in story.parse(text).entities():
                    name = without_article(str(entity.text))
                    if name in speaking:
                        continue
                    if entity.label_ in ("FAC", "ORG") or _plainly_a_venue(name):
                        named.append(name)
                    if entity.label_ == "FAC" or _plainly_a_venue(name):
                        facilities.add(name)
        venues = [n for n in named if n in facilities or _is_venue_like(n)]
        counts: dict[str, int] = {}
        for name in venues:  # "Riverside Museum" is "Riverside Museum & Gardens" told short
            fullest = max((v for v in venues if v == name or _longer_name_of(v, name)), key=len)
            counts[fullest] = counts.get(fullest, 0) + 1
        ranked = sorted(counts, key=lambda n: -counts[n])
        alone = len(ranked) == 1 or (len(ranked) > 1 and counts[ranked[0]] >= 2 * counts[
            ranked[1]])
        story.memo["venue"] = ranked[0] if ranked and alone else None
    venue: str | None = story.memo["venue"]
    return venue


_STREET_NOUNS = words("street_nouns")


def street_of(story: Story, event: Event) -> str | None:
    """ "at Hastings Road": the drafted town is only the first word of a street's name, so the
    street is the place (in the dateline's town, when the story has one)."""
    if event.location is None:
        return None
    town = event.location.split(",")[0].strip()
    after = re.search(re.escape(town) + r"\s+([A-Z][a-z]+)\b", event.source.evidence)
    if after is None or after.group(1).lower() not in _STREET_NOUNS:
        return None
    street = f"{town} {after.group(1)}"
    dateline = story.dateline_place()
    return f"{street}, {dateline.name}" if dateline is not None and dateline.name != town \
        else street


def run(story: Story, events: list[Event]) -> list[Event]:
    """Events placed at the venue their sentence names, else at the one venue the story
    names (counting the venues just found), where the draft had none better."""
    events = [story.changed(e, "place", location=street) if (street := street_of(story, e))
              else e for e in events]
    weak = [e for e in events if _is_weak(story, e, e.location)]
    weak_uids = {e.uid for e in weak}
    heads = [t for t in (story.document.title, story.lead()) if t]
    name_all(story.parse(t) for t in [*(e.source.evidence for e in weak), *heads])
    found = {e.uid: venue_for(story, e) for e in weak}
    placed = [replace(e, location=found[e.uid]) if found.get(e.uid) else e for e in events]
    out: list[Event] = []
    for event in events:
        if event.uid not in weak_uids:
            out.append(event)
            continue
        venue = found[event.uid]
        if venue is None and (shared := story_venue(story, placed)) is not None:
            town = event.location
            venue = f"{shared}, {town}" if town and town not in shared else shared
        if venue and venue != event.location and (
                event.location is None or _is_venue_like(venue) or lookup(venue) is None
                or venue not in (event.location or "")):
            out.append(story.changed(event, "place", location=venue))
        elif _is_teller(story, event, event.location):  # keep only the town after the name
            assert event.location is not None
            town = event.location.partition(",")[2].strip() or None
            out.append(story.changed(event, "place", location=town))
        else:
            out.append(event)
    return out


PASS = Pass("place", run, __doc__.splitlines()[0])
