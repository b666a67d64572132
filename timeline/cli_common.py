"""What every ``timeline`` sub-command shares: reading options, error reporting, loading."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import click

from timeline.document import Document
from timeline.errors import InputError, NotAnArticle, TimelineError
from timeline.limits import DEFAULT_MAX_BYTES, DEFAULT_SECONDS
from timeline.query import Query, parse_query
from timeline.readers import ReadOptions, parse_dct, parse_zone, read_documents
from timeline.store import Store
from timeline.terminal import json_text, printable
from timeline.timeline import Timeline

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


#: Where ``--debug``, ``--max-size`` and ``--time-limit`` keep their values in click's
#: context, so every command that reads articles has them without a parameter each.
_META = "timeline.reading"


def debug_enabled() -> bool:
    """True under ``--debug`` (or ``TIMELINE_DEBUG=1``): show tracebacks, not one line."""
    context = click.get_current_context(silent=True)
    flagged = bool(context is not None and context.meta.get(f"{_META}.debug"))
    return flagged or os.environ.get("TIMELINE_DEBUG", "") not in ("", "0")


class ErrorReporter:
    """Prints per-file errors as one line each so one bad file does not stop the others.

    Files a folder walk finds that are no articles are counted, not failed (``--strict``
    fails on them too).
    """

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.failed = False
        self.skipped = 0

    def skip(self, error: NotAnArticle) -> None:
        """Count a non-article; under ``--strict`` it is an error like any other."""
        if self.strict:
            self.report(error)
        self.skipped += 1

    def summary(self) -> None:
        """Say how many files were skipped, if any (on stderr, after the output)."""
        if self.skipped:
            click.echo(f"timeline: {self.skipped:,} skipped: not an article", err=True)

    def finish(self) -> None:
        """The skip summary, then exit 1 if any file failed: how every reading command ends."""
        self.summary()
        if self.failed:
            raise SystemExit(1)

    def report(self, error: InputError) -> None:
        """Print the error (its traceback too under ``--debug``); stop under ``--strict``."""
        self.failed = True
        if error.detail and debug_enabled():
            click.echo(error.detail.rstrip(), err=True)
        click.echo(f"timeline: {printable(str(error))}", err=True)
        if self.strict:
            raise SystemExit(1)


def use_color(forced: bool | None) -> bool:
    """``--color/--no-color`` when given, else colour on a terminal unless ``NO_COLOR`` is set."""
    if forced is not None:
        return forced
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def print_json(payload: dict[str, Any]) -> None:
    """Indented JSON on standard output, as every ``--json`` prints it."""
    click.echo(json_text(payload, indent=2))


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with code 1."""
    click.echo(f"timeline: {message}", err=True)
    raise SystemExit(1)


def reading_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options of every command that reads articles: --dct, --source-tz, --follow-links,
    --strict."""
    for option in reversed(
        (
            click.option("--dct", metavar="DATE[THH:MM]",
                         help="Publication date for plain text without a seed header."),
            click.option("--source-tz", default=None, metavar="ZONE",
                         help="IANA zone of publication times written without one "
                         "(default: the outlet's or dateline's, else UTC)."),
            click.option("--follow-links", is_flag=True,
                         help="Read the page each feed entry links to, not its summary."),
            click.option("--strict", is_flag=True,
                         help="Stop at the first unreadable file or non-article in a folder."),
            click.option("--max-size", type=click.IntRange(min=1), metavar="MB",
                         default=DEFAULT_MAX_BYTES // 1_000_000, show_default=True,
                         expose_value=False, callback=_remember,
                         help="Refuse documents larger than this many megabytes."),
            click.option("--time-limit", type=click.FloatRange(min=0), metavar="SECONDS",
                         default=DEFAULT_SECONDS, show_default=True, expose_value=False,
                         callback=_remember,
                         help="Give up parsing one document after this long (0: never)."),
            click.option("--debug", is_flag=True, expose_value=False, callback=_remember,
                         help="Show the traceback of a failure, not just its line."),
        )
    ):
        f = option(f)
    return f


def _remember(context: click.Context, parameter: click.Parameter, value: object) -> None:
    context.meta[f"{_META}.{parameter.name}"] = value


def reading_limits() -> tuple[int, float]:
    """(largest document in bytes, seconds one parse may take) from the command line."""
    context = click.get_current_context(silent=True)
    meta = context.meta if context is not None else {}
    megabytes = meta.get(f"{_META}.max_size") or DEFAULT_MAX_BYTES // 1_000_000
    seconds = meta.get(f"{_META}.time_limit")
    return int(megabytes * 1_000_000), float(DEFAULT_SECONDS if seconds is None else seconds)


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db PATH``: the store file (default: $TIMELINE_DB, else the user data dir)."""
    return click.option("--db", metavar="PATH",
                        help="The store file (default: $TIMELINE_DB, else the user data dir).")(f)


def read_options(dct: str | None, source_tz: str | None,
                 follow_links: bool = False) -> ReadOptions:
    """Validated reading options, or a one-line exit."""
    try:
        if source_tz:
            parse_zone(source_tz)
        return ReadOptions(dct=parse_dct(dct, source_tz) if dct else None, source_tz=source_tz,
                           follow_links=follow_links, max_bytes=reading_limits()[0],
                           seconds=reading_limits()[1])
    except InputError as error:
        fail(str(error))


def load_documents(paths: tuple[str, ...], options: ReadOptions,
                   reporter: ErrorReporter) -> Iterator[Document]:
    """The readable documents under ``paths``; bad files and non-articles go to ``reporter``."""
    yield from read_documents(paths, options, on_error=reporter.report, on_skip=reporter.skip)


def query_option(text: str | None) -> Query:
    """A parsed ``-q`` query, or a one-line exit."""
    try:
        return parse_query(text or "")
    except TimelineError as error:
        fail(str(error))


def load_timeline(paths: tuple[str, ...], options: ReadOptions,
                  reporter: ErrorReporter, query: Query, db: str | None = None,
                  *, merged: bool = True) -> Timeline:
    """Parse the articles under ``paths`` and keep the events matching ``query``.

    With ``db``, or without paths, the events come from the store instead (corrected,
    hidden ones left out), limited to articles under ``paths`` when some are given.
    Exits with code 1 when no file could be read at all.
    """
    if db is not None or not paths:
        return stored_timeline(db, query, paths, merged=merged)
    documents = list(load_documents(paths, options, reporter))
    if reporter.failed and not documents:
        raise SystemExit(1)
    from timeline.extract import extract  # the parser loads only for commands that parse

    return extract(documents, merged=merged, on_error=reporter.report,
                   seconds=reading_limits()[1]).filter(query)


def stored_timeline(db: str | None, query: Query, paths: tuple[str, ...] = (), *,
                    merged: bool = True) -> Timeline:
    """The store's timeline for ``query`` (only articles under ``paths``), or a one-line exit."""
    try:
        with Store.open(db, create=False) as store:
            timeline = store.timeline(query, merged=merged)
    except TimelineError as error:
        fail(str(error))
    if not paths:
        return timeline
    roots = tuple(os.path.abspath(p) for p in paths)
    return Timeline(tuple(e for e in timeline if any(
        s.document == root or s.document.startswith(root.rstrip(os.sep) + os.sep)
        for s in e.sources for root in roots)))
