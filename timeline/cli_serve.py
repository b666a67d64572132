"""``timeline serve``: ingest PATHs, then serve the store as subscribable .ics feeds."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from timeline.cli_common import ErrorReporter, db_option, fail, read_options, reading_options
from timeline.errors import InputError, TimelineError
from timeline.ics import DEFAULT_NAME, parse_duration
from timeline.store import Store, resolve_path


@click.command("serve")
@click.argument("paths", nargs=-1)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--watch", is_flag=True, help="Re-ingest PATHs whenever a file under them changes.")
@click.option("--token", metavar="SECRET",
              help="Serve feeds only under /SECRET/... (a private address, like Google's).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The config file with [feeds.NAME] tables "
                   "(default: $TIMELINE_CONFIG, else the platform config folder).")
@click.option("--refresh", default="PT1H", show_default=True, metavar="DURATION",
              help="How often subscribers should refresh (REFRESH-INTERVAL and max-age).")
@click.option("--name", default=DEFAULT_NAME, show_default=True,
              help="The calendar's name in calendar apps.")
@click.option("--include-coarse", is_flag=True,
              help="Also serve week-, month- and year-level events as tentative spans.")
@click.option("--default-duration", default="PT1H", show_default=True, metavar="DURATION",
              help="How long a timed event with no stated end lasts (its DTEND).")
@click.option("--json", "as_json", is_flag=True,
              help="Print where it serves as one JSON line on standard output.")
@reading_options
def serve_command(paths: tuple[str, ...], db: str | None, host: str, port: int, watch: bool,
                  token: str | None, config_file: Path | None, refresh: str, name: str,
                  include_coarse: bool, default_duration: str, as_json: bool, dct: str | None,
                  source_tz: str | None, follow_links: bool, strict: bool) -> None:
    """Serve the timeline as .ics feeds that calendar apps subscribe to.

    PATHs are ingested into the store first; with --watch, changes to them are
    re-ingested while the server runs. Feeds: /calendar.ics, /calendar.ics?q=QUERY,
    /feeds/NAME.ics for each [feeds.NAME] of the config file; / lists them.

    \b
    Example:
      timeline serve ~/news --watch
      timeline serve --db news.db --port 8080 --token "$(openssl rand -hex 16)"
    """
    try:
        import uvicorn

        from timeline.feed import FeedSettings, create_app, load_feeds
    except ImportError as exc:
        fail(f"serve needs {exc.name}, which comes with the package: reinstall news-timeline")
    if watch and not paths:
        fail("--watch needs the PATHs to watch")
    options = read_options(dct, source_tz, follow_links)
    try:
        settings = FeedSettings(
            feeds=load_feeds(config_file, required=config_file is not None),
            token=token, refresh=parse_duration(refresh), name=name,
            include_coarse=include_coarse,
            default_duration=parse_duration(default_duration, option="--default-duration"))
    except InputError as error:
        fail(str(error))
    except ValueError as error:
        fail(f"--token: {error}")
    target = resolve_path(db)
    try:
        with Store.open(target, create=bool(paths),
                        on_wait=lambda m: click.echo(f"timeline: {m}", err=True)) as store:
            if paths:
                from timeline.store_ingest import ingest

                reporter = ErrorReporter(strict)
                report = ingest(store, paths, options, on_error=reporter.report,
                                on_skip=reporter.skip)
                click.echo(report.summary(), err=True)
            events = store.counts()[1]
    except TimelineError as error:
        fail(str(error))
    if token is None and not _loopback(host):
        click.echo(f"timeline: WARNING: serving on {host} without --token: anyone who can "
                   "reach this machine can read the calendar", err=True)
    prefix = f"/{token}" if token else ""
    if as_json:
        base = f"http://{host}:{port}{prefix}"
        click.echo(json.dumps({"url": f"{base}/", "calendar": f"{base}/calendar.ics",
                               "feeds": {feed.name: f"{base}/feeds/{feed.name}.ics"
                                         for feed in settings.feeds},
                               "events": events}))
        sys.stdout.flush()
    click.echo(f"timeline: serving {events:,} events at http://{host}:{port}{prefix}/ "
               "(Ctrl+C stops)", err=True)
    app = create_app(target, settings, watch=paths if watch else (), read_options=options,
                     log=lambda line: click.echo(f"timeline: {line}", err=True))
    # proxy_headers: behind a TLS proxy the page shows the https:// URLs clients use.
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            proxy_headers=True, server_header=False, lifespan="on")
    _server_class(uvicorn)(config).run()
    click.echo("timeline: stopped", err=True)
    sys.stderr.flush()


def _loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name that may resolve to any interface


def _server_class(uvicorn: Any) -> Any:
    """uvicorn's server that takes Ctrl+C or SIGTERM as the clean stop it is: it shuts
    down (the lifespan closes the store) and exits 0, without raising the signal again
    (uvicorn re-raises it, which ends in a traceback or a killed-by-signal status)."""

    class QuietServer(uvicorn.Server):  # type: ignore[misc]
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            with super().capture_signals():
                yield
                self._captured_signals.clear()

    return QuietServer
