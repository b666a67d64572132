"""RSS 2.0 and Atom feeds: one document per entry with its own date, link and outlet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from readers_shared import PLAIN, READERS, calendar_view

from timeline.document import Document
from timeline.errors import InputError
from timeline.readers import ReadOptions, read_document, read_file, sniff
from timeline.readers.feed import read_feed

FEEDS = ["solent_news.rss", "solent_news.atom"]


def _documents(name: str) -> list[Document]:
    found = read_file(str(READERS / name))
    assert all(isinstance(item, Document) for item in found)
    return [item for item in found if isinstance(item, Document)]


@pytest.mark.parametrize("name", FEEDS)
def test_each_entry_is_a_document_with_its_own_date_link_and_outlet(name: str) -> None:
    assert sniff((READERS / name).read_text()) == "feed"
    fair, lifeboat = _documents(name)
    assert fair.title == "Harbour city to host regional trade fair in March"
    assert fair.dct == datetime(2025, 2, 12, 9, 30, tzinfo=UTC)
    assert fair.url == "https://news.example.org/2025/02/12/harbour-fair"
    assert lifeboat.dct == datetime(2025, 2, 15, 8, 0, tzinfo=UTC)
    assert lifeboat.url == "https://news.example.org/2025/02/15/lifeboat"
    assert {fair.outlet, lifeboat.outlet} == {"Solent Evening News"}
    assert fair.id != lifeboat.id
    assert fair.id.startswith(str(READERS / name))


@pytest.mark.parametrize("name", FEEDS)
def test_entries_give_the_events_of_their_plain_text(name: str) -> None:
    fair, lifeboat = _documents(name)
    assert calendar_view(fair) == calendar_view(read_document(PLAIN))
    # an entry with only a summary is read as it is
    assert calendar_view(lifeboat) == calendar_view(
        read_document(READERS / "lifeboat_open_day.txt"))


def test_entry_without_a_date_is_its_own_error_and_the_others_are_read() -> None:
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Town Crier</title>"
            "<item><title>Undated</title><description>The market opens on May 3 in the "
            "square.</description></item>"
            "<item><title>Dated</title><pubDate>Mon, 07 Apr 2025 10:00:00 +0100</pubDate>"
            "<description>The market opens on May 3 in the square.</description></item>"
            "</channel></rss>")
    undated, dated = read_feed(feed, source="crier.rss", options=ReadOptions())
    assert isinstance(undated, InputError)
    assert str(undated) == ("crier.rss#1: feed entry 'Undated' has no date (no pubDate, "
                            "published or updated); give --dct YYYY-MM-DD")
    assert isinstance(dated, Document)
    assert dated.dct.utcoffset() is not None
    assert dated.dct.isoformat() == (
        "2025-04-07T10:00:00+01:00")


def test_a_feed_with_no_entries_is_an_error() -> None:
    with pytest.raises(InputError, match=r"empty\.rss: a feed with no entries"):
        read_feed("<rss version='2.0'><channel><title>x</title></channel></rss>",
                  source="empty.rss", options=ReadOptions())
