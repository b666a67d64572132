"""``timeline browse``: opens the terminal UI, which is imported only when the command runs.

The core package must not import Textual, so this module holds the click command alone.
"""

from __future__ import annotations

import sys
from datetime import date

import click

from timeline.cli_common import fail, query_option
from timeline.config import read_config
from timeline.errors import InputError
from timeline.readers import expand_paths


def _today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--today: not a YYYY-MM-DD date: {value!r}")


@click.command("browse")
@click.argument("paths", nargs=-1)
@click.option("--db", metavar="FILE", help="Browse the events of this store.")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Pin the date 't' jumps to, for reproducible sessions.")
@click.option("-q", "--query", default="", help="Start with this filter, e.g. 'kind:scheduled'.")
def browse_command(paths: tuple[str, ...], db: str | None, today: str | None,
                   query: str) -> None:
    """Browse a timeline in the terminal: list, detail, search, month grid, corrections.

    PATH may be articles, folders of articles or `timeline extract --json` dumps.

    \b
    Example:
      timeline browse seeds/
      timeline browse --today 2025-02-18 -q 'kind:scheduled' seeds/
    """
    if not paths and not db:
        fail("give articles to browse (PATH...) or a store (--db FILE)")
    query_option(query)
    pinned = _today(today)
    try:
        list(expand_paths(paths))  # a missing file is a one-line error, not an empty screen
        read_config()  # a misspelt key is refused before the screen opens
    except InputError as error:
        fail(str(error))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("browse needs an interactive terminal; 'timeline list' prints the same timeline")
    from tui.app import run  # Textual loads only when the browser opens
    run(paths, db=db, today=pinned, query=query)
