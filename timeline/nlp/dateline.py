"""Datelines: the town, day and agency a wire story opens with ("SEOUL, Feb. 4 (Yonhap) --").

The reader takes a publication day and a zone from them when an article says nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation (lower case) -> its number, from ``month_names.tsv``."""
    text = resources.files("timeline.nlp").joinpath("data", "month_names.tsv").read_text("utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            number, names = line.split("\t")
            table.update(dict.fromkeys(names.split(), int(number)))
    return table


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """What a dateline says: the town (and region), maybe a day, maybe the agency."""

    place: str
    region: str | None = None
    month: int | None = None
    day: int | None = None
    agency: str | None = None
    end: int = 0


_DATELINE = re.compile(
    r"""\A\s*
    (?P<place>[A-Z][\w.'’ -]{1,40}?)                      # "SEOUL", "Tokyo", "SANTA FE"
    (?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)(?=\s*[,(]|\s*(?:--|—|–)))?
    (?:,\s*(?:
        (?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})   # "Feb. 4"
      | (?P<day_first>\d{1,2})\s+(?P<month_after>[A-Z][a-z]{2,8})\.?   # "4 May"
    ))?
    \s*(?:\((?P<agency>[A-Z][^()\n]{0,39})\))?               # "(Yonhap)"
    \s*(?:--|—|–|-\s)\s*
    """,
    re.VERBOSE,
)


def read_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, or None.

    A town in capitals stands alone ("BERLIN --"); one in mixed case needs a day or an
    agency after it ("Tokyo, Sept. 21 (Jiji Press)--"), so an ordinary sentence is none.
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, region = match["place"].strip(), match["region"]
    month_word = match["month"] or match["month_after"]
    day_text = match["day"] or match["day_first"]
    month = month_numbers().get(month_word.lower()) if month_word else None
    if month_word and month is None:  # "Smith, Jones (...)": no month, so no dateline
        if region is None:
            return None
        month, day_text = None, None
    if region is not None and region.rstrip(".").lower() in month_numbers():
        region = None
    agency = match["agency"]
    if not place.isupper() and month is None and agency is None:
        return None
    return Dateline(place=place, region=region, month=month,
                    day=int(day_text) if day_text and month else None,
                    agency=agency.strip() if agency else None, end=match.end())
