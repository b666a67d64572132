"""The agenda commands as a user runs them: ranges, the month grid, show, short IDs, --json.

Every command runs as ``python -m timeline`` in a subprocess, on the seed article and on a
hand-written calendar of recurring series and two UIDs that share their first six characters.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from ics_check import check_ics, needs_node

from timeline.daterange import DayRange, split_range
from timeline.errors import QueryError
from timeline.shortid import MIN_LENGTH, ShortIdIndex, resolve, short_ids

SERIES = Path(__file__).resolve().parent / "data" / "ics" / "recurring_series_and_twin_uids.ics"
EVENT_KEYS = {
    "uid", "source", "title", "start", "end", "granularity", "tz", "location", "kind",
    "confidence", "evidence", "trigger", "derivation", "tags", "sources",
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True,
                          text=True, timeout=300, check=False, env=env)


def ok_json(*args: str) -> Any:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def starts(payload: dict[str, Any]) -> list[str]:
    return [event["start"] for event in payload["events"]]


# Ranges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "first", "last", "rest"),
    [
        (["today", "7d"], "2025-02-18", "2025-02-24", []),
        (["tomorrow"], "2025-02-19", "2025-02-19", []),
        (["yesterday", "seeds/"], "2025-02-17", "2025-02-17", ["seeds/"]),
        (["2025-02", "1m"], "2025-02-01", "2025-02-28", []),
        (["2025-02"], "2025-02-01", "2025-02-28", []),
        (["2025-01-31", "1m"], "2025-01-31", "2025-02-27", []),
        (["2025-W08"], "2025-02-17", "2025-02-23", []),
        (["2025"], "2025-01-01", "2025-12-31", []),
        (["friday", "2w", "a.txt"], "2025-02-21", "2025-03-06", ["a.txt"]),
        (["2025-02-19", "2025-03"], "2025-02-19", "2025-03-31", []),
    ],
)
def test_range_forms(args: list[str], first: str, last: str, rest: list[str]) -> None:
    span, paths = split_range(args, date(2025, 2, 18))
    assert span == DayRange(first=date.fromisoformat(first), last=date.fromisoformat(last))
    assert list(paths) == rest


def test_arguments_that_are_no_range_are_paths() -> None:
    assert split_range(["seeds/", "7d"], date(2025, 2, 18)) == (None, ("seeds/", "7d"))
    with pytest.raises(QueryError, match="no such date"):
        split_range(["2025-02-30"], date(2025, 2, 18))
    with pytest.raises(QueryError, match="before it starts"):
        split_range(["2025-03", "2025-02"], date(2025, 2, 18))


def test_list_today_7d_keeps_the_week_from_today(seed: Path) -> None:
    payload = ok_json("list", "--json", "--today", "2025-02-18", "today", "7d", str(seed))
    assert payload["range"] == {"first": "2025-02-18", "last": "2025-02-24"}
    assert starts(payload) == ["2025-02", "2025-02-19", "2025-02-20", "2025-02-21"]
    for event in payload["events"]:
        assert event.keys() >= EVENT_KEYS


@pytest.mark.parametrize(
    ("args", "first", "last", "days"),
    [
        (["2025-02", "1m"], "2025-02-01", "2025-02-28", ["2025-02", "2025-02-19", "2025-02-20",
                                                       "2025-02-21"]),
        (["2025-W08"], "2025-02-17", "2025-02-23", ["2025-02", "2025-02-19", "2025-02-20",
                                                   "2025-02-21"]),
        (["friday"], "2025-02-21", "2025-02-21", ["2025-02", "2025-02-21"]),
        (["2025-02-22", "2025-03-10"], "2025-02-22", "2025-03-10", ["2025-02", "2025-02-21"]),
        (["2025-03", "1y"], "2025-03-01", "2026-02-28", []),
    ],
)
def test_list_range_forms_on_the_command_line(seed: Path, args: list[str], first: str,
                                              last: str, days: list[str]) -> None:
    payload = ok_json("list", "--json", "--today", "2025-02-18", *args, str(seed))
    assert payload["range"] == {"first": first, "last": last}
    assert starts(payload) == days


def test_list_tomorrow_keeps_that_day_only(seed: Path) -> None:
    payload = ok_json("list", "--json", "--today", "2025-02-19", "tomorrow", str(seed))
    assert [(e["start"], e["title"][:10]) for e in payload["events"] if
            e["granularity"] == "day"] == [("2025-02-20", "Delegation")]


def test_list_month_range_in_text_has_short_ids(seed: Path) -> None:
    result = run("list", "2025-02", "1m", str(seed))
    assert result.returncode == 0, result.stderr
    full = {e["uid"] for e in ok_json("extract", "--json", str(seed))["events"]}
    shown = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    assert len(shown) == len(full)
    assert all(len(s) >= MIN_LENGTH and any(u.startswith(s) for u in full) for s in shown)
    assert "No events." in run("list", "2024-02", "1m", str(seed)).stdout


def test_list_expands_a_weekly_series_within_the_range() -> None:
    payload = ok_json("list", "--json", "2025-02", str(SERIES))
    chess = [e["start"] for e in payload["events"] if e["title"] == "Chess club"]
    # Weekly from Feb 3, six times, less the excluded Feb 17.
    assert chess == ["2025-02-03T19:00", "2025-02-10T19:00", "2025-02-24T19:00"]
    march = ok_json("list", "--json", "2025-03", str(SERIES))
    assert [e["start"] for e in march["events"] if e["title"] == "Chess club"] == [
        "2025-03-03T19:00", "2025-03-10T19:00", "2025-03-15T11:00"]
    market = [e["start"] for e in ok_json("list", "--json", "2025", str(SERIES))["events"]
              if e["title"] == "Farmers market"]
    assert market == ["2025-01-10", "2025-02-10", "2025-03-10", "2025-05-10", "2025-06-10"]


def test_a_bad_range_is_one_line(seed: Path) -> None:
    result = run("list", "2025-13", str(seed))
    assert result.returncode == 1
    assert result.stderr.strip() == "timeline: no such date '2025-13'"


# Month grid --------------------------------------------------------------------------------


def test_calendar_grid_stars_the_days_with_events(seed: Path) -> None:
    result = run("calendar", "2025-02", str(seed))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "February 2025"
    assert lines[1] == "Mo  Tu  We  Th  Fr  Sa  Su"
    assert lines[2] == " " * 20 + " 1   2"
    assert lines[5] == "17  18  19* 20* 21* 22* 23"
    assert "Trans-Pacific Dialogue" in result.stdout


def test_calendar_json_counts_each_day(seed: Path) -> None:
    payload = ok_json("calendar", "--json", "2025-02", str(seed))
    assert payload["month"] == "2025-02"
    counts = {d["date"]: d["events"] for d in payload["days"]}
    assert len(counts) == 28
    assert {d for d, n in counts.items() if n} == {
        "2025-02-19", "2025-02-20", "2025-02-21", "2025-02-22"}
    assert len(payload["events"]) == 4
    # Without a month, the month of today.
    default = ok_json("calendar", "--json", "--today", "2025-03-05", str(seed))
    assert default["month"] == "2025-03"
    assert default["events"] == []


# show and short IDs ------------------------------------------------------------------------


def test_short_ids_are_the_shortest_unique_starts() -> None:
    ids = short_ids(["abcdef01x", "abcdef02y", "zz", "abcdefghij", "9f00aa11"])
    assert ids["abcdef01x"] == "abcdef01"
    assert ids["abcdef02y"] == "abcdef02"
    assert ids["abcdefghij"] == "abcdefg"
    assert ids["9f00aa11"] == "9f00aa"
    assert ids["zz"] == "zz"


def test_the_browser_s_index_agrees_with_the_list_s_short_ids() -> None:
    uids = ["abcdef01x", "abcdef02y", "zz", "abcdefghij", "9f00aa11", "9f00ab", "9f00aa11q"]
    index = ShortIdIndex(uids)
    assert {uid: index.of(uid) for uid in uids} == short_ids(uids)
    assert index.of("not-indexed") == "not-indexed"


def test_resolve_refuses_short_ambiguous_and_unknown() -> None:
    uids = ["abcdef01x", "abcdef02y", "9f00aa11"]
    assert resolve("9f00aa", uids) == "9f00aa11"
    assert resolve("abcdef02", uids) == "abcdef02y"
    with pytest.raises(ValueError, match="too short"):
        resolve("9f0", uids)
    with pytest.raises(ValueError, match="ambiguous"):
        resolve("abcdef", uids)
    with pytest.raises(ValueError, match="no event"):
        resolve("123456", uids)


def test_show_prints_the_event_with_its_sources(seed: Path) -> None:
    gala = next(e for e in ok_json("extract", "--json", str(seed))["events"]
                if e["start"] == "2025-02-19")
    result = run("show", gala["uid"][:6], str(seed))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{gala['uid'][:6]}  {gala['title']}\n")
    assert f"uid      {gala['uid']}" in result.stdout
    assert "[on Feb. 19]" in result.stdout
    assert f"why      {gala['derivation']}" in result.stdout
    payload = ok_json("show", "--json", gala["uid"][:8], str(seed))
    assert payload == {"event": gala}


def test_show_of_a_series_lists_its_rule() -> None:
    result = run("show", "series-w", str(SERIES))
    assert result.returncode == 0, result.stderr
    assert "repeats  RRULE:FREQ=WEEKLY;COUNT=6" in result.stdout
    payload = ok_json("show", "--json", "series-weekly-chess@example.org#20250224", str(SERIES))
    assert payload["event"]["start"] == "2025-02-24T19:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abcdef", "'abcdef' is ambiguous: it starts 2 uids (abcdef01, abcdef02); give more"),
        ("abc", "'abc' is too short: give at least 6 characters"),
        ("0f0f0f0f", "no event with uid '0f0f0f0f'"),
    ],
)
def test_show_refuses_ambiguous_short_and_unknown_ids(text: str, message: str) -> None:
    result = run("show", text, str(SERIES))
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture
def store(tmp_path: Path, seed: Path) -> Path:
    """A store holding the seed article and the calendar of series."""
    db = tmp_path / "news.db"
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(seed, folder / "a.txt")
    shutil.copy(SERIES, folder / "series.ics")
    payload = ok_json("ingest", "--json", "--db", str(db), str(folder))
    assert payload["documents"] == {"read": 2, "new": 2, "changed": 0, "unchanged": 0,
                                    "failed": 0, "pruned": 0}
    assert payload["events"]["added"] == 8
    assert payload["orphaned"] == []
    assert isinstance(payload["seconds"], float)
    return db


def test_corrections_take_short_ids_and_print_json(store: Path) -> None:
    db = str(store)
    twins = run("hide", "abcdef", "--db", db)
    assert twins.returncode == 1
    assert "ambiguous" in twins.stderr
    assert run("hide", "abc", "--db", db).returncode == 1
    assert "no event" in run("confirm", "ffffff", "--db", db).stderr
    assert ok_json("hide", "--json", "abcdef01", "--db", db) == {
        "uid": "abcdef01-talk@example.org", "hidden": True}
    assert ok_json("confirm", "--json", "abcdef02", "--db", db) == {
        "uid": "abcdef02-talk@example.org", "confirmed": True}
    edited = ok_json("edit", "--json", "abcdef02", "--title", "Talk on trade winds", "--db", db)
    assert edited["event"]["title"] == "Talk on trade winds"
    assert edited["event"].keys() >= EVENT_KEYS
    assert ok_json("undo", "--json", "--db", db) == {
        "undone": {"uid": "abcdef02-talk@example.org", "action": "edit"}}
    listed = ok_json("list", "--json", "2025-02-19", "--db", db)
    assert "Talk on tides" not in [e["title"] for e in listed["events"]]
    assert ok_json("undo", "--json", "--db", db)["undone"]["action"] == "confirm"
    assert ok_json("undo", "--json", "--db", db)["undone"]["action"] == "hide"
    assert ok_json("undo", "--json", "--db", db) == {"undone": None}


def test_store_keeps_a_series_and_expands_it(store: Path, tmp_path: Path) -> None:
    payload = ok_json("list", "--json", "2025-02", "--db", str(store))
    assert [e["start"] for e in payload["events"] if e["title"] == "Chess club"] == [
        "2025-02-03T19:00", "2025-02-10T19:00", "2025-02-24T19:00"]
    out = tmp_path / "out.ics"
    written = ok_json("export", "--json", "--db", str(store), "-o", str(out))
    assert written == {"output": str(out), "written": 7, "left_out": 1}
    chess = next(e for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
                 if str(e["UID"]) == "series-weekly-chess@example.org")
    assert chess["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=6"


def test_export_json_needs_a_file(seed: Path) -> None:
    result = run("export", "--json", str(seed), "-o", "-")
    assert result.returncode == 1
    assert "needs a file" in result.stderr


# .ics: RRULE round trip and DTEND --------------------------------------------------------------


def series_of(data: bytes) -> dict[str, dict[str, list[str]]]:
    """Each VEVENT's recurrence properties by UID, as sorted content values."""
    result: dict[str, dict[str, list[str]]] = {}
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        result[str(event["UID"])] = {
            name: sorted(v.to_ical().decode() for v in (
                event[name] if isinstance(event[name], list) else [event[name]]))
            for name in ("RRULE", "RDATE", "EXDATE") if name in event}
    return result


