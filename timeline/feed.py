"""The feed server: the store's timeline as subscribable .ics over HTTP (a Starlette app).

Routes (all read-only: ``GET`` and ``HEAD``; any other method on them gets 405)::

    /calendar.ics[?q=QUERY]      the whole timeline, or the events QUERY keeps
    /feeds/NAME.ics[?q=QUERY]    a named feed of the config file, ``[feeds.NAME] query = ...``
    /                            an HTML page with subscribe links and the next events
    /TOKEN/...                   the same, for private feeds (``--token`` or a feed's token)

Calendar apps poll a feed every REFRESH-INTERVAL, so the answer to a poll must cost
nothing: each feed's body is serialised once per store version (and gzipped once), and kept
with a strong ETag computed from its bytes. A request checks a version number in memory and,
when its ETag matches, answers 304 without touching the store. The version moves when a
background thread sees another connection commit (``PRAGMA data_version``) or when the
``--watch`` re-ingest tells it so; the next request then rebuilds that one feed, reusing
every unchanged VEVENT from a :class:`~timeline.ics.VeventCache`.

Private feeds follow Google's "secret address": the token is the first path segment,
compared with :func:`hmac.compare_digest`, and a wrong or missing one is a plain 404, so a
stranger cannot tell a private feed from no feed. Client input never yields a traceback:
a bad query is a 400 with one line, an over-long URL a 414.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import hmac
import html
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, request_response
from starlette.types import Receive, Scope, Send

from timeline.config import read_config
from timeline.errors import InputError, QueryError, TimelineError
from timeline.event import Event
from timeline.ics import (
    DEFAULT_NAME,
    CalendarOptions,
    Revision,
    VeventCache,
    export_ics,
    revisions_from,
)
from timeline.query import parse_query
from timeline.readers import ReadOptions
from timeline.store import Store
from timeline.store_ingest import IngestReport, ingest, watch_parent
from timeline.timeline import Timeline

__all__ = [
    "CALENDAR_TYPE",
    "FeedService",
    "FeedSettings",
    "FeedSpec",
    "create_app",
    "load_feeds",
]

CALENDAR_TYPE = "text/calendar; charset=utf-8"
#: Longest path plus query string served; longer ones get 414 (browsers stop near 2 kB).
MAX_URL = 4096
#: Bodies kept per (feed, query); ad-hoc ``?q=`` queries beyond this evict the oldest.
MAX_CACHED = 32
#: How many upcoming events the HTML page lists.
UPCOMING = 12
_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_TOKEN = re.compile(r"[A-Za-z0-9._~-]{8,256}")
_FEED_KEYS = frozenset({"query", "token", "name", "include_coarse", "private"})
_METHODS = ("GET", "HEAD")

#: (feed name, canonical query): "" names the whole calendar.
FeedKey = tuple[str, str]
Log = Callable[[str], None]


# Settings ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSpec:
    """A named feed of the config file: ``[feeds.NAME]`` with a ``query`` and options."""

    name: str
    query: str = ""
    title: str | None = None
    token: str | None = None
    include_coarse: bool = False
    #: A private feed's events are left out of every other feed and of the page; a feed
    #: with a token of its own is private unless the config says ``private = false``.
    private: bool | None = None

    @property
    def is_private(self) -> bool:
        """True when this feed's events stay out of the other feeds."""
        return self.token is not None if self.private is None else self.private

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"feed name {self.name!r}: use letters, digits, '-' and '_'")
        parse_query(self.query)  # a QueryError (ValueError) names the bad token
        if self.token is not None:
            check_token(self.token)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSettings:
    """What the server serves: named feeds, the private token, calendar-level options."""

    feeds: tuple[FeedSpec, ...] = ()
    token: str | None = None
    refresh: timedelta = timedelta(hours=1)
    name: str = DEFAULT_NAME
    include_coarse: bool = False
    #: Seconds between checks for commits made by other processes (``timeline edit``...).
    poll_interval: float = 0.25
    #: How long a timed event with no stated end lasts in the feeds (its DTEND).
    default_duration: timedelta = timedelta(hours=1)

    def __post_init__(self) -> None:
        if self.token is not None:
            check_token(self.token)
        names = [feed.name for feed in self.feeds]
        if len(set(names)) != len(names):
            raise ValueError("two feeds share a name")

    def feed(self, name: str) -> FeedSpec | None:
        """The named feed, or None."""
        return next((feed for feed in self.feeds if feed.name == name), None)


