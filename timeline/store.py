"""The SQLite store: documents, their parsed events and the user's corrections, in one file.

Parsed data (``documents``, ``events``) is replaced by every re-parse; corrections
(``corrections``, ``correction_log``) are the user's and are never touched by ingest, so a
correction always wins and survives the event it was made on. The file is claimed with an
``application_id`` so that a foreign or corrupt file is refused instead of overwritten, and
its schema moves forward only, through :data:`MIGRATIONS` and ``PRAGMA user_version``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from timeline.errors import InputError, StoreError
from timeline.event import (
    EARLIEST,
    LATEST,
    Event,
    day_of,
    in_bounds,
    parse_when,
    period_last_day,
)
from timeline.merge import merge
from timeline.query import Query, parse_query
from timeline.shortid import resolve
from timeline.timeline import Timeline

#: ``PRAGMA application_id`` of a timeline store: "TLNS" in ASCII.
APPLICATION_ID = 0x544C4E53
ENV_VAR = "TIMELINE_DB"
APP_NAME = "news-timeline"
DB_NAME = "timeline.db"
#: How long a writer waits for another process's write transaction before giving up.
DEFAULT_TIMEOUT = 120.0
#: The first wait is short so the caller can say it is waiting before waiting longer.
_FIRST_WAIT_MS = 200
EDITABLE = ("title", "start", "end", "location", "tz")

Clock = Callable[[], datetime]

#: Forward migrations: ``MIGRATIONS[n]`` takes a store from version ``n`` to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: documents, parsed events, corrections.
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- first-seen order; never reused
        identity TEXT NOT NULL UNIQUE,         -- URL, absolute path or <stdin>:hash
        path TEXT,                             -- absolute path of a file, else NULL
        url TEXT,
        content_hash TEXT NOT NULL,
        dct TEXT NOT NULL,
        title TEXT,
        first_seen TEXT NOT NULL,
        last_changed TEXT NOT NULL
    );
    CREATE INDEX documents_path ON documents(path);
    CREATE TABLE events (
        uid TEXT PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,                    -- Event.to_json()
        content_hash TEXT NOT NULL,
        sequence INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        dtstamp TEXT NOT NULL
    );
    CREATE INDEX events_document ON events(document_id, position);
    CREATE TABLE corrections (
        uid TEXT PRIMARY KEY,                  -- no foreign key: it outlives its event
        edits TEXT NOT NULL DEFAULT '{}',
        hidden INTEGER NOT NULL DEFAULT 0,
        confirmed INTEGER NOT NULL DEFAULT 0,
        edit_count INTEGER NOT NULL DEFAULT 0, -- SEQUENCE bumps from edits
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        edited TEXT
    );
    """,
    # 1 -> 2: an undo log of corrections, and file stats so unchanged files are not read.
    """
    CREATE TABLE correction_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL,
        action TEXT NOT NULL,
        previous TEXT,                         -- the correction row before, NULL if none
        at TEXT NOT NULL
    );
    ALTER TABLE documents ADD COLUMN file_size INTEGER;
    ALTER TABLE documents ADD COLUMN file_mtime_ns INTEGER;
    ALTER TABLE documents ADD COLUMN read_options TEXT;
    """,
    # 2 -> 3: each event's first and last calendar day, so a window of days is one indexed
    # query (the browser's first screen); rows of older stores are filled in on opening.
    """
    ALTER TABLE events ADD COLUMN first_day TEXT;
    ALTER TABLE events ADD COLUMN last_day TEXT;
    CREATE INDEX events_days ON events(first_day, last_day);
    """,
    # 3 -> 4: the validators of fetched URLs, so an unchanged page is not downloaded again.
    """
    CREATE TABLE fetches (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched TEXT NOT NULL
    );
    """,
    # 4 -> 5: UIDs come from content, no longer from position; an event a re-parse names
    # anew keeps the UID it was stored and served under, so subscribers see no duplicate.
    """
    CREATE TABLE uid_aliases (
        alias TEXT PRIMARY KEY,                -- a UID the parser gives
        uid TEXT NOT NULL                      -- the UID the event is stored under
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
#: The schema version that brought ``events.first_day`` and ``events.last_day``.
_DAYS_VERSION = 3


def utc_now() -> datetime:
    """The ingest clock: now, in UTC, to the second (what iCalendar stamps can hold)."""
    return datetime.now(UTC).replace(microsecond=0)


def default_path() -> Path:
    """Where the store lives without ``--db``: ``$TIMELINE_DB``, else the user data dir."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only needed when no path is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_NAME


