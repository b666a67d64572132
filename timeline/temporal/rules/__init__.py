"""The rule families of the temporal grammar, one module each; importing them registers them.

Extents follow TimeML: leading prepositions stay out ("on Feb. 19" -> "Feb. 19"), while
determiners and modifiers stay in ("the third quarter", "early next year", "about two weeks").
"""

from timeline.temporal.rules import (  # noqa: F401  (each module registers its rules)
    absolute,
    anaphora,
    clock,
    durations,
    holidays,
    quarters,
    relative,
    sets,
)