def feed_title(name: str, spec: FeedSpec | None, query: str) -> str:
    """A feed's calendar name: its config ``name``, else the calendar's plus the feed's
    name or query, so that several subscriptions tell apart in a calendar app."""
    parts = [spec.title or f"{name}: {spec.name}"] if spec else [name]
    if query:
        parts.append(query)
    return ": ".join(parts)


def check_token(token: str) -> str:
    """A token usable as a URL path segment: 8+ of ``A-Z a-z 0-9 . _ ~ -``."""
    if not _TOKEN.fullmatch(token) or token in {".", ".."}:
        raise ValueError("a token needs 8 to 256 characters of A-Z a-z 0-9 . _ ~ - "
                         "(e.g. python -c 'import secrets; print(secrets.token_urlsafe())')")
    return token


def load_feeds(path: Path | None = None, *, required: bool = False) -> tuple[FeedSpec, ...]:
    """The ``[feeds.NAME]`` tables of the config file (default: the shared config path).

    A missing default file means no named feeds; a bad table raises :class:`InputError`
    naming the file and the feed.
    """
    data = read_config(path, required=required)
    where = str(path) if path is not None else "config"
    tables = data.get("feeds", {})
    if not isinstance(tables, dict):
        raise InputError(where, "[feeds] must hold [feeds.NAME] tables")
    feeds: list[FeedSpec] = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise InputError(where, f"[feeds.{name}] must be a table with a query")
        unknown = sorted(set(table) - _FEED_KEYS)
        if unknown:
            raise InputError(where, f"[feeds.{name}]: unknown key {unknown[0]!r} "
                                    f"(known: {', '.join(sorted(_FEED_KEYS))})")
        query, token, title = table.get("query", ""), table.get("token"), table.get("name")
        coarse, private = table.get("include_coarse", False), table.get("private")
        if not isinstance(query, str) or not isinstance(coarse, bool) or not all(
                value is None or isinstance(value, str) for value in (token, title)) or not (
                private is None or isinstance(private, bool)):
            raise InputError(where, f"[feeds.{name}]: query, token and name are strings, "
                                    "include_coarse and private are true or false")
        try:
            feeds.append(FeedSpec(name=name, query=query, token=token, title=title,
                                  include_coarse=coarse, private=private))
        except ValueError as exc:
            raise InputError(where, f"[feeds.{name}]: {exc}") from None
    return tuple(feeds)


# Bodies and their cache --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendition:
    """One feed's serialised body, gzipped once, with the validators HTTP sends for it."""

    version: int
    body: bytes
    gzipped: bytes
    etag: str
    gzip_etag: str
    last_modified: datetime
    events: int

    @property
    def http_date(self) -> str:
        """``Last-Modified`` as an HTTP date."""
        return format_datetime(self.last_modified, usegmt=True)


@dataclass(slots=True)
class _Snapshot:
    """The store's corrected timeline and event history at one version."""

    version: int
    timeline: Timeline
    revisions: dict[str, Revision]


@dataclass(slots=True)
class _History:
    """What a feed last served, so that an unchanged body keeps its Last-Modified."""

    etag: str
    last_modified: datetime
    caches: dict[str, VeventCache] = field(default_factory=dict)


