"""``timeline list``, ``calendar`` and ``show``: the agenda commands, with khal-style ranges.

Each has ``--json``; the event objects are those of ``extract --json``.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date

import click

from timeline.agenda import day_counts, describe, month_grid, render
from timeline.cli_common import (
    ErrorReporter,
    db_option,
    fail,
    load_timeline,
    print_json,
    query_option,
    read_options,
    reading_options,
    use_color,
)
from timeline.daterange import DayRange, period, split_range
from timeline.errors import TimelineError
from timeline.event import period_last_day
from timeline.query import Query
from timeline.recurrence import expand
from timeline.shortid import resolve, short_ids
from timeline.timeline import Timeline


def today_option(value: str | None) -> date:
    """``--today``, else the clock's date: what "today" means in a range."""
    if value is None:
        return date.today()  # noqa: DTZ011 (the user's own day is the one a range means)
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--today: not a YYYY-MM-DD date: {value!r}")


_TODAY = click.option("--today", metavar="YYYY-MM-DD",
                      help="The day 'today' means in a range (default: the clock's).")
_JSON = click.option("--json", "as_json", is_flag=True,
                     help="Print JSON (the schema is in the README, 'JSON output').")
_COLOR = click.option("--color/--no-color", default=None,
                      help="Force colour on or off (default: on a TTY, unless NO_COLOR is set).")


@click.command("list")
@click.argument("args", nargs=-1, metavar="[RANGE] [PATH]...")
@click.option("-q", "--query", help="Keep only events matching this query, e.g. 'kind:scheduled'.")
@_COLOR
@_JSON
@_TODAY
@db_option
@reading_options
def list_command(args: tuple[str, ...], query: str | None, color: bool | None, as_json: bool,
                 today: str | None, db: str | None, dct: str | None, source_tz: str | None,
                 follow_links: bool, strict: bool) -> None:
    """Print an agenda of the events in articles (or the store), grouped by day.

    RANGE is a start (today, tomorrow, yesterday, a weekday, YYYY, YYYY-MM, YYYY-MM-DD or
    YYYY-Www) and an optional length (3d, 2w, 1m, 1y) or inclusive end. A path that reads
    like a range is given as ./today.

    \b
    Example:
      timeline list seeds/
      timeline list 2025-02 1m seeds/
      timeline list --today 2025-02-18 today 7d seeds/
      timeline list -q 'after:2025-02-20 kind:scheduled' seeds/
      timeline list tomorrow                (the store's events)
    """
    day = today_option(today)
    try:
        span, paths = split_range(args, day)
    except TimelineError as error:
        fail(str(error))
    wanted = query_option(query)
    reporter = ErrorReporter(strict)
    # Loaded whole and filtered here, so that short IDs are unique among all the events,
    # as edit and hide resolve them, not only among those shown.
    loaded = load_timeline(paths, read_options(dct, source_tz, follow_links), reporter, Query(), db)
    timeline = _in_range(loaded.filter(wanted), span)
    if as_json:
        print_json({"range": None if span is None else span.to_json(),
                    "events": [event.to_json() for event in timeline]})
    else:
        colour = use_color(color)
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        text = render(timeline, color=colour, width=width, today=day,
                      short=_short_ids(loaded, timeline))
        click.echo(text, nl=False, color=colour)
    reporter.finish()


@click.command("calendar")
@click.argument("args", nargs=-1, metavar="[MONTH] [PATH]...")
@click.option("-q", "--query", help="Keep only events matching this query.")
@_COLOR
@_JSON
@_TODAY
@db_option
@reading_options
def calendar_command(args: tuple[str, ...], query: str | None, color: bool | None,
                     as_json: bool, today: str | None, db: str | None, dct: str | None,
                     source_tz: str | None, follow_links: bool, strict: bool) -> None:
    """Print a month as a grid, days with events starred (default: this month).

    MONTH is YYYY-MM (or any range start: today, 2025-02-19...).

    \b
    Example:
      timeline calendar 2025-02 seeds/
      timeline calendar                     (this month, from the store)
    """
    day = today_option(today)
    try:
        start = period(args[0], day) if args else None
    except TimelineError as error:
        fail(str(error))
    paths = args[1:] if start is not None else args
    first = (start[0] if start is not None else day).replace(day=1)
    wanted = query_option(query)
    reporter = ErrorReporter(strict)
    loaded = load_timeline(paths, read_options(dct, source_tz, follow_links), reporter, Query(), db)
    span = DayRange(first=first, last=period_last_day(first, "month"))
    timeline = _in_range(loaded.filter(wanted), span)
    if as_json:
        counts = day_counts(timeline, first)
        print_json({"month": first.isoformat()[:7],
                    "days": [{"date": d.isoformat(), "events": counts[d]} for d in _days(span)],
                    "events": [event.to_json() for event in timeline]})
    else:
        colour = use_color(color)
        text = month_grid(timeline, first, today=day, color=colour,
                          short=_short_ids(loaded, timeline))
        click.echo(text, nl=False, color=colour)
    reporter.finish()


@click.command("show")
@click.argument("uid")
@click.argument("paths", nargs=-1)
@_COLOR
@_JSON
@db_option
@reading_options
def show_command(uid: str, paths: tuple[str, ...], color: bool | None, as_json: bool,
                 db: str | None, dct: str | None, source_tz: str | None, follow_links: bool,
                 strict: bool) -> None:
    """Print one event in full: when, where, kind, every source sentence and the derivation.

    UID is the uid or its short ID (at least 6 characters, as `timeline list` prints).

    \b
    Example:
      timeline show a95f26 seeds/
      timeline show a95f26 --json           (from the store)
    """
    reporter = ErrorReporter(strict)
    loaded = load_timeline(paths, read_options(dct, source_tz, follow_links), reporter, Query(), db)
    events = {e.uid: e for e in loaded}
    try:
        try:
            full = resolve(uid, events)
        except TimelineError:
            # Not a stored event: perhaps one occurrence of a series ("uid#20250203").
            events = {e.uid: e for e in expand(loaded) if e.uid not in events}
            if not any(other.startswith(uid) for other in events):
                raise
            full = resolve(uid, events)
    except TimelineError as error:
        fail(str(error))
    event = events[full]
    uids = [e.uid for e in loaded]
    if as_json:
        print_json({"event": event.to_json()})
    else:
        colour = use_color(color)
        click.echo(describe(event, short=short_ids(uids).get(full), color=colour), nl=False,
                   color=colour)
    reporter.finish()


AGENDA_COMMANDS = (list_command, calendar_command, show_command)


def _in_range(timeline: Timeline, span: DayRange | None) -> Timeline:
    """The events overlapping ``span``, recurring ones expanded into their occurrences."""
    if span is None:
        return expand(timeline)
    return expand(timeline, span.first, span.last).between(span.first, span.last)


def _short_ids(loaded: Timeline, shown: Timeline) -> dict[str, str]:
    """Short IDs of the events shown; an occurrence of a series shows the series' own,
    which is what ``edit`` and ``hide`` act on."""
    short = short_ids(e.uid for e in loaded)
    return {e.uid: short.get(e.uid) or short.get(e.uid.rpartition("#")[0], e.uid)
            for e in shown}


def _days(span: DayRange) -> list[date]:
    return [date.fromordinal(n) for n in range(span.first.toordinal(), span.last.toordinal() + 1)]
