"""The feed server, tested over real HTTP: ``timeline serve`` in a subprocess, httpx as client.

Every server runs in its own process group and is killed in a ``finally``, and every wait
has a deadline, so a broken server fails a test instead of hanging the run.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import icalendar
import pytest
from ics_check import check_ics, needs_node

from timeline.config import config_path
from timeline.errors import InputError
from timeline.feed import _accepts_gzip, load_feeds, subscribe_links

ROOT = Path(__file__).resolve().parent.parent
FEED_DATA = ROOT / "tests" / "data" / "feed"
SEED = ROOT / "seeds" / "000_korea_delegation.txt"
FUTURE = FEED_DATA / "joongang_trade_summit_2099.txt"
TOKEN = "main-secret-0b1c2d"
FEED_TOKEN = "history-secret-7f3a"
START_TIMEOUT = 60.0
CHROMIUM = Path("/usr/bin/chromium")


class Server:
    """A running ``timeline serve``: its base URL, process and log."""

    def __init__(self, base: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.base = base
        self.process = process
        self.log = log

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        """GET ``path`` with a short timeout."""
        return httpx.get(self.base + path, timeout=10, **kwargs)  # type: ignore[arg-type]

    def request(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        """Any method on ``path``."""
        return httpx.request(method, self.base + path, timeout=10,
                             **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(tmp: Path, paths: list[Path], *args: str) -> Server:
    """Start the real server on a free port and wait until it answers (or fail with its log)."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    env = {**os.environ, "TIMELINE_CONFIG": str(tmp / "no-config.toml"),
           "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "timeline.cli", "serve", *map(str, paths),
               "--db", str(tmp / f"store-{port}.db"), "--port", str(port), *args]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env,
                                   cwd=ROOT, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited {process.returncode}:\n{log.read_text()}")
        try:
            httpx.get(server.base + "/", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    stop_server(server)
    raise AssertionError(f"server did not answer within {START_TIMEOUT} s:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    """Terminate the server's process group; kill it when it does not stop in time."""
    process = server.process
    if process.poll() is None:
        with _suppress_gone():
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with _suppress_gone():
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


class _suppress_gone:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, value: object, traceback: object) -> bool:
        return isinstance(value, ProcessLookupError)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A public server over the seed and a 2099 article, with the named feeds of feeds.toml."""
    tmp = tmp_path_factory.mktemp("feed")
    running = start_server(tmp, [SEED, FUTURE], "--config", str(FEED_DATA / "feeds.toml"))
    try:
        yield running
    finally:
        stop_server(running)


@pytest.fixture(scope="module")
def private(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The same feeds behind ``--token``; the ``history`` feed has its own token."""
    tmp = tmp_path_factory.mktemp("private")
    running = start_server(tmp, [SEED, FUTURE], "--config", str(FEED_DATA / "feeds.toml"),
                           "--token", TOKEN)
    try:
        yield running
    finally:
        stop_server(running)


def vevents(body: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def titles(body: bytes) -> set[str]:
    return {str(e["SUMMARY"]) for e in vevents(body).values()}


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


# Headers, validators, HEAD -----------------------------------------------------------------


def test_calendar_is_text_calendar_with_validators_and_max_age(server: Server) -> None:
    response = server.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    etag = response.headers["etag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert not etag.startswith("W/")
    assert "last-modified" in response.headers
    body = response.content
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body
    assert "max-age=3600" in response.headers["cache-control"]
    assert "Accept-Encoding" in response.headers["vary"]
    assert "Korea-U.S. Business Night" in response.text
    # The same bytes again: nothing depends on the wall clock.
    again = server.get("/calendar.ics")
    assert again.content == body
    assert again.headers["etag"] == etag


@pytest.mark.parametrize("header", ["{etag}", 'W/{etag}', '"nope", {etag}', "*"])
def test_if_none_match_gives_304_without_body(server: Server, header: str) -> None:
    first = server.get("/calendar.ics")
    etag = first.headers["etag"]
    response = server.get("/calendar.ics", headers={"If-None-Match": header.format(etag=etag)})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert response.headers["last-modified"] == first.headers["last-modified"]


def test_if_none_match_with_another_etag_gives_the_body(server: Server) -> None:
    response = server.get("/calendar.ics", headers={"If-None-Match": '"something-else"'})
    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")


def test_if_modified_since(server: Server) -> None:
    modified = server.get("/calendar.ics").headers["last-modified"]
    same = server.get("/calendar.ics", headers={"If-Modified-Since": modified})
    assert same.status_code == 304
    older = server.get("/calendar.ics",
                       headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert older.status_code == 200
    junk = server.get("/calendar.ics", headers={"If-Modified-Since": "yesterday-ish"})
    assert junk.status_code == 200
    # If-None-Match wins over If-Modified-Since.
    both = server.get("/calendar.ics", headers={"If-Modified-Since": modified,
                                                "If-None-Match": '"other"'})
    assert both.status_code == 200


def test_head_has_the_headers_of_get_and_no_body(server: Server) -> None:
    plain = {"Accept-Encoding": "identity"}
    get = server.get("/calendar.ics", headers=plain)
    head = server.request("HEAD", "/calendar.ics", headers=plain)
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "etag", "last-modified", "cache-control", "content-length"):
        assert head.headers[name] == get.headers[name]
    assert int(head.headers["content-length"]) == len(get.content)


# Queries and named feeds -------------------------------------------------------------------


def test_query_feed_keeps_what_the_query_keeps(server: Server) -> None:
    everything = server.get("/calendar.ics")
    scheduled = server.get("/calendar.ics", params={"q": "kind:scheduled after:2099"})
    assert scheduled.status_code == 200
    assert scheduled.headers["etag"] != everything.headers["etag"]
    kept = titles(scheduled.content)
    assert kept
    assert kept < titles(everything.content)
    assert all(e.decoded("DTSTART").year == 2099 for e in vevents(scheduled.content).values())
    # The same query spelled differently is the same feed.
    spaced = server.get("/calendar.ics", params={"q": "  KIND:scheduled   after:2099 "})
    assert spaced.headers["etag"] == scheduled.headers["etag"]


def test_tui_feed_url_shape_with_query_works(server: Server) -> None:
    # The TUI's `y` key appends ?q=<quoted filter> to the configured URL.
    response = server.get("/calendar.ics?q=press%20kind%3Ascheduled")
    assert response.status_code == 200
    (title,) = titles(response.content)
    assert "press conference" in title.lower()


def test_named_feed_from_the_config(server: Server) -> None:
    response = server.get("/feeds/korea.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    events = vevents(response.content)
    assert len(events) == 3
    assert b"X-WR-CALNAME:Korea trade (JoongAng)" in response.content
    assert not any("Business Night" in str(e["SUMMARY"]) for e in events.values())
    narrowed = server.get("/feeds/korea.ics", params={"q": "gala"})
    assert len(vevents(narrowed.content)) == 1
    etag = response.headers["etag"]
    assert server.get("/feeds/korea.ics",
                      headers={"If-None-Match": etag}).status_code == 304


def test_feed_with_its_own_token_is_not_public(server: Server) -> None:
    assert server.get("/feeds/history.ics").status_code == 404
    response = server.get(f"/{FEED_TOKEN}/feeds/history.ics")
    assert response.status_code == 200
    starts = {e.decoded("DTSTART") for e in vevents(response.content).values()}
    assert date(2099, 1, 15) in starts  # "The two sides last met ... on Jan. 15"
    assert "private" in response.headers["cache-control"]


# Tokens ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/calendar.ics", "/", "/feeds/korea.ics", "/wrong-secret-0000/calendar.ics",
    f"/{TOKEN[:-1]}/calendar.ics", f"/{TOKEN}x/calendar.ics", f"/{TOKEN}/feeds/history.ics",
    f"/{FEED_TOKEN}/calendar.ics", f"/{TOKEN}/nothing",
])
def test_private_feeds_404_without_the_right_token(private: Server, path: str) -> None:
    response = private.get(path)
    assert response.status_code == 404
    assert TOKEN not in response.text


@pytest.mark.parametrize("path", [
    f"/{TOKEN}/calendar.ics", f"/{TOKEN}/feeds/korea.ics", f"/{FEED_TOKEN}/feeds/history.ics",
])
def test_private_feeds_answer_under_their_token(private: Server, path: str) -> None:
    response = private.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert private.get(path + "?q=kind:scheduled").status_code == 200


def test_private_page_lists_feeds_with_the_token(private: Server) -> None:
    page = private.get(f"/{TOKEN}/")
    assert page.status_code == 200
    assert f"webcal://127.0.0.1:{private.base.rsplit(':', 1)[1]}/{TOKEN}/calendar.ics" in page.text
    assert FEED_TOKEN not in page.text  # a feed's own token is its owner's to share
    own = private.get(f"/{FEED_TOKEN}/")
    assert own.status_code == 200
    assert f"/{FEED_TOKEN}/feeds/history.ics" in own.text
    assert TOKEN not in own.text


# Bad requests ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"])
@pytest.mark.parametrize("path", ["/calendar.ics", "/feeds/korea.ics", "/"])
def test_other_methods_get_405(server: Server, method: str, path: str) -> None:
    response = server.request(method, path, content=b"x")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.text == "method not allowed (this server is read-only)\n"


def test_other_methods_on_unknown_or_private_paths_get_404(server: Server,
                                                           private: Server) -> None:
    assert server.request("POST", "/nothing").status_code == 404
    assert private.request("DELETE", "/calendar.ics").status_code == 404
    assert private.request("PUT", f"/{TOKEN}/calendar.ics").status_code == 405


@pytest.mark.parametrize("path", ["/nothing", "/calendar", "/calendar.ics/x", "/feeds/",
                                  "/feeds/nope.ics", "/feeds/korea.ics/", "/feeds/../x.ics",
                                  "/%00", "/favicon.ico"])
def test_unknown_paths_get_404(server: Server, path: str) -> None:
    response = server.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize(("query", "reason"), [
    ("when:tomorrow", "unknown filter 'when:'"),
    ("after:2025-13", "no such date"),
    ("kind:rumour", "unknown kind"),
    ('"unclosed', "cannot split query"),
    ("x" * 1001, "query too long"),
])
def test_malformed_query_gets_400_with_one_line(server: Server, query: str,
                                                reason: str) -> None:
    response = server.get("/calendar.ics", params={"q": query})
    assert response.status_code == 400
    assert reason in response.text
    assert response.text.count("\n") == 1
    assert "Traceback" not in response.text


def test_over_long_urls_get_414_or_400_and_the_server_lives_on(server: Server) -> None:
    long = server.get("/calendar.ics", params={"q": "x" * 5000})
    assert long.status_code == 414
    # Past what httpx will send: speak HTTP on a socket.
    with socket.create_connection(("127.0.0.1", int(server.base.rsplit(":", 1)[1])),
                                  timeout=10) as sock:
        sock.sendall(b"GET /calendar.ics?q=" + b"x" * 200_000 + b" HTTP/1.1\r\n"
                     b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
        status = sock.recv(64).split(b" ", 2)[1]
    assert status in (b"400", b"414", b"431")
    assert server.get("/calendar.ics").status_code == 200


def test_hostile_headers_and_queries_never_give_500(server: Server) -> None:
    for headers in ({"Accept-Encoding": "gzip;q=abc, *;q=-1"},
                    {"If-None-Match": ",,,W/"}, {"If-Modified-Since": "\x7f" * 40},
                    {"If-Modified-Since": "Tue, 99 Foo 99999 99:99:99 GMT"}):
        assert server.get("/calendar.ics", headers=headers).status_code == 200
    for raw in ("q=%ff%fe", "q=%00", "q=a&q=b", "q", "q=after%3A", "x=1&q=tag%3A%E2%9C%93"):
        response = server.get(f"/calendar.ics?{raw}")
        assert response.status_code in (200, 400), raw


# gzip --------------------------------------------------------------------------------------


def test_gzip_when_asked_with_its_own_etag(server: Server) -> None:
    plain = server.get("/calendar.ics", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with httpx.stream("GET", server.base + "/calendar.ics", timeout=10,
                      headers={"Accept-Encoding": "gzip"}) as zipped:
        raw = b"".join(zipped.iter_raw())
        headers = zipped.headers
    assert headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert int(headers["content-length"]) == len(raw) < len(plain.content)
    assert gzip.decompress(raw) == plain.content
    # Two encodings are two representations: a strong ETag each, related but not equal.
    assert headers["etag"] != plain.headers["etag"]
    again = server.get("/calendar.ics", headers={"Accept-Encoding": "gzip",
                                                 "If-None-Match": headers["etag"]})
    assert again.status_code == 304
    assert again.headers["etag"] == headers["etag"]
    refused = server.get("/calendar.ics", headers={"Accept-Encoding": "gzip;q=0, br"})
    assert "content-encoding" not in refused.headers


@pytest.mark.parametrize(("header", "expected"), [
    ("gzip", True), ("gzip, deflate, br", True), ("br;q=1, gzip;q=0.5", True),
    ("gzip;q=0", False), ("identity", False), ("", False), ("*", True), ("*;q=0", False),
    ("x-gzip", True), ("GZIP", True), ("gzip;q=nonsense", False),
])
def test_accept_encoding_parsing(header: str, expected: bool) -> None:
    assert _accepts_gzip(header) is expected


# Real clients ------------------------------------------------------------------------------


@needs_node
@pytest.mark.parametrize("path", ["/calendar.ics", "/feeds/korea.ics"])
def test_served_feed_passes_check_ics(server: Server, path: str, tmp_path: Path) -> None:
    target = tmp_path / "served.ics"
    target.write_bytes(server.get(path).content)
    check_ics(target)


# --watch and other writers -----------------------------------------------------------------


def test_watch_reingests_a_changed_file_and_keeps_unchanged_events(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / FUTURE.name
    shutil.copy(FUTURE, article)
    shutil.copy(SEED, folder / SEED.name)
    running = start_server(tmp_path, [folder], "--watch")
    try:
        first = running.get("/calendar.ics")
        before = vevents(first.content)
        etag = first.headers["etag"]
        article.write_text(article.read_text(encoding="utf-8") +
                           "The ministers will visit a shipyard in Busan on March 14.\n",
                           encoding="utf-8")
        wait_for(lambda: running.get("/calendar.ics").headers["etag"] != etag, 15,
                 "a new ETag after the file changed")
        second = running.get("/calendar.ics")
        after = vevents(second.content)
        assert any("Busan" in str(e.get("LOCATION", "")) + str(e["SUMMARY"])
                   for e in after.values())
        assert set(before) <= set(after)
        for uid, event in before.items():
            for prop in ("SEQUENCE", "DTSTAMP", "SUMMARY", "DTSTART"):
                assert after[uid].get(prop) == event.get(prop), (uid, prop)
        # The old validator no longer matches; the new one does.
        assert running.get("/calendar.ics",
                           headers={"If-None-Match": etag}).status_code == 200
        assert running.get("/calendar.ics", headers={
            "If-None-Match": second.headers["etag"]}).status_code == 304
        # A deleted file takes its events with it.
        article.unlink()
        wait_for(lambda: "Busan" not in running.get("/calendar.ics").text, 15,
                 "the deleted article's events to go")
        assert "Business Night" in running.get("/calendar.ics").text
    finally:
        stop_server(running)


def test_corrections_made_by_another_process_reach_the_feed(tmp_path: Path) -> None:
    running = start_server(tmp_path, [SEED])
    try:
        body = running.get("/calendar.ics").content
        uid = next(uid for uid, e in vevents(body).items()
                   if "Business Night" in str(e["SUMMARY"]))
        db = next(tmp_path.glob("store-*.db"))
        subprocess.run([sys.executable, "-m", "timeline.cli", "hide", uid, "--db", str(db)],
                       check=True, capture_output=True, timeout=60)
        wait_for(lambda: uid not in vevents(running.get("/calendar.ics").content), 10,
                 "the hidden event to leave the feed")
    finally:
        stop_server(running)


# Startup errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["--config", str(FEED_DATA / "bad_feed_key.toml")], "unknown key 'qurey'"),
    (["--config", str(FEED_DATA / "bad_feed_query.toml")], "unknown filter 'when:'"),
    (["--config", str(FEED_DATA / "missing.toml")], "no such config file"),
    (["--token", "short"], "--token: a token needs 8 to 256 characters"),
    (["--refresh", "soon"], "not a duration like PT1H"),
])
def test_bad_settings_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "serve", "--db", str(tmp_path / "t.db"),
         "--port", str(free_port()), *args, str(SEED)],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
        env={**os.environ, "TIMELINE_CONFIG": str(tmp_path / "none.toml")})
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serving_a_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert result.returncode == 1
    assert "no store here" in result.stderr
    assert "Traceback" not in result.stderr


# Config ------------------------------------------------------------------------------------


def test_config_location_is_the_tuis(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tui.config import config_path as tui_config_path

    monkeypatch.setenv("TIMELINE_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tui_config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("TIMELINE_CONFIG")
    assert config_path() == tui_config_path()


def test_load_feeds_reads_the_shared_config_file(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[feed]\nurl = "http://localhost:8765/calendar.ics"\n'
                    '[feeds.korea]\nquery = "source:joongang"\n', encoding="utf-8")
    monkeypatch.setenv("TIMELINE_CONFIG", str(path))
    (korea,) = load_feeds()
    assert (korea.name, korea.query, korea.token) == ("korea", "source:joongang", None)
    monkeypatch.setenv("TIMELINE_CONFIG", str(tmp_path / "missing.toml"))
    assert load_feeds() == ()
    with pytest.raises(InputError, match="no such config file"):
        load_feeds(tmp_path / "missing.toml", required=True)


def test_subscribe_links() -> None:
    links = subscribe_links(("https", "cal.example.org"), "/calendar.ics?q=kind:scheduled")
    assert links == {
        "webcal": "webcal://cal.example.org/calendar.ics?q=kind:scheduled",
        "url": "https://cal.example.org/calendar.ics?q=kind:scheduled",
        "google": "https://calendar.google.com/calendar/r?cid="
                  "webcal://cal.example.org/calendar.ics%3Fq%3Dkind:scheduled",
    }


# The page in a real browser ----------------------------------------------------------------


def test_index_page_lists_feeds_and_upcoming_events(server: Server) -> None:
    page = server.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "Korea trade (JoongAng)" in page.text
    assert "history" not in page.text  # behind its own token
    assert "Tue 10 Mar 2099" in page.text
    assert "Business Night" not in page.text  # 2025 is past
    assert server.request("HEAD", "/").content == b""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_index_page_in_headless_chromium(server: Server, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    host = server.base.removeprefix("http://")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run"])
        try:
            # As behind a TLS proxy: uvicorn trusts X-Forwarded-Proto from 127.0.0.1.
            context = browser.new_context(viewport={"width": 900, "height": 900},
                                          extra_http_headers={"X-Forwarded-Proto": "https"})
            page = context.new_page()
            response = page.goto(server.base + "/", timeout=20_000)
            assert response is not None
            assert response.status == 200
            assert page.title() == "News timeline feeds"
            cards = page.locator("section.feed")
            assert cards.count() == 2
            for path in ("/calendar.ics", "/feeds/korea.ics"):
                card = page.locator(f'section.feed[data-path="{path}"]')
                assert card.locator("a.webcal").get_attribute("href") == \
                    f"webcal://{host}{path}"
                assert card.locator("a.https").get_attribute("href") == f"https://{host}{path}"
                assert card.locator("a.google").get_attribute("href") == \
                    f"https://calendar.google.com/calendar/r?cid=webcal://{host}{path}"
                assert card.locator("a.webcal").is_visible()
            upcoming = page.locator("ol.upcoming li")
            # The history feed has a token of its own: its event (Jan 15) is private.
            assert upcoming.count() == 3
            assert "Tue 10 Mar 2099" in upcoming.first.inner_text()
            assert "Wed 11 Mar 2099" in upcoming.nth(1).inner_text()
            assert "15 Jan 2099" not in page.locator("ol.upcoming").inner_text()
            shot = tmp_path / "feed_page.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            print(f"screenshot: {shot}")
        finally:
            browser.close()
