"""A temporal expression found in text, normalised to TIMEX3."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

#: How precise a date value is. Events use only year, month, week, day and time;
#: the tagger also knows coarser or odd-sized periods.
TimexGranularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time"
]

#: The anchor of an expression that needed none: an absolute date like "Feb. 19, 2025".
ANCHOR_NONE = "none"
#: The anchor of an expression resolved against the document creation time ("tomorrow").
ANCHOR_DCT = "dct"


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """One TIMEX3: character span, type, value and how the value was found.

    ``start``/``end`` are offsets into the document text (end exclusive), following TimeML's
    extent rules (no leading preposition). ``anchor`` is ``"none"``, ``"dct"`` or
    ``"timex:N"`` where N is the index of the earlier timex the value was computed from
    ("the following day" after "Feb. 19"). ``range_start`` is the index of the timex that
    opens a range this one closes ("Feb. 21 and 22", "March 3-5", "from May 1 to May 4").
    ``mod`` is TIMEX3's MOD attribute (``START``, ``MID``, ``END``, ``APPROX``...).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    granularity: TimexGranularity | None = None
    anchor: str = ANCHOR_NONE
    range_start: int | None = None
    mod: str | None = None

    @property
    def anchor_index(self) -> int | None:
        """Index of the timex this one was resolved against, if it was anaphoric."""
        if self.anchor.startswith("timex:"):
            return int(self.anchor.removeprefix("timex:"))
        return None

    def to_json(self) -> dict[str, object]:
        """The JSON object of the ``timeline timex`` contract (extra keys are allowed)."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.granularity is not None:
            out["granularity"] = self.granularity
        out["anchor"] = self.anchor
        if self.range_start is not None:
            out["range_start"] = self.range_start
        if self.mod is not None:
            out["mod"] = self.mod
        return out