def resolve_path(db: str | os.PathLike[str] | None) -> Path:
    """The store path for a ``--db`` value (None means the default)."""
    return default_path() if db is None else Path(db).expanduser()


@dataclass(frozen=True, slots=True, kw_only=True)
class Stamp:
    """What a calendar needs to know an event changed: iCalendar SEQUENCE and its times."""

    sequence: int
    created: datetime
    last_modified: datetime
    dtstamp: datetime
    confirmed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """A user's fix to one event: field edits, hidden, confirmed."""

    uid: str
    edits: dict[str, str | None] = field(default_factory=dict)
    hidden: bool = False
    confirmed: bool = False
    edit_count: int = 0
    created: datetime | None = None
    updated: datetime | None = None
    edited: datetime | None = None

    def apply(self, event: Event) -> Event:
        """The event with the field edits applied (``hidden`` is the caller's business)."""
        if not self.edits:
            return event
        return apply_edits(event, self.edits)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedEvent:
    """One event as ingest stores it: its JSON and the hash of its calendar content."""

    uid: str
    position: int
    data: str
    content_hash: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedDocument:
    """A document ready to write; ``events`` is None when its content hash is unchanged."""

    identity: str
    path: str | None
    url: str | None
    content_hash: str
    dct: str
    title: str | None
    file_size: int | None = None
    file_mtime_ns: int | None = None
    read_options: str | None = None
    events: tuple[ParsedEvent, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileState:
    """What the store remembers of a file, to skip reading it when it has not changed."""

    content_hash: str
    file_size: int | None
    file_mtime_ns: int | None
    read_options: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentChange:
    """What writing one document did."""

    status: str  # "new", "changed", "unchanged", or "retry": parse it, the store moved on
    added: int = 0
    updated: int = 0
    removed: int = 0


class Store:
    """An open store file. Use :meth:`open`; every write runs in its own transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, clock: Clock,
                 timeout: float, on_wait: Callable[[str], None] | None) -> None:
        self._db = connection
        self.path = path
        self.clock = clock
        self.timeout = timeout
        self.on_wait = on_wait
        self._waited = False
        #: Bumped by every write of parsed data through this connection.
        self._generation = 0
        self._parsed: tuple[tuple[int, int], list[Event]] | None = None

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, create: bool = True,
             clock: Clock = utc_now, timeout: float = DEFAULT_TIMEOUT,
             on_wait: Callable[[str], None] | None = None,
             migrations: tuple[str, ...] = MIGRATIONS) -> Store:
        """Open (or with ``create`` make) the store at ``path``, migrating it forward.

        Raises :class:`StoreError` for a missing store (without ``create``), a file that is
        not a timeline store, a corrupt file, or one written by a newer version.
        ``migrations`` exists so tests can build stores of older versions.
        """
        target = resolve_path(path)
        if target.is_dir():
            raise StoreError(f"{target}: is a directory, not a store file")
        if not target.exists():
            if not create:
                raise StoreError(f"{target}: no store here (run `timeline ingest PATH` first)")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{target}: cannot create its folder: {exc.strerror}") from None
        try:
            connection = sqlite3.connect(target, timeout=timeout, isolation_level=None,
                                         check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{target}: cannot open: {exc}") from None
        store = cls(connection, target, clock=clock, timeout=timeout, on_wait=on_wait)
        try:
            store._claim_when_free(migrations)
        except sqlite3.OperationalError as exc:
            connection.close()
            raise StoreError(f"{target}: {_write_problem(exc)}") from None
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError(f"{target}: not a timeline store or corrupt ({exc})") from None
        except StoreError:
            connection.close()
            raise
        return store

    def _claim_when_free(self, migrations: tuple[str, ...]) -> None:
        """Claim the file, trying again while another process holds it.

        Two processes that create one store at once can meet SQLite's immediate "database
        is locked" (switching to WAL, or a lock upgrade it refuses rather than deadlock),
        which no busy timeout waits out; that is a wait, never a corrupt file.
        """
        deadline = time.monotonic() + self.timeout
        pause = 0.02
        while True:
            try:
                self._claim(migrations)
                return
            except sqlite3.OperationalError as exc:
                locked = "locked" in str(exc) or "busy" in str(exc)
                if not locked or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _claim(self, migrations: tuple[str, ...]) -> None:
        """Check the file is ours (or empty) before anything writes to it, then migrate."""
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            raise StoreError(f"{self.path}: not a timeline store (a foreign SQLite file); "
                             "give another --db")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: written by a newer timeline (schema {version}, "
                             f"this one knows {len(MIGRATIONS)})")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        if version < len(migrations):
            with self._write():
                # Re-read under the lock: another process may have migrated meanwhile.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                for number in range(version, len(migrations)):
                    for statement in _statements(migrations[number]):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {number + 1}")
                if version < _DAYS_VERSION <= len(migrations):
                    _fill_days(db)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        """Close the file (a checkpoint folds the WAL back in when we are the last user)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The ``user_version`` of the file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so it never deadlocks.

        When another process holds the write lock, ``on_wait`` hears about it once and the
        transaction waits up to ``timeout`` seconds.
        """
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {_FIRST_WAIT_MS}")
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise StoreError(f"{self.path}: cannot write: {exc}") from None
            if self.on_wait is not None and not self._waited:
                self._waited = True  # say it once, not at every document
                self.on_wait(f"{self.path}: another process is writing; waiting for it")
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as again:
                raise StoreError(f"{self.path}: still locked by another process after "
                                 f"{self.timeout:.0f} s ({again})") from None
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        try:
            yield db
        except sqlite3.Error as exc:  # a read-only file, a full disk: one line, not a trace
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {_write_problem(exc)}") from None
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            try:
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back itself
                    db.execute("ROLLBACK")
                raise StoreError(f"{self.path}: {_write_problem(exc)}") from None

    def _read(self, sql: str, parameters: Iterable[Any] = ()) -> list[Any]:
        try:
            return self._db.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read: {exc}") from None

    # -- documents and parsed events ------------------------------------------------------

    def file_states(self) -> dict[str, FileState]:
        """Every stored file by absolute path, for ingest's skip-unchanged test."""
        rows = self._read("SELECT path, content_hash, file_size, file_mtime_ns, read_options "
                          "FROM documents WHERE path IS NOT NULL")
        return {path: FileState(content_hash=h, file_size=size, file_mtime_ns=mtime,
                                read_options=options)
                for path, h, size, mtime, options in rows}

    def write_document(self, parsed: ParsedDocument, *, force: bool = False) -> DocumentChange:
        """Store one parsed document in one transaction.

        Unchanged content changes nothing (only the remembered file stats); changed content
        replaces its events: an event whose content hash differs gets SEQUENCE + 1 and new
        LAST-MODIFIED/DTSTAMP, an unchanged one keeps all three, a vanished one is removed.
        ``force`` rewrites the events of unchanged content too (after a parser upgrade).
        A document sent without events whose stored hash moved meanwhile (another process
        wrote it) comes back as "retry".
        """
        now = _text(self.clock())
        self._generation += 1
        with self._write() as db:
            row = db.execute("SELECT id, content_hash FROM documents WHERE identity = ?",
                             (parsed.identity,)).fetchone()
            stats = (parsed.file_size, parsed.file_mtime_ns, parsed.read_options)
            same = row is not None and row[1] == parsed.content_hash
            if parsed.events is None and not same:
                return DocumentChange(status="retry")
            if same and (parsed.events is None or not force):
                db.execute("UPDATE documents SET path = ?, file_size = ?, file_mtime_ns = ?, "
                           "read_options = ? WHERE id = ?", (parsed.path, *stats, row[0]))
                return DocumentChange(status="unchanged")
            events = parsed.events or ()
            if row is None:
                document_id = db.execute(
                    "INSERT INTO documents (identity, path, url, content_hash, dct, title, "
                    "first_seen, last_changed, file_size, file_mtime_ns, read_options) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (parsed.identity, parsed.path, parsed.url, parsed.content_hash, parsed.dct,
                     parsed.title, now, now, *stats),
                ).lastrowid
                old: dict[str, tuple[str, int]] = {}
            else:
                document_id = row[0]
                db.execute(
                    "UPDATE documents SET path = ?, url = ?, content_hash = ?, dct = ?, "
                    "title = ?, last_changed = ?, file_size = ?, file_mtime_ns = ?, "
                    "read_options = ? WHERE id = ?",
                    (parsed.path, parsed.url, parsed.content_hash, parsed.dct, parsed.title,
                     now, *stats, document_id),
                )
                old = {uid: (h, seq) for uid, h, seq in db.execute(
                    "SELECT uid, content_hash, sequence FROM events WHERE document_id = ?",
                    (document_id,))}
            known = _known_as_before(db, events, old)
            added = updated = 0
            seen: set[str] = set()
            for event in known:
                seen.add(event.uid)
                previous = old.get(event.uid)
                if previous is None:
                    added += 1
                    # ON CONFLICT: a uid another document held moves here, never duplicates.
                    db.execute(
                        "INSERT INTO events (uid, document_id, position, data, content_hash, "
                        "sequence, created, last_modified, dtstamp, first_day, last_day) "
                        "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT(uid) DO UPDATE SET "
                        "document_id = excluded.document_id, position = excluded.position, "
                        "data = excluded.data, content_hash = excluded.content_hash, "
                        "sequence = sequence + 1, last_modified = excluded.last_modified, "
                        "dtstamp = excluded.dtstamp, first_day = excluded.first_day, "
                        "last_day = excluded.last_day",
                        (event.uid, document_id, event.position, event.data,
                         event.content_hash, now, now, now, *_days_of(event.data)),
                    )
                elif previous[0] != event.content_hash:
                    updated += 1
                    db.execute(
                        "UPDATE events SET position = ?, data = ?, content_hash = ?, "
                        "sequence = sequence + 1, last_modified = ?, dtstamp = ?, "
                        "first_day = ?, last_day = ? WHERE uid = ?",
                        (event.position, event.data, event.content_hash, now, now,
                         *_days_of(event.data), event.uid),
                    )
                else:
                    # Same calendar content; offsets may have moved, stamps stay.
                    db.execute("UPDATE events SET position = ?, data = ?, first_day = ?, "
                               "last_day = ? WHERE uid = ?",
                               (event.position, event.data, *_days_of(event.data), event.uid))
            vanished = [uid for uid in old if uid not in seen]
            db.executemany("DELETE FROM events WHERE uid = ?", [(uid,) for uid in vanished])
            return DocumentChange(status="new" if row is None else "changed", added=added,
                                  updated=updated, removed=len(vanished))

    def fetch_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a URL last answered with (None, None if never)."""
        rows = self._read("SELECT etag, last_modified FROM fetches WHERE url = ?", (url,))
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def remember_fetch(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a URL's validators once everything read from it is stored."""
        with self._write() as db:
            db.execute("INSERT INTO fetches (url, etag, last_modified, fetched) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                       "etag = excluded.etag, last_modified = excluded.last_modified, "
                       "fetched = excluded.fetched",
                       (url, etag, last_modified, _text(self.clock())))

    def stored_uid(self, uid: str) -> str:
        """The UID an event is stored under, given any UID a parse gave it."""
        rows = self._read("SELECT uid FROM uid_aliases WHERE alias = ?", (uid,))
        return str(rows[0][0]) if rows else uid

    def content_hash(self, identity: str) -> str | None:
        """The stored content hash of a document, if it is stored."""
        rows = self._read("SELECT content_hash FROM documents WHERE identity = ?", (identity,))
        return str(rows[0][0]) if rows else None

    def prune(self, exists: Callable[[str], bool] = os.path.exists) -> tuple[int, int]:
        """Remove the documents whose file is gone, and their events.

        Returns (documents, events) removed. Documents without a file (URLs, stdin) stay.
        """
        self._generation += 1
        with self._write() as db:
            gone = [(doc_id,) for doc_id, path in
                    db.execute("SELECT id, path FROM documents WHERE path IS NOT NULL")
                    if not exists(path)]
            events = 0
            for (doc_id,) in gone:
                events += db.execute("DELETE FROM events WHERE document_id = ?",
                                     (doc_id,)).rowcount
            db.executemany("DELETE FROM documents WHERE id = ?", gone)
        return len(gone), events

    def counts(self) -> tuple[int, int]:
        """(documents, parsed events) in the store."""
        documents = self._read("SELECT count(*) FROM documents")[0][0]
        events = self._read("SELECT count(*) FROM events")[0][0]
        return int(documents), int(events)

    def parsed_events(self) -> list[Event]:
        """Every parsed event, uncorrected and unmerged, in first-seen document order.

        The decoded events are kept until the parsed data changes (a write here, or any
        commit by another process), so that re-showing the timeline after a correction
        does not decode every event again.
        """
        version = (self._read("PRAGMA data_version")[0][0], self._generation)
        if self._parsed is None or self._parsed[0] != version:
            self._parsed = (version, self._parsed_where())
        return list(self._parsed[1])

    def _parsed_where(self, where: str = "", parameters: Iterable[Any] = ()) -> list[Event]:
        rows = self._read("SELECT e.data FROM events e JOIN documents d ON d.id = e.document_id "
                          f"{where} ORDER BY d.id, e.position", parameters)
        origin = str(self.path)
        loads, from_json = json.loads, Event.from_json
        events: list[Event] = []
        for (data,) in rows:
            try:
                events.append(from_json(loads(data), origin=origin))
            except (InputError, ValueError):
                continue  # a row an older version stored out of bounds: no view may fail on it
        return events

    def stamps(self) -> dict[str, Stamp]:
        """uid -> SEQUENCE, CREATED, LAST-MODIFIED, DTSTAMP (and confirmed), for the exporter.

        An edit counts as a change of content: it adds to SEQUENCE and moves LAST-MODIFIED
        and DTSTAMP to the time of the edit.
        """
        rows = self._read(
            "SELECT e.uid, e.sequence + coalesce(c.edit_count, 0), e.created, e.last_modified, "
            "e.dtstamp, c.edited, coalesce(c.confirmed, 0) "
            "FROM events e LEFT JOIN corrections c ON c.uid = e.uid")
        stamps: dict[str, Stamp] = {}
        for uid, sequence, created, modified, dtstamp, edited, confirmed in rows:
            stamps[uid] = Stamp(
                sequence=sequence,
                created=_time(created),
                last_modified=_time(max(modified, edited or "")),
                dtstamp=_time(max(dtstamp, edited or "")),
                confirmed=bool(confirmed),
            )
        return stamps

    def timeline(self, query: Query | str | None = None, *, include_hidden: bool = False,
                 merged: bool = True) -> Timeline:
        """The stored events merged across documents, corrected, and filtered by ``query``.

        Merging runs in first-seen document order so an event keeps the uid of the article
        that reported it first (``merged=False`` keeps each article's events apart);
        corrections apply by uid; hidden events are left out unless ``include_hidden``.
        """
        return Timeline.of(self._assemble(self.parsed_events(), query,
                                          include_hidden=include_hidden, merged=merged))

    def window(self, day: date, *, around: int = 500,
               query: Query | str | None = None) -> tuple[Timeline, bool]:
        """The part of :meth:`timeline` on the days around ``day``: a first screen, quickly.

        The window runs from the day of the ``around``-th event before ``day`` to that of
        the ``around``-th event from ``day`` on; its events are exactly the events of
        :meth:`timeline` that overlap those days, with the same merging and corrections,
        but only they are decoded. Returns (timeline, complete): ``complete`` is True when
        the window holds every stored day, so the timeline is the whole one.
        """
        key = day.isoformat()
        before = self._read("SELECT first_day FROM events WHERE first_day < ? "
                            "ORDER BY first_day DESC LIMIT 1 OFFSET ?", (key, around))
        after = self._read("SELECT first_day FROM events WHERE first_day >= ? "
                           "ORDER BY first_day LIMIT 1 OFFSET ?", (key, around))
        if not before and not after:
            return self.timeline(query), True
        low = str(before[0][0]) if before else date.min.isoformat()
        high = str(after[0][0]) if after else date.max.isoformat()
        # A merge group shares start day, granularity and end, so it lies wholly inside or
        # outside the window; corrected events are always read, as an edit may move them.
        parsed = self._parsed_where(
            "WHERE (e.first_day IS NULL OR (e.first_day <= ? AND e.last_day >= ?)) "
            "OR e.uid IN (SELECT uid FROM corrections)", (high, low))
        first, last = date.fromisoformat(low), date.fromisoformat(high)
        events = [e for e in self._assemble(parsed, query)
                  if e.last_day >= first and e.first_day <= last]
        return Timeline.of(events), False

    def _assemble(self, parsed: list[Event], query: Query | str | None, *,
                  include_hidden: bool = False, merged: bool = True) -> list[Event]:
        """Parsed events corrected, merged, without the hidden ones, filtered by ``query``."""
        matcher = parse_query(query) if isinstance(query, str) else (query or Query())
        corrections = {c.uid: c for c in self.corrections()}
        hidden = {uid for uid, c in corrections.items() if c.hidden and not include_hidden}
        # Corrections apply before merging, and a corrected event never folds into another
        # article's event, so no later article can make a user's fix disappear.
        corrected = [_corrected(e, corrections.get(e.uid)) for e in parsed]
        grouped = merge(corrected, pinned=frozenset(corrections)) if merged else corrected
        return [e for e in grouped if e.uid not in hidden and matcher.matches(e)]

    # -- corrections ---------------------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """Every correction, oldest first."""
        rows = self._read("SELECT uid, edits, hidden, confirmed, edit_count, created, updated, "
                          "edited FROM corrections ORDER BY created, uid")
        return [_correction(row) for row in rows]

    def correction(self, uid: str) -> Correction | None:
        """The correction of one event, if any."""
        rows = self._read("SELECT uid, edits, hidden, confirmed, edit_count, created, updated, "
                          "edited FROM corrections WHERE uid = ?", (uid,))
        return _correction(rows[0]) if rows else None

    def orphaned_corrections(self) -> list[Correction]:
        """Corrections whose event no longer exists: kept, in case it comes back."""
        rows = self._read(
            "SELECT uid, edits, hidden, confirmed, edit_count, created, updated, edited "
            "FROM corrections c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.uid = c.uid) "
            "ORDER BY created, uid")
        return [_correction(row) for row in rows]

    def resolve_uid(self, text: str) -> str:
        """The uid of a stored event given its uid or its short ID (see :mod:`timeline.shortid`)."""
        text = self.stored_uid(text)
        if self._read("SELECT 1 FROM events WHERE uid = ?", (text,)):
            return text
        if self._read("SELECT 1 FROM corrections WHERE uid = ?", (text,)):
            return text
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read("SELECT uid FROM events WHERE uid LIKE ? ESCAPE '\\' LIMIT 6",
                          (escaped + "%",))
        if not rows:
            raise InputError("UID", f"no event with uid {text!r} in {self.path}")
        return resolve(text, (str(uid) for (uid,) in rows))

    def edit(self, uid: str, **fields: str | None) -> Event:
        """Change fields of an event (``title``, ``start``, ``end``, ``location``, ``tz``).

        An empty string or None clears ``end``, ``location`` or ``tz``. A new ``start``
        sets the granularity its shape implies (``2025-02``: month). The edit is checked
        against the event and bumps its SEQUENCE. Returns the corrected event.
        """
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise InputError("edit", f"cannot edit {', '.join(unknown)} "
                                     f"(editable: {', '.join(EDITABLE)})")
        uid = self.resolve_uid(uid)
        event = self._current(uid)
        current = self.correction(uid)
        edits = dict(current.edits) if current else {}
        for name, value in fields.items():
            edits[name] = value or None
        if "title" in edits and not (edits["title"] or "").strip():
            raise InputError("--title", "a title cannot be empty")
        if edits.get("start") is None and "start" in edits:
            raise InputError("--start", "a start cannot be empty")
        corrected = apply_edits(event, edits)
        self._set_correction(uid, "edit", edits=edits, bump=True)
        return corrected

    def hide(self, uid: str, hidden: bool = True) -> str:
        """Hide an event from every view and export (or show it again); returns its uid."""
        uid = self.resolve_uid(uid)
        self._set_correction(uid, "hide" if hidden else "show", hidden=hidden)
        return uid

    def confirm(self, uid: str, confirmed: bool = True) -> str:
        """Mark an event as checked by a person; returns its uid."""
        uid = self.resolve_uid(uid)
        self._set_correction(uid, "confirm" if confirmed else "unconfirm", confirmed=confirmed)
        return uid

    def undo_last_correction(self) -> tuple[str, str] | None:
        """Revert the latest edit, hide or confirm; returns (uid, action) or None.

        Reverting an edit is itself a change a calendar must see, so it bumps SEQUENCE
        again rather than lowering it.
        """
        now = _text(self.clock())
        with self._write() as db:
            row = db.execute("SELECT id, uid, action, previous FROM correction_log "
                             "ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                return None
            log_id, uid, action, previous = row
            state: dict[str, Any] = json.loads(previous) if previous else {
                "edits": {}, "hidden": False, "confirmed": False}
            db.execute("DELETE FROM correction_log WHERE id = ?", (log_id,))
            bump = 1 if action == "edit" else 0
            db.execute(
                "UPDATE corrections SET edits = ?, hidden = ?, confirmed = ?, "
                "edit_count = edit_count + ?, updated = ?, "
                "edited = CASE WHEN ? THEN ? ELSE edited END WHERE uid = ?",
                (json.dumps(state["edits"]), int(state["hidden"]), int(state["confirmed"]),
                 bump, now, bump, now, uid),
            )
            # A correction that is back to nothing and never bumped SEQUENCE can go.
            db.execute("DELETE FROM corrections WHERE uid = ? AND edits = '{}' AND hidden = 0 "
                       "AND confirmed = 0 AND edit_count = 0", (uid,))
            return str(uid), str(action)

    def _current(self, uid: str) -> Event:
        """The merged, corrected event with this uid (hidden or not)."""
        event = self.timeline(include_hidden=True).by_uid(uid)
        if event is None:
            raise InputError("UID", f"event {uid!r} is no longer in {self.path} (its article "
                                    "changed); its correction is kept")
        return event

    def _set_correction(self, uid: str, action: str, *, edits: dict[str, str | None] | None = None,
                        hidden: bool | None = None, confirmed: bool | None = None,
                        bump: bool = False) -> None:
        now = _text(self.clock())
        with self._write() as db:
            row = db.execute("SELECT edits, hidden, confirmed FROM corrections WHERE uid = ?",
                             (uid,)).fetchone()
            previous = None if row is None else json.dumps(
                {"edits": json.loads(row[0]), "hidden": bool(row[1]), "confirmed": bool(row[2])})
            if row is None:
                db.execute("INSERT INTO corrections (uid, created, updated) VALUES (?, ?, ?)",
                           (uid, now, now))
            if edits is not None:
                db.execute("UPDATE corrections SET edits = ? WHERE uid = ?",
                           (json.dumps(edits, sort_keys=True), uid))
            if hidden is not None:
                db.execute("UPDATE corrections SET hidden = ? WHERE uid = ?", (int(hidden), uid))
            if confirmed is not None:
                db.execute("UPDATE corrections SET confirmed = ? WHERE uid = ?",
                           (int(confirmed), uid))
            db.execute("UPDATE corrections SET updated = ?, edit_count = edit_count + ?, "
                       "edited = CASE WHEN ? THEN ? ELSE edited END WHERE uid = ?",
                       (now, int(bump), int(bump), now, uid))
            db.execute("INSERT INTO correction_log (uid, action, previous, at) "
                       "VALUES (?, ?, ?, ?)", (uid, action, previous, now))


_SHAPES = (
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-W\d{2}"), "week"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "time"),
)


def granularity_of(text: str) -> str:
    """The granularity a date string's shape implies (``2025-02`` is a month)."""
    for pattern, granularity in _SHAPES:
        if pattern.fullmatch(text.strip()):
            return granularity
    raise InputError("date", f"bad date {text!r} (use YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD "
                             "or YYYY-MM-DDTHH:MM)")


def apply_edits(event: Event, edits: dict[str, str | None]) -> Event:
    """The event with field edits applied, checked: shapes agree and the end is not early."""
    data = event.to_json()
    data.update(edits)
    if edits.get("start"):
        data["granularity"] = granularity_of(str(edits["start"]))
    if data.get("end"):
        end_shape = granularity_of(str(data["end"]))
        if end_shape != data["granularity"]:
            raise InputError("--end", f"end {data['end']!r} is a {end_shape} but the start "
                                      f"{data['start']!r} is a {data['granularity']}")
    if data.get("tz"):
        try:
            parse_when("2000-01-01T00:00", str(data["tz"]))
        except ValueError as exc:
            raise InputError("--tz", str(exc)) from None
    for name in ("start", "end"):
        if data.get(name):
            try:
                day = day_of(parse_when(str(data[name]), None))
            except ValueError as exc:
                raise InputError(f"--{name}", str(exc)) from None
            if not in_bounds(period_last_day(day, data["granularity"])) or not in_bounds(day):
                raise InputError(f"--{name}", f"{data[name]} is outside the days a calendar "
                                              f"can hold ({EARLIEST} to {LATEST})")
    corrected = Event.from_json(data, origin="edit")
    if corrected.end is not None and corrected.last_day < corrected.first_day:
        raise InputError("--end", f"end {data['end']!r} is before the start {data['start']!r}")
    return corrected


def event_hash(data: dict[str, Any]) -> str:
    """The hash of what a calendar shows of an event: its JSON without character offsets.

    Offsets move when an earlier paragraph is edited; that alone is no new version. Which
    rule gave the DCT its zone is no content either (the DCT itself is).
    """
    text = json.dumps(_calendar_content(data), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _calendar_content(data: dict[str, Any]) -> dict[str, Any]:
    content = dict(data)
    content["sources"] = [{k: v for k, v in source.items()
                           if k not in ("sentence", "trigger_span", "dct_zone_rule")}
                          for source in data.get("sources", ())]
    return content


def _uidless(data: str) -> str:
    content = _calendar_content(json.loads(data))
    content.pop("uid", None)
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _known_as_before(db: sqlite3.Connection, events: Iterable[ParsedEvent],
                     old: dict[str, tuple[str, int]]) -> list[ParsedEvent]:
    """``events`` under the UIDs the store knows them by.

    A UID recorded as an alias maps to its stored UID. A new UID whose event has the very
    content of a stored event of the document that vanishes from it (a store written when
    UIDs followed positions, or a collision suffix that moved) is that event: the new UID
    becomes an alias, and the event keeps its stored UID, stamps and corrections.
    """
    renamed: list[ParsedEvent] = []
    for event in events:
        row = db.execute("SELECT uid FROM uid_aliases WHERE alias = ?", (event.uid,)).fetchone()
        renamed.append(event if row is None else _under(event, str(row[0])))
    new_uids = {event.uid for event in renamed}
    gone = [uid for uid in old if uid not in new_uids]
    if not gone or all(event.uid in old for event in renamed):
        return renamed
    by_content: dict[str, list[str]] = {}
    for uid, data in db.execute(
            f"SELECT uid, data FROM events WHERE uid IN ({','.join('?' * len(gone))})", gone):
        by_content.setdefault(_uidless(data), []).append(uid)
    for position, event in enumerate(renamed):
        if event.uid in old:
            continue
        matches = by_content.get(_uidless(event.data))
        if matches:
            stored = matches.pop(0)
            db.execute("INSERT INTO uid_aliases (alias, uid) VALUES (?, ?) ON CONFLICT(alias) "
                       "DO UPDATE SET uid = excluded.uid", (event.uid, stored))
            renamed[position] = _under(event, stored)
    return renamed


def _under(event: ParsedEvent, uid: str) -> ParsedEvent:
    data = json.loads(event.data)
    data["uid"] = uid
    return replace(event, uid=uid, data=json.dumps(data, ensure_ascii=False,
                                                   separators=(",", ":")),
                   content_hash=event_hash(data))


def _write_problem(error: sqlite3.Error) -> str:
    """What a failed write means for the user, in their words."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return "the store is read-only (cannot write to it; check its permissions or --db)"
    if "full" in text:
        return f"cannot write: the disk is full ({text})"
    if "locked" in text or "busy" in text:
        return f"cannot write: locked by another process ({text})"
    return f"cannot write: {text}"


def _corrected(event: Event, correction: Correction | None) -> Event:
    """The event with its correction; as parsed when an older version stored a correction
    that no longer applies (a date out of bounds), so that no view fails on it."""
    if correction is None:
        return event
    try:
        return correction.apply(event)
    except InputError:
        return event


def _days_of(data: str) -> tuple[str | None, str | None]:
    """(first day, last day) of an event's JSON, ISO dates; (None, None) when unreadable."""
    try:
        event = json.loads(data)
        granularity = event["granularity"]
        start = parse_when(str(event["start"]), None)
        end = event.get("end")
        first = start.date() if isinstance(start, datetime) else start
        last = first if end is None else parse_when(str(end), None)
        last = last.date() if isinstance(last, datetime) else last
        return first.isoformat(), period_last_day(last, granularity).isoformat()
    except (KeyError, TypeError, ValueError):
        return None, None


def _fill_days(db: sqlite3.Connection) -> None:
    """Give the events of a store older than the day columns their first and last day."""
    rows = db.execute("SELECT uid, data FROM events WHERE first_day IS NULL").fetchall()
    db.executemany("UPDATE events SET first_day = ?, last_day = ? WHERE uid = ?",
                   [(*_days_of(data), uid) for uid, data in rows])


def _correction(row: tuple[Any, ...]) -> Correction:
    uid, edits, hidden, confirmed, edit_count, created, updated, edited = row
    return Correction(uid=uid, edits=json.loads(edits), hidden=bool(hidden),
                      confirmed=bool(confirmed), edit_count=edit_count, created=_time(created),
                      updated=_time(updated), edited=_time(edited) if edited else None)


def _statements(script: str) -> list[str]:
    """A migration script split into statements, so each runs inside our transaction."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise StoreError("the ingest clock must give aware datetimes")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)

