"""Offsets: "two days ago" and "in three weeks" count from the DCT; "two days later", "a year
earlier" and "the day before" count from the last date the story set.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import NUMBER_RE, UNIT_RE, VAGUE_RE, parse_number, unit_key
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import MOD_APPROX, one
from timeline.temporal.rules.relative import unit_value, with_daypart
from timeline.timex import ANCHOR_DCT


@rule(
    "day_before",
    priority=200,
    pattern=r"""
        (?<![\w-])
        the\s+ (?P<u>day|night) \s+ (?P<dir>before|after) (?![\w-])
        (?! \s+ (?:the|a|an|his|her|its|their|our|this|that|\d|[A-Z]) )   # "the day before X"
    """,
    trigger=r"day before|day after|night before|night after",
    word_start=True,
    reach=(4, 26),
    examples=("the day before", "the night after", "the day after"),
)
def parse_day_before(m: re.Match[str], _: str) -> list[Part] | None:
    """ "the day before", "the night after": a day next to the story's day."""
    step = -1 if m["dir"].lower() == "before" else 1
    part = "night" if m["u"].lower() == "night" else None
    return one(m, partial(resolve_day_before, step=step, part=part))


def resolve_day_before(ctx: Context, *, step: int, part: str | None) -> Resolved:
    """The day ``step`` days from the story's day (a night as a TIME)."""
    base, anchor = ctx.story_day()
    return with_daypart(base + timedelta(days=step), part, anchor)


_SENTENCE_GAP = re.compile(r"[.!?]\s+[A-Z]|\n\s*\n")


def ago_value(unit: str, n: int, base: date, anchor: str, sign: int, ctx: Context) -> Resolved:
    """The period ``n`` units before (``sign`` -1) or after ``base``.

    "a year earlier" after a reported quarter is that quarter a year back; after a month
    named in its clause, that month a year back.
    """
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
    return Resolved(unit_value(counted, day), "DATE", anchor)


@rule(
    "ago",
    priority=220,
    pattern=rf"""
        (?<![\w$£€.,-])
        (?: (?P<mod>{MOD_APPROX}) \s+ )?                  # about, more than
        (?P<n>{NUMBER_RE}|an?|{VAGUE_RE}) \s+
        (?: (?:more|full|long) \s+ )?
        (?P<u>{UNIT_RE})
        (?: \s+or\s+ (?:so|more|two|three) )?             # or so
        \s+ (?P<dir> ago | earlier | later | from\s+now | hence )
        (?: \s+ (?P<same> this\s+(?:week|month) | today ) )?   # "fifty years ago this week"
        (?![\w-])
    """,
    trigger=r"ago|earlier|later|from now|hence",
    word_start=True,
    reach=(42, 16),
    examples=("two days ago", "three weeks later", "a year earlier", "about 10 years ago",
              "six months from now", "fifty years ago this week"),
)
def parse_ago(m: re.Match[str], _: str) -> list[Part] | None:
    """ "two days ago" (from the DCT), "three weeks later" (from the story's date)."""
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
    if number is None and story:
        return None
    same = (m["same"] or "").split()[-1:] or [""]
    end = m.end()
    if same[0] and (unit not in ("year", "decade", "century") or sign > 0):
        same, end = [""], m.end("dir")  # "two days ago this week": the suffix is no part
    resolver = partial(
        resolve_ago, unit=unit, number=number, sign=sign, story=story, same=same[0]
    )
    return [Part(m.start(), end, resolver)]


def resolve_ago(
    ctx: Context, *, unit: str, number: float | None, sign: int, story: bool, same: str
) -> Resolved:
    """``number`` units before or after the DCT, or the story's date when ``story``; a
    vague number makes PAST_REF or FUTURE_REF."""
    if number is None or number != int(number):
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", ANCHOR_DCT)
    if same:
        years = int(number) * {"year": 1, "decade": 10, "century": 100}[unit]
        then = dates.shift(ctx.dct, "year", -years)
        kind = {"week": "week", "month": "month", "today": "day"}[same.lower()]
        return Resolved(unit_value(kind, then), "DATE", ANCHOR_DCT)
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
    return ago_value(unit, int(number), base, anchor, sign, ctx)
