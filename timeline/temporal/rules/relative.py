"""Expressions relative to the DCT: "today", "Tuesday", "next week", "the weekend", "this
year", "the end of the month", "now", "recently".

Bare weekdays and units read the tense of their clause for their direction; "the following
week" and "that month" count from the story's own dates instead.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import (
    DAYPART_CODE,
    DAYPART_RE,
    MONTH_RE,
    NUMBER_RE,
    UNIT_RE,
    VAGUE_RE,
    WEEKDAY_RE,
)
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import (
    PART_MOD,
    UNIT_TRIGGER,
    fixed,
    is_capitalised,
    mid_sentence,
    mod_of,
    one,
    weekday_number,
)
from timeline.timex import ANCHOR_DCT

#: Days named by a word, as offsets from the DCT.
DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def with_daypart(
    day: date,
    part: str | None,
    anchor: str,
    mod: str | None = None,
) -> Resolved:
    """A day as a DATE, or as a TIME of that part of the day ("Monday night": ...TNI)."""
    if part:
        code = DAYPART_CODE.get(part.lower().rstrip("s"))
        if code:
            return Resolved(f"{dates.day_value(day)}T{code}", "TIME", anchor, mod)
    return Resolved(dates.day_value(day), "DATE", anchor, mod)


def unit_value(unit: str, day: date) -> str:
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


# ------------------------------------------------------------------ day words

# "overnight" as an adverb: before punctuation, a preposition or a clause.
_OVERNIGHT_ADVERB = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:and|as|when|after|before|in|on|at|to|the|a|from|while|but)\b)"
)


@rule(
    "day_word",
    priority=240,
    pattern=rf"""
        (?<![\w-])
        (?: (?P<m>early|late) \s+ )?
        (?P<w> today | tomorrow | yesterday | tonight | overnight
             | the\s+day\s+before\s+yesterday | the\s+day\s+after\s+tomorrow )
        (?: \s+ (?P<dp>{DAYPART_RE}) )?               # tomorrow morning
        (?![\w-])
    """,
    trigger=r"today|tomorrow|yesterday|tonight|overnight|Today|Tomorrow|Yesterday|Tonight"
    r"|Overnight",
    word_start=True,
    reach=(26, 16),
    examples=("today", "tomorrow morning", "late yesterday", "the day after tomorrow", "tonight"),
)
def parse_day_word(m: re.Match[str], text: str) -> list[Part] | None:
    """ "today", "tomorrow morning", "the day before yesterday", "overnight" (the adverb)."""
    word = m["w"].lower()
    if "before" in word:
        offset = -2
    elif "after" in word:
        offset = 2
    elif word == "overnight":
        if not _OVERNIGHT_ADVERB.match(text, m.end()):
            return None  # "an overnight curfew": an adjective, no time of its own
        return one(m, resolve_overnight)
    else:
        offset = DAY_WORD_OFFSET[word]
    # "tonight" is a part of the day, as "Monday night" is.
    part = m["dp"] or ("night" if word == "tonight" else None)
    return one(m, partial(resolve_day_word, offset=offset, part=part, mod=mod_of(m["m"])))


def resolve_overnight(ctx: Context) -> Resolved:
    """The night just past in a report, the story's night in a narrative."""
    day, anchor = ctx.story_day()
    if anchor == ANCHOR_DCT and ctx.direction <= 0:
        day -= timedelta(days=1)
    return Resolved(dates.day_value(day) + "TNI", "TIME", anchor)


def resolve_day_word(ctx: Context, *, offset: int, part: str | None, mod: str | None) -> Resolved:
    """The day ``offset`` days from the DCT, with its part of the day."""
    return with_daypart(ctx.dct + timedelta(days=offset), part, ANCHOR_DCT, mod)


# ------------------------------------------------------------------ weekdays

# Names built on a weekday ("Black Friday", "Super Tuesday") are not dates of that week.
_WEEKDAY_NAME = re.compile(
    r"\b(?:Black|Good|Super|Ash|Palm|Holy|Easter|Bloody|Cyber|Maundy"
    r"|Shrove|Man|Girl|Joe|Fat|Blue)\s+$"
)


