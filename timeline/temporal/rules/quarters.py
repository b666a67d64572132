"""Quarters and halves of a year: "the third quarter", "Q3 2024", "the year-ago period",
"the April-June quarter", "the second half".

Without a year a quarter refers back to the one the story reports on, or to the latest one
over: results are reported for quarters that have ended.
"""

from __future__ import annotations

import re
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import MONTH_FULL_RE, ORDINAL_NUMBER
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import ORD_RE, YEAR_RE, month_number, one, to_year
from timeline.timex import ANCHOR_DCT, ANCHOR_NONE

_YEAR_AGO = re.compile(
    r"year[\s-]*(?:ago|earlier)|prior[\s-]year|corresponding|comparable|same", re.IGNORECASE
)


# Results are reported once their quarter is over: "will report fourth-quarter results on
# Jan. 29" in January names the quarter just ended, not the coming one.
_RESULTS_AFTER = re.compile(r"[\s-]+(?:financial\s+|earnings\s+|operating\s+)?results\b", re.I)


# "on hold until at least the fourth quarter": a time still to come.
_SPAN_END_BEFORE = re.compile(r"\b(?:until|till|through|by)\s+(?:at\s+least\s+)?$", re.I)


def resolve_quarter(
    ctx: Context,
    *,
    ordinal: int | None,
    unit: str,
    year: int | None,
    rel: str,
    full: str,
    results: bool = False,
    span_end: bool = False,
) -> Resolved:
    """A quarter (``unit`` "Q") or half ("H"); without a year it refers back or to the latest.

    ``ordinal`` is its number (-1 for the last), None for "the quarter"; ``rel`` a relative
    word ("last", "this"); ``full`` the whole phrase (for "year-ago", "period").
    """
    year_ago = bool(_YEAR_AGO.search(full))
    per_year = 4 if unit == "Q" else 2
    period = re.search(r"\bperiod\b", full, re.IGNORECASE) is not None
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
        # "For the six months, ... against the 2023 period": a whole year's span.
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


@rule(
    "month_span",
    priority=90,
    pattern=rf"""
        (?<![\w-])
        (?:the\s+)?
        (?P<m1>{MONTH_FULL_RE}) \s*[-–]\s* (?P<m2>{MONTH_FULL_RE})   # April-June
        (?: \s+ (?P<y>{YEAR_RE}) )?
        \s+ (?:quarter|period|half) \b
    """,
    trigger=r"quarter|period|half",
    ignore_case=False,
    examples=("the April-June quarter", "the January-March period", "the July-December half"),
)
def parse_month_span(m: re.Match[str], _: str) -> list[Part] | None:
    """ "the April-June quarter", "the January-March period": a quarter or half by months."""
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if first % 3 == 1 and last == first + 2:
        unit, n = "Q", (first + 2) // 3
    elif first in (1, 7) and last == first + 5:
        unit, n = "H", 1 if first == 1 else 2
    else:
        return None
    year = to_year(m["y"]) if m["y"] else None
    return one(m, partial(resolve_month_span, unit=unit, n=n, first=first, year=year))


def resolve_month_span(
    ctx: Context, *, unit: str, n: int, first: int, year: int | None
) -> Resolved:
    """The quarter or half of a month span, in the latest year it is over unless told."""
    if year is not None:
        return Resolved(f"{year:04d}-{unit}{n}", "DATE", ANCHOR_NONE)
    y = ctx.dct.year
    if first > ctx.dct.month and ctx.direction <= 0:
        y -= 1
    return Resolved(f"{y:04d}-{unit}{n}", "DATE", ANCHOR_DCT)


# The parts of the quarter pattern, in the order they stand.
#: "its", "their": a possessive before the phrase stays out of the extent.
_Q_OWNER = r"(?: (?:its|their|his|her|our|that) \s+ )?"
#: "the", "this", "last", "2024's", "last year's".
_Q_DET = rf"""
    (?: (?P<det> the | this | last | next
               | (?: (?P<yd>{YEAR_RE}) | (?P<ry>this|last|next) \s+year ) ['’]s )
        \s+ )?
"""
#: Any number of adjectives: "latest", "year-ago", "fiscal", "2024".
_Q_ADJ = rf"""
    (?P<adj> (?: (?: current | latest | previous | prior | past | coming
                   | year[\s-]ago | year[\s-]earlier | prior[\s-]year
                   | comparable | same | corresponding | final | recent | most\s+recent
                   | fiscal | calendar | (?P<y0>{YEAR_RE}) )
                 (?:\s+|-) )* )
"""
#: The period itself: "third quarter" (not "quarterly", "quarter-point", "quarterfinal"),
#: a bare "quarter", "period" or "half" (not "quarter of a", "half a"), or "Q3", "H1" (a
#: year has no third half: "H3" is a name).
_Q_PERIOD = rf"""
    (?: (?P<ord>{ORD_RE}|final|last) (?:\s+|-) (?:fiscal(?:\s+|-))?
        (?P<unit>quarter|half) (?!ly) (?![\w-]*(?:point|mile|inch|final|back)\b)
      | (?P<unit2>quarter|period|half) (?![\w-]) (?!\s+(?:of|a|an|point)\b)
      | (?P<qu>[QH]) (?P<qn>[1-4]) \b (?<!H[34])
    )
"""
#: Its year: "of 2024", "in fiscal 2024", ", 2024", "of last year", "of the year" (the DCT's).
_Q_YEAR = rf"""
    (?: (?: \s+ (?:of|in|for) \s+ (?: (?:the\s+)? (?:fiscal|calendar) (?:\s+year)? \s+ )?
          | ,?\s+ )
        (?P<y>{YEAR_RE}) (?![\d%])
      | \s+ (?:of\s+)? (?P<ry2>this|last|next) \s+year
      | \s+of\s+the\s+year \b
    )?
"""


