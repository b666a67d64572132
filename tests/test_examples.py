"""Every example's output is regenerated and compared, so none goes stale.

Set ``UPDATE_EXAMPLES=1`` to rewrite the outputs after a deliberate change.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UPDATE = os.environ.get("UPDATE_EXAMPLES") == "1"
# A console block: the "$ command" line, then what it prints.
BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)


def run_command(command: str) -> str:
    args = shlex.split(command)
    assert args[0] == "timeline", f"examples only run the timeline command: {command}"
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", *args[1:]],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_walkthrough_outputs_are_current() -> None:
    path = EXAMPLES / "walkthrough.md"
    text = path.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert len(blocks) >= 3

    def fresh(match: re.Match[str]) -> str:
        return f"```console\n$ {match['command']}\n{run_command(match['command'])}```"

    updated = BLOCK.sub(fresh, text)
    if UPDATE:
        path.write_text(updated, encoding="utf-8")
    assert updated == text, "examples/walkthrough.md is stale: rerun with UPDATE_EXAMPLES=1"


def test_library_example_output_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "library_api.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    expected = EXAMPLES / "library_api.out"
    if UPDATE:
        expected.write_text(result.stdout, encoding="utf-8")
    if not expected.exists():
        pytest.fail("examples/library_api.out is missing: rerun with UPDATE_EXAMPLES=1")
    assert result.stdout == expected.read_text(encoding="utf-8")
