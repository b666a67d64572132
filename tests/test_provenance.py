"""Provenance: an entry's URL and outlet reach every event's sources, the .ics, the feed page
and the TUI detail pane, and the pane says where the publication time's zone came from."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import icalendar
from ics_check import check_ics, needs_node
from readers_shared import READERS
from rich.console import Console

from timeline.document import Document
from timeline.extract import extract
from timeline.feed import render_page
from timeline.ics import export_ics
from timeline.readers import read_document, read_file
from timeline.timeline import Timeline
from tui.detail import detail_text

FAIR_URL = "https://news.example.org/2025/02/12/harbour-fair"


def _feed_timeline() -> Timeline:
    found = read_file(str(READERS / "solent_news.rss"))
    return extract([d for d in found if isinstance(d, Document)])


def test_every_event_of_a_feed_entry_carries_its_url_and_outlet() -> None:
    timeline = _feed_timeline()
    assert len(timeline) == 6
    for event in timeline:
        assert event.source.outlet == "Solent Evening News"
        assert event.source.url in (FAIR_URL, "https://news.example.org/2025/02/15/lifeboat")
        assert event.to_json()["sources"][0]["dct_zone_rule"] == "stated"


def test_the_ics_links_and_describes_the_article(tmp_path: Path) -> None:
    data = export_ics(_feed_timeline())
    calendar = icalendar.Calendar.from_ical(data)
    fair = [c for c in calendar.walk("VEVENT") if "Guildhall" in str(c["SUMMARY"])]
    assert len(fair) == 1
    assert str(fair[0]["URL"]) == FAIR_URL
    description = str(fair[0]["DESCRIPTION"])
    assert ("Source: Solent Evening News: Harbour city to host regional trade fair in March "
            "(2025-02-12)") in description
    assert FAIR_URL in description


@needs_node
def test_the_ics_of_a_feed_reads_in_every_client(tmp_path: Path) -> None:
    path = tmp_path / "feed.ics"
    path.write_bytes(export_ics(_feed_timeline()))
    check_ics(path)


def test_the_feed_page_links_each_event_to_its_article_with_the_outlet() -> None:
    page = render_page([], _feed_timeline(), date(2025, 2, 1), base=("http", "example.test"))
    assert (f'<a class="source" href="{FAIR_URL}">Solent Evening News: Harbour city to host '
            "regional trade fair in March</a>") in page


def test_the_detail_pane_shows_outlet_url_and_the_zone_rule() -> None:
    event = next(e for e in extract([read_document(READERS / "harbour_fair_jsonld.html")])
                 if "Guildhall" in e.title)
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(detail_text(event))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "Solent Evening News · 12 Feb 2025 09:30 +00:00 (zone as written)" in shown
    assert FAIR_URL in shown


def test_the_detail_pane_says_the_zone_came_from_the_dateline() -> None:
    event = next(iter(extract([read_document(READERS / "harbour_fair.txt")])))
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(detail_text(event))
    assert ("harbour_fair.txt · 12 Feb 2025 09:30 +00:00 (the dateline's zone)"
            in console.file.getvalue())  # type: ignore[attr-defined]


def test_the_source_view_finds_a_feed_entry_again_from_its_file() -> None:
    from tui.backend import Backend

    timeline = _feed_timeline()
    lifeboat = next(e for e in timeline if "lifeboat" in e.title)
    backend = Backend(timeline=timeline)  # nothing cached: the entry is read from the feed
    document = backend.document(lifeboat.source)
    assert document is not None
    assert document.id == f"{READERS / 'solent_news.rss'}#2"
    assert document.text.startswith("The town's lifeboat station will hold an open day")
