"""Time the parser on hostile and news text at n and 2n characters: linear time means a
ratio near 2, quadratic near 4. Times are CPU seconds of this process (the machine is
shared), the best of ``--repeat`` runs.

    python bench/hostile.py                         # every shape at its default size
    python bench/hostile.py --shape spaces --size 1000000
    python bench/hostile.py --shape none --news-mb 1 --news-mb 2 --news-mb 20
    python bench/hostile.py --shape none --regexes  # the regex audit

News text is real articles, read generically from ``--articles`` folders (by default the
bench's own articles and the shared dev corpus, when present) and put one after another,
over and over, until the size is reached. Each copy after the first has its month and weekday
names turned on and its years moved on (copy k: months + k, weekdays + k, years + k // 12),
so that no copy repeats another's dates or sentences (a repeat would fold into the events
and parses already made, and time would look better than linear). Without any article it
falls back to sentences written for this bench. Each news size prints its time against the
first news size: the ratio of the sizes is what linear time gives.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.document import Document
from timeline.errors import InputError
from timeline.extract import extract_document
from timeline.readers import ReadOptions, read_document

HERE = Path(__file__).resolve().parent
DEFAULT_ARTICLES = (HERE / "own-articles", Path("/work/shared/corpus/news-dev"))
DCT = datetime(2025, 2, 4, 17, 55, tzinfo=UTC)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_NEWS = (
    "The city council will meet on {month} {day} in York to vote on the budget.",
    "Officials said on Tuesday that the bridge would reopen at 9 a.m. on {month} {day}.",
    "The festival runs from {month} {day} to {month} {day2} at the harbour in Leeds.",
    "Ministers are due in Madrid next week for talks on trade.",
    "A spokeswoman said the company had no further comment.",
    "The final is set for {month} {day} at 7:30 p.m. local time.",
    "Protesters gathered outside parliament two days later.",
)


def article_bodies(folders: Sequence[Path]) -> list[str]:
    """The body text of every article (``*.txt``) the folders hold, in name order."""
    bodies = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            try:
                bodies.append(read_document(path, ReadOptions(dct=DCT)).text.strip())
            except InputError:
                continue
    return [b for b in bodies if b]


def synthetic_news(size: int) -> str:
    """About ``size`` characters of article-like text, in paragraphs of four sentences."""
    parts: list[str] = []
    length = i = 0
    while length < size:
        sentence = _NEWS[i % len(_NEWS)].format(month=_MONTHS[i % 12], day=i % 27 + 1,
                                                day2=i % 27 + 2)
        parts.append(sentence + ("\n\n" if i % 4 == 3 else " "))
        length += len(parts[-1])
        i += 1
    return "".join(parts)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CALENDAR_WORD = re.compile(rf"\b(?:{'|'.join(_MONTHS + _WEEKDAYS)}|(?:19|20)\d\d)\b")


def copy_of(body: str, k: int) -> str:
    """Copy ``k`` of an article: months and weekdays turned on by ``k``, years by ``k // 12``."""
    if k == 0:
        return body

    def turned(match: re.Match[str]) -> str:
        word = match.group()
        if word.isdigit():
            return str(int(word) + k // 12)
        names = _MONTHS if word in _MONTHS else _WEEKDAYS
        return names[(names.index(word) + k) % len(names)]

    return _CALENDAR_WORD.sub(turned, body)


def news(size: int, bodies: Sequence[str]) -> str:
    """``size`` characters of the articles one after another (copies varied as needed)."""
    if not bodies:
        return synthetic_news(size)
    parts: list[str] = []
    length = i = 0
    while length < size:
        parts.append(copy_of(bodies[i % len(bodies)], i // len(bodies)) + "\n\n")
        length += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


#: Adversarial shapes, each a function of n (characters, roughly).
SHAPES: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "The council meets on March 3" + " " * n + "in York.",
    "dates": lambda n: "Dates: " + ", ".join(f"{_MONTHS[i % 12]} {i % 27 + 1}"
                                             for i in range(n // 10)) + ".",
    "clock_times": lambda n: "On March 3 " + " ".join(f"at {i % 12 + 1} p.m."
                                                      for i in range(n // 10)),
    "commas": lambda n: "The council meets on March 3" + ", x" * (n // 3) + ".",
    "no_sentence_end": lambda n: "the council will meet on march 3 and " * (n // 37),
    "dated_no_end": lambda n: "the council will meet on March 3 and " * (n // 37),
    "capitals": lambda n: "On March 3 " + " ".join("Harbour" for _ in range(n // 8)) + ".",
    "newlines": lambda n: "On March 3 the council meets." + "\n" * n + "In York.",
    "dashes": lambda n: "On March 3 " + "-" * n + " the fair opens.",
}


# The regex audit: every compiled pattern of the modules that read whole texts, timed at
# n and 2n characters of each adversarial string (a unit repeated).
AUDITED_MODULES = (
    "timeline.sentences", "timeline.framer", "timeline.titles", "timeline.places",
    "timeline.events.story", "timeline.events.title_check", "timeline.events.title",
    "timeline.events.place", "timeline.events.zone", "timeline.events.clauses",
    "timeline.events.kind", "timeline.temporal.rules", "timeline.temporal.tagger",
    "timeline.temporal.context", "timeline.temporal.tense", "timeline.readers.plain",
    "timeline.readers.files", "timeline.readers.sniff",
)
ADVERSARIAL_UNITS = (" ", "a ", ", ", "a", "A", "A ", "Ab ", "A-", "A.", "a.", "-", " -",
                     "\n", "1 ", "Jan 1, ", "and ", ". ", "( ", "(", "( )", " (", "the ",
                     "on ", "Mr. ", "A, ", "A (", "to be ")


def audited_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for name in AUDITED_MODULES:
        module = importlib.import_module(name)
        found += [(f"{name}.{attr}", value) for attr, value in vars(module).items()
                  if isinstance(value, re.Pattern)]
    rules = getattr(importlib.import_module("timeline.temporal.rules"), "RULES", ())
    found += [(f"timeline.temporal.rules.RULES[{i}]", rule.pattern) for i, rule in
              enumerate(rules) if isinstance(getattr(rule, "pattern", None), re.Pattern)]
    return found


def scan_seconds(pattern: re.Pattern[str], text: str) -> float:
    """CPU seconds of what the code does with a pattern: scan, search, match at the start."""
    started = time.process_time()
    for _ in pattern.finditer(text):
        pass
    pattern.match(text)
    pattern.search(text, len(text) // 2)
    return time.process_time() - started


def audit_regexes(size: int) -> None:
    """Print every pattern whose time grows faster than linear from n to 2n on some string."""
    patterns = audited_patterns()
    print(f"regex audit: {len(patterns)} patterns x {len(ADVERSARIAL_UNITS)} strings at "
          f"n={size:,} and 2n", flush=True)
    worst: list[tuple[float, str, str, float, float]] = []
    for name, pattern in patterns:
        for unit in ADVERSARIAL_UNITS:
            one = scan_seconds(pattern, unit * (size // len(unit)))
            if one < 0.002:
                continue  # too quick to measure at n: a quadratic pattern shows by then
            two = scan_seconds(pattern, unit * (2 * size // len(unit)))
            worst.append((two / one, name, unit, one, two))
            if two / one > 3.0:
                print(f"  superlinear: {name} on {unit!r}: {one:.3f} s, 2n {two:.3f} s",
                      flush=True)
    worst.sort(reverse=True)
    print(f"measurable at n: {len(worst)}; the steepest:")
    for ratio, name, unit, one, two in worst[:15]:
        flag = "  SUPERLINEAR" if ratio > 3.0 else ""
        print(f"  {name:<48} {unit!r:<10} {one:7.3f} s  2n {two:7.3f} s  ratio {ratio:5.2f}"
              f"{flag}", flush=True)


def seconds(text: str, repeat: int = 1) -> float:
    """CPU seconds of the quickest of ``repeat`` parses of ``text``."""
    timings = []
    for _ in range(repeat):
        started = time.process_time()
        extract_document(Document(id="bench.txt", text=text, dct=DCT))
        timings.append(time.process_time() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=[*sorted(SHAPES), "none"],
                        help="a hostile shape to time (repeatable; 'none' for news only)")
    parser.add_argument("--size", type=int, default=16000, help="n, in characters")
    parser.add_argument("--news-mb", type=float, action="append", default=[],
                        help="also time news text of this many MB (repeatable)")
    parser.add_argument("--articles", type=Path, action="append",
                        help="a folder of articles for the news text (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the best counts)")
    parser.add_argument("--regexes", action="store_true",
                        help="audit every compiled pattern at n and 2n (n: --regex-size)")
    parser.add_argument("--regex-size", type=int, default=20_000)
    args = parser.parse_args()
    if args.regexes:
        audit_regexes(args.regex_size)
        if args.shape == ["none"] and not args.news_mb:
            return
    bodies = article_bodies(args.articles or DEFAULT_ARTICLES)
    seconds(news(20_000, bodies))  # loads the model and every word list
    for name in args.shape or sorted(SHAPES):
        if name == "none":
            continue
        one = seconds(SHAPES[name](args.size), args.repeat)
        two = seconds(SHAPES[name](2 * args.size), args.repeat)
        print(f"{name:<16} n={args.size:>9,}  {one:8.3f} s   2n {two:8.3f} s   "
              f"ratio {two / max(one, 1e-9):5.2f}", flush=True)
    if not args.news_mb:
        return
    print(f"news: {len(bodies)} articles, {sum(map(len, bodies)):,} characters, repeated",
          flush=True)
    first: tuple[float, float] | None = None
    for mb in args.news_mb:
        took = seconds(news(int(mb * 1_000_000), bodies), args.repeat)
        line = f"news {mb:g} MB: {took:8.2f} s ({mb / max(took, 1e-9):.3f} MB/s)"
        if first is None:
            first = (mb, took)
        else:
            line += (f"   {took / max(first[1], 1e-9):5.2f}x the time of {first[0]:g} MB"
                     f" (linear {mb / first[0]:g}x)")
        print(line, flush=True)


if __name__ == "__main__":
    main()
