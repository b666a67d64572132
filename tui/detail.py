"""What the detail pane and the source view say about an event, as Rich text.

Kept apart from the widgets so the wording can be tested without running an app.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from timeline.document import Document
from timeline.event import Event, Source

_LABEL = Style(bold=True, color="bright_black")
_TRIGGER = Style(bold=True, underline=True, color="black", bgcolor="yellow")
_SENTENCE = Style(bgcolor="grey23")
_DATE = Style(underline=True, color="cyan")


def when_sentence(event: Event) -> str:
    """The event's time as a person says it: "Wed 19 Feb 2025, 19:00 EST (America/New_York)"."""
    first, last = event.first_day, event.last_day
    if event.granularity == "year":
        when = f"sometime in {first.year}"
    elif event.granularity == "month":
        when = f"sometime in {first.strftime('%B %Y')}"
    elif event.granularity == "week":
        iso = first.isocalendar()
        when = (f"sometime in week {iso.week} of {iso.year} "
                f"({_day(first)} – {_day(last)})")
    elif isinstance(event.start, datetime):
        when = f"{_day(first)}, {event.start.strftime('%H:%M %Z').strip()}"
        if isinstance(event.end, datetime):
            end_day = "" if event.end.date() == first else f"{_day(event.end.date())}, "
            when += f" – {end_day}{event.end.strftime('%H:%M')}"
    elif last != first:
        days = (last - first).days + 1
        when = f"{_day(first)} – {_day(last)}, all day ({days} days)"
    else:
        when = f"{_day(first)}, all day"
    if event.tz:
        when += f"  ({event.tz})"
    return when


def _day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def evidence_text(source: Source) -> Text:
    """The source sentence with the date expression that dated the event highlighted."""
    text = Text(source.evidence)
    start = source.trigger_start - source.sentence_start
    end = source.trigger_end - source.sentence_start
    if not (0 <= start < end <= len(source.evidence)
            and source.evidence[start:end] == source.trigger):
        start = source.evidence.find(source.trigger) if source.trigger else -1
        end = start + len(source.trigger)
    if start >= 0 and source.trigger:
        text.stylize(_TRIGGER, start, end)
    return text


#: How the detail pane says where a publication time's zone came from.
ZONE_RULES = {
    "stated": "zone as written",
    "source-tz": "zone from --source-tz",
    "outlet": "the outlet's zone",
    "dateline": "the dateline's zone",
    "utc": "UTC: no zone known",
}


def source_label(source: Source) -> str:
    """How a source is named: outlet or file, and publication time with where its zone came
    from (the headline and URL go below)."""
    parts = [source.outlet or Path(source.document).name]
    if source.document_dct:
        try:
            moment = datetime.fromisoformat(source.document_dct)
        except ValueError:
            parts.append(source.document_dct)
        else:
            published = moment.strftime("%d %b %Y %H:%M")
            offset = moment.strftime("%z")
            if source.dct_zone_rule in ZONE_RULES:
                published += f" {offset[:3]}:{offset[3:]} ({ZONE_RULES[source.dct_zone_rule]})"
            parts.append(published)
    return " · ".join(parts)


def detail_text(event: Event | None, *, confirmed: bool = False, stored: bool = False,
                short_id: str | None = None, needle: str = "") -> RenderableType:
    """The whole detail pane for one event.

    ``short_id`` is the ID ``timeline edit`` and ``hide`` take; the words of a search
    (``needle``) are highlighted in the title and place.
    """
    if event is None:
        return Text("No event selected.", style=Style(dim=True))
    title = Text(event.title, style=Style(bold=True))
    highlight(title, needle)
    if confirmed:
        title.append("\n✓ confirmed by you" + ("" if stored else " (this session)"),
                     Style(color="green", bold=False))
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style=_LABEL, no_wrap=True)
    facts.add_column()
    when = Text(when_sentence(event))
    if event.derivation:
        when.append("\n" + derivation_text(event.derivation), Style(italic=True, dim=True))
    facts.add_row("When", when)
    place = Text(event.location or "—")
    highlight(place, needle)
    facts.add_row("Place", place)
    facts.add_row("Kind", event.kind + (" (reported history)" if event.kind == "past"
                                        else " (planned)"))
    facts.add_row("Confidence", _confidence(event.confidence))
    if short_id:
        facts.add_row("ID", Text(short_id, style=Style(color="yellow")))
    count = len(event.sources)
    sources = Text()
    sources.append(f"Sources ({count})\n" if count > 1 else "Source\n", _LABEL)
    for number, source in enumerate(event.sources, start=1):
        prefix = f"{number}. " if count > 1 else ""
        sources.append(f"{prefix}{source_label(source)}\n", Style(color="cyan"))
        if source.document_title:
            sources.append(source.document_title + "\n", Style(italic=True))
        if source.url:
            sources.append(source.url + "\n", Style(underline=True, dim=True))
        sources.append("“")
        sources.append_text(evidence_text(source))
        sources.append("”\n\n")
    return Group(title, Text(), facts, Text(), sources)


def derivation_text(derivation: str) -> str:
    """The derivation with each of its "; "-separated notes once (merged events repeat them)."""
    return "; ".join(dict.fromkeys(part.strip() for part in derivation.split(";")
                                   if part.strip()))


#: Search hits, as the list shows them.
_MATCH = Style(bold=True, bgcolor="dark_goldenrod")


def highlight(text: Text, needle: str) -> None:
    """Mark every occurrence of each word of ``needle`` in ``text``."""
    lowered = text.plain.lower()
    for word in needle.lower().split():
        start = lowered.find(word)
        while start != -1:
            text.stylize(_MATCH, start, start + len(word))
            start = lowered.find(word, start + len(word))


def _confidence(value: float) -> Text:
    filled = round(max(0.0, min(1.0, value)) * 10)
    text = Text(f"{value:.0%} ")
    text.append("█" * filled, Style(color="green" if value >= 0.7 else "yellow"))
    text.append("░" * (10 - filled), Style(dim=True))
    return text


def source_view_text(document: Document, spans: list[tuple[int, int]],
                     source: Source) -> Text:
    """The whole article: every date expression underlined, the event's sentence shaded."""
    header = Text()
    header.append((document.title or Path(document.id).name) + "\n", Style(bold=True))
    header.append(f"{document.id} · published {document.dct.strftime('%d %b %Y %H:%M %Z')}\n\n",
                  Style(dim=True))
    body = Text(document.text)
    if 0 <= source.sentence_start < source.sentence_end <= len(document.text):
        body.stylize(_SENTENCE, source.sentence_start, source.sentence_end)
    for start, end in spans:
        body.stylize(_DATE, start, end)
    if 0 <= source.trigger_start < source.trigger_end <= len(document.text):
        body.stylize(_TRIGGER, source.trigger_start, source.trigger_end)
    return header + body


def sentence_line(document: Document, source: Source, width: int) -> int:
    """Roughly which wrapped line the sentence starts on, to scroll it into view."""
    before = document.text[: max(0, source.sentence_start)]
    lines = 3
    for paragraph in before.split("\n"):
        lines += max(1, -(-len(paragraph) // max(20, width)))
    return max(0, lines - 2)
