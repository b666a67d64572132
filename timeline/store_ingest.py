"""Ingest: read articles, parse them in parallel processes, store them through one writer.

The cheap checks come first so that re-ingesting an unchanged corpus costs a ``stat`` per
file: a file whose size, mtime and reading options match the store is not even read, and
one whose content hash matches is not parsed. Parsing runs in worker processes; the parent
is the only writer and commits each document in its own transaction, so a crash at any
point leaves every document either fully stored or as it was.
"""

from __future__ import annotations

import json
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace

from timeline.document import Document
from timeline.errors import InputError
from timeline.event import Event
from timeline.reader import STDIN, ReadOptions, expand_paths, read_document
from timeline.store import (
    DocumentChange,
    FileState,
    ParsedDocument,
    ParsedEvent,
    Store,
    event_hash,
)

ParseFunction = Callable[[Document], list[Event]]
Progress = Callable[[int, int], None]
#: Documents handed to a worker at once: enough to amortise the pickling round trip.
_CHUNK = 32
#: Chunks in flight per worker, which bounds memory when parsing outruns the writer.
_IN_FLIGHT = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestReport:
    """What one ingest did, for the summary line and for tests."""

    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    pruned_documents: int = 0
    pruned_events: int = 0
    orphaned: tuple[str, ...] = ()
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: documents read/new/changed/unchanged, events added/updated/removed."""
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        line = (f"documents: {self.read:,} read, {self.new:,} new, {self.changed:,} changed, "
                f"{self.unchanged:,} unchanged")
        if self.failed:
            line += f", {self.failed:,} failed"
        line += (f"; events: {self.added:,} added, {self.updated:,} updated, "
                 f"{self.removed + self.pruned_events:,} removed")
        if self.pruned_documents:
            line += f"; pruned {self.pruned_documents:,} deleted documents"
        return line + f" ({self.seconds:.1f} s, {rate:,.0f} documents/s)"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Task:
    """One file for a worker: where it is, what the store knows of it, how to parse it."""

    path: str
    options: ReadOptions
    known_hash: str | None
    file_size: int | None
    file_mtime_ns: int | None
    parse: ParseFunction | None


@dataclass(frozen=True, slots=True)
class _Failure:
    """An :class:`InputError` in a form that crosses a process boundary."""

    source: str
    problem: str
    line: int | None
    detail: str | None = None

    @classmethod
    def of(cls, error: InputError) -> _Failure:
        return cls(error.source, error.problem, error.line, error.detail)

    def error(self) -> InputError:
        return InputError(self.source, self.problem, line=self.line, detail=self.detail)


_Result = ParsedDocument | _Failure


def ingest(store: Store, paths: Iterable[str], options: ReadOptions | None = None, *,
           workers: int | None = None, prune: bool = False, reparse: bool = False,
           parse: ParseFunction | None = None,
           on_error: Callable[[InputError], None] | None = None,
           on_progress: Progress | None = None) -> IngestReport:
    """Read, parse and store every article under ``paths``; returns what changed.

    ``parse`` turns one document into its events (default: the project's parser);
    ``workers`` processes run it (default: one per core; 1 parses in this process).
    ``reparse`` parses even unchanged files (after a parser upgrade); only events whose
    content changed get a new SEQUENCE. ``prune`` then removes documents whose file is gone.
    Unreadable files go to ``on_error`` and the others are still stored.
    """
    options = options or ReadOptions()
    started = time.monotonic()
    counts = dict.fromkeys(("read", "new", "changed", "unchanged", "failed", "added",
                            "updated", "removed"), 0)

    def report(error: InputError) -> None:
        counts["failed"] += 1
        if on_error is not None:
            on_error(error)

    files = _expand(paths, report)
    states = store.file_states()
    options_key = _options_key(options)
    tasks: list[_Task] = []
    stdin = False
    for name in files:
        if name == STDIN:
            stdin = True
            continue
        failed = counts["failed"]
        task = _plan(name, states.get(os.path.abspath(name)), options, options_key, parse,
                     reparse, report)
        if task is not None:
            tasks.append(task)
        elif counts["failed"] == failed:
            counts["unchanged"] += 1
    total = len(files)
    counts["read"] = total
    done = total - len(tasks) - int(stdin)
    if on_progress is not None:
        on_progress(done, total)

    def write(result: _Result) -> None:
        nonlocal done
        done += 1
        if isinstance(result, _Failure):
            report(result.error())
        else:
            change = store.write_document(result, force=reparse)
            if change.status == "retry":  # another ingest rewrote it since we looked
                task = _plan_fresh(result, options, options_key, parse)
                retried = _work(task)
                change = (DocumentChange(status="unchanged") if isinstance(retried, _Failure)
                          else store.write_document(retried, force=reparse))
            _tally(counts, change)
        if on_progress is not None:
            on_progress(done, total)

    if stdin:
        try:
            document = read_document(STDIN, options)
        except InputError as error:
            write(_Failure.of(error))
        else:
            known = store.content_hash(document_identity(document))
            write(_prepare(document, path=None, known_hash=known, parse=parse,
                           seconds=options.seconds))
    for result in _run(tasks, workers):
        write(result)
    pruned = store.prune() if prune else (0, 0)
    orphaned = tuple(c.uid for c in store.orphaned_corrections())
    return IngestReport(**counts, pruned_documents=pruned[0], pruned_events=pruned[1],
                        orphaned=orphaned, seconds=time.monotonic() - started)


def _tally(counts: dict[str, int], change: DocumentChange) -> None:
    counts[change.status if change.status != "retry" else "unchanged"] += 1
    counts["added"] += change.added
    counts["updated"] += change.updated
    counts["removed"] += change.removed


def _expand(paths: Iterable[str], report: Callable[[InputError], None]) -> list[str]:
    """Every file under ``paths``, each once, in the order given."""
    files: dict[str, None] = {}
    for raw in paths:
        try:
            files.update(dict.fromkeys(expand_paths([raw])))
        except InputError as error:
            report(error)
    return list(files)


def _options_key(options: ReadOptions) -> str:
    """The reading options a stored document was read with; changing them means re-read."""
    return f"{options.dct.isoformat() if options.dct else ''}|{options.source_tz}"


def _plan(name: str, state: FileState | None, options: ReadOptions, options_key: str,
          parse: ParseFunction | None, reparse: bool,
          report: Callable[[InputError], None]) -> _Task | None:
    """A task for a file that may have changed, or None when its stats say it has not."""
    path = os.path.abspath(name)
    try:
        stat = os.stat(path)
    except OSError as exc:
        report(InputError(name, f"cannot read: {exc.strerror or exc}"))
        return None
    same_options = state is not None and state.read_options == options_key
    if (state is not None and same_options and not reparse
            and state.file_size == stat.st_size and state.file_mtime_ns == stat.st_mtime_ns):
        return None
    return _Task(path=path, options=options,
                 known_hash=state.content_hash if state and same_options and not reparse
                 else None,
                 file_size=stat.st_size, file_mtime_ns=stat.st_mtime_ns, parse=parse)


def _plan_fresh(result: ParsedDocument, options: ReadOptions, options_key: str,
                parse: ParseFunction | None) -> _Task:
    return _Task(path=result.path or STDIN, options=options, known_hash=None,
                 file_size=result.file_size, file_mtime_ns=result.file_mtime_ns, parse=parse)


def _run(tasks: list[_Task], workers: int | None) -> Iterator[_Result]:
    """Results in task order; parsing in ``workers`` processes, at most a few chunks ahead."""
    count = workers if workers is not None else os.cpu_count() or 1
    if count <= 1 or len(tasks) <= 1:
        yield from map(_work, tasks)
        return
    chunk = max(1, min(_CHUNK, len(tasks) // (count * _IN_FLIGHT) or 1))
    chunks = (tasks[i:i + chunk] for i in range(0, len(tasks), chunk))
    with ProcessPoolExecutor(max_workers=min(count, len(tasks)), initializer=watch_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[Future[list[_Result]]] = deque()
        for part in chunks:
            pending.append(pool.submit(_work_chunk, part))
            if len(pending) >= count * _IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def watch_parent(parent: int) -> None:
    """Make a worker exit when its parent is killed (kill -9): nothing else would stop it,
    as forked workers hold both ends of their task pipe and never see it close."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _work_chunk(tasks: list[_Task]) -> list[_Result]:
    return [_work(task) for task in tasks]


def _work(task: _Task) -> _Result:
    """Read one file and, unless its content hash is the stored one, parse it."""
    try:
        document = read_document(task.path, task.options)
    except InputError as error:
        return _Failure.of(error)
    except Exception as exc:  # a reader bug on one file must not stop the others
        return _Failure(task.path, f"cannot read: {type(exc).__name__}: {exc}", None,
                        traceback.format_exc())
    result = _prepare(document, path=task.path, known_hash=task.known_hash, parse=task.parse,
                      seconds=task.options.seconds)
    if isinstance(result, _Failure):
        return result
    return replace(result, file_size=task.file_size, file_mtime_ns=task.file_mtime_ns,
                   read_options=_options_key(task.options))


def document_identity(document: Document) -> str:
    """What makes a document the same one across runs: its URL or absolute path.

    Standard input has neither, so its content is its identity.
    """
    if document.url:
        return document.url
    if document.id.startswith("<"):
        return f"{document.id}:{document.content_hash}"
    return os.path.abspath(document.id)


def _prepare(document: Document, *, path: str | None, known_hash: str | None,
             parse: ParseFunction | None, seconds: float | None = None) -> _Result:
    """The document as the writer stores it, with its events unless its hash is known."""
    parsed = ParsedDocument(identity=document_identity(document), path=path, url=document.url,
                            content_hash=document.content_hash, dct=document.dct.isoformat(),
                            title=document.title)
    if known_hash == document.content_hash:
        return parsed
    from timeline.extract import extract_isolated  # the parser loads only when needed

    try:
        events = extract_isolated(document, parse, seconds=seconds)
    except InputError as error:
        return _Failure.of(error)
    return replace(parsed, events=tuple(_stored(event, position)
                                        for position, event in enumerate(events)))


def _stored(event: Event, position: int) -> ParsedEvent:
    data = event.to_json()
    return ParsedEvent(uid=event.uid, position=position,
                       data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                       content_hash=event_hash(data))


