"""Which reader a text needs, told from its content rather than its file name.

    ics    a calendar: BEGIN:VCALENDAR
    feed   RSS 2.0, RSS 1.0 (RDF) or Atom: an XML document whose root is rss, rdf:RDF or feed
    html   a web page: markup with html, head, body, article, div or p elements
    seed   the seed format: a first line " date YYYY-MM-DD headline"
    xml    other XML (SVG, a sitemap, an office file's parts): no format the tool reads
    json   JSON: no format the tool reads either
    plain  anything else, which the plain reader takes if it reads as an article
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["ics", "feed", "html", "seed", "xml", "json", "plain"]

SEED_HEADER = re.compile(
    r"""\A\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})   # " date 2025-02-04"
        (?:\s+(?P<title>.*\S))?\s*\Z              # the headline""",
    re.VERBOSE,
)
_HEAD = 4096
_PROLOGUE = re.compile(
    r"""\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>|<!DOCTYPE(?!\s+html)[^>]*>)*""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_FEED_ROOT = re.compile(r"<(?:rss|rdf:RDF|feed)[\s>]", re.IGNORECASE)
_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p)[\s>/]",
                   re.IGNORECASE)
_MARKUP_LINE = re.compile(
    r"""\A\s*(?:\#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||```|~~~|[A-Za-z_][\w-]*:\s*\S*\s*\Z)""",
    re.VERBOSE,
)
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*\s*\Z""")
#: Fewer words than this, or no sentence of this many words, is a note, not an article.
MIN_WORDS = 30
MIN_SENTENCE_WORDS = 8


def sniff(text: str) -> Format:
    """The format of ``text``."""
    head = text[:_HEAD]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped[:15].upper().startswith("BEGIN:VCALENDAR"):
        return "ics"
    if stripped.startswith("<"):
        prologue = _PROLOGUE.match(head)
        body = head[prologue.end():] if prologue else head
        if _FEED_ROOT.match(body):
            return "feed"
        if _PAGE.search(head):
            return "html"
        return "xml"
    if stripped[:1] in ("{", "["):
        return "json"
    first = stripped.split("\n", 1)[0]
    if SEED_HEADER.match(first):
        return "seed"
    return "plain"


def reads_as_prose(text: str) -> bool:
    """True when ``text`` looks like an article: enough words, sentences, little markup.

    Notes, lists, Markdown with headings and bullets, key-value files and logs are not.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or len(text.split()) < MIN_WORDS:
        return False
    markup = sum(1 for line in lines if _MARKUP_LINE.match(line))
    if markup * 2 >= len(lines):
        return False
    return has_a_sentence(text)


def has_a_sentence(text: str) -> bool:
    """True when some line of ``text`` is a sentence of at least eight words."""
    return any(len(line.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line)
               for line in text.splitlines())
