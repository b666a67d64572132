"""Merging one happening reported by several articles."""

from __future__ import annotations

from datetime import date

from timeline.event import Event, Source
from timeline.merge import merge


def report(uid: str, title: str, day: date, doc: str, location: str | None = None) -> Event:
    return Event(uid=uid, title=title, start=day, end=None, granularity="day",
                 kind="scheduled", location=location,
                 sources=(Source(document=doc, evidence=title, trigger="x"),))


def test_same_day_and_title_merge_keeping_the_first_uid() -> None:
    events = merge([
        report("a", "Leaders hold climate summit in Oslo", date(2025, 3, 3), "one.txt"),
        report("b", "Climate summit of leaders opens", date(2025, 3, 3), "two.txt"),
        report("c", "Climate summit", date(2025, 3, 3), "three.txt"),
    ])
    assert [e.uid for e in events] == ["a"]
    assert [s.document for s in events[0].sources] == ["one.txt", "two.txt", "three.txt"]


def test_different_days_or_titles_stay_apart() -> None:
    events = merge([
        report("a", "Climate summit", date(2025, 3, 3), "one.txt"),
        report("b", "Climate summit", date(2025, 3, 4), "two.txt"),
        report("c", "Budget vote", date(2025, 3, 3), "two.txt"),
    ])
    assert [e.uid for e in events] == ["a", "b", "c"]


def test_events_of_one_article_never_merge() -> None:
    events = merge([
        report("a", "State dinner", date(2025, 3, 3), "one.txt"),
        report("b", "State dinner toast", date(2025, 3, 3), "one.txt"),
    ])
    assert len(events) == 2


def test_same_place_and_a_shared_word_merge() -> None:
    events = merge([
        report("a", "Delegation meets officials", date(2025, 3, 3), "one.txt", "Seoul"),
        report("b", "Officials receive visitors", date(2025, 3, 3), "two.txt", "Seoul"),
    ])
    assert len(events) == 1
    assert events[0].location == "Seoul"


def test_a_pinned_event_keeps_its_own_uid_and_later_reports_join_it() -> None:
    events = merge(
        [
            report("a", "Climate summit", date(2025, 3, 3), "one.txt"),
            report("b", "Climate summit", date(2025, 3, 3), "two.txt"),
            report("c", "Climate summit", date(2025, 3, 3), "three.txt"),
        ],
        pinned=frozenset({"b"}),
    )
    assert [e.uid for e in events] == ["a", "b"]
    assert [s.document for s in events[0].sources] == ["one.txt", "three.txt"]
