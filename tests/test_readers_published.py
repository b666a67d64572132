"""Publication date-times in the forms pages, articles and feeds write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from timeline.readers.published import parse_published

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04 Feb. 2025, 17:55", datetime(2025, 2, 4, 17, 55)),  # noqa: DTZ001 - none written
        ("4 February 2025", datetime(2025, 2, 4)),  # noqa: DTZ001
        ("Tuesday, 4 February 2025 17:55", datetime(2025, 2, 4, 17, 55)),  # noqa: DTZ001
        ("Feb 4, 2025 5:55 PM KST", datetime(2025, 2, 4, 17, 55, tzinfo=SEOUL)),
        ("February 4, 2025 at 5:55 p.m. ET",
         datetime(2025, 2, 4, 17, 55, tzinfo=ZoneInfo("America/New_York"))),
        ("Feb. 4, 2025, 12:05 a.m.", datetime(2025, 2, 4, 0, 5)),  # noqa: DTZ001
        ("2025-02-04", datetime(2025, 2, 4)),  # noqa: DTZ001
        ("2025-02-04T17:55:00+09:00", datetime(2025, 2, 4, 17, 55, tzinfo=timezone(
            timedelta(hours=9)))),
        ("2025-02-04T08:55:00Z", datetime(2025, 2, 4, 8, 55, tzinfo=UTC)),
        ("Tue, 04 Feb 2025 08:55:00 GMT", datetime(2025, 2, 4, 8, 55, tzinfo=UTC)),
        ("Tue, 04 Feb 2025 17:55:00 +0900", datetime(2025, 2, 4, 17, 55, tzinfo=timezone(
            timedelta(hours=9)))),
        ("4 Feb 2025 17:55 (UTC+9)", datetime(2025, 2, 4, 17, 55, tzinfo=timezone(
            timedelta(hours=9)))),
    ],
)
def test_common_forms(text: str, expected: datetime) -> None:
    found = parse_published(text)
    assert found == expected
    assert found is not None
    assert (found.tzinfo is None) == (expected.tzinfo is None)


@pytest.mark.parametrize("text", ["", "soon", "31 Feb. 2025", "Feb 4, 2025 5:55 PM XYZ",
                                  "Smarch 4, 2025"])
def test_what_is_no_date(text: str) -> None:
    assert parse_published(text) is None
