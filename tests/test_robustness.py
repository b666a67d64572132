"""Hostile and random text never breaks the parser: no exception, only well-formed events."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.document import Document
from timeline.extract import extract_document

DCT = datetime(2025, 2, 4, 17, 55, tzinfo=UTC)
NEWS_WORDS = st.sampled_from(
    "on in at from to and the will said Monday Friday Feb. March 19 21 22 2025 1999 next last "
    "week month year later this day following same 7 p.m. 10:30 a.m. KST local time Washington "
    "summit dinner \"Gala\" , . - -- ( ) $160 billion 5-4 May Section 2 Q3 mid- early late "
    "through until between then evening two days after before ago".split()
)


def check(text: str) -> None:
    for event in extract_document(Document(id="fuzz.txt", text=text, dct=DCT)):
        source = event.source
        assert source.evidence in text
        assert text[source.trigger_start:source.trigger_end] in source.evidence
        assert event.last_day >= event.first_day
        assert 0.0 <= event.confidence <= 1.0
        assert event.title.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWS_WORDS, min_size=1, max_size=60).map(" ".join))
def test_news_like_word_salad(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_unicode(text: str) -> None:
    check(text)


def test_long_article_without_sentence_ends_is_handled() -> None:
    check("The council will meet on March 3 and " * 3000)
