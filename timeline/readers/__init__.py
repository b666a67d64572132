"""Readers: every input a person has, turned into :class:`~timeline.document.Document` values.

One module per format: :mod:`.seed` (the project's sample format), :mod:`.plain` (a headline
and a ``Published:`` line, or ``--dct``), :mod:`.html` (web pages, trafilatura),
:mod:`.feed` (RSS and Atom, feedparser), :mod:`.url` (httpx) and :mod:`.ics` (calendars).
:mod:`.sniff` tells the format from the content; :mod:`.zones` decides the zone of a
publication time; :mod:`.files` walks folders and picks the reader.
"""

from timeline.document import Document
from timeline.errors import NotAnArticle
from timeline.readers.files import (
    STDIN,
    decode,
    expand_paths,
    read_document,
    read_documents,
    read_file,
    read_text,
    walk,
)
from timeline.readers.ics import CALENDAR_DCT
from timeline.readers.options import ReadOptions, parse_dct
from timeline.readers.sniff import sniff
from timeline.readers.zones import parse_zone

__all__ = [
    "CALENDAR_DCT",
    "STDIN",
    "Document",
    "NotAnArticle",
    "ReadOptions",
    "decode",
    "expand_paths",
    "parse_dct",
    "parse_zone",
    "read_document",
    "read_documents",
    "read_file",
    "read_text",
    "sniff",
    "walk",
]
