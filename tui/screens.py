"""The screens on top of the timeline: help, the correction form and the article view."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, Static

from timeline.document import Document
from timeline.event import Event, Source
from tui.corrections import Edit, when_text
from tui.detail import sentence_line, source_view_text


class HelpScreen(ModalScreen[None]):
    """Every binding with its keys, as the keymap currently sets them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help-close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        """One table of keys per section."""
        text = Text()
        text.append("Keys", Style(bold=True))
        text.append("  (override them in [tui.keys] of the config file)\n", Style(dim=True))
        for title, rows in self.sections:
            text.append(f"\n{title}\n", Style(bold=True, underline=True))
            for keys, description in rows:
                text.append(f"  {keys:<22}", Style(color="cyan", bold=True))
                text.append(description + "\n")
        with VerticalScroll():
            yield Static(text)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)


class EditScreen(ModalScreen[Edit | None]):
    """The correction form: title, date, place and time zone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="edit-cancel"),
        Binding("ctrl+s", "save", "Save", id="edit-save"),
    ]

    DEFAULT_CSS = """
    EditScreen { align: center middle; }
    EditScreen > Vertical {
        width: 80; max-width: 100%; height: auto; border: round $primary;
        background: $surface; padding: 0 1;
    }
    EditScreen Grid { grid-size: 2; grid-columns: 8 1fr; height: auto; grid-rows: 3; }
    EditScreen Grid > Label { padding: 1 0; }
    EditScreen #edit-hint { color: $text-muted; }
    EditScreen #edit-error { color: $text-error; height: auto; }
    EditScreen Horizontal { height: auto; align-horizontal: right; }
    EditScreen Button { margin-left: 1; }
    """

    def __init__(self, event: Event, typed: Edit | None = None, error: str = "") -> None:
        super().__init__()
        self.event = event
        self.typed = typed or Edit(title=event.title, when=when_text(event),
                                   location=event.location or "", tz=event.tz or "")
        self.error = error

    def compose(self) -> ComposeResult:
        """The four fields, pre-filled, and the buttons."""
        with Vertical():
            yield Label(f"Correct “{self.event.title}”", id="edit-title-label")
            with Grid():
                yield Label("Title")
                yield Input(self.typed.title, id="edit-title")
                yield Label("Date")
                yield Input(self.typed.when, id="edit-when")
                yield Label("Place")
                yield Input(self.typed.location, id="edit-place")
                yield Label("Zone")
                yield Input(self.typed.tz, id="edit-tz",
                            placeholder="IANA zone, e.g. America/New_York")
            yield Static("Date: 2025-02-20, 2025-02-20 19:00, 2025-02-21 / 2025-02-22, "
                         "2025-02 (month), 2025-W10 (week)", id="edit-hint")
            yield Static(self.error, id="edit-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def action_save(self) -> None:
        """Return the fields; the app checks them and reopens the form with any error."""
        self.dismiss(Edit(
            title=self.query_one("#edit-title", Input).value,
            when=self.query_one("#edit-when", Input).value,
            location=self.query_one("#edit-place", Input).value,
            tz=self.query_one("#edit-tz", Input).value,
        ))

    def action_cancel(self) -> None:
        """Leave without changes."""
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()


class SourceScreen(Screen[None]):
    """The whole article, dates underlined, the event's sentence shaded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,enter", "close", "Back", id="source-close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="source-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="source-up"),
    ]

    DEFAULT_CSS = """
    SourceScreen > VerticalScroll { padding: 1 2; }
    """

    def __init__(self, document: Document | None, spans: list[tuple[int, int]],
                 source: Source) -> None:
        super().__init__()
        self.document = document
        self.spans = spans
        self.source = source

    def compose(self) -> ComposeResult:
        """The article text, or why it cannot be shown."""
        if self.document is None:
            body = Text(f"The article {self.source.document!r} cannot be read any more.\n\n"
                        f"Its sentence was:\n“{self.source.evidence}”")
        else:
            body = source_view_text(self.document, self.spans, self.source)
        with VerticalScroll(id="source-scroll"):
            yield Static(body, id="source-text")
        yield Footer()

    def on_mount(self) -> None:
        """Bring the event's sentence into view."""
        if self.document is not None:
            line = sentence_line(self.document, self.source, self.size.width - 4)
            self.query_one(VerticalScroll).scroll_to(y=line, animate=False)

    def action_scroll(self, lines: int) -> None:
        """Scroll the article."""
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + lines, animate=False)

    def action_close(self) -> None:
        """Back to the timeline."""
        self.dismiss(None)
