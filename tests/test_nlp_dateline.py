"""Datelines: the town, day and agency that open a wire story."""

from __future__ import annotations

from dataclasses import replace

import pytest

from timeline.nlp.dateline import Dateline, read_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HALIFAX, March 3 (Harbour Wire) -- The ferry",
         Dateline(place="HALIFAX", month=3, day=3, agency="Harbour Wire", end=0)),
        ("Lyon, 14 June (Rhone Press)--The festival",
         Dateline(place="Lyon", month=6, day=14, agency="Rhone Press", end=0)),
        ("MAPLE FALLS, Ore. (AP) — Crews", Dateline(place="MAPLE FALLS", region="Ore.",
                                                 agency="AP", end=0)),
        ("OSLO -- The council", Dateline(place="OSLO", end=0)),
    ],
)
def test_datelines(text: str, expected: Dateline) -> None:
    found = read_dateline(text)
    assert found is not None
    assert found == replace(expected, end=found.end)
    assert text[found.end:].split()[0] in ("The", "Crews")


@pytest.mark.parametrize("text", [
    "The council will meet - as it said - on Monday.",
    "Residents, neighbours and friends came.",
    "Smith, Jones (and others) -- all came.",
])
def test_sentences_are_no_datelines(text: str) -> None:
    assert read_dateline(text) is None
