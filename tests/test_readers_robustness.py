"""Hostile input never breaks a reader: a document or one :class:`InputError`, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.document import Document
from timeline.errors import InputError
from timeline.readers import ReadOptions, read_text

PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div>", "<article>", "<nav>",
    "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<title>", "</title>",
    "<pubDate>", "Tue, 04 Feb 2025 08:55:00 GMT", "</pubDate>", "<published>",
    "2025-02-04T17:55:00Z", "<meta property='article:published_time' content='2025-02-04'>",
    "<script type='application/ld+json'>", '{"datePublished": "2025-02-31"}', "</script>",
    "<time datetime='soon'>", " date 2025-02-04 Headline\n", "Published: 04 Feb. 2025\n",
    "Published: tomorrow\n", "SEOUL, Feb. 4 (Yonhap) -- ", "BEGIN:VCALENDAR\n", "&nbsp;",
    "&bogus;", "<![CDATA[", "]]>", "The fair opens on Feb. 19 in the hall, they said. ",
    "\n", "\x00", "\ufeff", "{", "[", "# heading\n", "- item\n",
])


def _read(text: str, walked: bool = False) -> list[Document | InputError]:
    """What reading ``text`` gives, its error included: any other exception fails the test."""
    try:
        return read_text(text, source="fuzz", options=ReadOptions(), walked=walked,
                         fetch_page=None)
    except InputError as error:
        return [error]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join), st.booleans())
def test_markup_salad(text: str, walked: bool) -> None:
    for item in _read(text, walked):
        if isinstance(item, Document):
            assert item.dct.tzinfo is not None
        else:
            assert "\n" not in str(item)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    for item in _read(text):
        assert isinstance(item, Document) or "\n" not in str(item)
