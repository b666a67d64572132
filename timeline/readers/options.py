"""How documents are read: the caller's fallback DCT, zone and whether feeds follow links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from timeline.errors import InputError
from timeline.readers.zones import parse_zone


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """Reading options.

    ``dct`` is the publication date of text that states none; ``source_tz`` the zone of
    publication times written without one (None: the outlet's or dateline's, else UTC);
    ``follow_links`` reads the page each feed entry links to instead of its summary.
    """

    dct: datetime | None = None
    source_tz: str | None = None
    follow_links: bool = False

    def key(self) -> str:
        """The options as a string a store keeps, so changing them means reading again."""
        dct = self.dct.isoformat() if self.dct else ""
        return f"{dct}|{self.source_tz or ''}" + ("|follow" if self.follow_links else "")


def parse_dct(text: str, zone: str | None = None) -> datetime:
    """Parse ``YYYY-MM-DD[THH:MM[:SS]][offset]`` as given to ``--dct``; naive means ``zone``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError("--dct", f"not a date {text!r} (expected YYYY-MM-DD[THH:MM])") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=parse_zone(zone or "UTC"))
    return value
