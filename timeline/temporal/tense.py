"""Which way a bare weekday or month points: the tense of the clause around it.

News reports the past ("said Tuesday") and announces the future ("will meet on Thursday");
a weekday or a year-less date carries no direction of its own, so the words around it decide.
The verb nearest to the expression wins: in "officials said the talks will resume Monday"
the "will" is closer to "Monday" than "said" is. Markers are of four kinds: future words
("will", "can", "expected", "set for"), past forms ("-ed" words not after "be", irregular
pasts), past modals ("may have", "could not", "had been due") and infinitives, which count
only when they govern the expression ("to meet on Friday") or a word of commitment governs
them ("agreed to buy ... in May"). The result is +1 (future), -1 (past) or 0 (no evidence).
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! ? followed by space and a capital or quote, or at a blank line;
# abbreviations like "Feb." are followed by a digit or lower-case word and do not end it.
_SENTENCE_END = re.compile(
    r"(?<!\.[mM])(?<!\b[A-Z])[.!?;][\"'”’)]*\s+(?=[A-Z\"“`(])|\n\s*\n"
    # "at 4 p.m. The signal ...": a clock time ends the sentence when a sentence opener follows.
    r"|(?<=[aApP]\.[mM])\.\s+(?=(?:The|A|An|He|She|It|They|We|This|That|These|Those|But"
    r"|In|On|At|By|For|If|When|Its|His|Her|Their|Our|There)\b)"
)

_REPORTING_VERB = (
    r"said|says|told|announced|reported|added|stated|declared|noted|confirmed|denied|disclosed"
    r"|indicated"
)
_REPORTING = re.compile(rf"\b(?:{_REPORTING_VERB})\s*$", re.IGNORECASE)
# Where a report was made, between the verb and its date: "told reporters Monday", "said in
# a statement on Tuesday", "announced at a news conference Friday".
_REPORT_SETTING = (
    r"(?:reporters|journalists|lawmakers|parliament|Congress|the\s+(?:press|media|court)"
    r"|(?:in|at|during|on)\s+(?:a|an|its|his|her|their|the)\s+(?:\w+\s+)?(?:statement|release"
    r"|interview|briefing|conference|letter|filing|speech|post|website|appearance))"
)
_REPORTING_BEFORE = re.compile(
    rf"\b(?:{_REPORTING_VERB})(?:\s+{_REPORT_SETTING})?,?\s+(?:(?:on|late|early|earlier"
    rf"|last)\s+)?$"
    rf"|(?:^|[,;(]\s*)(?:in|at)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|release|interview"
    rf"|briefing|conference)\s+(?:(?:on|late|early)\s+)?$",
    re.IGNORECASE,
)
# A date that opens its clause with a reporting verb right after it: "On Tuesday, the
# ministry said ...", "The company Tuesday announced ...", "Thursday's statement".
_CLAUSE_OPEN = re.compile(r"^\W*(?:(?:on|late|early|also|and|but)\s+)*$", re.IGNORECASE)
_DAYPART_AFTER = r"(?:\s+(?:night|morning|afternoon|evening))?"
_REPORTING_NEXT = re.compile(rf"{_DAYPART_AFTER}\s+(?:{_REPORTING_VERB})\b", re.IGNORECASE)
_REPORTING_SUBJECT_NEXT = re.compile(
    rf"{_DAYPART_AFTER},\s+(?:[\w.'’-]+\s+){{1,5}}?(?:{_REPORTING_VERB})\b", re.IGNORECASE
)
_REPORT_NOUN_NEXT = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:statement|announcement|news\s+conference|press\s+conference"
    r"|briefing|news\s+release|press\s+release)\b",
    re.IGNORECASE,
)

# Irregular past forms common in news; regular ones are caught by their -ed ending.
_IRREGULAR_PAST = (
    "was|were|had|did|said|told|made|took|gave|got|went|came|began|fell|rose|sold|bought|paid|"
    "won|lost|left|met|held|saw|found|became|thought|knew|led|spent|sent|built|kept|ran|wrote|"
    "spoke|chose|drew|grew|struck|fought|caught|sought|stood|shot|threw|broke|flew|drove|fled|"
    "withdrew|swore|shook|sank|hung|dealt|meant|felt|brought|overtook|stole|slid|sprang|"
    "rang|froze|forgot|arose|awoke|bore|woke|ago|since|yesterday|earlier|previously"
)
# Past forms equal to the present ("set", "cut", "hit"): past only without an auxiliary or
# "to" before them ("prices hit a record Friday", but "the storm will hit Friday").
_PRESENT_LIKE_PAST = (
    r"(?<!will\s)(?<!would\s)(?<!could\s)(?<!can\s)(?<!may\s)(?<!might\s)(?<!must\s)"
    r"(?<!should\s)(?<!shall\s)(?<!\bto\s)(?<!\bdo\s)(?<!does\s)(?<!\bdid\s)(?<!n't\s)"
    r"(?<!'ll\s)(?:set|cut|hit|put|hurt|shut|split)"
)
# Modals before "have" speak of the past ("may have been set afire"), as does "could not".
_PAST_MODAL = (
    # "have" with an object is the main verb, not the perfect: "would have surgery".
    r"(?:could|may|might|would|should|must)(?:\s+not)?\s+have(?!\s+(?:a|an|the|to|no|its|his"
    r"|her|their|our|some|any|surgery|talks)\b)|could\s+not|couldn't"
    r"|had\s+(?:been\s+)?(?:due|scheduled|expected|set|slated|planned|supposed)"
)
_FUTURE_WORDS = (
    r"will|won't|wo|'ll|shall|would|going\s+to|gonna|(?:is|are|am)\s+to|scheduled|plans?\s+to"
    r"|planning|planned\s+for|supposed\s+to|slated|expects?|(?<!than\s)(?<!\bas\s)expected|intends?"
    r"|set\s+(?:to|for)|upcoming|coming"
    r"|(?:forecast|projected|poised|on\s+track|on\s+course)\s+to"
    # "setting up a special election in June", "paving the way for a vote next week".
    r"|setting\s+up|paving\s+the\s+way|clearing\s+the\s+way|setting\s+the\s+stage"
    r"|tomorrow|as\s+(?:early|soon)\s+as|can|could|may|might|should|ready\s+to|hopes?\s+to"
    r"|aims?\s+to"
    r"|starting|beginning|due(?!\s+to\s+(?:the|a|an|its|their|his|her|our|this|that|these"
    r"|those)\b)"
)
# Words after "to" that make no infinitive: determiners, quantities and common nouns
# ("to the", "to more than", "shot to death").
_NOT_VERB = (
    r"the|a|an|his|her|its|their|our|your|this|that|these|those|be|date|death|power|court"
    r"|office|prison|jail|school|work|market|trial|home|war|life|bed|zero|rest|more|less"
    r"|about|around|some|all|any|each|both|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|them|him|record|levels?|highs?|lows?|nearly|almost|just|only|roughly"
)
# An "-ed" word after these is an adjective, not a past verb ("a still unspecified date").
_ADJECTIVE_BEFORE = (
    r"(?<!will\s)(?<!\bto\s)(?<!\bbe\s)(?<!\ba\s)(?<!\ban\s)(?<!the\s)(?<!still\s)"
    # ... or after a preposition: "run at reduced speed", "sold in limited numbers".
    r"(?<!\bat\s)(?<!\bin\s)(?<!\bwith\s)(?<!\bof\s)"
    # ... or after a verb of state: "will stay closed through Friday".
    r"(?<!\bstay\s)(?<!\bstays\s)(?<!\bremain\s)(?<!\bremains\s)(?<!\bkeep\s)"
)
_NOT_PAST_ED = r"hundred|indeed|need|speed|seed|feed|breed|proceed|succeed|exceed|shed|embed"
# Present tense of the verbs that schedule things: news announces with them ("the show
# opens Friday", "tickets go on sale Monday", "the deadline is Friday"), so they point
# ahead. Only verbs that are rarely nouns after a subject, and not after a determiner ("the
# close Friday"); lower case, so "March" is no verb. A copula counts only right before the
# date: "the vote is Friday", not "is under a June agreement".
_PRESENT = (
    r"(?<!the\s)(?<!\ba\s)(?<!\ban\s)(?<!its\s)(?<!their\s)(?<!his\s)(?<!her\s)(?<!'s\s)"
    r"(?-i:(?:is|are)(?=\s+(?:on\s+|until\s+)?$)|(?:re)?opens?|begins?|starts?|go|goes"
    r"|meets?|play|plays|faces?|takes?|kicks?|closes?|ends?|arrives?|leaves|depart|departs|returns?"
    r"|resumes?|launch|launches|debuts?|premieres?|airs|hosts?|visits?|heads|travels?|flies"
    r"|expires?|convenes?|testif(?:y|ies)|appears?|speaks?|performs?|wraps?|concludes?|finish"
    r"|runs|lasts|continues"
    r"|finishes|comes?|gathers?|holds?|hits|gets?\s+under\s?way)"
)
# One pass finds every marker; the group that matched says which way it points.
_MARKER = re.compile(
    rf"\b(?:(?P<modal>{_PAST_MODAL})|(?P<future>{_FUTURE_WORDS})"
    rf"|(?P<infinitive>to\s+(?:be\s+)?(?!(?:{_NOT_VERB})\b)(?-i:[a-z]{{3,}}))"
    rf"|(?P<past>{_IRREGULAR_PAST}|{_PRESENT_LIKE_PAST}|has\s+been|have\s+been"
    rf"|{_ADJECTIVE_BEFORE}(?<!-)(?!(?:{_NOT_PAST_ED})\b)(?-i:[a-z]{{2,}}ed)(?!\s+by\s+(?:a|an)\b))"
    rf"|(?P<present>{_PRESENT}))\b",
    re.IGNORECASE,
)


# ", it said", ", officials said": the telling, not the clause's own verb.
_REPORT_TAG = re.compile(rf",\s+(?:[\w.'’-]+\s+){{1,3}}(?:{_REPORTING_VERB})\b", re.IGNORECASE)

_PASSIVE = re.compile(r"\b(be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
# A plain verb after an auxiliary or a negation takes their tense: "did not meet Friday",
# "will open Monday", "have come down since October".
_AUX_OR_NOT = re.compile(
    r"\b(?:do|does|did|will|would|could|can|may|might|must|should|shall|to|not|never|have"
    r"|has|had|having)\s+$"
    r"|(?:n't|'ll)\s+$",
    re.IGNORECASE,
)
# A reporting verb after an auxiliary is no report of the past: "will be announced".
_AUX_BEFORE = re.compile(
    r"\b(?:be|been|being|will|would|to|can|could|may|might|should|must|shall)\s+$", re.IGNORECASE
)
#: An infinitive decides only when it governs the expression: "to meet on Friday", not
#: "to protect Saudi Arabia, with the vanguard arriving Tuesday".
_INFINITIVE_REACH = 30
# ... unless a word of commitment governs it: "agreed to buy the unit, with its plant, in May".
_COMMITMENT = re.compile(
    # A noun after a determiner ("extended their offers to acquire the maker Friday") leaves
    # the date to the clause's own verb.
    r"(?<!\btheir\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)"
    r"\b(?:agree[sd]?|agreement|decided?|decision|plan(?:s|ned)?|voted?|promised?|pledged?"
    r"|intend(?:s|ed)?|want(?:s|ed)?|seeks?|sought|hoped?|offer(?:s|ed)?|proposed?|proposal"
    r"|aims?|prepared?|preparing|threaten(?:s|ed)?|ready|likely|deal|bid|order(?:s|ed)?"
    r"|move[sd]?|arrangements?|pact|accord)(?:\s+\w+)?\s+$",
    re.IGNORECASE,
)


# A deadline granted or moved ("gave them until Friday", "postponed the vote until
# Tuesday", "extended the loans through January") lies after the act that set it, and news
# reports such acts while the deadline is still ahead.
_UNTIL = re.compile(r"\b(?:until|till|through)\s*$", re.IGNORECASE)
# "residents had until 7 a.m. Thursday to leave", "sailings have been cancelled for
# Wednesday": a time allowed, or the day a changed plan was for, lies ahead of the telling.
_AHEAD_OF_ACT = re.compile(
    r"\b(?:ha(?:ve|s|d)|given)\s+until\s*$"
    r"|\b(?:cancell?ed|called\s+off|postponed|rescheduled|delayed|moved|booked|reserved)"
    r"\s+for\s*$",
    re.IGNORECASE,
)
_DEADLINE_VERB = re.compile(
    r"\b(?:gave|given|give[sn]?|extend(?:ed|s)?|postpone[sd]?|delay(?:ed|s)?|defer(?:red|s)?"
    r"|adjourn(?:ed|s)?|put\s+off|push(?:ed|es)?\s+back)\b",
    re.IGNORECASE,
)
# A clock time and its "on" before a day: "18:00 on Tuesday", "midnight GMT on Wednesday".
_CLOCK_ON = r"(?:\d{1,2}[:.]\d\d|noon|midnight)\s+(?:[A-Z]{2,4}\s+)?on\s+"
# A span that opens on the date ("in force from 18:00 on Tuesday", "covers the coast from
# early Tuesday"): with no past verb before it, it runs from now on.
_OPENS_SPAN = re.compile(rf"\bfrom\s+(?:(?:early|late)\s+|{_CLOCK_ON})?$", re.IGNORECASE)
# "rents have fallen from the middle of May": a perfect looks back.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|'ve)\b", re.IGNORECASE)

# A span the clause sets ("from Tuesday evening until Thursday morning"): after a present
# perfect ("has issued a warning from ...") it is the act's result, in force from now on,
# so it lies ahead even though the act is done.
_SPAN_FROM = re.compile(r"\bfrom\s+$|\bfrom\b.*\b(?:until|till|through|to)\s+$", re.IGNORECASE)
# The closing half of such a span points the way its opening half does: "from Tuesday
# evening until Thursday morning".
_SPAN_CLOSE = re.compile(
    rf"\bfrom\s+(?P<open>(?:{_CLOCK_ON})?(?-i:[A-Z])[^,;]{{1,40}}?)\s+(?:until|till|through|to)\s+"
    rf"(?:{_CLOCK_ON})?$",
    re.IGNORECASE,
)
# The second of two days offered as alternatives or a pair points the way the first does:
# "on track to hit the coast late Thursday or early Friday".
_PAIR_CLOSE = re.compile(
    r"(?P<open>(?:(?:early|late|mid)\s+)?(?-i:[A-Z][a-z]+day)(?:\s+(?:morning|afternoon|evening"
    r"|night))?)\s+(?:or|and)\s+(?:(?:early|late|mid)\s+)?$",
    re.IGNORECASE,
)
_CLOSING_PRICE = re.compile(
    r"\b(?:closing(?:\s+(?:price|level|bell))?|(?:the|its|their)\s+close)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|until|till|in\s+time\s+for)\s+$", re.IGNORECASE)
_AFTER_INFINITIVE = re.compile(r"\bto\s+[a-z]+\s+$")
_PERFECT = re.compile(r"\b(?:has|have|'s|'ve)\s+(?:been\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=256)
def sentence_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause text before and after a span, cut at sentence ends (bounded in length).

    Cached: the tense, the report and the schedule checks of one span all read it.
    """
    left_from = max(0, start - 160)
    left = text[left_from:start]
    cut = None
    for end_mark in _SENTENCE_END.finditer(left):
        cut = end_mark.end()
    if cut is not None:
        left = left[cut:]
    right = text[end : end + 100]
    stop = _SENTENCE_END.search(right)
    if stop is not None:
        right = right[: stop.start() + 1]
    return left, right


