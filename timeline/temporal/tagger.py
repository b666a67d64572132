"""The tagging pipeline: match every rule, keep the best non-overlapping spans, resolve.

Three steps, each linear in the text: (1) cheap trigger words are found first (literal
searches, case-folded where case carries no meaning), hits are kept where the words a rule
needs stand next to them, each rule's full pattern runs only in small windows around the
kept hits, and its parse function turns matches into candidate parts; (2) candidates are
chosen longest first so "Feb. 21 and 22" beats "Feb. 21" and "three days ago" beats "three
days"; (3) the chosen parts are resolved in document order, which lets anaphoric
expressions see the dates the narrative set before them. Times without a date get one from
their clause at the end.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from timeline.event import EARLIEST, LATEST, in_bounds
from timeline.temporal.context import Context, Narrative, Part, Resolved
from timeline.temporal.registry import all_rules
from timeline.temporal.rule import Rule
from timeline.temporal.values import granularity_of
from timeline.timex import ANCHOR_DCT, ANCHOR_NONE, Timex, TimexType

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_SENTENCE_BREAK = re.compile(
    r"(?<!\.[mM])(?<!\b[A-Z])[.!?][\"'”’)]*\s+[A-Z\"“`(]|\n\s*\n"
    r"|(?<=[aApP]\.[mM])\.\s+(?:The|A|An|He|She|It|They|We|This|That|These|Those|But"
    r"|In|On|At|By|For|If|When|Its|His|Her|Their|Our|There)\b"
)


#: How far before a trigger hit a rule's ``before`` words are looked for.
_LOOK_BACK = 26


class _TriggerScan:
    """One scan of a document finds the hits of every rule's trigger.

    Literals of all triggers that start with the same character are searched with one
    pattern, the character followed by a look-ahead for the rests, longest first: the
    engine still finds the first character fast, each match consumes one character only
    (so hits may overlap, as separate searches would find them), and a document pays one
    search per first character instead of one per literal and rule. A hit stands for the
    literal found and for every shorter literal that is its prefix ("yearly" is also a hit
    of "year").
    """

    def __init__(self, triggers: list[tuple[tuple[re.Pattern[str] | str, ...], bool]]) -> None:
        self.count = len(triggers)
        owners: dict[tuple[bool, str], list[int]] = {}
        self.patterns: list[tuple[int, re.Pattern[str], bool]] = []
        for index, (pieces, fold) in enumerate(triggers):
            for piece in pieces:
                if isinstance(piece, str):
                    owners.setdefault((fold, piece), []).append(index)
                else:
                    self.patterns.append((index, piece, fold))
        self.owners = {key: tuple(ids) for key, ids in owners.items()}
        groups: dict[tuple[bool, str], list[str]] = {}
        for fold, literal in owners:
            groups.setdefault((fold, literal[0]), []).append(literal)
        self.scans: list[tuple[re.Pattern[str] | str, bool]] = []
        self.prefixes: dict[tuple[bool, str], tuple[str, ...]] = {}
        for (fold, first), literals in groups.items():
            for w in literals:
                self.prefixes[fold, w] = tuple(p for p in literals if p != w and w.startswith(p))
            if len(literals) == 1:
                self.scans.append((literals[0], fold))
                continue
            rests = sorted((w[1:] for w in literals), key=len, reverse=True)
            self.scans.append(
                (
                    re.compile(
                        re.escape(first) + "(?=(" + "|".join(re.escape(r) for r in rests) + "))"
                    ),
                    fold,
                )
            )

    def hits(self, text: str, lowered: str) -> list[list[tuple[int, int]]]:
        """Per trigger, the spans of its hits in text order."""
        found: list[list[tuple[int, int]]] = [[] for _ in range(self.count)]
        owners, prefixes = self.owners, self.prefixes
        for scanner, fold in self.scans:
            source = lowered if fold else text
            if isinstance(scanner, str):
                ids = owners[fold, scanner]
                size = len(scanner)
                at = source.find(scanner)
                while at >= 0:
                    for index in ids:
                        found[index].append((at, at + size))
                    at = source.find(scanner, at + 1)
                continue
            for m in scanner.finditer(source):
                at = m.start()
                literal = source[at] + m.group(1)
                for index in owners[fold, literal]:
                    found[index].append((at, at + len(literal)))
                for shorter in prefixes[fold, literal]:
                    for index in owners[fold, shorter]:
                        found[index].append((at, at + len(shorter)))
        for index, pattern, fold in self.patterns:
            found[index].extend(m.span() for m in pattern.finditer(lowered if fold else text))
        for spans in found:
            spans.sort()
        return found


#: Every rule, in priority order.
RULES = all_rules()

_TRIGGER_INDEX: dict[tuple[tuple[re.Pattern[str] | str, ...], bool], int] = {}
for _rule in RULES:
    if _rule.trigger is not None and (_rule.trigger, _rule.fold) not in _TRIGGER_INDEX:
        _TRIGGER_INDEX[_rule.trigger, _rule.fold] = len(_TRIGGER_INDEX)
_SCAN = _TriggerScan(list(_TRIGGER_INDEX))


def _segments(rule: Rule, text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows of the text around the trigger hits where the rule may match."""
    word_start, before, after = rule.word_start, rule.before, rule.after
    reach_before, reach_after = rule.reach
    segments: list[tuple[int, int]] = []
    size = len(text)
    for start, end in hits:
        if word_start and start and text[start - 1].isalpha():
            continue
        if (before is not None or after is not None) and not (
            (before is not None and before.search(text, max(0, start - _LOOK_BACK), start))
            or (after is not None and after.match(text, end))
        ):
            continue
        lo, hi = max(0, start - reach_before), min(size, end + reach_after)
        if segments and lo <= segments[-1][1]:
            segments[-1] = (segments[-1][0], hi)
        else:
            segments.append((lo, hi))
    return segments


