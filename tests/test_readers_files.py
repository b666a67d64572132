"""Reading files: seed headers, plain text with --dct, folders, and one-line errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import InputError, NotAnArticle
from timeline.readers import (
    ReadOptions,
    expand_paths,
    parse_dct,
    read_document,
    read_documents,
    sniff,
)


def test_seed_format_gives_headline_dct_and_body(data: Path) -> None:
    doc = read_document(data / "seed_format.txt")
    assert doc.title == "Korea to send its first biz delegation to the U.S. under second Trump term"
    assert doc.dct == datetime(2025, 2, 4, 17, 55, tzinfo=UTC)
    assert doc.text.startswith("A Korean business delegation")
    assert "Published" not in doc.text


def test_source_tz_sets_the_zone_of_the_published_time(data: Path) -> None:
    doc = read_document(data / "seed_format.txt", ReadOptions(source_tz="Asia/Seoul"))
    assert doc.dct == datetime(2025, 2, 4, 17, 55, tzinfo=ZoneInfo("Asia/Seoul"))


def test_header_without_published_line_uses_the_headline_date(data: Path) -> None:
    doc = read_document(data / "header_without_published.txt")
    assert doc.dct == datetime(2025, 2, 4, tzinfo=UTC)
    assert doc.text == "The fair opens on Feb. 19.\n"


def test_byte_order_mark_is_ignored(data: Path) -> None:
    assert read_document(data / "bom.txt").title == "With BOM"


def test_plain_text_needs_a_dct(data: Path) -> None:
    with pytest.raises(InputError, match=r"prose_without_date.txt:1: no publication date.*--dct"):
        read_document(data / "readers" / "prose_without_date.txt")
    doc = read_document(data / "plain_no_header.txt", ReadOptions(dct=parse_dct("2025-02-04")))
    assert doc.dct == datetime(2025, 2, 4, tzinfo=UTC)
    assert doc.text.startswith("The council will vote")


def test_short_text_without_a_date_is_no_article(data: Path) -> None:
    with pytest.raises(NotAnArticle, match=r"plain_no_header.txt:1: not an article"):
        read_document(data / "plain_no_header.txt")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", r"empty.txt: empty file"),
        ("whitespace_only.txt", r"whitespace_only.txt: empty file"),
        ("binary.txt", r"binary.txt: binary file"),
        ("invalid_utf8.txt", r"invalid_utf8.txt:3: invalid UTF-8"),
        ("header_no_body.txt", r"header_no_body.txt:3: the article has a header but no body"),
        ("malformed_published.txt", r"malformed_published.txt:2: malformed Published line"),
        ("bad_header_date.txt", r"bad_header_date.txt:1: bad date '2025-13-45'"),
        ("missing.txt", r"missing.txt: no such file"),
    ],
)
def test_bad_files_give_one_line_errors_naming_the_file(
    data: Path, name: str, message: str
) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_document(data / name)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_folders_are_walked_recursively_in_sorted_order(data: Path) -> None:
    files = list(expand_paths([str(data / "folder")]))
    # "b.txt" < "notes.csv" < "sub/a.txt"; every file is walked, its content decides
    assert [Path(f).name for f in files] == ["b.txt", "notes.csv", "a.txt"]


def test_a_folder_walk_skips_and_counts_what_is_no_article(data: Path) -> None:
    skipped: list[InputError] = []
    errors: list[InputError] = []
    docs = list(read_documents([str(data / "folder")], on_error=errors.append,
                               on_skip=skipped.append))
    assert [d.title for d in docs] == ["B", "A"]
    assert [Path(e.source).name for e in skipped] == ["notes.csv"]
    assert errors == []


def test_a_named_file_that_is_no_article_is_an_error(data: Path) -> None:
    errors: list[InputError] = []
    docs = list(read_documents([str(data / "folder" / "notes.csv")], on_error=errors.append))
    assert docs == []
    assert [type(e) for e in errors] == [NotAnArticle]
    assert errors[0].problem.startswith("not an article")


def test_globs_are_expanded(data: Path) -> None:
    files = list(expand_paths([str(data / "folder" / "**" / "*.txt")]))
    assert sorted(Path(f).name for f in files) == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("empty_folder", "no articles in this folder"),
        ("nothing-here", "no such file or directory"),
        ("nothing-*.txt", "the pattern matches no file"),
    ],
)
def test_paths_that_name_no_article(data: Path, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(expand_paths([str(data / path)]))


def test_reading_goes_on_after_a_bad_file_when_errors_are_collected(data: Path) -> None:
    errors: list[InputError] = []
    paths = [str(data / "empty.txt"), str(data / "bom.txt"), str(data / "nowhere.txt")]
    docs = list(read_documents(paths, on_error=errors.append))
    assert [d.title for d in docs] == ["With BOM"]
    assert [e.problem for e in errors] == ["empty file", "no such file or directory"]


def test_reading_stops_at_the_first_bad_file_without_a_collector(data: Path) -> None:
    with pytest.raises(InputError, match="empty file"):
        list(read_documents([str(data / "empty.txt"), str(data / "bom.txt")]))


def test_dct_option_errors() -> None:
    with pytest.raises(InputError, match="--dct: not a date 'soon'"):
        parse_dct("soon")
    with pytest.raises(InputError, match="unknown time zone 'Mars/Base'"):
        parse_dct("2025-02-04", "Mars/Base")
    assert parse_dct("2025-02-04T17:55", "Asia/Seoul").utcoffset() is not None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'></svg>",
         "unknown format (XML that is no web page, feed or calendar)"),
        ('{"events": [{"start": "2025-02-19"}]}',
         "unknown format (JSON that is no web page, feed or calendar)"),
    ],
)
def test_an_unknown_format_is_one_line_naming_the_file(tmp_path: Path, text: str,
                                                       problem: str) -> None:
    path = tmp_path / "thing.txt"  # the name says text; the content decides
    path.write_text(text)
    with pytest.raises(NotAnArticle) as info:
        read_document(path)
    assert str(info.value) == f"{path}: {problem}"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "ics"),
        ("<?xml version='1.0'?>\n<!-- a comment -->\n<rss version='2.0'><channel/></rss>", "feed"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        ("<!doctype html><title>x</title><p>Hello</p>", "html"),
        ("<div><p>A fragment saved from a page</p></div>", "html"),
        (" date 2025-02-04 Headline\nPublished: 04 Feb. 2025\nBody.\n", "seed"),
        ("Headline\nPublished: 04 Feb. 2025\nBody.\n", "plain"),
    ],
)
def test_the_format_is_sniffed_from_the_content(text: str, kind: str) -> None:
    assert sniff(text) == kind


def test_a_huge_file_in_a_folder_is_skipped_without_reading_it(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    import timeline.readers.files as files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (tmp_path / "dump.txt").write_text("word " * 400)
    skipped: list[InputError] = []
    assert list(read_documents([str(tmp_path)], on_skip=skipped.append)) == []
    assert [e.problem for e in skipped] == ["too large for an article or feed (over 1,000 bytes)"]


def test_the_readers_api_is_sorted_and_complete() -> None:
    import timeline.readers as readers

    def isort_style(name: str) -> tuple[int, str]:  # constants, classes, then functions
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert readers.__all__ == sorted(readers.__all__, key=isort_style)
    assert all(hasattr(readers, name) for name in readers.__all__)