@rule(
    "quarter",
    priority=100,
    pattern=rf"""
        (?<![\w-])
        {_Q_OWNER}
        (?P<body> {_Q_DET} {_Q_ADJ} {_Q_PERIOD} {_Q_YEAR} )
    """,
    trigger=r"quarter|period|half|Quarter|Period|Half|Q1|Q2|Q3|Q4|H1|H2",
    # "the third quarter", "the latest period", "the 2023 period", "its year-ago quarter".
    before=r"""(?: \b(?: the | this | last | next | first | second | third | fourth | 1st
                       | 2nd | 3rd | 4th | final | latest | current | previous | prior | past
                       | coming | ago | earlier | comparable | same | corresponding | recent
                       | fiscal | calendar | year )
                 | \d\d | ['’]s )
               [\s-]+$""",
    after=re.compile(r"(?<=[QH][1-4])"),
    examples=("the third quarter", "Q3 2024", "the year-ago period", "the second half of 2025",
              "last year's fourth quarter", "the latest quarter"),
)
def parse_quarter(m: re.Match[str], text: str) -> list[Part] | None:
    """ "the third quarter", "Q3 2024", "the year-ago period", "the second half"."""
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
        same = re.search(r"\bsame\b", m["adj"] or "", re.IGNORECASE) is not None
        return one(
            m,
            partial(
                resolve_quarter_of_year,
                rel_year=(m["ry"] or m["ry2"]).lower(),
                same=same,
                ordinal=ordinal,
                unit=unit,
            ),
            "body",
        )
    words = f"{m['det'] or ''} {m['adj'] or ''}".lower().split()
    rel = next(
        (
            w
            for w in words
            if w in ("this", "current", "last", "previous", "prior", "past", "next", "coming")
        ),
        "",
    )
    results = bool(_RESULTS_AFTER.match(text, m.end()))
    if (
        (m["det"] or "").lower() == "the"
        and not m["adj"]
        and m["unit"]
        and m["ord"]
        and text[m.end("ord")] == "-"
    ):
        # "the third-quarter loss": the adjectival quarter leaves the article out.
        resolver = partial(
            resolve_quarter, ordinal=ordinal, unit=unit, year=year, rel=rel, full=m.group(),
            results=results,
        )
        return [Part(m.start("adj"), m.end(), resolver)]
    span_end = bool(_SPAN_END_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    resolver = partial(
        resolve_quarter, ordinal=ordinal, unit=unit, year=year, rel=rel, full=m.group(),
        results=results, span_end=span_end,
    )
    return one(m, resolver, "body")


def resolve_quarter_of_year(
    ctx: Context, *, rel_year: str, same: bool, ordinal: int | None, unit: str
) -> Resolved | None:
    """A quarter of a relative year: "the fourth quarter of last year", "the same period
    last year" (the period last named, in that year)."""
    y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel_year]
    named = ctx.story_quarter(any_named=True) if same and ordinal is None else None
    if named is not None and unit == "Q":
        return Resolved(f"{y:04d}-Q{named[0][1]}", "DATE", named[1])
    # The relative year already says which year: no further year-ago shift.
    return resolve_quarter(ctx, ordinal=ordinal, unit=unit, year=y, rel="", full="")


@rule(
    "year_ago",
    priority=230,
    pattern=r"(?<![\w-]) year[\s-](?:ago|earlier) (?![\w-])",
    trigger=r"year-ago|year-earlier|year ago|year earlier|Year-ago|Year-earlier",
    word_start=True,
    reach=(4, 12),
    examples=("year-ago", "year-earlier"),
)
def parse_year_ago_adjective(m: re.Match[str], _: str) -> list[Part] | None:
    """ "year-ago" as an adjective: the quarter the story reports on, a year back."""
    return one(m, resolve_year_ago)


def resolve_year_ago(ctx: Context) -> Resolved:
    """The story's quarter a year earlier, else the year before the DCT's."""
    back = ctx.story_quarter()
    if back is not None:
        (y, q), anchor = back
        return Resolved(f"{y - 1:04d}-Q{q}", "DATE", anchor)
    return Resolved(f"{ctx.dct.year - 1:04d}", "DATE", ANCHOR_DCT)
