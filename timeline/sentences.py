"""Split article text into sentences with their character spans.

News text is full of periods that end no sentence ("Feb. 19", "U.S.", "Mr. Chey",
"$1.5 billion"), so a period ends a sentence only when a capital, quote or digit-led
new sentence follows and the word before it is not a known abbreviation or initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc corp co ltd
    no nos vs etc approx dept univ ave blvd rd mt ft est fig vol p pp u.s u.k u.n e.u a.m p.m
    d.c n.y l.a""".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
# Words that open a sentence far more often than they follow "p.m." or "Feb." mid-sentence.
_STARTER = re.compile(r"(?:The|They|He|She|It|We|This|That|These|Those|But|However|Its|Their|"
                      r"His|Her|There|A|An|In|On|At|After|Before|Meanwhile)\b")
_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its span in the document text (end exclusive)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each stripped of surrounding whitespace."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start() + len(match.group().rstrip())
        if ("\n" not in match.group() and match.group()[0] == "."
                and _is_abbreviation(text, start, match.start())
                and not _STARTER.match(text, match.end())):
            continue
        _add(sentences, text, start, cut)
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, start: int, period: int) -> bool:
    """Whether the word before the period at ``period`` (not before ``start``) is an
    abbreviation or initials ("Feb.", "U.S.", "J.")."""
    token = _word_before(text, start, period).lower()
    if not token:
        return False
    if token in _ABBREVIATIONS or len(token) == 1:
        return True
    return _INITIALS.fullmatch(token) is not None


def _word_before(text: str, start: int, period: int) -> str:
    """The letters and dots that run up to ``period``, from their first letter ("U.S" before
    the last dot of "U.S."); "" when none. Read backwards from the period, so that each
    period costs only its own word (a search from the sentence's start, once per period, made
    a run of "Mr. Mr. ..." or a long word before an abbreviation take quadratic time)."""
    first = period
    while first > start and text[first - 1] in _LETTERS_AND_DOTS:
        first -= 1
    while first < period and text[first] == ".":
        first += 1
    return text[first:period]


#: The longest sentence handed on. News sentences stay far below it (under 500 characters
#: in every article read so far); a run of 30,000 spaces, a list of 8,000 dates or a page
#: without a full stop is cut into pieces at whitespace, so that the work done per
#: sentence (parsing, titles, places) stays bounded and a document's time linear.
MAX_SENTENCE = 1000


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        space = max(text.rfind(" ", start, cut), text.rfind("\n", start, cut))
        cut = space if space > start else cut
        _add(sentences, text, start, cut)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
