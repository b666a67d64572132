"""Read articles from files, folders, globs or stdin into :class:`Document` values.

The seed format is a header of two lines, then one paragraph per line::

     date 2025-02-04 Korea to send its first biz delegation to the U.S.
    Published: 04 Feb. 2025, 17:55
    A Korean business delegation ...

Plain text without that header needs a DCT from the caller (``--dct``).
"""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.document import Document
from timeline.errors import InputError
from timeline.event import EARLIEST, LATEST, in_bounds
from timeline.limits import DEFAULT_MAX_BYTES, DEFAULT_SECONDS

#: Files a folder walk picks up; anything else in a folder is skipped silently.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".ics"})
CALENDAR_SUFFIX = ".ics"
#: Calendar files have no publication date; a fixed one keeps their content hash stable.
CALENDAR_DCT = datetime(1970, 1, 1, tzinfo=UTC)
STDIN = "-"
_SNIFF_BYTES = 8192
#: Characters that would cut a line or reach a title: line and paragraph separators break
#: only where a newline does (``str.splitlines`` splits at them), and NUL is dropped.
_NORMALISED = str.maketrans({"\u2028": " ", "\u2029": "\n", "\0": None})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_HEADLINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<title>.*\S))?\s*$")
_PUBLISHED = re.compile(
    r"^\s*Published:\s*(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})"
    r"(?:\s*,\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?\s*$"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read documents: a fallback DCT for plain text, the zone of header times, and
    the largest file read (bigger ones are refused, so one file cannot stall a run)."""

    dct: datetime | None = None
    source_tz: str = "UTC"
    max_bytes: int = DEFAULT_MAX_BYTES
    #: How long one document's parse may take (None or 0: no limit).
    seconds: float | None = DEFAULT_SECONDS


def parse_zone(name: str) -> tzinfo:
    """An IANA zone by name, or :class:`InputError` naming it."""
    if name.upper() == "UTC":
        return UTC
    zone = zone_or_none(name)
    if zone is None:
        raise InputError("--source-tz", f"unknown time zone {shorten(name)!r}")
    return zone


def zone_or_none(name: str) -> ZoneInfo | None:
    """The IANA zone ``name``, or None for anything that is not one (a 300-character name
    makes ``ZoneInfo`` raise ``OSError``, not the usual lookup error)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters for a one-line message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_dct(text: str, zone: str = "UTC") -> datetime:
    """Parse ``YYYY-MM-DD[THH:MM[:SS]][offset]`` as given to ``--dct``; naive means ``zone``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError("--dct", f"not a date {shorten(text)!r} "
                                  "(expected YYYY-MM-DD[THH:MM])") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=parse_zone(zone))
    if not in_bounds(value.date()):
        raise InputError("--dct", f"{text.strip()!r} is outside the years a calendar can "
                                  f"hold ({EARLIEST.isoformat()} to {LATEST.isoformat()})")
    return value


def parse_document(text: str, *, source: str, options: ReadOptions | None = None) -> Document:
    """Turn an article's text into a Document, reading its header when it has one."""
    options = options or ReadOptions()
    if not text.strip():
        raise InputError(source, "empty file")
    lines = text.splitlines(keepends=True)
    headline = _HEADLINE.match(lines[0])
    if headline is None:
        if options.dct is None:
            raise InputError(
                source,
                "no seed header (expected ' date YYYY-MM-DD headline'); "
                "give --dct YYYY-MM-DD to read plain text",
                line=1,
            )
        return Document(id=source, text=text, dct=options.dct)

    zone = parse_zone(options.source_tz)
    dct = _header_date(headline["date"], source)
    body_from = 1
    if len(lines) > 1 and lines[1].lstrip().lower().startswith("published"):
        dct = _published(lines[1], source)
        body_from = 2
    body = "".join(lines[body_from:])
    if not body.strip():
        raise InputError(source, "the article has a header but no body", line=body_from + 1)
    moment = dct if isinstance(dct, datetime) else datetime.combine(dct, time())
    return Document(
        id=source, text=body, dct=moment.replace(tzinfo=zone), title=headline["title"]
    )


def _header_date(text: str, source: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(source, f"bad date {text!r} in the header", line=1) from None


def _published(line: str, source: str) -> datetime:
    match = _PUBLISHED.match(line)
    if match is None:
        raise InputError(
            source,
            f"malformed Published line {line.strip()!r} "
            "(expected 'Published: 04 Feb. 2025, 17:55')",
            line=2,
        )
    month = _MONTHS.get(match["month"].lower())
    try:
        if month is None:
            raise ValueError(match["month"])
        return datetime(  # noqa: DTZ001 - the caller attaches the source zone
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
        )
    except ValueError:
        raise InputError(source, f"bad date in Published line {line.strip()!r}", line=2) from None


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or UTF-16 with a BOM, rejecting binary data with a
    line number; separators and NULs that would cut lines or reach titles are normalised."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16").translate(_NORMALISED)
        except UnicodeDecodeError:
            raise InputError(source, "invalid UTF-16") from None
    if b"\0" in data[:_SNIFF_BYTES]:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig").translate(_NORMALISED)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(source, "invalid UTF-8", line=line) from None


def read_document(path: str | Path, options: ReadOptions | None = None) -> Document:
    """Read one article file (or stdin for ``-``)."""
    name = str(path)
    limit = (options or ReadOptions()).max_bytes
    if name == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError("<stdin>", f"larger than the {_size(limit)} limit (--max-size)")
        return parse_document(decode(data, "<stdin>"), source="<stdin>", options=options)
    try:
        data = _read_regular_file(name, limit)
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if name.lower().endswith(CALENDAR_SUFFIX):
        text = decode(data, name)
        if "BEGIN:VCALENDAR" not in text.upper():
            raise InputError(name, "not an iCalendar file (no BEGIN:VCALENDAR)")
        return Document(id=name, text=text, dct=CALENDAR_DCT, format="ics")
    return parse_document(decode(data, name), source=name, options=options)


def _read_regular_file(name: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A FIFO, a device (``/dev/zero``) or a socket would block or never end, so only regular
    files are opened, without blocking, and never read past the limit.
    """
    descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a pipe, device or socket)")
        if info.st_size > limit:
            raise InputError(name, f"larger than the {_size(limit)} limit (--max-size)")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(name, f"larger than the {_size(limit)} limit (--max-size)")
    return data


def _size(count: int) -> str:
    return f"{count / 1e6:g} MB" if count >= 1_000_000 else f"{count:,} bytes"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named by ``paths``: folders walked recursively in sorted order, globs expanded.

    Raises :class:`InputError` for a path that names nothing or a folder with no articles.
    """
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".") and p.name.lower() != "readme.md"
            )
            if not found:
                raise InputError(raw, "no articles in this folder (looked for *.txt, *.md, *.ics)")
            yield from found
        elif path.exists():
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise InputError(raw, "the pattern matches no file")
            yield from expand_paths(matches)
        else:
            raise InputError(raw, "no such file or directory")


def read_documents(
    paths: Iterable[str],
    options: ReadOptions | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Document]:
    """Read every article under ``paths`` in a stable order.

    With ``on_error`` each bad file is reported there and reading goes on; without it the
    first :class:`InputError` is raised.
    """

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for raw in paths:
        try:
            files = list(expand_paths([raw]))
        except InputError as error:
            report(error)
            continue
        for name in files:
            try:
                yield read_document(name, options)
            except InputError as error:
                report(error)
