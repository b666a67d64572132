"""Calendar dates by name: ISO and slash dates, month-day and day-month dates, months, years,
decades, centuries, seasons and "the week of" a day.

A date without a year takes it from the DCT and the tense (:func:`nearest_day`), or from the
day before it in a range or a list.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved, Resolver
from timeline.temporal.lexicon import (
    MONTH_FULL_RE,
    MONTH_RE,
    ORDINAL_NUMBER,
    SEASON_CODE,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
    parse_number,
)
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import (
    DAY_SUFFIX,
    DIGIT_TRIGGER,
    MONTH_AFTER,
    MONTH_TRIGGER,
    NOT_NUMBER_AFTER,
    PART_MOD,
    TIME_PREPOSITION,
    YEAR_RE,
    YEAR_WORDS_RE,
    fixed,
    is_capitalised,
    looks_like_name,
    mod_of,
    month_number,
    one,
    previous_word,
    to_year,
)
from timeline.timex import ANCHOR_DCT, ANCHOR_NONE

# ------------------------------------------------------------------ numeric dates


@rule(
    "iso",
    priority=10,
    pattern=r"""
        (?<![\w/.-])
        (?P<y>\d{4}) - (?P<m>\d\d) - (?P<d>\d\d)
        (?: [T ] (?P<H>[01]\d|2[0-3]) : (?P<M>[0-5]\d) (?::\d\d)? )?   # a clock time after
        (?![\w-])
    """,
    trigger=DIGIT_TRIGGER,
    # The digit trigger hits every "19" and "20" in amounts: keep those that go on as a date.
    after=re.compile(r"\d\d-\d\d-\d\d"),
    reach=(4, 24),
    examples=("2024-03-05", "2024-03-05T14:30", "2024-03-05 14:30:00"),
)
def parse_iso(m: re.Match[str], _: str) -> list[Part] | None:
    """ "2024-03-05", with an optional clock time."""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    day = dates.safe_date(y, mo, d)
    if day is None:
        return None
    if m["H"]:
        return one(m, fixed(f"{dates.day_value(day)}T{m['H']}:{m['M']}", "TIME"))
    return one(m, fixed(dates.day_value(day)))


@rule(
    "slash",
    priority=20,
    pattern=r"""
        (?<![\w/.$-])
        (?: (?P<a>\d{1,2}) / (?P<b>\d{1,2}) / (?P<y>\d{4}|\d{2})        # 3/5/2024, 5/3/24
          | (?P<y0>(?:19|20)\d\d) / (?P<m0>0?[1-9]|1[0-2]) / (?P<d0>[0-2]?\d|3[01])
                                            # 2018/08/05, as East Asian agencies write it
        )
        (?![\w/]|\.\d)
    """,
    trigger=DIGIT_TRIGGER,
    after=re.compile(r"(?<=/)\d"),
    reach=(6, 12),
    examples=("3/5/2024", "2018/08/05"),
)
def parse_slash(m: re.Match[str], _: str) -> list[Part] | None:
    """ "3/5/2024" (month first unless the first number cannot be a month), "2018/08/05"."""
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


# ------------------------------------------------------------------ days of a month


def nearest_day(month: int, day: int, ctx: Context, lean: int) -> date | None:
    """The year-less day nearest the DCT; the tense is read only when it matters.

    A ``lean`` from the words around the date ("last", "next", "ended") is a side of the
    DCT, not a hint: "last Nov. 12" is past even when the coming Nov. 12 is nearer.
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


def resolve_day(
    ctx: Context,
    *,
    month: int,
    day: int,
    year: int | None,
    follow: Resolver | None = None,
    roll: bool = False,
    lean: int = 0,
) -> Resolved | None:
    """A month-day, its year from the text or else from the DCT and tense.

    ``follow`` is the resolver of the opening day when this one closes a range; ``roll``
    says the range crosses a new year ("Dec. 30 to Jan. 2").
    """
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
    listed = None if lean else listed_day(month, day, ctx)
    if listed is not None:
        return listed
    d = nearest_day(month, day, ctx, lean)
    return Resolved(dates.day_value(d), "DATE", ANCHOR_DCT) if d else None


