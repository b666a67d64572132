"""The registry of temporal rules: the decorator that registers a rule, and its compiled trigger.

Each family module under :mod:`timeline.temporal.rules` registers its rules with
:func:`rule`; :func:`all_rules` imports the families and returns every rule in priority
order, which is the order the tagger tries them in (on equal extents the earlier one wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.temporal.rule import DEFAULT_REACH, Parse, Rule, TriggerPieces, verbose

_REGISTERED: dict[str, Rule] = {}
_TRIGGER_CACHE: dict[tuple[str, bool], TriggerPieces] = {}


def compile_trigger(source: str, fold: bool) -> TriggerPieces:
    """One piece per top-level alternative of ``source``: a bracketed one is a regex, others
    literals (plain strings; the tagger scans the literals of all rules together).

    Each top-level alternative is scanned on its own and case-sensitively: Python's regex
    engine finds a literal with a fast substring search but tries an alternation branch by
    branch at nearly every position, so twenty literal scans cost about half of one
    alternation scan. With ``fold`` the literals are lower-cased (and so merged: "Year" and
    "year" are one scan of the lower-cased text). Rules with the same trigger share one value.
    """
    key = (source, fold)
    if key in _TRIGGER_CACHE:
        return _TRIGGER_CACHE[key]
    pieces: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(source):
        if char == "(" and source[i - 1 : i] != "\\":
            depth += 1
        elif char == ")" and source[i - 1 : i] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(source[start:i])
            start = i + 1
    pieces.append(source[start:])
    if fold:
        pieces = [p if p.startswith("(") else p.lower() for p in pieces]
    unique = list(dict.fromkeys(pieces))
    compiled = tuple(re.compile(p) if p.startswith("(") else p for p in unique)
    _TRIGGER_CACHE[key] = compiled
    return compiled


def rule(
    name: str,
    *,
    priority: int,
    pattern: str,
    trigger: str,
    examples: tuple[str, ...],
    cased: bool = False,
    word_start: bool = False,
    before: str | None = None,
    after: re.Pattern[str] | None = None,
    reach: tuple[int, int] = DEFAULT_REACH,
    ignore_case: bool = True,
) -> Callable[[Parse], Parse]:
    """Register the decorated parse function as the rule ``name``.

    ``pattern`` is a verbose-mode regex; ``trigger`` an alternation of cheap pieces one of
    which every match holds (searched on the lower-cased text unless ``cased``: names of
    months and days keep their case); ``before`` what must stand right before a trigger hit
    (case-insensitive), or ``after`` what may follow it instead; ``reach`` the characters a
    match may reach before and after a hit.
    """

    def register(parse: Parse) -> Parse:
        if name in _REGISTERED:
            raise ValueError(f"rule {name!r} is registered twice")
        taken = {r.priority: r.name for r in _REGISTERED.values()}
        if priority in taken:
            raise ValueError(f"rule {name!r} has the priority of rule {taken[priority]!r}")
        fold = not cased
        _REGISTERED[name] = Rule(
            name=name,
            pattern=verbose(pattern, ignore_case=ignore_case),
            parse=parse,
            priority=priority,
            examples=examples,
            trigger=compile_trigger(trigger, fold),
            word_start=word_start,
            before=verbose(before) if before else None,
            after=after,
            fold=fold,
            reach=reach,
        )
        return parse

    return register


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, most specific first (lowest priority number first)."""
    import timeline.temporal.rules  # noqa: F401  (registers the families)

    return tuple(sorted(_REGISTERED.values(), key=lambda r: r.priority))