#: Upper-case ASCII letters to lower case, one character for one, so offsets hold.
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _lower(text: str) -> str:
    """The text lower-cased with every offset kept (``str.lower`` may change lengths)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


_RULE_NAMES = frozenset(rule.name for rule in RULES)

#: Rules that share a trigger, its filters and reach share their windows.
_WINDOW_KEYS = [
    (rule.trigger, rule.word_start, rule.before, rule.after, rule.reach) for rule in RULES
]
_RULE_TRIGGER = [
    _TRIGGER_INDEX.get((rule.trigger, rule.fold), -1) if rule.trigger else -1 for rule in RULES
]


def _candidates(
    text: str, *, prefilter: bool = True, without: frozenset[str] = frozenset()
) -> list[tuple[int, int, int, list[Part]]]:
    """Every rule's parts in the text, as (start, end, rule index, parts).

    Without ``prefilter`` every rule's pattern runs over the whole text: the slow scan the
    trigger windows must agree with (a test holds them to it). Rules named in ``without``
    are switched off.
    """
    found: list[tuple[int, int, int, list[Part]]] = []
    lowered = _lower(text)
    whole = [(0, len(text))]
    hits = _SCAN.hits(text, lowered) if prefilter else []
    windows: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    for priority, (rule, key) in enumerate(zip(RULES, _WINDOW_KEYS, strict=True)):
        if rule.name in without:
            continue
        if rule.trigger is None or not prefilter:
            segments = whole
        else:
            if key not in windows:
                windows[key] = _segments(rule, text, hits[_RULE_TRIGGER[priority]])
            segments = windows[key]
        last_end = 0
        for lo, hi in segments:
            for m in rule.pattern.finditer(text, max(lo, last_end), hi):
                if m.end() == m.start():
                    continue
                last_end = m.end()
                line_end = text.find("\n", m.start(), m.end())
                if line_end != -1:  # lines are paragraphs or list items: no date runs across
                    cut = rule.pattern.match(text, m.start(), line_end)
                    if cut is None or cut.end() == cut.start():
                        continue
                    m = cut
                parts = rule.parse(m, text)
                if parts:
                    if len(parts) == 1:
                        start, end = parts[0].start, parts[0].end
                    else:
                        start = min(p.start for p in parts)
                        end = max(p.end for p in parts)
                    if text.find("\n", start, end) == -1:
                        found.append((start, end, priority, parts))
    return found


def _select(found: list[tuple[int, int, int, list[Part]]]) -> list[tuple[int, list[Part]]]:
    """Longest candidates first, then rule order; drop anything overlapping a kept one.

    Returns the kept candidates in text order, each as its rule index and parts.
    """
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, int, list[Part]]] = []
    for start, end, priority, parts in found:
        i = bisect.bisect_right(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.append((start, priority, parts))
    kept.sort(key=lambda k: k[0])
    return [(priority, parts) for _, priority, parts in kept]


def rule_spans(text: str, *, prefilter: bool = True) -> list[tuple[int, int, str]]:
    """The spans the rules win in ``text``, in text order, with the name of the rule that
    won each: what the tagger resolves next (a range's two parts are one span)."""
    return [
        (min(p.start for p in parts), max(p.end for p in parts), RULES[priority].name)
        for priority, parts in _select(_candidates(text, prefilter=prefilter))
    ]


#: Periods of several quarters ("the nine months", "the year ended June 30"): after them,
#: "a year earlier" compares whole periods, not the quarter named before.
_LONG_PERIOD = re.compile(r"P(?:[69]|12)M$|P1Y$")


def _remember_last(narrative: Narrative, value: str, end: int) -> None:
    """The last day or bare year named and where its expression ends."""
    if _DAY.match(value) and len(value) == 10:
        narrative.last_day, narrative.last_year = date.fromisoformat(value), None
    elif re.fullmatch(r"\d{4}", value):
        narrative.last_day, narrative.last_year = None, int(value)
    else:
        narrative.last_day = narrative.last_year = None
    narrative.last_end = end


def _remember(
    narrative: Narrative,
    value: str,
    index: int,
    dct: date,
    *,
    report: bool = False,
    start: int = 0,
) -> None:
    """Update what the story last named from a resolved DATE or TIME value.

    The day of a report ("said Thursday") is kept apart: the story's anaphora count from
    the story's own days, while its month and year still place "a year earlier".
    """
    m = _DAY.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if report:
            narrative.report_day, narrative.report_index = date(y, mo, d), index
        else:
            day = date(y, mo, d)
            narrative.day, narrative.day_index = day, index
            if day <= dct:
                narrative.past_day = (day, index)
            if day >= dct:
                narrative.future_day = (day, index)
        narrative.month, narrative.month_index = (y, mo), index
        narrative.year, narrative.year_index = y, index
        return
    m2 = re.match(r"(\d{4})-(\d\d)$", value)
    if m2:
        narrative.month, narrative.month_index = (int(m2.group(1)), int(m2.group(2))), index
        narrative.named_month = narrative.month, index, start
        narrative.year, narrative.year_index = int(m2.group(1)), index
        return
    m3 = re.match(r"(\d{4})-Q(\d)$", value)
    if m3:
        quarter = (int(m3.group(1)), int(m3.group(2)))
        narrative.named_quarter = (quarter, index)
        # Results are reported for quarters that are over; the current or a coming quarter
        # ("a charge in the fourth quarter") is an outlook, not what "a year ago" compares.
        # The story reports on the latest of them: an earlier one is background ("after a
        # flat second quarter") and leaves the reported quarter in place.
        reported = narrative.quarter
        if quarter < (dct.year, (dct.month - 1) // 3 + 1) and (
            reported is None or quarter >= reported
        ):
            narrative.quarter, narrative.quarter_index = quarter, index
            narrative.long_period = False
    m4 = re.match(r"(\d{4})(?:$|-)", value)
    if m4:
        narrative.year, narrative.year_index = int(m4.group(1)), index


#: How far apart (in characters) two spans of one sentence may start.
_SENTENCE_REACH = 300


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    # The break's capital may be the later span's first letter: "... home. Four days later".
    return (hi - lo < _SENTENCE_REACH
            and _SENTENCE_BREAK.search(text, lo, min(len(text), hi + 1)) is None)


#: What may stand between a clock time and the report date it belongs to: "said Monday at
#: 3 p.m.", "said at 3 p.m. Monday".
_NEXT_TO = re.compile(r"\W*(?:(?:at|on|about|around|shortly|just|before|after)\s+)*$")


#: A clause boundary between a clock time and a date: "starts at 7:15 a.m., with the second
#: round on Friday", "close at 8 p.m., and results come the following day". A date past it
#: belongs to its own clause, not to the time.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:with|and|but|while|whereas|although|though|then|plus|before|after)\b|;",
    re.IGNORECASE,
)


