"""The one query language of the CLI, the TUI, export and the feed.

``summit after:2025-02 before:2025-03-01 kind:scheduled source:joongang tag:trade``

- free words (or ``"quoted phrases"``) must all occur in the title, place or a source;
- ``after:DATE`` keeps events that end on or after DATE; ``before:DATE`` keeps events that
  start before DATE. DATE is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Www``;
- ``kind:``, ``source:`` and ``tag:`` may repeat; repeats of one key are alternatives.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date

from timeline.errors import QueryError
from timeline.event import KINDS, Event
from timeline.temporal.values import CalendarValue, parse_value

_KEYS = ("after", "before", "kind", "source", "tag")
MAX_QUERY_LENGTH = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    """A parsed query; the empty query matches every event."""

    words: tuple[str, ...] = ()
    after: date | None = None
    before: date | None = None
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def matches(self, event: Event) -> bool:
        """True when the event passes every part of the query."""
        if self.after is not None and event.last_day < self.after:
            return False
        if self.before is not None and event.first_day >= self.before:
            return False
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.sources and not any(
            needle in haystack
            for needle in self.sources
            for source in event.sources
            for haystack in ((source.document or "").lower(), (source.url or "").lower(),
                             (source.document_title or "").lower())
        ):
            return False
        if self.tags and not set(self.tags) & {t.lower() for t in event.tags}:
            return False
        if self.words:
            text = searchable_text(event)
            return all(word in text for word in self.words)
        return True

    def __str__(self) -> str:
        parts = [shlex.quote(w) if " " in w else w for w in self.words]
        if self.after:
            parts.append(f"after:{self.after.isoformat()}")
        if self.before:
            parts.append(f"before:{self.before.isoformat()}")
        parts += [f"kind:{k}" for k in self.kinds]
        parts += [f"source:{s}" for s in self.sources]
        parts += [f"tag:{t}" for t in self.tags]
        return " ".join(parts)


def searchable_text(event: Event) -> str:
    """The lower-cased text free words are looked up in: title, place and sources."""
    parts = [event.title, event.location or ""]
    for source in event.sources:
        parts += [source.document, source.document_title or ""]
    return "\n".join(parts).lower()


def parse_date_bound(text: str) -> date:
    """The first day of a ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Www`` period."""
    try:
        value = parse_value(text)
    except ValueError:
        value = None
    if not isinstance(value, CalendarValue) or not value.is_plain:
        raise QueryError(f"bad date {text!r} (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www)")
    try:
        return value.first_day()
    except ValueError:
        raise QueryError(f"no such date {text!r}") from None


def parse_query(text: str) -> Query:
    """Parse a query string; raises :class:`QueryError` with the offending token."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"query too long ({len(text)} characters, at most {MAX_QUERY_LENGTH})")
    try:
        tokens = shlex.split(text)
    except ValueError as exc:
        raise QueryError(f"cannot split query: {exc}") from None
    words: list[str] = []
    fields: dict[str, list[str]] = {key: [] for key in _KEYS}
    after: date | None = None
    before: date | None = None
    for token in tokens:
        key, sep, value = token.partition(":")
        if not sep or not key.isalpha():
            words.append(token.lower())
            continue
        key = key.lower()
        if key not in _KEYS:
            raise QueryError(f"unknown filter {key + ':'!r} (known: {', '.join(_KEYS)})")
        if not value:
            raise QueryError(f"empty value in {token!r}")
        if key == "after":
            after = parse_date_bound(value)
        elif key == "before":
            before = parse_date_bound(value)
        elif key == "kind" and value.lower() not in KINDS:
            raise QueryError(f"unknown kind {value!r} (known: {', '.join(KINDS)})")
        else:
            fields[key].append(value.lower())
    return Query(
        words=tuple(words),
        after=after,
        before=before,
        kinds=tuple(fields["kind"]),
        sources=tuple(fields["source"]),
        tags=tuple(fields["tag"]),
    )
