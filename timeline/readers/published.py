"""Publication date-times as pages and articles write them.

``04 Feb. 2025, 17:55``, ``Tue, 4 February 2025``, ``Feb 4, 2025 5:55 PM KST``,
``February 4, 2025 at 5:55 p.m. ET``, ISO 8601 (``2025-02-04T17:55:00+09:00``) and the
RFC 822 dates of feeds (``Tue, 04 Feb 2025 08:55:00 GMT``). A value without a zone comes
back naive: which zone applies is the reader's decision (see :mod:`timeline.readers.zones`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from timeline.nlp.dateline import month_numbers

_DATE_TIME = re.compile(
    r"""\A\s*
    (?:[A-Za-z]{3,9}\.?,?\s+)?                                  # a weekday: "Tue,"
    (?:
        (?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})
      | (?P<month2>[A-Za-z]{3,9})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{4})
    )
    (?:,?\s*(?:at\s+|-\s+|\|\s+)?
        (?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?
        \s*(?P<half>[ap]\.?\s?m\.?)?
    )?
    (?:\s*\(?(?P<zone>
        [A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?                 # "KST", "GMT+9"
      | [+-]\d{2}:?\d{2}                                       # "+0900"
    )\)?)?
    [\s.]*\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?")


def parse_published(text: str) -> datetime | None:
    """The date-time ``text`` writes, aware when it names a zone; None when it is no date."""
    text = text.replace("\xa0", " ").strip()
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    match = _DATE_TIME.match(text)
    if match is None:
        return _rfc822(text)
    month = month_numbers().get((match["month"] or match["month2"]).lower().rstrip("."))
    if month is None:
        return None
    hour = int(match["hour"] or 0)
    half = (match["half"] or "").lower().replace(".", "").replace(" ", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    zone = _zone(match["zone"]) if match["zone"] else None
    if match["zone"] and zone is None:
        return None
    try:
        return datetime(
            int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"]),
            hour, int(match["minute"] or 0), int(match["second"] or 0), tzinfo=zone)
    except ValueError:
        return None


def _iso(text: str) -> datetime | None:
    if not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # RFC 822's "-0000" means "zone unknown", which Python reads as naive.
    return moment


def _zone(word: str) -> tzinfo | None:
    """ "KST", "ET", "GMT", "UTC+9", "+0900" -> a zone; None for a word that names none."""
    from timeline.places import zone_for_words  # the gazetteer loads only when a zone is named

    upper = word.upper()
    base = re.match(r"[A-Z]+", upper)
    offset = _OFFSET.search(upper)
    if base is None and offset is not None:
        return _fixed(offset)
    if base is not None and base.group() in ("GMT", "UTC", "Z"):
        return _fixed(offset) if offset is not None else UTC
    name = zone_for_words(upper)
    return ZoneInfo(name) if name else None


def _fixed(offset: re.Match[str]) -> tzinfo:
    delta = timedelta(hours=int(offset["hours"]), minutes=int(offset["minutes"] or 0))
    return timezone(-delta if offset["sign"] == "-" else delta)
