"""Typed dates for "go to date": ISO forms, a few everyday phrases, then the tagger.

The tagger resolves phrases like "next Friday" against a date we pass in (the pinned or real
"today"), exactly as it resolves them against an article's publication date. A date with no
year ("feb 19", "march") is looked for in the timeline being browsed: the year, among those
the timeline spans, that puts it nearest the day the cursor is on.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from timeline.errors import QueryError
from timeline.query import parse_date_bound

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO = re.compile(r"\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?")
_TIMEX_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


class DateNotUnderstood(QueryError):
    """A go-to-date text that is neither a date nor a phrase we can resolve."""


def resolve_date(text: str, today: date, *, span: tuple[date, date] | None = None,
                 near: date | None = None) -> date:
    """The first day ``text`` names, relative phrases resolved against ``today``.

    ``span`` is the first and last day of the timeline and ``near`` the day being looked
    at; a year-less date takes its year from them (from ``today`` without them).
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateNotUnderstood("type a date, e.g. 2025-02, 2025-02-19 or next friday")
    if _ISO.fullmatch(cleaned.upper()):
        return parse_date_bound(cleaned.upper())
    simple = _simple_phrase(cleaned, today, span, near)
    if simple is not None:
        return simple
    tagged = _tagged(text.strip(), today)
    if tagged is not None:
        return tagged
    raise DateNotUnderstood(f"cannot read a date in {text.strip()!r}")


def _simple_phrase(text: str, today: date, span: tuple[date, date] | None = None,
                   near: date | None = None) -> date | None:
    """Everyday phrases the tagger may not cover in isolation ("friday", "next friday")."""
    fixed = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if text in fixed:
        return today + timedelta(days=fixed[text])
    words = text.split()
    direction = 0
    if words and words[0] in ("next", "last", "this"):
        direction = {"next": 1, "last": -1, "this": 0}[words[0]]
        words = words[1:]
    if len(words) != 1:
        return _month_day(words, today, span, near) if not direction else None
    word = words[0]
    for index, name in enumerate(_WEEKDAYS):
        if name.startswith(word) and len(word) >= 3:
            delta = index - today.weekday()
            if direction >= 0 and delta <= 0 and not (direction == 0 and delta == 0):
                delta += 7
            if direction < 0:
                delta = delta - 7 if delta >= 0 else delta
            return today + timedelta(days=delta)
    if word in ("week", "month", "year"):
        if word == "week":
            monday = today - timedelta(days=today.weekday())
            return monday + timedelta(weeks=direction)
        if word == "month":
            month = today.month - 1 + direction
            return date(today.year + month // 12, month % 12 + 1, 1)
        return date(today.year + direction, 1, 1)
    return _month_day(words, today, span, near)


def _month_day(words: list[str], today: date, span: tuple[date, date] | None = None,
               near: date | None = None) -> date | None:
    """ "feb 19", "19 feb", "march", "march 2026"."""
    month = day = year = None
    for word in words:
        word = word.rstrip(".,")
        if word.isdigit():
            number = int(word)
            if number > 31:
                year = number
            else:
                day = number
        elif word[:3] in _MONTHS:
            month = _MONTHS.index(word[:3]) + 1
        else:
            return None
    if month is None:
        return None
    if year is not None:
        return _valid(year, month, day or 1)
    if span is None:
        return _valid(today.year, month, day or 1)
    first, last = span
    target = near or first
    found = [d for y in range(first.year, last.year + 1)
             if (d := _valid(y, month, day or 1)) is not None]
    inside = [d for d in found if first.replace(day=1) <= d <= last] or found
    return min(inside, key=lambda d: abs((d - target).days), default=None)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _tagged(text: str, today: date) -> date | None:
    """Ask the temporal tagger, if this build has one; take its first dated value."""
    try:
        from timeline.temporal import tag
    except ImportError:  # the tagger is optional for browsing a store or a JSON dump
        return None
    anchor = datetime(today.year, today.month, today.day, 12, tzinfo=UTC)
    for timex in tag(text, anchor):
        match = _TIMEX_DAY.match(timex.value)
        if timex.type in ("DATE", "TIME") and match:
            year, month, day, week = match.groups()
            if week:
                return date.fromisocalendar(int(year), int(week), 1)
            return date(int(year), int(month or 1), int(day or 1))
    return None
