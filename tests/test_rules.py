"""The rule families' resolvers and helpers, called on their own (not through ``tag``).

The DCT is Tuesday 4 February 2025 throughout; the text around the span is neutral (no
tense), so only the arguments decide.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.temporal.context import Context, Resolved
from timeline.temporal.rules import (
    absolute,
    anaphora,
    clock,
    durations,
    holidays,
    quarters,
    relative,
)

DCT = date(2025, 2, 4)


def _ctx(text: str = "the date") -> Context:
    return Context(text=text, dct=DCT, dct_time=datetime(2025, 2, 4, 9, tzinfo=UTC)).at(
        0, len(text)
    )


@pytest.mark.parametrize(
    ("number", "unit", "value"),
    [
        (3.0, "day", "P3D"),
        (1.5, "year", "P1Y6M"),
        (1.5, "hour", "PT1H30M"),
        (0.5, "day", "PT12H"),
        (2.0, "decade", "P20Y"),
        (None, "decade", "PXY"),
        (2.0, "fortnight", "P4W"),
        (None, "week", "PXW"),
    ],
)
def test_duration_value(number: float | None, unit: str, value: str) -> None:
    assert durations.duration_value(number, unit) == value


@pytest.mark.parametrize(
    ("hour", "ampm", "part", "expected"),
    [(12, "a.m.", "", 0), (12, "p.m.", "", 12), (7, "p.m.", "", 19), (8, "", "evening", 20),
     (9, "a.m.", "", 9)],
)
def test_hour_of_day(hour: int, ampm: str, part: str, expected: int) -> None:
    assert clock.hour_of_day(hour, ampm, part) == expected


def test_season_year_counts_winter_with_its_december() -> None:
    assert absolute.season_year("WI", DCT, "this", 0) == 2024
    assert absolute.season_year("SU", DCT, "next", 0) == 2025
    assert absolute.season_year("SU", DCT, "last", 0) == 2024


def test_resolve_month_year_last_june_is_the_one_gone_by() -> None:
    resolved = absolute.resolve_month_year(
        _ctx(), month=6, year=None, rel="last", rel_year=None, mod=None
    )
    assert resolved == Resolved("2024-06", "DATE", "dct")


def test_resolve_day_with_its_year_needs_no_context() -> None:
    assert absolute.resolve_day(_ctx(), month=3, day=5, year=2024) == Resolved(
        "2024-03-05", "DATE"
    )
    assert absolute.resolve_day(_ctx(), month=2, day=30, year=2024) is None


def test_fourth_quarter_in_february_is_the_one_just_over() -> None:
    resolved = quarters.resolve_quarter(
        _ctx(), ordinal=4, unit="Q", year=None, rel="", full="the fourth quarter"
    )
    assert resolved == Resolved("2024-Q4", "DATE", "dct")


def test_last_quarter_and_year_ago_quarter() -> None:
    assert quarters.resolve_quarter(
        _ctx(), ordinal=None, unit="Q", year=None, rel="last", full="last quarter"
    ).value == "2024-Q4"
    assert quarters.resolve_quarter(
        _ctx(), ordinal=2, unit="Q", year=2024, rel="", full="the year-ago second quarter"
    ).value == "2023-Q2"


def test_resolve_weekday_next_and_of_next_week() -> None:
    kwargs = {"part": None, "mod": None, "day_of_month": None}
    assert relative.resolve_weekday(_ctx(), weekday=5, rel="next", week=None, **kwargs) == (
        Resolved("2025-02-07", "DATE", "dct")
    )
    assert relative.resolve_weekday(_ctx(), weekday=5, rel="", week=1, **kwargs).value == (
        "2025-02-14"
    )


def test_weekday_of_month_day_finds_the_nearest_match() -> None:
    # The nearest 18th that is a Sunday, within three months of the DCT.
    assert relative.weekday_of_month_day(7, 18, DCT, 0) == date(2025, 5, 18)
    assert relative.weekday_of_month_day(2, 18, DCT, 0) == date(2025, 2, 18)


def test_resolve_ago_counts_from_the_dct() -> None:
    resolved = anaphora.resolve_ago(
        _ctx(), unit="day", number=2.0, sign=-1, story=False, same=""
    )
    assert resolved == Resolved("2025-02-02", "DATE", "dct")
    vague = anaphora.resolve_ago(_ctx(), unit="year", number=None, sign=-1, story=False, same="")
    assert vague.value == "PAST_REF"


def test_resolve_clock_on_its_day_word() -> None:
    resolved = clock.resolve_clock(
        _ctx(), hhmm="T19:00", mod=None, wd=None, rd="tomorrow", month=None, day_n=None,
        year=None,
    )
    assert resolved == Resolved("2025-02-05T19:00", "TIME", "dct")
    bare = clock.resolve_clock(
        _ctx(), hhmm="T19:00", mod=None, wd=None, rd=None, month=None, day_n=None, year=None
    )
    assert bare is not None
    assert bare.value == "T19:00"


def test_resolve_holiday_weekend_is_the_weekend_after_it() -> None:
    resolved = holidays.resolve_holiday(
        _ctx(), name="Thanksgiving", year=2025, rel="", week=False, weekend=True, part=None
    )
    assert resolved == Resolved("2025-W48-WE", "DATE")
