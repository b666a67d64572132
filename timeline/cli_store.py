"""The store's sub-commands: ``ingest``, and the corrections ``edit``, ``hide``, ``confirm``
and ``undo``. Thin: parse arguments, call :mod:`timeline.store`, print."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from timeline.cli_common import (
    ErrorReporter,
    db_option,
    fail,
    print_json,
    read_options,
    reading_options,
)
from timeline.errors import TimelineError
from timeline.event import Event, format_when
from timeline.store import Store
from timeline.store_ingest import Progress, ingest
from timeline.terminal import printable

T = TypeVar("T")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that parse (default: one per core).")
@click.option("--prune", is_flag=True,
              help="Also remove the events of stored files that no longer exist.")
@click.option("--reparse", is_flag=True,
              help="Parse unchanged files again (after upgrading timeline).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see the README, 'JSON output').")
@reading_options
def ingest_command(paths: tuple[str, ...], db: str | None, workers: int | None, prune: bool,
                   reparse: bool, as_json: bool, dct: str | None, source_tz: str | None,
                   follow_links: bool, strict: bool) -> None:
    """Read articles into the store; unchanged ones are skipped, changed ones updated.

    \b
    Example:
      timeline ingest ~/news
      timeline ingest --db news.db --workers 4 --prune ~/news
    """
    reporter = ErrorReporter(strict)
    options = read_options(dct, source_tz, follow_links)
    with _open(db, create=True) as store, _progress_bar() as progress:
        try:
            report = ingest(store, paths, options, workers=workers, prune=prune,
                            reparse=reparse, on_error=reporter.report, on_skip=reporter.skip,
                            on_progress=progress)
        except TimelineError as error:
            fail(str(error))
    if as_json:
        print_json({"documents": {"read": report.read, "new": report.new,
                                  "changed": report.changed, "unchanged": report.unchanged,
                                  "failed": report.failed, "pruned": report.pruned_documents},
                    "events": {"added": report.added, "updated": report.updated,
                               "removed": report.removed + report.pruned_events},
                    "orphaned": list(report.orphaned), "seconds": round(report.seconds, 3)})
    else:
        click.echo(report.summary())
    if report.orphaned:
        shown = ", ".join(report.orphaned[:5]) + (" ..." if len(report.orphaned) > 5 else "")
        click.echo(f"timeline: {len(report.orphaned)} correction(s) kept for events no longer "
                   f"in their articles (see `timeline corrections`): {shown}", err=True)
    if reporter.failed:
        raise SystemExit(1)


@click.command("edit")
@click.argument("uid")
@click.option("--title", help="A new title.")
@click.option("--start", metavar="DATE", help="YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM or YYYY.")
@click.option("--end", metavar="DATE", help="Inclusive last day or end time ('' clears it).")
@click.option("--location", help="A new place ('' clears it).")
@click.option("--tz", metavar="ZONE", help="IANA zone of the times ('' clears it).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see the README, 'JSON output').")
@db_option
def edit_command(uid: str, title: str | None, start: str | None, end: str | None,
                 location: str | None, tz: str | None, as_json: bool, db: str | None) -> None:
    """Correct an event; the correction wins over every later re-parse.

    \b
    Example:
      timeline edit 3f2a9c --start 2025-02-21 --end 2025-02-22
      timeline edit 3f2a9c --title 'Trans-Pacific Dialogue' --location Washington
    """
    fields = {name: value for name, value in (("title", title), ("start", start), ("end", end),
                                              ("location", location), ("tz", tz))
              if value is not None}
    if not fields:
        fail("nothing to edit (give --title, --start, --end, --location or --tz)")
    with _open(db) as store:
        event = _run(lambda: store.edit(uid, **fields))
    if as_json:
        print_json({"event": event.to_json()})
    else:
        click.echo(_describe(event))


@click.command("hide")
@click.argument("uid")
@click.option("--show", is_flag=True, help="Show a hidden event again.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see the README, 'JSON output').")
@db_option
def hide_command(uid: str, show: bool, as_json: bool, db: str | None) -> None:
    """Hide an event (a false positive) from lists, exports and the feed.

    \b
    Example:
      timeline hide 3f2a9c
    """
    with _open(db) as store:
        full = _run(lambda: store.hide(uid, hidden=not show))
    if as_json:
        print_json({"uid": full, "hidden": not show})
    else:
        click.echo(f"{'shown' if show else 'hidden'}: {full}")


@click.command("confirm")
@click.argument("uid")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see the README, 'JSON output').")
@db_option
def confirm_command(uid: str, as_json: bool, db: str | None) -> None:
    """Mark an event as checked by a person.

    \b
    Example:
      timeline confirm 3f2a9c
    """
    with _open(db) as store:
        full = _run(lambda: store.confirm(uid))
    if as_json:
        print_json({"uid": full, "confirmed": True})
    else:
        click.echo(f"confirmed: {full}")


@click.command("undo")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (see the README, 'JSON output').")
@db_option
def undo_command(as_json: bool, db: str | None) -> None:
    """Undo the last edit, hide or confirm.

    \b
    Example:
      timeline undo
    """
    with _open(db) as store:
        undone = _run(store.undo_last_correction)
    if as_json:
        print_json({"undone": None if undone is None
                    else {"uid": undone[0], "action": undone[1]}})
        return
    click.echo("nothing to undo" if undone is None else f"undid {undone[1]} of {undone[0]}")


@click.command("corrections")
@db_option
def corrections_command(db: str | None) -> None:
    """List every correction, and whether its event is still in its article.

    A correction whose event vanished (its sentence was removed or rewritten) is kept, in
    case the event comes back; it is listed here as "orphaned".

    \b
    Example:
      timeline corrections
    """
    with _open(db) as store:
        corrections = _run(store.corrections)
        orphaned = {c.uid for c in _run(store.orphaned_corrections)}
    if not corrections:
        click.echo("no corrections")
        return
    for correction in corrections:
        what = [f"{name}={value if value is not None else ''!r}"
                for name, value in sorted(correction.edits.items())]
        what += ["hidden"] * correction.hidden + ["confirmed"] * correction.confirmed
        state = "orphaned" if correction.uid in orphaned else "on its event"
        click.echo(printable(f"{correction.uid}  {state}  {', '.join(what) or '(undone)'}"))


STORE_COMMANDS = (ingest_command, edit_command, hide_command, confirm_command, undo_command,
                  corrections_command)


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except TimelineError as error:
        fail(str(error))


@contextmanager
def _open(db: str | None, *, create: bool = False) -> Iterator[Store]:
    """The store, or a one-line exit; says so when another process makes us wait."""
    try:
        store = Store.open(db, create=create,
                           on_wait=lambda message: click.echo(f"timeline: {message}", err=True))
    except TimelineError as error:
        fail(str(error))
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A rich progress bar with documents/s and ETA on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    # Imported here: the core package must not load rich unless a terminal shows it.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn())
    started = time.monotonic()
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def update(done: int, total: int) -> None:
            elapsed = time.monotonic() - started
            rate = f"{done / elapsed:,.0f} documents/s" if elapsed > 0 else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update


def _describe(event: Event) -> str:
    end = f" .. {format_when(event.end, event.granularity)}" if event.end is not None else ""
    place = f" @ {event.location}" if event.location else ""
    return (f"{event.uid}  {format_when(event.start, event.granularity)}{end}  "
            f"{event.title}{place}")
