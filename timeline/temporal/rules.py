"""The temporal grammar: one compiled pattern per kind of expression, and its normaliser.

Each :class:`Rule` pairs a pattern with a ``parse`` function. ``parse`` looks only at the match
and its immediate surroundings (to turn down "Theresa May" or "$1990") and returns the
:class:`~timeline.temporal.context.Part` objects the match stands for - usually one, two for
a range like "Feb. 21 and 22". Each part carries a resolver that computes the TIMEX3 value
later, once the DCT, the tense and the narrative are known.

Extents follow TimeML: leading prepositions stay out ("on Feb. 19" -> "Feb. 19"), while
determiners and modifiers stay in ("the third quarter", "early next year", "about two weeks").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved, Resolver
from timeline.temporal.lexicon import (
    DAYPART_CODE,
    DAYPART_RE,
    MONTH_FULL_RE,
    MONTH_NUMBER,
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORDS_RE,
    ORDINAL_NUMBER,
    SEASON_CODE,
    SEASON_RE,
    UNIT_ADJ_RE,
    UNIT_CODE,
    UNIT_RE,
    VAGUE_RE,
    WEEKDAY_NUMBER,
    WEEKDAY_RE,
    parse_number,
    unit_key,
    year_words,
)
from timeline.timex import ANCHOR_DCT, ANCHOR_NONE, TimexType

Parse = Callable[[re.Match[str], str], list[Part] | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the function that turns its matches into parts."""

    name: str
    pattern: re.Pattern[str]
    parse: Parse
    #: Cheap patterns one of which every match contains; the full pattern runs only near
    #: their hits.
    trigger: tuple[re.Pattern[str] | str, ...] | None = None
    #: Trigger hits inside a word ("Tuesday" for "day") are no unit; skip them.
    word_start: bool = False
    #: Words that must stand right before a trigger hit for the rule to match there
    #: ("two" before "years" for a duration); hits without them open no window.
    before: re.Pattern[str] | None = None
    #: ... or that may follow it instead ("-long" after "decade").
    after: re.Pattern[str] | None = None
    #: The trigger runs on the lower-cased text (names of months and days need their case).
    fold: bool = False
    #: How far a match may reach before and after a trigger hit (modifiers before, years
    #: or day parts after); the full pattern runs only in that window.
    reach: tuple[int, int] = (42, 40)


# ------------------------------------------------------------------ shared fragments

YEAR_RE = r"(?:1[6-9]\d\d|20\d\d|2100)"
YEAR_WORDS_RE = (
    r"(?:(?:eighteen|nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"|two thousand(?: (?:and )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)"
)
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"
_NOT_NUMBER_AFTER = r"(?!\d|:\d|\s*(?:%|percent\b|per\s+cent)|,\d|\.\d)"
ORD_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD_APPROX = (
    r"(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|just\s+over|just\s+under|up\s+to|at\s+least|at\s+most"
    r"|no\s+more\s+than|no\s+less\s+than|barely|only|another|an\s+additional|a\s+full|within)"
)
# Prepositions after which a bare season or year words read as a time ("in summer").
_TIME_PREPOSITION = re.compile(
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


def compile_rule(name: str, pattern: str, parse: Parse, *, ignore_case: bool = True) -> Rule:
    """A rule with its pattern compiled once (case-insensitive unless told otherwise)."""
    return Rule(name, re.compile(pattern, re.IGNORECASE if ignore_case else 0), parse)


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


def to_year(token: str) -> int | None:
    """A year from digits or words ("1998", "'98", "nineteen ninety-eight")."""
    t = token.strip().lstrip("'’")
    if t.isdigit():
        y = int(t)
        if len(t) == 2:
            return 1900 + y if y >= 30 else 2000 + y
        return y
    return year_words(t)


# ------------------------------------------------------------------ absolute dates


def _parse_iso(m: re.Match[str], _: str) -> list[Part] | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    day = dates.safe_date(y, mo, d)
    if day is None:
        return None
    if m["H"]:
        return one(m, fixed(f"{dates.day_value(day)}T{m['H']}:{m['M']}", "TIME"))
    return one(m, fixed(dates.day_value(day)))


ISO = compile_rule(
    "iso",
    r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)"
    r"(?::\d\d)?)?(?![\w-])",
    _parse_iso,
)


def _parse_slash(m: re.Match[str], _: str) -> list[Part] | None:
    if m["y0"]:
        d = dates.safe_date(int(m["y0"]), int(m["m0"]), int(m["d0"]))
        return one(m, fixed(dates.day_value(d))) if d else None
    a, b = int(m["a"]), int(m["b"])
    year = to_year(m["y"])
    if year is None:
        return None
    month, day = (a, b) if a <= 12 else (b, a)
    d = dates.safe_date(year, month, day)
    return one(m, fixed(dates.day_value(d))) if d else None


SLASH = compile_rule(
    "slash",
    r"(?<![\w/.$-])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})"
    # "2018/08/05", as East Asian agencies write it.
    r"|(?P<y0>(?:19|20)\d\d)/(?P<m0>0?[1-9]|1[0-2])/(?P<d0>[0-2]?\d|3[01]))(?![\w/]|\.\d)",
    _parse_slash,
)


def _nearest_day(month: int, day: int, ctx: Context, lean: int) -> date | None:
    """The year-less day nearest the DCT; the tense is read only when it matters.

    A ``lean`` from the words around the date ("last", "next", "ended") is a side of the
    DCT, not a hint: "last Oct. 23" is past even when the coming Oct. 23 is nearer.
    """
    if lean:
        return dates.day_on_side(month, day, ctx.dct, lean)
    near = dates.nearest_day(month, day, ctx.dct, 0)
    if near is not None and near < ctx.dct and ctx.strongly_future:
        # "The final will be played on 26 May", written in June: next year's.
        return dates.day_on_side(month, day, ctx.dct, 1)
    if near is None or abs((near - ctx.dct).days) <= dates.NEAR_DAYS:
        return near
    return dates.nearest_day(month, day, ctx.dct, ctx.direction)


def _day_resolver(
    month: int,
    day: int,
    year: int | None,
    *,
    follow: Resolver | None = None,
    roll: bool = False,
    lean: int = 0,
) -> Resolver:
    """Resolve a month-day, taking the year from the text or else from the DCT and tense."""

    def resolve(ctx: Context) -> Resolved | None:
        if year is not None:
            d = dates.safe_date(year, month, day)
            return Resolved(dates.day_value(d), "DATE") if d else None
        if follow is not None:
            # The closing day of a range without a year takes the opening day's year: the
            # day just resolved when it ends right before ("May 6-7"), else the opening
            # day resolved again here.
            n = ctx.narrative
            if n.last_day is not None and 0 <= n.last_end <= ctx.start and _RANGE_GAP.fullmatch(
                    ctx.text, n.last_end, ctx.start):
                y = n.last_day.year + (1 if roll else 0)
                d = dates.safe_date(y, month, day)
                return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None
            first = follow(ctx)
            if first is None:
                return None
            y = int(first.value[:4]) + (1 if roll else 0)
            d = dates.safe_date(y, month, day)
            return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None
        listed = None if lean else _listed_day(month, day, ctx)
        if listed is not None:
            return listed
        d = _nearest_day(month, day, ctx, lean)
        return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None

    return resolve


# What joins the two days of a range: "May 6-7", "June 3 to 5", "between Oct. 22 and 24".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|until|and)\s*")
# What joins the items of a list of dates: "Feb. 5-6, March 18-19 and May 6-7".
_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and|or)?\s*")
# What joins a year to the day it places: "in 2024 on Feb. 5", "in 2024, on Feb. 5".
_YEAR_GAP = re.compile(r"\s*,?\s*(?:on|from|between)\s+")


def _listed_day(month: int, day: int, ctx: Context) -> Resolved | None:
    """A year-less day that goes on a list: the first such day on or after the item before
    it; a day right after a year named for it ("in 2024 on Feb. 5") is in that year."""
    n = ctx.narrative
    if n.last_end < 0 or n.last_end > ctx.start:
        return None
    if n.last_year is not None and _YEAR_GAP.fullmatch(ctx.text, n.last_end, ctx.start):
        d = dates.safe_date(n.last_year, month, day)
        return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None
    if n.last_day is None or n.last_end == ctx.start or not _LIST_GAP.fullmatch(
            ctx.text, n.last_end, ctx.start):
        return None
    if ctx.text.find(",", n.last_end, ctx.start) == -1 and " and " not in ctx.text[
            n.last_end:ctx.start] and " or " not in ctx.text[n.last_end:ctx.start]:
        return None
    d = dates.safe_date(n.last_day.year, month, day)
    if d is not None and d < n.last_day:
        d = dates.safe_date(n.last_day.year + 1, month, day)
    return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None


def _parse_month_day(m: re.Match[str], text: str) -> list[Part] | None:
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    year = to_year(m["y1"] or m["y"]) if (m["y1"] or m["y"]) else None
    # "last Oct. 23", "next May 4", "the quarter ended Sept. 30": the word before says which
    # way, though TimeML leaves it out of the extent.
    lean = {"last": -1, "past": -1, "ended": -1, "next": 1, "coming": 1}.get(
        previous_word(text, m.start()).lower(), 0
    )
    first = _day_resolver(month, day, year, lean=lean)
    if m["d2"] is None:
        return one(m, first)
    month2 = month_number(m["mon2"]) if m["mon2"] else month
    day2 = int(m["d2"])
    if m["mon2"] and not is_capitalised(m["mon2"]):
        return None
    if not 1 <= day2 <= 31 or (month2 == month and day2 <= day):
        # "Nov. 15 and 2 others" is no range; keep the first date alone.
        return [Part(m.start(), m.end("d"), first)]
    year2 = to_year(m["y"]) if m["y"] else None
    if m["y"] and not m["y1"]:
        # "Dec. 30 to Jan. 2, 2025": the year belongs to the end; the start may roll back.
        year = year2 - 1 if year2 is not None and month2 < month else year2
        first = _day_resolver(month, day, year)
    second = _day_resolver(
        month2, day2, year2, follow=first if year2 is None else None, roll=month2 < month
    )
    end_first = m.end("y1") if m["y1"] else m.end("d")
    first_end = end_first + (len(m["s1"]) if m["s1"] else 0)
    return [
        Part(m.start(), first_end, first),
        Part(
            m.start("d2") if not m["mon2"] else m.start("mon2"), m.end(), second, closes_range=True
        ),
    ]


MONTH_DAY = compile_rule(
    "month_day",
    rf"(?<!\w)(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s*(?P<d>\d{{1,2}})"
    rf"(?P<s1>{_DAY_SUFFIX}){_NOT_NUMBER_AFTER}"
    rf"(?:,?\s+(?P<y1>{YEAR_RE})(?!\d))?"
    rf"(?:(?:\s*[-–]\s*|\s+(?:and|to|through|until|till|thru)\s+)"
    rf"(?:(?P<mon2>{MONTH_RE})\s*)?(?P<d2>\d{{1,2}}){_DAY_SUFFIX}{_NOT_NUMBER_AFTER}"
    rf"(?!\s+(?:{MONTH_RE}|{UNIT_RE}|percent|points?|shares?|people|members)\b))?"
    rf"(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?",
    _parse_month_day,
)


def _parse_day_month(m: re.Match[str], _: str) -> list[Part] | None:
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    year = to_year(m["y"]) if m["y"] else None
    second = _day_resolver(month, day, year)
    if m["d0"] is None:
        return one(m, second)
    first_day = int(m["d0"])
    if not 1 <= first_day < day:
        return [Part(m.start("d"), m.end(), second)]
    # "from 1 to 4 June": the opening day shares the closing day's month and year.
    first = _day_resolver(month, first_day, year)
    return [
        Part(m.start("d0"), m.end("d0") + len(m["s0"] or ""), first),
        Part(m.start("d"), m.end(), second, closes_range=True),
    ]


