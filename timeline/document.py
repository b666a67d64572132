"""A document: an article's text with its publication date-time (the DCT)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One article as the parser sees it.

    ``text`` is the body every character offset refers to; the headline is kept apart.
    ``dct`` (document creation time) anchors every relative date and is always aware.
    ``format`` is ``"article"`` for news text and ``"ics"`` for a calendar file, whose events
    are read as they are instead of being parsed from prose.
    """

    id: str
    text: str
    dct: datetime
    title: str | None = None
    url: str | None = None
    format: Literal["article", "ics"] = "article"
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if self.dct.tzinfo is None:
            raise ValueError(f"document {self.id!r}: the DCT must be an aware datetime")
        if not self.content_hash:
            digest = hashlib.sha256()
            for part in (self.format, self.title or "", self.dct.isoformat(), self.text):
                digest.update(part.encode("utf-8"))
                digest.update(b"\0")
            object.__setattr__(self, "content_hash", digest.hexdigest())
