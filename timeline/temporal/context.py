"""What a rule sees when it resolves a value: the DCT, the tense and the narrative so far.

Rules find spans without context (so matching is one pass per pattern); values are resolved
afterwards in document order, because "the following day" means the day after the last day
the story named, not after the DCT.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from timeline.temporal import tense
from timeline.timex import ANCHOR_DCT, TimexType


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved value: what the tagger turns into a :class:`~timeline.timex.Timex`."""

    value: str
    type: TimexType
    anchor: str = "none"
    mod: str | None = None


@dataclass(slots=True)
class Narrative:
    """The latest dates the story has named so far, with the index of the naming timex."""

    day: date | None = None
    day_index: int | None = None
    month: tuple[int, int] | None = None
    month_index: int | None = None
    year: int | None = None
    year_index: int | None = None
    quarter: tuple[int, int] | None = None
    quarter_index: int | None = None
    #: The story last compared periods longer than a quarter ("the nine months").
    long_period: bool = False
    #: The last day that only dated a report ("said Thursday"): anaphora count from it
    #: only while the story has named no day of its own.
    report_day: date | None = None
    report_index: int | None = None
    #: The last day named up to the DCT and from it on: a clause in the other tense from
    #: the story's last day goes on from the last day on its own side ("The programme was
    #: released on Saturday. A banquet will be held that evening" after "arrives Tuesday").
    #: The last quarter named at all, an outlook included: "the same period last year"
    #: compares with it.
    named_quarter: tuple[tuple[int, int], int] | None = None
    #: The last month named as a month ("In March alone"), not as part of a day: (year,
    #: month), the timex's index and where it starts.
    named_month: tuple[tuple[int, int], int, int] | None = None
    past_day: tuple[date, int] | None = None
    future_day: tuple[date, int] | None = None
    #: The last date named and where it ends: "Feb. 5-6, March 18-19 and May 6-7" is a
    #: list that goes on from its previous item; "in 2024 on Feb. 5" takes the year named.
    last_day: date | None = None
    last_year: int | None = None
    last_end: int = -1


@dataclass(slots=True)
class Context:
    """The resolution context of one span: DCT, the span, and the narrative state."""

    text: str
    dct: date
    dct_time: datetime
    start: int = 0
    end: int = 0
    narrative: Narrative = field(default_factory=Narrative)
    _direction: int | None = None

    def at(self, start: int, end: int) -> Context:
        """Point the context at a new span (clears the cached tense)."""
        self.start, self.end, self._direction = start, end, None
        return self

    @property
    def direction(self) -> int:
        """The tense around the span: +1 future, -1 past, 0 unknown (cached per span)."""
        if self._direction is None:
            self._direction = tense.direction(self.text, self.start, self.end)
        return self._direction

    def story_day(self) -> tuple[date, str]:
        """The last day the story named, else the last report's day, else the DCT; with anchor."""
        n = self.narrative
        if n.day is not None and n.day_index is not None:
            if n.day < self.dct and n.future_day is not None and self.strongly_future:
                return n.future_day[0], f"timex:{n.future_day[1]}"
            if n.day > self.dct and n.past_day is not None and self.direction < 0:
                return n.past_day[0], f"timex:{n.past_day[1]}"
            return n.day, f"timex:{n.day_index}"
        if n.report_day is not None and n.report_index is not None:
            return n.report_day, f"timex:{n.report_index}"
        return self.dct, ANCHOR_DCT

    @property
    def strongly_future(self) -> bool:
        """True if "will" or a present-tense schedule governs the span's clause."""
        # The cheap cue first: the tense is worked out only where a cue stands.
        return tense.strong_future_cue(self.text, self.start, self.end) and self.direction > 0

    @property
    def reporting(self) -> bool:
        """True if the span dates only the telling of the story ("said Thursday")."""
        return tense.reporting(self.text, self.start, self.end)

    def story_month(self) -> tuple[tuple[int, int], str]:
        """The last month the narrative named (from any day or month), else the DCT's."""
        n = self.narrative
        if n.month is not None and n.month_index is not None:
            return n.month, f"timex:{n.month_index}"
        return (self.dct.year, self.dct.month), ANCHOR_DCT

    def story_year(self) -> tuple[int, str]:
        """The last year the narrative named, else the DCT's."""
        n = self.narrative
        if n.year is not None and n.year_index is not None:
            return n.year, f"timex:{n.year_index}"
        return self.dct.year, ANCHOR_DCT

    def story_quarter(self, *, any_named: bool = False) -> tuple[tuple[int, int], str] | None:
        """The last reported quarter the text named, if any ("the quarter" refers back to
        it); with ``any_named``, the last quarter named at all ("the same period")."""
        n = self.narrative
        if any_named and n.named_quarter is not None:
            return n.named_quarter[0], f"timex:{n.named_quarter[1]}"
        if n.quarter is not None and n.quarter_index is not None:
            return n.quarter, f"timex:{n.quarter_index}"
        return None


Resolver = Callable[[Context], Resolved | None]


@dataclass(frozen=True, slots=True)
class Part:
    """One timex a rule found: its span and how to resolve it once the context is known."""

    start: int
    end: int
    resolve: Resolver
    #: True when this part closes a range opened by the part just before it.
    closes_range: bool = False
