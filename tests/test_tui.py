"""Pilot tests: every binding of ``timeline browse`` and the correction round trip."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Static

from timeline.event import Event
from timeline.timeline import Timeline
from tui.app import MainScreen, TimelineApp
from tui.backend import Backend
from tui.config import Config, load_config
from tui.event_list import EventList
from tui.month_grid import MonthGrid
from tui.rows import Rows
from tui.screens import EditScreen, HelpScreen, SourceScreen

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "tests" / "data" / "tui" / "events.json"
TODAY = date(2025, 2, 18)


def fixture_timeline() -> Timeline:
    payload = json.loads(EVENTS.read_text(encoding="utf-8"))
    return Timeline.of(Event.from_json(item) for item in payload["events"])


def make_app(config: Config | None = None, query: str = "") -> TimelineApp:
    return TimelineApp(Backend(timeline=fixture_timeline()), config=config, today=TODAY,
                       query=query)


async def ready(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen(app: TimelineApp) -> MainScreen:
    main = app.screen_stack[0]
    assert isinstance(main, MainScreen)
    return main


def current(app: TimelineApp) -> str:
    event = screen(app).query_one(EventList).current
    assert event is not None
    return event.uid


def day(app: TimelineApp) -> date | None:
    return screen(app).query_one(EventList).current_day


def plain(widget: Static) -> str:
    """What a Static shows, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def status(app: TimelineApp) -> str:
    main = screen(app)
    return (f"{plain(main.query_one('#status-left', Static))} | "
            f"{plain(main.query_one('#status-right', Static))}")


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Sources name articles by paths relative to the repository.
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TIMELINE_CONFIG", str(tmp_path / "missing.toml"))


async def test_opens_on_the_event_nearest_today() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert current(app) == "k-02"
        assert "9 events" in status(app)
        assert "Korea-U.S. Business Night gala dinner" in plain(
            screen(app).query_one("#detail", Static))


@pytest.mark.parametrize(
    ("keys", "uid"),
    [
        (["j"], "k-03"),
        (["down", "down"], "k-04"),
        (["k"], "k-01"),
        (["up", "up"], "k-05"),
        (["g"], "p-04"),
        (["G"], "p-03"),
        (["home"], "p-04"),
        (["end"], "p-03"),
        (["pagedown"], "p-03"),
        (["G", "pageup"], "p-04"),
        (["d"], "k-03"),
        (["d", "d", "D"], "k-03"),
        (["w"], "p-02"),
        (["w", "W"], "k-02"),
        (["m"], "p-03"),
        (["m", "M"], "k-01"),
        (["G", "t"], "k-02"),
    ],
)
async def test_moving(keys: list[str], uid: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        assert current(app) == uid


async def test_go_to_date_takes_typed_dates() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("colon", *"2025-03", "enter")
        assert current(app) == "p-03"
        await pilot.press("colon", *"next friday", "enter")
        assert day(app) == date(2025, 2, 21)
        await pilot.press("colon", *"whenever", "enter")
        assert "cannot read a date" in status(app)
        await pilot.press("escape")
        assert not screen(app).query_one("#prompt").display


async def test_incremental_search_and_hits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"pac")
        assert current(app) == "k-04"  # first hit after the cursor, while typing
        assert "/pac" in status(app)
        await pilot.press("enter", "n")
        assert current(app) == "p-01"
        await pilot.press("N", "N")
        assert current(app) == "p-04"  # wraps to the earliest hit
        await pilot.press("escape")
        assert "/pac" not in status(app)


async def test_search_escape_returns_to_the_start() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"expo", "escape")
        assert current(app) == "k-02"


async def test_filter_uses_the_query_language_and_is_shown() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f", *"kind:past", "enter")
        await ready(pilot)
        assert "2 events of 9" in status(app)
        assert "kind:past" in status(app)
        await pilot.press("f", *["backspace"] * 20, *"after:2025-03 bogus:1", "enter")
        assert "unknown filter" in status(app)
        await pilot.press("escape")


async def test_initial_query() -> None:
    app = make_app(query="source:pacific")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "5 events of 9" in status(app)


async def test_month_grid_selects_a_day() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        grid = screen(app).query_one(MonthGrid)
        assert grid.display
        assert grid.cursor == date(2025, 2, 19)
        assert grid.counts[date(2025, 2, 21)] == 2
        await pilot.press("right", "right", "right", "right", "right", "enter")
        assert not grid.display
        assert day(app) == date(2025, 2, 24)
        await pilot.press("c", "m", "M", "down", "up", "left", "escape")
        assert not grid.display


