"""The store end to end: the real parser, the `timeline` command in a subprocess, .ics bytes."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from timeline.ics import export_ics, revisions_from
from timeline.store import Store
from timeline.store_ingest import ingest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture
def news(tmp_path: Path, seed: Path) -> Path:
    """The seed article and a second article that reports other dates."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(seed, folder / "a.txt")
    text = seed.read_text(encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("on Feb. 19", "on March 4")
                                  .replace("Korea to send", "Korea sends"), encoding="utf-8")
    return folder


def uids(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [event["uid"] for event in json.loads(result.stdout)["events"]]


def test_ingest_then_read_back_gives_the_parser_s_events(tmp_path: Path, news: Path) -> None:
    db = str(tmp_path / "news.db")
    first = run("ingest", "--db", db, "--workers", "2", str(news))
    assert first.returncode == 0, first.stderr
    assert "2 read, 2 new" in first.stdout
    again = run("ingest", "--db", db, str(news))
    assert "0 new, 0 changed, 2 unchanged" in again.stdout
    assert "0 added, 0 updated, 0 removed" in again.stdout
    stored = uids(run("extract", "--json", "--db", db))
    assert stored
    assert sorted(stored) == sorted(uids(run("extract", "--json", str(news))))
    assert uids(run("extract", "--json", "--db", db, str(news / "a.txt"))) == [
        u for u in stored if u in uids(run("extract", "--json", str(news / "a.txt")))]
    listed = run("list", "--db", db, "-q", "gala")
    assert listed.returncode == 0, listed.stderr
    assert "2025-02-19" in listed.stdout


def test_unchanged_store_exports_the_same_ics_bytes(tmp_path: Path, news: Path) -> None:
    def export(store: Store) -> bytes:
        return export_ics(store.timeline(), revisions=revisions_from(store.stamps()))

    now = [datetime(2025, 3, 1, tzinfo=UTC)]
    with Store.open(tmp_path / "s.db", clock=lambda: now[0]) as store:
        ingest(store, [str(news)], workers=1)
        before = export(store)
        now[0] = datetime(2025, 3, 2, tzinfo=UTC)
        report = ingest(store, [str(news)], workers=1, reparse=True)
        assert (report.updated, report.added, report.removed) == (0, 0, 0)
        assert export(store) == before
    assert b"SEQUENCE:0" in before


def test_corrections_from_the_command_line_survive_a_changed_article(tmp_path: Path,
                                                                    news: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run("ingest", "--db", db, str(news)).returncode == 0
    events = json.loads(run("extract", "--json", "--db", db).stdout)["events"]
    gala = next(e for e in events if e["start"] == "2025-02-19" and "a.txt" in e["source"])
    other = next(e for e in events if e["uid"] != gala["uid"])
    edited = run("edit", gala["uid"][:12], "--title", "Business Night gala", "--db", db)
    assert edited.returncode == 0, edited.stderr
    assert "Business Night gala" in edited.stdout
    assert run("hide", other["uid"], "--db", db).returncode == 0
    assert run("confirm", gala["uid"], "--db", db).returncode == 0
    article = news / "a.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA closing remark.\n",
                       encoding="utf-8")
    report = run("ingest", "--db", db, str(news))
    assert "1 changed" in report.stdout, report.stdout + report.stderr
    after = {e["uid"]: e for e in json.loads(run("extract", "--json", "--db", db).stdout)["events"]}
    assert after[gala["uid"]]["title"] == "Business Night gala"
    assert other["uid"] not in after
    undo = run("undo", "--db", db)
    assert "undid confirm" in undo.stdout


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 40],
                         ids=["nul-bytes", "text"])
