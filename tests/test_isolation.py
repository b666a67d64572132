"""One document never stops the others: each failure is one line naming its file, the rest
are parsed and stored, and the exit code is 1 (the `timeline` command in a subprocess)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from timeline.document import Document
from timeline.errors import InputError
from timeline.event import Event
from timeline.extract import extract_isolated
from timeline.readers import ReadOptions, read_document
from timeline.store import Store
from timeline.store_ingest import ingest

GOOD = "The council meets on March 3 in York.\n"
DCT = datetime(2025, 2, 4, tzinfo=UTC)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300, check=False)


def one_line_errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Articles that used to raise, a FIFO, and one good article."""
    (tmp_path / "clock_then_days.txt").write_text(
        "The fair opens at 4 p.m. on Oct. 13 and 14 in Leeds.\n")
    (tmp_path / "far_offsets.txt").write_text(
        "The probe arrives in 9999999 days. A vault opens 10000 years from now.\n")
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    return tmp_path


def test_failing_documents_are_one_line_each_and_the_rest_are_parsed(hostile: Path) -> None:
    result = run("extract", "--json", "--dct", "2025-02-04", "clock_then_days.txt",
                 "far_offsets.txt", "pipe.txt", "/dev/zero", "good.txt", cwd=hostile)
    assert result.returncode == 1
    errors = one_line_errors(result.stderr)
    assert errors == ["timeline: pipe.txt: not a regular file (a pipe, device or socket)",
                      "timeline: /dev/zero: not a regular file (a pipe, device or socket)"]
    events = json.loads(result.stdout)["events"]
    by_source = {e["source"]: e for e in events}
    assert by_source["good.txt"]["start"] == "2025-03-03"
    # a clock time before a span of days is a span of days, not a crash
    fair = by_source["clock_then_days.txt"]
    assert (fair["start"][5:], fair["end"][5:], fair["granularity"]) == ("10-13", "10-14", "day")
    assert "far_offsets.txt" not in by_source  # no calendar can hold those dates


def test_ingest_stores_the_good_documents_next_to_the_failing_ones(hostile: Path) -> None:
    db = hostile / "store.db"
    (hostile / "big.txt").write_text("The fair opens on May 4 in Hull. " * 40_000)
    result = run("ingest", "--db", str(db), "--dct", "2025-02-04", "--max-size", "1",
                 "--workers", "2", "big.txt", "pipe.txt", "good.txt", "clock_then_days.txt",
                 cwd=hostile)
    assert result.returncode == 1
    errors = one_line_errors(result.stderr)
    assert sorted(errors) == [
        f"timeline: {hostile / 'big.txt'}: larger than the 1 MB limit (--max-size)",
        f"timeline: {hostile / 'pipe.txt'}: not a regular file (a pipe, device or socket)"]
    with sqlite3.connect(db) as connection:
        paths = sorted(Path(p).name for (p,) in connection.execute(
            "SELECT path FROM documents"))
    assert paths == ["clock_then_days.txt", "good.txt"]