DAY_MONTH = compile_rule(
    "day_month",
    # "Friday 3 December": a weekday before a British date is part of it, not a day apart.
    rf"(?<![\d.,$£€/:-])(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?"
    # "1 to 4 June", "5-16 Aug": a range of days in one month.
    rf"(?:(?P<d0>\d{{1,2}})(?P<s0>{_DAY_SUFFIX})\s*(?:[-–]|to|and|until|till)\s*)?"
    rf"(?P<d>\d{{1,2}}){_DAY_SUFFIX}\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
    rf"(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?(?!\s*\d)",
    _parse_day_month,
)


# Days of the month as spoken: "November twelfth", "February twenty-ninth".
_ORDINAL_DAY_WORDS: dict[str, int] = {
    word: n for word, n in ORDINAL_NUMBER.items() if 1 <= n <= 20 or n == 30
} | {
    f"{tens}{sep}{unit}": base + n
    for tens, base in (("twenty", 20), ("thirty", 30))
    for sep in ("-", " ")
    for unit, n in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
                    ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9))
    if base + n <= 31
}
_ORDINAL_DAY_RE = "|".join(sorted(_ORDINAL_DAY_WORDS, key=len, reverse=True))


def _parse_month_ordinal(m: re.Match[str], _: str) -> list[Part] | None:
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    day = _ORDINAL_DAY_WORDS[re.sub(r"\s+", " ", m["dw"].lower())]
    year = to_year(m["y"]) if m["y"] else None
    return one(m, _day_resolver(month_number(m["mon"]), day, year))


MONTH_ORDINAL = compile_rule(
    "month_ordinal",
    rf"(?<!\w)(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_FULL_RE})\s+"
    rf"(?P<dw>{_ORDINAL_DAY_RE})(?![\w-])(?:,?\s+(?P<y>{YEAR_RE}|{YEAR_WORDS_RE})(?![\w-]))?",
    _parse_month_ordinal,
)


def _month_year_resolver(
    month: int, year: int | None, rel: str | None, rel_year: str | None, mod: str | None
) -> Resolver:
    def resolve(ctx: Context) -> Resolved:
        if year is not None:
            return Resolved(dates.month_value(year, month), "DATE", ANCHOR_NONE, mod)
        dct = ctx.dct
        if rel_year:
            y = dct.year + {"last": -1, "this": 0, "next": 1}[rel_year.lower()]
        elif rel and rel.lower() == "last":
            # "last June" names a June the story has left behind: said in July it is the
            # June a year before (the one just ended would be "last month").
            y = dct.year if month < dct.month - 1 else dct.year - 1
        elif rel and rel.lower() == "this":
            y = dct.year  # "this September": the September of the DCT's year
        elif rel and rel.lower().split()[-1] == "past":
            y = dct.year if month < dct.month else dct.year - 1
        elif rel and rel.lower().split()[-1] in ("next", "coming"):
            y = dct.year if month > dct.month else dct.year + 1
        elif rel and rel.lower() in ("that", "the following", "the next", "the previous"):
            # "arrested that June", "the following May": counted from the story's month.
            (sy, sm), anchor = ctx.story_month()
            if rel.lower() == "that":
                y = sy
            elif rel.lower() == "the previous":
                y = sy if month < sm else sy - 1
            else:
                y = sy if month > sm else sy + 1
            return Resolved(dates.month_value(y, month), "DATE", anchor, mod)
        else:
            y = dct.year if month == dct.month else dates.nearest_month(month, dct, ctx.direction)
        return Resolved(dates.month_value(y, month), "DATE", ANCHOR_DCT, mod)

    return resolve


_PERSON_AFTER = re.compile(
    r",\s+who\b|['’]s\s+(?:government|cabinet|wife|husband|office|spokesman|spokeswoman)\b"
    r"|\s+(?:said|says|told|added|argued|insisted|wrote|replied|declined)\b"
)


# What follows "that June" when it is a month: punctuation or a preposition, not a verb.
_AFTER_STORY_MONTH = re.compile(
    r"\s*(?:[,.;:)]|$|(?:at|in|on|when|and|but|as|after|before|to|from|for|with|by|the|a|an)\b)"
)


def _parse_month(m: re.Match[str], text: str) -> list[Part] | None:
    word = m["mon"]
    if not is_capitalised(word):
        return None
    if not (m["y"] or m["ry"]) and re.compile(r"\s*\d{1,2}(?!\d)").match(text, m.end()):
        return None  # "last Oct. 23": the day rule takes "Oct. 23"
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if (
        rel in ("that", "the following", "the next", "the previous")
        and word.lower() in ("may", "june", "april", "august", "march")
        and not (m["y"] or m["ry"] or _AFTER_STORY_MONTH.match(text, m.end()))
    ):
        return None  # "said that May would resign": a person
    bare = not (m["pre"] or m["rel"] or m["y"] or m["ry"])
    if bare:
        if looks_like_name(text, m.start()):
            return None
        after = text[m.end() : m.end() + 20]
        # "Theresa May", "May Day", "March Madness": a capitalised word right after.
        if re.match(r"\s+[A-Z][a-z]", after) and not re.match(
            r"\s+(?:The|This|That|It|He|She|They|We|In|On|At|And|But)\b", after
        ):
            return None
        if word.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still)\b", after):
            return None
        if (
            word.lower() == "march"
            and re.match(
                r"\s+(?:to|on|through|into|toward|towards|against|in|from|down|up)\b", after
            )
            and previous_word(text, m.start()).lower() not in ("in", "since", "until", "by")
        ):
            return None
        if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", after):
            return None  # "the March for Life", "the March of the Mothers": a name
        if _PERSON_AFTER.match(text, m.end()):
            return None  # "May, who watched the count", "May said": a person
    year = to_year(m["y"]) if m["y"] else None
    return one(
        m, _month_year_resolver(month_number(word), year, m["rel"], m["ry"], mod_of(m["pre"]))
    )


MONTH = compile_rule(
    "month",
    r"(?<!\w)(?:(?P<pre>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of|early|mid|late"
    r"|the\s+(?:early|late)\s+part\s+of)(?:\s+|-)?)?"
    r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|past|coming|that|the\s+following"
    r"|the\s+next|the\s+previous)\s+)?"
    rf"(?P<mon>{MONTH_FULL_RE})"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR_RE}|'\d\d|{YEAR_WORDS_RE})(?![\d%])"
    r"|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year)?"
    r"(?![\w-])",
    _parse_month,
)


# "nineteen ninety-six" says a year on its own; "two thousand" or "twenty" need "in" first.
_SPOKEN_YEAR = re.compile(
    r"(?:eighteen|nineteen|twenty)[\s-](?:twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)",
    re.IGNORECASE,
)


def _parse_year(m: re.Match[str], text: str) -> list[Part] | None:
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(
        r"[$£€#]\s*$|\d[.,]?\s*$|\b(?:No|Nos|Flight|Model|Section|Article|Room|Route|"
        r"Highway|Chapter|Page|Box|Suite|Number|Rule|Resolution|Item|Form|Windows|"
        r"Boeing|Airbus|Interstate|I|Act|Bill|Grade|Level|Channel|Apt|Unit|Lot)\.?\s*$",
        before,
        re.IGNORECASE,
    ):
        return None
    after = text[m.end() : m.end() + 30]
    if re.match(
        # "1800 226 216": a phone number.
        r"\s*(?:%|percent|per\s+cent|[.,]\d|-\d{3}|\s\d{3,4}\b|\s*(?:million|billion|thousand|"
        r"hundred|trillion|shares|people|workers|jobs|troops|soldiers|votes|points|feet|"
        r"miles|meters|metres|tons|tonnes|barrels|dollars|yen|euros|marks|francs|cars|"
        r"units|employees|students|members|acres|homes|residents|copies|pounds)\b)",
        after,
        re.IGNORECASE,
    ):
        return None
    year = to_year(m["y"])
    if year is None:
        return None
    if (
        m["yw"]
        and not (m["fy"] or m["pre"])
        and not _SPOKEN_YEAR.match(m["yw"])
        and not _TIME_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    half = m["half"]
    if half:
        n = 1 if half.lower().split()[0] in ("first", "early", "front") else 2
        return one(m, fixed(f"{year:04d}-H{n}"))
    return one(m, fixed(f"{year:04d}", mod=mod_of(m["pre"])))


YEAR = compile_rule(
    "year",
    r"(?<![\w$£€#.,'’/-])"
    r"(?:(?P<pre>(?:the\s+)?(?:very\s+)?(?:(?:end|beginning|start|middle|close|rest|remainder)"
    r"\s+of|early|mid|late|year-end)(?:\s+|-)(?:the\s+)?(?:year\s+)?)"
    r"|(?:the\s+)?(?P<half>(?:first|second|last|latter|back|front)\s+half)\s+(?:of\s+)?)?"
    r"(?P<fy>(?:(?:the\s+)?(?:fiscal|calendar|model|school|academic|tax)(?:\s+year)?|"
    r"the\s+year)\s+)?"
    rf"(?P<y>{YEAR_RE}|(?P<yw>{YEAR_WORDS_RE}))(?![\w%-]|\.\d|,\d|['’]s\b)",
    _parse_year,
)


_TEMPERATURE_BEFORE = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|readings|mercury|thermometers?|wind\s+chills?)\b"
    r"[^.;]*$",
    re.IGNORECASE,
)


def _parse_decade(m: re.Match[str], text: str) -> list[Part] | None:
    raw = (m["dec"] or "").lower().lstrip("'’")
    # "the first half of the '80s" is the decade's start, "the last half" its end.
    half = {"first": "START"}.get((m["half"] or "").lower(), "END") if m["half"] else None
    mod = half or mod_of(m["pre"])
    if m["word"]:
        tens = {
            "twenties": 2,
            "thirties": 3,
            "forties": 4,
            "fifties": 5,
            "sixties": 6,
            "seventies": 7,
            "eighties": 8,
            "nineties": 9,
        }[m["word"].lower()]
        cent = 19 if not m["cent"] or m["cent"].lower().startswith("nineteen") else 18
        return one(m, fixed(f"{cent}{tens}", mod=mod))
    digits = raw.rstrip("s")
    if len(digits) == 4:
        return one(m, fixed(digits[:3], mod=mod))
    if len(digits) == 2:
        if not (m["the"] or m["pre"] or m["dec"].startswith(("'", "’"))):
            return None
        if _TEMPERATURE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            return None  # "temperatures falling into the 20s": degrees, not a decade
        century = "19" if int(digits) >= 20 else "20"
        return one(m, fixed(century + digits[0], mod=mod))
    return None


DECADE = compile_rule(
    "decade",
    r"(?<![\w$'’-])(?:(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of\s+)?"
    r"(?P<the>the\s+)?(?:(?P<pre>early|mid|late)(?:\s+|-))?"
    r"(?:(?P<dec>(?:1[0-9]|20)\d0s|['’]?\d0s)|(?:(?P<cent>nineteen|eighteen)[\s-]?)?"
    r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    _parse_decade,
)


_PART_MOD = {"end": "END", "close": "END", "middle": "MID", "start": "START", "beginning": "START"}


def _parse_century(m: re.Match[str], _: str) -> list[Part] | None:
    if m["part"]:
        # "by the end of the century", "the middle of this decade": the DCT's, with a mod.
        part_mod = _PART_MOD[m["part"].lower()]
        digits = 2 if m["unit"].lower() == "century" else 3

        def resolve_part(ctx: Context) -> Resolved:
            return Resolved(str(ctx.dct.year)[:digits], "DATE", ANCHOR_DCT, part_mod)

        return one(m, resolve_part)
    mod = mod_of(m["pre"])
    if m["rel"]:
        rel = m["rel"].lower()
        delta = -1 if rel in ("last", "past", "previous") else (1 if rel == "next" else 0)

        def resolve(ctx: Context) -> Resolved:
            return Resolved(f"{ctx.dct.year // 100 + delta:02d}", "DATE", ANCHOR_DCT, mod)

        return one(m, resolve)
    token = m["n"].lower()
    n = int(token[:-2]) if token[:-2].isdigit() else ORDINAL_NUMBER.get(token)
    if n is None and "-" in token:
        parts = token.split("-")
        tens = parse_number(parts[0])
        unit = ORDINAL_NUMBER.get(parts[1])
        n = int(tens) + unit if tens is not None and unit is not None else None
    if n is None or n <= 0:
        return None
    return one(m, fixed(f"{n - 1:02d}", mod=mod))


