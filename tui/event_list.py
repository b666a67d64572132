"""The timeline list: a Line-API widget that renders only the rows on screen.

A 100k-event timeline is a list of row records (see :mod:`tui.rows`); this widget turns
the handful that are visible into strips and caches them, so moving the cursor repaints
two lines and scrolling never touches the events that are off screen.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from timeline.event import Event
from tui.rows import Entry, Heading, Rows

#: Multi-day markers (starts / continues / ends), after khal; ASCII for plain terminals.
MARKERS = {"start": "↦", "middle": "↔", "end": "⇥"}
ASCII_MARKERS = {"start": ">", "middle": "=", "end": "|"}


def when_column(event: Event, entry: Entry) -> str:
    """The time column: a clock time, "all day", or the coarse period's unit."""
    if event.is_coarse:
        return event.granularity
    if entry.part > 1:
        return "all day" if entry.part < entry.parts or event.is_all_day else _end_clock(event)
    if isinstance(event.start, datetime):
        return event.start.strftime("%H:%M")
    return "all day"


def _end_clock(event: Event) -> str:
    end = event.end
    return f"→{end.strftime('%H:%M')}" if isinstance(end, datetime) else "all day"


class EventList(ScrollView, can_focus=True):
    """Day headings and event rows with a cursor that always rests on an event."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page-up"),
        Binding("home", "first", "First", show=False, id="home"),
        Binding("end", "last", "Last", show=False, id="end"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "event-list--heading",
        "event-list--coarse",
        "event-list--today",
        "event-list--cursor",
        "event-list--time",
        "event-list--place",
        "event-list--badge",
        "event-list--match",
        "event-list--marker",
    }

    DEFAULT_CSS = """
    EventList { overflow-x: hidden; }
    EventList > .event-list--heading { text-style: bold; color: $text-primary; }
    EventList > .event-list--coarse { text-style: bold italic; color: $text-secondary; }
    EventList > .event-list--today { text-style: bold reverse; color: $text-accent; }
    EventList > .event-list--cursor { background: $surface-lighten-2; }
    EventList:focus > .event-list--cursor { background: $primary 50%; }
    EventList > .event-list--time { color: $text-accent; }
    EventList > .event-list--place { color: $text-success; }
    EventList > .event-list--badge { color: $text-muted; }
    EventList > .event-list--match { background: $warning 40%; text-style: bold; }
    EventList > .event-list--marker { color: $text-warning; }
    """

    class Moved(Message):
        """The cursor rests on a new event (None when the list is empty)."""

        def __init__(self, event: Event | None) -> None:
            super().__init__()
            self.event = event

    def __init__(self, *, today: date, ascii_markers: bool = False,
                 name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.today = today
        self.markers = ASCII_MARKERS if ascii_markers else MARKERS
        self.rows: Rows | None = None
        self.cursor = 0
        self.needle = ""
        self.confirmed: frozenset[str] = frozenset()
        self.placeholder = "Loading…"
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)

    # -- data ----------------------------------------------------------------------------

    def show(self, rows: Rows, cursor: int | None = None, *,
             line: int | None = None) -> None:
        """Display new rows and put the cursor on ``cursor`` (or the first event).

        ``line`` keeps the cursor that many lines below the top of the view (when rows
        are swapped under a user who has moved); by default the cursor's day goes on top.
        """
        self.rows = rows
        self._cache.clear()
        self.virtual_size = Size(0, len(rows))
        start = rows.nearest_entry(cursor if cursor is not None else 0)
        if start is None and cursor is not None:
            start = rows.nearest_entry(cursor, -1)
        self.cursor = start if start is not None else 0
        self.refresh()
        if line is None:
            self.scroll_to_cursor(top=True)
        else:
            self.scroll_to(y=max(0, self.cursor - line), animate=False, immediate=True)
        self.post_message(self.Moved(self.current))

    def restyle(self, *, needle: str | None = None,
                confirmed: frozenset[str] | None = None) -> None:
        """Change what rows highlight; drops the strip cache."""
        if needle is not None:
            self.needle = needle.lower()
        if confirmed is not None:
            self.confirmed = confirmed
        self._cache.clear()
        self.refresh()

    @property
    def current(self) -> Event | None:
        """The event under the cursor."""
        return self.rows.event_at(self.cursor) if self.rows else None

    @property
    def current_day(self) -> date | None:
        """The day of the row under the cursor."""
        if self.rows and 0 <= self.cursor < len(self.rows.days):
            return self.rows.days[self.cursor]
        return None

    # -- moving --------------------------------------------------------------------------

    def move_to(self, row: int | None, *, top: bool = False) -> None:
        """Put the cursor on ``row`` (an event row), repainting only what changed."""
        if row is None or self.rows is None or not 0 <= row < len(self.rows):
            return
        old, self.cursor = self.cursor, row
        if old != row:
            self.refresh_line(old)
            self.refresh_line(row)
        self.scroll_to_cursor(top=top)
        if old != row:
            self.post_message(self.Moved(self.current))

    def scroll_to_cursor(self, *, top: bool = False) -> None:
        """Keep the cursor (and the heading just above it) in view."""
        if self.rows is None:
            return
        height = max(1, self.scrollable_content_region.height)
        first = int(self.scroll_offset.y)
        wanted = self.cursor
        if wanted > 0 and isinstance(self.rows.rows[wanted - 1], Heading):
            wanted -= 1
        if top or wanted < first:
            self.scroll_to(y=wanted, animate=False, immediate=True)
        elif self.cursor >= first + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def step(self, direction: int, count: int = 1) -> None:
        """Move ``count`` event rows up or down."""
        if self.rows is None:
            return
        row = self.cursor
        for _ in range(count):
            found = self.rows.nearest_entry(row + direction, direction)
            if found is None:
                break
            row = found
        self.move_to(row)

    def action_cursor_down(self) -> None:
        """Next event."""
        self.step(1)

    def action_cursor_up(self) -> None:
        """Previous event."""
        self.step(-1)

    def action_page_down(self) -> None:
        """A screenful down: the view scrolls a page and the cursor follows."""
        self._page(1)

    def action_page_up(self) -> None:
        """A screenful up."""
        self._page(-1)

    def _page(self, direction: int) -> None:
        if self.rows is None:
            return
        height = max(1, self.scrollable_content_region.height)
        last = len(self.rows) - 1
        target = min(last, max(0, self.cursor + direction * height))
        row = self.rows.nearest_entry(target, direction)
        if row is None:
            row = self.rows.nearest_entry(target, -direction)
        self.scroll_to(y=max(0, int(self.scroll_offset.y) + direction * height),
                       animate=False, immediate=True)
        self.move_to(row)

    def action_first(self) -> None:
        """First event."""
        if self.rows:
            self.move_to(self.rows.nearest_entry(0), top=True)

    def action_last(self) -> None:
        """Last event."""
        if self.rows:
            self.move_to(self.rows.nearest_entry(len(self.rows) - 1, -1))

    def on_click(self, event: events.Click) -> None:
        """A click on an event row selects it."""
        if self.rows is None:
            return
        row = int(self.scroll_offset.y) + event.y
        if self.rows.event_at(row) is not None:
            self.move_to(row)

    # -- painting ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One visible line, from the strip cache when it was painted before."""
        width = self.scrollable_content_region.width
        row = int(self.scroll_offset.y) + y
        rows = self.rows
        if rows is None or not len(rows):
            if y == 1:
                message = self.placeholder if rows is None else "No events match the filter."
                text = Text(f"  {message}", style=self.rich_style + Style(dim=True), end="")
                text.truncate(width, pad=True)
                return Strip(text.render(self.app.console), width)
            return Strip.blank(width, self.rich_style)
        if row >= len(rows):
            return Strip.blank(width, self.rich_style)
        key = (row, width, row == self.cursor)
        strip = self._cache.get(key)
        if strip is None:
            text = self._row_text(row, width)
            strip = Strip(text.render(self.app.console), width)
            self._cache[key] = strip
        return strip

    def _row_text(self, row: int, width: int) -> Text:
        assert self.rows is not None
        item = self.rows.rows[row]
        base = self.rich_style
        if isinstance(item, Heading):
            return self._heading_text(item, width, base)
        event = self.rows.timeline.events[item.event]
        style = self.get_component_rich_style
        text = Text(style=base, no_wrap=True, overflow="ellipsis", end="")
        marker = " "
        if item.parts > 1:
            position = "start" if item.part == 1 else "end" if item.part == item.parts else "middle"
            marker = self.markers[position]
        text.append("  ")
        text.append(marker, style("event-list--marker"))
        text.append(" ")
        text.append(f"{when_column(event, item):<8}", style("event-list--time"))
        text.append(" ")
        # Dimmed by date (it is over), not by kind: a past-tense report of a happening still
        # to come is not dimmed, and its kind is shown apart, in the badge.
        over = event.last_day < self.today
        body = Text(event.title, style=Style(bold=not over))
        if event.location:
            body.append(" · ")
            body.append(event.location, style("event-list--place"))
        if self.needle:
            self._highlight(body, style("event-list--match"))
        # Right-aligned, so a long title can never push these out of view.
        badge = f" day {item.part} of {item.parts}" if item.parts > 1 else ""
        if len(event.sources) > 1:
            badge += f"{' ·' if badge else ''} reported by {len(event.sources)}"
        if event.kind == "past":
            badge += f"{' ·' if badge else ''} past"
        if event.uid in self.confirmed:
            badge += " ✓"
        room = max(1, width - text.cell_len - len(badge) - 1)
        body.truncate(room, overflow="ellipsis", pad=True)
        text.append_text(body)
        text.append(badge + " ", style("event-list--badge"))
        if over:
            text.stylize(Style(dim=True), 4)
        if row == self.cursor:
            text.stylize(style("event-list--cursor"))
        text.truncate(width, overflow="ellipsis", pad=True)
        return text

    def _heading_text(self, item: Heading, width: int, base: Style) -> Text:
        style = self.get_component_rich_style
        label = item.label
        is_today = not item.coarse and item.day == self.today
        text = Text(style=base, no_wrap=True, end="")
        text.append(" ")
        text.append(f" {label} ", style("event-list--coarse" if item.coarse
                                        else "event-list--heading"))
        if is_today:
            text.append(" today ", style("event-list--today"))
        rule = width - text.cell_len - 1
        if rule > 0:
            text.append(" " + "─" * (rule - 1), Style(dim=True))
        text.truncate(width, pad=True)
        return text

    def _highlight(self, body: Text, style: Style) -> None:
        lowered = body.plain.lower()
        for word in self.needle.split():
            start = lowered.find(word)
            while start != -1:
                body.stylize(style, start, start + len(word))
                start = lowered.find(word, start + len(word))


def source_name(document: str) -> str:
    """The file name of a source document, for narrow columns."""
    return Path(document).name
