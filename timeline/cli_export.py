"""``timeline export``: write the events of articles as an .ics calendar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from timeline.cli_common import (
    ErrorReporter,
    db_option,
    fail,
    load_timeline,
    print_json,
    query_option,
    read_options,
    reading_options,
)
from timeline.errors import InputError, TimelineError
from timeline.event import Event
from timeline.ics import (
    DEFAULT_NAME,
    CalendarOptions,
    Revision,
    export_ics,
    exportable,
    parse_duration,
    revisions_from,
    save_ics,
)
from timeline.store import Store
from timeline.timeline import Timeline

STDOUT = "-"


@click.command("export")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", required=True, metavar="FILE.ics",
              help="Where to write the calendar ('-' for standard output).")
@click.option("-q", "--query", help="Keep only events matching this query.")
@click.option("--include-coarse", is_flag=True,
              help="Also export week-, month- and year-level events as tentative spans.")
@click.option("--refresh", default="PT1H", show_default=True, metavar="DURATION",
              help="How often subscribers should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).")
@click.option("--name", default=DEFAULT_NAME, show_default=True,
              help="The calendar's name in calendar apps.")
@click.option("--default-duration", default="PT1H", show_default=True, metavar="DURATION",
              help="How long a timed event with no stated end lasts (its DTEND).")
@click.option("--json", "as_json", is_flag=True,
              help="Print what was written as JSON (not with -o -).")
@db_option
@reading_options
def export_command(paths: tuple[str, ...], output: str, query: str | None,
                   include_coarse: bool, refresh: str, name: str, default_duration: str,
                   as_json: bool, db: str | None, dct: str | None, source_tz: str | None,
                   follow_links: bool,
                   strict: bool) -> None:
    """Export the events in articles as an iCalendar (.ics) file.

    \b
    Example:
      timeline export seeds/ -o news.ics
      timeline export -q 'kind:scheduled' --include-coarse seeds/ -o news.ics
      timeline export --db news.db -o news.ics    (from the store, with corrections)
    """
    if as_json and output == STDOUT:
        fail("--json prints to standard output, so the calendar needs a file (-o FILE.ics)")
    try:
        options = CalendarOptions(
            name=name, refresh=parse_duration(refresh), include_coarse=include_coarse,
            default_duration=parse_duration(default_duration, option="--default-duration"))
    except InputError as error:
        fail(str(error))
    reporter = ErrorReporter(strict)
    timeline = load_timeline(paths, read_options(dct, source_tz, follow_links), reporter,
                             query_option(query), db)
    revisions = stored_revisions(db) if db is not None or not paths else None
    unwritable: list[Event] = []

    def left_out_of_calendar(event: Event, problem: str) -> None:
        unwritable.append(event)
        reporter.report(InputError(f"event {event.uid} ({event.title!r}, {event.first_day})",
                                   f"cannot be written to a calendar: {problem}; left out"))

    written = write_calendar(timeline, output, options, revisions, left_out_of_calendar)
    left_out = len(exportable(timeline, include_coarse=True)) - written - len(unwritable)
    note = f" ({left_out} coarse left out; --include-coarse adds them)" if left_out else ""
    if as_json:
        print_json({"output": output, "written": written, "left_out": left_out})
    elif output != STDOUT:
        click.echo(f"wrote {written} events to {output}{note}", err=True)
    reporter.finish()


def stored_revisions(db: str | None) -> dict[str, Revision]:
    """SEQUENCE, CREATED and LAST-MODIFIED per uid as the store keeps them."""
    try:
        with Store.open(db, create=False) as store:
            return revisions_from(store.stamps())
    except TimelineError as error:
        fail(str(error))


def write_calendar(timeline: Timeline, output: str, options: CalendarOptions,
                   revisions: Mapping[str, Revision] | None = None,
                   on_error: Callable[[Event, str], None] | None = None) -> int:
    """Export ``timeline`` to ``output`` (a path or '-'); the number of events written.

    The store-backed export (``--db``) calls this with the store's timeline and the
    SEQUENCE/CREATED/LAST-MODIFIED it keeps per uid. An event the calendar cannot hold goes
    to ``on_error`` and is left out (without ``on_error`` it stops the export).
    """
    failed: set[str] = set()

    def left_out(event: Event, problem: str) -> None:
        failed.add(event.uid)
        if on_error is not None:
            on_error(event, problem)

    data = export_ics(timeline, options, revisions=revisions,
                      on_error=left_out if on_error is not None else None)
    if output == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            save_ics(Path(output), data)
        except OSError as error:
            fail(f"{output}: cannot write: {error.strerror or error}")
    return len(exportable(timeline, include_coarse=options.include_coarse)) - len(failed)
