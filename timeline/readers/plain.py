"""Plain articles as people copy them: a headline line, a ``Published:`` line, the body.

The ``Published:`` line may write the date in any common form (see
:mod:`timeline.readers.published`) and is never body text. Without one, ``--dct`` gives
the date, else a dateline ("SEOUL, Feb. 4 (Yonhap) --") does, in the year that puts it on
or before the file's own date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.document import Document, ZoneRule
from timeline.errors import InputError, NotAnArticle
from timeline.nlp.dateline import Dateline, read_dateline
from timeline.readers.options import ReadOptions
from timeline.readers.published import parse_published
from timeline.readers.sniff import reads_as_prose
from timeline.readers.zones import settle_zone

PUBLISHED_LINE = re.compile(
    r"""\A\s*(?:first\s+)?(?:published|posted)(?:\s+on)?\s*[:|]\s*(?P<when>.*?)\s*\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_UPDATED_LINE = re.compile(r"\A\s*(?:last\s+)?(?:updated|modified)(?:\s+on)?\s*[:|]",
                           re.IGNORECASE)
#: A headline is one line of at most this many words.
_HEADLINE_WORDS = 30
NOT_AN_ARTICLE = "not an article (no publication date, and notes or lists rather than prose)"


def published_at(line: str, source: str, number: int) -> datetime | None:
    """The date-time of a ``Published:`` line; None for any other line.

    A line labelled ``Published`` whose date cannot be read is an :class:`InputError`.
    """
    match = PUBLISHED_LINE.match(line)
    if match is None:
        return None
    moment = parse_published(match["when"])
    if moment is None:
        raise InputError(source, f"malformed Published line {line.strip()!r} "
                         "(expected a date such as 'Published: 04 Feb. 2025, 17:55')",
                         line=number)
    return moment


def read_plain(text: str, *, source: str, options: ReadOptions, walked: bool = False,
               file_day: date | None = None, url: str | None = None,
               outlet: str | None = None) -> Document:
    """A plain article as a Document; ``walked`` files (from a folder) must read as prose."""
    if not text.strip():
        raise InputError(source, "empty file")
    lines = text.splitlines(keepends=True)
    filled = [number for number, line in enumerate(lines) if line.strip()][:2]
    headline: str | None = None
    moment: datetime | None = None
    body_from = 0
    for position, number in enumerate(filled):
        found = published_at(lines[number], source, number + 1)
        if found is None:
            continue
        moment, body_from = found, number + 1
        if position == 1 and len(lines[filled[0]].split()) <= _HEADLINE_WORDS:
            headline = lines[filled[0]].strip()
        break
    while body_from < len(lines) and (not lines[body_from].strip()
                                      or _UPDATED_LINE.match(lines[body_from])):
        body_from += 1
    body = "".join(lines[body_from:])
    if not body.strip():
        raise InputError(source, "the article has a header but no body", line=body_from + 1)
    dateline = read_dateline(body)
    rule: ZoneRule
    if moment is None:
        # A wire story opens with a dateline; any other text must read as prose, unless it
        # is named on its own with --dct.
        if dateline is None and (walked or options.dct is None) and not reads_as_prose(body):
            raise NotAnArticle(source, NOT_AN_ARTICLE, line=1)
        if options.dct is not None:
            return Document(id=source, text=text, dct=options.dct, url=url, outlet=outlet,
                            zone_rule="source-tz" if options.source_tz else "stated")
        moment = dateline_day(dateline, file_day)
        if moment is None:
            raise InputError(source, "no publication date (no 'Published:' line or dateline); "
                             "give --dct YYYY-MM-DD to read plain text", line=1)
    moment, rule = settle_zone(moment, source_tz=options.source_tz, outlet=outlet, url=url,
                               dateline=dateline)
    return Document(id=source, text=body, dct=moment, title=headline, url=url, outlet=outlet,
                    zone_rule=rule)


def dateline_day(dateline: Dateline | None, file_day: date | None) -> datetime | None:
    """The dateline's month and day in the year that puts it on or before ``file_day``."""
    if dateline is None or dateline.month is None or dateline.day is None or file_day is None:
        return None
    for year in (file_day.year, file_day.year - 1):
        try:
            day = date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if day <= file_day:
            return datetime(day.year, day.month, day.day)  # noqa: DTZ001 - zone settled later
    return None
