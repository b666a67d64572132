"""Word lists of the English layer, kept as data files in ``timeline/nlp/data``.

One word (or phrase) per line; ``#`` starts a comment. Lists are read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The lower-cased entries of the list ``data/<name>.txt``."""
    text = resources.files("timeline.nlp").joinpath("data", f"{name}.txt").read_text("utf-8")
    entries = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(entry for entry in entries if entry)


@cache
def zone_declarations() -> dict[str, str]:
    """Phrases that state the zone of every time in a story ("all times UK") -> IANA zone."""
    text = resources.files("timeline.nlp").joinpath("data", "zone_words.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            phrase, zone = line.split("\t")
            table[phrase.strip().lower()] = zone.strip()
    return table


#: Verbs of saying and announcing: a date they govern dates the telling, not an event.
REPORTING_VERBS = words("reporting_verbs")
#: Zone words and the IANA zone each names.
ZONE_DECLARATIONS = zone_declarations()
