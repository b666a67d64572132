"""Pilot tests of the browser's finer points: dates typed without a year, the today marker,
search highlights, messages that clear, the footer, the palette, dimming by date, short IDs
and recurring series, each at 80x24 and 120x40."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from rich.style import Style
from test_tui import TODAY, current, day, fixture_timeline, plain, ready, screen, status
from textual.command import CommandPalette
from textual.widgets import Footer, Static

from timeline.event import Event, Source
from timeline.ics import read_ics
from timeline.timeline import Timeline
from tui.app import TimelineApp
from tui.backend import Backend
from tui.event_list import EventList
from tui.goto import resolve_date
from tui.rows import Heading, Rows

SIZES = [(80, 24), (120, 40)]
SERIES = Path(__file__).resolve().parent / "data" / "ics" / "recurring_series_and_twin_uids.ics"


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("TIMELINE_CONFIG", str(tmp_path / "missing.toml"))


def app_on(timeline: Timeline, today: date = TODAY) -> TimelineApp:
    return TimelineApp(Backend(timeline=timeline), today=today)


def event(uid: str, start: date, *, kind: str = "scheduled", title: str = "") -> Event:
    return Event(uid=uid, title=title or f"Event {uid}", start=start, end=None,
                 granularity="day", kind=kind,  # type: ignore[arg-type]
                 sources=(Source(document="notes.txt", evidence="", trigger=""),))


# Go to a date without a year ---------------------------------------------------------------


def test_a_year_less_date_takes_the_year_of_the_timeline_near_the_cursor() -> None:
    span = (date(2019, 3, 1), date(2021, 6, 30))
    assert resolve_date("feb 19", date(2026, 12, 4), span=span,
                        near=date(2020, 11, 1)) == date(2021, 2, 19)
    assert resolve_date("feb 19", date(2026, 12, 4), span=span,
                        near=date(2019, 12, 30)) == date(2020, 2, 19)
    assert resolve_date("march", date(2026, 12, 4),
                        span=(date(2025, 1, 1), date(2025, 3, 3))) == date(2025, 3, 1)
    # Without a timeline, and for relative phrases, today is the anchor.
    assert resolve_date("feb 19", date(2026, 12, 4)) == date(2026, 2, 19)
    assert resolve_date("tomorrow", date(2026, 12, 4), span=span) == date(2026, 12, 5)


@pytest.mark.parametrize("size", SIZES)
async def test_go_to_feb_20_stays_in_the_browsed_year(size: tuple[int, int]) -> None:
    app = app_on(fixture_timeline(), today=date(2026, 12, 4))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("colon", *"feb 20", "enter")
        assert day(app) == date(2025, 2, 20)
        assert current(app) == "k-03"
        assert "went to Thu 20 Feb 2025" in status(app)


# Today marker ------------------------------------------------------------------------------


def test_a_day_without_events_gets_a_today_heading() -> None:
    timeline = Timeline.of([event("a", date(2025, 2, 17)), event("b", date(2025, 2, 20))])
    rows = Rows.build(timeline, today=date(2025, 2, 18))
    labels = [r.label for r in rows.rows if isinstance(r, Heading)]
    assert labels == ["Mon 17 Feb 2025", "Tue 18 Feb 2025 · no events", "Thu 20 Feb 2025"]
    # A day with events keeps its own heading; no second one is added.
    same = Rows.build(timeline, today=date(2025, 2, 20))
    assert [r.label for r in same.rows if isinstance(r, Heading)] == [
        "Mon 17 Feb 2025", "Thu 20 Feb 2025"]
    after = Rows.build(timeline, today=date(2025, 3, 1))
    assert after.rows[len(after) - 1] == Heading(date(2025, 3, 1),
                                                 "Sat 01 Mar 2025 · no events")
    assert Rows.build(timeline).headings == same.headings


@pytest.mark.parametrize("size", SIZES)
async def test_today_marker_is_shown_between_the_days(size: tuple[int, int]) -> None:
    app = app_on(fixture_timeline())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        lines = rendered(app)
        marker = next(i for i, line in enumerate(lines) if "Tue 18 Feb 2025" in line)
        assert "no events" in lines[marker]
        assert " today " in lines[marker]
        assert "Wed 19 Feb 2025" in lines[marker + 1]
        assert current(app) == "k-02"


def rendered(app: TimelineApp) -> list[str]:
    """The list's visible lines as plain text."""
    events = screen(app).query_one(EventList)
    return [events.render_line(y).text for y in range(events.size.height)]


