"""Web pages: body, headline, outlet and date in the shapes outlets use, and no boilerplate."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from readers_shared import PLAIN, READERS, calendar_view

from timeline.errors import InputError, NotAnArticle
from timeline.extract import extract_document
from timeline.readers import ReadOptions, read_document, sniff
from timeline.readers.html import fragment_text, read_html

HEADLINE = "Harbour city to host regional trade fair in March"
PAGES = ["harbour_fair_jsonld.html", "harbour_fair_opengraph.html",
         "harbour_fair_visible_date.html", "harbour_fair_boilerplate.html"]


@pytest.mark.parametrize("name", PAGES)
def test_a_page_gives_the_events_of_its_plain_text(name: str) -> None:
    page = read_document(READERS / name)
    assert sniff((READERS / name).read_text()) == "html"
    assert page.title == HEADLINE
    assert calendar_view(page) == calendar_view(read_document(PLAIN))


@pytest.mark.parametrize(
    ("name", "dct", "rule"),
    [
        ("harbour_fair_jsonld.html", datetime(2025, 2, 12, 9, 30, tzinfo=UTC), "stated"),
        ("harbour_fair_opengraph.html", datetime(2025, 2, 12, 9, 30, tzinfo=UTC), "stated"),
        ("harbour_fair_boilerplate.html", datetime(2025, 2, 12, 9, 30, tzinfo=UTC), "stated"),
        # no date for machines: htmldate reads the visible one, the dateline's town its zone
        ("harbour_fair_visible_date.html", datetime(2025, 2, 12, tzinfo=UTC), "dateline"),
    ],
)
def test_the_publication_time_comes_from_what_the_page_states(
        name: str, dct: datetime, rule: str) -> None:
    page = read_document(READERS / name)
    assert page.dct == dct
    assert page.zone_rule == rule


def test_jsonld_page_gives_url_outlet_and_language() -> None:
    page = read_document(READERS / "harbour_fair_jsonld.html")
    assert page.url == "https://news.example.org/2025/02/12/harbour-fair"
    assert page.outlet == "Solent Evening News"
    assert page.language == "en"


def test_boilerplate_dates_give_no_events() -> None:
    page = read_document(READERS / "harbour_fair_boilerplate.html")
    for words in ("Sofa sale", "cruise", "Related", "Marathon", "cookies", "Newsletter",
                  "2024", "Guildhall, pictured", "Comments", "Breaking"):
        assert words not in page.text
    days = {e.start.isoformat()[:10] for e in
            extract_document(page)}
    assert days.isdisjoint({"2025-03-31", "2025-04-02", "2025-04-03", "2025-05-18",
                            "2025-07-19", "2025-10-04", "2025-03-01", "2025-05-01"})


def test_entities_are_decoded_and_tags_never_reach_the_text() -> None:
    markup = ("<html><head><meta property='article:published_time' "
              "content='2025-02-04T17:55:00+09:00'></head><body><article><h1>Fair news</h1>"
              "<p>The fair opens on Feb.&nbsp;19 at the <b>Grand</b> Hall &amp; runs for "
              "three days, the organisers of the annual event said on Tuesday morning.</p>"
              "<p>Tickets go on sale on Feb.&#160;10, and the first hundred visitors will "
              "get a free guide to the exhibitors and the talks.</p></article></body></html>")
    page = read_html(markup, source="page.html", options=ReadOptions())
    assert "Feb. 19 at the Grand Hall & runs" in page.text
    assert "<" not in page.text
    assert "&nbsp;" not in page.text
    assert "\xa0" not in page.text
    assert page.dct.utcoffset() is not None
    assert page.dct.hour == 17
    days = sorted(e.start.isoformat() for e in
                  extract_document(page))
    assert days == ["2025-02-10", "2025-02-19"]


def test_a_page_with_no_article_text_is_no_article() -> None:
    with pytest.raises(NotAnArticle, match=r"index\.html: not an article"):
        read_html("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                  source="index.html", options=ReadOptions())


def test_a_page_with_no_date_anywhere_needs_dct(tmp_path: Path) -> None:
    markup = ("<html><body><article><p>The fair opens on a Thursday in the spring, the "
              "organisers said, and it will run for three days with talks and stalls.</p>"
              "<p>They expect more visitors than ever before, and more exhibitors too, from "
              "every part of the country and from abroad.</p></article></body></html>")
    with pytest.raises(InputError, match=r"page\.html: no publication date in the page"):
        read_html(markup, source="page.html", options=ReadOptions())
    dct = datetime(2025, 3, 1, tzinfo=UTC)
    assert read_html(markup, source="page.html", options=ReadOptions(dct=dct)).dct == dct


def test_fragment_text_puts_each_block_on_its_line() -> None:
    assert fragment_text("<p>One &amp; two.</p><p>Three<br>four</p>") == "One & two.\nThree\nfour"
    assert fragment_text("Plain &amp; simple") == "Plain & simple"


def test_an_xhtml_page_that_declares_its_encoding_is_read() -> None:
    markup = ("<?xml version='1.0' encoding='iso-8859-1'?>\n"
              "<html xmlns='http://www.w3.org/1999/xhtml'><head><meta "
              "property='article:published_time' content='2025-02-04'/></head><body><article>"
              "<p>The fair opens on Feb. 19 in the town hall, the organisers of the fair said "
              "on Tuesday.</p></article></body></html>")
    page = read_html(markup, source="page.xhtml", options=ReadOptions())
    assert page.dct == datetime(2025, 2, 4, tzinfo=UTC)
    assert page.text.startswith("The fair opens on Feb. 19")
