"""Clock times: "7:30 p.m.", "19:45", "noon", "0100 GMT", "8 in the evening", "six a.m.",
"mid-afternoon", each with an optional zone and day ("8 p.m. Tuesday").

A time without a day gets one from its clause later (``tagger._fill_times``).
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import partial

from timeline.temporal import dates
from timeline.temporal.context import Context, Part, Resolved
from timeline.temporal.lexicon import DAYPART_CODE, MONTH_RE, WEEKDAY_RE
from timeline.temporal.registry import rule
from timeline.temporal.rules.absolute import nearest_day
from timeline.temporal.rules.fragments import (
    YEAR_RE,
    is_capitalised,
    mod_of,
    month_number,
    one,
    previous_word,
    to_year,
    weekday_number,
)
from timeline.temporal.rules.relative import DAY_WORD_OFFSET
from timeline.timex import ANCHOR_DCT

#: A time zone after a clock time.
_ZONE_RE = r"""
    (?: (?: [ECMPA][SD]?T | GMT | UTC | BST | CET | CEST | KST | JST | IST | HKT | SGT | AEST
          | AEDT | MSK | WET | EET | PHT | WIB | ICT ) \b
      | local\s+time
      | (?: Eastern | Central | Mountain | Pacific | Greenwich\s+Mean | Atlantic
          | British\s+Summer | [A-Z][a-z]+(?:an|ese|ish|ch|i) )       # Korean, Japanese time
        \s+ (?: (?:[Ss]tandard|[Dd]aylight) \s+ )? [Tt]ime
      | (?:Eastern|Central|Mountain|Pacific)                 # "9 a.m. Central": a US zone alone
        (?! \s+ (?:[A-Z]|[Tt]ime|[Ss]tandard|[Dd]aylight) )
      | (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
        [A-Z][a-z]+ (?:\s+[A-Z][a-z]+)? \s+ time \b           # "10 a.m. Seoul time"
    )
"""
_AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b|[aApP]\.[mM]\b)"


_DAY_AFTER = re.compile(rf",?\s+(?:on\s+)?(?:{WEEKDAY_RE}|{MONTH_RE}\s*\d)")
# Words that make a number a clock time: "at 14:30", "by 8 in the evening".
_AT_CLOCK = r"at|by|from|until|till|to|around|before|after"
_CLOCK_BEFORE = re.compile(rf"\b(?:{_AT_CLOCK}|about)\s+$", re.I)
_CLOCK_BEFORE_24 = re.compile(rf"\b(?:{_AT_CLOCK})\s+$", re.I)


def hour_of_day(hour: int, ampm: str, part: str) -> int:
    """A 12-hour reading as a 24-hour one: "p.m." or "in the evening" is after noon."""
    if ampm.startswith("p") or part in ("afternoon", "evening", "night"):
        return hour % 12 + 12
    if ampm.startswith("a") and hour == 12:
        return 0
    return hour


#: The clock itself, one alternative per way of writing it.
_CLOCK = rf"""
    (?: (?P<h>1[0-2]|0?\d) (?: [:.] (?P<mi>[0-5]\d) )? \s*          # 7:30 p.m., 10 o'clock
        (?P<ap>{_AMPM}|o['’]clock)
      | (?P<h24>[01]?\d|2[0-3]) : (?P<mi24>[0-5]\d) (?![\d:])        # 19:45
      | (?P<hz>[01]\d|2[0-3]) (?P<miz>[0-5]\d)                      # "0100 GMT": wire copy's
        (?= \s+ (?:GMT|UTC|EDT|EST|BST|KST|JST|CET|CEST) \b )        # clock, only with a zone
      | (?P<hb>1[0-2]|0?[1-9])                                       # "8 in the evening"
        (?= \s+ (?: in\s+the\s+(?:morning|afternoon|evening) | at\s+night ) \b )
      | (?P<word>[Nn]oon|[Mm]idnight|[Mm]idday|[Mm]id-day)
    )
"""
#: The day after the clock: "Tuesday", "Tuesday, April 15", "tomorrow", "Feb. 19, 2025".
_CLOCK_DAY = rf"""
    (?: ,?\s+
        (?: (?P<wd>{WEEKDAY_RE}) (?![\w-])
            (?: ,?\s+ (?P<mon2>{MONTH_RE}) \s* (?P<d2>\d{{1,2}}) (?![\d:])
                (?: ,\s+ (?P<y2>{YEAR_RE}) )? )?
          | (?P<rd>[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday)
          | (?P<mon>{MONTH_RE}) \s* (?P<d>\d{{1,2}}) (?![\d:]) (?: ,\s+ (?P<y>{YEAR_RE}) )?
        )
    )?
"""


@rule(
    "time",
    priority=30,
    pattern=rf"""
        (?<![\w:.,$-])
        (?: (?P<mod>[Aa]round|[Aa]pproximately) \s+ )?
        {_CLOCK}
        (?: \s+ (?P<zone>{_ZONE_RE}) )?
        (?: \s+ (?:in\s+the|at) \s+ (?P<dp>morning|afternoon|evening|night) )?
        {_CLOCK_DAY}
    """,
    trigger=r"(?:am\b)|(?:pm\b)|(?::\d\d)|.m.|noon|idnight|idday|id-day|clock|in the morning"
    # (run on the lower-cased text, as this rule's literals are)
    r"|(?:(?<=\d\d\d\d )(?:gmt|utc|edt|est|bst|kst|jst|cet|cest)\b)"
    r"|in the afternoon|in the evening|at night",
    # "7 pm", "10 a.m.", "19:45" follow a digit; "noon" and "o'clock" pass by their end.
    before=r"\d \s? [ap]? \.? $",
    after=re.compile(r"(?<=noon)|(?<=night)|(?<=day)|(?<=clock)", re.IGNORECASE),
    ignore_case=False,
    examples=("7:30 p.m.", "10 a.m. Tuesday", "noon", "0100 GMT", "8 p.m. ET", "9 a.m. Seoul time",
              "6 p.m. Tuesday, April 15"),
)
def parse_time(m: re.Match[str], text: str) -> list[Part] | None:
    """ "7:30 p.m.", "19:45", "noon", "0100 GMT", with a zone and a day if stated."""
    clock = _clock_of(m, text)
    if clock is None:
        return None
    hour, minute = clock
    day = _clock_day(m)
    if day is None:
        return None
    wd, rd, month, day_n, year = day
    resolver = partial(
        resolve_clock,
        hhmm=f"T{hour:02d}:{minute:02d}",
        mod=mod_of(m["mod"]),
        wd=wd,
        rd=rd,
        month=month,
        day_n=day_n,
        year=year,
    )
    return one(m, resolver)


def _clock_of(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The hour and minute of the clock the match wrote, None when it is no clock time."""
    if m["word"]:
        return _word_clock(m, text)
    if m["h"]:
        return _twelve_hour_clock(m)
    if m["hb"]:
        return _hour_with_daypart(m, text)
    if m["hz"]:
        return int(m["hz"]), int(m["miz"])
    return _twenty_four_hour_clock(m, text)


def _word_clock(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """ "noon", "midnight": midnight ends the day it is named with ("midnight Friday" is the
    night after Friday), as TimeML writes it, T24:00; "just after midnight on Sunday" is the
    start of the day it names."""
    if previous_word(text, m.start()).lower() == "high":
        return None  # "high noon": the idiom, or the film
    w = m["word"].lower().replace("-", "")
    hour, minute = (24, 0) if w == "midnight" else (12, 0)
    if w == "midnight" and (
        m["wd"] or m["rd"] or m["mon"] or _DAY_AFTER.match(text, m.end())
    ) and previous_word(text, m.start()).lower() == "after":
        hour = 0
    return hour, minute


def _twelve_hour_clock(m: re.Match[str]) -> tuple[int, int] | None:
    """ "7:30 p.m.", "10 o'clock", "9 in the evening" read with its a.m. or p.m."""
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ap"] or "").lower()
    if hour > 12 or (hour == 0 and ampm.startswith(("a", "p"))):
        return None
    return hour_of_day(hour, ampm, (m["dp"] or "").lower()), minute


def _hour_with_daypart(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """ "at 8 in the evening", "around 10 at night": a bare hour named with its part of the
    day, after a word that makes it a time (not "scored 1 at night")."""
    if not m["mod"] and not _CLOCK_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None
    hour = int(m["hb"])
    part = m["dp"].lower()
    if part == "night" and hour == 12:
        hour = 0
    elif part in ("afternoon", "evening") or (part == "night" and hour >= 5):
        hour = hour + 12 if hour < 12 else hour
    return hour, 0


def _twenty_four_hour_clock(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """ "19:45": a clock time with its part of the day, its zone or a word like "at"."""
    hour, minute = int(m["h24"]), int(m["mi24"])
    part = (m["dp"] or "").lower()
    if part:
        return hour_of_day(hour, "", part), minute
    if not m["zone"] and not _CLOCK_BEFORE_24.search(text, max(0, m.start() - 12), m.start()):
        return None
    return hour, minute


def _clock_day(
    m: re.Match[str],
) -> tuple[int | None, str | None, int | None, int | None, int | None] | None:
    """The weekday, day word, month, day and year named after the clock (None when a name
    there is lower-case, so no day)."""
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
    return wd, rd, month, day_n, year


def resolve_clock(
    ctx: Context,
    *,
    hhmm: str,
    mod: str | None,
    wd: int | None,
    rd: str | None,
    month: int | None,
    day_n: int | None,
    year: int | None,
) -> Resolved | None:
    """A clock time on the day named with it, or a bare "Thh:mm" for the tagger to date."""
    if wd is not None:
        day = (
            ctx.dct
            if wd == ctx.dct.isoweekday()
            else dates.weekday_near(wd, ctx.dct, ctx.direction)
        )
    elif rd is not None:
        day = ctx.dct + timedelta(days=DAY_WORD_OFFSET[rd])
    elif month is not None and day_n is not None:
        if year is not None:
            found = dates.safe_date(year, month, day_n)
        else:
            found = nearest_day(month, day_n, ctx, 0)
        if found is None:
            return None
        day = found
    else:
        # The date comes from the clause; the tagger fills it in (see tagger._fill_times).
        return Resolved(hhmm, "TIME", ANCHOR_DCT, mod)
    return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT, mod)


_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty-five": 45, "twenty": 20, "forty": 40,
                 "fifty": 50, "ten": 10, "five": 5}


@rule(
    "spoken_time",
    priority=40,
    pattern=rf"""
        (?<![\w-])
        (?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
        (?: [-\ ]oh[-\ ] (?P<oh>one|two|three|four|five|six|seven|eight|nine)   # twelve-oh-one
          | [-\ ] (?P<mw>forty-five|fifteen|thirty|twenty|forty|fifty) )?      # five-forty
        \s+ (?: (?P<ap>[ap]\.m\.?) | o['’]clock | in\s+the\s+ (?P<dp>morning|afternoon|evening) )
        (?: \s+ (?P<zone>{_ZONE_RE}) )?
        (?: \s+
            (?: (?P<rd>today|tonight|tomorrow|yesterday)
                (?: \s+ (?:morning|afternoon|evening|night) )?
              | (?P<wd>{WEEKDAY_RE}) ) )?
        (?![\w-])
    """,
    trigger=r".m.|o'clock|o’clock|in the morning|in the afternoon|in the evening",
    examples=("six a.m.", "five-forty a.m.", "twelve-oh-one a.m.", "ten o'clock",
              "seven in the evening"),
)
def parse_spoken_time(m: re.Match[str], _: str) -> list[Part] | None:
    """ "six a.m.", "five-forty a.m.", "twelve-oh-one a.m.", "ten o'clock": a broadcast's clock."""
    hour = _HOUR_WORDS[m["hw"].lower()]
    minute = 0
    if m["oh"]:
        minute = _HOUR_WORDS[m["oh"].lower()]
    elif m["mw"]:
        minute = _MINUTE_WORDS[m["mw"].lower()]
    hour = hour_of_day(hour, (m["ap"] or "").lower(), (m["dp"] or "").lower())
    resolver = partial(
        resolve_spoken_time,
        hhmm=f"T{hour:02d}:{minute:02d}",
        rd=(m["rd"] or "").lower(),
        wd=weekday_number(m["wd"]) if m["wd"] else None,
    )
    return one(m, resolver)


def resolve_spoken_time(ctx: Context, *, hhmm: str, rd: str, wd: int | None) -> Resolved:
    """A spoken clock on its day word or weekday, or bare for the tagger to date."""
    if rd:
        day = ctx.dct + timedelta(days=DAY_WORD_OFFSET[rd])
        return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT)
    if wd is not None:
        day = dates.weekday_near(wd, ctx.dct, ctx.direction)
        return Resolved(dates.day_value(day) + hhmm, "TIME", ANCHOR_DCT)
    return Resolved(hhmm, "TIME", ANCHOR_DCT)  # the tagger gives it its clause's day


@rule(
    "mid_daypart",
    priority=250,
    pattern=rf"""
        (?<![\w-])
        mid [\s-]? (?P<dp>morning|afternoon|evening)
        (?: \s+ (?P<w>today|tomorrow|yesterday) | ,?\s+ (?P<wd>{WEEKDAY_RE}) )?
        (?![\w-])
    """,
    trigger=r"mid",
    word_start=True,
    reach=(2, 40),
    examples=("mid-afternoon", "mid-morning Friday", "midafternoon tomorrow"),
)
def parse_mid_daypart(m: re.Match[str], text: str) -> list[Part] | None:
    """ "by mid-afternoon", "mid-morning Friday": the middle of a part of the day."""
    code = "T" + DAYPART_CODE[m["dp"].lower()]
    word = (m["w"] or "").lower()
    if m["wd"] and not is_capitalised(m["wd"]):
        return None
    wd = weekday_number(m["wd"]) if m["wd"] else None
    return one(m, partial(resolve_mid_daypart, code=code, word=word, wd=wd))


def resolve_mid_daypart(ctx: Context, *, code: str, word: str, wd: int | None) -> Resolved:
    """The middle of a part of a named day, or bare for the tagger to date."""
    if word:
        day = ctx.dct + timedelta(days=DAY_WORD_OFFSET[word])
    elif wd is not None:
        day = (
            ctx.dct
            if wd == ctx.dct.isoweekday()
            else dates.weekday_near(wd, ctx.dct, ctx.direction)
        )
    else:
        # The day comes from the clause, as for a bare clock time (tagger._fill_times).
        return Resolved(code, "TIME", ANCHOR_DCT, "MID")
    return Resolved(dates.day_value(day) + code, "TIME", ANCHOR_DCT, "MID")
