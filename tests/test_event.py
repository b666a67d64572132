"""Events: JSON round-trip exactly as DESIGN.md's contract, and calendar properties."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import InputError
from timeline.event import Event, Source, format_when, parse_when

SOURCE = Source(
    document="seeds/000_korea_delegation.txt",
    evidence="The forum runs on Feb. 21 and 22.",
    trigger="on Feb. 21 and 22",
    sentence_start=10,
    sentence_end=43,
    trigger_start=25,
    trigger_end=42,
    document_title="Korea to send its first biz delegation",
    document_dct="2025-02-04T17:55:00+00:00",
)


def make(**changes: object) -> Event:
    fields: dict[str, object] = {
        "uid": "abc@news-timeline",
        "title": "Trans-Pacific Dialogue",
        "start": date(2025, 2, 21),
        "end": date(2025, 2, 22),
        "granularity": "day",
        "kind": "scheduled",
        "sources": (SOURCE,),
        "location": "Washington",
        "confidence": 0.9,
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_contract_fields() -> None:
    data = make().to_json()
    assert data["uid"] == "abc@news-timeline"
    assert data["source"] == "seeds/000_korea_delegation.txt"
    assert data["start"] == "2025-02-21"
    assert data["end"] == "2025-02-22"
    assert data["granularity"] == "day"
    assert data["tz"] is None
    assert data["kind"] == "scheduled"
    assert data["confidence"] == 0.9
    assert data["evidence"] == SOURCE.evidence
    assert data["trigger"] == "on Feb. 21 and 22"


@pytest.mark.parametrize(
    "event",
    [
        make(),
        make(start=date(2025, 2, 1), end=None, granularity="month"),
        make(start=date(2017, 1, 1), end=date(2023, 1, 1), granularity="year", kind="past"),
        make(start=date(2025, 2, 17), end=date(2025, 2, 23), granularity="week"),
        make(
            start=datetime(2025, 2, 19, 19, 0, tzinfo=ZoneInfo("America/New_York")),
            end=None,
            granularity="time",
            tz="America/New_York",
        ),
        make(
            start=date(2023, 12, 18),
            end=datetime(2024, 1, 5, 8, 0, tzinfo=ZoneInfo("Asia/Seoul")),
            tz="Asia/Seoul",
        ),
        make(sources=(SOURCE, Source(document="b.txt", evidence="x", trigger="y")), tags=("a",)),
    ],
    ids=["day-range", "month", "year-span", "week", "time", "mixed-precision", "two-sources"],
)
def test_json_round_trip_is_exact(event: Event) -> None:
    text = json.dumps(event.to_json())
    back = Event.from_json(json.loads(text))
    assert back == event
    assert json.dumps(back.to_json()) == text


@pytest.mark.parametrize(
    ("text", "granularity"),
    [("2025", "year"), ("2025-02", "month"), ("2025-02-19", "day"), ("2025-02-19T19:00", "time")],
)
def test_format_and_parse_are_inverse(text: str, granularity: str) -> None:
    assert format_when(parse_when(text, "Asia/Seoul"), granularity) == text  # type: ignore[arg-type]


def test_iso_week_parses_to_its_monday() -> None:
    assert parse_when("2025-W08", None) == date(2025, 2, 17)


def test_clock_time_without_zone_is_utc() -> None:
    assert parse_when("2025-02-19T19:00", None) == datetime(2025, 2, 19, 19, 0, tzinfo=UTC)


def test_last_day_follows_granularity() -> None:
    assert make(start=date(2025, 2, 1), end=None, granularity="month").last_day == date(2025, 2, 28)
    assert make(start=date(2024, 2, 1), end=None, granularity="month").last_day == date(2024, 2, 29)
    assert make(start=date(2025, 2, 17), end=None, granularity="week").last_day == date(2025, 2, 23)
    assert make(start=date(2017, 1, 1), end=date(2023, 1, 1), granularity="year").last_day == date(
        2023, 12, 31
    )
    assert make().last_day == date(2025, 2, 22)


@pytest.mark.parametrize(
    "broken",
    [
        {"uid": "x"},
        {"uid": "x", "title": "t", "start": "Feb 19", "granularity": "day", "source": "a"},
        {"uid": "x", "title": "t", "start": "2025-02-19", "granularity": "hour", "source": "a"},
        {"uid": "x", "title": "t", "start": "2025-02-19", "granularity": "day", "kind": "maybe",
         "source": "a"},
        {"uid": "x", "title": "t", "start": "2025-02-19T10:00", "granularity": "time",
         "tz": "Nowhere/City", "source": "a"},
    ],
)
def test_bad_json_is_an_input_error(broken: dict[str, object]) -> None:
    with pytest.raises(InputError, match=r"events\.json: not an event"):
        Event.from_json(broken, origin="events.json")


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        make(start=datetime(2025, 2, 19, 19, 0), granularity="time")  # noqa: DTZ001
