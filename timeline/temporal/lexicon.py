"""Word tables of the temporal grammar: month, weekday, number, unit and season names.

Kept apart from the patterns so the grammar reads as structure and the vocabulary can grow
without touching it. Every table maps a lower-case word to the number or code it stands for.
"""

from __future__ import annotations

import re

#: Month names and their news abbreviations, by the first three letters.
MONTH_NUMBER: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# The ``*_RE`` fragments below go into verbose-mode rule patterns: a space in them is
# written "\ " (a bare one would be ignored there).

#: Alternation for a month name; abbreviations take an optional period.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
#: Only full names stand alone ("in March"); abbreviations need a day or year.
MONTH_FULL_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Sept\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)"
)

WEEKDAY_NUMBER: dict[str, int] = {
    "mon": 1,
    "tue": 2,
    "wed": 3,
    "thu": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

SEASON_CODE: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"

#: Parts of the day and their TIMEX3 codes.
DAYPART_CODE: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
}
DAYPART_RE = r"(?:morning|afternoon|evening|night)"

_SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_NUMBER: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "last": -1,
}

_NUMWORD = "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True))
#: A cardinal written in words: "two", "twenty-four", "twenty four", "a hundred".
_UNITS_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORD = "|".join(_TENS)
NUMBER_WORDS_RE = (
    # Only a ten takes a unit after it ("twenty four"): "two five-year terms" is two terms.
    rf"(?:(?:(?:{_TENS_WORD})(?:[- ](?:{_UNITS_WORD}))?|{_NUMWORD})"
    r"(?:\ hundred(?:\ (?:and\ )?(?:" + _NUMWORD + r")(?:[- ](?:" + "|".join(_SMALL) + r"))?)?)?"
    r"|a\ hundred|a\ thousand|(?:one|two|three|four|five)\ thousand)"
)
#: A cardinal in digits ("12", "1.5", "1 1/2") or words.
NUMBER_RE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\ \d/\d)?|{NUMBER_WORDS_RE})"

#: Vague quantities, which make TIMEX3 values with an X ("several years" -> PXY).
VAGUE_RE = r"(?:several|a\ few|few|many|some|a\ couple\ of|couple\ of|a\ number\ of|numerous)"

#: Unit words and their TIMEX3 letters; a "T" marks units below a day.
UNIT_CODE: dict[str, str] = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W2",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "millennium": "ML",
}
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|(?:(?:trading|business|working)\ )?days?|nights?|weeks?"
    r"|fortnights?|months?|quarters?|years?|decades?|centuries|century|millenni(?:um|a))"
)
UNIT_ADJ_RE = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century)"


def unit_key(word: str) -> str:
    """The singular unit a unit word names ("centuries" -> "century", "trading days" -> "day")."""
    w = word.lower().split()[-1]
    if w in ("centuries", "century"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def parse_number(text: str) -> float | None:
    """The value of a cardinal in digits or English words, or None for a vague one."""
    t = text.lower().strip().replace(",", "")
    if t in ("a", "an", "one"):
        return 1.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    if t in ("a couple of", "couple of", "a couple", "two"):
        return 2.0
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[- ]+", t):
        if word in ("and", "a"):
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def year_words(text: str) -> int | None:
    """A year said in words: "nineteen ninety-six", "two thousand", "two thousand and three"."""
    words = re.split(r"[- ]+", text.lower().strip())
    words = [w for w in words if w != "and"]
    if (
        len(words) >= 2
        and words[0] in _SMALL
        and 10 <= _SMALL[words[0]] <= 20
        and words[1] != "hundred"
        and words[1] != "thousand"
    ):
        rest = parse_number(" ".join(words[1:]))
        if rest is None or rest >= 100:
            return None
        return _SMALL[words[0]] * 100 + int(rest)
    value = parse_number(" ".join(words))
    if value is not None and 1000 <= value <= 2999:
        return int(value)
    return None
