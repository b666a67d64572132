"""A store that cannot be written is one line, never a traceback, and loses nothing stored:
a read-only file (``chattr +i``) and a full disk (a tiny tmpfs), both real."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.store import Store


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(
            f" date 2025-02-04 Item {i}\nThe council number {i} will meet on March {i % 28 + 1}"
            " in York to discuss the long budget of the city and its plans for the harbour.\n")
    return folder


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    db = tmp_path / "store.db"
    assert run("ingest", "--db", str(db), str(articles(tmp_path / "news", 2))).returncode == 0
    with Store.open(db, create=False) as store:
        uid = store.timeline().events[0].uid
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(db)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield db, uid
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=False)


def test_a_read_only_store_is_one_line(immutable: tuple[Path, str], tmp_path: Path) -> None:
    db, uid = immutable
    for args in (("ingest", "--db", str(db), str(articles(tmp_path / "more", 1))),
                 ("hide", "--db", str(db), uid)):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr == (f"timeline: {db}: the store is read-only (cannot write "
                                 "to it; check its permissions or --db)\n")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_keeps_what_was_stored(tiny_disk: Path,
                                                           tmp_path: Path) -> None:
    db = tiny_disk / "store.db"
    result = run("ingest", "--db", str(db), "--workers", "1",
                 str(articles(tmp_path / "news", 80)))
    assert result.returncode == 1
    assert result.stderr.endswith(f"timeline: {db}: cannot write: the disk is full "
                                  "(database or disk is full)\n")
    assert "Traceback" not in result.stderr
    with Store.open(db, create=False) as store:
        documents, events = store.counts()
    assert documents > 0
    assert events == documents  # every stored document is whole