CENTURY = compile_rule(
    "century",
    r"(?:the\s+)?(?:(?P<pre>early|mid|late)(?:\s+|-))?"
    r"(?:(?P<rel>this|last|next|past|previous)|(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
    r"|twenty-second))[\s-]+century\b"
    r"|(?:the\s+)?(?P<part>end|close|middle|start|beginning)\s+of\s+(?:the|this)\s+"
    r"(?P<unit>century|decade)\b",
    _parse_century,
)


# ------------------------------------------------------------------ quarters and halves

_YEAR_AGO = re.compile(
    r"year[\s-]*(?:ago|earlier)|prior[\s-]year|corresponding|comparable|same", re.IGNORECASE
)


# Results are reported once their quarter is over: "will report fourth-quarter results on
# Jan. 29" in January names the quarter just ended, not the coming one.
_RESULTS_AFTER = re.compile(r"[\s-]+(?:financial\s+|earnings\s+|operating\s+)?results\b", re.I)


# "on hold until at least the fourth quarter": a time still to come.
_SPAN_END_BEFORE = re.compile(r"\b(?:until|till|through|by)\s+(?:at\s+least\s+)?$", re.I)


def _quarter_resolver(
    ordinal: int | None,
    unit: str,
    year: int | None,
    rel: str,
    full: str,
    *,
    results: bool = False,
    span_end: bool = False,
) -> Resolver:
    """Resolve a quarter or half; without a year it refers back or to the latest one."""
    year_ago = bool(_YEAR_AGO.search(full))
    per_year = 4 if unit == "Q" else 2
    period = re.search(r"\bperiod\b", full, re.IGNORECASE) is not None

    def resolve(ctx: Context) -> Resolved:
        dct = ctx.dct
        current = dates.quarter_of(dct) if unit == "Q" else (1 if dct.month <= 6 else 2)
        anchor = ANCHOR_NONE if year is not None else ANCHOR_DCT
        if ordinal is not None:
            n = per_year if ordinal == -1 else ordinal
            if year is not None:
                y = year
            elif rel in ("last", "next"):
                y = dct.year + (-1 if rel == "last" else 1)
            else:
                y = dct.year
                # In January and February "the fourth quarter" is the one just over (its
                # results and outlook are the news), not the one nine months away.
                just_over = (
                    unit == "Q"
                    and n == 4
                    and dct.month <= 2
                    and not span_end
                    and not ctx.strongly_future
                )
                if n > current and (ctx.direction <= 0 or results or just_over):
                    y -= 1
                back = ctx.story_quarter()
                if back is not None and "this" not in rel and year_ago:
                    y = back[0][0]
            if year_ago:
                y -= 1
            return Resolved(f"{y:04d}-{unit}{n}", "DATE", anchor)
        # "the quarter", "the latest quarter", "last quarter", "the year-ago period".
        if period and ctx.narrative.long_period and not rel and (year is not None or year_ago):
            # "For the nine months, ... in the 1988 period": a whole year's span.
            y = year if year is not None else dct.year
            return Resolved(f"{y - 1 if year_ago else y:04d}", "DATE", anchor)
        if rel in ("this", "current"):
            y, n = dct.year, current
        elif rel in ("last", "previous", "prior", "past"):
            y, n = (
                dates.shift_quarters(dct.year, current, -1)
                if unit == "Q"
                else ((dct.year, 1) if current == 2 else (dct.year - 1, 2))
            )
        elif rel in ("next", "coming"):
            y, n = (
                dates.shift_quarters(dct.year, current, 1)
                if unit == "Q"
                else ((dct.year + 1, 1) if current == 2 else (dct.year, 2))
            )
        else:
            back = ctx.story_quarter()
            if back is not None and unit == "Q":
                (y, n), anchor = back
            elif unit == "Q":
                y, n = dates.shift_quarters(dct.year, current, -1)
            else:
                y, n = (dct.year, current)
        if year is not None:
            y = year
        if year_ago:
            y -= 1
        return Resolved(f"{y:04d}-{unit}{n}", "DATE", anchor)

    return resolve


def _parse_month_span(m: re.Match[str], _: str) -> list[Part] | None:
    """ "the April-June quarter", "the January-March period": a quarter or half by months."""
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if first % 3 == 1 and last == first + 2:
        unit, n = "Q", (first + 2) // 3
    elif first in (1, 7) and last == first + 5:
        unit, n = "H", 1 if first == 1 else 2
    else:
        return None
    year = to_year(m["y"]) if m["y"] else None

    def resolve(ctx: Context) -> Resolved:
        if year is not None:
            return Resolved(f"{year:04d}-{unit}{n}", "DATE", ANCHOR_NONE)
        y = ctx.dct.year
        if first > ctx.dct.month and ctx.direction <= 0:
            y -= 1
        return Resolved(f"{y:04d}-{unit}{n}", "DATE", ANCHOR_DCT)

    return one(m, resolve)


MONTH_SPAN = compile_rule(
    "month_span",
    rf"(?<![\w-])(?:the\s+)?(?P<m1>{MONTH_FULL_RE})\s*[-–]\s*(?P<m2>{MONTH_FULL_RE})"
    rf"(?:\s+(?P<y>{YEAR_RE}))?\s+(?:quarter|period|half)\b",
    _parse_month_span,
    ignore_case=False,
)


def _parse_quarter(m: re.Match[str], text: str) -> list[Part] | None:
    if m["qu"] and not m["qu"].isupper():
        return None
    unit_word = (m["unit"] or m["unit2"] or "").lower()
    unit = "H" if unit_word.startswith("half") else "Q"
    ordinal_word = (m["ord"] or "").lower()
    ordinal: int | None = None
    if ordinal_word:
        ordinal = (
            {"final": -1, "last": -1}.get(ordinal_word)
            or ORDINAL_NUMBER.get(ordinal_word)
            or int(ordinal_word[0])
        )
        if unit == "H" and ordinal not in (1, 2, -1):
            return None
    elif m["qn"]:
        ordinal = int(m["qn"])
        unit = m["qu"].upper()
    else:
        det = (m["det"] or "").lower()
        adjs = (m["adj"] or "").lower()
        if unit_word.startswith("period") and not re.search(
            r"latest|year|comparable|corresponding|same|\d", adjs + det
        ):
            return None
        if not (det or adjs) or unit_word.startswith("half"):
            return None
    year_text = m["y"] or m["y0"] or m["yd"]
    year = to_year(year_text) if year_text else None
    if m["ry"] or m["ry2"]:
        rel_year = (m["ry"] or m["ry2"]).lower()

        same = re.search(r"\bsame\b", m["adj"] or "", re.IGNORECASE) is not None

        def with_rel_year(ctx: Context) -> Resolved | None:
            y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel_year]
            # "the same period last year": the period last named, in that year.
            named = ctx.story_quarter(any_named=True) if same and ordinal is None else None
            if named is not None and unit == "Q":
                return Resolved(f"{y:04d}-Q{named[0][1]}", "DATE", named[1])
            # The relative year already says which year: no further year-ago shift.
            return _quarter_resolver(ordinal, unit, y, "", "")(ctx)

        return one(m, with_rel_year, "body")
    words = f"{m['det'] or ''} {m['adj'] or ''}".lower().split()
    rel = next(
        (
            w
            for w in words
            if w in ("this", "current", "last", "previous", "prior", "past", "next", "coming")
        ),
        "",
    )
    group = "body"
    if (
        (m["det"] or "").lower() == "the"
        and not m["adj"]
        and m["unit"]
        and m["ord"]
        and text[m.end("ord")] == "-"
    ):
        # "the third-quarter loss": the adjectival quarter leaves the article out.
        resolver = _quarter_resolver(
            ordinal, unit, year, rel, m.group(), results=bool(_RESULTS_AFTER.match(text, m.end()))
        )
        return [Part(m.start("adj"), m.end(), resolver)]
    results = bool(_RESULTS_AFTER.match(text, m.end()))
    span_end = bool(_SPAN_END_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    resolver = _quarter_resolver(
        ordinal, unit, year, rel, m.group(), results=results, span_end=span_end
    )
    return one(m, resolver, group)


QUARTER = compile_rule(
    "quarter",
    r"(?<![\w-])(?:(?:its|their|his|her|our|that)\s+)?(?P<body>(?:(?P<det>the|this|last|next|"
    rf"(?:(?P<yd>{YEAR_RE})|(?P<ry>this|last|next)\s+year)['’]s)\s+)?"
    r"(?P<adj>(?:(?:current|latest|previous|prior|past|coming|year[\s-]ago|year[\s-]earlier|"
    r"prior[\s-]year|comparable|same|corresponding|final|recent|most\s+recent|"
    rf"fiscal|calendar|(?P<y0>{YEAR_RE}))(?:\s+|-))*)"
    rf"(?:(?P<ord>{ORD_RE}|final|last)(?:\s+|-)(?:fiscal(?:\s+|-))?(?P<unit>quarter|half)(?!ly)"
    r"(?![\w-]*(?:point|mile|inch|final|back)\b)"
    rf"|(?P<unit2>quarter|period|half)(?![\w-])(?!\s+(?:of|a|an|point)\b)"
    r"|(?P<qu>[QH])(?P<qn>[1-4])\b)"
    rf"(?:(?:\s+(?:of|in|for)\s+(?:(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?\s+)?|,?\s+)"
    rf"(?P<y>{YEAR_RE})(?![\d%])|\s+(?:of\s+)?(?P<ry2>this|last|next)\s+year"
    # "the second half of the year": the year of the DCT, as with no year at all.
    r"|\s+of\s+the\s+year\b)?)",
    _parse_quarter,
)


# ------------------------------------------------------------------ seasons

_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_year(code: str, dct: date, rel: str, direction: int) -> int:
    """The year of a season named without one, counting winter with its December."""
    month = dct.month
    cur_year = dct.year if month >= 3 else dct.year - 1
    cur = 0 if 3 <= month <= 5 else 1 if 6 <= month <= 8 else 2 if 9 <= month <= 11 else 3
    order = _SEASON_ORDER[code]
    if rel == "this":
        # "this summer" is the summer of the DCT's calendar year; "this winter" in January
        # is the winter that began in December.
        return dct.year - 1 if code == "WI" and month <= 2 else dct.year
    if rel in ("last", "past"):
        return cur_year if order < cur else cur_year - 1
    if rel in ("next", "coming"):
        return cur_year if order > cur else cur_year + 1
    if direction > 0:
        return cur_year if order >= cur else cur_year + 1
    if direction < 0:
        return cur_year if order <= cur else cur_year - 1
    return cur_year if abs(order - cur) <= 2 else (cur_year - 1 if order > cur else cur_year + 1)


# Words that make a season a date even without a preposition before it.
_STRONG_SEASON_WORDS = frozenset(
    ("this", "last", "next", "early", "late", "mid", "past", "coming", "following", "previous")
)


def _parse_season(m: re.Match[str], text: str) -> list[Part] | None:
    word = m["s"].lower()
    code = SEASON_CODE[word]
    if m["s"][0].isupper() and re.compile(r"(?:['’]s)?\s+[A-Z]").match(text, m.end()):
        return None  # "The Winter's Tale", "the Summer Olympics": a name
    dets = (m["det"] or "").lower().split()
    year = to_year(m["y"]) if m["y"] else None
    after = text[m.end() : m.end() + 12]
    if year is None and not m["ry"]:
        strong = [
            d
            for d in dets
            if d in _STRONG_SEASON_WORDS
        ]
        if not strong:
            preposition = _TIME_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()])
            if word in ("fall", "spring") and ("the" not in dets or not preposition):
                return None
            if not dets and not preposition:
                return None
            if re.match(r"\s+(?:of|in|to|from)\b", after, re.IGNORECASE):
                return None
    mod = mod_of(" ".join(d for d in dets if d in ("early", "late", "mid")))
    story_rel = next((d for d in dets if d in ("following", "previous")), "")
    rel = next((d for d in dets if d in ("last", "next", "past", "coming", "this")), "")
    ry = (m["ry"] or "").lower()

    def resolve(ctx: Context) -> Resolved:
        if year is not None:
            return Resolved(f"{year:04d}-{code}", "DATE", ANCHOR_NONE, mod)
        if ry:
            y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[ry]
        elif "that" in dets:
            # "in June 2018 ... that summer": the season of the year the story named.
            y, anchor = ctx.story_year()
            return Resolved(f"{y:04d}-{code}", "DATE", anchor, mod)
        elif story_rel:
            # "the following spring": the first such season after the story's month.
            (sy, sm), anchor = ctx.story_month()
            order = _SEASON_ORDER[code]
            story_season = 3 if sm in (12, 1, 2) else (sm - 3) // 3
            season_year = sy - 1 if sm in (1, 2) else sy  # a winter takes its December's year
            if story_rel == "following":
                y = season_year if order > story_season else season_year + 1
            else:
                y = season_year if order < story_season else season_year - 1
            return Resolved(f"{y:04d}-{code}", "DATE", anchor, mod)
        else:
            y = _season_year(code, ctx.dct, rel, ctx.direction)
        return Resolved(f"{y:04d}-{code}", "DATE", ANCHOR_DCT, mod)

    return one(m, resolve)


