"""News to calendar: read articles, find dated events, browse, export and serve them.

The package is the headless core; it never imports the terminal UI (``tui``).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("news-timeline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
