"""Exports never destroy what they are pointed at: special files are written, not replaced;
symlinks are followed; an existing file keeps its mode and a new one gets the umask's."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

from timeline.ics import save_ics

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_korea_delegation.txt"
DATA = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_export_to_dev_null_leaves_it_a_device(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "timeline.cli", "export", "-o", "/dev/null",
                             str(SEED)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    save_ics(fifo, DATA)
    reader.join(timeout=10)
    assert received == [DATA]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.ics"
    target.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    save_ics(link, DATA)
    assert link.is_symlink()
    assert target.read_bytes() == DATA


def test_an_existing_file_keeps_its_mode_and_a_new_one_gets_the_umask(tmp_path: Path) -> None:
    for mode in (0o644, 0o600, 0o640):
        existing = tmp_path / f"calendar-{mode:o}.ics"
        existing.write_bytes(b"old")
        existing.chmod(mode)
        save_ics(existing, DATA)
        assert stat.S_IMODE(os.stat(existing).st_mode) == mode
        assert existing.read_bytes() == DATA
    previous = os.umask(0o022)
    try:
        fresh = tmp_path / "new.ics"
        save_ics(fresh, DATA)
        assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o644
    finally:
        os.umask(previous)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries left
