"""The TUI's one door to the rest of the tool: loading, corrections, export, articles.

Everything the app needs from the store or the .ics exporter goes through :class:`Backend`,
so the screens never care whether events come from parsed articles, a JSON dump or the
SQLite store, nor whether corrections are stored or only kept for this session.

- ``--db`` (or no PATH at all): the store. PATHs given with it are ingested first (the
  same ``ingest`` the CLI runs) and the view is limited to them. Corrections go to the
  store with the CLI's own calls (``Store.edit/hide/confirm/undo_last_correction``).
- PATHs alone: parsed in memory; corrections last for the session only.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from timeline.document import Document
from timeline.errors import InputError, TimelineError
from timeline.event import Event, Source
from timeline.recurrence import expand
from timeline.timeline import Timeline
from tui.corrections import Action, Correction, Edit, MemoryCorrections, apply_edit, split_when

if TYPE_CHECKING:
    from timeline.store import Store


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file that could not be read, shown in the status line instead of a traceback."""

    message: str


class Backend:
    """Events and corrections for one browsing session."""

    def __init__(self, paths: Sequence[str] = (), *, db: str | None = None,
                 timeline: Timeline | None = None, around: int = 500) -> None:
        self.paths = tuple(paths)
        #: Events each side of today that the first screen reads from a store.
        self.around = around
        self.db = db
        self.use_store = timeline is None and (db is not None or not self.paths)
        self._parsed = timeline
        self._documents: dict[str, Document] = {}
        self._corrections = MemoryCorrections()
        self._store: Store | None = None
        # The store's connection is shared by the loading worker and the UI thread.
        self._lock = threading.RLock()
        self.problems: list[LoadProblem] = []

    # -- loading (runs in a worker thread) ------------------------------------------------

    def load(self) -> Timeline:
        """Read the events once; later calls return the corrected timeline."""
        if self._parsed is None and not self.use_store:
            self._parsed = self._read()
        return self.timeline()

    def window(self, day: date) -> tuple[Timeline, bool] | None:
        """The events on the days around ``day``, for a first screen before the full load.

        Only a store can give them without reading everything (None otherwise); the flag
        is True when the window already holds the whole timeline.
        """
        if not self.use_store:
            return None
        with self._locked_store() as store:
            timeline, complete = store.window(day, around=self.around)
        return expand(self._under_paths(timeline)), complete

    def timeline(self) -> Timeline:
        """The loaded timeline with the corrections applied (hidden events left out)."""
        if self.use_store:
            with self._locked_store() as store:
                return expand(self._under_paths(store.timeline()))
        return expand(self._corrections.apply(self._parsed or Timeline(())))

    def close(self) -> None:
        """Close the store, if one is open."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    @contextmanager
    def _locked_store(self) -> Iterator[Store]:
        with self._lock:
            if self._store is None:
                self._store = self._open_store()
            yield self._store

    def _open_store(self) -> Store:
        from timeline.store import Store
        store = Store.open(self.db, create=bool(self.paths))
        if self.paths:
            from timeline.store_ingest import ingest

            def report(error: InputError) -> None:
                self.problems.append(LoadProblem(str(error)))

            ingest(store, self.paths, workers=1, on_error=report)
        return store

    def _under_paths(self, timeline: Timeline) -> Timeline:
        """Only the events read from articles under the PATHs given (all without PATHs)."""
        if not self.paths:
            return timeline
        roots = tuple(os.path.abspath(p).rstrip(os.sep) for p in self.paths)
        return Timeline(tuple(e for e in timeline if any(
            s.document == root or s.document.startswith(root + os.sep)
            for s in e.sources for root in roots)))

    def _read(self) -> Timeline:
        dumps = [p for p in self.paths if p.endswith(".json")]
        articles = [p for p in self.paths if not p.endswith(".json")]
        events: list[Event] = []
        for path in dumps:
            events.extend(_read_dump(path))
        if articles:
            events.extend(self._parse(articles))
        return Timeline.of(events)

    def _parse(self, paths: list[str]) -> list[Event]:
        from timeline.extract import extract  # the parser is heavy; only load it when needed
        from timeline.readers import read_documents

        def report(error: InputError) -> None:
            self.problems.append(LoadProblem(str(error)))

        documents = list(read_documents(paths, on_error=report))
        self._documents.update((d.id, d) for d in documents)
        return list(extract(documents))

    # -- articles, for the source view ---------------------------------------------------

    def document(self, source: Source) -> Document | None:
        """The article an event was read from, re-read from disk when not cached."""
        if source.document not in self._documents:
            from timeline.readers import read_file

            # A feed entry is "feed.xml#3": its file holds every entry, so read them all.
            base, _, number = source.document.rpartition("#")
            try:
                found = read_file(base if base and number.isdigit() else source.document)
            except TimelineError:
                return None
            self._documents.update((d.id, d) for d in found if isinstance(d, Document))
        return self._documents.get(source.document)

    def detected_spans(self, document: Document) -> list[tuple[int, int]]:
        """Character spans of every date expression in the article."""
        try:
            from timeline.temporal import tag
        except ImportError:  # no tagger in this build: fall back to the known triggers
            pass
        else:
            return [(t.start, t.end) for t in tag(document.text, document.dct)]
        parsed = self._parsed or Timeline(())
        return sorted({(s.trigger_start, s.trigger_end) for e in parsed for s in e.sources
                       if s.document == document.id})

    # -- corrections ---------------------------------------------------------------------

    @property
    def corrections_stored(self) -> bool:
        """True when corrections outlive the session (written to the store)."""
        return self.use_store

    def edit(self, event: Event, edit: Edit) -> Correction:
        """Correct title, date, place or zone; raises :class:`InputError` for a bad field."""
        if self.use_store:
            start, end = split_when(edit.when)
            with self._locked_store() as store:
                corrected = store.edit(event.uid, title=edit.title, start=start, end=end or "",
                                       location=edit.location.strip(), tz=edit.tz.strip())
            return Correction(uid=event.uid, action="edit", event=corrected)
        correction = Correction(uid=event.uid, action="edit", event=apply_edit(event, edit))
        self._corrections.add(correction)
        return correction

    def hide(self, event: Event) -> Correction:
        """Hide a false positive."""
        return self._mark(event, "hide")

    def confirm(self, event: Event) -> Correction:
        """Mark an event as checked by a person."""
        return self._mark(event, "confirm")

    def _mark(self, event: Event, action: Literal["hide", "confirm"]) -> Correction:
        """Hide or confirm: in the store when there is one, else for this session."""
        correction = Correction(uid=event.uid, action=action)
        if self.use_store:
            with self._locked_store() as store:
                (store.hide if action == "hide" else store.confirm)(event.uid)
        else:
            self._corrections.add(correction)
        return correction

    def undo(self) -> Correction | None:
        """Undo the last correction (in the store: the last one anyone made)."""
        if self.use_store:
            with self._locked_store() as store:
                undone = store.undo_last_correction()
            if undone is None:
                return None
            uid, action = undone
            return Correction(uid=uid, action=_ACTIONS.get(action, "edit"))
        return self._corrections.undo()

    def confirmed(self) -> frozenset[str]:
        """Uids of confirmed events."""
        if self.use_store:
            with self._locked_store() as store:
                return frozenset(c.uid for c in store.corrections() if c.confirmed)
        return self._corrections.confirmed()

    # -- export --------------------------------------------------------------------------

    def export(self, timeline: Timeline, path: str) -> tuple[int, int]:
        """Write ``timeline`` as .ics with the project's exporter.

        Returns (events written, coarse events left out); the store's history supplies
        SEQUENCE and LAST-MODIFIED so calendars update rather than duplicate.
        """
        from timeline.ics import Revision, export_ics, revisions_from, save_ics
        revisions: dict[str, Revision] = {}
        if self.use_store:
            with self._locked_store() as store:
                revisions = revisions_from(store.stamps())
        target = Path(path).expanduser()
        try:
            save_ics(target, export_ics(timeline, revisions=revisions))
        except OSError as exc:
            raise InputError(str(target), f"cannot write: {exc.strerror or exc}") from None
        coarse = sum(1 for e in timeline if e.is_coarse and e.uid not in self.confirmed())
        return len(timeline) - coarse, coarse


_ACTIONS: dict[str, Action] = {"edit": "edit", "hide": "hide", "show": "hide",
                               "confirm": "confirm", "unconfirm": "confirm"}


def _read_dump(path: str) -> list[Event]:
    """Events from a ``timeline extract --json`` dump."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        items = payload["events"] if isinstance(payload, dict) else payload
        return [Event.from_json(item, origin=path) for item in items]
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a JSON list of events: {exc}") from None
