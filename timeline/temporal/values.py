"""TIMEX3 values as typed values, with a string round trip.

``parse_value("2024-03-05T14:30")`` takes a value string apart; ``str()`` of the result
writes it back unchanged. Three kinds: a :class:`CalendarValue` (``2024``, ``199``,
``2024-03``, ``2024-03-05``, ``2024-W10``, ``2024-W10-WE``, ``2024-Q1``, ``2024-H2``,
``2024-SU``, ``2024-03-05T14:30``, ``2024-03-05TEV``, ``XXXX-03-05``, ``XXXX-WXX-2``, a bare
clock ``T14:30``), a :class:`ReferenceValue` (``PRESENT_REF``, ``PAST_REF``,
``FUTURE_REF``) and a :class:`DurationValue` (``P3D``, ``PT2H30M``, ``P1DT12H``, ``PXY``,
``P2WE``, ``P3Q``). Malformed text raises :class:`ValueError` quoting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from timeline.timex import TimexGranularity

#: An unknown field, written with X's ("XXXX", "XX").
X: Literal["X"] = "X"
Field = int | Literal["X"] | None

_CALENDAR = re.compile(
    r"""
    (?P<year> \d{4} | XXXX | \d{3} | \d{2} )?           # year, decade (199), century (19)
    (?: -W (?P<week>\d\d|XX) (?: -(?P<weekday>[1-7]) | -(?P<weekend>WE) )?
      | - (?P<month>\d\d|XX) (?: - (?P<day>\d\d|XX) )?
      | - (?P<season>SP|SU|FA|WI)
      | -Q (?P<quarter>[1-4])
      | -H (?P<half>[12])
    )?
    (?: T (?: (?P<hour>\d\d) : (?P<minute>\d\d)        # a clock (checked by datetime)
          | (?P<part>MO|AF|EV|NI|MI|DT) ) )?
    """,
    re.VERBOSE,
)
_DURATION = re.compile(
    r"""
    P (?P<date> (?: (?:\d+(?:\.\d+)?|X) (?:WE|DE|CE|ML|Y|Q|M|W|D) )* )
    (?: T (?P<time> (?: (?:\d+(?:\.\d+)?|X) [HMS] )+ ) )?
    """,
    re.VERBOSE,
)
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?|X)(WE|DE|CE|ML|[YQMWDHS])")
_REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _field(text: str | None) -> Field:
    if text is None:
        return None
    return X if text.startswith("X") else int(text)


def _written(value: Field, width: int) -> str:
    return "X" * width if value == X else f"{value:0{width}d}"


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarValue:
    """A DATE or TIME value: a period of the calendar, a day, or a time of a day.

    A field is an int, :data:`X` when the value leaves it unknown, or None when the value
    does not go down to it. ``digits`` is how many digits the year has: 4, or 3 for a
    decade ("199" is the 1990s), 2 for a century.
    """

    year: Field = None
    digits: int = 4
    month: Field = None
    day: Field = None
    week: Field = None
    weekday: int | None = None
    weekend: bool = False
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    hour: int | None = None
    minute: int | None = None
    #: A part of the day instead of a clock: MO, AF, EV, NI, MI (midday), DT (daytime).
    part: str | None = None

    def __str__(self) -> str:
        out = "" if self.year is None else _written(self.year, self.digits)
        if self.week is not None:
            out += f"-W{_written(self.week, 2)}"
            if self.weekday is not None:
                out += f"-{self.weekday}"
            elif self.weekend:
                out += "-WE"
        elif self.month is not None:
            out += f"-{_written(self.month, 2)}"
            if self.day is not None:
                out += f"-{_written(self.day, 2)}"
        elif self.season is not None:
            out += f"-{self.season}"
        elif self.quarter is not None:
            out += f"-Q{self.quarter}"
        elif self.half is not None:
            out += f"-H{self.half}"
        if self.hour is not None and self.minute is not None:
            out += f"T{self.hour:02d}:{self.minute:02d}"
        elif self.part is not None:
            out += f"T{self.part}"
        return out

    @property
    def granularity(self) -> TimexGranularity | None:
        """How fine the value is, None when a year, month or day is unknown (sets)."""
        if not isinstance(self.year, int):
            return None
        if self.digits != 4:
            plain = self.month is None and self.week is None and not self._timed
            return ("decade" if self.digits == 3 else "century") if plain else None
        if isinstance(self.week, int):
            return "week"
        if isinstance(self.month, int) and isinstance(self.day, int):
            return "time" if self._timed else "day"
        if self._timed:
            return None
        if self.day is not None or self.month == X or self.week is not None:
            return None
        if isinstance(self.month, int):
            return "month"
        if self.season is not None:
            return "season"
        if self.quarter is not None:
            return "quarter"
        if self.half is not None:
            return "half"
        return "year"

    @property
    def _timed(self) -> bool:
        return self.hour is not None or self.part is not None

    @property
    def is_plain(self) -> bool:
        """True for a known year, month, ISO week or day, with no more to it: the periods
        a date bound or a timeline entry is written in."""
        return (
            self.granularity in ("year", "month", "day", "week")
            and self.weekday is None
            and not self.weekend
        )

    def first_day(self) -> date:
        """The first day of a known year, month, ISO week, day or time (ValueError for any
        other, or for a day the calendar lacks: "2025-02-30", "2025-W60")."""
        if not isinstance(self.year, int) or self.digits != 4 or self.week == X:
            raise ValueError(f"{self} has no first day")
        if isinstance(self.week, int):
            return date.fromisocalendar(self.year, self.week, 1)
        if X in (self.month, self.day) or (self.season, self.quarter, self.half) != (
            None, None, None
        ):
            raise ValueError(f"{self} has no first day")
        month = self.month if isinstance(self.month, int) else 1
        day = self.day if isinstance(self.day, int) else 1
        return date(self.year, month, day)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferenceValue:
    """PRESENT_REF, PAST_REF or FUTURE_REF: now, the past, the future."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True, kw_only=True)
