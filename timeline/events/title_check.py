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
    main = _WORD.findall(title.split(" (")[0]) or tokens  # "On the (Reserve Bank)" too
    first, last = tokens[0].lower(), main[-1].lower().rstrip(".")
    if first in _OPENERS:
        found.append(f"opens with {tokens[0]!r}")
    if last in _CLOSERS and len(main) > 1:
        found.append(f"ends with {main[-1]!r}")
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


_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their", "its", "our"})
_ROLES = words("honorifics")
# Where a long title can end and still say what happens: before a clause, an aside or a place.
_CUT = re.compile(r"""\s*(?:,|;|:|\s[-–—]\s|\s\((?![^)]*\)$)|\s(?=(?:with|after|before|as|which|who|
    while|where|when|because|amid|following|at|in|from|to|for|on)\s))""", re.VERBOSE)


def _without_roles(title: str) -> str:
    """Roles written before a name dropped: "Foreign Minister Anna Berg" -> "Anna Berg",
    "Secretary of State Ann Lee" -> "Ann Lee", "first lady Kim Min" -> "Kim Min"."""
    tokens = title.split()
    keep: list[str] = []
    i = 0
    while i < len(tokens):
        end = _role_end(tokens, i) if i > 0 else None
        if end is not None:
            i = end
            continue
        keep.append(tokens[i])
        i += 1
    return " ".join(keep)


def _role_end(tokens: list[str], start: int) -> int | None:
    """Where the role that starts at ``start`` ends, when a name follows it."""
    last_role: int | None = None
    j = start
    while j < len(tokens) and j - start < 5:
        word = tokens[j].lower()
        if word in _ROLES:
            last_role = j
        elif word == "of" or (tokens[j][:1].isupper() and (
                last_role is None or tokens[j - 1].lower() == "of")):
            pass  # "Secretary of State", "Foreign Minister": part of the role
        elif tokens[j][:1].isupper() and last_role is not None and tokens[j - 1].lower() != "of":
            return j  # the name
        else:
            break
        j += 1
    return None


def shortened(title: str) -> str:
    """``title`` cut to at most :data:`MAX_WORDS` words at the last phrase boundary that fits,
    else after the twelfth word; what the cut leaves dangling is mended."""
    if len(title.split()) <= MAX_WORDS:
        return title
    # Headline style first: articles and possessive pronouns go ("Minister opens new bridge"),
    # then the roles before a name ("Vice President Kamala Harris" -> "Kamala Harris").
    first, *rest = title.split()
    title = " ".join([first, *(w for w in rest if w.lower() not in _ARTICLES)])
    if len(title.split()) <= MAX_WORDS:
        return title
    title = _without_roles(title)
    if len(title.split()) <= MAX_WORDS:
        return title
    best = ""
    for match in _CUT.finditer(title):
        head = title[: match.start()]
        if len(head.split()) > MAX_WORDS:
            break
        if len(head.split()) >= 3:
            best = head
    if len(best.split()) < MAX_WORDS - 4:  # a boundary that early loses too much
        best = " ".join(title.split()[:MAX_WORDS])
    cut = best
    return repaired(cut) or cut


def content_words(title: str) -> set[str]:
    """The words of a title that say what it is about (longer than three letters), lower
    case and without the marks around them: what two titles of one happening share."""
    return {w.lower().strip(",.()'’\"“”") for w in title.split() if len(w) > 3}
