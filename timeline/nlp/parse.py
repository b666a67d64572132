"""Parses of the few sentences that matter (those holding a date, the headline), in batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.nlp.model import english

_BATCH = 64


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A text and its spaCy ``Doc`` (tokens, tags, dependencies, entities)."""

    text: str
    doc: Any

    def entities(self, *labels: str) -> list[Any]:
        """The named entities with one of ``labels`` (all of them when none is given)."""
        return [e for e in self.doc.ents if not labels or e.label_ in labels]

    def token_at(self, offset: int) -> Any | None:
        """The token covering character ``offset`` of :attr:`text`."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def parse_texts(texts: Iterable[str]) -> list[ParsedText]:
    """Each text parsed, in order; repeated texts are parsed once."""
    ordered: Sequence[str] = list(texts)
    unique = list(dict.fromkeys(ordered))
    if not unique:
        return []
    docs = dict(zip(unique, english().pipe(unique, batch_size=_BATCH), strict=True))
    return [ParsedText(text, docs[text]) for text in ordered]
