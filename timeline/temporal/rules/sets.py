"""Sets, times that recur: "daily", "every Monday", "twice a week", "each spring".

"annually" and "quarterly" stay out: news uses them for rates and dividends ("rise 8%
annually", "a quarterly dividend"), which TimeML leaves unmarked.
"""

from __future__ import annotations

import re

from timeline.temporal.context import Part
from timeline.temporal.lexicon import (
    DAYPART_CODE,
    DAYPART_RE,
    MONTH_FULL_RE,
    NUMBER_RE,
    SEASON_CODE,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
    parse_number,
    unit_key,
)
from timeline.temporal.registry import rule
from timeline.temporal.rules.durations import duration_value
from timeline.temporal.rules.fragments import (
    fixed,
    is_capitalised,
    month_number,
    one,
    weekday_number,
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


@rule(
    "set",
    priority=280,
    pattern=rf"""
        (?<![\w-])
        (?: (?P<adv>daily|nightly|weekly|biweekly|monthly|yearly|hourly)
          | (?: (?:every|each)                                 # every, twice a, 3 times per
              | (?: once | twice
                  | (?: three | four | five | six | seven | eight | nine | ten | eleven
                      | twelve | several | \d+ ) \s+times )
                \s+ (?:a|an|per|every) )
            \s+
            (?: (?P<wd>{WEEKDAY_RE}) (?: \s+ (?P<wdp>{DAYPART_RE}) )?     # every Monday night
              | (?P<mon>{MONTH_FULL_RE})                                  # every June
              | (?P<dp>{DAYPART_RE})                                      # every morning
              | (?P<sea>{SEASON_RE})                                      # each spring
              | (?P<other>other\s+)? (?: (?P<n>{NUMBER_RE}) \s+ )? (?P<u>{UNIT_RE})
                                                                          # every other week
            )
        )
        (?![\w-])
    """,
    trigger=r"daily|nightly|weekly|monthly|yearly|hourly|every|each|once|twice|times|Every"
    r"|Each|Daily|Weekly|Monthly|Annually|annually|quarterly|Quarterly|biweekly"
    r"|semi",
    word_start=True,
    reach=(16, 26),
    examples=("daily", "every Monday", "twice a week", "each spring", "every other week",
              "every three years", "every morning"),
)
def parse_set(m: re.Match[str], text: str) -> list[Part] | None:
    """ "daily", "every Monday", "twice a week": a SET with the period it recurs in."""
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
