"""Plain articles as people copy them: a headline, a Published line, a dateline, zones."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from readers_shared import PLAIN, calendar_view

from timeline.errors import InputError, NotAnArticle
from timeline.readers import ReadOptions, parse_dct, read_document, read_text, sniff
from timeline.readers.plain import read_plain

BODY = ("The regional orchestra will give a free concert in the park on Feb. 22, and a "
        "second one on the following day, the council said on Tuesday.\n")


@pytest.mark.parametrize(
    ("published", "dct"),
    [
        ("04 Feb. 2025, 17:55", datetime(2025, 2, 4, 17, 55, tzinfo=UTC)),
        ("Feb 4, 2025 5:55 PM KST", datetime(2025, 2, 4, 17, 55, tzinfo=ZoneInfo("Asia/Seoul"))),
        ("2025-02-04T17:55:00+01:00", datetime(2025, 2, 4, 16, 55, tzinfo=UTC)),
    ],
)
def test_headline_and_published_line_give_the_dct(published: str, dct: datetime) -> None:
    text = f"Orchestra to play two free concerts\nPublished: {published}\n{BODY}"
    doc = read_plain(text, source="concert.txt", options=ReadOptions())
    assert sniff(text) == "plain"
    assert doc.title == "Orchestra to play two free concerts"
    assert doc.dct == dct
    assert doc.text == BODY  # the Published line is never body text


def test_the_published_line_gives_no_event() -> None:
    text = f"Orchestra to play two free concerts\nPublished: 04 Feb. 2025, 17:55\n{BODY}"
    doc = read_plain(text, source="concert.txt", options=ReadOptions())
    days = [row[1] for row in calendar_view(doc)]
    assert sorted(days) == ["2025-02-22", "2025-02-23"]


def test_an_updated_line_after_the_published_line_is_no_body_text() -> None:
    text = ("Orchestra to play\nPublished: 04 Feb. 2025, 17:55\nUpdated: 05 Feb. 2025, 08:00\n"
            f"\n{BODY}")
    assert read_plain(text, source="c.txt", options=ReadOptions()).text == BODY


def test_a_malformed_published_line_names_the_line() -> None:
    text = f"Orchestra to play\nPublished: sometime soon\n{BODY}"
    with pytest.raises(InputError, match=r"c.txt:2: malformed Published line"):
        read_plain(text, source="c.txt", options=ReadOptions())


def test_the_seed_header_and_a_plain_copy_read_alike() -> None:
    plain = PLAIN.read_text()
    headline, rest = plain.split("\n", 1)
    seed = f" date 2025-02-12 {headline}\n{rest}"
    from_seed = read_text(seed, source="a.txt", options=ReadOptions())[0]
    from_plain = read_text(plain, source="a.txt", options=ReadOptions())[0]
    assert from_seed == from_plain


@pytest.mark.parametrize(
    ("options", "rule", "zone"),
    [
        (ReadOptions(source_tz="Asia/Tokyo"), "source-tz", "Asia/Tokyo"),
        (ReadOptions(), "dateline", "Europe/London"),  # PORTSMOUTH
    ],
)
def test_zone_rules_for_a_time_written_without_one(options: ReadOptions, rule: str,
                                                   zone: str) -> None:
    doc = read_document(PLAIN, options)
    assert doc.zone_rule == rule
    assert doc.dct == datetime(2025, 2, 12, 9, 30, tzinfo=ZoneInfo(zone))


def test_a_known_outlet_in_the_dateline_gives_its_zone() -> None:
    text = ("Ferry talks resume\nPublished: 10 Mar. 2025, 14:00\n"
            "NAGOYA, March 10 (Kyodo) -- Talks on the new ferry route will resume on March 17, "
            "officials said.\n")
    doc = read_plain(text, source="f.txt", options=ReadOptions())
    assert (doc.zone_rule, str(doc.dct.tzinfo)) == ("outlet", "Asia/Tokyo")


def test_a_time_with_its_zone_keeps_it_over_source_tz() -> None:
    text = f"Orchestra to play\nPublished: Feb 4, 2025 5:55 PM KST\n{BODY}"
    doc = read_plain(text, source="c.txt", options=ReadOptions(source_tz="Europe/Paris"))
    assert (doc.zone_rule, str(doc.dct.tzinfo)) == ("stated", "Asia/Seoul")


def test_without_any_clue_the_zone_is_utc() -> None:
    text = f"Orchestra to play\nPublished: 04 Feb. 2025, 17:55\n{BODY}"
    doc = read_plain(text, source="c.txt", options=ReadOptions())
    assert (doc.zone_rule, doc.dct.tzinfo) == ("utc", UTC)


def test_a_dateline_gives_the_dct_when_nothing_else_does(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("HALIFAX, Dec. 30 (Harbour Wire) -- The new ferry terminal will open on "
                    "Jan. 6, the port authority said on Monday, a week later than planned.\n")
    # the file was saved in the new year: Dec. 30 is last year's
    saved = datetime(2026, 1, 2, 12, tzinfo=UTC).timestamp()
    os.utime(path, (saved, saved))
    doc = read_document(path)
    assert doc.dct == datetime(2025, 12, 30, tzinfo=ZoneInfo("America/Halifax"))
    assert doc.zone_rule == "dateline"
    assert [row[1] for row in calendar_view(doc)] == ["2026-01-06"]


def test_dct_option_wins_over_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("HALIFAX, Dec. 30 (Harbour Wire) -- The new ferry terminal will open on "
                    "Jan. 6, the port authority said on Monday.\n")
    doc = read_document(path, ReadOptions(dct=parse_dct("2024-12-30")))
    assert doc.dct == datetime(2024, 12, 30, tzinfo=UTC)


def test_notes_in_a_folder_are_no_articles() -> None:
    notes = "# Ideas\n- call the council\n- ask about ferries\n- book the hall\n" * 3
    with pytest.raises(NotAnArticle):
        read_plain(notes, source="notes.md", options=ReadOptions(dct=parse_dct("2025-01-01")),
                   walked=True)
