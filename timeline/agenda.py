"""A readable plain-text agenda of a timeline, grouped by day, for ``timeline list``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click

from timeline.event import Event
from timeline.terminal import printable
from timeline.timeline import Timeline

_COARSE_LABEL = {"year": "year", "month": "month", "week": "week"}


def when_label(event: Event) -> str:
    """The time column: a clock time with its zone, "all day", or the coarse granularity."""
    if isinstance(event.start, datetime):
        label = event.start.strftime("%H:%M")
        if isinstance(event.end, datetime):
            label += "-" + event.end.strftime("%H:%M")
        return f"{label} {event.start.tzname() or ''}".strip()
    if event.is_coarse:
        return _COARSE_LABEL[event.granularity]
    return "all day"


def day_heading(event: Event) -> str:
    """The heading an event is listed under, at its own precision."""
    first = event.first_day
    if event.granularity == "year":
        heading = f"{first.year}"
    elif event.granularity == "month":
        heading = first.strftime("%B %Y")
    elif event.granularity == "week":
        heading = f"week of {first.strftime('%a %Y-%m-%d')}"
    else:
        heading = first.strftime("%a %Y-%m-%d")
    if event.end is not None and event.last_day != first:
        heading += f" → {event.last_day.strftime('%a %Y-%m-%d')}"
    return heading


def _styler(color: bool) -> Callable[..., str]:
    """click.style on a terminal, the plain text otherwise; either way without the control
    characters an article may hold (only our own styles reach the terminal)."""
    if color:
        return lambda text, **styles: click.style(printable(str(text)), **styles)
    return lambda text, **_: printable(str(text))


def render(timeline: Timeline, *, color: bool = False) -> str:
    """The agenda as text; ``color`` adds ANSI styles for a terminal."""

    style = _styler(color)
    if not len(timeline):
        return "No events.\n"
    lines: list[str] = []
    heading: str | None = None
    for event in timeline:
        this_heading = day_heading(event)
        if this_heading != heading:
            if heading is not None:
                lines.append("")
            lines.append(style(this_heading, bold=True))
            heading = this_heading
        sources = printable(", ".join(Path(s.document).name for s in event.sources))
        reported = f" (reported by {len(event.sources)})" if len(event.sources) > 1 else ""
        place = f" · {event.location}" if event.location else ""
        dim = event.kind == "past"
        lines.append(
            "  "
            + style(f"{when_label(event):<11}", fg="cyan")
            + " "
            + style(event.title, dim=dim, bold=not dim)
            + style(place, fg="green")
            + style(f"  [{event.kind}; {sources}{reported}]", dim=True)
        )
    return "\n".join(lines) + "\n"


def explain_events(timeline: Timeline, *, color: bool = False) -> str:
    """Each event with its sentence, the date expression marked, and how it was derived."""

    style = _styler(color)
    blocks: list[str] = []
    for event in timeline:
        lines = [style(f"{day_heading(event)}  {event.title}", bold=True)]
        lines.append(f"  kind {event.kind}, {event.granularity}, confidence {event.confidence:.2f}"
                     + printable(f", at {event.location}" if event.location else ""))
        for source in event.sources:
            sentence, start = source.evidence, source.trigger_start - source.sentence_start
            end = source.trigger_end - source.sentence_start
            if 0 <= start <= end <= len(sentence):
                marked = (printable(sentence[:start])
                          + style("[" + sentence[start:end] + "]", fg="yellow", bold=True)
                          + printable(sentence[end:]))
            else:
                marked = printable(sentence)
            lines.append(f"  {printable(Path(source.document).name)}: {marked}")
        if event.derivation:
            lines.append(style(f"  why: {event.derivation}", dim=True))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "No events.\n"
