"""The TUI's settings from the config file: key overrides, feed URL, ASCII markers.

```toml
[tui]
ascii = false                 # plain ASCII multi-day markers
[tui.keys]                    # binding id = "keys" (comma-separated alternatives)
down = "j,down,ctrl+n"
[feed]
url = "http://localhost:8080/calendar.ics"
```
The file is ``$TIMELINE_CONFIG`` or ``config.toml`` in the platform's config folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Settings the app reads once at start."""

    keys: dict[str, str] = field(default_factory=dict)
    feed_url: str | None = None
    ascii: bool = False


def config_path() -> Path:
    """Where the config file lives."""
    explicit = os.environ.get("TIMELINE_CONFIG")
    if explicit:
        return Path(explicit)
    from platformdirs import user_config_dir
    return Path(user_config_dir("timeline")) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not TOML: {exc}") from None
    tui = data.get("tui", {})
    keys = tui.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise InputError(str(path), "[tui.keys] must map binding ids to key strings")
    feed = data.get("feed", {})
    url = feed.get("url") if isinstance(feed, dict) else None
    return Config(keys={str(k): v for k, v in keys.items()},
                  feed_url=str(url) if url else None, ascii=bool(tui.get("ascii", False)))
