"""Dump the temporal tagger's output on every corpus the project has, and diff it with a dump.

Usage:
    python bench/timex_diff.py --out DUMP.jsonl            # write a dump
    python bench/timex_diff.py --against DUMP.jsonl        # compare with a dump, exit 1 on a change

A restructure of the tagger must leave its output byte-identical; this script is the check.
The corpora: TimeBank and AQUAINT of the shared bench, the project's own TIMEX3 set
(``bench/own-timex``), and the article texts of the dev corpus, ``bench/own-articles`` and
``bench/check-articles``. Each document is one line: its corpus, its name, and every field
of every timex (span, type, value, granularity, anchor, range start, mod).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from timeline.readers import read_document
from timeline.temporal import tag

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
TBAQ = SHARED / "bench" / "timex" / "data" / "tbaq-cleaned"
TML_CONVERTER = SHARED / "bench" / "timex" / "convert" / "tml2jsonl.py"
ARTICLE_SETS = {
    "news-dev": SHARED / "corpus" / "news-dev",
    "own-articles": HERE / "own-articles",
    "check-articles": HERE / "check-articles",
}
#: How many differences are printed in full.
SHOWN = 5


def _aware(raw: str | None) -> datetime:
    """A bench DCT as an aware datetime (UTC when it has no offset), as timex_run.py reads it."""
    if not raw:
        return datetime(1970, 1, 1, tzinfo=UTC)
    dct = datetime.fromisoformat(raw)
    return dct if dct.tzinfo is not None else dct.replace(tzinfo=UTC)


def _converter() -> ModuleType:
    """The shared bench's TimeML reader (loaded from its path: it is no package)."""
    spec = importlib.util.spec_from_file_location("tml2jsonl", TML_CONVERTER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{TML_CONVERTER}: cannot load the TimeML converter")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # It reads with a bare open() that it never closes; give it one that closes.
    module.open = lambda path, encoding: io.StringIO(Path(path).read_text(encoding=encoding))
    return module


def documents() -> Iterator[tuple[str, str, str, datetime]]:
    """(corpus, name, text, DCT) of every document, in a fixed order."""
    for corpus in ("timebank", "aquaint"):
        with open(TBAQ / f"{corpus}.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    doc = json.loads(line)
                    yield corpus, str(doc["id"]), doc["text"], _aware(doc.get("dct"))
    converter = _converter()
    for path in sorted((HERE / "own-timex").glob("*.tml")):
        doc = converter.convert(str(path))
        yield "own-timex", path.name, doc["text"], _aware(doc.get("dct"))
    for corpus, folder in ARTICLE_SETS.items():
        for path in sorted(folder.glob("*.txt")):
            document = read_document(path)
            yield corpus, path.name, document.text, document.dct


def dump_lines() -> Iterator[str]:
    """One canonical JSON line per document."""
    for corpus, name, text, dct in documents():
        timexes = [dataclasses.asdict(t) for t in tag(text, dct)]
        yield json.dumps(
            {"corpus": corpus, "doc": name, "timexes": timexes},
            ensure_ascii=False,
            sort_keys=True,
        )


def _key(line: str) -> tuple[str, str]:
    doc = json.loads(line)
    return doc["corpus"], doc["doc"]


def _first_difference(old: str, new: str) -> str:
    """The first timex that differs between two lines of one document, for the report."""
    a, b = json.loads(old)["timexes"], json.loads(new)["timexes"]
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            was, now = json.dumps(x, ensure_ascii=False), json.dumps(y, ensure_ascii=False)
            return f"timex {i}: was {was}\n      now {now}"
    return f"{len(a)} timexes before, {len(b)} now"


def compare(baseline: Path, lines: list[str]) -> int:
    """Print how the new lines differ from the baseline's; the number of documents changed."""
    old = {_key(line): line for line in baseline.read_text(encoding="utf-8").splitlines()}
    new = {_key(line): line for line in lines}
    changed = [key for key in new if key in old and old[key] != new[key]]
    missing = [key for key in old if key not in new]
    added = [key for key in new if key not in old]
    timexes = sum(len(json.loads(line)["timexes"]) for line in lines)
    print(f"{len(new)} documents, {timexes} timexes; against {baseline.name}: "
          f"{len(changed)} changed, {len(missing)} missing, {len(added)} new")
    for corpus, name in changed[:SHOWN]:
        print(f"  {corpus}/{name}: {_first_difference(old[corpus, name], new[corpus, name])}")
    for corpus, name in (missing + added)[:SHOWN]:
        where = "the baseline" if (corpus, name) in old else "this run"
        print(f"  {corpus}/{name}: only in {where}")
    return len(changed) + len(missing) + len(added)


def main(argv: list[str]) -> int:
    """Write a dump, or compare with one (exit 1 on any difference)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the dump to this file")
    parser.add_argument("--against", type=Path, help="compare with this dump")
    args = parser.parse_args(argv)
    if args.out is None and args.against is None:
        parser.error("give --out, --against or both")
    lines = list(dump_lines())
    if args.out is not None:
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"wrote {len(lines)} documents to {args.out}")
    if args.against is not None:
        return 1 if compare(args.against, lines) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
