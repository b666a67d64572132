"""Temporal tagger: find temporal expressions in news text and normalise them to TIMEX3.

Modules, in the order data flows through them: ``lexicon`` (words), ``rules`` (the grammar:
compiled patterns and their normalisers), ``tense`` (which way bare weekdays and dates
point), ``context`` (DCT and narrative state), ``dates`` (calendar arithmetic) and
``tagger`` (the passes that tie them together).
"""

from timeline.temporal.tagger import tag

__all__ = ["tag"]