@rule(
    "weekday",
    priority=260,
    pattern=rf"""
        (?<![\w-])
        (?: (?P<m>early|late|mid) \s+ )?
        (?: (?P<rel> last | next | this\s+coming | this\s+past | this | coming | past
                   | the\s+previous | the\s+following | the\s+next | the\s+same )
            \s+ )?
        (?P<wd>{WEEKDAY_RE}) (?P<pl>s)?                # Sundays: a set
        (?:                                            # "Sunday 18th", "Tuesday, the 13th"
            ,?\s+ (?:the\s+)? (?P<dom>[1-3]?\d) (?:st|nd|rd|th)
            (?! \s+ (?:of\s+)? {MONTH_RE} ) \b
        )?
        (?: \s+ (?P<dp>{DAYPART_RE}) s? )?             # Monday night
        (?: \s+ (?:of\s+)? (?P<wk>next|last|this) \s+week )?   # "Friday next week"
        (?![\w-])
    """,
    trigger=r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    cased=True,
    reach=(26, 16),
    examples=("Tuesday", "next Friday", "Monday night", "the following Sunday",
              "Friday next week", "Sundays", "Sunday 18th"),
)
def parse_weekday(m: re.Match[str], text: str) -> list[Part] | None:
    """ "Tuesday", "next Friday", "Sundays" (a set), "Sunday 18th", "Friday next week"."""
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
    return one(
        m,
        partial(
            resolve_weekday,
            weekday=weekday,
            rel=rel,
            part=part,
            mod=mod_of(m["m"]),
            week={"last": -1, "this": 0, "next": 1}.get((m["wk"] or "").lower()),
            day_of_month=int(m["dom"]) if m["dom"] else None,
        ),
    )


def resolve_weekday(
    ctx: Context,
    *,
    weekday: int,
    rel: str,
    part: str | None,
    mod: str | None,
    week: int | None,
    day_of_month: int | None,
) -> Resolved:
    """A weekday: of the week named, of its day of the month, of the story, or near the DCT
    (the tense says which way)."""
    dct = ctx.dct
    if week is not None:
        # "Friday next week": that weekday of the week named.
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=week)
        return with_daypart(monday + timedelta(days=weekday - 1), part, ANCHOR_DCT, mod)
    if day_of_month is not None and (
        day := weekday_of_month_day(weekday, day_of_month, dct, ctx.direction)
    ):
        return with_daypart(day, part, ANCHOR_DCT, mod)
    if rel in ("the following", "the next", "the previous", "the same"):
        base, anchor = ctx.story_day()
        if rel == "the previous":
            day = base - timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1)
        else:
            day = base + timedelta(days=(weekday - base.isoweekday() - 1) % 7 + 1)
        return with_daypart(day, part, anchor, mod)
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
    return with_daypart(day, part, ANCHOR_DCT, mod)


def weekday_of_month_day(weekday: int, day: int, dct: date, direction: int) -> date | None:
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


# ------------------------------------------------------------------ units: next week, this year

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
#: A day named only by these is no date ("this day", "the past day").
_NO_DAY_REL = (
    "this", "the current", "the present", "current", "past", "coming", "the past", "the last"
)