# "SEOUL, Sept. 16 (Yonhap) --", "WASHINGTON, March 14 -": the date of the filing.
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)\s*[A-Z][A-Z.'’ -]+(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?,\s*$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|—|–|-|_)")


def dateline(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is the date of a dateline ("SEOUL, Sept. 16 (Yonhap) --")."""
    return bool(
        _DATELINE_BEFORE.search(text, max(0, start - 60), start)
        and _DATELINE_AFTER.match(text, end)
    )


def reporting(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` dates only the telling: "said Thursday", "On Tuesday, the
    ministry said", "in a statement on Monday", "Friday's announcement".

    Such a date is news about the report, not a date of the story it tells, so anaphora
    ("that afternoon", "the following day") must not count from it.
    """
    if dateline(text, start, end):
        return True
    left, right = sentence_window(text, start, end)
    report = _REPORTING_BEFORE.search(left)
    if report and not _AUX_BEFORE.search(left, 0, report.start()):
        return True
    if _REPORTING_NEXT.match(right) or _REPORT_NOUN_NEXT.match(right):
        return True
    return bool(_CLAUSE_OPEN.match(left) and _REPORTING_SUBJECT_NEXT.match(right))


def _sign(m: re.Match[str]) -> int:
    return -1 if m.group("past") or m.group("modal") else 1


def _present_perfect(left: str, marker: re.Match[str]) -> bool:
    """True if the past marker is a present perfect: "has issued", "have been ordered"."""
    if re.match(r"(?:has|have)\s+been$", marker.group(0), re.IGNORECASE):
        return True
    return bool(_PERFECT.search(left, 0, marker.start()))


def direction(text: str, start: int, end: int) -> int:
    """+1 if the clause around ``text[start:end]`` speaks of the future, -1 past, 0 unknown."""
    left, right = sentence_window(text, start, end)
    # "said Tuesday", "announced on Friday": the reporting date is always the past.
    stripped = re.sub(r"\s*\b(?:on|late|early|earlier|last)\s*$", "", left, flags=re.IGNORECASE)
    report = _REPORTING.search(stripped)
    if report and not _AUX_BEFORE.search(stripped, 0, report.start()):
        return -1
    if re.match(r"\s*(?:said|says|announced|reported|told)\b", right, re.IGNORECASE):
        return -1  # "Tuesday said": the date of the telling
    if _CLOSING_PRICE.search(left):
        return -1  # "a premium to the closing price on Friday": a price already set
    if re.match(r"['’]s\b", right):
        # "Tuesday's vote" names an event already known: the past, unless its own clause
        # schedules it ("Thursday's match kicks off at 8:30 p.m.") or it is what comes
        # next ("ahead of Wednesday's time trial").
        own = _clause_after(right, 80, 0)
        if own:
            return own
        return 1 if _AHEAD_OF.search(left) else -1
    if (_UNTIL.search(left) and _DEADLINE_VERB.search(left)) or _AHEAD_OF_ACT.search(left):
        return 1
    span = _SPAN_CLOSE.search(left) or _PAIR_CLOSE.search(left)
    if span is not None:
        opening = start - len(left) + span.start("open")
        return direction(text, opening, opening + len(span.group("open")))
    nearest = None
    sign = 0
    for m in _MARKER.finditer(left, max(0, len(left) - 90)):
        if m.group("past") and m.group(0).endswith("ed") and _AFTER_INFINITIVE.search(
            left, 0, m.start()
        ):
            continue  # "to raise regulated fuel prices": an adjective of the object
        # "will be held", "has been sold": a participle after "be" takes the tense of the
        # auxiliary before it, which the scan has already seen; "is held" is the present.
        if m.group("past") and (passive := _PASSIVE.search(left, 0, m.start())):
            if passive.group(1).lower() in ("is", "are"):
                nearest, sign = m, 1
            continue
        if m.group("present") and _AUX_OR_NOT.search(left, 0, m.start()):
            continue
        if (
            m.group("infinitive")
            and nearest is not None
            and nearest.group("modal")
            and m.start() - nearest.end() <= 1
        ):
            continue  # "had been due to close": the infinitive is inside the past modal
        if (
            m.group("infinitive")
            and (len(left) - m.end() > _INFINITIVE_REACH or "," in left[m.end() :])
            and not _COMMITMENT.search(left, max(0, m.start() - 30), m.start())
        ):
            continue
        nearest, sign = m, _sign(m)
    if nearest is not None and nearest.group("infinitive"):
        # A finite verb right after the date outweighs an infinitive before it: "the
        # countries to join on Friday were Poland and Hungary".
        close = next((a for a in _MARKER.finditer(right[:20]) if not a.group("infinitive")), None)
        if close is not None and not _REPORT_TAG.match(right):
            return _sign(close)
    if nearest is not None:
        if sign < 0 and _present_perfect(left, nearest) and _SPAN_FROM.search(left, nearest.end()):
            return 1
        return sign
    if _CLAUSE_OPEN.match(left):
        return _fronted_direction(right)
    if _OPENS_SPAN.search(left) and not _PERFECT_BEFORE.search(left):
        return 1
    for after in _MARKER.finditer(right[:60]):
        if not after.group("infinitive") and not after.group("present"):
            return _sign(after)
    return 0


# A verb inside a relative clause is not the main clause's: "On Wednesday, at a hearing
# that lasted four hours, lawyers will argue".
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whose|where|when)\s+(?:[\w'’-]+\s+){0,2}$")


def _clause_after(right: str, limit: int, default: int) -> int:
    """The tense of the first finite verb of the clause after a date, skipping infinitives,
    relative clauses and verbs after an auxiliary; ``default`` when there is none."""
    for after in _MARKER.finditer(right, 0, limit):
        if after.group("infinitive") or _RELATIVE_BEFORE.search(right, 0, after.start()):
            continue
        if after.group("past") and (passive := _PASSIVE.search(right, 0, after.start())):
            if passive.group(1).lower() in ("is", "are"):
                return 1
            continue
        if after.group("present") and _AUX_OR_NOT.search(right, 0, after.start()):
            continue
        return _sign(after)
    return default


def _fronted_direction(right: str) -> int:
    """The tense of the main clause after a date that opens its sentence: "On Tuesday, the
    league plans to hold a news conference" (its verb may come long after the date)."""
    return _clause_after(right, len(right), 0)


# A modal of the future, or a schedule, governing the date in its own clause: "the final
# will be played in Kyiv on 26 May", "the vote is scheduled for March 3".
_STRONG_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are)\s+(?:scheduled|due|set|slated|expected)|is\s+to|are\s+to)"
    r"\b",
    re.IGNORECASE,
)
# What may not stand between the cue and the date: a clause break or a past form.
_BREAK_OR_PAST = re.compile(r"[,;()]|\b(?:was|were|had|said|ago)\b", re.IGNORECASE)


def strong_future_cue(text: str, start: int, end: int) -> bool:
    """True if "will" or a present-tense schedule governs the date's own clause.

    Weaker future cues (an infinitive, "could", "expects") do not outweigh a year-less
    date's nearness to the DCT; these do (with a future :func:`direction`).
    """
    left, _ = sentence_window(text, start, end)
    cues = list(_STRONG_FUTURE.finditer(left, max(0, len(left) - 80)))
    cue = cues[-1] if cues else None  # the last cue before the date
    if cue is None or len(left) - cue.end() > 70:
        return False
    return _BREAK_OR_PAST.search(left, cue.end()) is None

