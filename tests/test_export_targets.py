"""Exports never destroy what they are pointed at: special files are written, not replaced;
symlinks are followed; an existing file keeps its mode and a new one gets the umask's. One
event a calendar cannot hold is left out with a warning, not the whole export."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import icalendar
from ics_check import check_ics, needs_node

from timeline.ics import save_ics

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_korea_delegation.txt"
DATA = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], capture_output=True,
                          text=True, timeout=300, check=False)


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


# One event a calendar cannot hold ------------------------------------------------------

_CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:weekly@test\r\nDTSTAMP:20250101T000000Z\r\n"
    "DTSTART;TZID=Europe/London:20250310T100000\r\nSUMMARY:Weekly clinic\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:fair@test\r\nDTSTAMP:20250101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20250301\r\nSUMMARY:Spring fair\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:far@test\r\nDTSTAMP:20250101T000000Z\r\n"
    "DTSTART;TZID=Europe/London:99991230T100000\r\nSUMMARY:Vault opens\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@needs_node
def test_an_event_no_calendar_can_hold_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """A row an older version stored (a recurrence rule import now refuses) is named in one
    line and left out; the other events, one in the year 9999 among them, are written."""
    source = tmp_path / "clinic.ics"
    source.write_text(_CALENDAR, encoding="utf-8")
    db = tmp_path / "news.db"
    assert run("ingest", "--db", str(db), str(source)).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE events SET data = replace(data, 'FREQ=WEEKLY;COUNT=3', "
                           "'FREQ=FORTNIGHTLY') WHERE uid = 'weekly@test'")
    out = tmp_path / "out.ics"
    result = run("export", "--db", str(db), "-o", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("timeline: event weekly@test ('Weekly clinic', 2025-03-10): "
                               "cannot be written to a calendar: ")
    assert "FORTNIGHTLY" in lines[0]
    assert lines[0].endswith("; left out")
    assert lines[1] == f"wrote 2 events to {out}"
    check_ics(out)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert sorted(str(e["UID"]) for e in calendar.walk("VEVENT")) == ["fair@test", "far@test"]