SEASON = compile_rule(
    "season",
    r"(?<![\w-])(?P<det>(?:(?:the|this|last|next|past|coming|early|late|mid|that|following"
    r"|previous)(?:\s+|-))*)"
    rf"(?P<s>{SEASON_RE})(?![\w-])"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR_RE}|'\d\d|{YEAR_WORDS_RE})(?![\d%])"
    r"|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year)?",
    _parse_season,
)


# ------------------------------------------------------------------ days relative to the DCT

_DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _with_daypart(
    day: date,
    part: str | None,
    anchor: str,
    mod: str | None = None,
) -> Resolved:
    if part:
        code = DAYPART_CODE.get(part.lower().rstrip("s"))
        if code:
            return Resolved(f"{dates.day_value(day)}T{code}", "TIME", anchor, mod)
    return Resolved(dates.day_value(day), "DATE", anchor, mod)


def _parse_day_word(m: re.Match[str], text: str) -> list[Part] | None:
    word = m["w"].lower()
    if "before" in word:
        offset = -2
    elif "after" in word:
        offset = 2
    elif word == "overnight":
        if not _OVERNIGHT_ADVERB.match(text, m.end()):
            return None  # "an overnight curfew": an adjective, no time of its own

        def resolve_night(ctx: Context) -> Resolved:
            # The night just past in a report, the story's night in a narrative.
            day, anchor = ctx.story_day()
            if anchor == ANCHOR_DCT and ctx.direction <= 0:
                day -= timedelta(days=1)
            return Resolved(dates.day_value(day) + "TNI", "TIME", anchor)

        return one(m, resolve_night)
    else:
        offset = _DAY_WORD_OFFSET[word]
    # "tonight" is a part of the day, as "Monday night" is.
    part = m["dp"] or ("night" if word == "tonight" else None)
    mod = mod_of(m["m"])

    def resolve(ctx: Context) -> Resolved:
        return _with_daypart(ctx.dct + timedelta(days=offset), part, ANCHOR_DCT, mod)

    return one(m, resolve)


# "overnight" as an adverb: before punctuation, a preposition or a clause.
_OVERNIGHT_ADVERB = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:and|as|when|after|before|in|on|at|to|the|a|from|while|but)\b)"
)


DAY_WORD = compile_rule(
    "day_word",
    r"(?<![\w-])(?:(?P<m>early|late)\s+)?"
    r"(?P<w>today|tomorrow|yesterday|tonight|overnight|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow)"
    rf"(?:\s+(?P<dp>{DAYPART_RE}))?(?![\w-])",
    _parse_day_word,
)


def _parse_mid_daypart(m: re.Match[str], text: str) -> list[Part] | None:
    code = "T" + DAYPART_CODE[m["dp"].lower()]
    word = (m["w"] or "").lower()
    if m["wd"] and not is_capitalised(m["wd"]):
        return None
    wd = weekday_number(m["wd"]) if m["wd"] else None

    def resolve(ctx: Context) -> Resolved:
        if word:
            day = ctx.dct + timedelta(days=_DAY_WORD_OFFSET[word])
        elif wd is not None:
            day = (
                ctx.dct
                if wd == ctx.dct.isoweekday()
                else dates.weekday_near(wd, ctx.dct, ctx.direction)
            )
        else:
            # The day comes from the clause, as for a bare clock time (tagger.fill_times).
            return Resolved(code, "TIME", ANCHOR_DCT, "MID")
        return Resolved(dates.day_value(day) + code, "TIME", ANCHOR_DCT, "MID")

    return one(m, resolve)


# "by mid-afternoon", "mid-morning Friday": the middle of a part of the day.
MID_DAYPART = compile_rule(
    "mid_daypart",
    r"(?<![\w-])mid[\s-]?(?P<dp>morning|afternoon|evening)"
    rf"(?:\s+(?P<w>today|tomorrow|yesterday)|,?\s+(?P<wd>{WEEKDAY_RE}))?(?![\w-])",
    _parse_mid_daypart,
)


# Names built on a weekday ("Black Friday", "Super Tuesday") are not dates of that week.
_WEEKDAY_NAME = re.compile(
    r"\b(?:Black|Good|Super|Ash|Palm|Holy|Easter|Bloody|Cyber|Maundy"
    r"|Shrove|Man|Girl|Joe|Fat|Blue)\s+$"
)


def _parse_weekday(m: re.Match[str], text: str) -> list[Part] | None:
    word = m["wd"]
    if not is_capitalised(word):
        return None
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if not rel and _WEEKDAY_NAME.search(text, max(0, m.start() - 8), m.start()):
        return None
    weekday = weekday_number(word)
    part = m["dp"]
    if m["pl"]:
        suffix = ""
        if part:
            suffix = "T" + DAYPART_CODE.get(part.lower().rstrip("s"), "")
        return one(m, fixed(f"XXXX-WXX-{weekday}{suffix}", "SET"))
    mod = mod_of(m["m"])

    week = {"last": -1, "this": 0, "next": 1}.get((m["wk"] or "").lower())
    day_of_month = int(m["dom"]) if m["dom"] else None

    def resolve(ctx: Context) -> Resolved:
        dct = ctx.dct
        if week is not None:
            # "Friday next week": that weekday of the week named.
            monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=week)
            return _with_daypart(monday + timedelta(days=weekday - 1), part, ANCHOR_DCT, mod)
        if day_of_month is not None and (
            day := _weekday_of_month_day(weekday, day_of_month, dct, ctx.direction)
        ):
            return _with_daypart(day, part, ANCHOR_DCT, mod)
        if rel in ("the following", "the next", "the previous", "the same"):
            base, anchor = ctx.story_day()
            if rel == "the previous":
                day = base - timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1)
            else:
                day = base + timedelta(days=(weekday - base.isoweekday() - 1) % 7 + 1)
            return _with_daypart(day, part, anchor, mod)
        if rel in ("last", "this past", "past"):
            day = dct - timedelta(days=(dct.isoweekday() - weekday - 1) % 7 + 1)
        elif rel in ("next", "this coming", "coming"):
            day = dct + timedelta(days=(weekday - dct.isoweekday() - 1) % 7 + 1)
        elif rel == "this":
            day = (
                dct
                if weekday == dct.isoweekday()
                else dates.weekday_near(weekday, dct, ctx.direction or 1)
            )
        else:
            day = (
                dct
                if weekday == dct.isoweekday()
                else dates.weekday_near(weekday, dct, ctx.direction)
            )
        return _with_daypart(day, part, ANCHOR_DCT, mod)

    return one(m, resolve)


def _weekday_of_month_day(weekday: int, day: int, dct: date, direction: int) -> date | None:
    """The date nearest the DCT whose day of the month is ``day`` and whose weekday is
    ``weekday`` ("Sunday 18th"), looking up to three months either way; the tense breaks a
    tie."""
    found: list[date] = []
    for delta in range(-3, 4):
        year, month = dates.shift_months(dct.year, dct.month, delta)
        candidate = dates.safe_date(year, month, day)
        if candidate is not None and candidate.isoweekday() == weekday:
            found.append(candidate)
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - dct).days), (d < dct) == (direction > 0)))


WEEKDAY = compile_rule(
    "weekday",
    r"(?<![\w-])(?:(?P<m>early|late|mid)\s+)?"
    r"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous"
    r"|the\s+following|the\s+next|the\s+same)\s+)?"
    rf"(?P<wd>{WEEKDAY_RE})(?P<pl>s)?"
    # "Sunday 18th", "Tuesday, the 13th": a day of the month without its month.
    rf"(?:,?\s+(?:the\s+)?(?P<dom>[1-3]?\d)(?:st|nd|rd|th)(?!\s+(?:of\s+)?{MONTH_RE})\b)?"
    rf"(?:\s+(?P<dp>{DAYPART_RE})s?)?"
    # "Friday next week", "Monday last week".
    r"(?:\s+(?:of\s+)?(?P<wk>next|last|this)\s+week)?(?![\w-])",
    _parse_weekday,
)


def _parse_holiday(m: re.Match[str], _: str) -> list[Part] | None:
    name = re.sub(r"\s+", " ", m["h"])
    year = to_year(m["y"]) if m["y"] else None
    rel = (m["rel"] or "").lower()
    week = m["wk"] is not None

    weekend = week and m["wk"].lower() == "weekend"
    kind: TimexType = "TIME" if m["hp"] else "DATE"
    part = DAYPART_CODE[m["hp"].lower()] if m["hp"] else None

    def value(d: date) -> str:
        # "Easter week", "Christmas week": the ISO week holding the holiday; "Thanksgiving
        # weekend" the weekend after it; "Thanksgiving morning" that part of the day.
        if weekend:
            return dates.week_value(d + timedelta(days=(6 - d.isoweekday()) % 7)) + "-WE"
        if week:
            return dates.week_value(d)
        return dates.day_value(d) + (f"T{part}" if part else "")

    def resolve(ctx: Context) -> Resolved | None:
        if year is not None:
            d = dates.holiday(name, year)
            return Resolved(value(d), kind) if d else None
        options = [
            d
            for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
            if (d := dates.holiday(name, y)) is not None
        ]
        if not options:
            return None
        nearest = min(options, key=lambda d: abs((d - ctx.dct).days))
        # Like a year-less day: "last" and "next" fix the side; otherwise the occurrence
        # near the story wins, and the tense decides only between far ones.
        side = -1 if rel == "last" else 1 if rel == "next" else 0
        if not side and abs((nearest - ctx.dct).days) > dates.NEAR_DAYS:
            side = ctx.direction
        if side > 0:
            pick = next((d for d in options if d >= ctx.dct), options[-1])
        elif side < 0:
            pick = next((d for d in reversed(options) if d <= ctx.dct), options[0])
        else:
            pick = nearest
        return Resolved(value(pick), kind, ANCHOR_DCT)

    return one(m, resolve)


