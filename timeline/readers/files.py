"""Files, folders, globs, URLs and standard input, each read by the reader its content needs.

A folder is walked recursively in sorted order, hidden files and READMEs left out. What a
walk finds that is no article by its content (a note, a list, an image) is skipped and
counted rather than failed; a file named on its own is always read, or reported.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from timeline.document import Document
from timeline.errors import InputError, NotAnArticle
from timeline.readers.feed import PageFetcher, read_feed
from timeline.readers.html import read_html
from timeline.readers.ics import read_ics
from timeline.readers.options import ReadOptions
from timeline.readers.plain import read_plain
from timeline.readers.seed import read_seed
from timeline.readers.sniff import sniff
from timeline.readers.url import fetch, fetch_page, is_url

STDIN = "-"
_SNIFF_BYTES = 8192
#: The largest file read: a video or a database in a news folder is not read whole.
MAX_FILE_BYTES = 64 * 2**20
#: Characters that would cut a line or reach a title: line and paragraph separators break
#: only where a newline does (``str.splitlines`` splits at them), and NUL is dropped.
_NORMALISED = str.maketrans({"\u2028": " ", "\u2029": "\n", "\0": None})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: File names a walk never reads: they describe a folder, they are not its articles.
_NOT_ARTICLES = frozenset(("readme", "readme.md", "readme.txt", "license", "license.txt"))

#: One read: a document, or the error of a part (a feed entry) that could not be read.
Reading = list[Document | InputError]


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or UTF-16 with a BOM; binary data is
    :class:`NotAnArticle`. Separators and NULs that would cut lines or reach titles are
    normalised."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16").translate(_NORMALISED)
        except UnicodeDecodeError:
            raise InputError(source, "invalid UTF-16") from None
    if b"\0" in data[:_SNIFF_BYTES]:
        raise NotAnArticle(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig").translate(_NORMALISED)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(source, "invalid UTF-8", line=line) from None


def read_text(text: str, *, source: str, options: ReadOptions, walked: bool = False,
              file_day: date | None = None, url: str | None = None,
              fetch_page: PageFetcher | None = fetch_page) -> Reading:
    """The documents of a text, read by the reader its content needs."""
    if not text.strip():
        raise InputError(source, "empty file")
    kind = sniff(text)
    if kind == "ics" or source.lower().endswith(".ics"):  # a .ics must be a calendar
        return [read_ics(text, source=source)]
    if kind in ("xml", "json"):
        raise NotAnArticle(source, f"unknown format ({kind.upper()} that is no web page, feed "
                           "or calendar)")
    if kind == "feed":
        return list(read_feed(text, source=source, options=options, fetch_page=fetch_page))
    if kind == "html":
        return [read_html(text, source=source, options=options, url=url, file_day=file_day)]
    if kind == "seed":
        return [read_seed(text, source=source, options=options)]
    return [read_plain(text, source=source, options=options, walked=walked, file_day=file_day,
                       url=url)]


def read_file(name: str, options: ReadOptions | None = None, *, walked: bool = False) -> Reading:
    """The documents of one file, URL or ``-`` (standard input)."""
    options = options or ReadOptions()
    if name == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError("<stdin>", f"larger than the {_size(options.max_bytes)} limit "
                             "(--max-size)")
        return read_text(decode(data, "<stdin>"), source="<stdin>", options=options)
    if is_url(name):
        fetched = fetch(name)
        return read_text(fetched.text, source=name, options=options, url=name)
    path = Path(name)
    try:
        data = _read_bytes(name, options.max_bytes)
        day = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    return read_text(decode(data, name), source=name, options=options, walked=walked,
                     file_day=day)


def _read_bytes(name: str, limit: int) -> bytes:
    """A regular file's bytes; a binary or huge one is found out from its start, not read
    whole. A FIFO, a device (``/dev/zero``) or a socket would block or never end, so only
    regular files are opened, without blocking, and never read past ``limit``."""
    descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a pipe, device or socket)")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            head = handle.read(_SNIFF_BYTES)
            if b"\0" in head and not head.startswith(_UTF16_BOMS):
                raise NotAnArticle(name, "binary file, not text")
            if info.st_size > MAX_FILE_BYTES:
                raise NotAnArticle(name, f"too large for an article or feed (over "
                                   f"{MAX_FILE_BYTES:,} bytes)")
            if info.st_size > limit:
                raise InputError(name, f"larger than the {_size(limit)} limit (--max-size)")
            data = head + handle.read(limit + 1 - len(head))
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(name, f"larger than the {_size(limit)} limit (--max-size)")
    return data


def _size(count: int) -> str:
    return f"{count / 1e6:g} MB" if count >= 1_000_000 else f"{count:,} bytes"


def read_document(path: str | Path, options: ReadOptions | None = None) -> Document:
    """The one document of an article file; a feed's entries need :func:`read_file`."""
    found = read_file(str(path), options)
    for item in found:
        if isinstance(item, InputError):
            raise item
    if len(found) != 1:
        raise InputError(str(path), f"holds {len(found)} documents (a feed); read its entries "
                         "with read_file")
    item = found[0]
    assert isinstance(item, Document)
    return item


def walk(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Every file under ``paths`` with whether a folder walk or a glob found it.

    Raises :class:`InputError` for a path that names nothing or a folder with no files.
    """
    for raw in paths:
        if raw == STDIN or is_url(raw):
            yield raw, False
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".")
                                           for part in p.relative_to(path).parts)
                and p.name.lower() not in _NOT_ARTICLES
            )
            if not found:
                raise InputError(raw, "no articles in this folder")
            for name in found:
                yield name, True
        elif path.exists():
            yield raw, False
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(raw, "the pattern matches no file")
            for name, _ in walk(matches):
                yield name, True
        else:
            raise InputError(raw, "no such file or directory")


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files named by ``paths``: folders walked, globs expanded (see :func:`walk`)."""
    for name, _ in walk(paths):
        yield name


def read_documents(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_skip: Callable[[NotAnArticle], None] | None = None,
) -> Iterator[Document]:
    """Read every article under ``paths`` in a stable order.

    With ``on_error`` each bad file is reported there and reading goes on; without it the
    first :class:`InputError` is raised. What a folder walk finds that is not an article
    goes to ``on_skip`` (or is passed over silently).
    """

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for raw in paths:
        try:
            files = list(walk([raw]))
        except InputError as error:
            report(error)
            continue
        for name, walked in files:
            try:
                found = read_file(name, options, walked=walked)
            except NotAnArticle as skipped:
                if not walked:
                    report(skipped)
                elif on_skip is not None:
                    on_skip(skipped)
                continue
            except InputError as error:
                report(error)
                continue
            for item in found:
                if isinstance(item, InputError):
                    report(item)
                else:
                    yield item
