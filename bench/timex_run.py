"""Run the temporal tagger over a bench JSONL file and print the system JSONL to stdout.

Usage: python bench/timex_run.py INPUT.jsonl [--without RULE,RULE...] > system.jsonl
``--without`` switches rules off (by their registered names) to measure what they are worth.
A naive "dct" ("1998-01-08", "2016-11-07T00:00:00") is taken as UTC, as in ``timeline timex``.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

from timeline.temporal import tag
from timeline.temporal.registry import all_rules


def parse_dct(raw: str | None) -> datetime:
    """The DCT of a bench line as an aware datetime (UTC when the text has no offset)."""
    if not raw:
        return datetime(1970, 1, 1, tzinfo=UTC)
    dct = datetime.fromisoformat(raw)
    return dct if dct.tzinfo is not None else dct.replace(tzinfo=UTC)


def main(argv: list[str]) -> int:
    """Tag every document of the input file; one output line per input line."""
    without: frozenset[str] = frozenset()
    if len(argv) == 4 and argv[2] == "--without":
        without = frozenset(name.strip() for name in argv[3].split(",") if name.strip())
    elif len(argv) != 2:
        print("usage: timex_run.py INPUT.jsonl [--without RULE,RULE...]", file=sys.stderr)
        return 2
    unknown = without - {rule.name for rule in all_rules()}
    if unknown:
        print(f"timex_run.py: no such rule: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            dct = parse_dct(doc.get("dct"))
            doc["timexes"] = [t.to_json() for t in tag(doc["text"], dct, without=without)]
            print(json.dumps(doc, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
