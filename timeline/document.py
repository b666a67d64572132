"""A document: an article's text with its publication date-time (the DCT) and provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

#: Which rule gave the DCT its zone (see :mod:`timeline.readers.zones`).
ZoneRule = Literal["stated", "source-tz", "outlet", "dateline", "utc"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One article as the parser sees it.

    ``text`` is the body every character offset refers to; the headline (``title``) is kept
    apart. ``dct`` (document creation time) anchors every relative date and is always aware;
    ``zone_rule`` says where its zone came from. ``url`` and ``outlet`` are provenance that
    every event read from the document carries. ``format`` is ``"article"`` for news text
    and ``"ics"`` for a calendar file, whose events are read as they are.
    """

    id: str
    text: str
    dct: datetime
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    zone_rule: ZoneRule = "stated"
    format: Literal["article", "ics"] = "article"
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if self.dct.tzinfo is None:
            raise ValueError(f"document {self.id!r}: the DCT must be an aware datetime")
        if not self.content_hash:
            digest = hashlib.sha256()
            parts = [self.format, self.title or "", self.dct.isoformat(), self.text]
            if self.outlet:  # only when known, so documents without one keep their old hash
                parts.append(self.outlet)
            for part in parts:
                digest.update(part.encode("utf-8"))
                digest.update(b"\0")
            object.__setattr__(self, "content_hash", digest.hexdigest())

    @property
    def headline(self) -> str | None:
        """The article's headline (stored as ``title``)."""
        return self.title
