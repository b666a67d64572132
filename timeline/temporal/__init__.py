"""Temporal tagger: find temporal expressions in news text and normalise them to TIMEX3.

Modules, in the order data flows through them: ``lexicon`` (words), ``rule`` (one rule of
the grammar as a value), ``registry`` (the decorator that registers a rule, and the
compiled triggers), ``rules/`` (the grammar, one module per family: absolute, relative,
anaphora, quarters, clock, durations, sets, holidays), ``tense`` (which way bare weekdays
and dates point), ``context`` (DCT and narrative state), ``dates`` (calendar arithmetic)
and ``tagger`` (the passes that tie them together).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.temporal.tagger import tag

__all__ = ["tag"]


def __getattr__(name: str) -> Any:
    """``tag`` loads the tagger, which compiles the grammar, on first use: the model's
    modules read TIMEX3 values (:mod:`.values`) without paying for it."""
    if name == "tag":
        from timeline.temporal.tagger import tag

        return tag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
