"""Which way a bare weekday or month points: the tense of the clause around it.

News reports the past ("said Tuesday") and announces the future ("will meet on Thursday");
a weekday or a year-less date carries no direction of its own, so the words around it decide.
The result is +1 (future), -1 (past) or 0 (no evidence).
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital or quote, or at a blank line;
# abbreviations like "Feb." are followed by a digit or lower-case word and do not end it.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“`(])|\n\s*\n")

_REPORTING = re.compile(
    r"\b(?:said|says|say|told|announced|reported|added|stated|declared|noted|confirmed|"
    r"denied|disclosed|indicated)\s*$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|going to|is to|are to|was to|were to|would|scheduled|"
    r"planned|plans?|planning|expects?|expected|intends?|due|set to|upcoming|to be held|"
    r"to resume|to begin|to start|to open|to close|to meet|to visit|to vote|to arrive|"
    r"to take|to hold|to sign|to leave|next|coming|until|till|by)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|ago|last|earlier|yesterday|told|reported|announced|"
    r"\w{3,}ed)\b",
    re.IGNORECASE,
)


def sentence_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence text before and after a span, cut at sentence ends (bounded in length)."""
    left_from = max(0, start - 200)
    left = text[left_from:start]
    cut = None
    for m in _SENTENCE_END.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = text[end:end + 120]
    m = _SENTENCE_END.search(right)
    if m is not None:
        right = right[:m.start() + 1]
    return left, right


def direction(text: str, start: int, end: int) -> int:
    """+1 if the clause around ``text[start:end]`` speaks of the future, -1 past, 0 unknown."""
    left, right = sentence_window(text, start, end)
    # "said Tuesday", "announced on Friday": the reporting date is always the past.
    stripped = re.sub(r"\s*\b(?:on|late|early|earlier|last)\s*$", "", left, flags=re.IGNORECASE)
    if _REPORTING.search(stripped):
        return -1
    if re.match(r"\W*(?:said|says|announced|reported|told)\b", right, re.IGNORECASE):
        return -1
    near_left = left[-90:]
    future = _FUTURE.search(near_left) or _FUTURE.search(right[:60])
    if future:
        return 1
    if _PAST.search(near_left) or _PAST.search(right[:60]):
        return -1
    return 0
