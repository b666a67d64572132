"""The model's attribute rules (tag to part of speech, morphology, lemma exceptions), applied
by lookup instead of spaCy's general token matcher.

The small English model's ``attribute_ruler`` holds 179 rules, nearly all of one token keyed
by its fine tag and perhaps its lower-case form. Run through the general matcher they cost a
fifth of the whole parse; looked up by tag they cost almost nothing. The rules are the model's
own, read from it at load time, and applied with the ruler's own semantics: every rule that
matches sets its attributes, in the rules' order, so a later rule wins. The few rules of two
tokens still go through a matcher of their own. ``tests/test_nlp.py`` checks that a parse with
these rules equals one with the model's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# spaCy is imported when the model loads, not with this module: it brings rich with it, and
# the core stays free of UI libraries until a parse is asked for.

FACTORY = "timeline_attribute_rules"
_READERS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space, "ORTH": lambda t: t.text, "POS": lambda t: t.pos_,
}

Test = Callable[[Any], bool]


def _value_test(read: Callable[[Any], Any], wanted: Any) -> Test:
    if isinstance(wanted, dict):
        if set(wanted) == {"IN"}:
            allowed = frozenset(wanted["IN"])
            return lambda t: read(t) in allowed
        if set(wanted) == {"NOT_IN"}:
            refused = frozenset(wanted["NOT_IN"])
            return lambda t: read(t) not in refused
        if set(wanted) == {"REGEX"}:
            pattern = re.compile(wanted["REGEX"])
            return lambda t: pattern.search(read(t)) is not None
        raise ValueError(f"unsupported rule operator {sorted(wanted)}")
    return lambda t: bool(read(t) == wanted)


def _token_test(spec: dict[str, Any]) -> Test:
    unknown = set(spec) - set(_READERS)
    if unknown:
        raise ValueError(f"unsupported rule attribute {sorted(unknown)[0]}")
    tests = [_value_test(_READERS[key], wanted) for key, wanted in spec.items()]
    return lambda t: all(test(t) for test in tests)


Entry = tuple[int, Test | None, dict[str, Any]]


def _plain(value: Any) -> bool:
    return isinstance(value, str)


class AttributeRules:
    """The ruler's single-token rules indexed by the exact tag and lower-case form they
    require, so a token reads only the rules that can match it."""

    def __init__(self, nlp: Any, patterns: list[dict[str, Any]]) -> None:
        from spacy.matcher import Matcher
        from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

        self._set = set_token_attrs  # the ruler's own setter: attributes set as it sets them
        self.by_tag_lower: dict[tuple[str, str], list[Entry]] = {}
        self.by_tag: dict[str, list[Entry]] = {}
        self.by_lower: dict[str, list[Entry]] = {}
        self.any_token: list[Entry] = []
        self.longer = Matcher(nlp.vocab, validate=False)
        self.longer_rules: dict[str, tuple[int, dict[str, Any], int]] = {}
        for order, rule in enumerate(patterns):
            attrs = normalize_token_attrs(nlp.vocab, dict(rule["attrs"]))
            index = int(rule.get("index", 0))
            for pattern in rule["patterns"]:
                if len(pattern) > 1:
                    key = f"rule{order}"
                    self.longer.add(key, [pattern])
                    self.longer_rules[key] = (order, attrs, index)
                else:
                    self._index(order, pattern[0], attrs)

    def _index(self, order: int, spec: dict[str, Any], attrs: dict[str, Any]) -> None:
        tag, lower = spec.get("TAG"), spec.get("LOWER")
        rest = {k: v for k, v in spec.items() if k not in ("TAG", "LOWER")}
        tags: list[str] | None = [str(tag)] if _plain(tag) else [
            str(t) for t in tag["IN"]] if isinstance(tag, dict) and set(tag) == {"IN"} else None
        lowers: list[str] | None = [str(lower)] if _plain(lower) else None
        if tags is None and tag is not None:
            rest["TAG"] = tag
        if lowers is None and lower is not None:
            rest["LOWER"] = lower
        entry: Entry = (order, _token_test(rest) if rest else None, attrs)
        if tags is not None and lowers is not None:
            for one in tags:
                self.by_tag_lower.setdefault((one, lowers[0]), []).append(entry)
        elif tags is not None:
            for one in tags:
                self.by_tag.setdefault(one, []).append(entry)
        elif lowers is not None:
            self.by_lower.setdefault(lowers[0], []).append(entry)
        else:
            self.any_token.append(entry)

    def __call__(self, doc: Any) -> Any:
        hits: list[tuple[int, int, dict[str, Any]]] = []
        by_tag_lower, by_tag, by_lower = self.by_tag_lower, self.by_tag, self.by_lower
        for token in doc:
            tag, lower = token.tag_, token.lower_
            for entries in (by_tag_lower.get((tag, lower)), by_tag.get(tag),
                            by_lower.get(lower), self.any_token):
                for order, test, attrs in entries or ():
                    if test is None or test(token):
                        hits.append((order, token.i, attrs))
        if self.longer_rules:
            for match_id, start, end in self.longer(doc):
                order, attrs, index = self.longer_rules[doc.vocab.strings[match_id]]
                hits.append((order, doc[start:end][index].i, attrs))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for _, at, attrs in hits:
            self._set(doc[at], attrs)
        return doc


def faster_rules(nlp: Any) -> None:
    """Put the lookup rules in place of the model's ``attribute_ruler``, same rules."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"patterns": []})(_make_attribute_rules)
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRules):
        return
    nlp.replace_pipe("attribute_ruler", FACTORY, config={"patterns": ruler.patterns})


def _make_attribute_rules(nlp: Any, name: str, patterns: list[dict[str, Any]]) -> AttributeRules:
    """spaCy factory: the rules read from the model's ruler (see :func:`faster_rules`)."""
    return AttributeRules(nlp, list(patterns))
