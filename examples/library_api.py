"""Use the library directly: read an article, find its events, query them, print JSON.

Run from the repository root: ``python examples/library_api.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from timeline.extract import extract
from timeline.readers import ReadOptions, read_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    """Print the scheduled events of the seed article, then one of them as JSON."""
    documents = read_documents([str(SEEDS)], ReadOptions(source_tz="Asia/Seoul"))
    timeline = extract(documents)
    scheduled = timeline.filter("kind:scheduled")
    print(f"{len(timeline)} events, {len(scheduled)} scheduled:")
    for event in scheduled:
        span = f"{event.first_day} .. {event.last_day}"
        print(f"  {span:24}  {event.granularity:5}  {event.title}")
    if len(scheduled):
        record = scheduled.events[0].to_json()
        record["source"] = Path(record["source"]).name
        print(json.dumps({k: record[k] for k in ("title", "start", "end", "granularity",
                                                   "kind", "trigger")}, indent=2))


if __name__ == "__main__":
    main()
