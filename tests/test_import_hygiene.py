"""The headless core never imports the terminal UI or its rendering libraries."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import timeline

FORBIDDEN = ("textual", "rich", "tui")


def test_core_modules_import_no_ui() -> None:
    modules = sorted(m.name for m in pkgutil.walk_packages(timeline.__path__, "timeline."))
    assert "timeline.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
