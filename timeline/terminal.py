"""Text bound for a terminal: control characters in articles must not reach it.

An article can hold ESC sequences or BEL; printed raw, they would recolour, retitle or
rewrite what the terminal shows. Every line the CLI prints passes through :func:`printable`.
"""

from __future__ import annotations

#: C0 controls but tab and newline, DEL, and the C1 controls (ESC's 8-bit forms).
_CONTROLS = dict.fromkeys((*range(9), *range(11, 32), 127, *range(128, 160)))


def printable(text: str) -> str:
    """``text`` without terminal control characters; newlines and tabs stay."""
    return text.translate(_CONTROLS)