class FeedService:
    """The feeds of one store: cached bodies, store-change detection, rebuilds.

    Thread-safe: requests read the cache from the event loop; rebuilds, the poller and the
    watcher run in threads and take ``_lock`` around the store.
    """

    def __init__(self, db: Path, settings: FeedSettings, *,
                 clock: Callable[[], datetime] | None = None, log: Log | None = None) -> None:
        self.db = db
        self.settings = settings
        self.log = log
        self.clock = clock or (lambda: datetime.now(UTC))
        self._store = Store.open(db, create=False)
        self._probe = sqlite3.connect(db, check_same_thread=False, isolation_level=None)
        self._data_version = self._read_data_version()
        self._version = 1
        self._lock = threading.RLock()
        self._snapshot: _Snapshot | None = None
        self._bodies: OrderedDict[FeedKey, Rendition] = OrderedDict()
        self._history: dict[FeedKey, _History] = {}
        # Named feeds keep their own VEVENT cache; ad-hoc ?q= queries share one, so a
        # narrow query does not evict what the whole calendar needs.
        self._vevents: dict[str, VeventCache] = {}
        self.builds = 0

    @property
    def version(self) -> int:
        """A number that moves whenever the store may have changed."""
        return self._version

    def close(self) -> None:
        """Close both connections."""
        with self._lock:
            self._store.close()
            self._probe.close()

    def invalidate(self) -> None:
        """Say the store changed (after an ingest this process made)."""
        with self._lock:
            self._version += 1

    def poll(self) -> bool:
        """Check once whether another connection committed; True when one did."""
        with self._lock:
            current = self._read_data_version()
            if current == self._data_version:
                return False
            self._data_version = current
            self._version += 1
            return True

    def _read_data_version(self) -> int:
        try:
            return int(self._probe.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return -1

    # -- bodies ----------------------------------------------------------------------------

    def cached(self, key: FeedKey) -> Rendition | None:
        """The body of ``key`` when it is current; never touches the store."""
        rendition = self._bodies.get(key)
        if rendition is None or rendition.version != self._version:
            return None
        return rendition

    def render(self, key: FeedKey) -> Rendition:
        """The body of ``key``, rebuilt when the store moved on (call from a thread)."""
        with self._lock:
            rendition = self.cached(key)
            if rendition is not None:
                self._bodies.move_to_end(key)
                return rendition
            version = self._version  # read before the data, so a later commit moves it on
            started = time.monotonic()
            snapshot = self._current_snapshot(version)
            name, query_text = key
            spec = self.settings.feed(name) if name else None
            events = without_private(snapshot.timeline, self.settings, name)
            if spec is not None and spec.query:
                events = events.filter(parse_query(spec.query))
            if query_text:
                events = events.filter(parse_query(query_text))
            options = CalendarOptions(
                name=feed_title(self.settings.name, spec, query_text),
                refresh=self.settings.refresh,
                include_coarse=spec.include_coarse if spec else self.settings.include_coarse,
                default_duration=self.settings.default_duration)
            cache_name = name if not query_text else "?"
            cache = self._vevents.setdefault(cache_name, VeventCache())
            body = export_ics(events, options, revisions=snapshot.revisions, cache=cache,
                              on_error=self._left_out)
            rendition = self._rendition(key, version, body, len(events))
            self._bodies[key] = rendition
            self._bodies.move_to_end(key)
            while len(self._bodies) > MAX_CACHED:
                old, _ = self._bodies.popitem(last=False)
                self._history.pop(old, None)
            self.builds += 1
            if self.log is not None:
                self.log(f"built {_describe(key)}: {len(events):,} events, {len(body):,} bytes "
                         f"in {time.monotonic() - started:.2f} s")
            return rendition

    def refresh(self) -> None:
        """Rebuild every cached body now, so the next poll of each feed is answered at once."""
        for key in list(self._bodies):
            with contextlib.suppress(TimelineError):
                self.render(key)

    def timeline(self) -> Timeline:
        """The store's corrected timeline at the current version (call from a thread)."""
        with self._lock:
            return self._current_snapshot(self._version).timeline

    def cached_timeline(self) -> Timeline | None:
        """The timeline when it is current; never touches the store."""
        snapshot = self._snapshot
        if snapshot is None or snapshot.version != self._version:
            return None
        return snapshot.timeline

    def _current_snapshot(self, version: int) -> _Snapshot:
        snapshot = self._snapshot
        if snapshot is None or snapshot.version != version:
            timeline = self._store.timeline()
            revisions = revisions_from(self._store.stamps())
            snapshot = self._snapshot = _Snapshot(version, timeline, revisions)
        return snapshot

    def _left_out(self, event: Event, problem: str) -> None:
        """An event no calendar can hold is left out of the feed, not a 500 for all."""
        if self.log is not None:
            self.log(f"left out event {event.uid} ({event.title!r}): {problem}")

    def _rendition(self, key: FeedKey, version: int, body: bytes, events: int) -> Rendition:
        digest = hashlib.blake2b(body, digest_size=16).hexdigest()
        etag = f'"{digest}"'
        history = self._history.get(key)
        if history is None or history.etag != etag:
            # A new body is modified now, to the second before: the server's Date header is
            # read once a tick and may lag the clock, and Last-Modified must never be later
            # than Date (RFC 9110 8.8.2). It never goes back before the last body's; two
            # bodies within one second share it, and their ETags tell them apart.
            now = self.clock().astimezone(UTC).replace(microsecond=0) - timedelta(seconds=1)
            if history is not None:
                now = max(now, history.last_modified)
            history = self._history[key] = _History(etag=etag, last_modified=now)
        return Rendition(version=version, body=body, gzipped=gzip.compress(body, 6, mtime=0),
                         etag=etag, gzip_etag=f'"{digest}-gzip"',
                         last_modified=history.last_modified, events=events)


def without_private(timeline: Timeline, settings: FeedSettings, serving: str | None) -> Timeline:
    """``timeline`` without the events of private feeds other than ``serving`` (a feed
    name; "" for the whole calendar, None for the public page)."""
    hidden = [parse_query(spec.query) for spec in settings.feeds
              if spec.is_private and spec.name != serving]
    if not hidden:
        return timeline
    return Timeline(tuple(e for e in timeline if not any(q.matches(e) for q in hidden)))


def _describe(key: FeedKey) -> str:
    """A feed for the log; the query is percent-encoded, so no client text reaches the
    terminal as it is (newlines, escape sequences)."""
    name, query = key
    path = f"/feeds/{name}.ics" if name else "/calendar.ics"
    return f"{path}?q={quote(query, safe=' :/,')}" if query else path


# Watching ----------------------------------------------------------------------------------


def watch_and_ingest(paths: Sequence[str], service: FeedService, stop: threading.Event, *,
                     options: ReadOptions | None = None, log: Log | None = None,
                     ready: threading.Event | None = None) -> None:
    """Re-ingest ``paths`` whenever a file under them changes, until ``stop`` is set.

    Folders are walked again (unchanged files cost a ``stat``); files are watched through
    their folder so an editor's save-by-rename is seen. Deleted files lose their events,
    but only files under ``paths``: the store may hold articles from elsewhere.
    """
    import watchfiles

    roots = [os.path.abspath(p) for p in paths]
    folders = sorted({root if os.path.isdir(root) else os.path.dirname(root) for root in roots})

    def relevant(change: watchfiles.Change, path: str) -> bool:
        return _under(path, roots) and not os.path.basename(path).startswith(".")

    def exists(path: str) -> bool:
        return os.path.exists(path) or not _under(path, roots)

    def report(error: InputError) -> None:
        if log is not None:
            log(str(error))

    # The parse runs in a worker process, never in the server's: a slow article must not
    # hold the interpreter lock the event loop needs. The worker exits if the server dies.
    context = multiprocessing.get_context("spawn")
    with Store.open(service.db, create=False) as store, ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=watch_parent,
            initargs=(os.getpid(),)) as worker:
        if ready is not None:
            ready.set()
        for changes in watchfiles.watch(*folders, watch_filter=relevant, debounce=400,
                                        step=30, stop_event=stop, rust_timeout=200,
                                        yield_on_timeout=False, raise_interrupt=False):
            if not changes:
                continue
            present = [root for root in roots if os.path.exists(root)]
            try:
                result, errors = worker.submit(_ingest_in_worker, str(service.db), present,
                                               options).result()
                for source, problem, line in errors:
                    report(InputError(source, problem, line=line))
                pruned = store.prune(exists) if any(
                    kind == watchfiles.Change.deleted for kind, _ in changes) else (0, 0)
            except (TimelineError, BrokenProcessPool) as error:
                report_line = str(error) or type(error).__name__
                if log is not None:
                    log(report_line)
                continue
            service.poll()  # the ingest committed on another connection: the version moves
            service.refresh()
            if log is not None and (result.new or result.changed or pruned[0]):
                log(f"re-ingested: {result.summary()}")


