"""The feed server under stress and misuse: signals, warm-up, private feeds, header dates,
logs, a slow re-ingest (the real ``timeline serve`` in a subprocess, httpx as client)."""

from __future__ import annotations

import os
import signal
import socket
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from test_feed import (
    FEED_DATA,
    FEED_TOKEN,
    FUTURE,
    SEED,
    Server,
    start_server,
    stop_server,
    titles,
    vevents,
    wait_for,
)


def log_text(server: Server) -> str:
    return server.log.read_text(encoding="utf-8", errors="replace")


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper counts as gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigint_and_sigterm_stop_the_server_without_a_traceback(tmp_path: Path) -> None:
    for number in (signal.SIGINT, signal.SIGTERM):
        running = start_server(tmp_path, [SEED])
        assert running.get("/calendar.ics").status_code == 200
        running.process.send_signal(number)
        assert running.process.wait(timeout=20) == 0
        log = log_text(running)
        assert "Traceback" not in log
        assert "RuntimeError" not in log


def test_the_warm_up_builds_the_calendar_before_anyone_asks(tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED])
    try:
        wait_for(lambda: "built /calendar.ics" in log_text(running), 30,
                 "the warm-up to build the calendar")
        assert running.get("/calendar.ics").status_code == 200
        assert log_text(running).count("built /calendar.ics:") == 1  # served from the cache
    finally:
        stop_server(running)


def test_a_feed_with_its_own_token_keeps_its_events_out_of_the_public_feeds(
        tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED, FUTURE], "--config", str(FEED_DATA / "feeds.toml"))
    try:
        private = vevents(running.get(f"/{FEED_TOKEN}/feeds/history.ics").content)
        public = vevents(running.get("/calendar.ics").content)
        korea = vevents(running.get("/feeds/korea.ics").content)
        assert private
        assert not set(private) & set(public)
        assert not set(private) & set(korea)
        assert not any(title in running.get("/").text
                       for title in titles(running.get(f"/{FEED_TOKEN}/feeds/history.ics")
                                           .content))
    finally:
        stop_server(running)
    config = tmp_path / "shared.toml"
    config.write_text('[feeds.history]\nquery = "kind:past"\ntoken = "history-secret-7f3a"\n'
                      "private = false\n")
    running = start_server(tmp_path, [SEED, FUTURE], "--config", str(config))
    try:
        shared = vevents(running.get(f"/{FEED_TOKEN}/feeds/history.ics").content)
        assert set(shared) <= set(vevents(running.get("/calendar.ics").content))
    finally:
        stop_server(running)


def test_last_modified_is_never_later_than_date_and_logs_escape_queries(
        tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED])
    try:
        for query in ("", "summit", "dinner", "gala", "summit\x1b[31mred\x07"):
            response = running.get("/calendar.ics", params={"q": query} if query else None)
            assert response.status_code == 200
            modified = parsedate_to_datetime(response.headers["last-modified"])
            assert modified <= parsedate_to_datetime(response.headers["date"])
            again = running.get("/calendar.ics", params={"q": query} if query else None,
                                headers={"If-Modified-Since": response.headers["last-modified"]})
            assert again.status_code == 304
        log = log_text(running)
        assert "\x1b" not in log
        assert "\x07" not in log
        assert "?q=summit%1B%5B31mred%07" in log
    finally:
        stop_server(running)


def test_binding_beyond_loopback_without_a_token_warns(tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED], "--host", "0.0.0.0")
    try:
        assert "WARNING: serving on 0.0.0.0 without --token" in log_text(running)
    finally:
        stop_server(running)
    quiet = start_server(tmp_path, [SEED])
    try:
        assert "WARNING" not in log_text(quiet)
    finally:
        stop_server(quiet)


def raw_status(port: int, request: bytes) -> int | None:
    """The status code of one raw request, or None when the server closed without one."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    parts = data.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


MALFORMED = (
    b"GET /calendar.ics?q=%ff%fe%00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /calendar.ics?q=after:9999-12-31 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /calendar.ics?q=before:0001-01-01%20after:99999 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%00/../calendar.ics HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: \xff\xfe\r\n\r\n",
    b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=\xff\r\n\r\n",
    b"GET /calendar.ics HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + b"\"a\"," * 2000 + b"\r\n\r\n",
    b"BREW /calendar.ics HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET calendar.ics HTTP/1.1\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
)


def test_a_slow_reingest_runs_in_a_worker_and_malformed_requests_get_no_5xx(
        tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text())
    running = start_server(tmp_path, [folder], "--watch")
    port = int(running.base.rsplit(":", 1)[1])
    try:
        etag = running.get("/calendar.ics").headers["etag"]
        months = ("March", "April", "May", "June")
        (folder / "list.txt").write_text(
            " date 2025-02-04 Listings\nThe fair opens on these days: "
            + ", ".join(f"{months[i % 4]} {i % 28 + 1}" for i in range(600)) + ".\n")
        wait_for(lambda: any(p for p in children(running.process.pid)), 20,
                 "the watcher's worker process")
        slowest = 0.0
        statuses: list[int | None] = []
        deadline = time.monotonic() + 120
        while running.get("/calendar.ics").headers["etag"] == etag:
            assert time.monotonic() < deadline, log_text(running)
            started = time.monotonic()
            statuses.extend(raw_status(port, request) for request in MALFORMED)
            assert running.get("/calendar.ics").status_code == 200
            slowest = max(slowest, (time.monotonic() - started) / (len(MALFORMED) + 1))
        assert slowest < 1.0  # per request, while the article was being parsed
        assert not [s for s in statuses if s is not None and s >= 500]
        assert "re-ingested" in log_text(running)
        workers = children(running.process.pid)
    finally:
        running.process.kill()  # kill -9 of the server alone: its worker must follow
        running.process.wait(timeout=10)
    wait_for(lambda: not any(alive(pid) for pid in workers), 15,
             "the worker to exit after its parent")
    stop_server(running)
