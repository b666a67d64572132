"""Time the parser on hostile and news text at n and 2n characters: linear time means a
ratio near 2, quadratic near 4.

    python bench/hostile.py                 # every shape at its default size
    python bench/hostile.py --shape spaces --size 32000
    python bench/hostile.py --news-mb 1 --news-mb 2 --news-mb 20

News text is made of sentences written for this bench (never a scored document), with
dates, places and clock times, in paragraphs like an article's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.document import Document
from timeline.extract import extract_document

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


def news(size: int) -> str:
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


#: Adversarial shapes, each a function of n (characters, roughly).
SHAPES: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "The council meets on March 3" + " " * n + "in York.",
    "dates": lambda n: "Dates: " + ", ".join(f"{_MONTHS[i % 12]} {i % 27 + 1}"
                                             for i in range(n // 10)) + ".",
    "clock_times": lambda n: "On March 3 " + " ".join(f"at {i % 12 + 1} p.m."
                                                      for i in range(n // 10)),
    "commas": lambda n: "The council meets on March 3" + ", x" * (n // 3) + ".",
    "no_sentence_end": lambda n: "the council will meet on march 3 and " * (n // 37),
    "capitals": lambda n: "On March 3 " + " ".join("Harbour" for _ in range(n // 8)) + ".",
    "newlines": lambda n: "On March 3 the council meets." + "\n" * n + "In York.",
    "dashes": lambda n: "On March 3 " + "-" * n + " the fair opens.",
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    extract_document(Document(id="bench.txt", text=text, dct=DCT))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--size", type=int, default=16000, help="n, in characters")
    parser.add_argument("--news-mb", type=float, action="append", default=[],
                        help="also time news text of this many MB (repeatable)")
    args = parser.parse_args()
    seconds("Warm-up on March 3 in York.")  # loads the model
    for name in args.shape or sorted(SHAPES):
        one, two = seconds(SHAPES[name](args.size)), seconds(SHAPES[name](2 * args.size))
        print(f"{name:<16} n={args.size:>9,}  {one:8.3f} s   2n {two:8.3f} s   "
              f"ratio {two / max(one, 1e-9):5.2f}", flush=True)
    for mb in args.news_mb:
        took = seconds(news(int(mb * 1_000_000)))
        print(f"news {mb:g} MB: {took:.2f} s ({mb / took:.2f} MB/s)", flush=True)


if __name__ == "__main__":
    main()
