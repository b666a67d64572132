"""Every title the framer writes for every corpus article keeps the rules of a title.

At most twelve words; never a clause fragment, never opening with a pronoun, conjunction or
preposition, never ending on a function word; balanced quotes and brackets; no punctuation a
cut-out date left behind; never a bare head noun.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.events.title_check import title_problems
from timeline.extract import extract_document
from timeline.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*(ROOT.parent / "shared" / "corpus" / "news-dev").glob("*.txt"),
                   *(ROOT / "bench" / "own-articles").glob("*.txt"),
                   *(ROOT / "seeds").glob("*.txt")])


def test_the_corpora_are_here() -> None:
    assert len(ARTICLES) >= 20


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem[:40] for p in ARTICLES])
def test_every_title_is_a_title(path: Path) -> None:
    events = extract_document(read_document(path))
    bad = {e.title: title_problems(e.title) for e in events if title_problems(e.title)}
    assert bad == {}