#: What may stand between a clock time and the day it is on: "at 21:14 on Tuesday",
#: "00:14 GMT on Wednesday".
# Within one line: a day on the next line is the next list item's ("5.30pm\nSunday ...").
_DAY_RIGHT_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?")
_TIME_RIGHT_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:at[^\S\n]+)?")
_CLOCK_VALUE = re.compile(r"T\d")
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|or|-|–)\s*")


def _against(tense: int, day: str, dct: date) -> bool:
    """True if a day lies on the other side of the DCT from the tense of a clock's clause."""
    value = day[:10]
    return (tense < 0 and value > dct.isoformat()) or (tense > 0 and value < dct.isoformat())


class _LastDayOnSide:
    """The last day of the story so far on each side of the DCT (the DCT counts for both),
    with its anchor, kept up to date as the timexes are read in order, so a clock time finds
    it at once instead of walking back through every earlier date."""

    def __init__(self, dct: date) -> None:
        self.dct = dct
        self.last: dict[int, tuple[date, str]] = {}

    def seen(self, index: int, value: str, reports: set[int]) -> None:
        if index in reports or not _DAY.match(value):
            return
        for side in (-1, 0, 1):
            if not _against(side, value, self.dct):
                self.last[side] = (date.fromisoformat(value[:10]), f"timex:{index}")

    def get(self, tense: int) -> tuple[date, str]:
        side = (tense > 0) - (tense < 0)
        return self.last.get(side, (self.dct, ANCHOR_DCT))