def day_resolver(
    month: int,
    day: int,
    year: int | None,
    *,
    follow: Resolver | None = None,
    roll: bool = False,
    lean: int = 0,
) -> Resolver:
    """:func:`resolve_day` for one day, waiting for its context."""
    return partial(
        resolve_day, month=month, day=day, year=year, follow=follow, roll=roll, lean=lean
    )


# What joins the two days of a range: "May 6-7", "June 3 to 5", "between Oct. 22 and 24".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|until|and)\s*")
# What joins the items of a list of dates: "Feb. 5-6, March 18-19 and May 6-7".
_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and|or)?\s*")
# What joins a year to the day it places: "in 2024 on Feb. 5", "in 2024, on Feb. 5".
_YEAR_GAP = re.compile(r"\s*,?\s*(?:on|from|between)\s+")


def listed_day(month: int, day: int, ctx: Context) -> Resolved | None:
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


#: The word before a year-less day that says which side of the DCT it is on; TimeML leaves
#: it out of the extent.
_LEAN = {"last": -1, "past": -1, "ended": -1, "next": 1, "coming": 1}


@rule(
    "month_day",
    priority=50,
    pattern=rf"""
        (?<!\w)
        (?: (?P<wd>{WEEKDAY_RE}) ,?\s+ )?                   # Tuesday, ...
        (?P<mon>{MONTH_RE}) \s* (?P<d>\d{{1,2}}) (?P<s1>{DAY_SUFFIX}) {NOT_NUMBER_AFTER}
        (?: ,?\s+ (?P<y1>{YEAR_RE}) (?!\d) )?               # the opening day's own year
        (?:                                                 # a range: "-5", "and 22", ...
            (?: \s*[-–]\s* | \s+(?:and|to|through|until|till|thru)\s+ )
            (?: (?P<mon2>{MONTH_RE}) \s* )?                 # ... "to Jan. 2"
            (?P<d2>\d{{1,2}}) {DAY_SUFFIX} {NOT_NUMBER_AFTER}
            (?! \s+(?:{MONTH_RE}|{UNIT_RE}|percent|points?|shares?|people|members)\b )
        )?
        (?: ,?\s+ (?P<y>{YEAR_RE}) (?!\d) )?
    """,
    trigger=MONTH_TRIGGER,
    cased=True,
    word_start=True,
    after=MONTH_AFTER,
    examples=("Feb. 19", "March 3-5", "Feb. 21 and 22", "Tuesday, April 15, 2025",
              "Dec. 30 to Jan. 2, 2025"),
)
def parse_month_day(m: re.Match[str], text: str) -> list[Part] | None:
    """ "Feb. 19", "March 3-5, 2025", "Dec. 30 to Jan. 2": one day or a range of two."""
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    year = to_year(m["y1"] or m["y"]) if (m["y1"] or m["y"]) else None
    # "last Nov. 12", "next May 4", "the quarter ended June 30": the word before says which
    # way, though TimeML leaves it out of the extent.
    lean = _LEAN.get(previous_word(text, m.start()).lower(), 0)
    first = day_resolver(month, day, year, lean=lean)
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
        first = day_resolver(month, day, year)
    second = day_resolver(
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


@rule(
    "day_month",
    priority=70,
    pattern=rf"""
        (?<![\d.,$£€/:-])
        (?: (?P<wd>{WEEKDAY_RE}) ,?\s+ )?      # "Friday 3 December": the weekday is part of it
        (?: the\s+ )?
        (?:                                    # "1 to 4 June", "5-16 Aug": days of one month
            (?P<d0>\d{{1,2}}) (?P<s0>{DAY_SUFFIX}) \s* (?:[-–]|to|and|until|till) \s*
        )?
        (?P<d>\d{{1,2}}) {DAY_SUFFIX} \s+ (?:of\s+)? (?P<mon>{MONTH_RE})
        (?: ,?\s+ (?P<y>{YEAR_RE}) (?!\d) )?
        (?!\s*\d)
    """,
    trigger=MONTH_TRIGGER,
    cased=True,
    word_start=True,
    after=MONTH_AFTER,
    examples=("3 December", "Friday 3 December 2021", "1 to 4 June", "the 5th of May"),
)
def parse_day_month(m: re.Match[str], _: str) -> list[Part] | None:
    """ "3 December 2021", "1 to 4 June": British dates, one day or a range in one month."""
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    year = to_year(m["y"]) if m["y"] else None
    second = day_resolver(month, day, year)
    if m["d0"] is None:
        return one(m, second)
    first_day = int(m["d0"])
    if not 1 <= first_day < day:
        return [Part(m.start("d"), m.end(), second)]
    # "from 1 to 4 June": the opening day shares the closing day's month and year.
    first = day_resolver(month, first_day, year)
    return [
        Part(m.start("d0"), m.end("d0") + len(m["s0"] or ""), first),
        Part(m.start("d"), m.end(), second, closes_range=True),
    ]


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
_ORDINAL_DAY_RE = "|".join(
    w.replace(" ", r"\ ") for w in sorted(_ORDINAL_DAY_WORDS, key=len, reverse=True)
)


@rule(
    "month_ordinal",
    priority=60,
    pattern=rf"""
        (?<!\w)
        (?: (?P<wd>{WEEKDAY_RE}) ,?\s+ )?
        (?P<mon>{MONTH_FULL_RE}) \s+ (?P<dw>{_ORDINAL_DAY_RE}) (?![\w-])
        (?: ,?\s+ (?P<y>{YEAR_RE}|{YEAR_WORDS_RE}) (?![\w-]) )?
    """,
    trigger=MONTH_TRIGGER,
    cased=True,
    word_start=True,
    after=MONTH_AFTER,
    examples=("November twelfth", "February twenty-ninth", "June first, nineteen ninety-six"),
)
def parse_month_ordinal(m: re.Match[str], _: str) -> list[Part] | None:
    """ "November twelfth": a day of the month as spoken."""
    if not is_capitalised(m["mon"]) or (m["wd"] and not is_capitalised(m["wd"])):
        return None
    day = _ORDINAL_DAY_WORDS[re.sub(r"\s+", " ", m["dw"].lower())]
    year = to_year(m["y"]) if m["y"] else None
    return one(m, day_resolver(month_number(m["mon"]), day, year))


@rule(
    "week_of",
    priority=180,
    pattern=rf"""
        (?<![\w-])
        the\s+week\s+of\s+
        (?P<mon>{MONTH_RE}) \s* (?P<d>\d{{1,2}}) {DAY_SUFFIX} {NOT_NUMBER_AFTER}
        (?: ,?\s+ (?P<y>{YEAR_RE}) (?!\d) )?
    """,
    trigger=r"week of",
    word_start=True,
    examples=("the week of March 9", "the week of Oct. 12, 2026"),
)
def parse_week_of(m: re.Match[str], _: str) -> list[Part] | None:
    """ "the week of March 9": the ISO week holding that day."""
    if not is_capitalised(m["mon"]):
        return None
    month, day = month_number(m["mon"]), int(m["d"])
    year = to_year(m["y"]) if m["y"] else None
    return one(m, partial(resolve_week_of, by_day=day_resolver(month, day, year)))


def resolve_week_of(ctx: Context, *, by_day: Resolver) -> Resolved | None:
    """The ISO week of the day ``by_day`` resolves to."""
    found = by_day(ctx)
    if found is None:
        return None
    d = date.fromisoformat(found.value)
    return Resolved(dates.week_value(d), "DATE", found.anchor)


# ------------------------------------------------------------------ months


def resolve_month_year(
    ctx: Context,
    *,
    month: int,
    year: int | None,
    rel: str | None,
    rel_year: str | None,
    mod: str | None,
) -> Resolved:
    """A month, its year from the text, a relative word ("last June") or the DCT and tense."""
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


_PERSON_AFTER = re.compile(
    r",\s+who\b|['’]s\s+(?:government|cabinet|wife|husband|office|spokesman|spokeswoman)\b"
    r"|\s+(?:said|says|told|added|argued|insisted|wrote|replied|declined)\b"
)


# What follows "that June" when it is a month: punctuation or a preposition, not a verb.
_AFTER_STORY_MONTH = re.compile(
    r"\s*(?:[,.;:)]|$|(?:at|in|on|when|and|but|as|after|before|to|from|for|with|by|the|a|an)\b)"
)


@rule(
    "month",
    priority=110,
    pattern=rf"""
        (?<!\w)
        (?:                                          # early, the end of, the late part of
            (?P<pre> (?:the\s+)? (?:very\s+)? (?:end|beginning|start|middle|close) \s+of
                   | early | mid | late
                   | the\s+(?:early|late)\s+part\s+of )
            (?:\s+|-)?
        )?
        (?:                                          # last, this coming, the following
            (?P<rel> last | this | next | this\s+past | this\s+coming | past | coming | that
                   | the\s+following | the\s+next | the\s+previous )
            \s+
        )?
        (?P<mon>{MONTH_FULL_RE})
        (?: ,?\s+ (?:of\s+)? (?P<y>{YEAR_RE}|'\d\d|{YEAR_WORDS_RE}) (?![\d%])   # June 2024
          | \s+ (?:of\s+)? (?P<ry>this|last|next) \s+year                      # June next year
        )?
        (?![\w-])
    """,
    trigger=MONTH_TRIGGER,
    cased=True,
    word_start=True,
    after=MONTH_AFTER,
    examples=("June", "last June", "early March 2024", "the end of May", "September next year"),
)
def parse_month(m: re.Match[str], text: str) -> list[Part] | None:
    """ "June", "last June", "mid-March 2024": a month, unless the word is a name or a verb."""
    word = m["mon"]
    if not is_capitalised(word):
        return None
    if not (m["y"] or m["ry"]) and re.compile(r"\s*\d{1,2}(?!\d)").match(text, m.end()):
        return None  # "last Nov. 12": the day rule takes "Nov. 12"
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if (
        rel in ("that", "the following", "the next", "the previous")
        and word.lower() in ("may", "june", "april", "august", "march")
        and not (m["y"] or m["ry"] or _AFTER_STORY_MONTH.match(text, m.end()))
    ):
        return None  # "said that May would resign": a person
    bare = not (m["pre"] or m["rel"] or m["y"] or m["ry"])
    if bare and _bare_month_is_no_date(m, text, word):
        return None
    year = to_year(m["y"]) if m["y"] else None
    return one(
        m,
        partial(
            resolve_month_year,
            month=month_number(word),
            year=year,
            rel=m["rel"],
            rel_year=m["ry"],
            mod=mod_of(m["pre"]),
        ),
    )


def _bare_month_is_no_date(m: re.Match[str], text: str, word: str) -> bool:
    """A month name alone that is a name, a verb or part of a title instead."""
    if looks_like_name(text, m.start()):
        return True
    after = text[m.end() : m.end() + 20]
    # "Theresa May", "May Day", "March Madness": a capitalised word right after.
    if re.match(r"\s+[A-Z][a-z]", after) and not re.match(
        r"\s+(?:The|This|That|It|He|She|They|We|In|On|At|And|But)\b", after
    ):
        return True
    if word.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still)\b", after):
        return True
    if (
        word.lower() == "march"
        and re.match(
            r"\s+(?:to|on|through|into|toward|towards|against|in|from|down|up)\b", after
        )
        and previous_word(text, m.start()).lower() not in ("in", "since", "until", "by")
    ):
        return True
    if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", after):
        return True  # "the March for Life", "the March of the Mothers": a name
    # "May, who watched the count", "May said": a person
    return _PERSON_AFTER.match(text, m.end()) is not None


