"""The TUI's settings from the shared config file: key overrides, feed URL, ASCII markers.

The file and its schema are :mod:`timeline.config`'s, so a key the feed would refuse is
refused here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.config import config_path, read_config

__all__ = ["Config", "config_path", "load_config"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Settings the app reads once at start."""

    keys: dict[str, str] = field(default_factory=dict)
    feed_url: str | None = None
    ascii: bool = False


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    data = read_config(path)
    tui = data.get("tui", {})
    url = data.get("feed", {}).get("url")
    return Config(keys={str(k): str(v) for k, v in tui.get("keys", {}).items()},
                  feed_url=str(url) if url else None, ascii=bool(tui.get("ascii", False)))
