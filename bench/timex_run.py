"""Run the temporal tagger over a bench JSONL file and print the system JSONL to stdout.

Usage: python bench/timex_run.py INPUT.jsonl > system.jsonl
A naive "dct" ("1998-01-08", "2016-11-07T00:00:00") is taken as UTC, as in ``timeline timex``.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

from timeline.temporal import tag


def parse_dct(raw: str | None) -> datetime:
    """The DCT of a bench line as an aware datetime (UTC when the text has no offset)."""
    if not raw:
        return datetime(1970, 1, 1, tzinfo=UTC)
    dct = datetime.fromisoformat(raw)
    return dct if dct.tzinfo is not None else dct.replace(tzinfo=UTC)


def main(argv: list[str]) -> int:
    """Tag every document of the input file; one output line per input line."""
    if len(argv) != 2:
        print("usage: timex_run.py INPUT.jsonl", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            doc["timexes"] = [t.to_json() for t in tag(doc["text"], parse_dct(doc.get("dct")))]
            print(json.dumps(doc, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
