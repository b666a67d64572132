"""Calendar files: read as they are, their events kept with their own UIDs."""

from __future__ import annotations

from datetime import UTC, datetime

from timeline.document import Document
from timeline.errors import InputError

#: Calendar files have no publication date; a fixed one keeps their content hash stable.
CALENDAR_DCT = datetime(1970, 1, 1, tzinfo=UTC)


def read_ics(text: str, *, source: str) -> Document:
    """A calendar file as a Document whose events :func:`timeline.ics.parse_ics` reads."""
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InputError(source, "not an iCalendar file (no BEGIN:VCALENDAR)")
    return Document(id=source, text=text, dct=CALENDAR_DCT, format="ics")
