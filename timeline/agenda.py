"""A readable plain-text agenda of a timeline, grouped by day, for ``timeline list``."""

from __future__ import annotations

import calendar
import textwrap
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from timeline.event import Event, Source, format_when
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


def render(timeline: Timeline, *, color: bool = False, width: int | None = None,
           short: Mapping[str, str] | None = None, today: date | None = None) -> str:
    """The agenda as text; ``color`` adds ANSI styles for a terminal.

    ``width`` wraps long lines at word breaks (a terminal's columns; None leaves them whole);
    ``short`` maps uids to the short IDs printed first on each line. Events that ended
    before ``today`` are dimmed, whatever their kind.
    """

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
        dim = today is not None and event.last_day < today
        ident = f"{short[event.uid]}  " if short and event.uid in short else ""
        parts: list[tuple[str, dict[str, Any]]] = [
            ("  ", {}),
            (ident, {"fg": "yellow"}),
            (f"{when_label(event):<11} ", {"fg": "cyan"}),
            (event.title, {"dim": dim, "bold": not dim}),
            (place, {"fg": "green"}),
            (f"  [{event.kind}; {sources}{reported}]", {"dim": True}),
        ]
        plain = "".join(text for text, _ in parts)
        if width is not None and len(plain) > width:
            indent = " " * (2 + len(ident) + 12)
            wrapped = textwrap.wrap(plain, width=width, subsequent_indent=indent,
                                    break_long_words=False, break_on_hyphens=False)
            lines.extend(style(line, dim=dim) if dim else line for line in wrapped)
            continue
        lines.append("".join(style(text, **styles) if text else "" for text, styles in parts))
    return "\n".join(lines) + "\n"


def describe(event: Event, *, short: str | None = None, color: bool = False) -> str:
    """One event in full for ``timeline show``: when, where, kind, uid, sources, derivation."""
    style = _styler(color)
    end = f" .. {format_when(event.end, event.granularity)}" if event.end is not None else ""
    rows = [
        ("when", f"{day_heading(event)}, {when_label(event)}"
                 f" ({format_when(event.start, event.granularity)}{end})"),
        ("zone", event.tz or ""),
        ("where", event.location or ""),
        ("kind", f"{event.kind}, {event.granularity}, confidence {event.confidence:.2f}"),
        ("uid", event.uid),
        ("tags", ", ".join(event.tags)),
        ("repeats", "; ".join(event.recurrence)),
        ("why", event.derivation),
    ]
    lines = [style(f"{short or event.uid}  {event.title}", bold=True)]
    lines += [f"  {name:<8} {value}" for name, value in rows if value]
    lines.append(f"  sources  {len(event.sources)}")
    for source in event.sources:
        lines.append(f"    {source.document}" + (f" <{source.url}>" if source.url else ""))
        if source.evidence:
            lines.append(f"      {_marked(source, style)}")
    return "\n".join(lines) + "\n"


def month_grid(timeline: Timeline, month: date, *, today: date | None = None,
               color: bool = False, short: Mapping[str, str] | None = None) -> str:
    """A month as a terminal grid (weeks from Monday), days with dated events starred.

    Week-, month- and year-level events star no day; the agenda under the grid lists them.
    """
    style = _styler(color)
    counts = day_counts(timeline, month)
    title = month.strftime("%B %Y")
    lines = [style(f"{title:^26}".rstrip(), bold=True), "Mo  Tu  We  Th  Fr  Sa  Su"]
    for week in calendar.Calendar().monthdatescalendar(month.year, month.month):
        cells: list[str] = []
        for day in week:
            if day.month != month.month:
                cells.append("   ")
                continue
            text = f"{day.day:>2}{'*' if counts[day] else ' '}"
            if day == today:
                text = style(text, reverse=True)
            elif counts[day]:
                text = style(text, fg="cyan", bold=True)
            cells.append(text)
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines) + "\n\n" + render(timeline, color=color, today=today,
                                              short=short)


def day_counts(timeline: Timeline, month: date) -> Counter[date]:
    """How many day- or time-level events fall on each day of ``month``."""
    counts: Counter[date] = Counter()
    for event in timeline:
        if event.is_coarse:
            continue
        day = max(event.first_day, month)
        while day <= event.last_day and (day.year, day.month) == (month.year, month.month):
            counts[day] += 1
            day += timedelta(days=1)
    return counts


def _marked(source: Source, style: Callable[..., str]) -> str:
    """The source sentence with its date expression in [brackets]."""
    sentence, start = source.evidence, source.trigger_start - source.sentence_start
    end = source.trigger_end - source.sentence_start
    if 0 <= start <= end <= len(sentence):
        return (printable(sentence[:start])
                + style("[" + sentence[start:end] + "]", fg="yellow", bold=True)
                + printable(sentence[end:]))
    return printable(sentence)


def explain_events(timeline: Timeline, *, color: bool = False) -> str:
    """Each event with its sentence, the date expression marked, and how it was derived."""

    style = _styler(color)
    blocks: list[str] = []
    for event in timeline:
        lines = [style(f"{day_heading(event)}  {event.title}", bold=True)]
        lines.append(f"  kind {event.kind}, {event.granularity}, confidence {event.confidence:.2f}"
                     + printable(f", at {event.location}" if event.location else ""))
        for source in event.sources:
            lines.append(f"  {printable(Path(source.document).name)}: {_marked(source, style)}")
        if event.derivation:
            lines.append(style(f"  why: {event.derivation}", dim=True))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "No events.\n"
