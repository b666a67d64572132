"""``python -m tui PATH...``: the browser without the rest of the CLI."""

from __future__ import annotations

import sys

from tui.app import run

if __name__ == "__main__":
    run(sys.argv[1:])
