"""Durations: "three days", "about two weeks", "a year and a half", "a 10-year", "the past
months".

A count of units is a DURATION ("P3D"); an unknown count an X ("several years" -> PXY).
"""

from __future__ import annotations

import re
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import (
    NUMBER_RE,
    NUMBER_WORDS_RE,
    UNIT_ADJ_RE,
    UNIT_CODE,
    UNIT_RE,
    VAGUE_RE,
    parse_number,
    unit_key,
)
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import NUMBERISH, UNIT_TRIGGER, fixed, mod_of, one
from timeline.temporal.rules.relative import unit_value
from timeline.timex import ANCHOR_DCT, ANCHOR_NONE


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

#: Modifiers outside the extent's core ("about two weeks") and inside it ("more than").
_MOD_OUTSIDE = r"(?:about|around|roughly|approximately|only|within|barely|just|some|another)"
_MOD_INSIDE = r"""
    (?: more\s+than | less\s+than | fewer\s+than | at\s+least | at\s+most | up\s+to
      | no\s+more\s+than | no\s+less\s+than | nearly | almost | over(?!\s+the\b) | under
      | an\s+additional | a\s+full )
"""


@rule(
    "duration",
    priority=290,
    pattern=rf"""
        (?<![\w$£€.,-])
        (?: (?P<xmod>{_MOD_OUTSIDE}) \s+ )?
        (?P<body>
            (?: (?P<mod>{_MOD_INSIDE}) \s+ )?
            (?: (?P<det>the|its|their|his|her|our) \s+ )?
            (?: (?P<rel> past | last | next | first | coming | previous | final | following
                       | latest | initial | remaining | same | prior | preceding | ensuing
                       | intervening | succeeding | other | better\s+part\s+of )
                \s+ )?
            (?: (?P<n0>{NUMBER_RE}) \s+ (?:to|or) \s+ )?          # "two to", "three or"
            (?P<n>{NUMBER_RE}|an?|{VAGUE_RE}) (?<!\bsome)
            (?P<nhalf>\s+and\s+a\s+half)?                       # two and a half years
            \s+
            (?: (?:more|additional|full|straight|consecutive|long|short|extra|further|whole)
                \s+ )?
            (?P<u>{UNIT_RE})
            (?P<half>\s+and\s+a\s+half)?                        # a year and a half
            (?: \s+ (?: or\s+(?:so|more|longer)                 # or so
                      | (?:or|to) \s+ (?P<n2>{NUMBER_RE}) \s+ {UNIT_RE} ) )?  # or three days
        )
        (?![\w-])
    """,
    trigger=UNIT_TRIGGER,
    word_start=True,
    before=rf"""{NUMBERISH}
        (?: [\s-]+ (?: more | additional | full | straight | consecutive | long | short
                     | extra | further | whole | trading | business | working ) )?
        \s+$""",
    reach=(42, 26),
    examples=("three days", "about [two weeks]", "a year and a half", "more than 10 years",
              "several months", "the past two years"),
)
def parse_duration(m: re.Match[str], text: str) -> list[Part] | None:
    """ "three days", "more than 10 years": a duration, not an age, a rate or a title."""
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
        # "three quarters of the voters" is a fraction; "several quarters of growth" counts
        # periods (a vague amount, and no whole after "of").
        return None
    if re.compile(r"[\s-]+old\b").match(text, m.end()):
        return None  # "41 years old": an age, which TimeML news corpora leave unmarked
    if m["u"][:1].isupper() and not m["body"][:1].isupper():
        return None  # "the 24 Hours show": after a number, a capitalised unit is a title
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
        # "she will one day lead", "the hope they one day return": some day, not 24 hours.
        return one(m, fixed("FUTURE_REF", "DATE", ANCHOR_DCT), "body")
    if (
        n_raw in ("a", "an")
        and _SET_BEFORE.search(before)
        and not m["mod"]
        and not m["det"]
        and not m["rel"]
    ):
        # "$40 million a year", "12,000 a month": a rate, which TimeML leaves unmarked.
        return None
    rel = (m["rel"] or "").lower()
    det = (m["det"] or "").lower()
    if rel == "last" and not det and not m["mod"] and _VERB_LAST_BEFORE.search(before):
        # "the talks will last two hours": the verb, outside the extent.
        return [Part(m.start("n"), m.end(), fixed(value, "DURATION", mod=mod))]
    # "in three weeks" in a future clause is a date three weeks ahead, not a duration.
    may_be_date = (
        re.search(r"\bin\s+$", before, re.IGNORECASE) is not None
        and not rel
        and not det
        and not m["mod"]
        and number is not None
        and number.is_integer()
        and unit in ("day", "week", "month", "year")
    )
    resolver = partial(
        resolve_duration,
        value=value,
        mod=mod,
        anchor=ANCHOR_DCT if rel in ("past", "last", "next", "coming") else ANCHOR_NONE,
        date_ahead=(unit, int(number)) if may_be_date and number is not None else None,
    )
    return one(m, resolver, "body")


