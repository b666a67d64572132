"""One rule of the temporal grammar: its pattern, parse function, trigger and examples.

A rule is written once, in its family's module under :mod:`timeline.temporal.rules`, and
registered by :func:`timeline.temporal.registry.rule`; everything the tagger needs to know
about it lives in this one value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline.temporal.context import Part

#: Turns a match into the parts it stands for (None or [] when the match is no timex).
Parse = Callable[[re.Match[str], str], list[Part] | None]

#: A compiled trigger: literals (searched as plain strings) and regexes for the rest.
TriggerPieces = tuple[re.Pattern[str] | str, ...]

#: How far a match may reach before and after a trigger hit when the rule does not say.
DEFAULT_REACH = (42, 40)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A named pattern, the function that turns its matches into parts, and its trigger.

    The context windows (``before`` look-back, ``reach``) are counted in characters: the
    tagger's windows have always been, and counting them in tokens would move the output.
    """

    name: str
    #: The full pattern, compiled with ``re.VERBOSE``.
    pattern: re.Pattern[str]
    parse: Parse
    #: On equal extents the rule with the lower priority wins.
    priority: int
    #: Phrases the rule tags, each as one span of its own (tested); a bracketed part marks
    #: the span when it is not the whole phrase ("about [two weeks]").
    examples: tuple[str, ...]
    #: Cheap pieces one of which every match contains; the full pattern runs only near their
    #: hits. None runs the pattern over the whole text.
    trigger: TriggerPieces | None = None
    #: Trigger hits inside a word ("Tuesday" for "day") are no unit; skip them.
    word_start: bool = False
    #: Words that must stand right before a trigger hit for the rule to match there
    #: ("two" before "years" for a duration); hits without them open no window.
    before: re.Pattern[str] | None = None
    #: ... or that may follow it instead ("-long" after "decade").
    after: re.Pattern[str] | None = None
    #: The trigger runs on the lower-cased text (names of months and days need their case).
    fold: bool = False
    #: How far a match may reach before and after a trigger hit, in characters (modifiers
    #: before, years or day parts after); the full pattern runs only in that window.
    reach: tuple[int, int] = DEFAULT_REACH


def verbose(pattern: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """A rule's pattern compiled in verbose mode (case-insensitive unless told otherwise)."""
    return re.compile(pattern, re.VERBOSE | (re.IGNORECASE if ignore_case else 0))