def _search_order(out: list[Timex], i: int, day_first: bool) -> Iterator[int]:
    """The timexes a clock time at ``i`` looks at for its day: the one right after it first
    when it names the day ("at 21:14 on Tuesday"), then back to the start of its sentence
    (nothing further back can share it), then forward."""
    if day_first:
        yield i + 1
    start = out[i].start
    j = i - 1
    while j >= 0 and start - out[j].start < _SENTENCE_REACH:
        yield j
        j -= 1
    yield from range(i + 2 if day_first else i + 1, len(out))


def _fill_times(
    text: str,
    out: list[Timex],
    dct: date,
    story: dict[int, tuple[date, str]],
    reports: set[int],
    clock_tense: dict[int, int],
) -> None:
    """Give clock times without a date the date of their clause, else the story's day.

    A date that only dates a report in the clause ("the company said Monday the stream
    begins at 10 a.m.") gives its day only to a time right next to it. A day named right
    after the time ("at 21:14 on Tuesday") is its day. A time in a past clause ("the pound
    fell by 15:30") takes no day still ahead, earlier in its sentence or as the story's
    day: it takes the last day up to the DCT the story named, else the DCT; a time in a
    future clause likewise takes no day gone by.
    """
    last_day = _LastDayOnSide(dct)
    for i, t in enumerate(out):
        if not t.value.startswith("T"):
            last_day.seen(i, t.value, reports)
            continue
        best: tuple[str, int] | None = None
        # "at 21:14 on Tuesday": the day right after comes first
        day_first = i + 1 < len(out) and bool(
            _DAY_RIGHT_AFTER.fullmatch(text, t.end, out[i + 1].start))
        for j in _search_order(out, i, day_first):
            other = out[j]
            if not _same_sentence(text, t.start, other.start):
                if j < i:
                    continue
                break
            lo, hi = (other.end, t.start) if j < i else (t.end, other.start)
            if j in reports and not _NEXT_TO.match(text, lo, hi):
                continue
            if _CLAUSE_BREAK.search(text, lo, hi):
                continue
            m = _DAY.match(other.value)
            # A day before the time that the tense placed on the other side of the DCT is
            # not the time's day, unless the time follows it ("Thursday 13 February at 2pm").
            right_before = j == i - 1 and _TIME_RIGHT_AFTER.fullmatch(text, other.end, t.start)
            if (
                j > i
                and _CLOCK_VALUE.search(other.value)
                and not _RANGE_JOIN.fullmatch(text, t.end, other.start)
            ):
                # "At 4 p.m. the index stood at 812, up from 790 at 4 p.m. Monday":
                # a later time's day is its own, unless the two make a range.
                continue
            if (
                m
                and j < i
                and not right_before
                and other.anchor != ANCHOR_NONE
                and _against(clock_tense.get(i, 0), other.value, dct)
            ):
                continue
            if m:
                best = (m.group(0), j)
                break
        if best is not None:
            value, anchor = best[0] + t.value, f"timex:{best[1]}"
        else:
            day, anchor = story.get(i, (dct, ANCHOR_DCT))
            if _against(clock_tense.get(i, 0), day.isoformat(), dct):
                day, anchor = last_day.get(clock_tense[i])
            value = day.isoformat() + t.value
        out[i] = Timex(
            start=t.start,
            end=t.end,
            text=t.text,
            type=t.type,
            value=value,
            granularity="time",
            anchor=anchor,
            mod=t.mod,
        )
        last_day.seen(i, value, reports)


