"""Time the temporal tagger on news text, and dateparser's search_dates on the same text.

Usage: python bench/timex_speed.py [MEGABYTES]
The TimeBank and AQUAINT texts of the shared bench are repeated to about MEGABYTES (default
3) of text and tagged document by document; prints chars/s for ``tag`` and, when dateparser
is installed (a bench-only peer, never a project dependency), for ``search_dates`` on a
sample of the same documents, and the ratio of the two.

Speeds are per CPU second of this process (``time.process_time``), which is what "on one
core" means and what stays stable on a machine other jobs are loading; the wall-clock
figure is printed alongside.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from timeline.temporal import tag

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "timex" / "data" / "tbaq-cleaned"


def load_documents() -> list[tuple[str, datetime]]:
    """The (text, DCT) pairs of TimeBank and AQUAINT."""
    docs: list[tuple[str, datetime]] = []
    for name in ("timebank.jsonl", "aquaint.jsonl"):
        with open(DATA / name, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                dct = datetime.fromisoformat(doc["dct"])
                docs.append((doc["text"], dct if dct.tzinfo else dct.replace(tzinfo=UTC)))
    return docs


def time_ours(docs: list[tuple[str, datetime]],
              megabytes: float) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and characters for tagging the corpus to ``megabytes``."""
    size = sum(len(text) for text, _ in docs)
    rounds = max(1, round(megabytes * 1_000_000 / size))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text, dct in docs:
            tag(text, dct)
    return time.process_time() - cpu, time.perf_counter() - start, size * rounds


def time_dateparser(docs: list[tuple[str, datetime]]) -> tuple[float, int] | None:
    """CPU seconds and characters for dateparser's search_dates on the documents."""
    try:
        from dateparser.search import search_dates  # type: ignore[import-not-found]
    except ImportError:
        return None
    chars = 0
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text, dct in docs:
            search_dates(text, languages=["en"],
                         settings={"RELATIVE_BASE": dct.replace(tzinfo=None)})
            chars += len(text)
    return time.process_time() - start, chars


def main(argv: list[str]) -> int:
    """Print chars/s for our tagger and, when available, for dateparser and the ratio."""
    megabytes = float(argv[1]) if len(argv) > 1 else 3.0
    docs = load_documents()
    tag(docs[0][0], docs[0][1])  # warm up: compile the patterns outside the timing
    seconds, wall, chars = time_ours(docs, megabytes)
    ours = chars / seconds
    print(f"timeline.temporal.tag: {chars:,} chars in {seconds:.2f} CPU s = {ours:,.0f} chars/s "
          f"({ours / 1e6:.2f} MB/s; wall clock {wall:.2f} s = {chars / wall / 1e6:.2f} MB/s)")
    peer = time_dateparser(docs[:40])
    if peer is None:
        print("dateparser: not installed (pip install dateparser into .venv to compare)")
        return 0
    p_seconds, p_chars = peer
    theirs = p_chars / p_seconds
    print(f"dateparser.search.search_dates: {p_chars:,} chars in {p_seconds:.2f} CPU s = "
          f"{theirs:,.0f} chars/s")
    print(f"ratio: {ours / theirs:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
