"""The one config file of the tool, read and checked here for the core, the TUI and the feed.

One file serves every part of the tool: ``--config FILE`` (which sets ``$TIMELINE_CONFIG``),
else ``$TIMELINE_CONFIG``, else ``config.toml`` in the platform's config folder. The headless
core reads it here so that it never has to import the terminal UI to find it. Every key is
checked against :data:`SCHEMA`: a misspelt key is a one-line error naming the file, the key
and the closest valid key, whichever part of the tool reads the file.

```toml
[tui]
ascii = false                  # plain ASCII multi-day markers
[tui.keys]                     # binding id = "keys" (comma-separated alternatives)
next-day = "d,ctrl+d"
[feed]
url = "http://localhost:8765/calendar.ics"
[feeds.korea]                  # /feeds/korea.ics
query = "korea kind:scheduled"
name = "Korea trade"
token = "a-secret-of-its-own"
include_coarse = false
```
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any

from timeline.errors import InputError

ENV_VAR = "TIMELINE_CONFIG"
#: The folder name under the platform's config dir.
APP_DIR = "timeline"
FILE_NAME = "config.toml"

#: A table's keys and their types; ``"*"`` stands for any name (a feed, a key binding).
Schema = dict[str, "type | Schema"]
SCHEMA: Schema = {
    "tui": {"ascii": bool, "keys": {"*": str}},
    "feed": {"url": str},
    "feeds": {"*": {"query": str, "name": str, "token": str, "include_coarse": bool,
                    "private": bool}},
}
_TYPE_NAMES = {bool: "true or false", str: "a string"}


def config_path() -> Path:
    """``$TIMELINE_CONFIG``, else ``config.toml`` in the platform's config folder."""
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_dir  # only needed when no path is set

    return Path(user_config_dir(APP_DIR)) / FILE_NAME


def read_config(path: Path | None = None, *, required: bool = False) -> dict[str, Any]:
    """The parsed, checked TOML file; a missing file gives ``{}`` unless ``required``.

    Raises :class:`InputError` naming the file for one that cannot be read or parsed, or
    that holds a key :data:`SCHEMA` does not know or a value of the wrong type.
    """
    target = path if path is not None else config_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise InputError(str(target), "no such config file") from None
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(target), f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(target), f"not TOML: {exc}") from None
    check(data, SCHEMA, str(target))
    return data


def check(data: dict[str, Any], schema: Schema, origin: str, table: str = "") -> None:
    """Raise :class:`InputError` for the first key of ``data`` that ``schema`` does not allow."""
    where = f"[{table}]: " if table else ""
    for key, value in data.items():
        expected = schema.get(key, schema.get("*"))
        if expected is None:
            known = sorted(k for k in schema if k != "*")
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known)}"
            raise InputError(origin, f"{where}unknown key {key!r} ({hint})")
        name = f"{table}.{key}" if table else key
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise InputError(origin, f"{name} must be a table ([{name}])")
            check(value, expected, origin, name)
        elif not isinstance(value, expected):
            raise InputError(origin, f"{name} must be {_TYPE_NAMES.get(expected, expected)}, "
                                     f"not {value!r}")
