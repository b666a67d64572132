"""Ingest: read articles, parse them in parallel processes, store them through one writer.

The cheap checks come first so that re-ingesting an unchanged corpus costs a ``stat`` per
file: a file whose size, mtime and reading options match the store is not even read, and
one whose content hash matches is not parsed. Parsing runs in worker processes; the parent
is the only writer and commits each document in its own transaction, so a crash at any
point leaves every document either fully stored or as it was.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace

from timeline.document import Document
from timeline.errors import InputError, NotAnArticle
from timeline.event import Event
from timeline.readers import STDIN, ReadOptions, read_file, read_text, walk
from timeline.readers.url import fetch, is_url
from timeline.store import (
    DocumentChange,
    FileState,
    ParsedDocument,
    ParsedEvent,
    Store,
    event_hash,
)

log = logging.getLogger(__name__)
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
    skipped: int = 0
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
        if self.skipped:
            line += f", {self.skipped:,} skipped: not an article"
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
    walked: bool = False


@dataclass(frozen=True, slots=True)
class _Failure:
    """An :class:`InputError` in a form that crosses a process boundary."""

    source: str
    problem: str
    line: int | None
    skipped: bool = False
    detail: str | None = None

    def error(self) -> InputError:
        if self.skipped:
            return NotAnArticle(self.source, self.problem, line=self.line)
        return InputError(self.source, self.problem, line=self.line, detail=self.detail)

    @classmethod
    def of(cls, error: InputError, walked: bool = False) -> _Failure:
        """The error; a non-article counts as skipped only where a folder walk found it."""
        return cls(error.source, error.problem, error.line,
                   walked and isinstance(error, NotAnArticle), error.detail)


_Result = ParsedDocument | _Failure


def ingest(store: Store, paths: Iterable[str], options: ReadOptions | None = None, *,
           workers: int | None = None, prune: bool = False, reparse: bool = False,
           parse: ParseFunction | None = None,
           on_error: Callable[[InputError], None] | None = None,
           on_skip: Callable[[NotAnArticle], None] | None = None,
           on_progress: Progress | None = None) -> IngestReport:
    """Read, parse and store every article under ``paths``; returns what changed.

    ``parse`` turns one document into its events (default: the project's parser);
    ``workers`` processes run it (default: one per core; 1 parses in this process).
    ``reparse`` parses even unchanged files (after a parser upgrade); only events whose
    content changed get a new SEQUENCE. ``prune`` then removes documents whose file is gone.
    Unreadable files go to ``on_error`` and the others are still stored; files a folder
    walk finds that are no articles go to ``on_skip`` and are counted as skipped.
    URLs are fetched here, asking again with the validators of the last fetch, so a page
    the server says is unchanged is neither downloaded nor parsed.
    """
    options = options or ReadOptions()
    started = time.monotonic()
    counts = dict.fromkeys(("read", "new", "changed", "unchanged", "failed", "skipped",
                            "added", "updated", "removed"), 0)

    def report(error: InputError) -> None:
        if isinstance(error, NotAnArticle):
            counts["skipped"] += 1
            if on_skip is not None:
                on_skip(error)
            return
        counts["failed"] += 1
        if on_error is not None:
            on_error(error)

    files = _expand(paths, report)
    log.info("ingesting %d files into %s", len(files), store.path)
    states = store.file_states()
    options_key = options.key()
    tasks: list[_Task] = []
    direct: list[str] = []
    for name, walked in files:
        if name == STDIN or is_url(name):
            direct.append(name)
            continue
        failed = counts["failed"]
        task = _plan(name, states.get(os.path.abspath(name)), options, options_key, parse,
                     reparse, report, walked)
        if task is not None:
            tasks.append(task)
        elif counts["failed"] == failed:
            counts["unchanged"] += 1
    total = len(files)
    counts["read"] = total
    done = total - len(tasks) - len(direct)
    if on_progress is not None:
        on_progress(done, total)

    def write(result: _Result) -> None:
        if isinstance(result, _Failure):
            report(result.error())
        else:
            change = store.write_document(result, force=reparse)
            if change.status == "retry":  # another ingest rewrote it since we looked
                task = _plan_fresh(result, options, parse)
                retried = [r for r in _work(task) if not isinstance(r, _Failure)
                           and r.identity == result.identity]
                change = (store.write_document(retried[0], force=reparse) if retried
                          else DocumentChange(status="unchanged"))
            _tally(counts, change)

    def finished() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    for name in direct:
        for result in _read_direct(store, name, options, parse, counts):
            write(result)
        finished()
    for results in _run(tasks, workers):
        for result in results:
            write(result)
        finished()
    pruned = store.prune() if prune else (0, 0)
    orphaned = tuple(c.uid for c in store.orphaned_corrections())
    return IngestReport(**counts, pruned_documents=pruned[0], pruned_events=pruned[1],
                        orphaned=orphaned, seconds=time.monotonic() - started)


def _read_direct(store: Store, name: str, options: ReadOptions, parse: ParseFunction | None,
                 counts: dict[str, int]) -> list[_Result]:
    """The documents of standard input or a URL, read in this process.

    A URL is fetched with the validators of its last fetch; when the server answers 304
    it counts as unchanged and nothing is read. Its validators are kept only once every
    document read from it is stored, so a failed parse is fetched again next time.
    """
    try:
        if name == STDIN:
            found = read_file(STDIN, options)
            validators = None
        else:
            etag, modified = store.fetch_validators(name)
            fetched = fetch(name, etag=etag, last_modified=modified)
            if fetched.not_modified:
                counts["unchanged"] += 1
                return []
            found = read_text(fetched.text, source=name, options=options, url=name)
            validators = (fetched.etag, fetched.last_modified)
    except InputError as error:
        return [_Failure.of(error)]
    results: list[_Result] = []
    for item in found:
        if isinstance(item, InputError):
            results.append(_Failure.of(item))
            continue
        known = store.content_hash(document_identity(item))
        results.append(_prepare(item, path=None, known_hash=known, parse=parse,
                                seconds=options.seconds))
    if validators is not None and not any(isinstance(r, _Failure) for r in results):
        store.remember_fetch(name, *validators)
    return results


def _tally(counts: dict[str, int], change: DocumentChange) -> None:
    counts[change.status if change.status != "retry" else "unchanged"] += 1
    counts["added"] += change.added
    counts["updated"] += change.updated
    counts["removed"] += change.removed


def _expand(paths: Iterable[str], report: Callable[[InputError], None]) -> list[tuple[str, bool]]:
    """Every file under ``paths``, each once, in the order given, with whether a walk found it."""
    files: dict[str, bool] = {}
    for raw in paths:
        try:
            for name, walked in walk([raw]):
                files[name] = files.get(name, True) and walked
        except InputError as error:
            report(error)
    return list(files.items())


def _plan(name: str, state: FileState | None, options: ReadOptions, options_key: str,
          parse: ParseFunction | None, reparse: bool,
          report: Callable[[InputError], None], walked: bool = False) -> _Task | None:
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
                 file_size=stat.st_size, file_mtime_ns=stat.st_mtime_ns, parse=parse,
                 walked=walked)


def _plan_fresh(result: ParsedDocument, options: ReadOptions,
                parse: ParseFunction | None) -> _Task:
    return _Task(path=result.path or STDIN, options=options, known_hash=None,
                 file_size=result.file_size, file_mtime_ns=result.file_mtime_ns, parse=parse)


def _run(tasks: list[_Task], workers: int | None) -> Iterator[list[_Result]]:
    """Each task's results in task order; parsing in ``workers`` processes, a few chunks ahead."""
    count = workers if workers is not None else os.cpu_count() or 1
    if count <= 1 or len(tasks) <= 1:
        yield from map(_work, tasks)
        return
    chunk = max(1, min(_CHUNK, len(tasks) // (count * _IN_FLIGHT) or 1))
    chunks = (tasks[i:i + chunk] for i in range(0, len(tasks), chunk))
    with ProcessPoolExecutor(max_workers=min(count, len(tasks)), initializer=watch_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: deque[Future[list[list[_Result]]]] = deque()
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


def _work_chunk(tasks: list[_Task]) -> list[list[_Result]]:
    return [_work(task) for task in tasks]


def _work(task: _Task) -> list[_Result]:
    """Read one file and parse each of its documents whose content hash is not the stored one."""
    try:
        found = read_file(task.path, task.options, walked=task.walked)
    except InputError as error:
        return [_Failure.of(error, task.walked)]
    except Exception as exc:  # a reader bug on one file must not stop the others
        return [_Failure(task.path, f"cannot read: {type(exc).__name__}: {exc}", None,
                         detail=traceback.format_exc())]
    single = len(found) == 1
    results: list[_Result] = []
    for item in found:
        if isinstance(item, InputError):
            results.append(_Failure.of(item))
            continue
        # The stored hash is the file's: it tells about its document only when there is one.
        result = _prepare(item, path=task.path, known_hash=task.known_hash if single else None,
                          parse=task.parse, seconds=task.options.seconds)
        if not isinstance(result, _Failure):
            result = replace(result, file_size=task.file_size, file_mtime_ns=task.file_mtime_ns,
                             read_options=task.options.key())
        results.append(result)
    return results


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