# ------------------------------------------------------------------ seasons

_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def season_year(code: str, dct: date, rel: str, direction: int) -> int:
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


@rule(
    "season",
    priority=120,
    pattern=rf"""
        (?<![\w-])
        (?P<det> (?: (?:the|this|last|next|past|coming|early|late|mid|that|following
                       |previous) (?:\s+|-) )* )
        (?P<s>{SEASON_RE}) (?![\w-])
        (?: ,?\s+ (?:of\s+)? (?P<y>{YEAR_RE}|'\d\d|{YEAR_WORDS_RE}) (?![\d%])  # summer 2024
          | \s+ (?:of\s+)? (?P<ry>this|last|next) \s+year                     # spring next year
        )?
    """,
    trigger=r"spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter",
    word_start=True,
    examples=("this summer", "last winter", "the following spring", "autumn 2024",
              "late fall"),
)
def parse_season(m: re.Match[str], text: str) -> list[Part] | None:
    """ "this summer", "the following spring", "autumn 2024": a season, not a name or verb."""
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
            preposition = TIME_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()])
            if word in ("fall", "spring") and ("the" not in dets or not preposition):
                return None
            if not dets and not preposition:
                return None
            if re.match(r"\s+(?:of|in|to|from)\b", after, re.IGNORECASE):
                return None
    return one(
        m,
        partial(
            resolve_season,
            code=code,
            year=year,
            ry=(m["ry"] or "").lower(),
            dets=tuple(dets),
            story_rel=next((d for d in dets if d in ("following", "previous")), ""),
            rel=next((d for d in dets if d in ("last", "next", "past", "coming", "this")), ""),
            mod=mod_of(" ".join(d for d in dets if d in ("early", "late", "mid"))),
        ),
    )