# Search highlights -------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_search_hits_are_highlighted_in_list_and_detail(size: tuple[int, int]) -> None:
    app = app_on(fixture_timeline())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"dialogue")
        events = screen(app).query_one(EventList)
        match = events.get_component_rich_style("event-list--match")
        row = events.cursor
        text = events._row_text(row, events.size.width)
        start = text.plain.lower().index("dialogue")
        assert any(span.start <= start < span.end and span.style == match
                   for span in text.spans)
        detail = screen(app).query_one("#detail", Static).content
        title = detail.renderables[0]  # type: ignore[union-attr]
        assert any(title.plain[s.start:s.end].lower() == "dialogue" for s in title.spans)


# Status messages clear ---------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_status_messages_clear_and_long_ones_fit(size: tuple[int, int],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.app import MainScreen

    monkeypatch.setattr(MainScreen, "MESSAGE_SECONDS", 0.5)
    app = app_on(fixture_timeline())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen(app).say("went to Mon 03 Mar 2025")
        await pilot.pause()
        assert "went to" in status(app)
        await pilot.pause(1.5)
        assert "went to" not in status(app)
        screen(app).say("cannot read a date", error=True)
        await pilot.pause(0.6)
        assert "cannot read" in status(app)  # errors stay twice as long
        await pilot.pause(1.0)
        assert "cannot read" not in status(app)
        long = "wrote 9 events to /a/rather/long/folder/name/for/the/export/timeline-view.ics"
        screen(app).say(long)
        await pilot.pause()
        right = screen(app).query_one("#status-right", Static)
        assert right.size.width >= min(len(long), size[0] - 2)


# Footer and palette ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_footer_fits_and_keeps_help_and_quit(size: tuple[int, int]) -> None:
    app = app_on(fixture_timeline())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        footer = screen(app).query_one(Footer)
        keys = [child for child in footer.children if child.region.width]
        assert keys
        assert max(child.region.right for child in keys) <= size[0]
        shown = " ".join(str(child.render()) for child in keys)
        for label in ("Go to", "Search", "Help", "Quit"):
            assert label in shown


@pytest.mark.parametrize("size", SIZES)
async def test_palette_offers_the_app_s_commands(size: tuple[int, int]) -> None:
    app = app_on(fixture_timeline())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(screen(app))]
        assert titles[:5] == ["Go to date", "Search", "Filter", "Month grid",
                              "Export view to .ics"]
        assert "Quit" in titles  # Textual's own commands follow
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"month grid", "enter")
        await pilot.pause()
        await pilot.pause()
        from tui.month_grid import MonthGrid
        assert screen(app).query_one(MonthGrid).display


# Dimmed by date, kind apart ----------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_over_events_are_dimmed_and_kind_is_a_badge(size: tuple[int, int]) -> None:
    timeline = Timeline.of([
        event("over", date(2025, 2, 10), title="Scheduled but over"),
        event("reported", date(2025, 2, 25), kind="past", title="Reported, still to come"),
        event("ahead", date(2025, 2, 26), title="Still to come"),
    ])
    app = app_on(timeline)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        events = screen(app).query_one(EventList)
        rows = events.rows
        assert rows is not None
        styles = {}
        for row in range(len(rows)):
            shown = rows.event_at(row)
            if shown is not None:
                text = events._row_text(row, events.size.width)
                styles[shown.uid] = (text, any(
                    s.style.dim for s in text.spans if isinstance(s.style, Style)))
        assert styles["over"][1]
        assert not styles["reported"][1]
        assert not styles["ahead"][1]
        assert styles["reported"][0].plain.rstrip().endswith("past")
        assert "past" not in styles["ahead"][0].plain


# Short IDs and recurring series ------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_detail_shows_the_short_id_and_series_are_expanded(size: tuple[int, int]) -> None:
    events = read_ics(SERIES)
    app = app_on(Timeline.of(events), today=date(2025, 2, 18))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        detail = plain(screen(app).query_one("#detail", Static))
        assert current(app) == "abcdef01-talk@example.org"
        assert re.search(r"^ID +abcdef01 *$", detail, re.MULTILINE)
        await pilot.press("colon", *"2025-02-24", "enter")
        assert current(app) == "series-weekly-chess@example.org#20250224T190000"
        assert re.search(r"^ID +series-w *$", plain(screen(app).query_one("#detail", Static)),
                         re.MULTILINE)
        shown = [e.start for e in screen(app).rows.timeline  # type: ignore[union-attr]
                 if e.title == "Chess club"]
        berlin = ZoneInfo("Europe/Berlin")
        assert shown[:3] == [datetime(2025, 2, d, 19, tzinfo=berlin) for d in (3, 10, 24)]
        assert datetime(2025, 2, 17, 19, tzinfo=berlin) not in shown


def test_derivation_notes_are_said_once() -> None:
    from tui.detail import derivation_text

    assert derivation_text("title from the clause; 'Feb. 19' -> 2025-02-19; "
                           "title from the clause") == (
        "title from the clause; 'Feb. 19' -> 2025-02-19")
