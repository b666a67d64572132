"""A month calendar with event counts per day; Textual has none, so we draw one.

Selecting a day posts :class:`MonthGrid.DaySelected`; the app jumps the list there.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class MonthGrid(Widget, can_focus=True):
    """One month, a week per line, each day with its number of events."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Day before", show=False, id="grid-left"),
        Binding("right,l", "move(1)", "Day after", show=False, id="grid-right"),
        Binding("up,k", "move(-7)", "Week before", show=False, id="grid-up"),
        Binding("down,j", "move(7)", "Week after", show=False, id="grid-down"),
        Binding("pageup,M,less_than_sign", "month(-1)", "Prev month", id="grid-prev-month"),
        Binding("pagedown,m,greater_than_sign", "month(1)", "Next month",
                id="grid-next-month"),
        Binding("enter", "select", "Go to day", id="grid-select"),
    ]

    DEFAULT_CSS = """
    MonthGrid { height: 1fr; padding: 1 2; }
    """

    cursor: reactive[date] = reactive(date(2000, 1, 1))

    class DaySelected(Message):
        """A person chose a day in the grid."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.counts: Counter[date] = Counter()
        self.set_reactive(MonthGrid.cursor, today)

    def show(self, day: date, counts: Counter[date]) -> None:
        """Show the month of ``day`` with the cursor on it."""
        self.counts = counts
        self.cursor = day
        self.refresh()

    def action_move(self, days: int) -> None:
        """Move the cursor by days."""
        self.cursor = self.cursor + timedelta(days=days)

    def action_month(self, months: int) -> None:
        """Show another month."""
        self.cursor = add_months(self.cursor, months)

    def action_select(self) -> None:
        """Jump the timeline to the cursor's day."""
        self.post_message(self.DaySelected(self.cursor))

    def render(self) -> Text:
        """The month as a grid of fixed-width cells, roomier when the pane is tall."""
        width = max(7 * 6, self.content_region.width or 70)
        cell = min(14, width // 7)
        first = self.cursor.replace(day=1)
        weeks = calendar.Calendar().monthdatescalendar(first.year, first.month)
        roomy = (self.content_region.height or 40) >= 4 + 3 * len(weeks)
        out = Text(no_wrap=True, end="")
        out.append(first.strftime("%B %Y").center(cell * 7).rstrip() + "\n\n",
                   Style(bold=True))
        for name in _WEEKDAYS:
            out.append(name.center(cell), Style(bold=True, dim=name in ("Sat", "Sun")))
        out.append("\n")
        for week in weeks:
            lines = (0, 1) if roomy else (2,)
            for line in lines:
                for day in week:
                    out.append_text(self._cell(day, line, cell, first.month))
                out.append("\n")
            if roomy:
                out.append("\n")
        out.append("enter: go to day · arrows: move · m/M: month · c or esc: back",
                   Style(dim=True))
        return out

    def _cell(self, day: date, line: int, width: int, month: int) -> Text:
        """Line 0: the day number; line 1: its count; line 2: both, for short panes."""
        count = self.counts.get(day, 0)
        style = Style()
        if day.month != month:
            style += Style(dim=True)
        if day == self.today:
            style += Style(underline=True, color="bright_cyan")
        if count and day != self.cursor and line > 0:
            style += Style(color="green", bold=True)
        if day == self.cursor:
            style += Style(reverse=True, bold=True)
        if line == 0:
            label = f" {day.day:>2}"
        elif line == 1:
            label = f" {count} event{'s' if count != 1 else ''}" if count else ""
            if len(label) > width - 1:
                label = f" ({count})"
        else:
            label = f" {day.day:>2}" + (f" ({count})" if count else "")
        return Text.assemble((label.ljust(width - 1)[: width - 1], style), " ")

    def watch_cursor(self) -> None:
        """Repaint when the cursor moves (it may change the month shown)."""
        self.refresh()
