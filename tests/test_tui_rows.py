"""The TUI's headless parts: row layout, go-to dates, corrections in memory."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError, QueryError
from timeline.event import Event
from timeline.timeline import Timeline
from tui.corrections import Correction, Edit, MemoryCorrections, apply_edit, when_text
from tui.goto import resolve_date
from tui.rows import MAX_SPREAD_DAYS, Entry, Heading, Rows

EVENTS = Path(__file__).parent / "data" / "tui" / "events.json"
TODAY = date(2025, 2, 18)  # a Tuesday


@pytest.fixture
def timeline() -> Timeline:
    payload = json.loads(EVENTS.read_text(encoding="utf-8"))
    return Timeline.of(Event.from_json(item) for item in payload["events"])


def test_rows_put_coarse_periods_before_the_days_of_the_period(timeline: Timeline) -> None:
    rows = Rows.build(timeline)
    headings = [r.label for r in rows.rows if isinstance(r, Heading)]
    assert headings[:4] == ["2021 · sometime this year", "2023 · sometime this year",
                            "Feb 2025 · sometime this month", "Wed 19 Feb 2025"]
    assert rows.days == sorted(rows.days)


def test_multi_day_events_get_a_row_per_day(timeline: Timeline) -> None:
    rows = Rows.build(timeline)
    expo = [r for r in rows.rows if isinstance(r, Entry)
            and rows.timeline.events[r.event].uid == "p-02"]
    assert [(r.day, r.part, r.parts) for r in expo] == [
        (date(2025, 2, 24), 1, 3), (date(2025, 2, 25), 2, 3), (date(2025, 2, 26), 3, 3)]


def test_long_spans_show_first_and_last_day_only(timeline: Timeline) -> None:
    from dataclasses import replace
    event = replace(timeline.events[0], uid="long", granularity="day", start=date(2025, 1, 1),
                    end=date(2025, 6, 30))
    rows = Rows.build(Timeline.of([event]))
    parts = [r.part for r in rows.rows if isinstance(r, Entry)]
    assert parts == [1, 181]
    assert MAX_SPREAD_DAYS < 181


def test_navigation_indexes(timeline: Timeline) -> None:
    rows = Rows.build(timeline)
    nearest = rows.row_nearest(TODAY)
    assert nearest is not None
    assert rows.days[nearest] == date(2025, 2, 19)
    after = rows.row_on_or_after(date(2025, 2, 23))
    assert after is not None
    assert rows.days[after] == date(2025, 2, 24)
    before = rows.row_before(date(2025, 2, 24))
    assert before is not None
    assert rows.days[before] == date(2025, 2, 22)
    assert rows.row_before(date(1990, 1, 1)) is None


def test_search_finds_title_place_and_source(timeline: Timeline) -> None:
    rows = Rows.build(timeline)
    assert [rows.event_at(r).uid for r in rows.search("gala")] == ["k-02"]  # type: ignore[union-attr]
    assert len(rows.search("washington")) == 7  # place or headline
    assert len(rows.search("pacific_dialogue")) == 5  # the source file name
    assert rows.search("  ") == []


def test_per_day_counts_for_the_month_grid(timeline: Timeline) -> None:
    rows = Rows.build(timeline)
    assert rows.per_day[date(2025, 2, 21)] == 2
    assert rows.per_day[date(2025, 2, 22)] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-02", date(2025, 2, 1)),
        ("2025-02-19", date(2025, 2, 19)),
        ("2025", date(2025, 1, 1)),
        ("2025-W10", date(2025, 3, 3)),
        ("today", TODAY),
        ("tomorrow", date(2025, 2, 19)),
        ("next friday", date(2025, 2, 21)),
        ("friday", date(2025, 2, 21)),
        ("last monday", date(2025, 2, 17)),
        ("next tuesday", date(2025, 2, 25)),
        ("feb 24", date(2025, 2, 24)),
        ("March 2026", date(2026, 3, 1)),
        ("next month", date(2025, 3, 1)),
    ],
)
def test_go_to_dates(text: str, expected: date) -> None:
    assert resolve_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "soon-ish blah", "2025-13"])
def test_go_to_rejects_what_it_cannot_read(text: str) -> None:
    with pytest.raises(QueryError):
        resolve_date(text, TODAY)


def test_apply_edit_reads_ranges_times_and_months(timeline: Timeline) -> None:
    gala = timeline.by_uid("k-02")
    assert gala is not None
    assert when_text(gala) == "2025-02-19T19:00"
    moved = apply_edit(gala, Edit(title="Gala", when="2025-02-20 19:30", location="DC",
                                  tz="America/New_York"))
    assert (moved.first_day, moved.granularity, moved.location) == (date(2025, 2, 20), "time",
                                                                    "DC")
    spread = apply_edit(gala, Edit(title="Gala", when="2025-02-21 / 2025-02-22", location="",
                                   tz=""))
    assert (spread.last_day, spread.location, spread.tz) == (date(2025, 2, 22), None, None)
    month = apply_edit(gala, Edit(title="Gala", when="2025-03", location="", tz=""))
    assert month.granularity == "month"


@pytest.mark.parametrize("when", ["soon", "2025-02-22 / 2025-02-21", "2025-02 / 2025-02-03"])
def test_apply_edit_quotes_bad_dates(timeline: Timeline, when: str) -> None:
    with pytest.raises(InputError, match="date"):
        apply_edit(timeline.events[0], Edit(title="x", when=when, location="", tz=""))


def test_memory_corrections_apply_and_undo(timeline: Timeline) -> None:
    log = MemoryCorrections()
    log.add(Correction(uid="k-02", action="hide"))
    log.add(Correction(uid="k-03", action="confirm"))
    corrected = log.apply(timeline)
    assert corrected.by_uid("k-02") is None
    assert log.confirmed() == {"k-03"}
    undone = log.undo()
    assert undone is not None
    assert undone.action == "confirm"
    assert log.undo() is not None
    assert log.undo() is None
    assert log.apply(timeline) == timeline
