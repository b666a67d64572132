"""The query language shared by every command."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.errors import QueryError
from timeline.event import Event, Source
from timeline.query import Query, parse_query
from timeline.timeline import Timeline


def event(uid: str, title: str, start: date, *, kind: str = "scheduled", doc: str = "a.txt",
          location: str | None = None, granularity: str = "day",
          end: date | None = None) -> Event:
    return Event(
        uid=uid, title=title, start=start, end=end, granularity=granularity,  # type: ignore[arg-type]
        kind=kind, location=location,  # type: ignore[arg-type]
        sources=(Source(document=doc, evidence="", trigger=""),),
    )


EVENTS = Timeline.of(
    [
        event("3", "Trade summit", date(2025, 3, 2), doc="news/joongang/b.txt", location="Seoul"),
        event("1", "Gala dinner", date(2025, 2, 19), location="Washington"),
        event("2", "Trans-Pacific Dialogue", date(2025, 2, 21), end=date(2025, 2, 22)),
        event("0", "Investment", date(2017, 1, 1), kind="past", granularity="year",
              end=date(2023, 1, 1)),
        event("4", "Delegation trip", date(2025, 2, 1), granularity="month"),
    ]
)


def uids(query: str) -> list[str]:
    return [e.uid for e in EVENTS.filter(query)]


def test_timeline_is_sorted_by_start() -> None:
    assert [e.uid for e in EVENTS] == ["0", "4", "1", "2", "3"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["0", "4", "1", "2", "3"]),
        ("summit", ["3"]),
        ("SEOUL", ["3"]),
        ('"gala dinner"', ["1"]),
        ("gala washington", ["1"]),
        ("gala seoul", []),
        ("after:2025-02-20", ["4", "2", "3"]),  # the month event runs to Feb. 28
        ("after:2025-02-22", ["4", "2", "3"]),
        ("after:2025-03", ["3"]),
        ("after:2025-02-23 title", []),
        ("after:2025-02", ["4", "1", "2", "3"]),
        ("before:2025-02-19", ["0", "4"]),
        ("before:2025-03", ["0", "4", "1", "2"]),
        ("after:2024 before:2026", ["4", "1", "2", "3"]),
        ("after:2020 before:2026", ["0", "4", "1", "2", "3"]),  # 2017..2023 overlaps
        ("after:2023", ["0", "4", "1", "2", "3"]),
        ("kind:past", ["0"]),
        ("kind:scheduled kind:past", ["0", "4", "1", "2", "3"]),
        ("source:joongang", ["3"]),
        ("after:2025-W08 dialogue", ["2"]),
        ("after:2025-W09 kind:scheduled", ["4", "3"]),
    ],
)
def test_filters(query: str, expected: list[str]) -> None:
    assert uids(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("after:tomorrow", "bad date 'tomorrow'"),
        ("before:2025-02-30", "no such date '2025-02-30'"),
        ("kind:maybe", "unknown kind 'maybe'"),
        ("color:red", "unknown filter 'color:'"),
        ("source:", "empty value"),
        ('"unclosed', "cannot split query"),
        ("x" * 1001, "query too long"),
    ],
)
def test_malformed_queries_name_the_problem(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_query_prints_back_to_an_equivalent_query() -> None:
    query = parse_query('"gala dinner" after:2025-02 kind:scheduled source:joongang')
    assert parse_query(str(query)) == query
    assert parse_query("") == Query()


def test_days_groups_events_by_start_day() -> None:
    groups = [(day, [e.uid for e in events]) for day, events in EVENTS.days()]
    assert groups[0] == (date(2017, 1, 1), ["0"])
    assert groups[-1] == (date(2025, 3, 2), ["3"])
    assert EVENTS.index_on_or_after(date(2025, 2, 20)) == 3