class DurationValue:
    """A length of time: amounts of units, None for an unknown amount ("PXY").

    ``amounts`` holds the date units (Y, Q, M, W, D, WE; DE, CE, ML for decades, centuries
    and millennia), ``clock`` the units after the T (H, M, S).
    """

    amounts: tuple[tuple[float | None, str], ...] = ()
    clock: tuple[tuple[float | None, str], ...] = ()

    def __str__(self) -> str:
        def written(pairs: tuple[tuple[float | None, str], ...]) -> str:
            return "".join(f"{'X' if n is None else f'{n:g}'}{unit}" for n, unit in pairs)

        return "P" + written(self.amounts) + ("T" + written(self.clock) if self.clock else "")


TimexValue = CalendarValue | ReferenceValue | DurationValue


def _amounts(text: str | None) -> tuple[tuple[float | None, str], ...]:
    return tuple(
        (None if n == "X" else float(n), unit) for n, unit in _AMOUNT.findall(text or "")
    )


def parse_value(text: str) -> TimexValue:
    """The typed value of a TIMEX3 value string; ``str()`` of it gives the string back."""
    if text in _REFERENCES:
        return ReferenceValue(name=text)
    duration = _DURATION.fullmatch(text)
    if duration is not None and (duration["date"] or duration["time"]):
        return DurationValue(amounts=_amounts(duration["date"]), clock=_amounts(duration["time"]))
    m = _CALENDAR.fullmatch(text)
    if m is None or not text or (m["year"] is None and not text.startswith("T")):
        raise ValueError(f"not a TIMEX3 value: {text!r}")
    year = m["year"]
    return CalendarValue(
        year=_field(year),
        digits=len(year) if year else 4,
        month=_field(m["month"]),
        day=_field(m["day"]),
        week=_field(m["week"]),
        weekday=int(m["weekday"]) if m["weekday"] else None,
        weekend=m["weekend"] is not None,
        season=m["season"],
        quarter=int(m["quarter"]) if m["quarter"] else None,
        half=int(m["half"]) if m["half"] else None,
        hour=int(m["hour"]) if m["hour"] else None,
        minute=int(m["minute"]) if m["minute"] else None,
        part=m["part"],
    )


def granularity_of(value: str) -> TimexGranularity | None:
    """The granularity of a DATE or TIME value, None for durations, sets and references."""
    try:
        parsed = parse_value(value)
    except ValueError:
        return None
    return parsed.granularity if isinstance(parsed, CalendarValue) else None