def test_a_parse_past_its_time_limit_is_reported_and_the_others_stored(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(
        "The council will meet on March 3 in York, officials said on Tuesday. " * 12000)
    (tmp_path / "good.txt").write_text(GOOD)
    db = tmp_path / "store.db"
    result = run("ingest", "--db", str(db), "--dct", "2025-02-04", "--time-limit", "3",
                 "--workers", "1", "good.txt", "long.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line_errors(result.stderr) == [
        f"timeline: {tmp_path / 'long.txt'}: parsing took longer than 3 s (--time-limit)"]
    with Store.open(db, create=False) as store:
        assert [e.source.document for e in store.timeline()] == [str(tmp_path / "good.txt")]


def test_out_of_range_and_malformed_options_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    result = run("extract", "--dct", "9999-12-31", "good.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert one_line_errors(result.stderr) == [
        "timeline: --dct: '9999-12-31' is outside the years a calendar can hold "
        "(0001-01-02 to 9999-12-30)"]
    result = run("extract", "--dct", "2025-02-04", "--source-tz", "A" * 300, "good.txt",
                 cwd=tmp_path)
    assert result.returncode == 1
    [line] = one_line_errors(result.stderr)
    assert line.startswith("timeline: --source-tz: unknown time zone 'AAAA")
    assert len(line) < 120


def test_a_parser_bug_names_the_document_and_keeps_the_traceback_for_debug() -> None:
    def broken(document: Document) -> list[Event]:
        raise KeyError("surprise")

    document = Document(id="bug.txt", text=GOOD, dct=DCT)
    with pytest.raises(InputError) as caught:
        extract_isolated(document, broken)
    assert str(caught.value) == "bug.txt: cannot parse: KeyError: 'surprise'"
    assert "Traceback" in (caught.value.detail or "")


def test_debug_prints_the_traceback_of_a_failing_document(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    db = tmp_path / "store.db"
    errors: list[InputError] = []

    def broken(document: Document) -> list[Event]:
        raise RuntimeError("framer bug")

    with Store.open(db) as store:
        report = ingest(store, [str(tmp_path / "good.txt")], ReadOptions(dct=DCT), workers=1,
                        parse=broken, on_error=errors.append)
    assert report.failed == 1
    assert [e.problem for e in errors] == ["cannot parse: RuntimeError: framer bug"]
    assert "raise RuntimeError" in (errors[0].detail or "")


def test_utf16_with_a_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(" date 2025-02-04 Fair news\n".encode("utf-16") +
                     "\nThe fair opens on March 3 in Leeds.\n".encode("utf-16")[2:])
    document = read_document(path)
    assert document.title == "Fair news"
    assert "March 3" in document.text


def test_line_separators_and_late_nuls_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text(" date 2025-02-04 Fair\u2028opens in Leeds\nPublished: 04 Feb. 2025, 17:55\n"
                    + "The fair opens on March 3 in Leeds. " * 300 + "\0The end.\n")
    document = read_document(path)
    assert document.title == "Fair opens in Leeds"
    assert "Published" not in document.text
    assert "\0" not in document.text


FOREVER_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:forever@test
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:99991231
SUMMARY:Forever
END:VEVENT
END:VCALENDAR
"""


def test_far_years_are_refused_where_they_enter_and_exports_still_work(tmp_path: Path) -> None:
    (tmp_path / "forever.ics").write_text(FOREVER_ICS)
    (tmp_path / "good.txt").write_text(GOOD)
    db = str(tmp_path / "store.db")
    result = run("ingest", "--db", db, "--dct", "2025-02-04", "forever.ics", "good.txt",
                 cwd=tmp_path)
    assert result.returncode == 1
    assert one_line_errors(result.stderr) == [
        f"timeline: {tmp_path / 'forever.ics'}: event 'forever@test': 9999-12-31 is outside "
        "the days a calendar can hold (0001-01-02 to 9999-12-30)"]
    with Store.open(db, create=False) as store:
        [event] = store.timeline()
    for start in ("9999-12-31", "9999-12", "0001-01-01"):
        edited = run("edit", "--db", db, event.uid, "--start", start, cwd=tmp_path)
        assert edited.returncode == 1
        assert one_line_errors(edited.stderr) == [
            f"timeline: --start: {start} is outside the days a calendar can hold "
            "(0001-01-02 to 9999-12-30)"]
    exported = run("export", "--db", db, "-o", "out.ics", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "DTSTART;VALUE=DATE:20250303" in (tmp_path / "out.ics").read_text()


def test_an_event_cannot_be_built_naive_or_out_of_bounds() -> None:
    from timeline.event import NaiveDatetimeError, Source

    source = (Source(document="x.txt", evidence="", trigger=""),)
    with pytest.raises(NaiveDatetimeError):
        Event(uid="u", title="t", start=datetime(2025, 3, 3, 9), end=None,  # noqa: DTZ001
              granularity="time", kind="scheduled", sources=source)
    with pytest.raises(ValueError, match="outside the days a calendar can hold"):
        Event(uid="u", title="t", start=datetime(9999, 12, 31, tzinfo=UTC).date(), end=None,
              granularity="day", kind="scheduled", sources=source)