HOLIDAY = compile_rule(
    "holiday",
    r"(?<![\w-])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
    r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|New\s+Year['’]?s(?:\s+(?:Day|Eve))"
    r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Ash\s+Wednesday|Memorial\s+Day"
    r"|Labor\s+Day|Election\s+Day|Independence\s+Day|Valentine['’]?s\s+Day|Halloween"
    r"|Veterans\s+Day|Boxing\s+Day|Presidents['’]?\s+Day|Washington['’]s\s+Birthday"
    r"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day|Columbus\s+Day"
    r"|Mother['’]?s\s+Day|Father['’]?s\s+Day|(?:St\.?|Saint)\s+Patrick['’]?s\s+Day|Juneteenth"
    r"|Remembrance\s+Day|Armistice\s+Day|Bastille\s+Day|Canada\s+Day|Australia\s+Day"
    r"|Anzac\s+Day|Black\s+Friday|Cyber\s+Monday)"
    r"(?:\s+(?P<wk>week(?:end)?)|\s+(?P<hp>morning|afternoon|evening|night))?"
    rf"(?:,?\s+(?P<y>{YEAR_RE}))?(?![\w-])",
    _parse_holiday,
    ignore_case=False,
)


# ------------------------------------------------------------------ relative units

_PAST_REL = (
    "last",
    "past",
    "the past",
    "the last",
    "previous",
    "the previous",
    "this past",
    "the prior",
    "the preceding",
)
_NEXT_REL = ("next", "the next", "the coming", "coming", "this coming", "the following")
_STORY_REL = ("the following", "the previous", "the prior", "the preceding", "the same", "that")


def _unit_value(unit: str, day: date) -> str:
    """The value of the period of a given unit holding ``day``."""
    if unit == "week":
        return dates.week_value(day)
    if unit == "weekend":
        return dates.week_value(day) + "-WE"
    if unit == "month":
        return dates.month_value(day.year, day.month)
    if unit == "quarter":
        return f"{day.year:04d}-Q{dates.quarter_of(day)}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    if unit == "year":
        return f"{day.year:04d}"
    return dates.day_value(day)


def _mid_sentence(text: str, start: int) -> bool:
    """True when words, not a sentence end or a line break, come before ``start`` (opening
    quotes aside)."""
    before = text[max(0, start - 20) : start].rstrip(" \t\"“‘'`")
    return bool(before) and before[-1] not in ".!?:\n"


def _parse_relative_unit(m: re.Match[str], text: str) -> list[Part] | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel == "in the":
        # "earlier in the week" is "earlier this week"; a bare "in the week" is no date.
        if (m["pre"] or "").lower() not in ("earlier", "later") or m["u"].lower() not in (
            "week",
            "month",
            "year",
        ):
            return None
        rel = "this"
    raw_unit = re.sub(r"\s+", " ", m["u"].lower())
    unit = raw_unit.split()[-1]
    if m["rel"][:1].isupper() and m["u"][:1].isupper() and _mid_sentence(text, m.start("rel")):
        return None  # ABC's "This Week": a capitalised title inside a sentence
    mod = mod_of(m["pre"])
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    if part:
        unit = "day"
    if (
        unit == "day"
        and not part
        and rel
        in (
            "this",
            "the current",
            "the present",
            "current",
            "past",
            "coming",
            "the past",
            "the last",
        )
    ):
        return None
    if unit == "decade" and rel in ("the past", "the last", "past") and not mod:
        return one(m, fixed("P10Y", "DURATION", ANCHOR_DCT))
    if unit == "week" and rel == "that" and re.compile(r"\s+(?:of|in)\b").match(text, m.end()):
        return None
    story = rel in _STORY_REL or (rel == "the next" and unit == "day")
    if rel in _PAST_REL:
        step = -1
    elif rel in _NEXT_REL:
        step = 1
    else:
        step = 0
    if rel in ("the same", "that"):
        step = 0

    def resolve(ctx: Context) -> Resolved:
        if story:
            if unit == "year":
                y, anchor = ctx.story_year()
                return Resolved(f"{y + step:04d}", "DATE", anchor, mod)
            if unit == "month":
                (y, mo), anchor = ctx.story_month()
                y, mo = dates.shift_months(y, mo, step)
                return Resolved(dates.month_value(y, mo), "DATE", anchor, mod)
            base, anchor = ctx.story_day()
        else:
            base, anchor = ctx.dct, ANCHOR_DCT
        if part:
            if rel == "last" and part == "night":
                return _with_daypart(base - timedelta(days=1), part, anchor, mod)
            return _with_daypart(base + timedelta(days=step), part, anchor, mod)
        if unit == "weekend" and not story:
            # "this/the coming weekend" is the next Saturday-Sunday, "last weekend" the one
            # that ended most recently; a Sunday DCT is inside its own weekend.
            weekday = base.isoweekday()
            if step < 0:
                day = base - timedelta(days=weekday if weekday < 7 else 7)
            else:
                day = base + timedelta(days=max(0, 6 - weekday) + (7 if rel == "next" else 0))
            return Resolved(dates.week_value(day) + "-WE", "DATE", anchor, mod)
        day = dates.shift(base, unit, step)
        return Resolved(_unit_value(unit, day), "DATE", anchor, mod)

    return one(m, resolve)


def _parse_day_before(m: re.Match[str], _: str) -> list[Part] | None:
    step = -1 if m["dir"].lower() == "before" else 1
    part = "night" if m["u"].lower() == "night" else None

    def resolve(ctx: Context) -> Resolved:
        base, anchor = ctx.story_day()
        return _with_daypart(base + timedelta(days=step), part, anchor)

    return one(m, resolve)


DAY_BEFORE = compile_rule(
    "day_before",
    r"(?<![\w-])the\s+(?P<u>day|night)\s+(?P<dir>before|after)(?![\w-])"
    r"(?!\s+(?:the|a|an|his|her|its|their|our|this|that|\d|[A-Z]))",
    _parse_day_before,
)


RELATIVE_UNIT = compile_rule(
    "relative_unit",
    r"(?<![\w-])(?:(?P<pre>early|late|earlier|later|mid|the\s+(?:very\s+)?"
    r"(?:end|beginning|start|middle|close|rest|remainder|balance|turn)\s+of)(?:\s+|-))?"
    r"(?P<rel>this\s+past|this\s+coming|this|last|next|past|the\s+past|the\s+last|the\s+coming"
    r"|coming|the\s+previous|previous|the\s+following|the\s+current|the\s+next|the\s+same"
    r"|that|the\s+prior|the\s+present|the\s+preceding|current|in\s+the)\s+"
    r"(?P<u>week(?:end)?|month|year|decade|century|day|morning|afternoon|evening|night"
    r"|(?:fiscal|calendar|school)\s+year)(?![\w-])",
    _parse_relative_unit,
)


def _parse_weekend(m: re.Match[str], text: str) -> list[Part] | None:
    if m.group()[:1] == "T" and _mid_sentence(text, m.start()) and text[m.start() + 4] == "W":
        return None  # "this is The Weekend World": a programme's name

    def resolve(ctx: Context) -> Resolved:
        dct = ctx.dct
        weekday = dct.isoweekday()
        if weekday >= 6 or ctx.direction > 0:
            day = dct + timedelta(days=max(0, 6 - weekday))
        else:
            day = dct - timedelta(days=weekday)
        return Resolved(dates.week_value(day) + "-WE", "DATE", ANCHOR_DCT)

    return one(m, resolve)


def _parse_week_of(m: re.Match[str], _: str) -> list[Part] | None:
    if not is_capitalised(m["mon"]):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    year = to_year(m["y"]) if m["y"] else None
    by_day = _day_resolver(month, day, year)

    def resolve(ctx: Context) -> Resolved | None:
        found = by_day(ctx)
        if found is None:
            return None
        d = date.fromisoformat(found.value)
        return Resolved(dates.week_value(d), "DATE", found.anchor)

    return one(m, resolve)


# "the week of March 6": the ISO week holding that day.
WEEK_OF = compile_rule(
    "week_of",
    rf"(?<![\w-])the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s*(?P<d>\d{{1,2}}){_DAY_SUFFIX}"
    rf"{_NOT_NUMBER_AFTER}(?:,?\s+(?P<y>{YEAR_RE})(?!\d))?",
    _parse_week_of,
)


def _parse_the_year(m: re.Match[str], text: str) -> list[Part] | None:
    after = text[m.end() : m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to|through|that\s+ended)\b", after, re.IGNORECASE):
        # "the year ended March 31": a twelve-month reporting period, not a calendar year.
        return one(m, fixed("P1Y", "DURATION"))

    def resolve(ctx: Context) -> Resolved:
        return Resolved(f"{ctx.dct.year:04d}", "DATE", ANCHOR_DCT)

    return one(m, resolve)


def _parse_nth_day(m: re.Match[str], _: str) -> list[Part] | None:
    def resolve(ctx: Context) -> Resolved:
        return Resolved(dates.day_value(ctx.dct), "DATE", ANCHOR_DCT)

    return one(m, resolve, "day")


# "Today is the eighth day of the strike", "It's the second day of an offensive": the day of
# the report, counted within something longer.
NTH_DAY = compile_rule(
    "nth_day",
    r"\b(?:today|it|this)(?:\s+is|['’]s|\s+marks)\s+(?P<day>the\s+(?:(?:\d{1,3}(?:st|nd|rd|th))"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|twentieth|thirtieth|hundredth)\s+(?:straight\s+)?day)\b",
    _parse_nth_day,
)


# "for the year", "the full year", "the fiscal year": the year of the report. "The year
# before", "the year 1990" and "the year's end" belong to other rules.
THE_YEAR = compile_rule(
    "the_year",
    r"(?<![\w-])the\s+(?:(?:full|fiscal|calendar|entire|whole)\s+)?year(?![\w-])"
    r"(?!['’]s|\s+(?:before|after|earlier|later|ago|\d|of\s+(?:the|\d)))",
    _parse_the_year,
)


WEEKEND = compile_rule("weekend", r"(?<![\w-])the\s+weekend(?![\w-])", _parse_weekend)


def _parse_year_ago_adjective(m: re.Match[str], _: str) -> list[Part] | None:
    def resolve(ctx: Context) -> Resolved:
        back = ctx.story_quarter()
        if back is not None:
            (y, q), anchor = back
            return Resolved(f"{y - 1:04d}-Q{q}", "DATE", anchor)
        return Resolved(f"{ctx.dct.year - 1:04d}", "DATE", ANCHOR_DCT)

    return one(m, resolve)


YEAR_AGO = compile_rule(
    "year_ago", r"(?<![\w-])year[\s-](?:ago|earlier)(?![\w-])", _parse_year_ago_adjective
)


def _parse_year_end(m: re.Match[str], _: str) -> list[Part] | None:
    unit = "month" if "month" in m.group().lower() else "year"
    mod = _PART_MOD[m["part"].lower()] if m["part"] else "END"

    def resolve(ctx: Context) -> Resolved:
        return Resolved(_unit_value(unit, ctx.dct), "DATE", ANCHOR_DCT, mod)

    return one(m, resolve)


YEAR_END = compile_rule(
    "year_end",
    r"(?<![\w-])(?:year[\s-]end|year['’]s\s+end"
    r"|(?:the\s+)?(?P<part>end|start|beginning|middle|close)\s+of\s+(?:the|this)\s+(?:year|month)"
    r"|month[\s-]end)(?![\w-])",
    _parse_year_end,
)


_SENTENCE_GAP = re.compile(r"[.!?]\s+[A-Z]|\n\s*\n")