#: "the day before Christmas", "the night after the Feb. 19 dinner" is cut short by
#: the rule for "the day before" (which counts from the story); right before a dated day
#: it names the day next to that one.
_DAY_NEXT_TO = re.compile(r"\bthe\s+(?P<unit>day|night)\s+(?P<dir>before|after)\s+$", re.I)


#: "the evening of March 15", "the night of Nov. 12": that part of the day.
_PART_OF = re.compile(r"\bthe\s+(?P<part>morning|afternoon|evening|night)\s+of\s+$", re.I)
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _widened(t: Timex, text: str, start: int, kind: TimexType, value: str) -> Timex:
    """``t`` grown leftwards to ``start`` with a new type and value."""
    return dataclasses.replace(
        t, start=start, text=text[start : t.end], type=kind, value=value,
        granularity=granularity_of(value),
    )


def _day_next_to(text: str, out: list[Timex]) -> None:
    """Fold "the day before" into the day timex right after it, one day earlier or later;
    and "the evening of" into it as that part of the day."""
    for i, t in enumerate(out):
        m = _DAY.match(t.value)
        if not m or len(t.value) != 10:
            continue
        part = _PART_OF.search(text, max(0, t.start - 24), t.start)
        if part is not None and not (i > 0 and out[i - 1].end > part.start()):
            value = f"{t.value}T{_PART_CODE[part['part'].lower()]}"
            out[i] = _widened(t, text, part.start(), "TIME", value)
            continue
        before = _DAY_NEXT_TO.search(text, max(0, t.start - 24), t.start)
        if before is None or (i > 0 and out[i - 1].end > before.start()):
            continue
        step = -1 if before["dir"].lower() == "before" else 1
        day = date.fromisoformat(t.value) + timedelta(days=step)
        night = before["unit"].lower() == "night"
        value = day.isoformat() + ("TNI" if night else "")
        out[i] = _widened(t, text, before.start(), "TIME" if night else "DATE", value)


_SET_AT = re.compile(r"\s+at\s+")
_CLOCK_OF = re.compile(r"T(\d\d:\d\d)$")
_DAILY = frozenset(("P1D", "XXXX-XX-XX"))


def _sets_at_clock(text: str, out: list[Timex]) -> list[Timex]:
    """Join a set and its clock time into one set: "Sundays at 9 p.m." is
    XXXX-WXX-7T21:00, "every night at 11:30" and "7 a.m. daily" are XXXX-XX-XXThh:mm."""
    merged: list[Timex] = []
    i = 0
    while i < len(out):
        t = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        joined = None
        if nxt is not None and t.type == "SET" and nxt.type == "TIME":
            clock = _CLOCK_OF.search(nxt.value)
            if clock and _SET_AT.fullmatch(text, t.end, nxt.start):
                base = t.value.split("T")[0] if t.value.startswith("XXXX-WXX-") else "XXXX-XX-XX"
                if t.value.startswith("XXXX-") or t.value in _DAILY:
                    joined = (t.start, nxt.end, f"{base}T{clock.group(1)}")
        elif nxt is not None and t.type == "TIME" and nxt.type == "SET" and nxt.value in _DAILY:
            clock = _CLOCK_OF.search(t.value)
            if clock and text[t.end : nxt.start].strip() == "":
                joined = (t.start, nxt.end, f"XXXX-XX-XXT{clock.group(1)}")
        if joined is None:
            merged.append(t)
            i += 1
            continue
        start, end, value = joined
        merged.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type="SET",
                value=value,
                granularity=None,
                anchor=ANCHOR_NONE,
                range_start=None,
                mod=None,
            )
        )
        i += 2
    if len(merged) == len(out):
        return out
    return _renumbered(out, merged)


def _renumbered(old: list[Timex], new: list[Timex]) -> list[Timex]:
    """``new`` with its anchors ("timex:N") and range starts pointing at new indices."""
    index = {}
    j = 0
    for i, t in enumerate(old):
        while j < len(new) and new[j].end < t.end:
            j += 1
        index[i] = j
    fixed: list[Timex] = []
    for t in new:
        anchor = t.anchor
        if anchor.startswith("timex:"):
            anchor = f"timex:{index[int(anchor[6:])]}"
        start = index[t.range_start] if t.range_start is not None else None
        fixed.append(dataclasses.replace(t, anchor=anchor, range_start=start))
    return fixed


