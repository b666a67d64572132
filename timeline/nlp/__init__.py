"""The one English layer: sentences parsed by spaCy, entities, and the word lists they use.

The rest of the package asks this layer for a parse instead of reading character windows;
the model is loaded once per process, only when a parse is first needed.
"""

from timeline.nlp.lexicon import REPORTING_VERBS, ZONE_DECLARATIONS, words
from timeline.nlp.model import MODEL_PACKAGE, english, model_figures
from timeline.nlp.parse import ParsedText, name_all, parse_texts

__all__ = [
    "MODEL_PACKAGE",
    "REPORTING_VERBS",
    "ZONE_DECLARATIONS",
    "ParsedText",
    "english",
    "model_figures",
    "name_all",
    "parse_texts",
    "words",
]