def _ago_value(unit: str, n: int, base: date, anchor: str, sign: int, ctx: Context) -> Resolved:
    if unit == "year" and n == 1:
        back = ctx.story_quarter()
        month = ctx.narrative.named_month
        quarter_index = ctx.narrative.quarter_index
        if back is not None and month is not None and quarter_index is not None:
            (y, mo), index, start = month
            if index > quarter_index and not _SENTENCE_GAP.search(ctx.text, start, ctx.start):
                # "In March alone, exports fell from a year earlier": the month of the clause.
                return Resolved(dates.month_value(y - 1, mo), "DATE", f"timex:{index}")
        if back is not None:
            (y, q), q_anchor = back
            return Resolved(f"{y - 1:04d}-Q{q}", "DATE", q_anchor)
    if unit == "quarter":
        y, q = dates.shift_quarters(base.year, dates.quarter_of(base), sign * n)
        return Resolved(f"{y:04d}-Q{q}", "DATE", anchor)
    if unit == "decade":
        return Resolved(f"{base.year + sign * 10 * n:04d}", "DATE", anchor)
    if unit == "century":
        return Resolved(f"{base.year + sign * 100 * n:04d}", "DATE", anchor)
    day = dates.shift(base, unit, sign * n)
    # "A week later", "two weeks ago": a story counts a week or two in days; "six weeks ago"
    # is as coarse as its count, a week.
    counted = "day" if unit in ("night", "fortnight") or (unit == "week" and n <= 2) else unit
    return Resolved(_unit_value(counted, day), "DATE", anchor)


def _parse_ago(m: re.Match[str], _: str) -> list[Part] | None:
    unit = unit_key(m["u"])
    if unit in ("second", "minute", "hour"):
        return None
    direction_word = m["dir"].lower()
    sign = 1 if direction_word in ("later", "after", "from now", "hence") else -1
    story = direction_word in ("earlier", "later", "before", "after")
    n_raw = m["n"].lower()
    number = parse_number(n_raw)
    if unit == "fortnight" and number is not None:
        unit, number = "week", number * 2
    ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if number is None and story:
        return None

    same = (m["same"] or "").split()[-1:] or [""]
    end = m.end()
    if same[0] and (unit not in ("year", "decade", "century") or sign > 0):
        same, end = [""], m.end("dir")  # "two days ago this week": the suffix is no part

    def resolve(ctx: Context) -> Resolved:
        if number is None or number != int(number):
            return Resolved(ref, "DATE", ANCHOR_DCT)
        if same[0]:
            years = int(number) * {"year": 1, "decade": 10, "century": 100}[unit]
            then = dates.shift(ctx.dct, "year", -years)
            kind = {"week": "week", "month": "month", "today": "day"}[same[0].lower()]
            return Resolved(_unit_value(kind, then), "DATE", ANCHOR_DCT)
        if story:
            if unit in ("year", "decade", "century"):
                y, anchor = ctx.story_year()
                base = date(y, ctx.dct.month, min(ctx.dct.day, 28))
                if anchor == ANCHOR_DCT:
                    base = ctx.dct
            elif unit in ("month", "quarter"):
                (y, mo), anchor = ctx.story_month()
                base = date(y, mo, 1) if anchor != ANCHOR_DCT else ctx.dct
            else:
                base, anchor = ctx.story_day()
        else:
            base, anchor = ctx.dct, ANCHOR_DCT
        return _ago_value(unit, int(number), base, anchor, sign, ctx)

    return [Part(m.start(), end, resolve)]


AGO = compile_rule(
    "ago",
    rf"(?<![\w$£€.,-])(?:(?P<mod>{MOD_APPROX})\s+)?"
    rf"(?P<n>{NUMBER_RE}|an?|{VAGUE_RE})\s+(?:(?:more|full|long)\s+)?(?P<u>{UNIT_RE})"
    r"(?:\s+or\s+(?:so|more|two|three))?"
    r"\s+(?P<dir>ago|earlier|later|from\s+now|hence)"
    # "Fifty years ago this week": the same week that many years back.
    r"(?:\s+(?P<same>this\s+(?:week|month)|today))?(?![\w-])",
    _parse_ago,
)


# ------------------------------------------------------------------ durations


