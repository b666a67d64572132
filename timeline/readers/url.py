"""Articles and feeds on the web, fetched with httpx.

Redirects are followed, every request has a timeout and a size limit, and the client says
who it is. A page fetched before is asked for again with its ETag and Last-Modified, so an
unchanged one is not downloaded (the server answers 304). Network trouble becomes one
:class:`InputError` line naming the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline import __version__
from timeline.errors import InputError

USER_AGENT = f"news-timeline/{__version__} (reads news articles into a calendar)"
#: Seconds to connect, and between bytes of the answer.
TIMEOUT = 20.0
#: The largest page or feed read, in bytes.
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 10


def is_url(name: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return name.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A fetched page: its text (empty when not modified) and the validators to ask again."""

    url: str
    final_url: str
    text: str = ""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None,
          timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url`` (conditionally, given validators from an earlier fetch)."""
    # Imported here: httpx loads rich (for its command line) whenever rich is installed,
    # and the core must not load it until a URL is really fetched.
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/rss+xml, "
               "application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          timeout=httpx.Timeout(timeout), headers=headers) as client, \
                client.stream("GET", url) as response:
            if response.status_code == 304:
                return Fetched(url=url, final_url=str(response.url), not_modified=True,
                               etag=etag, last_modified=last_modified)
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} "
                                 f"{response.reason_phrase}".rstrip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, f"too large ({int(declared):,} bytes; the limit is "
                                 f"{max_bytes:,})")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise InputError(url, f"too large (over the limit of {max_bytes:,} bytes)")
            encoding = response.charset_encoding or "utf-8"
            try:
                text = bytes(body).decode(encoding, errors="replace")
            except LookupError:
                text = bytes(body).decode("utf-8", errors="replace")
            return Fetched(url=url, final_url=str(response.url), text=text.lstrip("\ufeff"),
                           content_type=response.headers.get("content-type", ""),
                           etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"))
    except httpx.TooManyRedirects:
        raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise InputError(url, f"timed out (no answer within {timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise InputError(url, f"cannot connect (offline, or the host is down): {exc}") from None
    except httpx.InvalidURL as exc:
        raise InputError(url, f"not a valid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from None


def fetch_page(url: str) -> str:
    """The text at ``url`` (for feed entries followed to their pages)."""
    return fetch(url).text