def resolve_season(
    ctx: Context,
    *,
    code: str,
    year: int | None,
    ry: str,
    dets: tuple[str, ...],
    story_rel: str,
    rel: str,
    mod: str | None,
) -> Resolved:
    """A season's value: its stated year, a relative year, the story's year or the DCT's."""
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
        season_of_year = sy - 1 if sm in (1, 2) else sy  # a winter takes its December's year
        if story_rel == "following":
            y = season_of_year if order > story_season else season_of_year + 1
        else:
            y = season_of_year if order < story_season else season_of_year - 1
        return Resolved(f"{y:04d}-{code}", "DATE", anchor, mod)
    else:
        y = season_year(code, ctx.dct, rel, ctx.direction)
    return Resolved(f"{y:04d}-{code}", "DATE", ANCHOR_DCT, mod)


# ------------------------------------------------------------------ years and longer

# "nineteen ninety-six" says a year on its own; "two thousand" or "twenty" need "in" first.
_SPOKEN_YEAR = re.compile(
    r"(?:eighteen|nineteen|twenty)[\s-](?:twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)",
    re.IGNORECASE,
)
# A number right after one of these words is a model, a flight or an amount, not a year.
_NOT_YEAR_BEFORE = re.compile(
    r"""[$£€\#]\s*$ | \d[.,]?\s*$
      | \b(?:No|Nos|Flight|Model|Section|Article|Room|Route|Highway|Chapter|Page|Box|Suite
            |Number|Rule|Resolution|Item|Form|Windows|Boeing|Airbus|Interstate|I|Act|Bill
            |Grade|Level|Channel|Apt|Unit|Lot)\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A number right before one of these is an amount or a phone number ("1800 226 216").
_NOT_YEAR_AFTER = re.compile(
    r"""\s*(?: % | percent | per\s+cent | [.,]\d | -\d{3} | \s\d{3,4}\b
             | \s*(?:million|billion|thousand|hundred|trillion|shares|people|workers|jobs
                  |troops|soldiers|votes|points|feet|miles|meters|metres|tons|tonnes|barrels
                  |dollars|yen|euros|marks|francs|cars|units|employees|students|members
                  |acres|homes|residents|copies|pounds)\b)""",
    re.IGNORECASE | re.VERBOSE,
)


@rule(
    "year",
    priority=150,
    pattern=rf"""
        (?<![\w$£€\#.,'’/-])
        (?:
            (?P<pre>                                 # the end of, early, mid, year-end
                (?:the\s+)? (?:very\s+)?
                (?: (?:end|beginning|start|middle|close|rest|remainder) \s+of
                  | early | mid | late | year-end )
                (?:\s+|-) (?:the\s+)? (?:year\s+)?
            )
          | (?:the\s+)? (?P<half>(?:first|second|last|latter|back|front) \s+half) \s+ (?:of\s+)?
        )?
        (?P<fy>                                      # fiscal, the calendar year, the year
            (?: (?:the\s+)? (?:fiscal|calendar|model|school|academic|tax) (?:\s+year)?
              | the\s+year )
            \s+
        )?
        (?P<y>{YEAR_RE}|(?P<yw>{YEAR_WORDS_RE}))
        (?![\w%-]|\.\d|,\d|['’]s\b)
    """,
    trigger=DIGIT_TRIGGER,
    # Four digits (no percentage) or year words.
    after=re.compile(r"\d\d(?![\d%])|(?<=[a-z])"),
    examples=("1998", "fiscal 2024", "the end of 2019", "early 2019",
              "nineteen ninety-six"),
)
def parse_year(m: re.Match[str], text: str) -> list[Part] | None:
    """ "1998", "fiscal 2024", "the first half of 2025": a year, not an amount or a model."""
    if _NOT_YEAR_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
        return None
    if _NOT_YEAR_AFTER.match(text[m.end() : m.end() + 30]):
        return None
    year = to_year(m["y"])
    if year is None:
        return None
    if (
        m["yw"]
        and not (m["fy"] or m["pre"])
        and not _SPOKEN_YEAR.match(m["yw"])
        and not TIME_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    half = m["half"]
    if half:
        n = 1 if half.lower().split()[0] in ("first", "early", "front") else 2
        return one(m, fixed(f"{year:04d}-H{n}"))
    return one(m, fixed(f"{year:04d}", mod=mod_of(m["pre"])))


_TEMPERATURE_BEFORE = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|readings|mercury|thermometers?|wind\s+chills?)\b"
    r"[^.;]*$",
    re.IGNORECASE,
)
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule(
    "decade",
    priority=130,
    pattern=r"""
        (?<![\w$'’-])
        (?: (?:the\s+)? (?P<half>first|second|last|latter) \s+half\s+of\s+ )?
        (?P<the>the\s+)?
        (?: (?P<pre>early|mid|late) (?:\s+|-) )?
        (?: (?P<dec> (?:1[0-9]|20)\d0s | ['’]?\d0s )                       # 1990s, '80s
          | (?: (?P<cent>nineteen|eighteen) [\s-]? )?                     # the nineteen-
            (?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)
        )
        \b
    """,
    trigger=r"0s|ties",
    examples=("the 1990s", "the early '80s", "the nineties", "the first half of the 1970s"),
)
def parse_decade(m: re.Match[str], text: str) -> list[Part] | None:
    """ "the 1990s", "the late '80s", "the nineties": a decade, not a temperature."""
    raw = (m["dec"] or "").lower().lstrip("'’")
    # "the first half of the '80s" is the decade's start, "the last half" its end.
    half = {"first": "START"}.get((m["half"] or "").lower(), "END") if m["half"] else None
    mod = half or mod_of(m["pre"])
    if m["word"]:
        tens = _DECADE_WORDS[m["word"].lower()]
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


@rule(
    "century",
    priority=140,
    pattern=r"""
        (?:the\s+)?
        (?: (?P<pre>early|mid|late) (?:\s+|-) )?
        (?: (?P<rel>this|last|next|past|previous)
          | (?P<n> \d{1,2}(?:st|nd|rd|th) | first | second | third | fourth | fifth | sixth
                 | seventh | eighth | ninth | tenth | eleventh | twelfth | thirteenth
                 | fourteenth | fifteenth | sixteenth | seventeenth | eighteenth | nineteenth
                 | twentieth | twenty-first | twenty-second )
        )
        [\s-]+ century \b
      |                                              # the end of the century, of this decade
        (?:the\s+)? (?P<part>end|close|middle|start|beginning) \s+of\s+ (?:the|this) \s+
        (?P<unit>century|decade) \b
    """,
    trigger=r"century|Century|of the decade|of this decade",
    examples=("the 19th century", "the last century", "the end of the decade",
              "the early twentieth century"),
)
def parse_century(m: re.Match[str], _: str) -> list[Part] | None:
    """ "the 19th century", "last century", "the end of this decade"."""
    if m["part"]:
        # "by the end of the century", "the middle of this decade": the DCT's, with a mod.
        digits = 2 if m["unit"].lower() == "century" else 3
        return one(
            m, partial(resolve_dct_period, digits=digits, mod=PART_MOD[m["part"].lower()])
        )
    mod = mod_of(m["pre"])
    if m["rel"]:
        rel = m["rel"].lower()
        delta = -1 if rel in ("last", "past", "previous") else (1 if rel == "next" else 0)
        return one(m, partial(resolve_relative_century, delta=delta, mod=mod))
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


def resolve_dct_period(ctx: Context, *, digits: int, mod: str) -> Resolved:
    """The DCT's century (2 digits) or decade (3 digits), with a part-of mod."""
    return Resolved(str(ctx.dct.year)[:digits], "DATE", ANCHOR_DCT, mod)


def resolve_relative_century(ctx: Context, *, delta: int, mod: str | None) -> Resolved:
    """The century ``delta`` centuries from the DCT's."""
    return Resolved(f"{ctx.dct.year // 100 + delta:02d}", "DATE", ANCHOR_DCT, mod)