def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 duration ("P3D", "PT2H30M", "PXY") for an amount of a unit."""
    code = UNIT_CODE[unit]
    # Decades, centuries and millennia count in years ("two decades" is P20Y), so an
    # unknown number of them is an unknown number of years, as the corpora write it.
    years = {"decade": 10, "century": 100, "millennium": 1000}.get(unit)
    if years is not None:
        if number is None or not (number * years).is_integer():
            return "PXY"
        return f"P{int(number * years)}Y"
    if unit == "fortnight":
        return "PXW" if number is None else f"P{int(number * 2)}W"
    if unit == "weekend":
        return "PXWE" if number is None else f"P{int(number)}WE"
    time = code.startswith("T")
    letter = code[-1]
    prefix = "PT" if time else "P"
    if number is None:
        return f"{prefix}X{letter}"
    if number.is_integer():
        return f"{prefix}{int(number)}{letter}"
    whole, frac = int(number), number - int(number)
    smaller = {
        "Y": (12, "M", False),
        "M": (30, "D", False),
        "W": (7, "D", False),
        "D": (24, "H", True),
        "H": (60, "M", True),
        "M_T": (60, "S", True),
    }
    key = "M_T" if time and letter == "M" else letter
    if key in smaller:
        factor, sub, sub_time = smaller[key]
        rest = round(frac * factor)
        head = f"{whole}{letter}" if whole else ""
        if sub_time and not time:
            return f"P{head}T{rest}{sub}"
        return f"{prefix}{head}{rest}{sub}"
    return f"{prefix}X{letter}"


_SET_BEFORE = re.compile(
    r"(?:\d|illion|cents?|dollars?|times|once|twice|percent|%|pounds|yen|euros|head|"
    r"barrels|tons)\s+$",
    re.IGNORECASE,
)


_OF_WHOLE = re.compile(
    r"\s+of\s+(?:the|a|an|its|their|his|her|our|your|this|that|these|those|all|\d)\b",
    re.IGNORECASE,
)
# A modal or a subject right before "one day" makes it "some day".
_MODALS = r"will|would|could|can|may|might|should|must|shall"
_SOMEDAY_BEFORE = re.compile(rf"\b(?:{_MODALS}|he|she|they|we|I|you|it)\s+$", re.IGNORECASE)


# Words before "last" that make it the verb: "will last", "to last", "and last".
_VERB_LAST_BEFORE = re.compile(
    rf"\b(?:{_MODALS}|to|and|'ll|did|does|do|not)\s+$", re.IGNORECASE
)


def _parse_duration(m: re.Match[str], text: str) -> list[Part] | None:
    unit = unit_key(m["u"])
    n_raw = m["n"].lower()
    if n_raw in ("a", "an") and unit == "second":
        return None
    vague = re.fullmatch(VAGUE_RE, n_raw) is not None and not n_raw.endswith("couple of")
    if (
        unit == "quarter"
        and re.compile(r"\s+of\b").match(text, m.end())
        and not (vague and not _OF_WHOLE.match(text, m.end()))
    ):
        # "three quarters of the voters" is a fraction; "several quarters of losses" counts
        # periods (a vague amount, and no whole after "of").
        return None
    if re.compile(r"[\s-]+old\b").match(text, m.end()):
        return None  # "52 years old": an age, which TimeML news corpora leave unmarked
    if m["u"][:1].isupper() and not m["body"][:1].isupper():
        return None  # "CBS's 60 Minutes": a capitalised unit after a number is a title
    number = None if vague else parse_number(n_raw)
    if number is None and not vague:
        return None
    if (m["half"] or m["nhalf"]) and number is not None:
        number += 0.5  # "a year and a half", "two and a half years"
    if m["n2"] is not None:
        number = None
    mod = mod_of(m["mod"] or m["xmod"])
    value = duration_value(number, unit)
    start = m.start("body")
    before = text[max(0, start - 30) : start]
    if (
        n_raw == "one"
        and unit == "day"
        and m.group("body") == m.group()
        and _SOMEDAY_BEFORE.search(before)
    ):
        # "Islam will one day be...", "the hope he one day follows": some day, not 24 hours.
        return one(m, fixed("FUTURE_REF", "DATE", ANCHOR_DCT), "body")
    if (
        n_raw in ("a", "an")
        and _SET_BEFORE.search(before)
        and not m["mod"]
        and not m["det"]
        and not m["rel"]
    ):
        # "$500 million a year", "358,000 a month": a rate, which TimeML leaves unmarked.
        return None
    in_before = re.search(r"\bin\s+$", before, re.IGNORECASE) is not None
    rel = (m["rel"] or "").lower()
    det = (m["det"] or "").lower()
    if rel == "last" and not det and not m["mod"] and _VERB_LAST_BEFORE.search(before):
        # "the talks will last two hours": the verb, outside the extent.
        return [Part(m.start("n"), m.end(), fixed(value, "DURATION", mod=mod))]

    def resolve(ctx: Context) -> Resolved:
        if (
            in_before
            and not rel
            and not det
            and not m["mod"]
            and number is not None
            and number.is_integer()
            and unit in ("day", "week", "month", "year")
            and ctx.direction > 0
        ):
            day = dates.shift(ctx.dct, unit, int(number))
            return Resolved(_unit_value(unit, day), "DATE", ANCHOR_DCT)
        anchor = ANCHOR_DCT if rel in ("past", "last", "next", "coming") else ANCHOR_NONE
        return Resolved(value, "DURATION", anchor, mod)

    return one(m, resolve, "body")


_MOD_OUTSIDE = r"(?:about|around|roughly|approximately|only|within|barely|just|some|another)"
_MOD_INSIDE = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to"
    r"|no\s+more\s+than|no\s+less\s+than|nearly|almost|over(?!\s+the\b)|under"
    r"|an\s+additional|a\s+full)"
)

DURATION = compile_rule(
    "duration",
    rf"(?<![\w$£€.,-])(?:(?P<xmod>{_MOD_OUTSIDE})\s+)?(?P<body>(?:(?P<mod>{_MOD_INSIDE})\s+)?"
    r"(?:(?P<det>the|its|their|his|her|our)\s+)?"
    r"(?:(?P<rel>past|last|next|first|coming|previous|final|following|latest|initial"
    r"|remaining|same|prior|preceding|ensuing|intervening|succeeding|other|better\s+part\s+of)"
    r"\s+)?"
    rf"(?:(?P<n0>{NUMBER_RE})\s+(?:to|or)\s+)?"
    rf"(?P<n>{NUMBER_RE}|an?|{VAGUE_RE})(?<!\bsome)(?P<nhalf>\s+and\s+a\s+half)?"
    r"\s+(?:(?:more|additional|full|straight|consecutive|long|short|extra|further|whole)\s+)?"
    rf"(?P<u>{UNIT_RE})(?P<half>\s+and\s+a\s+half)?"
    rf"(?:\s+(?:or\s+(?:so|more|longer)|(?:or|to)\s+(?P<n2>{NUMBER_RE})\s+{UNIT_RE}))?)"
    r"(?![\w-])",
    _parse_duration,
)


def _parse_unit_adjective(m: re.Match[str], text: str) -> list[Part] | None:
    unit = unit_key(m["u"])
    if unit == "quarter" and m["pl"]:
        return None  # "three-quarters of the voters": a fraction
    if re.compile(r"[\s-]+old\b").match(text, m.end()):
        return None  # "52 years old": an age
    if m["n"] and m["u"][:1].isupper() and not m["n"][:1].isupper():
        return None  # "60 Minutes": a title
    if m["n"]:
        number = 0.5 if m["n"].lower() == "half" else parse_number(m["n"])
        if number is None:
            return None
    else:
        number = None if m["pl"] else 1.0
    return one(m, fixed(duration_value(number, unit), "DURATION"))


UNIT_ADJECTIVE = compile_rule(
    "unit_adjective",
    rf"(?<![\w$£€.,-])(?:(?P<n>\d+(?:\.\d+)?|{NUMBER_WORDS_RE}|half)[\s-])?"
    rf"(?P<u>{UNIT_ADJ_RE})(?P<pl>s)?(?:-long\b|(?(n)(?=[\s,-])|(?!)))(?!-old\b)"
    r"(?!-(?:point|mile|inch|foot|meter|high|low|ton))",
    _parse_unit_adjective,
)


def _parse_bare_units(m: re.Match[str], text: str) -> list[Part] | None:
    unit = unit_key(m["u"])
    lead = (m["lead"] or "").lower()
    if "recent" in lead and unit == "year":
        return one(m, fixed("PAST_REF"))
    if "coming" in lead or "ahead" in m.group().lower():
        return one(m, fixed(duration_value(None, unit), "DURATION"))
    return one(m, fixed(duration_value(None, unit), "DURATION"))


BARE_UNITS = compile_rule(
    "bare_units",
    r"(?<![\w-])(?:(?P<lead>(?:the\s+)?(?:(?:most\s+)?recent|coming|past|last|next|previous"
    r"|ensuing|intervening|following|early|first)(?:\s+|-)|(?<=for\s))|(?<=within\s)|(?<=in\s)"
    # "the weeks ahead", "over the years": a stretch of unknown length.
    r"|the\s+(?=\w+\s+ahead\b)|(?<=over\s)the\s+)"
    r"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)"
    r"(?:\s+ahead)?(?![\w-])",
    _parse_bare_units,
)


# ------------------------------------------------------------------ times of day

_ZONE_RE = (
    r"(?:(?:[ECMPA][SD]?T|GMT|UTC|BST|CET|CEST|KST|JST|IST|HKT|SGT|AEST|AEDT|MSK|WET|EET|PHT"
    r"|WIB|ICT)\b|local\s+time|(?:Eastern|Central|Mountain|Pacific|Greenwich\s+Mean|Atlantic"
    r"|British\s+Summer|[A-Z][a-z]+(?:an|ese|ish|ch|i))\s+(?:(?:[Ss]tandard|[Dd]aylight)\s+)?"
    r"[Tt]ime"
    # "9 a.m. Central", "noon Eastern": a US zone named alone.
    r"|(?:Eastern|Central|Mountain|Pacific)(?!\s+(?:[A-Z]|[Tt]ime|[Ss]tandard|[Dd]aylight))"
    # "10 a.m. Seoul time", "9 p.m. Hong Kong time": a city's clock.
    r"|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time\b)"
)
_AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b|[aApP]\.[mM]\b)"


_DAY_AFTER = re.compile(rf",?\s+(?:on\s+)?(?:{WEEKDAY_RE}|{MONTH_RE}\s*\d)")
# Words that make a number a clock time: "at 14:30", "by 8 in the evening".
_AT_CLOCK = r"at|by|from|until|till|to|around|before|after"
_CLOCK_BEFORE = re.compile(rf"\b(?:{_AT_CLOCK}|about)\s+$", re.I)
_CLOCK_BEFORE_24 = re.compile(rf"\b(?:{_AT_CLOCK})\s+$", re.I)


def _hour_of_day(hour: int, ampm: str, part: str) -> int:
    """A 12-hour reading as a 24-hour one: "p.m." or "in the evening" is after noon."""
    if ampm.startswith("p") or part in ("afternoon", "evening", "night"):
        return hour % 12 + 12
    if ampm.startswith("a") and hour == 12:
        return 0
    return hour


def _parse_time(m: re.Match[str], text: str) -> list[Part] | None:
    if m["word"] and previous_word(text, m.start()).lower() == "high":
        return None  # "high noon": the idiom, or the film
    if m["word"]:
        w = m["word"].lower().replace("-", "")
        # Midnight ends the day it is named with ("midnight Friday" is the night after
        # Friday), as TimeML writes it: T24:00.
        # "Just after midnight on Sunday" is the start of the day it names.
        hour, minute = (24, 0) if w == "midnight" else (12, 0)
        if w == "midnight" and (
            m["wd"] or m["rd"] or m["mon"] or _DAY_AFTER.match(text, m.end())
        ) and previous_word(text, m.start()).lower() == "after":
            hour = 0
    elif m["h"]:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ampm = (m["ap"] or "").lower()
        if hour > 12 or (hour == 0 and ampm.startswith(("a", "p"))):
            return None
        hour = _hour_of_day(hour, ampm, (m["dp"] or "").lower())
    elif m["hb"]:
        # "at 8 in the evening", "around 10 at night": a bare hour named with its part of
        # the day, after a word that makes it a time (not "scored 1 at night").
        if not m["mod"] and not _CLOCK_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            return None
        hour, minute = int(m["hb"]), 0
        if m["dp"].lower() == "night" and hour == 12:
            hour = 0
        elif m["dp"].lower() in ("afternoon", "evening") or (
            m["dp"].lower() == "night" and hour >= 5
        ):
            hour = hour + 12 if hour < 12 else hour
    elif m["hz"]:
        hour, minute = int(m["hz"]), int(m["miz"])
    else:
        hour, minute = int(m["h24"]), int(m["mi24"])
        part = (m["dp"] or "").lower()
        if part:
            hour = _hour_of_day(hour, "", part)
        elif not m["zone"] and not _CLOCK_BEFORE_24.search(text, max(0, m.start() - 12), m.start()):
            return None
    hhmm = f"T{hour:02d}:{minute:02d}"
    mod = mod_of(m["mod"])
    if m["wd"] and not is_capitalised(m["wd"]):
        return None
    wd = weekday_number(m["wd"]) if m["wd"] else None
    rd = m["rd"].lower() if m["rd"] else None
    month = month_number(m["mon"]) if m["mon"] else None
    day_n = int(m["d"]) if m["d"] else None
    year = to_year(m["y"]) if m["y"] else None
    if m["mon2"]:
        if not is_capitalised(m["mon2"]):
            return None
        # The date after the weekday fixes the day; the weekday only confirms it.
        wd, month, day_n = None, month_number(m["mon2"]), int(m["d2"])
        year = to_year(m["y2"]) if m["y2"] else None

    def resolve(ctx: Context) -> Resolved | None:
        if wd is not None:
            day = (
                ctx.dct
                if wd == ctx.dct.isoweekday()
                else dates.weekday_near(wd, ctx.dct, ctx.direction)
            )
        elif rd is not None:
            day = ctx.dct + timedelta(days=_DAY_WORD_OFFSET[rd])
        elif month is not None and day_n is not None:
            if year is not None:
                found = dates.safe_date(year, month, day_n)
            else:
                found = _nearest_day(month, day_n, ctx, 0)
            if found is None:
                return None
            day = found
        else:
            # The date comes from the clause; the tagger fills it in (see tagger.fill_times).
            return Resolved(hhmm, "TIME", ANCHOR_DCT, mod)
        return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT, mod)

    return one(m, resolve)


TIME = compile_rule(
    "time",
    r"(?<![\w:.,$-])(?:(?P<mod>[Aa]round|[Aa]pproximately)\s+)?"
    r"(?:(?P<h>1[0-2]|0?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>" + _AMPM + r"|o['’]clock)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
    # "0100 GMT", "1930 GMT": wire copy's four-digit clock, only with its zone.
    r"|(?P<hz>[01]\d|2[0-3])(?P<miz>[0-5]\d)(?=\s+(?:GMT|UTC|EDT|EST|BST|KST|JST|CET|CEST)\b)"
    r"|(?P<hb>1[0-2]|0?[1-9])(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
    r"|(?P<word>[Nn]oon|[Mm]idnight|[Mm]idday|[Mm]id-day))"
    rf"(?:\s+(?P<zone>{_ZONE_RE}))?"
    r"(?:\s+(?:in\s+the|at)\s+(?P<dp>morning|afternoon|evening|night))?"
    rf"(?:,?\s+(?:(?P<wd>{WEEKDAY_RE})(?![\w-])"
    # "8 p.m. Tuesday, April 15": the weekday's date may follow it.
    rf"(?:,?\s+(?P<mon2>{MONTH_RE})\s*(?P<d2>\d{{1,2}})(?![\d:])(?:,\s+(?P<y2>{YEAR_RE}))?)?"
    r"|(?P<rd>[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday)"
    rf"|(?P<mon>{MONTH_RE})\s*(?P<d>\d{{1,2}})(?![\d:])(?:,\s+(?P<y>{YEAR_RE}))?))?",
    _parse_time,
    ignore_case=False,
)


_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty-five": 45, "twenty": 20, "forty": 40,
                 "fifty": 50, "ten": 10, "five": 5}


def _parse_spoken_time(m: re.Match[str], _: str) -> list[Part] | None:
    """ "six a.m.", "five-forty a.m.", "twelve-oh-one a.m.", "ten o'clock": a broadcast's clock."""
    hour = _HOUR_WORDS[m["hw"].lower()]
    minute = 0
    if m["oh"]:
        minute = _HOUR_WORDS[m["oh"].lower()]
    elif m["mw"]:
        minute = _MINUTE_WORDS[m["mw"].lower()]
    hour = _hour_of_day(hour, (m["ap"] or "").lower(), (m["dp"] or "").lower())
    hhmm = f"T{hour:02d}:{minute:02d}"
    rd = (m["rd"] or "").lower()
    wd = weekday_number(m["wd"]) if m["wd"] else None

    def resolve(ctx: Context) -> Resolved:
        if rd:
            day = ctx.dct + timedelta(days=_DAY_WORD_OFFSET[rd])
            return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT)
        if wd is not None:
            day = dates.weekday_near(wd, ctx.dct, ctx.direction)
            return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT)
        return Resolved(hhmm, "TIME", ANCHOR_DCT)  # the tagger gives it its clause's day

    return one(m, resolve)


SPOKEN_TIME = compile_rule(
    "spoken_time",
    r"(?<![\w-])(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:[- ]oh[- ](?P<oh>one|two|three|four|five|six|seven|eight|nine)"
    r"|[- ](?P<mw>forty-five|fifteen|thirty|twenty|forty|fifty))?"
    r"\s+(?:(?P<ap>[ap]\.m\.?)|o['’]clock|in\s+the\s+(?P<dp>morning|afternoon|evening))"
    rf"(?:\s+(?P<zone>{_ZONE_RE}))?"
    r"(?:\s+(?:(?P<rd>today|tonight|tomorrow|yesterday)(?:\s+(?:morning|afternoon|evening"
    rf"|night))?|(?P<wd>{WEEKDAY_RE})))?"
    r"(?![\w-])",
    _parse_spoken_time,
)


# ------------------------------------------------------------------ references and sets

_REFS: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the recent past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "current": "PRESENT_REF",
}


def _parse_ref(m: re.Match[str], text: str) -> list[Part] | None:
    key = re.sub(r"\s+", " ", m.group().lower())
    if key == "current" and re.compile(
        r"\s+(?:accounts?|affairs|events|assets|liabilities|liabilities|ratio|density|flows?"
        rf"|law|rules|models?|{UNIT_RE}|fiscal|calendar|half|period|term)\b|-",
        re.IGNORECASE,
    ).match(text, m.end()):
        # "current account", "the current quarter": an economics term or a period rule's.
        return None
    if key == "now" and re.compile(r"[\s-]+(?:defunct|closed|retired|former)").match(text, m.end()):
        return None
    if key in ("the past", "the future") and re.compile(
        rf"\s+(?:{NUMBER_RE}|{VAGUE_RE})\b", re.IGNORECASE).match(text, m.end()):
        # "the past three summers", "the past few seasons": a counted stretch, not the past.
        return None
    return one(m, fixed(_REFS[key], "DATE", ANCHOR_DCT))


REF = compile_rule(
    "ref",
    r"(?<![\w-])(?:"
    + "|".join(k.replace(" ", r"\s+") for k in sorted(_REFS, key=len, reverse=True))
    + r")(?![\w-])",
    _parse_ref,
)


_SET_ADVERB: dict[str, str] = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "semiannual": "P6M",
}


