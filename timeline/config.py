"""Where the config file lives, shared by the feed server and the TUI.

One file serves every part of the tool: ``$TIMELINE_CONFIG`` when set, else ``config.toml``
in the platform's config folder (the same place ``tui/config.py`` looks). The headless core
reads it here so that it never has to import the terminal UI to find it.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from timeline.errors import InputError

ENV_VAR = "TIMELINE_CONFIG"
#: The folder name under the platform's config dir (the TUI's, kept identical).
APP_DIR = "timeline"
FILE_NAME = "config.toml"


def config_path() -> Path:
    """``$TIMELINE_CONFIG``, else ``config.toml`` in the platform's config folder."""
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_dir  # only needed when no path is set

    return Path(user_config_dir(APP_DIR)) / FILE_NAME


def read_config(path: Path | None = None, *, required: bool = False) -> dict[str, Any]:
    """The parsed TOML file; a missing file gives ``{}`` unless ``required``.

    Raises :class:`InputError` naming the file for one that cannot be read or parsed.
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
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(target), f"not TOML: {exc}") from None
