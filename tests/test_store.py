"""The SQLite store: idempotent ingest, corrections that win, and a file that never breaks.

Most tests parse with :func:`line_parse` (one event per ``title @ date`` line) so they pin
the store's behaviour whatever the real parser does; real SQLite files live in tmp_path.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from timeline.document import Document
from timeline.errors import InputError, StoreError
from timeline.event import Event, Source
from timeline.store import MIGRATIONS, SCHEMA_VERSION, Store, default_path
from timeline.store_ingest import document_identity, ingest

TESTS = Path(__file__).resolve().parent
_LINE = re.compile(r"^(?P<title>.+?) @ (?P<day>\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def line_parse(document: Document) -> list[Event]:
    """One all-day event per ``title @ YYYY-MM-DD`` line; uid from identity and position."""
    events = []
    for position, match in enumerate(_LINE.finditer(document.text)):
        digest = hashlib.sha256(f"{document_identity(document)}\0{position}".encode())
        events.append(Event(
            uid=f"{digest.hexdigest()[:24]}@test", title=match["title"],
            start=date.fromisoformat(match["day"]), end=None, granularity="day",
            kind="scheduled",
            sources=(Source(document=document.id, evidence=match[0], trigger=match["day"],
                            sentence_start=match.start(), sentence_end=match.end()),),
        ))
    return events


def article(title: str, *lines: str) -> str:
    """An article in the seed format with the given body lines."""
    return (f" date 2025-02-04 {title}\nPublished: 04 Feb. 2025, 17:55\n"
            + "\n".join(lines) + "\n")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 5) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article("Gala", "Gala dinner @ 2025-02-19",
                                          "Talks with officials @ 2025-02-20",
                                          "Trans-Pacific Dialogue @ 2025-02-21"))
    (folder / "b.txt").write_text(article("Forum", "Trade forum @ 2025-03-03"))
    return folder


def open_store(tmp_path: Path, clock: Clock) -> Store:
    return Store.open(tmp_path / "store.db", clock=clock)


def rows(store_path: Path) -> list[tuple[object, ...]]:
    """Every parsed event row, stamps included, in a stable order."""
    with sqlite3.connect(store_path) as db:
        return db.execute("SELECT uid, data, content_hash, sequence, created, last_modified, "
                          "dtstamp FROM events ORDER BY uid").fetchall()


def test_ingest_stores_documents_and_events(tmp_path: Path, corpus: Path, clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (report.read, report.new, report.added) == (2, 2, 4)
        assert store.counts() == (2, 4)
        titles = [e.title for e in store.timeline()]
    assert titles == ["Gala dinner", "Talks with officials", "Trans-Pacific Dialogue",
                      "Trade forum"]


def test_reingest_of_unchanged_documents_changes_nothing(tmp_path: Path, corpus: Path,
                                                         clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        before, stamps = rows(store.path), store.stamps()
        clock.tick()
        again = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (again.unchanged, again.added, again.updated, again.removed) == (2, 0, 0, 0)
        # Touched but identical: read and hashed, still not a change.
        os.utime(corpus / "a.txt", ns=(0, 0))
        clock.tick()
        touched = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert touched.unchanged == 2
        assert rows(store.path) == before
        assert store.stamps() == stamps


def test_unchanged_files_are_not_parsed(tmp_path: Path, corpus: Path, clock: Clock) -> None:
    calls: list[str] = []

    def counting(document: Document) -> list[Event]:
        calls.append(document.id)
        return line_parse(document)

    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=counting, workers=1)
        os.utime(corpus / "a.txt", ns=(0, 0))
        ingest(store, [str(corpus)], parse=counting, workers=1)
    assert len(calls) == 2


def test_changed_document_bumps_sequence_of_changed_events_only(
        tmp_path: Path, corpus: Path, clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        first = clock.now
        clock.tick()
        (corpus / "a.txt").write_text(article("Gala", "Gala dinner @ 2025-02-19",
                                              "Talks with officials @ 2025-02-22"))
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (report.changed, report.unchanged) == (1, 1)
        assert (report.added, report.updated, report.removed) == (0, 1, 1)
        stamps = store.stamps()
        events = {e.title: e for e in store.timeline()}
    gala, talks = stamps[events["Gala dinner"].uid], stamps[events["Talks with officials"].uid]
    assert (gala.sequence, gala.last_modified, gala.dtstamp) == (0, first, first)
    assert (talks.sequence, talks.created, talks.last_modified) == (1, first, clock.now)
    assert talks.dtstamp == clock.now
    assert events["Talks with officials"].first_day == date(2025, 2, 22)
    assert "Trans-Pacific Dialogue" not in events


def test_moved_offsets_alone_are_no_new_version(tmp_path: Path, corpus: Path,
                                                clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        (corpus / "b.txt").write_text(article("Forum", "A paragraph with no date.",
                                              "Trade forum @ 2025-03-03"))
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (report.changed, report.updated) == (1, 0)
        assert {s.sequence for s in store.stamps().values()} == {0}


def test_prune_removes_the_events_of_deleted_files(tmp_path: Path, corpus: Path,
                                                   clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        (corpus / "b.txt").unlink()
        kept = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert kept.pruned_documents == 0
        assert store.counts() == (2, 4)
        pruned = ingest(store, [str(corpus)], parse=line_parse, workers=1, prune=True)
        assert (pruned.pruned_documents, pruned.pruned_events) == (1, 1)
        assert store.counts() == (1, 3)


def test_two_workers_store_what_one_does(tmp_path: Path, corpus: Path, clock: Clock) -> None:
    for number in range(40):
        (corpus / f"extra{number:02d}.txt").write_text(
            article(f"Extra {number}", f"Event {number} @ 2025-04-{number % 28 + 1:02d}"))
    one = Store.open(tmp_path / "one.db", clock=clock)
    two = Store.open(tmp_path / "two.db", clock=clock)
    ingest(one, [str(corpus)], parse=line_parse, workers=1)
    report = ingest(two, [str(corpus)], parse=line_parse, workers=2)
    assert report.added == 44
    assert rows(one.path) == rows(two.path)
    one.close()
    two.close()


def test_events_merge_in_first_seen_document_order(tmp_path: Path, corpus: Path,
                                                   clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus / "b.txt")], parse=line_parse, workers=1)
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        sources = [Path(e.source.document).name for e in store.parsed_events()]
    assert sources == ["b.txt", "a.txt", "a.txt", "a.txt"]


def test_unreadable_file_is_reported_and_the_others_stored(tmp_path: Path, corpus: Path,
                                                           clock: Clock) -> None:
    (corpus / "empty.txt").write_text("")
    errors: list[InputError] = []
    with open_store(tmp_path, clock) as store:
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1,
                        on_error=errors.append)
        assert (report.failed, report.new) == (1, 2)
        assert "empty file" in str(errors[0])


def test_parser_crash_on_one_document_is_reported(tmp_path: Path, corpus: Path,
                                                  clock: Clock) -> None:
    def fragile(document: Document) -> list[Event]:
        if document.title == "Forum":
            raise RuntimeError("boom")
        return line_parse(document)

    errors: list[InputError] = []
    with open_store(tmp_path, clock) as store:
        report = ingest(store, [str(corpus)], parse=fragile, workers=1, on_error=errors.append)
    assert (report.failed, report.new) == (1, 1)
    assert "RuntimeError: boom" in str(errors[0])


# -- corrections ---------------------------------------------------------------------------


def test_corrections_survive_reingest(tmp_path: Path, corpus: Path, clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        events = {e.title: e for e in store.timeline()}
        store.edit(events["Gala dinner"].uid, title="Korea-U.S. Business Night gala",
                   location="Washington")
        store.hide(events["Trade forum"].uid)
        store.confirm(events["Talks with officials"].uid)
        (corpus / "a.txt").write_text(article("Gala", "Gala dinner, revised @ 2025-02-19",
                                              "Talks with officials @ 2025-02-20",
                                              "Trans-Pacific Dialogue @ 2025-02-21"))
        (corpus / "b.txt").write_text(article("Forum", "Trade forum moved @ 2025-03-04"))
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (report.changed, report.updated, report.orphaned) == (2, 2, ())
        shown = {e.uid: e for e in store.timeline()}
        everything = {e.uid: e for e in store.timeline(include_hidden=True)}
        confirmed = store.correction(events["Talks with officials"].uid)
    gala = shown[events["Gala dinner"].uid]
    assert (gala.title, gala.location) == ("Korea-U.S. Business Night gala", "Washington")
    assert events["Trade forum"].uid not in shown
    assert everything[events["Trade forum"].uid].title == "Trade forum moved"
    assert confirmed is not None
    assert confirmed.confirmed


def test_correction_of_a_vanished_event_is_kept_and_reported(tmp_path: Path, corpus: Path,
                                                             clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        uid = next(e.uid for e in store.timeline() if e.title == "Trans-Pacific Dialogue")
        store.edit(uid, start="2025-02-21", end="2025-02-22")
        (corpus / "a.txt").write_text(article("Gala", "Gala dinner @ 2025-02-19"))
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert report.orphaned == (uid,)
        assert [c.uid for c in store.orphaned_corrections()] == [uid]
        (corpus / "a.txt").write_text(article("Gala", "Gala dinner @ 2025-02-19",
                                              "Talks @ 2025-02-20",
                                              "Trans-Pacific Dialogue @ 2025-02-21"))
        back = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert back.orphaned == ()
        event = store.timeline().by_uid(uid)
    assert event is not None
    assert (event.first_day, event.last_day) == (date(2025, 2, 21), date(2025, 2, 22))


def test_edit_bumps_sequence_and_undo_reverts_without_lowering_it(
        tmp_path: Path, corpus: Path, clock: Clock) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        uid = store.timeline().events[0].uid
        clock.tick()
        edited = store.edit(uid[:10], title="Gala", start="2025-02-19T19:00",
                            tz="America/New_York")
        assert edited.granularity == "time"
        assert isinstance(edited.start, datetime)
        assert edited.start.utcoffset() == timedelta(hours=-5)
        stamp = store.stamps()[uid]
        assert (stamp.sequence, stamp.last_modified, stamp.dtstamp) == (1, clock.now, clock.now)
        store.hide(uid)
        assert store.timeline().by_uid(uid) is None
        assert store.undo_last_correction() == (uid, "hide")
        clock.tick()
        assert store.undo_last_correction() == (uid, "edit")
        event = store.timeline().by_uid(uid)
        assert event is not None
        assert event.title == "Gala dinner"
        assert store.stamps()[uid].sequence == 2
        assert store.undo_last_correction() is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": "Feb. 19"}, "bad date"),
        ({"end": "2025-02-20T10:00"}, "is a time but the start"),
        ({"end": "2025-02-01"}, "before the start"),
        ({"title": "  "}, "cannot be empty"),
        ({"tz": "Mars/Olympus"}, "unknown time zone"),
    ],
)
def test_bad_edits_are_refused_with_the_value(tmp_path: Path, corpus: Path, clock: Clock,
                                              fields: dict[str, str], message: str) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        uid = store.timeline().events[0].uid
        with pytest.raises(InputError, match=message):
            store.edit(uid, **fields)
        assert store.corrections() == []


def test_unknown_uid_is_an_input_error(tmp_path: Path, clock: Clock) -> None:
    with open_store(tmp_path, clock) as store, pytest.raises(InputError, match="no event"):
        store.hide("nope")


# -- the file itself -----------------------------------------------------------------------


def test_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    db.close()
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match="not a timeline store"):
        Store.open(foreign)
    assert foreign.read_bytes() == before
    assert not Path(f"{foreign}-wal").exists()


@pytest.mark.parametrize("content", [b"this is an article, not a database\n" * 50,
                                     b"SQLite format 3\x00" + bytes(range(256)) * 8],
                         ids=["text", "bad-sqlite-header"])
def test_corrupt_file_is_refused_and_left_alone(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(bad)
    assert "\n" not in str(caught.value)
    assert bad.read_bytes() == content


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer timeline"):
        Store.open(tmp_path / "s.db")


def test_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="timeline ingest"):
        Store.open(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_migrates_an_empty_file_from_version_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with Store.open(empty) as store:
        assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(empty) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_migrates_version_1_forward_keeping_data(tmp_path: Path, corpus: Path,
                                                 clock: Clock) -> None:
    path = tmp_path / "old.db"
    with Store.open(path, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        with sqlite3.connect(path) as db:
            db.execute("INSERT INTO documents (identity, content_hash, dct, first_seen, "
                       "last_changed) VALUES ('x', 'h', '2025-02-04T00:00:00+00:00', 't', 't')")
        db.close()
    with Store.open(path, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts() == (1, 0)
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert store.counts() == (3, 4)


def test_default_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.db"))
    assert default_path() == tmp_path / "env.db"
    monkeypatch.delenv("TIMELINE_DB")
    assert default_path().name == "timeline.db"
    assert "news-timeline" in str(default_path())


# -- processes -----------------------------------------------------------------------------

_INGEST_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_store import line_parse
    from timeline.store import Store
    from timeline.store_ingest import ingest
    store = Store.open(sys.argv[1], on_wait=lambda m: print("waiting", file=sys.stderr))
    report = ingest(store, sys.argv[2:], parse=line_parse, workers=1)
    print(report.summary())
""").format(tests=str(TESTS))