def _ingest_in_worker(db: str, paths: list[str], options: ReadOptions | None
                      ) -> tuple[IngestReport, list[tuple[str, str, int | None]]]:
    """One re-ingest, in the watcher's worker process: what it did and what failed (as
    plain tuples, which cross the process boundary)."""
    errors: list[tuple[str, str, int | None]] = []
    with Store.open(db, create=False) as store:
        report = ingest(store, paths, options, workers=1,
                        on_error=lambda e: errors.append((e.source, e.problem, e.line)))
    return report, errors


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


# HTTP --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    """What a path names: a feed (by name, "" for the whole calendar) or the index page."""

    feed: str | None
    token: str | None


def create_app(db: str | os.PathLike[str], settings: FeedSettings | None = None, *,
               watch: Sequence[str] = (), read_options: ReadOptions | None = None,
               log: Log | None = None) -> Starlette:
    """The ASGI app serving the store at ``db``; ``watch`` re-ingests those paths on change.

    Everything the app holds lives in this call's :class:`FeedService`: two apps in one
    process share nothing.
    """
    settings = settings or FeedSettings()
    path = Path(db)
    holder: dict[str, FeedService] = {}

    def service() -> FeedService:
        return holder["service"]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        feeds = holder["service"] = FeedService(path, settings, log=log)
        stop = threading.Event()
        threads = [threading.Thread(target=_poll_loop, args=(feeds, stop), daemon=True,
                                    name="feed-poll")]
        ready = threading.Event()
        if watch:
            threads.append(threading.Thread(
                target=_guarded(watch_and_ingest, log), args=(watch, feeds, stop),
                kwargs={"options": read_options, "log": log, "ready": ready},
                daemon=True, name="feed-watch"))
        # Serialise the whole calendar before the first subscriber asks for it, in the
        # background: a cold 100k-event export takes a while, and requests meanwhile wait
        # for it on the service's lock rather than for the socket to open.
        threads.append(threading.Thread(target=_warm, args=(feeds,), daemon=True,
                                        name="feed-warm"))
        for thread in threads:
            thread.start()
        if watch:
            await run_in_threadpool(ready.wait, 10.0)
        try:
            yield
        finally:
            stop.set()
            for thread in threads:
                if thread.ident is not None:  # only a started thread can be joined
                    await run_in_threadpool(thread.join, 5.0)
            feeds.close()

    async def endpoint(request: Request) -> Response:
        scope = request.scope
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_URL:
            return _text(414, "URI too long")
        target = _resolve(request.url.path, settings)
        if target is None:
            return _text(404, "not found")
        if request.method not in _METHODS:
            return _text(405, "method not allowed (this server is read-only)",
                         {"Allow": ", ".join(_METHODS)})
        if target.feed is None:
            return await _index(request, service(), settings, target.token)
        return await _calendar(request, service(), target)

    return Starlette(routes=[Route("/{path:path}", _EveryMethod(endpoint))], lifespan=lifespan)


