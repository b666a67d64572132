"""RSS 2.0, RSS 1.0 and Atom feeds (feedparser): one document per entry.

Each entry keeps its own publication date, link and headline; the feed's title is the
outlet. An entry's text is its full content when the feed carries it, else its summary as
it is; ``--follow-links`` reads the linked page instead (as HTML), keeping the entry's
date and headline where the page states none.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

import feedparser

from timeline.document import Document
from timeline.errors import InputError
from timeline.nlp.dateline import read_dateline
from timeline.readers.html import fragment_text, read_html
from timeline.readers.options import ReadOptions
from timeline.readers.published import parse_published
from timeline.readers.zones import settle_zone

#: Fetches a URL's page as text (the URL reader's, given by the caller so tests can serve).
PageFetcher = Callable[[str], str]


def read_feed(text: str, *, source: str, options: ReadOptions,
              fetch_page: PageFetcher | None = None) -> list[Document | InputError]:
    """Every entry of a feed as a Document; an entry that cannot be read is its error."""
    # A stream, never the string itself: feedparser would open a string that looks like a
    # URL or a file name. The text is already decoded, so its charset is UTF-8 now.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), sanitize_html=False,
                              resolve_relative_uris=False,
                              response_headers={"content-type": "application/xml; charset=utf-8"})
    if not parsed.entries:
        problem = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        raise InputError(source, f"a feed with no entries{problem}")
    channel = parsed.feed
    outlet = _text(channel.get("title")) or None
    language = _language(channel.get("language"))
    channel_date = parse_published(channel.get("updated") or channel.get("published") or "")
    out: list[Document | InputError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        name = f"{source}#{number}"
        try:
            out.append(_entry(entry, name=name, outlet=outlet, language=language,
                              channel_date=channel_date, options=options,
                              fetch_page=fetch_page))
        except InputError as error:
            out.append(error)
    return out


def _entry(entry: Any, *, name: str, outlet: str | None, language: str | None,
           channel_date: datetime | None, options: ReadOptions,
           fetch_page: PageFetcher | None) -> Document:
    title = _text(entry.get("title")) or None
    link = entry.get("link") or None
    published = (parse_published(entry.get("published") or "")
                 or parse_published(entry.get("updated") or "") or channel_date or options.dct)
    if options.follow_links and link and fetch_page is not None:
        page = fetch_page(link)
        return read_html(page, source=name, options=options, url=link,
                         fallback_dct=published, fallback_title=title, fallback_outlet=outlet)
    body = _body(entry)
    if not body.strip():
        raise InputError(name, f"feed entry {title or link or '(untitled)'!r} has no text")
    if published is None:
        raise InputError(name, f"feed entry {title or link or '(untitled)'!r} has no date "
                         "(no pubDate, published or updated); give --dct YYYY-MM-DD")
    moment, rule = settle_zone(published, source_tz=options.source_tz, outlet=outlet, url=link,
                               dateline=read_dateline(body))
    return Document(id=name, text=body + "\n", dct=moment, title=title, url=link, outlet=outlet,
                    language=_language(entry.get("language")) or language, zone_rule=rule)


def _body(entry: Any) -> str:
    """The entry's full content if the feed has it, else its summary, as plain text."""
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return fragment_text(value)
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def _text(value: object) -> str:
    return fragment_text(str(value)).replace("\n", " ") if value else ""


def _language(value: object) -> str | None:
    return str(value).split("-")[0].lower() if value else None
