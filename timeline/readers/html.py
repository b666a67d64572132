"""Web pages: the article's text, headline, outlet, language and publication date-time.

trafilatura finds the body (menus, ads, captions, related links and footers are left out)
and the headline and site name. The date comes from what the page states for machines,
first that found: ``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``;
else the date of the feed entry that links to the page; else htmldate's reading of the
page; else the dateline, else ``--dct``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from timeline.document import Document
from timeline.errors import InputError, NotAnArticle
from timeline.nlp.dateline import read_dateline
from timeline.readers.options import ReadOptions
from timeline.readers.plain import dateline_day
from timeline.readers.published import parse_published
from timeline.readers.sniff import has_a_sentence
from timeline.readers.zones import settle_zone

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "dc.date.issued", "dcterms.created", "publication_date", "pubdate",
)
_BLOCKS = frozenset(("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "section", "article", "tr", "dd", "dt", "pre", "figcaption"))
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u2009\u202f]+")


def read_html(markup: str, *, source: str, options: ReadOptions, url: str | None = None,
              file_day: date | None = None, fallback_dct: datetime | None = None,
              fallback_title: str | None = None, fallback_outlet: str | None = None) -> Document:
    """A web page as a Document; a page without article text is :class:`NotAnArticle`.

    ``fallback_*`` come from where the page was found (a feed entry) and fill what the
    page does not state.
    """
    # lxml refuses text that declares its encoding: the text is decoded already.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"not a readable web page: {exc}") from None
    page_url = url or _canonical(tree)
    stated = stated_date(tree)  # before extraction, which prunes the tree it is given
    language = tree.get("lang")
    extracted = trafilatura.bare_extraction(
        tree, url=page_url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False)
    title = _clean(getattr(extracted, "title", None) or "") or fallback_title
    outlet = _clean(getattr(extracted, "sitename", None) or "") or fallback_outlet
    text = paragraphs(getattr(extracted, "text", None) or "")
    if title and text.split("\n", 1)[0].strip() == title:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if not has_a_sentence(text):  # a front page, an index of links, a page of images
        raise NotAnArticle(source, "not an article (the page has no article text)")
    language = language or getattr(extracted, "language", None)
    dateline = read_dateline(text)
    # A feed entry's own date (with its time and zone) beats htmldate's reading of the day.
    moment = (stated or fallback_dct or _htmldate(markup)
              or dateline_day(dateline, file_day) or options.dct)
    if moment is None:
        raise InputError(source, "no publication date in the page (no article:published_time, "
                         "datePublished or <time>); give --dct YYYY-MM-DD")
    moment, rule = settle_zone(moment, source_tz=options.source_tz, outlet=outlet, url=page_url,
                               dateline=dateline)
    return Document(id=source, text=text + "\n", dct=moment, title=title, url=page_url,
                    outlet=outlet, language=language.split("-")[0].lower() if language else None,
                    zone_rule=rule)


def stated_date(tree: Any) -> datetime | None:
    """The publication date-time a page states for machines, if any."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _PUBLISHED_META:
            found = parse_published(meta.get("content") or "")
            if found is not None:
                return found
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for value in _json_values(data, "datePublished"):
                found = parse_published(str(value))
                if found is not None:
                    return found
    for element in tree.iter("time"):
        found = parse_published(element.get("datetime") or "")
        if found is not None:
            return found
    return None


def _json_values(data: object, key: str) -> Iterator[object]:
    """Every value of ``key`` in a JSON-LD tree, outermost first (``@graph`` included)."""
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for value in data.values():
            yield from _json_values(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _json_values(item, key)


def _htmldate(markup: str) -> datetime | None:
    """htmldate's publication day of the page, for pages that state none for machines."""
    import htmldate

    found = htmldate.find_date(markup, original_date=True, outputformat="%Y-%m-%d")
    return parse_published(found) if found else None


def _canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href"))
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return str(meta.get("content"))
    return None


def paragraphs(text: str) -> str:
    """One paragraph per line, spaces (non-breaking ones too) made plain, blank lines gone."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (a feed entry's summary), one block per line."""
    if "<" not in markup:
        return paragraphs(lxml.html.fromstring(f"<p>{markup}</p>").text_content()
                          if "&" in markup else markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return paragraphs(root.text_content())