class _EveryMethod:
    """An ASGI endpoint that takes every method, so that 405 (one line, ``Allow``) and 404
    (for paths that name nothing, whatever the method) are the endpoint's to answer.
    Starlette's ``Route`` checks methods itself for plain functions."""

    def __init__(self, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self._app = request_response(handler)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def _guarded(function: Callable[..., None], log: Log | None) -> Callable[..., None]:
    """Run ``function`` in a thread; report a crash as one line instead of a traceback."""
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except Exception as exc:  # the server goes on serving the last good feed
            if log is not None:
                log(f"--watch stopped: {type(exc).__name__}: {exc}")
            ready = kwargs.get("ready")
            if isinstance(ready, threading.Event):
                ready.set()
    return run


def _warm(service: FeedService) -> None:
    with contextlib.suppress(Exception):  # a request will report the problem
        service.render(("", ""))


def _poll_loop(service: FeedService, stop: threading.Event) -> None:
    """Notice commits of other processes (``timeline ingest``, ``edit``, ``hide``)."""
    while not stop.wait(service.settings.poll_interval):
        with contextlib.suppress(Exception):  # a closed or busy store is checked next time
            service.poll()


def _resolve(path: str, settings: FeedSettings) -> _Target | None:
    """The feed or page a path names, honouring tokens; None for 404."""
    token: str | None = None
    rest = path
    segments = path.split("/", 2)
    tokens = _tokens(settings)
    if tokens and len(segments) >= 2 and segments[1]:
        candidate = segments[1]
        for known in tokens:  # every token is compared, so timing says nothing
            if hmac.compare_digest(candidate.encode(), known.encode()):
                token = known
        if token is not None:
            rest = "/" + (segments[2] if len(segments) > 2 else "")
            if len(segments) == 2:
                rest = "/"  # "/TOKEN" alone is the page
    if rest == "/":
        page_open = token is not None or settings.token is None
        return _Target(None, token) if page_open else None
    if rest == "/calendar.ics":
        return _Target("", token) if token == settings.token else None
    if rest.startswith("/feeds/") and rest.endswith(".ics"):
        spec = settings.feed(rest[len("/feeds/"):-len(".ics")])
        if spec is None:
            return None
        wanted = spec.token if spec.token is not None else settings.token
        return _Target(spec.name, token) if token == wanted else None
    return None


def _tokens(settings: FeedSettings) -> list[str]:
    tokens = [settings.token] if settings.token else []
    tokens += [feed.token for feed in settings.feeds if feed.token]
    return tokens


def _visible(settings: FeedSettings, token: str | None) -> list[tuple[str, FeedSpec | None]]:
    """The feeds a page at ``token`` lists: (URL path, spec or None for the whole calendar)."""
    prefix = f"/{token}" if token else ""
    feeds: list[tuple[str, FeedSpec | None]] = []
    if token == settings.token:
        feeds.append((f"{prefix}/calendar.ics", None))
    for spec in settings.feeds:
        wanted = spec.token if spec.token is not None else settings.token
        if token == wanted:
            feeds.append((f"{prefix}/feeds/{spec.name}.ics", spec))
    return feeds


async def _calendar(request: Request, service: FeedService, target: _Target) -> Response:
    params = request.query_params
    text = params.get("q", "")
    try:
        query_text = str(parse_query(text)) if text.strip() else ""
    except QueryError as error:
        return _text(400, f"bad query: {error}")
    key: FeedKey = (target.feed or "", query_text)
    rendition = service.cached(key)
    if rendition is None:
        try:
            rendition = await run_in_threadpool(service.render, key)
        except TimelineError as error:
            return _text(503, f"store unavailable: {str(error).splitlines()[0]}")
    gzipped = _accepts_gzip(request.headers.get("accept-encoding", ""))
    etag = rendition.gzip_etag if gzipped else rendition.etag
    headers = {
        "ETag": etag,
        "Last-Modified": rendition.http_date,
        "Cache-Control": (f"{'private' if target.token else 'public'}, "
                          f"max-age={int(service.settings.refresh.total_seconds())}"),
        "Vary": "Accept-Encoding",
    }
    if _not_modified(request, rendition):
        return Response(status_code=304, headers=headers)
    body = rendition.gzipped if gzipped else rendition.body
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    headers["Content-Type"] = CALENDAR_TYPE
    headers["Content-Length"] = str(len(body))
    name = target.feed or "calendar"
    headers["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return Response(b"" if request.method == "HEAD" else body, headers=headers)


def _not_modified(request: Request, rendition: Rendition) -> bool:
    """RFC 9110 13.1: If-None-Match (weak comparison) wins; else If-Modified-Since."""
    match = request.headers.get("if-none-match")
    if match is not None:
        if match.strip() == "*":
            return True
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return bool(tags & {rendition.etag, rendition.gzip_etag})
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError, IndexError):
        return False  # an unreadable date is ignored, as RFC 9110 says
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return rendition.last_modified <= moment


def _accepts_gzip(header: str) -> bool:
    """True when Accept-Encoding allows gzip (``gzip``, ``x-gzip`` or ``*`` with q > 0)."""
    chosen: dict[str, float] = {}
    for part in header.lower().split(","):
        coding, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        chosen[coding.strip()] = weight
    for coding in ("gzip", "x-gzip"):
        if coding in chosen:
            return chosen[coding] > 0
    return chosen.get("*", 0.0) > 0


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A one-line plain-text answer."""
    return Response(message + "\n", status_code=status, headers=headers,
                    media_type="text/plain; charset=utf-8")


# The page ----------------------------------------------------------------------------------


async def _index(request: Request, service: FeedService, settings: FeedSettings,
                 token: str | None) -> Response:
    timeline = service.cached_timeline()
    if timeline is None:
        try:
            timeline = await run_in_threadpool(service.timeline)
        except TimelineError as error:
            return _text(503, f"store unavailable: {str(error).splitlines()[0]}")
    feeds = _visible(settings, token)
    if token is not None and token != settings.token:
        # A feed's own token shows only that feed's events.
        spec = feeds[0][1] if feeds else None
        if spec is not None and spec.query:
            timeline = timeline.filter(parse_query(spec.query))
    else:
        timeline = without_private(timeline, settings, None)
    today = datetime.now(UTC).astimezone().date()
    page = render_page(feeds, timeline, today, base=_base_url(request))
    body = page.encode("utf-8")
    headers = {"Cache-Control": "no-cache", "Content-Length": str(len(body)),
               "Content-Type": "text/html; charset=utf-8"}
    return Response(b"" if request.method == "HEAD" else body, headers=headers)


def _base_url(request: Request) -> tuple[str, str]:
    """(scheme, host[:port]) as the client sees the server (proxy headers honoured)."""
    scheme = request.url.scheme if request.url.scheme in ("http", "https") else "http"
    host = request.headers.get("host") or request.url.netloc
    return scheme, host


def subscribe_links(base: tuple[str, str], path: str) -> dict[str, str]:
    """The three ways to subscribe: ``webcal``, the plain URL, Google's one-click form."""
    scheme, host = base
    webcal = f"webcal://{host}{path}"
    return {
        "webcal": webcal,
        "url": f"{scheme}://{host}{path}",
        "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=":/"),
    }


def render_page(feeds: Sequence[tuple[str, FeedSpec | None]], timeline: Timeline, today: date,
                *, base: tuple[str, str]) -> str:
    """The HTML page: one card per feed with its links, then the next events."""
    cards = []
    for path, spec in feeds:
        links = subscribe_links(base, path)
        title = (spec.title or spec.name) if spec else "Everything"
        what = f"<code>{html.escape(spec.query)}</code>" if spec and spec.query else \
            "every event in the timeline"
        cards.append(
            f'<section class="feed" data-path="{html.escape(path)}">'
            f"<h2>{html.escape(title)}</h2><p class=\"what\">{what}</p>"
            f'<p class="links"><a class="webcal" href="{html.escape(links["webcal"])}">'
            "Subscribe (Apple, Outlook, Thunderbird)</a>"
            f'<a class="google" href="{html.escape(links["google"])}">'
            "Add to Google Calendar</a></p>"
            f'<p class="url">Or paste into "From URL": <a class="https" '
            f'href="{html.escape(links["url"])}">{html.escape(links["url"])}</a></p>'
            "</section>")
    if not cards:
        cards.append('<p class="empty">No feeds here.</p>')
    start = timeline.index_on_or_after(today)
    upcoming = list(timeline)[start:start + UPCOMING] if len(timeline) else []
    rows = "".join(_event_row(event) for event in upcoming) or \
        '<li class="empty">No upcoming events.</li>'
    return _PAGE.format(cards="".join(cards), rows=rows, count=len(timeline))


def _event_row(event: Event) -> str:
    when = _readable(event.start, event.granularity)
    if event.end is not None:
        when += " – " + _readable(event.end, event.granularity)
    place = f'<span class="place">{html.escape(event.location)}</span>' if event.location else ""
    source = event.sources[0] if event.sources else None
    link = ""
    if source is not None and source.url and source.url.startswith(("http://", "https://")):
        label = source.document_title or source.url
        if source.outlet:
            label = f"{source.outlet}: {label}"
        link = f'<a class="source" href="{html.escape(source.url)}">{html.escape(label)}</a>'
    return (f'<li><time>{html.escape(when)}</time><span><strong>{html.escape(event.title)}'
            f"</strong> {place} {link}</span></li>")


def _readable(value: date, granularity: str) -> str:
    """A date as people read it on a page ("Tue 10 Mar 2099", "Mar 2099", "19:00")."""
    if isinstance(value, datetime):
        return value.strftime("%a %d %b %Y %H:%M")
    if granularity == "year":
        return f"{value.year}"
    if granularity == "month":
        return value.strftime("%b %Y")
    return value.strftime("%a %d %b %Y")


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>News timeline feeds</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
        padding: 0 1rem; color: #1d1d1f; background: #fafafa; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }}
.feed {{ background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: .8rem 1rem;
         margin: 1rem 0; }}
.feed h2 {{ font-size: 1.15rem; margin: 0; }}
.what {{ color: #555; margin: .2rem 0 .6rem; }}
.links a {{ display: inline-block; margin: 0 .5rem .4rem 0; padding: .35rem .8rem;
            border-radius: 6px; background: #0b57d0; color: #fff; text-decoration: none; }}
.links a.google {{ background: #188038; }}
.url {{ font-size: .9rem; color: #555; margin: 0; word-break: break-all; }}
ol {{ padding-left: 0; list-style: none; }}
li {{ display: grid; grid-template-columns: 9.5rem 1fr; gap: .8rem; padding: .35rem 0;
      border-bottom: 1px solid #eee; }}
time {{ color: #444; font-variant-numeric: tabular-nums; }}
.place {{ color: #666; }} .place::before {{ content: "@ "; }}
.source {{ font-size: .85rem; margin-left: .3rem; }}
</style></head>
<body>
<h1>News timeline</h1>
<p>Subscribe in your calendar app; it checks for new events on its own.</p>
{cards}
<h2>Next events</h2>
<ol class="upcoming">{rows}</ol>
<p class="count">{count} events in the timeline.</p>
</body></html>
"""
