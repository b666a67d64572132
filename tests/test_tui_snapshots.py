"""Snapshots of what a person sees, on a fixed timeline with a pinned today and size."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from timeline.event import Event
from timeline.timeline import Timeline
from tui.app import TimelineApp
from tui.backend import Backend

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "tests" / "data" / "tui" / "events.json"

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TIMELINE_CONFIG", str(tmp_path / "missing.toml"))


def app() -> TimelineApp:
    payload = json.loads(EVENTS.read_text(encoding="utf-8"))
    timeline = Timeline.of(Event.from_json(item) for item in payload["events"])
    return TimelineApp(Backend(timeline=timeline), today=date(2025, 2, 18))


async def loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(app(), terminal_size=(120, 40), run_before=loaded)


def test_main_screen_80x24_stacks_the_panes(snap_compare: SnapCompare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), run_before=loaded)


def test_detail_of_a_merged_multi_day_event(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "j")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


def test_search_highlights(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("slash", *"seoul")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


def test_month_grid(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("c")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("question_mark")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


def test_edit_form(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("E")

    assert snap_compare(app(), terminal_size=(120, 40), run_before=run_before)


# Issue 16: each change at 80x24 and 120x40 (the main screens above show the today marker,
# the compact footer, dimming by date with the kind badge, and the short ID in the detail).


def test_search_highlights_80x24(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("slash", *"seoul")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_palette_lists_the_app_commands(snap_compare: SnapCompare,
                                        size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_go_to_a_year_less_date_and_its_message(snap_compare: SnapCompare,
                                                size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("colon", *"feb 24", "enter")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=run_before)


def test_month_grid_80x24(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("c")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)
