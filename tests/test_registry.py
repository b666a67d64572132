"""The rule registry: every rule has examples its own rule tags, the trigger prefilter finds
what a full scan finds, and a rule cannot be registered twice."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from timeline.temporal import tag
from timeline.temporal.registry import all_rules, rule
from timeline.temporal.rule import Rule
from timeline.temporal.tagger import rule_spans

RULES = all_rules()
DCT = datetime(2025, 2, 4, 9, 30, tzinfo=UTC)
BENCH = Path(__file__).resolve().parent.parent / "bench"


def _examples() -> Iterator[tuple[Rule, str]]:
    for r in RULES:
        for example in r.examples:
            yield r, example


def _extent(example: str) -> tuple[str, int, int]:
    """The example's text and the extent its rule must win: the bracketed part, else all."""
    m = re.search(r"\[(.*?)\]", example)
    if m is None:
        return example, 0, len(example)
    text = example.replace("[", "").replace("]", "")
    return text, m.start(), m.start() + len(m.group(1))


def test_rules_have_unique_names_and_priorities_in_order() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert [r.priority for r in RULES] == sorted({r.priority for r in RULES})


def test_every_rule_has_examples() -> None:
    assert [r.name for r in RULES if len(r.examples) < 1] == []


def test_every_pattern_is_verbose() -> None:
    assert [r.name for r in RULES if not r.pattern.flags & re.VERBOSE] == []


@pytest.mark.parametrize(
    ("owner", "example"), list(_examples()), ids=[f"{r.name}:{e}" for r, e in _examples()]
)
def test_each_example_is_tagged_by_its_own_rule(owner: Rule, example: str) -> None:
    text, start, end = _extent(example)
    assert (start, end, owner.name) in rule_spans(text)
    assert (start, end, owner.name) in rule_spans(text, prefilter=False)
    assert any(t.start == start for t in tag(text, DCT))  # and it resolves to a timex


def test_a_rule_name_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="'iso' is registered twice"):
        rule("iso", priority=10_000, pattern="x", trigger="x", examples=("x",))(
            lambda m, text: None
        )


def test_a_priority_cannot_be_taken_twice() -> None:
    with pytest.raises(ValueError, match="has the priority of rule 'iso'"):
        rule("another_iso", priority=10, pattern="x", trigger="x", examples=("x",))(
            lambda m, text: None
        )
    assert "another_iso" not in {r.name for r in all_rules()}


# ------------------------------------------------------------------ prefilter vs full scan

#: Sentences of our own with many kinds of expression next to words that look like them.
OWN_TEXT = """\
The board met on Tuesday, Feb. 4, and will meet again at 10 a.m. on March 3-5, 2025.
Sales in the third quarter rose 12% from a year earlier; Hall H3 and the H1 report are
different things. The company said it would report second-half results in August.
Every Monday at 9 p.m. the show airs; it ran for three years and a half in the 1990s.
Two days later, the day after Christmas, the strike entered its tenth day. Mid-afternoon
tomorrow the results come out, about 40 minutes after the close at 16:30 GMT.
The 5-year plan, 1,999 votes and 2024/25 budgets are no dates; 3/14/2025 and 2025-03-14 are.
"""


def test_prefilter_finds_what_a_full_scan_finds_on_our_own_text() -> None:
    assert tag(OWN_TEXT, DCT) == tag(OWN_TEXT, DCT, prefilter=False)
    assert rule_spans(OWN_TEXT) == rule_spans(OWN_TEXT, prefilter=False)


def test_h3_is_no_half_of_a_year() -> None:
    text = "The fair fills hall H3; the H2 results follow."
    assert [(t.text, t.value) for t in tag(text, DCT, prefilter=False)] == [("the H2", "2024-H2")]


def _timex_diff() -> ModuleType:
    """bench/timex_diff.py, which reads every corpus the project has."""
    spec = importlib.util.spec_from_file_location("timex_diff", BENCH / "timex_diff.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPORA = ("timebank", "aquaint", "own-timex", "news-dev", "own-articles", "check-articles")


@pytest.fixture(scope="module")
def corpus_texts() -> list[tuple[str, str, str, datetime]]:
    """(corpus, name, text, DCT) of every document bench/timex_diff.py reads."""
    diff = _timex_diff()
    if not diff.TBAQ.is_dir() or not diff.ARTICLE_SETS["news-dev"].is_dir():
        pytest.skip("the shared corpora are not here")
    return list(diff.documents())


@pytest.mark.parametrize("corpus", CORPORA)
def test_prefilter_finds_what_a_full_scan_finds_on_every_corpus_text(
    corpus: str, corpus_texts: list[tuple[str, str, str, datetime]]
) -> None:
    texts = [(name, text, dct) for c, name, text, dct in corpus_texts if c == corpus]
    assert texts
    differ = [
        name for name, text, dct in texts if tag(text, dct) != tag(text, dct, prefilter=False)
    ]
    assert differ == []


def test_a_rule_switched_off_tags_nothing_and_the_others_still_do() -> None:
    text = "The vote is on Tuesday, two days after the Feb. 2 debate."
    names = [r for _, _, r in rule_spans(text)]
    assert "weekday" in names
    assert "month_day" in names
    kept = tag(text, DCT, without=frozenset({"weekday"}))
    assert "Tuesday" not in [t.text for t in kept]
    assert "Feb. 2" in [t.text for t in kept]


def test_switching_off_an_unknown_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="no such rule: weekdays"):
        tag("Tuesday", DCT, without=frozenset({"weekdays"}))
