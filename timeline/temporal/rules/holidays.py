"""Holidays by name: "Christmas", "Thanksgiving weekend", "Easter Monday", "Labor Day 2025".

Their dates come from :func:`timeline.temporal.dates.holiday`; without a year the one near
the DCT wins, as for a year-less day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import DAYPART_CODE
from timeline.temporal.registry import rule
from timeline.temporal.rules.fragments import YEAR_RE, one, to_year
from timeline.timex import ANCHOR_DCT, TimexType

#: The holidays' names, as news writes them.
_HOLIDAY_RE = r"""
    (?: Christmas (?: \s+(?:Day|Eve) )?
      | Thanksgiving (?: \s+Day )?
      | New\s+Year['’]?s (?: \s+(?:Day|Eve) )
      | Easter (?: \s+(?:Sunday|Monday) )?
      | Good\s+Friday | Ash\s+Wednesday | Memorial\s+Day | Labor\s+Day | Election\s+Day
      | Independence\s+Day | Valentine['’]?s\s+Day | Halloween | Veterans\s+Day | Boxing\s+Day
      | Presidents['’]?\s+Day | Washington['’]s\s+Birthday
      | Martin\s+Luther\s+King (?: \s+Jr\.? )? \s+Day | MLK\s+Day | Columbus\s+Day
      | Mother['’]?s\s+Day | Father['’]?s\s+Day | (?:St\.?|Saint) \s+ Patrick['’]?s\s+Day
      | Juneteenth | Remembrance\s+Day | Armistice\s+Day | Bastille\s+Day | Canada\s+Day
      | Australia\s+Day | Anzac\s+Day | Black\s+Friday | Cyber\s+Monday
    )
"""


@rule(
    "holiday",
    priority=80,
    pattern=rf"""
        (?<![\w-])
        (?: (?P<rel>[Ll]ast|[Nn]ext|[Tt]his) \s+ )?
        (?P<h>{_HOLIDAY_RE})
        (?: \s+ (?P<wk>week(?:end)?)                              # Thanksgiving weekend
          | \s+ (?P<hp>morning|afternoon|evening|night) )?        # Christmas morning
        (?: ,?\s+ (?P<y>{YEAR_RE}) )?
        (?![\w-])
    """,
    trigger=r"Christmas|Thanksgiving|New Year|Easter|Good Friday|Memorial Day|Labor Day"
    r"|Election Day|Independence Day|Valentine|Halloween|Veterans Day|Boxing Day"
    r"|Presidents|Washington|Martin Luther King|MLK|Columbus Day|Mother|Father"
    r"|Patrick|Juneteenth|Remembrance Day|Armistice Day|Bastille Day|Canada Day"
    r"|Australia Day|Anzac Day|Ash Wednesday|Black Friday|Cyber Monday",
    cased=True,
    word_start=True,
    ignore_case=False,
    examples=("Christmas", "Thanksgiving weekend", "Easter Monday", "Labor Day 2025",
              "last Christmas", "New Year's Eve", "Christmas morning"),
)
def parse_holiday(m: re.Match[str], _: str) -> list[Part] | None:
    """ "Christmas", "next Easter", "Thanksgiving weekend", "Labor Day 2025"."""
    week = m["wk"] is not None
    resolver = partial(
        resolve_holiday,
        name=re.sub(r"\s+", " ", m["h"]),
        year=to_year(m["y"]) if m["y"] else None,
        rel=(m["rel"] or "").lower(),
        week=week,
        weekend=week and m["wk"].lower() == "weekend",
        part=DAYPART_CODE[m["hp"].lower()] if m["hp"] else None,
    )
    return one(m, resolver)


def holiday_value(d: date, *, week: bool, weekend: bool, part: str | None) -> str:
    """The value of a holiday on ``d``: "Easter week" is the ISO week holding it,
    "Thanksgiving weekend" the weekend after it, "Thanksgiving morning" that part of the day."""
    if weekend:
        return dates.week_value(d + timedelta(days=(6 - d.isoweekday()) % 7)) + "-WE"
    if week:
        return dates.week_value(d)
    return dates.day_value(d) + (f"T{part}" if part else "")


def resolve_holiday(
    ctx: Context,
    *,
    name: str,
    year: int | None,
    rel: str,
    week: bool,
    weekend: bool,
    part: str | None,
) -> Resolved | None:
    """The holiday in its stated year, else the occurrence near the DCT ("last" and "next"
    fix the side; the tense decides only between far ones)."""
    kind: TimexType = "TIME" if part else "DATE"
    value = partial(holiday_value, week=week, weekend=weekend, part=part)
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