async def test_help_lists_every_binding_with_overrides(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[tui.keys]\nnext-day = "ctrl+d"\n', encoding="utf-8")
    app = make_app(config=load_config(config))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+d")
        assert current(app) == "k-03"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = plain(app.screen.query_one(Static))
        assert "ctrl+d" in text
        assert "Next day" in text
        assert "Undo" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_source_view_shows_the_article() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, SourceScreen)
        body = plain(app.screen.query_one("#source-text", Static))
        assert "Great Hall of the Thomas Jefferson Building" in body
        await pilot.press("j", "k", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_hide_confirm_undo() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("x")
        await ready(pilot)
        assert "8 events" in status(app)
        assert "hid 'Korea-U.S. Business Night gala dinner'" in status(app)
        assert current(app) == "k-03"
        await pilot.press("C")
        assert "k-03" in screen(app).query_one(EventList).confirmed
        await pilot.press("u")
        await ready(pilot)
        assert not screen(app).query_one(EventList).confirmed
        await pilot.press("u")
        await ready(pilot)
        assert "9 events" in status(app)
        assert current(app) == "k-02"
        await pilot.press("u")
        assert "nothing to undo" in status(app)


async def test_edit_then_export_round_trip(tmp_path: Path) -> None:
    app = make_app()
    target = tmp_path / "view.ics"
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("E")
        assert isinstance(app.screen, EditScreen)
        app.screen.query_one("#edit-when", Input).value = "2025-02-20 19:30"
        app.screen.query_one("#edit-title", Input).value = "Business Night gala"
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert current(app) == "k-02"
        assert day(app) == date(2025, 2, 20)
        await pilot.press("e", *["backspace"] * 200, *str(target), "enter")
        assert "wrote 5 events" in status(app)
        assert "4 month/week/year events left out" in status(app)
    text = target.read_text(encoding="utf-8")
    assert "SUMMARY:Business Night gala" in text
    assert "DTSTART;TZID=America/New_York:20250220T193000" in text


async def test_edit_keeps_the_form_open_on_a_bad_date() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("E")
        app.screen.query_one("#edit-when", Input).value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert "bad date" in plain(app.screen.query_one("#edit-error", Static))
        assert app.screen.query_one("#edit-when", Input).value == "someday"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_copy_feed_url(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("y")
        assert "no feed configured" in status(app)
    app = make_app(config=Config(feed_url="http://localhost:8080/calendar.ics"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("y")
        assert app.clipboard == "http://localhost:8080/calendar.ics"


async def test_store_round_trip(tmp_path: Path) -> None:
    """Corrections made in the TUI land in the store and reach its export."""
    from timeline.store import Store
    db = tmp_path / "t.db"
    article = tmp_path / "news" / "gala.txt"
    article.parent.mkdir()
    article.write_text(
        " date 2025-02-04 Gala\nPublished: 04 Feb. 2025, 17:55\n"
        "The delegation will hold a gala dinner in Washington on Feb. 19.\n",
        encoding="utf-8")
    app = TimelineApp(Backend([str(article.parent)], db=str(db)), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "1 event" in status(app)
        await pilot.press("E")
        app.screen.query_one("#edit-title", Input).value = "Gala dinner"
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert "edited 'Gala dinner' · u to undo" in status(app)
    with Store.open(db, create=False) as store:
        assert [e.title for e in store.timeline()] == ["Gala dinner"]
    app = TimelineApp(Backend(db=str(db)), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("x")
        await ready(pilot)
        assert "0 events" in status(app)
        await pilot.press("u")
        await ready(pilot)
        assert "1 event" in status(app)


async def test_quit() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        assert not app.is_running


def board_store(tmp_path: Path) -> Path:
    """A store of 24 one-day events, three per article, Jan 10 to Mar 17, 2025."""
    from timeline.document import Document
    from timeline.event import Source
    from timeline.store import Store
    from timeline.store_ingest import ingest

    def parse(document: Document) -> list[Event]:  # one event a line: "DAY title"
        lines = [line for line in document.text.splitlines() if line[:2] == "20"]
        return [Event(uid=f"{document.id}-{n}", title=line[11:],
                      start=date.fromisoformat(line[:10]), end=None, granularity="day",
                      kind="scheduled",
                      sources=(Source(document=document.id, evidence=line, trigger=line[:10]),))
                for n, line in enumerate(lines)]

    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(8):
        lines = [f"2025-0{1 + k}-{10 + number} Board meeting {number} {k}" for k in range(3)]
        (folder / f"{number}.txt").write_text(
            " date 2025-01-01 Board\nPublished: 01 Jan. 2025, 09:00\n" + "\n".join(lines)
            + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        ingest(store, [str(folder)], workers=1, parse=parse)
        assert len(store.timeline()) == 24
    return db


async def test_store_first_screen_is_the_days_around_today(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From a store, the days around today show first, then the rest, the cursor kept."""
    db = board_store(tmp_path)
    shown: list[tuple[int, bool]] = []
    original = MainScreen._show_rows

    def spy(self: MainScreen, rows: Rows, *args: object, **kwargs: bool) -> None:
        original(self, rows, *args, **kwargs)  # type: ignore[arg-type]
        shown.append((len(rows.timeline), self.partial))

    monkeypatch.setattr(MainScreen, "_show_rows", spy)
    app = TimelineApp(Backend(db=str(db), around=2), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert shown[0][1]
        assert shown[0][0] < 24
        assert shown[-1] == (24, False)
        assert "24 events" in status(app)
        assert "loading the rest" not in status(app)
        assert day(app) == date(2025, 2, 17)
        shown.clear()
        await pilot.press("x")  # hidden at once: the days around it first, then the rest
        await ready(pilot)
        assert shown[0][1]
        assert shown[-1] == (23, False)
        assert day(app) == date(2025, 3, 10)
        await pilot.press("E")
        app.screen.query_one("#edit-when", Input).value = "2025-01-11"
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert day(app) == date(2025, 1, 11)
        assert "Board meeting 0 2" in plain(screen(app).query_one("#detail", Static))
