"""URLs: fetched with httpx from a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from readers_shared import PLAIN, READERS, calendar_view

from timeline.document import Document
from timeline.errors import InputError
from timeline.readers import ReadOptions, read_document, read_file
from timeline.readers.url import USER_AGENT, fetch
from timeline.store import Store
from timeline.store_ingest import ingest

PAGE = (READERS / "harbour_fair_jsonld.html").read_bytes()
ETAG = '"fair-v1"'
MODIFIED = "Wed, 12 Feb 2025 10:00:00 GMT"
HUGE = b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>"


@dataclass
class Site:
    """What the local server served and was asked."""

    base: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    bodies_sent: int = 0


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test reads ``site.requests`` instead."""

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            if self.path == "/fair.html":
                if self.headers.get("If-None-Match") == ETAG:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(PAGE, "text/html; charset=utf-8",
                           {"ETag": ETAG, "Last-Modified": MODIFIED})
            elif self.path == "/dated.html":
                if self.headers.get("If-Modified-Since") == MODIFIED:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(PAGE, "text/html; charset=utf-8", {"Last-Modified": MODIFIED})
            elif self.path == "/moved":
                self._redirect("/fair.html")
            elif self.path == "/loop":
                self._redirect("/loop")
            elif self.path == "/slow":
                time.sleep(2)
                self._send(PAGE, "text/html", {})
            elif self.path == "/huge":
                self._send(HUGE, "text/html", {})
            elif self.path == "/endless":  # no Content-Length: only counting the bytes stops it
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(HUGE)
            elif self.path == "/news.rss":
                feed = (READERS / "solent_news.rss").read_text().replace(
                    "https://news.example.org/2025/02/12/harbour-fair", f"{site.base}/fair.html")
                self._send(feed.encode(), "application/rss+xml", {})
            else:
                self._send(b"not here", "text/plain", {}, status=404)

        def _send(self, body: bytes, kind: str, headers: dict[str, str], status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
                return
            if status == 200:
                site.bodies_sent += 1

        def _redirect(self, where: str) -> None:
            self.send_response(301)
            self.send_header("Location", where)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_by_url_reads_like_the_file(site: Site) -> None:
    url = f"{site.base}/fair.html"
    page = read_document(url)
    assert page.url == url
    assert page.outlet == "Solent Evening News"
    assert calendar_view(page) == calendar_view(read_document(PLAIN))
    assert site.requests[0][1]["User-Agent"] == USER_AGENT


def test_redirects_are_followed(site: Site) -> None:
    fetched = fetch(f"{site.base}/moved")
    assert fetched.final_url == f"{site.base}/fair.html"
    assert fetched.etag == ETAG
    assert "Harbour city" in fetched.text


@pytest.mark.parametrize(
    ("path", "kwargs", "problem"),
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/loop", {}, "too many redirects (more than 10)"),
        ("/slow", {"timeout": 0.3}, "timed out (no answer within 0.3 s)"),
        ("/huge", {"max_bytes": 1000}, f"too large ({len(HUGE):,} bytes; the limit is 1,000)"),
        ("/endless", {"max_bytes": 1000}, "too large (over the limit of 1,000 bytes)"),
    ],
)
def test_network_trouble_is_one_line_naming_the_url(site: Site, path: str,
                                                    kwargs: dict[str, float],
                                                    problem: str) -> None:
    with pytest.raises(InputError) as info:
        fetch(f"{site.base}{path}", **kwargs)  # type: ignore[arg-type]
    assert str(info.value) == f"{site.base}{path}: {problem}"


def test_offline_is_a_clear_error() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as closed:
        port = closed.server_address[1]  # bound, then closed: nothing listens there
    with pytest.raises(InputError, match=r"cannot connect \(offline, or the host is down\)"):
        fetch(f"http://127.0.0.1:{port}/fair.html")


def test_a_url_ingested_with_the_same_etag_is_not_fetched_again(site: Site,
                                                                tmp_path: Path) -> None:
    url = f"{site.base}/fair.html"
    with Store.open(tmp_path / "news.db") as store:
        first = ingest(store, [url], workers=1)
        again = ingest(store, [url], workers=1)
        events = store.timeline()
    assert (first.new, first.added) == (1, 5)
    assert (again.new, again.changed, again.unchanged, again.added) == (0, 0, 1, 0)
    assert site.bodies_sent == 1
    assert site.requests[1][1].get("If-None-Match") == ETAG
    assert {s.url for e in events for s in e.sources} == {url}


def test_a_url_with_the_same_last_modified_is_not_fetched_again(site: Site,
                                                                tmp_path: Path) -> None:
    url = f"{site.base}/dated.html"
    with Store.open(tmp_path / "news.db") as store:
        ingest(store, [url], workers=1)
        again = ingest(store, [url], workers=1)
    assert again.unchanged == 1
    assert site.bodies_sent == 1
    assert site.requests[1][1].get("If-Modified-Since") == MODIFIED


def test_follow_links_reads_each_entrys_page(site: Site) -> None:
    found = read_file(f"{site.base}/news.rss", ReadOptions(follow_links=True))
    fair = found[0]
    assert isinstance(fair, Document)
    assert fair.url == f"{site.base}/fair.html"
    assert calendar_view(fair) == calendar_view(read_document(PLAIN))
    # the second entry's page is not on this server: its error, the first still read
    assert isinstance(found[1], InputError)
    assert "lifeboat" in str(found[1])
    assert [path for path, _ in site.requests] == ["/news.rss", "/fair.html"]


def test_cli_ingests_a_url_and_reports_an_unreachable_one(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    command = [sys.executable, "-m", "timeline.cli"]
    result = subprocess.run([*command, "ingest", "--db", db, f"{site.base}/fair.html",
                             f"{site.base}/missing"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert f"timeline: {site.base}/missing: HTTP 404 Not Found" in result.stderr
    assert "documents: 2 read, 1 new, 0 changed, 0 unchanged, 1 failed" in result.stdout
    listed = subprocess.run([*command, "extract", "--json", "--db", db], capture_output=True,
                            text=True, check=True)
    events = json.loads(listed.stdout)["events"]
    assert {e["sources"][0]["url"] for e in events} == {f"{site.base}/fair.html"}
    assert {e["sources"][0]["outlet"] for e in events} == {"Solent Evening News"}