@rule(
    "relative_unit",
    priority=270,
    pattern=r"""
        (?<![\w-])
        (?:                                              # early, later, the end of
            (?P<pre> early | late | earlier | later | mid
                   | the\s+ (?:very\s+)?
                     (?:end|beginning|start|middle|close|rest|remainder|balance|turn) \s+of )
            (?:\s+|-)
        )?
        (?P<rel> this\s+past | this\s+coming | this | last | next | past | the\s+past
               | the\s+last | the\s+coming | coming | the\s+previous | previous
               | the\s+following | the\s+current | the\s+next | the\s+same | that
               | the\s+prior | the\s+present | the\s+preceding | current | in\s+the )
        \s+
        (?P<u> week(?:end)? | month | year | decade | century | day
             | morning | afternoon | evening | night
             | (?:fiscal|calendar|school) \s+year )
        (?![\w-])
    """,
    trigger=UNIT_TRIGGER,
    word_start=True,
    before=r"""\b(?: past | coming | this | last | next | previous | following | current
                   | same | that | prior | present | preceding | fiscal | calendar | school
                   | (?:earlier|later) \s+in\s+the )
               \s+$""",
    reach=(42, 12),
    examples=("next week", "last month", "this year", "the following week", "later this month",
              "this weekend", "the previous day", "earlier in the week"),
)
def parse_relative_unit(m: re.Match[str], text: str) -> list[Part] | None:
    """ "next week", "last month", "the following day", "later this month"."""
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
    if m["rel"][:1].isupper() and m["u"][:1].isupper() and mid_sentence(text, m.start("rel")):
        return None  # a capitalised title inside a sentence ("This Week")
    mod = mod_of(m["pre"])
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    if part:
        unit = "day"
    if unit == "day" and not part and rel in _NO_DAY_REL:
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
    return one(
        m,
        partial(
            resolve_relative_unit, unit=unit, rel=rel, step=step, story=story, part=part, mod=mod
        ),
    )


def resolve_relative_unit(
    ctx: Context, *, unit: str, rel: str, step: int, story: bool, part: str | None,
    mod: str | None,
) -> Resolved:
    """The period ``step`` units from the DCT, or from the story's date when ``story``."""
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
            return with_daypart(base - timedelta(days=1), part, anchor, mod)
        return with_daypart(base + timedelta(days=step), part, anchor, mod)
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
    return Resolved(unit_value(unit, day), "DATE", anchor, mod)


@rule(
    "weekend",
    priority=190,
    pattern=r"(?<![\w-]) the\s+weekend (?![\w-])",
    trigger=r"weekend",
    word_start=True,
    reach=(6, 2),
    examples=("the weekend",),
)
def parse_weekend(m: re.Match[str], text: str) -> list[Part] | None:
    """ "the weekend": the coming one in a future clause or on a weekend, else the last."""
    if m.group()[:1] == "T" and mid_sentence(text, m.start()) and text[m.start() + 4] == "W":
        return None  # "The Weekend ..." inside a sentence: a programme's name
    return one(m, resolve_weekend)


def resolve_weekend(ctx: Context) -> Resolved:
    """The weekend of the DCT's week, or the one before it in a past clause on a weekday."""
    dct = ctx.dct
    weekday = dct.isoweekday()
    if weekday >= 6 or ctx.direction > 0:
        day = dct + timedelta(days=max(0, 6 - weekday))
    else:
        day = dct - timedelta(days=weekday)
    return Resolved(dates.week_value(day) + "-WE", "DATE", ANCHOR_DCT)


@rule(
    "the_year",
    priority=170,
    # "The year before", "the year 1990" and "the year's end" belong to other rules.
    pattern=r"""
        (?<![\w-])
        the\s+ (?: (?:full|fiscal|calendar|entire|whole) \s+ )? year (?![\w-])
        (?! ['’]s | \s+ (?:before|after|earlier|later|ago|\d|of\s+(?:the|\d)) )
    """,
    trigger=r"year",
    word_start=True,
    reach=(20, 24),
    examples=("the year", "the full year", "the fiscal year"),
)
def parse_the_year(m: re.Match[str], text: str) -> list[Part] | None:
    """ "for the year", "the full year": the year of the report (or a twelve-month period)."""
    after = text[m.end() : m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to|through|that\s+ended)\b", after, re.IGNORECASE):
        # "the year ended March 31": a twelve-month reporting period, not a calendar year.
        return one(m, fixed("P1Y", "DURATION"))
    return one(m, resolve_dct_year)


def resolve_dct_year(ctx: Context) -> Resolved:
    """The DCT's year."""
    return Resolved(f"{ctx.dct.year:04d}", "DATE", ANCHOR_DCT)