def test_bad_db_is_one_line_and_untouched(tmp_path: Path, news: Path, content: bytes) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content or b"\x00" * 100 + b"SQLite")
    before = db.read_bytes()
    for args in (("ingest", "--db", str(db), str(news)), ("list", "--db", str(db)),
                 ("hide", "x", "--db", str(db))):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_missing_store_for_reading_says_how_to_make_one(tmp_path: Path) -> None:
    result = run("list", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "timeline ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_kill_9_of_the_real_command_keeps_whole_documents(tmp_path: Path, seed: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = seed.read_text(encoding="utf-8")
    for number in range(300):
        (folder / f"{number:03d}.txt").write_text(
            text.replace("some 100 members", f"some {number} members"), encoding="utf-8")
    clean = tmp_path / "clean.db"
    assert run("ingest", "--db", str(clean), "--workers", "1", str(folder)).returncode == 0
    with Store.open(clean) as store:
        expected = store.counts()
    per_document = expected[1] // expected[0]
    db = tmp_path / "killed.db"
    process = subprocess.Popen([sys.executable, "-m", "timeline.cli", "ingest", "--db", str(db),
                                "--workers", "2", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists() and count_documents(db) >= 30:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while processes_using(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not processes_using(db), "parse workers outlived their killed parent"
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = {n for (n,) in check.execute(
            "SELECT count(e.uid) FROM documents d LEFT JOIN events e ON e.document_id = d.id "
            "GROUP BY d.id")}
    check.close()
    assert counts == {per_document}
    assert run("ingest", "--db", str(db), str(folder)).returncode == 0
    with Store.open(db) as store:
        assert store.counts() == expected


def count_documents(db: Path) -> int:
    try:
        with sqlite3.connect(db) as check:
            count = int(check.execute("SELECT count(*) FROM documents").fetchone()[0])
        check.close()
    except sqlite3.OperationalError:  # not created yet
        return 0
    return count


def processes_using(db: Path) -> list[int]:
    """Live processes whose command line names ``db`` (the ingest and its forked workers)."""
    found: list[int] = []
    if not Path("/proc").is_dir():  # not Linux: nothing to look at
        return found
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if str(db) in command and state != "Z":
            found.append(int(entry.name))
    return found


def test_export_from_the_store_carries_corrections_and_sequence(tmp_path: Path,
                                                               news: Path) -> None:
    db = str(tmp_path / "news.db")
    assert run("ingest", "--db", db, "--workers", "1", str(news / "a.txt")).returncode == 0
    gala = next(e for e in json.loads(run("extract", "--json", "--db", db).stdout)["events"]
                if e["start"] == "2025-02-19")
    edited = run("edit", "--db", db, gala["uid"], "--title", "Business Night gala")
    assert edited.returncode == 0, edited.stderr
    out = tmp_path / "stored.ics"
    result = run("export", "--db", db, "-o", str(out))
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == gala["uid"])
    assert str(event["SUMMARY"]) == "Business Night gala"
    assert int(event["SEQUENCE"]) == 1


def test_an_ics_file_is_ingested_as_it_is(tmp_path: Path, news: Path) -> None:
    exported = tmp_path / "mine.ics"
    assert run("export", str(news / "a.txt"), "-o", str(exported)).returncode == 0
    original = json.loads(run("extract", "--json", str(news / "a.txt")).stdout)["events"]
    listed = run("list", str(exported))
    assert listed.returncode == 0, listed.stderr
    assert "2025-02-19" in listed.stdout
    db = str(tmp_path / "cal.db")
    result = run("ingest", "--db", db, str(exported))
    assert result.returncode == 0, result.stderr
    stored = json.loads(run("extract", "--json", "--db", db).stdout)["events"]
    day_events = [e for e in original if e["granularity"] in ("day", "time")]
    assert sorted((e["uid"], e["start"], e["title"]) for e in stored) == sorted(
        (e["uid"], e["start"], e["title"]) for e in day_events)
    assert {e["kind"] for e in stored} == {"scheduled"}


def test_a_file_named_ics_that_is_not_a_calendar_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ics"
    fake.write_text("hello\n", encoding="utf-8")
    result = run("list", str(fake))
    assert result.returncode == 1
    assert result.stderr.strip() == f"timeline: {fake}: not an iCalendar file (no BEGIN:VCALENDAR)"
