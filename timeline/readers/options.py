"""How documents are read: the caller's fallback DCT, zone and whether feeds follow links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from timeline.errors import InputError
from timeline.event import EARLIEST, LATEST, in_bounds
from timeline.limits import DEFAULT_MAX_BYTES, DEFAULT_SECONDS
from timeline.readers.zones import parse_zone, shorten


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """Reading options.

    ``dct`` is the publication date of text that states none; ``source_tz`` the zone of
    publication times written without one (None: the outlet's or dateline's, else UTC);
    ``follow_links`` reads the page each feed entry links to instead of its summary;
    ``max_bytes`` is the largest document read and ``seconds`` how long one document's
    parse may take (None or 0: no limit), so one file cannot stall a run.
    """

    dct: datetime | None = None
    source_tz: str | None = None
    follow_links: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    seconds: float | None = DEFAULT_SECONDS

    def key(self) -> str:
        """The options as a string a store keeps, so changing them means reading again."""
        dct = self.dct.isoformat() if self.dct else ""
        return f"{dct}|{self.source_tz or ''}" + ("|follow" if self.follow_links else "")


def parse_dct(text: str, zone: str | None = None) -> datetime:
    """Parse ``YYYY-MM-DD[THH:MM[:SS]][offset]`` as given to ``--dct``; naive means ``zone``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError("--dct", f"not a date {shorten(text)!r} "
                                  "(expected YYYY-MM-DD[THH:MM])") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=parse_zone(zone or "UTC"))
    if not in_bounds(value.date()):
        raise InputError("--dct", f"{text.strip()!r} is outside the years a calendar can "
                                  f"hold ({EARLIEST.isoformat()} to {LATEST.isoformat()})")
    return value