@rule(
    "nth_day",
    priority=210,
    # "Today is the eighth day of the strike": the day of the report, counted within
    # something longer.
    pattern=r"""
        \b (?:today|it|this) (?: \s+is | ['’]s | \s+marks ) \s+
        (?P<day> the\s+
            (?: \d{1,3}(?:st|nd|rd|th) | first | second | third | fourth | fifth | sixth
              | seventh | eighth | ninth | tenth | eleventh | twelfth | thirteenth | fourteenth
              | fifteenth | twentieth | thirtieth | hundredth )
            \s+ (?:straight\s+)? day )
        \b
    """,
    trigger=r"day",
    word_start=True,
    reach=(40, 4),
    examples=("Today is [the eighth day] of the strike", "it marks [the 100th day]"),
)
def parse_nth_day(m: re.Match[str], _: str) -> list[Part] | None:
    """ "it is the eighth day (of ...)": the DCT's day."""
    return one(m, resolve_dct_day, "day")


def resolve_dct_day(ctx: Context) -> Resolved:
    """The DCT's day."""
    return Resolved(dates.day_value(ctx.dct), "DATE", ANCHOR_DCT)


@rule(
    "year_end",
    priority=160,
    pattern=r"""
        (?<![\w-])
        (?: year[\s-]end | year['’]s\s+end
          | (?:the\s+)? (?P<part>end|start|beginning|middle|close) \s+of\s+ (?:the|this) \s+
            (?:year|month)
          | month[\s-]end )
        (?![\w-])
    """,
    trigger=r"ear-end|ear end|ear's end|ear’s end|of the year|of the month|of this year"
    r"|of this month|onth-end|onth end",
    examples=("year-end", "the end of the month", "the start of this year", "month-end"),
)
def parse_year_end(m: re.Match[str], _: str) -> list[Part] | None:
    """ "year-end", "the end of the month": the DCT's year or month, with a part-of mod."""
    unit = "month" if "month" in m.group().lower() else "year"
    mod = PART_MOD[m["part"].lower()] if m["part"] else "END"
    return one(m, partial(resolve_dct_unit, unit=unit, mod=mod))


def resolve_dct_unit(ctx: Context, *, unit: str, mod: str | None) -> Resolved:
    """The DCT's period of ``unit``, with a mod."""
    return Resolved(unit_value(unit, ctx.dct), "DATE", ANCHOR_DCT, mod)


# ------------------------------------------------------------------ references: now, recently

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
_REF_RE = "|".join(k.replace(" ", r"\s+") for k in sorted(_REFS, key=len, reverse=True))
# "current account", "the current quarter": an economics term or a period rule's.
_NOT_CURRENT_AFTER = re.compile(
    r"\s+(?:accounts?|affairs|events|assets|liabilities|liabilities|ratio|density|flows?"
    rf"|law|rules|models?|{UNIT_RE}|fiscal|calendar|half|period|term)\b|-",
    re.IGNORECASE,
)
_COUNTED_AFTER = re.compile(rf"\s+(?:{NUMBER_RE}|{VAGUE_RE})\b", re.IGNORECASE)


@rule(
    "ref",
    priority=320,
    pattern=rf"(?<![\w-]) (?:{_REF_RE}) (?![\w-])",
    trigger=r"now|Now|NOW|present|Present|recent|Recent|lately|Lately|past|future|term"
    r"|moment|days|later|ahead|possible|coming|current|Current|these|These",
    word_start=True,
    reach=(26, 16),
    examples=("now", "recently", "the near future", "these days", "the long term"),
)
def parse_ref(m: re.Match[str], text: str) -> list[Part] | None:
    """ "now", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF."""
    key = re.sub(r"\s+", " ", m.group().lower())
    if key == "current" and _NOT_CURRENT_AFTER.match(text, m.end()):
        return None
    if key == "now" and re.compile(r"[\s-]+(?:defunct|closed|retired|former)").match(text, m.end()):
        return None
    if key in ("the past", "the future") and _COUNTED_AFTER.match(text, m.end()):
        # "the past four winters", "the past few seasons": a counted stretch, not the past.
        return None
    return one(m, fixed(_REFS[key], "DATE", ANCHOR_DCT))
