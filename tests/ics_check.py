"""Running ../shared/tools/ics-check from tests: every real calendar client reads a file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHECK_ICS = (Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "ics-check"
             / "check-ics")

needs_node = pytest.mark.skipif(shutil.which("node") is None,
                                reason="check-ics runs ical.js (Thunderbird's parser) in node")


def check_ics(path: Path) -> None:
    """Run every client of ../shared/tools/ics-check; fail with its table otherwise."""
    result = subprocess.run([str(CHECK_ICS), str(path), "-v"], capture_output=True, text=True,
                            timeout=600, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "RESULT: PASS" in report, report
    assert "warning" not in report.lower(), report
