"""Text bound for a terminal: control characters in articles must not reach it.

An article can hold ESC sequences or BEL; printed raw, they would recolour, retitle or
rewrite what the terminal shows. Every line the CLI prints passes through :func:`printable`.
"""

from __future__ import annotations

import json
from typing import Any

#: C0 controls but tab and newline, DEL, and the C1 controls (ESC's 8-bit forms).
_CONTROLS = dict.fromkeys((*range(9), *range(11, 32), 127, *range(128, 160)))


def printable(text: str) -> str:
    """``text`` without terminal control characters; newlines and tabs stay."""
    return text.translate(_CONTROLS)


#: What JSON text leaves raw but a terminal obeys: DEL and the C1 controls (json.dumps
#: escapes the C0 ones). Written as \u escapes, the JSON still reads back the same.
_RAW_IN_JSON = {c: f"\\u{c:04x}" for c in (127, *range(128, 160))}


def json_text(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON for a terminal or a pipe: UTF-8 text as it is, but no character a
    terminal would obey."""
    return json.dumps(value, indent=indent, ensure_ascii=False).translate(_RAW_IN_JSON)
