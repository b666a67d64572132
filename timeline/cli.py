"""The ``timeline`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from typing import TextIO

import click

from timeline import __version__
from timeline.agenda import explain_events, render
from timeline.cli_agenda import AGENDA_COMMANDS
from timeline.cli_common import (
    CONTEXT_SETTINGS,
    ErrorReporter,
    db_option,
    fail,
    load_timeline,
    query_option,
    read_options,
    reading_options,
    use_color,
)
from timeline.cli_export import export_command
from timeline.cli_serve import serve_command
from timeline.cli_store import STORE_COMMANDS
from timeline.config import ENV_VAR
from timeline.errors import TimelineError
from timeline.events.frame import PASS_NAMES, SKIP_ENV
from timeline.terminal import json_text, printable


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="timeline")
@click.option("-v", "--verbose", count=True,
              help="Log what happens to standard error (-v: steps, -vv: every document).")
@click.option("--config", "config_file", metavar="FILE",
              help=f"The config file for every command (default: ${ENV_VAR}, "
                   "else config.toml in the user config folder).")
def cli(verbose: int, config_file: str | None) -> None:
    """Turn news articles into a calendar.

    \b
    Example:
      timeline list seeds/
      timeline -v ingest --db news.db seeds/
    """
    if config_file is not None:
        # The environment carries it to the feed server, the browser and worker processes.
        os.environ[ENV_VAR] = config_file
    if verbose:
        logging.basicConfig(level=logging.DEBUG if verbose > 1 else logging.INFO,
                            format="timeline: %(message)s", stream=sys.stderr)


@cli.command("extract")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print {\"events\": [...]} as JSON.")
@click.option("--explain", is_flag=True,
              help="Show each event's sentence with the date marked, and why it is an event.")
@click.option("--merge", is_flag=True,
              help="Merge one happening reported by several articles into one event.")
@click.option("-q", "--query", help="Keep only events matching this query.")
@click.option("--skip-pass", "skip_passes", multiple=True, type=click.Choice(PASS_NAMES),
              help="Switch a framer pass off, to measure what it is worth (repeatable).")
@db_option
@reading_options
def extract_command(paths: tuple[str, ...], as_json: bool, explain: bool, merge: bool,
                    query: str | None, skip_passes: tuple[str, ...], db: str | None,
                    dct: str | None, source_tz: str | None, follow_links: bool,
                    strict: bool) -> None:
    """Find the dated events in articles, per article (or merged with --merge).

    \b
    Example:
      timeline extract --json seeds/
      timeline extract --explain seeds/
      timeline extract --json --dct 2025-02-04 notes.txt
      timeline extract --json --db news.db    (from the store)
    """
    if skip_passes:
        os.environ[SKIP_ENV] = ",".join(skip_passes)
    reporter = ErrorReporter(strict)
    timeline = load_timeline(paths, read_options(dct, source_tz, follow_links), reporter,
                             query_option(query), db,
                             merged=merge)
    if explain:
        click.echo(explain_events(timeline, color=use_color(None)), nl=False)
    elif as_json:
        payload = {"events": [event.to_json() for event in timeline]}
        click.echo(json_text(payload, indent=2))
    else:
        click.echo(render(timeline, color=use_color(None)), nl=False)
    reporter.finish()


@cli.command("timex")
@click.argument("jsonl", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write (default: stdout).")
def timex_command(jsonl: TextIO, output: TextIO) -> None:
    """Tag TIMEX3 expressions in a JSONL file of {"id", "dct", "text"} lines.

    Each output line is the input object with "timexes" added. A line that is not JSON is
    reported and skipped; an object without a usable "dct" or "text" is reported and written
    back with no timexes, so output lines still match input lines. Either makes the exit
    code 1.

    \b
    Example:
      timeline timex docs.jsonl > tagged.jsonl
    """
    from timeline.temporal import tag  # the tagger loads only for commands that tag

    failed = False
    for number, line in enumerate(jsonl, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("not an object")
        except (ValueError, TypeError) as exc:
            click.echo(f"timeline: {jsonl.name}:{number}: not a JSON object ({exc})", err=True)
            failed = True
            continue
        try:
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
            timexes = [t.to_json() for t in tag(text, _jsonl_dct(record.get("dct")))]
        except (ValueError, KeyError, TypeError) as exc:
            click.echo(f"timeline: {jsonl.name}:{number}: not a {{id, dct, text}} object "
                       f"({exc})", err=True)
            failed, timexes = True, []
        record["timexes"] = timexes
        output.write(json_text(record) + "\n")
    if failed:
        raise SystemExit(1)


def _jsonl_dct(value: object) -> datetime:
    if not value:
        raise ValueError("missing dct")
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def main() -> None:
    """Console entry point: user errors become one line and exit code 1, never a traceback."""
    try:
        cli.main(prog_name="timeline", standalone_mode=True)
    except TimelineError as error:
        fail(printable(str(error)))
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None
    except Exception as exc:  # a bug: still one line, the traceback only when asked for
        if os.environ.get("TIMELINE_DEBUG", "") not in ("", "0") or "--debug" in sys.argv:
            raise
        fail(printable(f"internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for the traceback)"))


# Sub-commands that live in modules of their own register here.
cli.add_command(export_command)
cli.add_command(serve_command)
from timeline.cli_browse import browse_command  # noqa: E402 (registered after cli exists)

cli.add_command(browse_command)
for command in (*AGENDA_COMMANDS, *STORE_COMMANDS):
    cli.add_command(command)


@cli.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion_command(shell: str) -> None:
    """Print the shell completion script for SHELL.

    \b
    Example:
      eval "$(timeline completion bash)"     (in ~/.bashrc)
      timeline completion fish > ~/.config/fish/completions/timeline.fish
    """
    from click.shell_completion import get_completion_class

    completion = get_completion_class(shell)
    assert completion is not None  # every choice is one click knows
    click.echo(completion(cli, {}, "timeline", "_TIMELINE_COMPLETE").source())


if __name__ == "__main__":
    main()