def resolve_duration(
    ctx: Context, *, value: str, mod: str | None, anchor: str,
    date_ahead: tuple[str, int] | None,
) -> Resolved:
    """The duration, or, for "in three weeks" in a future clause, the period that far ahead."""
    if date_ahead is not None and ctx.direction > 0:
        unit, count = date_ahead
        day = dates.shift(ctx.dct, unit, count)
        return Resolved(unit_value(unit, day), "DATE", ANCHOR_DCT)
    return Resolved(value, "DURATION", anchor, mod)


@rule(
    "unit_adjective",
    priority=300,
    pattern=rf"""
        (?<![\w$£€.,-])
        (?: (?P<n> \d+(?:\.\d+)? | {NUMBER_WORDS_RE} | half ) [\s-] )?   # "10-", "two-"
        (?P<u>{UNIT_ADJ_RE}) (?P<pl>s)?
        (?: -long\b | (?(n) (?=[\s,-]) | (?!) ) )        # "decades-long", or after a number
        (?!-old\b)
        (?!-(?:point|mile|inch|foot|meter|high|low|ton))
    """,
    trigger=UNIT_TRIGGER,
    word_start=True,
    before=rf"{NUMBERISH} [\s-]$",
    after=re.compile(r"\w*-long\b"),
    reach=(14, 12),
    examples=("a [10-year] bond", "a [two-week] trip", "decades-long", "a [half-hour] show",
              "year-long"),
)
def parse_unit_adjective(m: re.Match[str], text: str) -> list[Part] | None:
    """ "a 10-year bond", "a two-week trip", "decades-long": a duration as an adjective."""
    unit = unit_key(m["u"])
    if unit == "quarter" and m["pl"]:
        return None  # "three-quarters of the voters": a fraction
    if re.compile(r"[\s-]+old\b").match(text, m.end()):
        return None  # "41 years old": an age
    if m["n"] and m["u"][:1].isupper() and not m["n"][:1].isupper():
        return None  # "24 Hours": a title
    if m["n"]:
        number = 0.5 if m["n"].lower() == "half" else parse_number(m["n"])
        if number is None:
            return None
    else:
        number = None if m["pl"] else 1.0
    return one(m, fixed(duration_value(number, unit), "DURATION"))


@rule(
    "bare_units",
    priority=310,
    pattern=r"""
        (?<![\w-])
        (?: (?P<lead> (?:the\s+)? (?: (?:most\s+)? recent | coming | past | last | next
                                    | previous | ensuing | intervening | following | early
                                    | first )
                      (?:\s+|-)
                    | (?<=for\s) )
          | (?<=within\s) | (?<=in\s)
          | the\s+ (?=\w+\s+ahead\b)                     # "the weeks ahead"
          | (?<=over\s) the\s+                           # "over the years"
        )
        (?P<u>years|months|weeks|days|decades|centuries|hours|minutes)
        (?:\s+ahead)?
        (?![\w-])
    """,
    trigger=UNIT_TRIGGER,
    word_start=True,
    before=r"""\b(?: recent | coming | past | last | next | previous | ensuing | intervening
                   | following | early | first | for | within | in | the )
               [\s-]+$""",
    reach=(24, 10),
    examples=("the coming months", "recent years", "the weeks ahead", "the past decades"),
)
def parse_bare_units(m: re.Match[str], text: str) -> list[Part] | None:
    """ "the coming months", "recent years": a stretch of unknown length (or the past)."""
    unit = unit_key(m["u"])
    lead = (m["lead"] or "").lower()
    if "recent" in lead and unit == "year":
        return one(m, fixed("PAST_REF"))
    return one(m, fixed(duration_value(None, unit), "DURATION"))
