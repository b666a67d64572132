"""Pieces the rule families share: regex fragments, modifier codes and small parse helpers.

Fragments go into verbose-mode patterns, so a space in them is written ``\\ ``.
"""

from __future__ import annotations

import re

from timeline.temporal.context import Context, Part, Resolved, Resolver
from timeline.temporal.lexicon import MONTH_NUMBER, WEEKDAY_NUMBER, year_words
from timeline.timex import ANCHOR_NONE, TimexType

# ------------------------------------------------------------------ regex fragments

YEAR_RE = r"(?:1[6-9]\d\d|20\d\d|2100)"
#: A year in words: "nineteen ninety-eight", "twenty twenty", "two thousand and five".
YEAR_WORDS_RE = (
    r"(?:(?:eighteen|nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two\ thousand(?:\ (?:and\ )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)"
)
DAY_SUFFIX = r"(?:st|nd|rd|th)?"
#: What may not follow a day number: more digits, a percentage, a decimal.
NOT_NUMBER_AFTER = r"(?!\d|:\d|\s*(?:%|percent\b|per\s+cent)|,\d|\.\d)"
ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD_APPROX = (
    r"(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|just\s+over|just\s+under|up\s+to|at\s+least|at\s+most"
    r"|no\s+more\s+than|no\s+less\s+than|barely|only|another|an\s+additional|a\s+full|within)"
)

# ------------------------------------------------------------------ trigger fragments

MONTH_TRIGGER = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
UNIT_TRIGGER = (
    r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade"
    r"|centur|millenni|Second|Minute|Hour|Day|Night|Week|Month|Quarter|Year"
    r"|Decade|Centur|morning|afternoon|evening|Morning|Afternoon|Evening"
)
# Numbers that may be dates: years and ISO dates start with 16..21, slash dates hold a "/".
# Literals, not a digit class: a class is tried at every digit of every amount of money.
DIGIT_TRIGGER = (
    r"16|17|18|19|20|21|/|eighteen|nineteen|twenty|two thousand|Eighteen"
    r"|Nineteen"
)
#: A month trigger ("Mar") must go on as a month name or stop: "Market", "Janet" are no months.
MONTH_AFTER = re.compile(r"(?:uary|ruary|ch|il|e|y|ust|tember|t|ober|ember)?(?![a-z])")
#: What a unit word may stand after: a number, in digits or words, or a vague amount.
NUMBERISH = (
    r"(?:\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|\w+teen|\w+ty|hundred|thousand|several|few|many|some|of|numerous|half|dozen))"
)

# ------------------------------------------------------------------ words around a match

#: Prepositions after which a bare season or year words read as a time ("in summer").
TIME_PREPOSITION = re.compile(
    r"\b(?:in|during|since|until|till|by|over|through|throughout|for|before|after|from|"
    r"to|of|between|and)\s+$",
    re.IGNORECASE,
)
# Capitalised words that may stand right before a month or weekday without making it a name.
_FUNCTION_WORDS = frozenset(
    "in on by since until till last next this early late mid from through to before after "
    "and or but also since during the of for as at that each every until between except "
    "including late-night early-morning".split()
)

_MOD_CODES: dict[str, str] = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "under": "LESS_THAN",
    "less": "LESS_THAN",
    "fewer": "LESS_THAN",
    "barely": "LESS_THAN",
    "within": "EQUAL_OR_LESS",
    "more": "MORE_THAN",
    "over": "MORE_THAN",
    "least": "EQUAL_OR_MORE",
    "most": "EQUAL_OR_LESS",
    "up": "EQUAL_OR_LESS",
    "no": "EQUAL_OR_LESS",
}
#: The part of a period a phrase names ("the end of the year" -> END).
PART_MOD = {"end": "END", "close": "END", "middle": "MID", "start": "START", "beginning": "START"}


def mod_of(words: str | None) -> str | None:
    """TIMEX3 MOD for a modifier phrase ("early" -> START, "more than" -> MORE_THAN)."""
    if not words:
        return None
    lowered = words.lower().replace("-", " ")
    if lowered.startswith("no less"):
        return "EQUAL_OR_MORE"
    for word in re.findall(r"[a-z]+", lowered):
        if word in _MOD_CODES:
            return _MOD_CODES[word]
    return None


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTH_NUMBER[word.lower()[:3]]


def weekday_number(word: str) -> int:
    """ISO weekday number of a weekday name ("Tuesday" -> 2)."""
    return WEEKDAY_NUMBER[word.lower()[:3]]


def is_capitalised(word: str) -> bool:
    """Month and weekday names are proper nouns; lower-case "may" or "march" are not them."""
    return word[:1].isupper()


def previous_word(text: str, start: int) -> str:
    """The word right before ``start`` (empty at a sentence or text start)."""
    m = re.search(r"([A-Za-z][\w'.-]*)\s*$", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def looks_like_name(text: str, start: int) -> bool:
    """True when a capitalised word before the span makes it part of a name ("Theresa May")."""
    before = text[max(0, start - 40) : start]
    m = re.search(r"([A-Z][\w'-]*)\s+$", before)
    if not m:
        return False
    # Sentence-initial words that lead into a date ("Since May") are in _FUNCTION_WORDS;
    # any other capitalised word right before makes a name, even at a sentence start.
    return m.group(1).lower() not in _FUNCTION_WORDS


def mid_sentence(text: str, start: int) -> bool:
    """True when words, not a sentence end or a line break, come before ``start`` (opening
    quotes aside)."""
    before = text[max(0, start - 20) : start].rstrip(" \t\"“‘'`")
    return bool(before) and before[-1] not in ".!?:\n"


def to_year(token: str) -> int | None:
    """A year from digits or words ("1998", "'98", "nineteen ninety-eight")."""
    t = token.strip().lstrip("'’")
    if t.isdigit():
        y = int(t)
        if len(t) == 2:
            return 1900 + y if y >= 30 else 2000 + y
        return y
    return year_words(t)


# ------------------------------------------------------------------ parts and resolvers


def fixed(
    value: str, type_: TimexType = "DATE", anchor: str = ANCHOR_NONE, mod: str | None = None
) -> Resolver:
    """A resolver whose value needs no context (absolute dates, durations, sets)."""
    result = Resolved(value, type_, anchor, mod)

    def resolve(_: Context) -> Resolved:
        return result

    return resolve


def one(m: re.Match[str], resolve: Resolver, group: int | str = 0) -> list[Part]:
    """A single part spanning the match (or one of its groups)."""
    return [Part(m.start(group), m.end(group), resolve)]
