"""TIMEX3 values: parse and format round trip, granularity, first day, errors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from timeline.temporal import tag
from timeline.temporal.values import (
    CalendarValue,
    DurationValue,
    ReferenceValue,
    X,
    granularity_of,
    parse_value,
)

ROUND_TRIP = [
    ("2024", "year"),
    ("199", "decade"),
    ("19", "century"),
    ("2024-03", "month"),
    ("2024-03-05", "day"),
    ("2024-W10", "week"),
    ("2024-W10-WE", "week"),
    ("2024-Q1", "quarter"),
    ("2024-H2", "half"),
    ("2024-SU", "season"),
    ("2024-03-05T14:30", "time"),
    ("2024-03-05T24:00", "time"),
    ("2024-03-05TEV", "time"),
    ("XXXX-03-05", None),
    ("XXXX-03", None),
    ("XXXX-XX-XXT07:00", None),
    ("XXXX-WXX-2", None),
    ("XXXX-WXX-7TNI", None),
    ("XXXX-SP", None),
    ("T14:30", None),
    ("TAF", None),
    ("PRESENT_REF", None),
    ("PAST_REF", None),
    ("FUTURE_REF", None),
    ("P3D", None),
    ("PT2H30M", None),
    ("P1DT12H", None),
    ("P1Y6M", None),
    ("PXY", None),
    ("P2WE", None),
    ("P3Q", None),
    ("PT45S", None),
]


@pytest.mark.parametrize(("text", "granularity"), ROUND_TRIP)
def test_value_round_trips_and_knows_its_granularity(text: str, granularity: str | None) -> None:
    assert str(parse_value(text)) == text
    assert granularity_of(text) == granularity


def test_fields_of_a_calendar_value() -> None:
    assert parse_value("2024-03-05T14:30") == CalendarValue(
        year=2024, month=3, day=5, hour=14, minute=30
    )
    assert parse_value("XXXX-03-05") == CalendarValue(year=X, month=3, day=5)
    assert parse_value("199") == CalendarValue(year=199, digits=3)
    assert parse_value("XXXX-WXX-2") == CalendarValue(year=X, week=X, weekday=2)


def test_fields_of_references_and_durations() -> None:
    assert parse_value("PAST_REF") == ReferenceValue(name="PAST_REF")
    assert parse_value("PT2H30M") == DurationValue(clock=((2.0, "H"), (30.0, "M")))
    assert parse_value("PXY") == DurationValue(amounts=((None, "Y"),))
    assert str(DurationValue(amounts=((1.5, "Y"),))) == "P1.5Y"


@pytest.mark.parametrize(
    ("text", "first"),
    [("2024", date(2024, 1, 1)), ("2024-03", date(2024, 3, 1)), ("2024-03-05", date(2024, 3, 5)),
     ("2024-W10", date(2024, 3, 4)), ("2024-03-05T14:30", date(2024, 3, 5))],
)
def test_first_day_of_a_plain_period(text: str, first: date) -> None:
    value = parse_value(text)
    assert isinstance(value, CalendarValue)
    assert value.is_plain or value.granularity == "time"
    assert value.first_day() == first


@pytest.mark.parametrize("text", ["2024-Q1", "XXXX-03-05", "199", "2025-02-30", "2025-W60"])
def test_no_first_day_for_other_values(text: str) -> None:
    value = parse_value(text)
    assert isinstance(value, CalendarValue)
    with pytest.raises(ValueError, match=r"day|week"):
        value.first_day()


@pytest.mark.parametrize("text", ["", "P", "2024-3-5", "2024-03-05T", "next week", "2024-Q5",
                                  "20245", "W10"])
def test_malformed_value_is_an_error_that_quotes_it(text: str) -> None:
    with pytest.raises(ValueError, match="not a TIMEX3 value"):
        parse_value(text)


def test_every_value_the_tagger_writes_round_trips() -> None:
    text = (
        "The fair opened on Friday, March 7, 2025, at 10 a.m. and runs for three weeks, daily "
        "from 9:30 until late evening. Last year's fair drew 12,000 people in the third "
        "quarter; the one in the 1990s ran every other summer. It may move to next spring, "
        "officials said Monday night, and recently said the same about the second half."
    )
    values = [t.value for t in tag(text, datetime(2025, 3, 3, tzinfo=UTC))]
    assert len(values) >= 10
    assert [str(parse_value(v)) for v in values] == values
