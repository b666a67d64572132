"""bench/readers_markup.py: the wrapping and the comparison run, on an article of our own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from readers_shared import PLAIN

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "readers_markup.py"


def test_the_bench_wraps_an_article_and_finds_the_same_events(tmp_path: Path) -> None:
    headline, rest = PLAIN.read_text().split("\n", 1)
    (tmp_path / "fair.txt").write_text(f" date 2025-02-12 {headline}\n{rest}")
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path), "-v"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "1 articles, 5 events in their text",
        "pages that give back the article's body word for word: 1/1",
        "markup (nav, ads, related links, footer; 4 date shapes): 1/1 give the same event "
        "dates as the text",
        "plain copies without the 'date' prefix: 1/1 give the same events",
    ]


def test_the_bench_fails_on_an_empty_folder(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == f"no articles in {tmp_path}\n"
