"""Calendar arithmetic and TIMEX3 value formatting for the temporal tagger.

Plain ``datetime.date`` values are enough here: every value the tagger writes is a calendar
date, week, month, quarter or year, and the DCT fixes which one.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import arrow


def day_value(d: date) -> str:
    """TIMEX3 value of a day: ``2025-02-19``."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    """TIMEX3 value of a month: ``2025-02``."""
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    """TIMEX3 value of the ISO week holding ``d``: ``2025-W08``."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(d: date) -> int:
    """The calendar quarter (1-4) holding ``d``."""
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) ``delta`` months after (year, month)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    """The (year, quarter) ``delta`` quarters after (year, quarter)."""
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def shift(d: date, unit: str, amount: int) -> date:
    """``d`` moved by ``amount`` units (day, week, month, year...), clamping month ends."""
    if unit in ("day", "night"):
        return d + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=amount)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    shifted: date = arrow.Arrow(d.year, d.month, d.day).shift(months=months * amount).date()
    return shifted


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month."""
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


#: A year-less day this close to the DCT is that occurrence whatever the tense.
NEAR_DAYS = 120


def nearest_day(month: int, day: int, dct: date, direction: int) -> date | None:
    """The year-less "Feb. 19" the text most likely means.

    Dates in news sit close to the story, so the occurrence nearest the DCT wins; the tense
    decides only when that one is months away ("opened in the spring of... March 3").
    """
    options = [
        d
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    if not options:
        return None
    nearest = min(options, key=lambda d: abs((d - dct).days))
    if abs((nearest - dct).days) <= NEAR_DAYS or direction == 0:
        return nearest
    if direction > 0:
        return next((d for d in options if d >= dct), nearest)
    return next((d for d in reversed(options) if d <= dct), nearest)


def day_on_side(month: int, day: int, dct: date, side: int) -> date | None:
    """The year-less day on one side of the DCT: the latest on or before it (``side`` < 0)
    or the earliest on or after it.

    For words that fix the direction themselves: "last Nov. 12", "next May 4", "the year
    ended Jan. 31" (a period that has ended is over whatever the distance).
    """
    options = [
        d
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    if side < 0:
        return next((d for d in reversed(options) if d <= dct), None)
    return next((d for d in options if d >= dct), None)


#: Without a tense, a month at most this far ahead is the coming one; further ahead the
#: past one wins, since news mostly reports what happened ("a peak in March", said in
#: October, is the March gone by).
UNTENSED_MONTHS_AHEAD = 2


def nearest_month(month: int, dct: date, direction: int) -> int:
    """The year of a year-less month name: the DCT's own month, else by tense and distance.

    Future tense takes the coming occurrence, past tense the past one; without a tense the
    coming one only when it is at most two months ahead ("a June agreement" in October is
    this year's June, "by December" the coming one).
    """
    if month == dct.month:
        return dct.year
    coming = dct.year if month > dct.month else dct.year + 1
    past = dct.year if month < dct.month else dct.year - 1
    if direction > 0:
        return coming
    if direction < 0:
        return past
    return coming if (month - dct.month) % 12 <= UNTENSED_MONTHS_AHEAD else past


def weekday_near(weekday: int, dct: date, direction: int) -> date:
    """The weekday (1 = Monday) the way news uses bare weekdays.

    The DCT's own weekday is the DCT itself ("said Tuesday" in a Tuesday story); otherwise
    the next one for future tense, else the most recent one.
    """
    diff = weekday - dct.isoweekday()
    if diff == 0:
        return dct
    if direction > 0:
        return dct + timedelta(days=diff % 7)
    return dct - timedelta(days=(-diff) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based, -1 = last) given weekday (1 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> date | None:
    """The date of a named holiday in a year, for the holidays news dates things by."""
    key = name.lower().replace("'", "").replace("’", "")
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new years day": (1, 1),
        "new years eve": (12, 31),
        "halloween": (10, 31),
        "independence day": (7, 4),
        "valentines day": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
        "st. patricks day": (3, 17),
        "st patricks day": (3, 17),
        "saint patricks day": (3, 17),
        "juneteenth": (6, 19),
        "remembrance day": (11, 11),
        "armistice day": (11, 11),
        "bastille day": (7, 14),
        "canada day": (7, 1),
        "australia day": (1, 26),
        "anzac day": (4, 25),
    }
    if key in fixed:
        month, day = fixed[key]
        return date(year, month, day)
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 4, 4)
    if key == "black friday":
        return nth_weekday(year, 11, 4, 4) + timedelta(days=1)
    if key == "cyber monday":
        return nth_weekday(year, 11, 4, 4) + timedelta(days=4)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if key == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if key in ("presidents day", "washingtons birthday"):
        return nth_weekday(year, 2, 1, 3)
    if key in ("martin luther king day", "martin luther king jr. day", "mlk day"):
        return nth_weekday(year, 1, 1, 3)
    if key == "columbus day":
        return nth_weekday(year, 10, 1, 2)
    if key == "mothers day":
        return nth_weekday(year, 5, 7, 2)
    if key == "fathers day":
        return nth_weekday(year, 6, 7, 3)
    if key == "easter monday":
        return easter(year) + timedelta(days=1)
    if key == "ash wednesday":
        return easter(year) - timedelta(days=46)
    if key == "election day":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    return None
