"""The ``timeline browse`` app: the timeline list, the detail pane and everything on top.

Loading, filtering and re-laying out rows run in a worker thread, so the first screen shows
at once and a 100k-event timeline never blocks a key press.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, Static
from textual.worker import get_current_worker

from timeline.errors import TimelineError
from timeline.event import Event
from timeline.query import Query, parse_query
from timeline.shortid import ShortIdIndex
from timeline.timeline import Timeline
from tui.backend import Backend
from tui.config import Config
from tui.corrections import Correction, Edit
from tui.detail import detail_text
from tui.event_list import EventList
from tui.goto import resolve_date
from tui.month_grid import MonthGrid, add_months
from tui.rows import Rows
from tui.screens import EditScreen, HelpScreen, SourceScreen

PromptMode = Literal["search", "filter", "goto", "export"]

_PROMPTS: dict[PromptMode, str] = {
    "search": "/",
    "filter": "filter:",
    "goto": "go to:",
    "export": "export to:",
}

_KEY_NAMES = {
    "question_mark": "?", "slash": "/", "colon": ":", "greater_than_sign": ">",
    "less_than_sign": "<", "pagedown": "PgDn", "pageup": "PgUp", "escape": "Esc",
    "enter": "Enter", "down": "↓", "up": "↑", "left": "←", "right": "→", "home": "Home",
    "end": "End", "tab": "Tab",
}


def local_today() -> date:
    """Today where the user sits; only used when ``--today`` does not pin it."""
    return datetime.now(UTC).astimezone().date()


def key_label(keys: str) -> str:
    """Binding keys as a person reads them: ``j,down`` -> ``j ↓``."""
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


class MainScreen(Screen[None]):
    """The timeline list and the detail pane, with the prompt line under them."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's type)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "next_day", "Next day", show=False, id="next-day"),
        Binding("D", "previous_day", "Previous day", show=False, id="previous-day"),
        Binding("w", "next_week", "Next week", show=False, id="next-week"),
        Binding("W", "previous_week", "Previous week", show=False, id="previous-week"),
        Binding("m", "next_month", "Next month", show=False, id="next-month"),
        Binding("M", "previous_month", "Previous month", show=False, id="previous-month"),
        Binding("g", "first", "First event", show=False, id="first"),
        Binding("G", "last", "Last event", show=False, id="last"),
        Binding("t", "today", "Today", show=False, id="today"),
        Binding("colon", "prompt('goto')", "Go to", id="goto"),
        Binding("slash", "prompt('search')", "Search", id="search"),
        Binding("n", "hit(1)", "Next hit", show=False, id="next-hit"),
        Binding("N", "hit(-1)", "Previous hit", show=False, id="previous-hit"),
        Binding("f", "prompt('filter')", "Filter", id="filter"),
        Binding("c", "toggle_grid", "Month", id="month-grid"),
        Binding("enter", "source", "Article", show=False, id="source"),
        Binding("E", "edit", "Edit", show=False, id="edit"),
        Binding("x", "hide", "Hide", show=False, id="hide"),
        Binding("C", "confirm", "Confirm", show=False, id="confirm"),
        Binding("u", "undo", "Undo", show=False, id="undo"),
        Binding("e", "prompt('export')", "Export", id="export"),
        Binding("y", "copy_feed", "Feed URL", show=False, id="copy-feed"),
        Binding("escape", "cancel", "Cancel", show=False, id="cancel"),
    ]

    def __init__(self, backend: Backend, config: Config, today: date, query: Query,
                 *, pinned: bool = False) -> None:
        super().__init__()
        self.backend = backend
        self.config = config
        self.today = today
        self.pinned = pinned
        self.query_ = query
        self.rows: Rows | None = None
        self.total = 0
        #: True while the rows are only the days around today, before the full load.
        self.partial = False
        self.hits: list[int] = []
        self.needle = ""
        self.mode: PromptMode | None = None
        self._origin = 0
        self.message = Text("Loading…")
        self._message_timer: Timer | None = None
        self._loaded = Timeline(())
        #: Short IDs over the whole loaded timeline, built after the first screen.
        self.short_ids: ShortIdIndex | None = None

    def compose(self) -> ComposeResult:
        """Status line, the two panes (or the month grid), the prompt and the footer."""
        with Horizontal(id="status"):
            yield Static("", id="status-left")
            yield Static("", id="status-right")
        with Horizontal(id="panes"):
            yield EventList(today=self.today, ascii_markers=self.config.ascii, id="events")
            yield MonthGrid(today=self.today, id="grid")
            with VerticalScroll(id="detail-pane"):
                yield Static(detail_text(None), id="detail")
        with Horizontal(id="prompt"):
            yield Label("", id="prompt-label")
            yield Input(id="prompt-input")
        # Compact, and only the keys a newcomer needs first: it fits 80 columns; ? has all.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start loading; the list shows "Loading…" meanwhile."""
        self.query_one(EventList).focus()
        self.refresh_status()
        self.rebuild(first=True)

    # -- loading and re-laying out -------------------------------------------------------

    @work(thread=True, exclusive=True, group="rows", description="lay out rows")
    def rebuild(self, *, first: bool = False, keep_uid: str | None = None,
                keep_row: int | None = None, around: date | None = None) -> None:
        """Load (the first time), correct, filter and lay out rows off the UI thread.

        From a store, the days around today (the first time) or ``around`` show at once,
        then the whole timeline; the cursor stays on the event the user is on meanwhile.
        """
        try:
            day = self.today if first else around
            if day is not None and (window := self.backend.window(day)) is not None:
                part, complete = window
                rows = self._lay_out(part)
                if keep_uid is None or rows.row_of_uid(keep_uid) is not None:
                    self.app.call_from_thread(self._show_rows, rows, len(part), first,
                                              keep_uid, keep_row, partial=not complete)
                    if complete:
                        return
                    first, keep_uid, keep_row = False, None, None
                if get_current_worker().is_cancelled:
                    return
                timeline = self.backend.load() if first else self.backend.timeline()
                rows = self._lay_out(timeline)
                if not get_current_worker().is_cancelled:
                    self.app.call_from_thread(self._show_rows, rows, len(timeline), first,
                                              keep_uid, keep_row, follow=keep_uid is None)
                return
            timeline = self.backend.load() if first else self.backend.timeline()
            rows = self._lay_out(timeline)
        except TimelineError as error:
            self.app.call_from_thread(self._load_failed, str(error))
            return
        self.app.call_from_thread(self._show_rows, rows, len(timeline), first, keep_uid,
                                  keep_row)

    def _lay_out(self, timeline: Timeline) -> Rows:
        self._loaded = timeline
        shown = timeline.filter(self.query_) if self.query_ != Query() else timeline
        return Rows.build(shown, today=self.today)

    def _load_failed(self, message: str) -> None:
        events = self.query_one(EventList)
        events.placeholder = f"Could not load: {message}"
        events.refresh()
        self.say(message, error=True)

    def _show_rows(self, rows: Rows, total: int, first: bool, keep_uid: str | None,
                   keep_row: int | None, *, partial: bool = False,
                   follow: bool = False) -> None:
        self.rows, self.total, self.partial = rows, total, partial
        events = self.query_one(EventList)
        events.confirmed = self.backend.confirmed()
        line: int | None = None
        if follow and (current := events.current) is not None:
            # The full timeline replaces the first screen's: stay where the user is.
            line = events.cursor - int(events.scroll_offset.y)
            keep_uid = current.uid
        if keep_uid is not None:
            cursor = rows.row_of_uid(keep_uid)
        elif keep_row is not None:
            cursor = keep_row
        else:
            cursor = rows.row_nearest(self.today)
        events.show(rows, cursor, line=line)
        # A 100k-event timeline is millions of long-lived objects; without this, every
        # full garbage collection walks them all and stalls a key press.
        gc.freeze()
        if self.needle:
            self.hits = rows.search(self.needle)
        if first:
            problems = self.backend.problems
            if problems:
                self.say(f"{len(problems)} file(s) unreadable: {problems[0].message}",
                         error=True)
            else:
                self.say("? for help")
        self.refresh_status()
        grid = self.query_one(MonthGrid)
        if grid.display:
            grid.show(grid.cursor, rows.per_day)
        self.index(rows, self._loaded)

    # A description keeps Textual from repr()-ing 100k rows for the worker's name.
    # Not exclusive: cancelling one that is half done saves nothing, and a stale result is
    # dropped by _short_ids_ready.
    @work(thread=True, group="index", description="search index")
    def index(self, rows: Rows, loaded: Timeline) -> None:
        """Build the search text and the short IDs once the list is up, so the first `/`
        is as fast as any and the detail pane can name the event as `timeline list` does."""
        rows.texts  # noqa: B018 (computed and cached by the property)
        short = ShortIdIndex(e.uid.partition("#")[0] for e in loaded)
        self.app.call_from_thread(self._short_ids_ready, short, loaded)

    def _short_ids_ready(self, short: ShortIdIndex, loaded: Timeline) -> None:
        if loaded is not self._loaded:
            return  # the timeline was reloaded meanwhile; its own index follows
        self.short_ids = short
        self._show_detail(self.events.current)

    # -- status line ---------------------------------------------------------------------

    #: Seconds a message stays on the status line (errors stay twice as long).
    MESSAGE_SECONDS: ClassVar[float] = 5.0

    def say(self, message: str, *, error: bool = False) -> None:
        """Show a one-line message on the right of the status line, until it times out."""
        self.message = Text(message, style=Style(color="red", bold=True) if error else "")
        self.refresh_status()
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(
            self.MESSAGE_SECONDS * (2 if error else 1), self._clear_message)

    def _clear_message(self) -> None:
        self.message = Text()
        self._message_timer = None
        self.refresh_status()

    def refresh_status(self) -> None:
        """Event count, filter, search hits and today."""
        left = Text()
        if self.rows is None:
            left.append("timeline · loading…", Style(bold=True))
        else:
            count = len(self.rows.timeline)
            left.append(f"{count:,} event{'s' if count != 1 else ''}", Style(bold=True))
            if count != self.total:
                left.append(f" of {self.total:,}")
            if self.partial:
                left.append(" shown, loading the rest…", Style(dim=True))
        text = str(self.query_)
        left.append("  filter: ", Style(dim=True))
        left.append(text or "none", Style(color="yellow") if text else Style(dim=True))
        if self.needle:
            position = self._hit_position()
            left.append(f"  /{self.needle} ", Style(color="cyan"))
            left.append(f"{position}{len(self.hits)} hit{'s' if len(self.hits) != 1 else ''}")
        left.append("  today ", Style(dim=True))
        left.append(self.today.strftime("%a %d %b %Y") + (" (pinned)" if self.pinned else ""))
        self.query_one("#status-left", Static).update(left)
        self.query_one("#status-right", Static).update(self.message)

    def _hit_position(self) -> str:
        cursor = self.query_one(EventList).cursor
        if cursor in self.hits:
            return f"{self.hits.index(cursor) + 1} of "
        return ""

    # -- the detail pane follows the cursor ----------------------------------------------

    @on(EventList.Moved)
    def _moved(self, message: EventList.Moved) -> None:
        self._show_detail(message.event)
        if self.needle:
            self.refresh_status()

    def _show_detail(self, event: Event | None) -> None:
        short = None
        if event is not None and self.short_ids is not None:
            # An occurrence of a series is named by the series, which corrections act on.
            short = self.short_ids.of(event.uid.partition("#")[0])
        self.query_one("#detail", Static).update(detail_text(
            event,
            confirmed=event is not None and event.uid in self.events.confirmed,
            stored=self.backend.corrections_stored,
            short_id=short, needle=self.needle,
        ))

    # -- navigation ----------------------------------------------------------------------

    @property
    def events(self) -> EventList:
        """The timeline list."""
        return self.query_one(EventList)

    def _jump(self, day: date, *, forward: bool, period_start: date | None = None) -> None:
        rows = self.rows
        if rows is None:
            return
        row = rows.row_on_or_after(day)
        if not forward and period_start is not None and (
                row is None or rows.days[row] >= period_start):
            row = rows.row_before(period_start)
        self.events.move_to(row, top=True)

    def _day(self) -> date | None:
        return self.events.current_day

    def action_next_day(self) -> None:
        """First event of the next day with events."""
        if (day := self._day()) is not None:
            self._jump(day + timedelta(days=1), forward=True)

    def action_previous_day(self) -> None:
        """First event of the previous day with events."""
        if (day := self._day()) is not None and self.rows is not None:
            self.events.move_to(self.rows.row_before(day), top=True)

    def action_next_week(self) -> None:
        """First event of the next week."""
        if (day := self._day()) is not None:
            monday = day - timedelta(days=day.weekday())
            self._jump(monday + timedelta(weeks=1), forward=True)

    def action_previous_week(self) -> None:
        """First event of the previous week (or the last week before it with events)."""
        if (day := self._day()) is not None:
            monday = day - timedelta(days=day.weekday())
            self._jump(monday - timedelta(weeks=1), forward=False, period_start=monday)

    def action_next_month(self) -> None:
        """First event of the next month."""
        if (day := self._day()) is not None:
            self._jump(add_months(day.replace(day=1), 1), forward=True)

    def action_previous_month(self) -> None:
        """First event of the previous month (or the last month before it with events)."""
        if (day := self._day()) is not None:
            start = day.replace(day=1)
            self._jump(add_months(start, -1), forward=False, period_start=start)

    def action_first(self) -> None:
        """First event."""
        self.events.action_first()

    def action_last(self) -> None:
        """Last event."""
        self.events.action_last()

    def action_today(self) -> None:
        """The event nearest today (the pinned today under ``--today``)."""
        if self.rows is not None:
            self.events.move_to(self.rows.row_nearest(self.today), top=True)

    # -- prompt: search, filter, go to, export -------------------------------------------

    def action_prompt(self, mode: PromptMode) -> None:
        """Open the prompt line for one of its jobs."""
        self.mode = mode
        self._origin = self.events.cursor
        self.query_one("#prompt-label", Label).update(_PROMPTS[mode])
        prompt = self.query_one("#prompt-input", Input)
        prompt.value = {
            "search": self.needle,
            "filter": str(self.query_),
            "goto": "",
            "export": str(Path.cwd() / "timeline.ics"),
        }[mode]
        prompt.placeholder = {
            "search": "words in title, place or source",
            "filter": "e.g. summit after:2025-02 before:2025-03-01 kind:scheduled source:joongang",
            "goto": "2025-02, 2025-02-19, feb 19, next friday",
            "export": "file.ics",
        }[mode]
        self.query_one("#prompt").display = True
        prompt.focus()
        prompt.cursor_position = len(prompt.value)

    def _close_prompt(self) -> None:
        self.mode = None
        self.query_one("#prompt").display = False
        self.events.focus()

    @on(Input.Changed, "#prompt-input")
    def _typed(self, message: Input.Changed) -> None:
        if self.mode == "search":
            self.search(message.value, from_row=self._origin)

    def search(self, needle: str, *, from_row: int | None = None) -> None:
        """Highlight matches and move to the first at or after ``from_row``."""
        self.needle = needle.strip().lower()
        events = self.events
        if self.rows is None:
            return
        self.hits = self.rows.search(self.needle) if self.needle else []
        events.restyle(needle=self.needle)
        if self.hits:
            start = events.cursor if from_row is None else from_row
            index = bisect.bisect_left(self.hits, start)
            events.move_to(self.hits[index % len(self.hits)])
        elif from_row is not None:
            events.move_to(from_row)
        self._show_detail(events.current)
        self.refresh_status()

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, message: Input.Submitted) -> None:
        mode, value = self.mode, message.value.strip()
        if mode == "search":
            self._close_prompt()
            if not self.hits and self.needle:
                self.say(f"no event matches {self.needle!r}", error=True)
        elif mode == "filter":
            try:
                query = parse_query(value)
            except TimelineError as error:
                self.say(str(error), error=True)
                return
            self._close_prompt()
            self.query_ = query
            self.say(f"filter: {value}" if value else "filter cleared")
            current = self.events.current
            self.rebuild(keep_uid=current.uid if current else None,
                         around=self.events.current_day)
        elif mode == "goto":
            try:
                day = resolve_date(value, self.today, span=self._span(),
                                   near=self.events.current_day)
            except TimelineError as error:
                self.say(str(error), error=True)
                return
            self._close_prompt()
            self._jump(day, forward=True)
            self.say(f"went to {day.strftime('%a %d %b %Y')}")
        elif mode == "export":
            self._close_prompt()
            self.export(value or "timeline.ics")

    def _span(self) -> tuple[date, date] | None:
        """The first and last day of the timeline shown, for dates typed without a year."""
        rows = self.rows
        if rows is None or not rows.days:
            return None
        return rows.days[0], rows.days[-1]

    def action_cancel(self) -> None:
        """Close the prompt (a search returns to where it started) or the month grid."""
        if self.mode == "search":
            self.needle, self.hits = "", []
            self.events.restyle(needle="")
            self.events.move_to(self._origin)
        if self.mode is not None:
            self._close_prompt()
            self.refresh_status()
        elif self.query_one(MonthGrid).display:
            self.action_toggle_grid()
        elif self.needle:
            self.needle, self.hits = "", []
            self.events.restyle(needle="")
            self.refresh_status()

    def action_hit(self, direction: int) -> None:
        """Next or previous search hit, wrapping around."""
        if not self.hits:
            self.say("no search: press / first" if not self.needle else "no hits", error=True)
            return
        cursor = self.events.cursor
        if direction > 0:
            index = bisect.bisect_right(self.hits, cursor) % len(self.hits)
        else:
            index = (bisect.bisect_left(self.hits, cursor) - 1) % len(self.hits)
        self.events.move_to(self.hits[index])
        self.refresh_status()

    # -- month grid ----------------------------------------------------------------------

    def action_toggle_grid(self) -> None:
        """Swap the list for the month grid and back."""
        grid = self.query_one(MonthGrid)
        events = self.events
        if grid.display:
            grid.display = False
            events.display = True
            events.focus()
            events.scroll_to_cursor()
            return
        if self.rows is None:
            return
        grid.show(events.current_day or self.today, self.rows.per_day)
        events.display = False
        grid.display = True
        grid.focus()

    @on(MonthGrid.DaySelected)
    def _day_selected(self, message: MonthGrid.DaySelected) -> None:
        self.action_toggle_grid()
        self._jump(message.day, forward=True)
        self.say(f"went to {message.day.strftime('%a %d %b %Y')}")

    # -- corrections ---------------------------------------------------------------------

    def _current(self) -> Event | None:
        event = self.events.current
        if event is None:
            self.say("no event selected", error=True)
        return event

    def _corrected(self, correction: Correction, title: str, *, keep_row: bool = False) -> None:
        where = "" if self.backend.corrections_stored else " (this session only)"
        self.say(f"{correction.describe(title)}{where} · u to undo")
        day = self.events.current_day
        if correction.event is not None:
            day = correction.event.first_day  # an edit may have moved it
        if keep_row and self.backend.corrections_stored and self.rows is not None:
            # The first rows shown after it are another list's; stay on the next event.
            neighbour = self._neighbour(correction.uid)
            if neighbour is not None:
                self.rebuild(keep_uid=neighbour, around=day)
                return
        if keep_row:
            self.rebuild(keep_row=self.events.cursor)
        else:
            self.rebuild(keep_uid=correction.uid, around=day)

    def _neighbour(self, uid: str) -> str | None:
        """The uid of the event after the cursor's (before it, at the end) other than ``uid``."""
        rows = self.rows
        if rows is None:
            return None
        cursor = self.events.cursor
        for step, start in ((1, cursor + 1), (-1, cursor - 1)):
            row = start
            while 0 <= row < len(rows):
                event = rows.event_at(row)
                if event is not None and event.uid != uid:
                    return event.uid
                row += step
        return None

    def action_edit(self) -> None:
        """Open the correction form for the current event."""
        if (event := self._current()) is not None:
            self._edit(event)

    def _edit(self, event: Event, typed: Edit | None = None, error: str = "") -> None:
        def done(edit: Edit | None) -> None:
            if edit is None:
                return
            try:
                correction = self.backend.edit(event, edit)
            except TimelineError as problem:
                self._edit(event, edit, str(problem))  # keep what was typed, say what is wrong
                return
            self._corrected(correction, edit.title)

        self.app.push_screen(EditScreen(event, typed, error), done)

    def action_hide(self) -> None:
        """Hide the current event (a false positive)."""
        if (event := self._current()) is not None:
            self._corrected(self.backend.hide(event), event.title, keep_row=True)

    def action_confirm(self) -> None:
        """Mark the current event as checked."""
        if (event := self._current()) is None:
            return
        correction = self.backend.confirm(event)
        self.events.restyle(confirmed=self.backend.confirmed())
        self.events.post_message(EventList.Moved(event))
        where = "" if self.backend.corrections_stored else " (this session only)"
        self.say(f"{correction.describe(event.title)}{where} · u to undo")

    def action_undo(self) -> None:
        """Undo the last correction."""
        correction = self.backend.undo()
        if correction is None:
            self.say("nothing to undo", error=True)
            return
        self.say(f"undid: {correction.action} of one event")
        self.rebuild(keep_uid=correction.uid, around=self.events.current_day)

    # -- export, feed, article -----------------------------------------------------------

    def export(self, path: str) -> None:
        """Write the filtered view to .ics and say where."""
        if self.rows is None:
            return
        if self.partial:
            self.say("still loading the whole timeline; export again in a moment", error=True)
            return
        try:
            count, coarse = self.backend.export(self.rows.timeline, path)
        except TimelineError as error:
            self.say(str(error), error=True)
            return
        left_out = f" ({coarse} month/week/year events left out)" if coarse else ""
        self.say(f"wrote {count} event{'s' if count != 1 else ''} to "
                 f"{Path(path).expanduser().resolve()}{left_out}")

    def action_copy_feed(self) -> None:
        """Copy the feed URL to the clipboard, when a server is configured."""
        url = self.config.feed_url
        if not url:
            self.say("no feed configured: set [feed] url in the config file", error=True)
            return
        query = str(self.query_)
        if query:
            from urllib.parse import quote
            url += ("&" if "?" in url else "?") + "q=" + quote(query)
        self.app.copy_to_clipboard(url)
        self.say(f"copied {url}")

    def action_source(self) -> None:
        """Open the article the event was read from."""
        if (event := self._current()) is None:
            return
        source = event.source
        document = self.backend.document(source)
        spans = self.backend.detected_spans(document) if document is not None else []
        self.app.push_screen(SourceScreen(document, spans, source))

    def help_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every binding with the keys the keymap gives it, for the help screen."""
        keymap = self.config.keys

        every = {b.id: b for b in (*EventList.BINDINGS, *MainScreen.BINDINGS,
                                   *MonthGrid.BINDINGS, *TimelineApp.BINDINGS)
                 if isinstance(b, Binding) and b.id}
        return [(title, [(key_label(keymap.get(i, every[i].key)),
                          HELP_TEXT.get(i, every[i].description)) for i in ids])
                for title, ids in HELP_SECTIONS]


#: Longer help than the footer has room for.
HELP_TEXT: dict[str, str] = {
    "home": "First event (same as g)",
    "end": "Last event (same as G)",
    "today": "Event nearest today (--today pins it)",
    "goto": "Go to a date: 2025-02, 2025-02-19, feb 19, next friday",
    "search": "Search title, place and source as you type",
    "filter": "Filter: words and after: before: kind: source: tag:",
    "cancel": "Close the prompt or grid; clear the search",
    "source": "Open the article: dates underlined, sentence shaded",
    "month-grid": "Month grid with events per day",
    "grid-select": "In the grid: jump the list to that day",
    "grid-prev-month": "In the grid: previous month",
    "grid-next-month": "In the grid: next month",
    "edit": "Correct title, date, place, zone",
    "hide": "Hide a false positive",
    "confirm": "Confirm the event is right",
    "undo": "Undo the last correction",
    "export": "Export the filtered view to .ics",
    "copy-feed": "Copy the feed URL (needs [feed] url)",
}

#: The help screen's sections, by binding id.
HELP_SECTIONS: list[tuple[str, list[str]]] = [
    ("Moving", ["down", "up", "page-down", "page-up", "first", "last", "home", "end",
                "next-day", "previous-day", "next-week", "previous-week", "next-month",
                "previous-month", "today", "goto"]),
    ("Search and filter", ["search", "next-hit", "previous-hit", "filter", "cancel"]),
    ("Views", ["source", "month-grid", "grid-select", "grid-prev-month", "grid-next-month"]),
    ("Corrections", ["edit", "hide", "confirm", "undo"]),
    ("Export", ["export", "copy-feed"]),
    ("App", ["help", "quit"]),
]


class TimelineApp(App[None]):
    """Browse a timeline: ``timeline browse [PATH...]``."""

    CSS_PATH = "app.tcss"
    TITLE = "timeline"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, backend: Backend, *, config: Config | None = None,
                 today: date | None = None, query: str = "") -> None:
        super().__init__()
        self.backend = backend
        self.config = config or Config()
        self.pinned = today is not None
        self.today = today or local_today()
        self.initial_query = parse_query(query)
        if self.config.keys:
            self.set_keymap(self.config.keys)

    def on_unmount(self) -> None:
        """Release the store."""
        self.backend.close()

    def get_default_screen(self) -> MainScreen:
        """The timeline is the app's base screen."""
        return MainScreen(self.backend, self.config, self.today, self.initial_query,
                          pinned=self.pinned)

    def action_help(self) -> None:
        """Show every binding."""
        screen = self.screen
        if isinstance(screen, MainScreen):
            self.push_screen(HelpScreen(screen.help_sections()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette (ctrl+p): the browser's own commands first, then Textual's."""
        if isinstance(screen, MainScreen):
            for title, help_text, callback in (
                ("Go to date", "Jump to a date: 2025-02, feb 19, next friday",
                 lambda: screen.action_prompt("goto")),
                ("Search", "Search title, place and source as you type",
                 lambda: screen.action_prompt("search")),
                ("Filter", "Filter with the query language (kind: after: source: ...)",
                 lambda: screen.action_prompt("filter")),
                ("Month grid", "Show the month grid with events per day",
                 screen.action_toggle_grid),
                ("Export view to .ics", "Write the filtered view as an iCalendar file",
                 lambda: screen.action_prompt("export")),
                ("Today", "Go to the event nearest today", screen.action_today),
                ("Undo last correction", "Undo the last edit, hide or confirm",
                 screen.action_undo),
                ("Copy feed URL", "Copy the configured feed URL with the filter",
                 screen.action_copy_feed),
            ):
                yield SystemCommand(title, help_text, callback)
        yield from super().get_system_commands(screen)


def run(paths: Sequence[str] = (), *, db: str | None = None, today: date | None = None,
        query: str = "", timeline: Timeline | None = None) -> None:
    """Open the browser on articles, JSON dumps, a store or a ready timeline."""
    from tui.config import load_config
    app = TimelineApp(Backend(paths, db=db, timeline=timeline), config=load_config(),
                      today=today, query=query)
    app.run()
