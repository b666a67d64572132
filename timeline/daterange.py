"""Agenda ranges in the khal style: ``today 7d``, ``2025-02 1m``, ``tomorrow``, ``2025-W08``.

A range is a start (``today``, ``tomorrow``, ``yesterday``, a weekday name for its next
occurrence, ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Www``) optionally followed by a
length (``3d``, ``2w``, ``1m``, ``1y``) or an inclusive end in the same forms. A start alone
covers its own period: a day, a week, a month or a year. "today" is the user's day (the
clock, or ``--today``), the one place where the wall clock is the right anchor.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.errors import QueryError
from timeline.event import Granularity, period_last_day

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}
_DATE = re.compile(
    r"""(?P<year>\d{4})
        (?: -W(?P<week>\d{2})
          | -(?P<month>\d{2}) (?: -(?P<day>\d{2}) )?
        )?""",
    re.VERBOSE,
)
_LENGTH = re.compile(r"(?P<count>\d{1,4}) (?P<unit>[dwmy])", re.VERBOSE)


@dataclass(frozen=True, slots=True, kw_only=True)
class DayRange:
    """An inclusive range of calendar days."""

    first: date
    last: date

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} .. {self.last.isoformat()}"

    def to_json(self) -> dict[str, str]:
        """``{"first": "YYYY-MM-DD", "last": "YYYY-MM-DD"}`` (both inclusive)."""
        return {"first": self.first.isoformat(), "last": self.last.isoformat()}


def period(text: str, today: date) -> tuple[date, Granularity] | None:
    """The first day and granularity of a range start, or None when ``text`` is not one."""
    word = text.lower()
    if word in _RELATIVE:
        return today + timedelta(days=_RELATIVE[word]), "day"
    if word in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(word) - today.weekday()) % 7
        return today + timedelta(days=ahead), "day"
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["week"]:
            return date.fromisocalendar(year, int(match["week"]), 1), "week"
        if match["day"]:
            return date(year, int(match["month"]), int(match["day"])), "day"
        if match["month"]:
            return date(year, int(match["month"]), 1), "month"
    except ValueError:
        raise QueryError(f"no such date {text!r}") from None
    return date(year, 1, 1), "year"


def add_length(first: date, text: str) -> date | None:
    """The inclusive last day of a ``3d`` / ``2w`` / ``1m`` / ``1y`` range from ``first``."""
    match = _LENGTH.fullmatch(text.lower())
    if match is None:
        return None
    count, unit = int(match["count"]), match["unit"]
    if count < 1:
        raise QueryError(f"a range length must be at least 1: {text!r}")
    if unit in "dw":
        return first + timedelta(days=count * (7 if unit == "w" else 1) - 1)
    months = count * (12 if unit == "y" else 1)
    year, month = divmod(first.month - 1 + months, 12)
    year += first.year
    day = min(first.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day) - timedelta(days=1)


def split_range(args: Sequence[str], today: date) -> tuple[DayRange | None, tuple[str, ...]]:
    """A leading range in ``args`` and the arguments after it (the paths).

    A path that reads like a range start ("today", "2025") can be given as ``./today``.
    """
    if not args:
        return None, ()
    start = period(args[0], today)
    if start is None:
        return None, tuple(args)
    first, granularity = start
    rest = tuple(args[1:])
    if rest:
        last = add_length(first, rest[0])
        if last is None:
            end = period(rest[0], today)
            if end is not None:
                last = period_last_day(*end)
        if last is not None:
            if last < first:
                raise QueryError(f"the range ends ({last}) before it starts ({first})")
            return DayRange(first=first, last=last), rest[1:]
    return DayRange(first=first, last=period_last_day(first, granularity)), rest