def aware_dct(dct: datetime) -> datetime:
    """The DCT as an aware datetime; a naive one is taken as UTC (the JSONL convention)."""
    return dct if dct.tzinfo is not None else dct.replace(tzinfo=UTC)


#: The year of a DATE or TIME value ("2025-02-19", "2025-W08", "2025-SP"); "XXXX" has none.
_VALUE_YEAR = re.compile(r"(-?\d+)(?=\b|[-W]|$)")


def _bounded(part: Part, ctx: Context) -> Resolved | None:
    """The part's value, or None when it lies outside the years a calendar holds.

    "in 9999999 days" or "10000 years from now" overflow the calendar while resolving;
    such a phrase is no date anyone can put in a calendar, so it is no timex.
    """
    try:
        resolved: Resolved | None = part.resolve(ctx.at(part.start, part.end))
    except (OverflowError, ValueError):
        return None
    if resolved is None or resolved.type not in ("DATE", "TIME"):
        return resolved
    year = _VALUE_YEAR.match(resolved.value)
    if year is not None and not EARLIEST.year <= int(year.group(1)) <= LATEST.year:
        return None
    day = _DAY.match(resolved.value)
    try:
        if day is not None and not in_bounds(date.fromisoformat(day.group(0))):
            return None
    except ValueError:
        return None  # no such day ("2025-02-30")
    return resolved


def tag(
    text: str, dct: datetime, *, prefilter: bool = True, without: frozenset[str] = frozenset()
) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text`` written at ``dct``.

    Returns timexes sorted by start, non-overlapping, with TIMEX3 type and value,
    granularity, anchor ("none", "dct" or "timex:N") and, for the second half of a range,
    the index of the first half in ``range_start``. ``prefilter=False`` tries every rule
    everywhere instead of near its trigger words: slow, the reference the prefilter is
    tested against. ``without`` switches off the rules it names, to measure what each is
    worth.
    """
    unknown = without - _RULE_NAMES
    if unknown:
        raise ValueError(f"no such rule: {', '.join(sorted(unknown))}")
    dct = aware_dct(dct)
    ctx = Context(text=text, dct=dct.date(), dct_time=dct)
    out: list[Timex] = []
    story_at: dict[int, tuple[date, str]] = {}
    reports: set[int] = set()
    clock_tense: dict[int, int] = {}
    for _, parts in _select(_candidates(text, prefilter=prefilter, without=without)):
        previous_index: int | None = None
        for part in parts:
            resolved = _bounded(part, ctx)
            if resolved is None:
                previous_index = None
                continue
            index = len(out)
            if resolved.value.startswith("T"):
                story_at[index] = ctx.story_day()
                if ctx.direction:
                    clock_tense[index] = ctx.direction
            out.append(
                Timex(
                    start=part.start,
                    end=part.end,
                    text=text[part.start : part.end],
                    type=resolved.type,
                    value=resolved.value,
                    granularity=granularity_of(resolved.value)
                    if resolved.type in ("DATE", "TIME")
                    else None,
                    anchor=resolved.anchor,
                    range_start=previous_index if part.closes_range else None,
                    mod=resolved.mod,
                )
            )
            # Anaphoric values move the story on only when they name a day ("the next day");
            # "a year earlier" must not become the date later anaphora count from.
            if resolved.type in ("DATE", "TIME") and (
                not resolved.anchor.startswith("timex:") or _DAY.match(resolved.value)
            ):
                # "said Thursday" dates the telling: the story goes on from its own days.
                report = bool(_DAY.match(resolved.value)) and ctx.reporting
                if report:
                    reports.add(index)
                _remember(
                    ctx.narrative, resolved.value, index, ctx.dct, report=report, start=part.start
                )
                _remember_last(ctx.narrative, resolved.value, part.end)
            elif resolved.type == "DURATION" and _LONG_PERIOD.match(resolved.value):
                ctx.narrative.quarter = ctx.narrative.quarter_index = None
                ctx.narrative.long_period = True
            previous_index = index
    _fill_times(text, out, ctx.dct, story_at, reports, clock_tense)
    _day_next_to(text, out)
    return _sets_at_clock(text, out)
