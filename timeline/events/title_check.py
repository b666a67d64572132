"""What makes a calendar title unusable: a fragment, dangling words or leftover date marks."""

from __future__ import annotations

import re

from timeline.nlp import words

MAX_WORDS = 12
_OPENERS = words("title_openers")
_CLOSERS = words("title_closers")
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")  # "isn’t", not a closing quote
# What a date leaves when it is cut out of a phrase: "between , and -", "( )", "from -".
_DATE_REMNANT = re.compile(
    r"""(?:^|\s)[-–—](?:\s|$|,)      # a dash with no number on either side
      | ,\s*[-–—,]                     # ", -" or ", ,"
      | \(\s*[-–—,]?\s*\)              # "( )", "(-)"
      | [(\[]\s*$                       # an opened bracket at the end
      | ^\s*[,;:)\]]                   # punctuation first
      | [,;:(\[-]\s*$                  # punctuation last
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"[\w'’.-]+")


def title_problems(title: str) -> list[str]:
    """Why ``title`` is no title (empty when it is one)."""
    found: list[str] = []
    tokens = _WORD.findall(title)
    if not tokens:
        return ["empty"]
    if len(title.split()) > MAX_WORDS:
        found.append("too long")
    first, last = tokens[0].lower(), tokens[-1].lower().rstrip(".")
    if first in _OPENERS:
        found.append(f"opens with {tokens[0]!r}")
    if last in _CLOSERS and len(tokens) > 1:
        found.append(f"ends with {tokens[-1]!r}")
    for opening, closing in _PAIRS:
        if title.count(opening) != title.count(closing):
            found.append(f"unbalanced {opening}{closing}")
    if title.count("‘") > _APOSTROPHE.sub("", title).count("’"):
        found.append("unbalanced ‘’")
    if title.count('"') % 2:
        found.append('unbalanced "')
    if _DATE_REMNANT.search(title):
        found.append("date remnant")
    if len(tokens) == 1 and title[:1].isupper() and title[1:].islower():
        found.append("bare noun")
    return found


_REMNANT_RUN = re.compile(
    r"""\s*(?:[,;:]\s*)*(?:\s[-–—](?=\s|,|$)|\(\s*[-–—,]?\s*\))(?:\s*[,;:]?\s*(?:and|or)?\s*
        (?:[-–—](?=\s|,|$)|\(\s*[-–—,]?\s*\)))*   # runs of dashes and empty brackets
    """,
    re.VERBOSE,
)
_OPEN_TAIL = re.compile(r"\s*[(\[][^)\]]*$")  # "Next come ProWein (": a bracket never closed


def repaired(title: str) -> str:
    """``title`` without what cut-out dates left and without dangling end words."""
    text = _REMNANT_RUN.sub("", title)
    text = _OPEN_TAIL.sub("", text)
    text = re.sub(r"\s+,", ",", text)
    for _ in range(4):
        text = text.strip(" ,;:-–—)]")
        text = re.sub(r"^(?:and|or|but)\s+", "", text, flags=re.IGNORECASE)
        tokens = text.split()
        if len(tokens) > 1 and tokens[-1].lower().rstrip(".,") in _CLOSERS:
            text = " ".join(tokens[:-1])
            continue
        break
    return " ".join(text.split())