def test_rrule_rdate_exdate_survive_import_and_export(tmp_path: Path) -> None:
    first = tmp_path / "first.ics"
    assert run("export", str(SERIES), "-o", str(first)).returncode == 0
    second = tmp_path / "second.ics"
    assert run("export", str(first), "-o", str(second)).returncode == 0
    original = series_of(SERIES.read_bytes())
    assert original["series-weekly-chess@example.org"]["EXDATE"] == ["20250217T190000"]
    assert series_of(first.read_bytes()) == original
    assert series_of(second.read_bytes()) == original


@needs_node
def test_check_ics_reads_the_exported_series_alike(tmp_path: Path) -> None:
    out = tmp_path / "series.ics"
    assert run("export", str(SERIES), "-o", str(out)).returncode == 0
    check_ics(out)


def test_timed_event_gets_a_default_dtend(tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text("The minister will speak at 10:00 GMT on March 3, 2025, in London.\n",
                    encoding="utf-8")
    out = tmp_path / "talk.ics"
    ran = run("export", "--dct", "2025-02-04", str(talk), "-o", str(out),
              "--default-duration", "PT30M")
    assert ran.returncode == 0, ran.stderr
    event = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)
    assert str(event["X-TIMELINE-END"]) == "DEFAULT"
    back = ok_json("extract", "--json", str(out))["events"]
    assert [e["end"] for e in back] == [None]
    bad = run("export", str(talk), "--dct", "2025-02-04", "-o", str(out),
              "--default-duration", "soon")
    assert bad.stderr.strip() == "timeline: --default-duration: not a duration like PT1H: 'soon'"


def test_list_wraps_at_word_breaks_to_the_terminal_width() -> None:
    from timeline.agenda import render
    from timeline.event import Event, Source
    from timeline.timeline import Timeline

    event = Event(uid="0123456789ab", title="A fairly long title for a meeting of ministers",
                  start=date(2025, 2, 19), end=None, granularity="day", kind="scheduled",
                  location="Great Hall of the Library, Washington",
                  sources=(Source(document="notes/today.txt", evidence="", trigger=""),))
    text = render(Timeline.of([event]), width=60, short={event.uid: "012345"})
    lines = text.splitlines()
    assert lines[0] == "Wed 2025-02-19"
    assert all(len(line) <= 60 for line in lines)
    assert lines[1].startswith("  012345  all day     A fairly long title")
    # Continuation lines line up under the title, and no word is cut.
    assert all(line.startswith(" " * 20) for line in lines[2:])
    words = " ".join(line.strip() for line in lines[1:]).split()
    assert "Washington" in words
    assert "[scheduled;" in words
    assert render(Timeline.of([event])).count("\n") == 2  # piped: one line per event