def _parse_set(m: re.Match[str], text: str) -> list[Part] | None:
    if m["adv"]:
        return one(m, fixed(_SET_ADVERB[m["adv"].lower()], "SET"))
    if m["wd"]:
        if not is_capitalised(m["wd"]):
            return None
        part = f"T{DAYPART_CODE[m['wdp'].lower()]}" if m["wdp"] else ""
        return one(m, fixed(f"XXXX-WXX-{weekday_number(m['wd'])}{part}", "SET"))
    if m["mon"]:
        return one(m, fixed(f"XXXX-{month_number(m['mon']):02d}", "SET"))
    if m["dp"]:
        return one(m, fixed(f"XXXX-XX-XXT{DAYPART_CODE[m['dp'].lower()]}", "SET"))
    if m["sea"]:
        return one(m, fixed(f"XXXX-{SEASON_CODE[m['sea'].lower()]}", "SET"))
    unit = unit_key(m["u"])
    number = parse_number(m["n"]) if m["n"] else 1.0
    if m["other"]:
        number = 2.0
    return one(m, fixed(duration_value(number, unit), "SET"))


SET = compile_rule(
    "set",
    # "annually" and "quarterly" stay out: news uses them for rates and dividends ("rise 8%
    # annually", "a quarterly dividend"), which TimeML leaves unmarked.
    r"(?<![\w-])(?:(?P<adv>daily|nightly|weekly|biweekly|monthly|yearly|hourly)"
    r"|(?:(?:every|each)|(?:once|twice|(?:three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|several|\d+)\s+times)\s+(?:a|an|per|every))\s+"
    rf"(?:(?P<wd>{WEEKDAY_RE})(?:\s+(?P<wdp>{DAYPART_RE}))?|(?P<mon>{MONTH_FULL_RE})"
    rf"|(?P<dp>{DAYPART_RE})|(?P<sea>{SEASON_RE})|(?P<other>other\s+)?"
    rf"(?:(?P<n>{NUMBER_RE})\s+)?(?P<u>{UNIT_RE})))(?![\w-])",
    _parse_set,
)


_MONTH_TRIGGER = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_UNIT_TRIGGER = (
    r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade"
    r"|centur|millenni|Second|Minute|Hour|Day|Night|Week|Month|Quarter|Year"
    r"|Decade|Centur|morning|afternoon|evening|Morning|Afternoon|Evening"
)
# Numbers that may be dates: years and ISO dates start with 16..21, slash dates hold a "/".
# Literals, not a digit class: a class is tried at every digit of every amount of money.
_DIGIT_TRIGGER = (
    r"16|17|18|19|20|21|/|eighteen|nineteen|twenty|two thousand|Eighteen"
    r"|Nineteen"
)
# Triggers by rule name, with whether a hit must start a word. Each top-level alternative
# is scanned on its own and case-sensitively: Python's regex engine finds a literal with a
# fast substring search but tries an alternation branch by branch at nearly every position,
# so twenty literal scans cost about half of one alternation scan. The word-start test is
# done on the few hits instead of by a look-behind, which would disable the fast search.
_TRIGGERS: dict[str, tuple[str, bool]] = {
    "iso": (_DIGIT_TRIGGER, False),
    "slash": (_DIGIT_TRIGGER, False),
    "time": (
        r"(?:am\b)|(?:pm\b)|(?::\d\d)|.m.|noon|idnight|idday|id-day|clock|in the morning"
        # (run on the lower-cased text, as this rule's literals are)
        r"|(?:(?<=\d\d\d\d )(?:gmt|utc|edt|est|bst|kst|jst|cet|cest)\b)"
        r"|in the afternoon|in the evening|at night",
        False,
    ),
    "spoken_time": (r".m.|o'clock|o’clock|in the morning|in the afternoon|in the evening", False),
    "month_day": (_MONTH_TRIGGER, True),
    "month_ordinal": (_MONTH_TRIGGER, True),
    "day_month": (_MONTH_TRIGGER, True),
    "month": (_MONTH_TRIGGER, True),
    "holiday": (
        r"Christmas|Thanksgiving|New Year|Easter|Good Friday|Memorial Day|Labor Day"
        r"|Election Day|Independence Day|Valentine|Halloween|Veterans Day|Boxing Day"
        r"|Presidents|Washington|Martin Luther King|MLK|Columbus Day|Mother|Father"
        r"|Patrick|Juneteenth|Remembrance Day|Armistice Day|Bastille Day|Canada Day"
        r"|Australia Day|Anzac Day|Ash Wednesday|Black Friday|Cyber Monday",
        True,
    ),
    "quarter": (r"quarter|period|half|Quarter|Period|Half|Q1|Q2|Q3|Q4|H1|H2", False),
    "month_span": (r"quarter|period|half", False),
    "season": (r"spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter", True),
    "decade": (r"0s|ties", False),
    "century": (r"century|Century|of the decade|of this decade", False),
    "year": (_DIGIT_TRIGGER, False),
    "year_end": (
        r"ear-end|ear end|ear's end|ear’s end|of the year|of the month|of this year|of this month"
        r"|onth-end|onth end",
        False,
    ),
    "weekend": (r"weekend", True),
    "the_year": (r"year", True),
    "week_of": (r"week of", True),
    "day_before": (r"day before|day after|night before|night after", True),
    "nth_day": (r"day", True),
    "ago": (r"ago|earlier|later|from now|hence", True),
    "year_ago": (r"year-ago|year-earlier|year ago|year earlier|Year-ago|Year-earlier", True),
    "day_word": (
        r"today|tomorrow|yesterday|tonight|overnight|Today|Tomorrow|Yesterday|Tonight|Overnight",
        True,
    ),
    "mid_daypart": (r"mid", True),
    "weekday": (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", False),
    "relative_unit": (_UNIT_TRIGGER, True),
    "set": (
        r"daily|nightly|weekly|monthly|yearly|hourly|every|each|once|twice|times|Every"
        r"|Each|Daily|Weekly|Monthly|Annually|annually|quarterly|Quarterly|biweekly"
        r"|semi",
        True,
    ),
    "duration": (_UNIT_TRIGGER, True),
    "unit_adjective": (_UNIT_TRIGGER, True),
    "bare_units": (_UNIT_TRIGGER, True),
    "ref": (
        r"now|Now|NOW|present|Present|recent|Recent|lately|Lately|past|future|term"
        r"|moment|days|later|ahead|possible|coming|current|Current|these|These",
        True,
    ),
}
#: Rules whose trigger words are names and keep their case ("May", "Friday").
_CASED = frozenset({"month_day", "month_ordinal", "day_month", "month", "holiday", "weekday"})
_TRIGGER_CACHE: dict[tuple[str, bool], tuple[re.Pattern[str] | str, ...]] = {}


def _compile_trigger(source: str, fold: bool) -> tuple[re.Pattern[str] | str, ...]:
    """One piece per top-level alternative: a bracketed one is a regex, others literals
    (plain strings; the tagger scans the literals of all rules together).

    With ``fold`` the literals are lower-cased (and so merged: "Year" and "year" are one
    scan of the lower-cased text).
    """
    pieces: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(source):
        if char == "(" and source[i - 1 : i] != "\\":
            depth += 1
        elif char == ")" and source[i - 1 : i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(source[start:i])
            start = i + 1
    pieces.append(source[start:])
    if fold:
        pieces = [p if p.startswith("(") else p.lower() for p in pieces]
    unique = list(dict.fromkeys(pieces))
    return tuple(re.compile(p) if p.startswith("(") else p for p in unique)


_NUMBERISH = (
    r"(?:\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|\w+teen|\w+ty|hundred|thousand|several|few|many|some|of|numerous|half|dozen))"
)
# What a unit word needs right before it, per rule (checked on the hit, case-insensitive).
_BEFORE_HIT: dict[str, str] = {
    "duration": _NUMBERISH + r"(?:[\s-]+(?:more|additional|full|straight|consecutive|long"
    r"|short|extra|further|whole|trading|business|working))?\s+$",
    "unit_adjective": _NUMBERISH + r"[\s-]$",
    "bare_units": r"\b(?:recent|coming|past|last|next|previous|ensuing|intervening|following"
    r"|early|first|for|within|in|the)[\s-]+$",
    "relative_unit": r"\b(?:past|coming|this|last|next|previous|following|current|same|that"
    r"|prior|present|preceding|fiscal|calendar|school|(?:earlier|later)\s+in\s+the)\s+$",
    # "7 pm", "10 a.m.", "19:45" follow a digit; "noon" and "o'clock" pass by their end.
    "time": r"\d\s?[ap]?\.?$",
    # "the third quarter", "the latest period", "the 1988 period", "its year-ago quarter".
    "quarter": r"(?:\b(?:the|this|last|next|first|second|third|fourth|1st|2nd|3rd|4th|final"
    r"|latest|current|previous|prior|past|coming|ago|earlier|comparable|same"
    r"|corresponding|recent|fiscal|calendar|year)|\d\d|['’]s)[\s-]+$",
}


_LONG_AFTER = re.compile(r"\w*-long\b")
# A month trigger ("Mar") must go on as a month name or stop: "Market", "Janet" are no months.
_MONTH_AFTER = re.compile(r"(?:uary|ruary|ch|il|e|y|ust|tember|t|ober|ember)?(?![a-z])")
_AFTER_HIT: dict[str, re.Pattern[str]] = {
    "quarter": re.compile(r"(?<=[QH][1-4])"),
    "time": re.compile(r"(?<=noon)|(?<=night)|(?<=day)|(?<=clock)", re.IGNORECASE),
    "unit_adjective": _LONG_AFTER,
    "month_day": _MONTH_AFTER,
    "month_ordinal": _MONTH_AFTER,
    "day_month": _MONTH_AFTER,
    "month": _MONTH_AFTER,
    # The digit trigger hits every "19" and "20" in amounts: keep the hits that go on as
    # an ISO date, a slash date or a four-digit year (or that are year words).
    "iso": re.compile(r"\d\d-\d\d-\d\d"),
    "slash": re.compile(r"(?<=/)\d"),
    "year": re.compile(r"\d\d(?![\d%])|(?<=[a-z])"),
}


# Reaches narrower than the default, from each pattern's longest prefix and suffix.
_REACH: dict[str, tuple[int, int]] = {
    "iso": (4, 24),
    "slash": (6, 12),
    "weekday": (26, 16),
    "day_word": (26, 16),
    "mid_daypart": (2, 40),
    "duration": (42, 26),
    "unit_adjective": (14, 12),
    "bare_units": (24, 10),
    "relative_unit": (42, 12),
    "ref": (26, 16),
    "set": (16, 26),
    "ago": (42, 16),
    "weekend": (6, 2),
    "the_year": (20, 24),
    "year_ago": (4, 12),
    "day_before": (4, 26),
    "nth_day": (40, 4),
}


def _with_trigger(rule: Rule) -> Rule:
    """The rule with its compiled trigger; rules with the same trigger share one object."""
    source, word_start = _TRIGGERS[rule.name]
    fold = rule.name not in _CASED
    if (source, fold) not in _TRIGGER_CACHE:
        _TRIGGER_CACHE[source, fold] = _compile_trigger(source, fold)
    before = _BEFORE_HIT.get(rule.name)
    return replace(
        rule,
        trigger=_TRIGGER_CACHE[source, fold],
        word_start=word_start,
        fold=fold,
        before=re.compile(before, re.IGNORECASE) if before else None,
        after=_AFTER_HIT.get(rule.name),
        reach=_REACH.get(rule.name, (42, 40)),
    )


#: All rules, most specific first: on equal extents the earlier rule wins.
RULES: tuple[Rule, ...] = tuple(
    _with_trigger(rule)
    for rule in (
        ISO,
        SLASH,
        TIME,
        SPOKEN_TIME,
        MONTH_DAY,
        MONTH_ORDINAL,
        DAY_MONTH,
        HOLIDAY,
        MONTH_SPAN,
        QUARTER,
        MONTH,
        SEASON,
        DECADE,
        CENTURY,
        YEAR,
        YEAR_END,
        THE_YEAR,
        WEEK_OF,
        WEEKEND,
        DAY_BEFORE,
        NTH_DAY,
        AGO,
        YEAR_AGO,
        DAY_WORD,
        MID_DAYPART,
        WEEKDAY,
        RELATIVE_UNIT,
        SET,
        DURATION,
        UNIT_ADJECTIVE,
        BARE_UNITS,
        REF,
    )
)
