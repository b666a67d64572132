"""What the reader tests compare: the events of a document as a calendar shows them."""

from __future__ import annotations

from pathlib import Path

from timeline.document import Document
from timeline.extract import extract_document

READERS = Path(__file__).resolve().parent / "data" / "readers"
#: The plain-text article every web page and feed fixture wraps.
PLAIN = READERS / "harbour_fair.txt"


def calendar_view(document: Document) -> list[tuple[object, ...]]:
    """Each event's title, dates, zone, place and kind, in order."""
    return sorted((e.title, e.start.isoformat(), e.end.isoformat() if e.end else None,
                   e.granularity, e.tz, e.location, e.kind)
                  for e in extract_document(document))
