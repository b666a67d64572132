"""The seed format: a first line `` date YYYY-MM-DD headline``, maybe a ``Published:`` line,
then the body, one paragraph per line::

     date 2025-02-04 Korea to send its first biz delegation to the U.S.
    Published: 04 Feb. 2025, 17:55
    A Korean business delegation ...

The first line holds the publication day and the headline; the ``Published:`` line, when
there, gives the time as well.
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.document import Document
from timeline.errors import InputError
from timeline.nlp.dateline import read_dateline
from timeline.readers.options import ReadOptions
from timeline.readers.plain import published_at
from timeline.readers.sniff import SEED_HEADER
from timeline.readers.zones import settle_zone


def read_seed(text: str, *, source: str, options: ReadOptions) -> Document:
    """A seed-format article as a Document."""
    lines = text.lstrip("\r\n").splitlines(keepends=True)
    header = SEED_HEADER.match(lines[0])
    if header is None:
        raise InputError(source, "no seed header (expected ' date YYYY-MM-DD headline')", line=1)
    try:
        day = date.fromisoformat(header["date"])
    except ValueError:
        raise InputError(source, f"bad date {header['date']!r} in the header", line=1) from None
    moment = datetime(day.year, day.month, day.day)  # noqa: DTZ001 - zone settled below
    body_from = 1
    if len(lines) > 1 and lines[1].lstrip().lower().startswith("published"):
        found = published_at(lines[1], source, 2)
        if found is None:  # "Published 04 Feb": the label without its colon
            raise InputError(source, f"malformed Published line {lines[1].strip()!r} "
                             "(expected 'Published: 04 Feb. 2025, 17:55')", line=2)
        moment = found
        body_from = 2
    body = "".join(lines[body_from:])
    if not body.strip():
        raise InputError(source, "the article has a header but no body", line=body_from + 1)
    moment, rule = settle_zone(moment, source_tz=options.source_tz, dateline=read_dateline(body))
    return Document(id=source, text=body, dct=moment, title=header["title"], zone_rule=rule)