def many_articles(folder: Path, count: int, events: int) -> None:
    folder.mkdir()
    for number in range(count):
        lines = [f"Meeting {number}-{i} @ 2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
                 for i in range(events)]
        (folder / f"{number:04d}.txt").write_text(article(f"Article {number}", *lines))


def stored_documents(db: Path) -> int:
    with sqlite3.connect(db) as check:
        count = int(check.execute("SELECT count(*) FROM documents").fetchone()[0])
    check.close()
    return count


def run_ingest(db: Path, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", _INGEST_SCRIPT, str(db), *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_mid_ingest_leaves_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    many_articles(folder, 400, 60)
    db = tmp_path / "store.db"
    Store.open(db).close()
    for target in (1, 120, 260):
        process = run_ingest(db, folder)
        while stored_documents(db) < target and process.poll() is None:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        assert process.returncode == -signal.SIGKILL
        with sqlite3.connect(db) as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            per_document = check.execute(
                "SELECT count(e.uid) FROM documents d LEFT JOIN events e "
                "ON e.document_id = d.id GROUP BY d.id").fetchall()
        check.close()
        assert {n for (n,) in per_document} <= {60}
    finished = run_ingest(db, folder)
    _out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err
    with Store.open(db) as store:
        assert store.counts() == (400, 400 * 60)


def test_two_processes_ingesting_at_once_both_succeed(tmp_path: Path) -> None:
    many_articles(tmp_path / "one", 150, 20)
    many_articles(tmp_path / "two", 150, 20)
    db = tmp_path / "store.db"
    # Both start on a store that does not exist yet: creation races too.
    first = run_ingest(db, tmp_path / "one", tmp_path / "two")
    second = run_ingest(db, tmp_path / "two", tmp_path / "one")
    for process in (first, second):
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    with Store.open(db) as store:
        assert store.counts() == (300, 300 * 20)
        assert {s.sequence for s in store.stamps().values()} == {0}
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


def test_document_rewritten_by_another_ingest_meanwhile_is_parsed_again(
        tmp_path: Path, corpus: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        stale = store.file_states()
        (corpus / "b.txt").write_text(article("Forum", "Trade forum @ 2025-03-05"))
        fresh = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert fresh.changed == 1
        # A second ingest that looked before the first wrote: its snapshot is stale.
        (corpus / "b.txt").write_text(article("Forum", "Trade forum @ 2025-03-03"))
        monkeypatch.setattr(store, "file_states", lambda: {
            path: replace(state, file_size=-1) for path, state in stale.items()})
        report = ingest(store, [str(corpus)], parse=line_parse, workers=1)
        assert (report.changed, report.updated) == (1, 1)
        event = next(e for e in store.timeline() if e.title == "Trade forum")
    assert event.first_day == date(2025, 3, 3)


def test_waiting_for_another_writer_is_reported_once(tmp_path: Path, clock: Clock) -> None:
    messages: list[str] = []
    with open_store(tmp_path, clock) as first:
        second = Store.open(first.path, on_wait=messages.append, timeout=5)
        blocker = sqlite3.connect(first.path, check_same_thread=False)
        blocker.execute("BEGIN IMMEDIATE")
        threading.Timer(0.5, blocker.commit).start()
        assert second.counts() == (0, 0)
        second.prune()
        second.prune()
        blocker.close()
        second.close()
    assert len(messages) == 1
    assert "waiting" in messages[0]


def test_standard_input_is_a_document_identified_by_its_content(
        tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    text = article("Piped", "Piped summit @ 2025-05-01")
    calls: list[str] = []

    def counting(document: Document) -> list[Event]:
        calls.append(document.id)
        return line_parse(document)

    with open_store(tmp_path, clock) as store:
        for _ in range(2):
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
            report = ingest(store, ["-"], parse=counting, workers=1)
        assert (report.unchanged, store.counts()) == (1, (1, 1))
    assert calls == ["<stdin>"]


def test_a_correction_survives_a_reparse_that_would_merge_its_event_away(
        tmp_path: Path, corpus: Path, clock: Clock) -> None:
    later = corpus / "c.txt"
    later.write_text(article("Forum", "Trade forum in Busan @ 2025-03-04"))
    with open_store(tmp_path, clock) as store:
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        uid = next(e.uid for e in store.timeline() if e.title == "Trade forum in Busan")
        store.edit(uid, title="Busan trade forum (corrected)")
        # The later article now reports the same day as b.txt's forum: merging would fold
        # the corrected event into b.txt's, and the correction would vanish with its uid.
        later.write_text(article("Forum", "Trade forum @ 2025-03-03"))
        os.utime(later, (time.time() + 5, time.time() + 5))
        ingest(store, [str(corpus)], parse=line_parse, workers=1)
        titles = {e.uid: e.title for e in store.timeline()}
    assert titles[uid] == "Busan trade forum (corrected)"


# -- the window: the first screen's days, read without decoding the rest ---------------

_SPAN = re.compile(r"^(?P<title>.+?) @ (?P<day>\d{4}-\d{2}-\d{2})(?:\.\.(?P<end>\S+))?$",
                   re.MULTILINE)


def span_parse(document: Document) -> list[Event]:
    """Like :func:`line_parse`, with ``title @ START..END`` for multi-day events."""
    events = []
    for position, match in enumerate(_SPAN.finditer(document.text)):
        digest = hashlib.sha256(f"{document_identity(document)}\0{position}".encode())
        end = date.fromisoformat(match["end"]) if match["end"] else None
        events.append(Event(
            uid=f"{digest.hexdigest()[:24]}@test", title=match["title"],
            start=date.fromisoformat(match["day"]), end=end, granularity="day",
            kind="scheduled",
            sources=(Source(document=document.id, evidence=match[0], trigger=match["day"]),),
        ))
    return events


@pytest.fixture
def months(tmp_path: Path) -> Path:
    """Three articles over Jan-Mar 2025: one event a day each, reports that merge, a span."""
    folder = tmp_path / "months"
    folder.mkdir()
    first = date(2025, 1, 1)
    for name, offset in (("a", 0), ("b", 1), ("c", 2)):
        lines = [f"Story {name}{n} talks @ {first + timedelta(days=3 * n + offset)}"
                 for n in range(30)]
        lines.append(f"Summit of leaders @ {first + timedelta(days=40)}")  # merges 3 ways
        (folder / f"{name}.txt").write_text(article(name, *lines), encoding="utf-8")
    (folder / "d.txt").write_text(article(
        "d", "Long exhibition @ 2025-01-05..2025-03-20", "Expo week @ 2025-02-08..2025-02-14"),
        encoding="utf-8")
    return folder


def expected_window(store: Store, day: date, around: int) -> list[Event]:
    """What :meth:`Store.window` must give, from the whole timeline and the raw days."""
    raw = sorted(e.first_day for e in store.parsed_events())
    before = [d for d in raw if d < day]
    after = [d for d in raw if d >= day]
    low = before[-(around + 1)] if len(before) > around else date.min
    high = after[around] if len(after) > around else date.max
    return [e for e in store.timeline() if e.last_day >= low and e.first_day <= high]


@pytest.mark.parametrize(("day", "around"), [
    (date(2025, 2, 10), 5),
    (date(2025, 2, 10), 0),
    (date(2025, 1, 3), 5),
    (date(2025, 3, 30), 5),
    (date(2025, 2, 15), 20),
])
def test_window_is_the_timeline_on_its_days(tmp_path: Path, months: Path, clock: Clock,
                                            day: date, around: int) -> None:
    with Store.open(tmp_path / "w.db", clock=clock) as store:
        ingest(store, [str(months)], parse=span_parse, workers=1)
        window, complete = store.window(day, around=around)
        assert not complete
        assert list(window) == expected_window(store, day, around)
        assert 0 < len(window) < len(store.timeline())


def test_window_keeps_merges_and_spans_begun_earlier(tmp_path: Path, months: Path,
                                                     clock: Clock) -> None:
    with Store.open(tmp_path / "w.db", clock=clock) as store:
        ingest(store, [str(months)], parse=span_parse, workers=1)
        window, _ = store.window(date(2025, 2, 10), around=3)
    titles = {e.title: e for e in window}
    assert len(titles["Summit of leaders"].sources) == 3
    assert "Long exhibition" in titles  # began on Jan 5, still running
    assert "Expo week" in titles


def test_window_of_a_small_store_is_all_of_it(tmp_path: Path, months: Path,
                                              clock: Clock) -> None:
    with Store.open(tmp_path / "w.db", clock=clock) as store:
        assert store.window(date(2025, 2, 10)) == (store.timeline(), True)
        ingest(store, [str(months)], parse=span_parse, workers=1)
        window, complete = store.window(date(2025, 2, 10))
        assert complete
        assert window == store.timeline()


def test_window_shows_corrections_at_once(tmp_path: Path, months: Path, clock: Clock) -> None:
    day = date(2025, 2, 10)
    with Store.open(tmp_path / "w.db", clock=clock) as store:
        ingest(store, [str(months)], parse=span_parse, workers=1)
        window, _ = store.window(day, around=3)
        far = next(e for e in store.timeline() if e.title == "Story a0 talks")
        near = next(e for e in window if e.title.startswith("Story"))
        assert far not in window
        store.edit(far.uid, title="Moved here", start="2025-02-10")
        store.hide(near.uid)
        store.confirm(next(e for e in window if e.uid != near.uid).uid)
        window, _ = store.window(day, around=3)
        assert list(window) == expected_window(store, day, 3)
        assert [e.title for e in window if e.uid == far.uid] == ["Moved here"]
        assert near.uid not in {e.uid for e in window}
        store.edit(far.uid, start="2025-03-30")  # and out again
        window, _ = store.window(day, around=3)
        assert far.uid not in {e.uid for e in window}
        assert list(window) == expected_window(store, day, 3)


def test_migrates_version_2_filling_event_days(tmp_path: Path, months: Path,
                                               clock: Clock) -> None:
    path = tmp_path / "v2.db"
    with Store.open(path, clock=clock) as store:
        ingest(store, [str(months)], parse=span_parse, workers=1)
        whole = store.timeline()
    with sqlite3.connect(path) as db:  # back to the version 2 schema, data kept
        db.execute("DROP TABLE uid_aliases")
        db.execute("DROP INDEX events_days")
        db.execute("ALTER TABLE events DROP COLUMN first_day")
        db.execute("ALTER TABLE events DROP COLUMN last_day")
        db.execute("DROP TABLE fetches")
        db.execute("PRAGMA user_version = 2")
    db.close()
    with Store.open(path, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        assert store.timeline() == whole
        window, complete = store.window(date(2025, 2, 10), around=4)
        assert not complete
        assert list(window) == expected_window(store, date(2025, 2, 10), 4)
    with sqlite3.connect(path) as db:
        spans = dict(db.execute("SELECT first_day, last_day FROM events "
                                "WHERE first_day = '2025-01-05'").fetchall())
    db.close()
    assert spans == {"2025-01-05": "2025-03-20"}


def test_decoded_events_are_kept_until_the_events_change(tmp_path: Path, months: Path,
                                                         corpus: Path, clock: Clock) -> None:
    path = tmp_path / "c.db"
    with Store.open(path, clock=clock) as store:
        ingest(store, [str(months)], parse=span_parse, workers=1)
        first = store.parsed_events()
        assert store.parsed_events() == first
        assert store.parsed_events()[0] is first[0]  # not decoded again
        store.hide(first[0].uid)  # corrections leave the parsed events as they are
        assert store.parsed_events()[0] is first[0]
        ingest(store, [str(corpus)], parse=line_parse, workers=1)  # a write here
        assert len(store.parsed_events()) == len(first) + 4
        with Store.open(path, clock=clock) as other:  # a write by another connection
            other.prune(exists=lambda name: "months" not in name)
        assert len(store.parsed_events()) == 4
        assert first[0].uid not in {e.uid for e in store.timeline(include_hidden=True)}
