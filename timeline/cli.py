"""The ``timeline`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TextIO

import click

from timeline import __version__
from timeline.agenda import render
from timeline.document import Document
from timeline.errors import InputError, TimelineError
from timeline.extract import extract
from timeline.query import parse_query
from timeline.reader import ReadOptions, parse_dct, parse_zone, read_documents
from timeline.temporal import tag
from timeline.timeline import Timeline

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Run:
    """Collects per-file errors so one bad file does not stop the others."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.failed = False

    def report(self, error: InputError) -> None:
        self.failed = True
        click.echo(f"timeline: {error}", err=True)
        if self.strict:
            raise SystemExit(1)


def _fail(message: str) -> None:
    click.echo(f"timeline: {message}", err=True)
    raise SystemExit(1)


def _reading_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads articles shares."""
    for option in reversed(
        (
            click.option("--dct", metavar="DATE[THH:MM]",
                         help="Publication date for plain text without a seed header."),
            click.option("--source-tz", default="UTC", show_default=True, metavar="ZONE",
                         help="IANA zone of the Published time in article headers."),
            click.option("--strict", is_flag=True, help="Stop at the first unreadable file."),
        )
    ):
        f = option(f)
    return f


def _documents(paths: tuple[str, ...], dct: str | None, source_tz: str,
               run: _Run) -> Iterator[Document]:
    try:
        parse_zone(source_tz)
        options = ReadOptions(dct=parse_dct(dct, source_tz) if dct else None, source_tz=source_tz)
    except InputError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits
    yield from read_documents(paths, options, on_error=run.report)


def _timeline(paths: tuple[str, ...], dct: str | None, source_tz: str, strict: bool,
              query: str | None) -> tuple[Timeline, _Run]:
    run = _Run(strict)
    try:
        parsed = parse_query(query or "")
    except TimelineError as error:
        _fail(str(error))
        raise
    documents = list(_documents(paths, dct, source_tz, run))
    if run.failed and not documents:
        raise SystemExit(1)
    return extract(documents).filter(parsed), run


@click.group(context_settings=_CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="timeline")
def cli() -> None:
    """Turn news articles into a calendar.

    \b
    Example:
      timeline list seeds/
    """


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print {\"events\": [...]} as JSON.")
@click.option("-q", "--query", help="Keep only events matching this query.")
@_reading_options
def extract_command(paths: tuple[str, ...], as_json: bool, query: str | None, dct: str | None,
                    source_tz: str, strict: bool) -> None:
    """Find the dated events in articles.

    \b
    Example:
      timeline extract --json seeds/
      timeline extract --json --dct 2025-02-04 notes.txt
    """
    timeline, run = _timeline(paths, dct, source_tz, strict, query)
    if as_json:
        payload = {"events": [event.to_json() for event in timeline]}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        click.echo(render(timeline, color=sys.stdout.isatty()), nl=False)
    if run.failed:
        raise SystemExit(1)


@cli.command("list")
@click.argument("paths", nargs=-1, required=True)
@click.option("-q", "--query", help="Keep only events matching this query, e.g. 'kind:scheduled'.")
@click.option("--color/--no-color", default=None,
              help="Force colour on or off (default: on a TTY).")
@_reading_options
def list_command(paths: tuple[str, ...], query: str | None, color: bool | None, dct: str | None,
                 source_tz: str, strict: bool) -> None:
    """Print an agenda of the events in articles, grouped by day.

    \b
    Example:
      timeline list seeds/
      timeline list -q 'after:2025-02-20 kind:scheduled' seeds/
    """
    timeline, run = _timeline(paths, dct, source_tz, strict, query)
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render(timeline, color=use_color), nl=False, color=use_color)
    if run.failed:
        raise SystemExit(1)


@cli.command("timex")
@click.argument("jsonl", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write (default: stdout).")
def timex_command(jsonl: TextIO, output: TextIO) -> None:
    """Tag TIMEX3 expressions in a JSONL file of {"id", "dct", "text"} lines.

    Each output line is the input object with "timexes" added.

    \b
    Example:
      timeline timex docs.jsonl > tagged.jsonl
    """
    for number, line in enumerate(jsonl, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            dct = _jsonl_dct(record.get("dct"))
        except (ValueError, KeyError, TypeError) as exc:
            _fail(f"{jsonl.name}:{number}: not a {{id, dct, text}} object ({exc})")
            return
        record["timexes"] = [t.to_json() for t in tag(text, dct)]
        output.write(json.dumps(record, ensure_ascii=False) + "\n")


def _jsonl_dct(value: object) -> datetime:
    if not value:
        raise ValueError("missing dct")
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def main() -> None:
    """Console entry point: user errors become one line and exit code 1, never a traceback."""
    try:
        cli.main(standalone_mode=True)
    except TimelineError as error:
        _fail(str(error))
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
