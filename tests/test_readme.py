"""Every example of the README runs as written, in order, on the seed.

The ```sh blocks before "## Development" are run line by line with bash in one folder that
holds the repository's ``seeds/`` and ``examples/`` (so later lines see the ``news.db`` the
earlier ones made), with the project's ``timeline`` and ``python`` first on PATH. What cannot
run to an end is run as a person would: ``browse`` in a pseudo-terminal until its footer
shows, then ``q``; ``serve`` until the address it announces answers, then stopped. Lines that
install the project or run its test suite are what CI itself does, and are left to it. The
```toml block is checked against the config schema, and its feed query must match the seed.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import httpx
import pytest

from timeline.config import read_config

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = README.split("\n## Development")[0]
SH_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
LEFT_TO_CI = ("pip install", "pytest")


def example_lines() -> list[str]:
    lines = [line for block in SH_BLOCK.findall(EXAMPLES) for line in block.splitlines()]
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the examples run: the seed and the examples, nothing of the user's."""
    work = tmp_path_factory.mktemp("readme")
    (work / "seeds").symlink_to(ROOT / "seeds")
    (work / "examples").symlink_to(ROOT / "examples")
    return work


def environment(folder: Path) -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "TIMELINE_CONFIG": str(folder / "no-config.toml"),
            "TIMELINE_DB": str(folder / "default.db"), "PYTHONUNBUFFERED": "1"}


def test_the_readme_has_examples_of_every_command() -> None:
    commands = {line.split()[1] for line in example_lines() if line.startswith("timeline ")}
    assert commands >= {"list", "calendar", "show", "extract", "timex", "export", "ingest",
                        "edit", "hide", "undo", "browse", "serve", "completion"}


@pytest.mark.parametrize("line", example_lines())
def test_example_runs_as_written(line: str, folder: Path) -> None:
    if any(marker in line for marker in LEFT_TO_CI):
        pytest.skip("installing and the test suite are what CI runs")
    if line.startswith("timeline browse"):
        browse(line, folder)
    elif line.startswith("timeline serve"):
        serve(line, folder)
    else:
        result = subprocess.run(["bash", "-c", f"set -o pipefail; {line}"], cwd=folder,
                                env=environment(folder), capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr


def browse(line: str, folder: Path) -> None:
    """Open the browser in a pseudo-terminal of 80x24, wait for its footer, press q."""
    leader, follower = pty.openpty()
    fcntl.ioctl(leader, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(["bash", "-c", line], cwd=folder,
                               env={**environment(folder), "TERM": "xterm-256color"},
                               stdin=follower, stdout=follower, stderr=follower,
                               start_new_session=True)
    os.close(follower)
    seen = b""
    try:
        deadline = time.monotonic() + 120
        while b"Quit" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    break
            if process.poll() is not None:
                break
        assert b"Quit" in seen, f"{line}: no screen\n{seen[-2000:]!r}"
        os.write(leader, b"q")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        os.close(leader)


def serve(line: str, folder: Path) -> None:
    """Start the server, fetch the page at the address it announces, then stop it."""
    log = folder / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=folder,
                                   env=environment(folder), stdout=sink,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        address = None
        while address is None and time.monotonic() < deadline:
            assert process.poll() is None, f"{line}: exited\n{log.read_text()}"
            found = re.search(r"serving [\d,]+ events at (http://\S+/)", log.read_text())
            address = found[1] if found else None
            time.sleep(0.2)
        assert address is not None, f"{line}: never served\n{log.read_text()}"
        response = httpx.get(address, timeout=10)
        assert response.status_code == 200
        assert "calendar.ics" in response.text
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_the_config_example_is_valid_and_its_feed_matches_the_seed(tmp_path: Path) -> None:
    (block,) = TOML_BLOCK.findall(EXAMPLES)
    config = tmp_path / "config.toml"
    config.write_text(block, encoding="utf-8")
    data = read_config(config)
    assert data["feeds"]
    for name, feed in data["feeds"].items():
        result = subprocess.run([sys.executable, "-m", "timeline", "list", "--json", "-q",
                                 feed["query"], str(ROOT / "seeds")], capture_output=True,
                                text=True, timeout=300, check=True)
        assert json.loads(result.stdout)["events"], f"[feeds.{name}] matches nothing"
