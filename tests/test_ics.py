"""iCalendar export and import (issue 6): golden files, DST, escaping, stability, clients."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner
from ics_check import check_ics, needs_node

from timeline.cli import cli
from timeline.errors import InputError
from timeline.event import Event, Source
from timeline.ics import (
    UNKNOWN_STAMP,
    CalendarOptions,
    Revision,
    VeventCache,
    calendar_of,
    export_ics,
    exportable,
    parse_duration,
    parse_ics,
    read_ics,
)

ROOT = Path(__file__).resolve().parent.parent
ICS = Path(__file__).resolve().parent / "data" / "ics"
SEED = "seeds/000_korea_delegation.txt"
SEED_TITLE = "Korea to send its first biz delegation to the U.S. under second Trump term"
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Seoul", "Australia/Sydney", "Asia/Kolkata")
# Regenerate the golden files with: UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_ics.py
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def source(evidence: str, trigger: str, *, document: str = SEED, title: str = SEED_TITLE,
           dct: str = "2025-02-04T17:55:00+00:00", url: str | None = None) -> Source:
    return Source(document=document, evidence=evidence, trigger=trigger, document_title=title,
                  document_dct=dct, url=url)


def seed_events() -> list[Event]:
    """The seed article's events as the gold annotation has them (not the parser's output)."""
    return [
        Event(uid="seed-trip", title="Korean business delegation trip to the U.S.",
              start=date(2025, 2, 1), end=None, granularity="month", kind="scheduled",
              location="United States", confidence=0.7, derivation="month of the DCT",
              sources=(source("A Korean business delegation comprising representatives from "
                              "the country's top 20 conglomerates will head to the United "
                              "States later this month to discuss bilateral economic "
                              "cooperation under the Donald Trump administration.",
                              "later this month"),)),
        Event(uid="seed-gala", title='"Korea-U.S. Business Night" gala dinner (KCCI)',
              start=date(2025, 2, 19), end=None, granularity="day", kind="scheduled",
              location="Great Hall of the Thomas Jefferson Building, Washington",
              tz="America/New_York", confidence=0.9, derivation="explicit date, year of the DCT",
              tags=("trade", "gala"),
              sources=(source('Hosted by the KCCI, the delegation will hold a "Korea-U.S. '
                              'Business Night" gala dinner in the Great Hall of the Thomas '
                              "Jefferson Building in Washington on Feb. 19, which is expected "
                              "to be attended by some 100 members of Congress and government "
                              "officials who have close ties with Korea.", "on Feb. 19",
                              url="https://example.invalid/news/korea-delegation?id=1,2"),)),
        Event(uid="seed-officials", title="Delegation meets high-ranking Trump administration "
              "officials", start=date(2025, 2, 20), end=None, granularity="day",
              kind="scheduled", confidence=0.8, derivation="the day after Feb. 19",
              sources=(source("The delegation will meet with high-ranking government officials "
                              "of the second Trump administration the following day.",
                              "the following day"),)),
        Event(uid="seed-dialogue", title="Trans-Pacific Dialogue (hosted by Chey Institute for "
              "Advanced Studies)", start=date(2025, 2, 21), end=date(2025, 2, 22),
              granularity="day", kind="scheduled", confidence=0.9,
              derivation="explicit range, year of the DCT",
              sources=(source("SK Group Chairman Chey is also scheduled to participate the "
                              "Trans-Pacific Dialogue hosted by the Chey Institute for Advanced "
                              "Studies on Feb. 21 and 22.", "on Feb. 21 and 22"),)),
        Event(uid="seed-investment", title="Korean investment in the U.S. ($160 billion)",
              start=date(2017, 1, 1), end=date(2023, 1, 1), granularity="year", kind="past",
              location="United States", confidence=0.6, derivation="explicit years",
              sources=(source("\"Korea's investment in the United States amounted to $160 "
                              "billion between the first Trump administration and 2023,\" said "
                              "Lee Sung-woo.", "between the first Trump administration and "
                              "2023"),)),
    ]


def timed(uid: str, zone: str, wall: tuple[int, ...], hours: float = 2, title: str = "") -> Event:
    """A timed event in ``zone`` starting at the local wall-clock time ``wall``."""
    local = datetime(*wall, tzinfo=ZoneInfo(zone))  # type: ignore[misc]
    return Event(uid=uid, title=title or f"Meeting {uid}", start=local,
                 end=local + timedelta(hours=hours), granularity="time", kind="scheduled",
                 tz=zone, location=zone.split("/")[-1].replace("_", " "),
                 sources=(source("They will meet.", "at noon", dct="2024-12-01T08:00:00+00:00"),))


def dst_events() -> list[Event]:
    """Timed events on both sides of (and on the day of) DST changes in five zones."""
    cases = {
        "America/New_York": [(2025, 3, 8, 12), (2025, 3, 9, 12),
                             (2025, 11, 1, 12), (2025, 11, 2, 12),
                             (2026, 7, 4, 9),
                             # Just after the spring change: 03:30 EDT, not EST.
                             (2025, 3, 9, 3, 30)],
        "Europe/Berlin": [(2025, 3, 29, 14, 30), (2025, 3, 30, 14, 30),
                          (2025, 10, 26, 14, 30), (2024, 8, 1, 10),
                          (2026, 6, 15, 10),
                          # 02:30 happens twice on the autumn day: the first (CEST) one.
                          (2025, 10, 26, 2, 30)],
        # Seoul kept DST in 1987 and 1988 only: the VTIMEZONE must cover those summers.
        "Asia/Seoul": [(1988, 7, 1, 10), (1988, 12, 1, 10),
                       (2025, 2, 19, 19)],
        # Southern hemisphere: summer time runs over the new year.
        "Australia/Sydney": [(2025, 4, 5, 12), (2025, 4, 6, 12),
                             (2025, 10, 4, 12), (2025, 10, 5, 12),
                             (2026, 1, 15, 9)],
        "Asia/Kolkata": [(2025, 3, 30, 9, 15), (2025, 10, 26, 9, 15)],
    }
    events = [timed(f"{zone.split('/')[-1].lower()}-" + "-".join(f"{n:02}" for n in start),
                    zone, start)
              for zone, starts in cases.items() for start in starts]
    # Ends in the other offset: starts before the change, ends after it.
    events.append(timed("berlin-overnight", "Europe/Berlin", (2025, 3, 29, 22), 8))
    events.append(Event(uid="utc-launch", title="Launch window (UTC)",
                        start=datetime(2025, 4, 10, 9, tzinfo=UTC), end=None,
                        granularity="time", kind="scheduled",
                        sources=(source("Launch at 09:00 UTC.", "09:00 UTC"),)))
    return events


def parsed(data: bytes) -> dict[str, dict[str, list[str]]]:
    """Each component (calendar by name, events by UID, zones by TZID) as sorted lines."""
    calendar = icalendar.Calendar.from_ical(data)
    assert not calendar.errors
    result: dict[str, dict[str, list[str]]] = {}
    for component in [calendar, *calendar.subcomponents]:
        key = {"VCALENDAR": "VCALENDAR", "VEVENT": f"VEVENT {component.get('UID')}"}.get(
            component.name, f"{component.name} {component.get('TZID')}")
        assert key not in result
        result[key] = {
            name: sorted(v.to_ical().decode() if hasattr(v, "to_ical") else str(v)
                         for v in (values if isinstance(values, list) else [values]))
            for name, values in component.items()
        }
        if component.name == "VTIMEZONE":
            result[key]["observances"] = sorted(sub.to_ical().decode()
                                                for sub in component.subcomponents)
        assert component.name == "VCALENDAR" or not component.errors
    return result


def golden(name: str, data: bytes) -> None:
    """Compare ``data`` with tests/data/ics/NAME after parsing both (or rewrite it)."""
    path = ICS / name
    if UPDATE or not path.exists():
        path.write_bytes(data)
    assert parsed(data) == parsed(path.read_bytes())


def lines(data: bytes) -> list[str]:
    """Unfolded content lines."""
    return data.decode().replace("\r\n ", "").split("\r\n")


# Golden files ------------------------------------------------------------------------------


def test_seed_export_matches_golden() -> None:
    golden("seed_with_coarse.ics", export_ics(seed_events(), CalendarOptions(include_coarse=True)))


def test_seed_export_leaves_out_coarse_events_by_default() -> None:
    data = export_ics(seed_events())
    golden("seed_day_events.ics", data)
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert uids == {"seed-gala", "seed-officials", "seed-dialogue"}


def test_five_zone_dst_export_matches_golden() -> None:
    golden("dst_five_zones.ics", export_ics(dst_events()))


# All-day spans and coarse events -----------------------------------------------------------


@pytest.mark.parametrize(
    ("uid", "dtstart", "dtend", "summary", "status"),
    [
        ("seed-gala", "20250219", "20250220", '"Korea-U.S. Business Night" gala dinner (KCCI)',
         "CONFIRMED"),
        ("seed-dialogue", "20250221", "20250223", None, "CONFIRMED"),
        ("seed-trip", "20250201", "20250301",
         "Korean business delegation trip to the U.S. (sometime in February 2025)", "TENTATIVE"),
        ("seed-investment", "20170101", "20240101",
         "Korean investment in the U.S. ($160 billion) (sometime in 2017–2023)", "TENTATIVE"),
    ],
)
def test_all_day_events_have_an_exclusive_dtend(uid: str, dtstart: str, dtend: str,
                                                summary: str | None, status: str) -> None:
    data = export_ics(seed_events(), CalendarOptions(include_coarse=True))
    event = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if e["UID"] == uid)
    assert event["DTSTART"].to_ical().decode() == dtstart
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event["DTEND"].to_ical().decode() == dtend
    assert event["DTEND"].params["VALUE"] == "DATE"
    assert str(event["STATUS"]) == status
    if summary:
        assert str(event["SUMMARY"]) == summary


@pytest.mark.parametrize(
    ("granularity", "start", "end", "suffix", "dtend"),
    [
        ("week", date(2025, 2, 17), None, "(sometime in the week of 17 February 2025)",
         "20250224"),
        ("month", date(2025, 3, 1), date(2025, 4, 1), "(sometime in March–April 2025)",
         "20250501"),
        ("month", date(2024, 12, 1), date(2025, 1, 1),
         "(sometime in December 2024–January 2025)", "20250201"),
        ("year", date(2026, 1, 1), None, "(sometime in 2026)", "20270101"),
    ],
)
def test_coarse_titles_say_the_granularity(granularity: str, start: date, end: date | None,
                                           suffix: str, dtend: str) -> None:
    event = Event(uid="c", title="Summit", start=start, end=end,
                  granularity=granularity,  # type: ignore[arg-type]
                  kind="scheduled", sources=(source("x", "y"),))
    data = export_ics([event], CalendarOptions(include_coarse=True))
    component = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(component["SUMMARY"]) == f"Summit {suffix}"
    assert component["DTEND"].to_ical().decode() == dtend
    assert str(component["STATUS"]) == "TENTATIVE"


def test_a_confirmed_coarse_event_is_confirmed() -> None:
    trip = seed_events()[0]
    stamp = datetime(2025, 2, 5, tzinfo=UTC)
    revision = Revision(sequence=2, created=stamp, last_modified=stamp, confirmed=True)
    data = export_ics([trip], CalendarOptions(include_coarse=True),
                      revisions={trip.uid: revision})
    assert "STATUS:CONFIRMED" in lines(data)


# Timed events, zones and the RDATE trap ----------------------------------------------------


def vtimezone_offset(vtimezone: icalendar.Timezone, local: datetime) -> timedelta:
    """The UTC offset a VTIMEZONE gives a local time, reading every RDATE line as a
    strict client does: DTSTART plus each RDATE property value, nothing else."""
    onsets: list[tuple[datetime, timedelta]] = []
    for observance in vtimezone.subcomponents:
        offset = observance["TZOFFSETTO"].td
        onsets.append((observance.decoded("DTSTART").replace(tzinfo=None), offset))
        rdates = observance.get("RDATE", [])
        for prop in rdates if isinstance(rdates, list) else [rdates]:
            onsets.append((prop.dts[0].dt.replace(tzinfo=None), offset))
    before = [(onset, offset) for onset, offset in onsets if onset <= local]
    assert before, f"{local} is before the VTIMEZONE starts"
    return max(before)[1]


def test_each_timed_event_keeps_its_zone_and_every_vtimezone_gives_zoneinfo_offsets() -> None:
    events = dst_events()
    calendar = icalendar.Calendar.from_ical(export_ics(events))
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == set(ZONES)
    exported = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for event in events:
        component = exported[event.uid]
        assert isinstance(event.start, datetime)
        if event.uid == AMBIGUOUS:
            continue
        local = event.start.replace(tzinfo=None)
        assert component["DTSTART"].to_ical().decode() == f"{local:%Y%m%dT%H%M%S}" + (
            "Z" if event.tz is None else "")
        if event.tz is None:
            continue
        assert component["DTSTART"].params["TZID"] == event.tz
        assert vtimezone_offset(zones[event.tz], local) == event.start.utcoffset(), event.uid
        assert isinstance(event.end, datetime)
        end_local = event.end.astimezone(ZoneInfo(event.tz)).replace(tzinfo=None)
        assert vtimezone_offset(zones[event.tz], end_local) == event.end.utcoffset(), event.uid


AMBIGUOUS = "berlin-2025-10-26-02-30"


def test_an_ambiguous_wall_clock_time_is_written_in_utc_and_keeps_its_zone() -> None:
    # ical.js and khal read the repeated hour as the second one, icalendar and vobject
    # as the first: only UTC makes them agree.
    event = next(e for e in dst_events() if e.uid == AMBIGUOUS)
    data = export_ics([event])
    text = lines(data)
    assert "DTSTART:20251026T003000Z" in text
    assert "X-TIMELINE-TZ:Europe/Berlin" in text
    (back,) = parse_ics(data)
    assert back.start == event.start
    assert back.tz == "Europe/Berlin"
    assert isinstance(back.start, datetime)
    assert back.start.utcoffset() == timedelta(hours=2)


def test_issue_6_vtimezone_has_one_rdate_value_per_line() -> None:
    # Events over three years make each observance recur, so RDATEs are needed.
    data = export_ics(dst_events())
    rdates = [line for line in lines(data) if line.startswith("RDATE")]
    # DTSTART is repeated as the first RDATE (ical.js ignores DTSTART once there are
    # RDATEs): New York and Sydney over 2025-2026 (4 each), Berlin over 2024-2026 (6).
    assert len(rdates) == 14
    assert all("," not in line for line in rdates)
    # Berlin over 2024-2026: 6 changes, each on an RDATE line of its own.
    berlin = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    berlin_tz = next(tz for tz in berlin if tz["TZID"] == "Europe/Berlin")
    onsets = [line for line in lines(berlin_tz.to_ical()) if line.startswith("RDATE")]
    assert onsets == ["RDATE:20240331T020000", "RDATE:20250330T020000",
                      "RDATE:20260329T020000", "RDATE:20241027T030000",
                      "RDATE:20251026T030000", "RDATE:20261025T030000"]


def test_the_vtimezone_only_covers_the_years_in_use() -> None:
    data = export_ics([timed("a", "Europe/Berlin", (2025, 7, 1, 9))])
    assert "DTSTART:20241230T000000" in lines(data)
    assert not [line for line in lines(data) if line.startswith("RDATE")]


def test_an_end_before_the_start_gives_way_to_the_default_duration() -> None:
    event = timed("a", "Asia/Seoul", (2025, 2, 19, 19), hours=-1)
    ends = [line for line in lines(export_ics([event])) if line.startswith("DTEND")]
    assert ends == ["DTEND;TZID=Asia/Seoul:20250219T200000"]


# Stability ---------------------------------------------------------------------------------


def test_re_export_is_byte_identical_and_independent_of_the_clock() -> None:
    events = seed_events() + dst_events()
    options = CalendarOptions(include_coarse=True)
    first = export_ics(events, options)
    cache = VeventCache()
    rebuilt = [dataclasses.replace(e) for e in events]  # new objects, same content
    assert export_ics(rebuilt, options, cache=cache) == first
    assert export_ics(rebuilt, options, cache=cache) == first
    assert cache.hits == len(events)
    assert cache.misses == len(events)
    assert calendar_of(events, options).to_ical() == first


def test_stamps_come_from_the_sources_or_the_store_never_the_clock() -> None:
    gala = seed_events()[1]
    assert "DTSTAMP:20250204T175500Z" in lines(export_ics([gala]))
    undated = dataclasses.replace(gala, sources=(dataclasses.replace(gala.source,
                                                                     document_dct=None),))
    assert f"DTSTAMP:{UNKNOWN_STAMP:%Y%m%dT%H%M%SZ}" in lines(export_ics([undated]))
    seoul = ZoneInfo("Asia/Seoul")
    revision = Revision(sequence=3, created=datetime(2025, 2, 4, 9, tzinfo=seoul),
                        last_modified=datetime(2025, 2, 6, 9, tzinfo=seoul))
    text = lines(export_ics([gala], revisions={gala.uid: revision}))
    assert {"SEQUENCE:3", "CREATED:20250204T000000Z", "LAST-MODIFIED:20250206T000000Z",
            "DTSTAMP:20250206T000000Z"} <= set(text)


def test_a_changed_event_is_re_serialised_and_the_rest_come_from_the_cache() -> None:
    cache = VeventCache()
    events = seed_events()
    export_ics(events, cache=cache)
    events[1] = dataclasses.replace(events[1], title="Gala moved")
    data = export_ics(events, cache=cache)
    assert cache.misses == 4
    assert cache.hits == 2
    assert "SUMMARY:Gala moved" in lines(data)
    # The same instant in another zone is another VEVENT, not a cache hit.
    meeting = timed("m", "Europe/Berlin", (2025, 7, 1, 9))
    moved = dataclasses.replace(meeting, start=meeting.start.astimezone(ZoneInfo("Asia/Seoul")),
                                tz=None, end=None)
    same_instant = dataclasses.replace(moved, start=moved.start.astimezone(
        ZoneInfo("Europe/Berlin")))
    assert moved == same_instant
    assert export_ics([moved], cache=cache) != export_ics([same_instant], cache=cache)


def test_repeated_uids_are_written_once() -> None:
    events = seed_events()
    assert [e.uid for e in exportable([*events, events[1]])] == [
        "seed-gala", "seed-officials", "seed-dialogue"]


# Escaping ----------------------------------------------------------------------------------


def test_issue_6_commas_semicolons_newlines_and_end_vevent_do_not_break_the_file() -> None:
    hostile = Event(
        uid="hostile", title="Talks, trade; tariffs\nEND:VEVENT\r\nBEGIN:VEVENT\x00\x1b",
        start=date(2025, 3, 3), end=None, granularity="day", kind="scheduled",
        location="Hall A; Building 2, Washington\nEND:VCALENDAR", tags=("a,b", "c;d"),
        derivation="line one\nEND:VEVENT\nline three \\ backslash",
        sources=(source("He said: \"END:VEVENT\"\r\nBEGIN:VCALENDAR\n\\n literally.", "Mar. 3",
                        title="Title; with, punctuation: and \"quotes\"",
                        url="https://example.invalid/a?b=1,2;c=3"),),
    )
    data = export_ics([hostile, *seed_events()])
    text = lines(data)
    # text keeps a space after a component marker's colon ("END: VEVENT"): khal and Radicale
    # split components at the escaped text too
    assert text.count("END:VEVENT") == 4
    assert text.count("BEGIN:VEVENT") == 4
    assert text.count("END:VCALENDAR") == 1
    component = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
                     if e["UID"] == "hostile")
    assert str(component["SUMMARY"]) == "Talks, trade; tariffs END: VEVENT BEGIN: VEVENT"
    assert str(component["LOCATION"]) == "Hall A; Building 2, Washington END: VCALENDAR"
    assert list(component["CATEGORIES"].cats) == ["scheduled", "a,b", "c;d"]
    description = str(component["DESCRIPTION"])
    assert "line one\nEND: VEVENT\nline three \\ backslash" in description
    assert "\\n literally" in description
    assert str(component["URL"]) == "https://example.invalid/a?b=1,2;c=3"
    (event,) = [e for e in parse_ics(data, origin="hostile.ics") if e.uid == "hostile"]
    assert event.title == "Talks, trade; tariffs END: VEVENT BEGIN: VEVENT"
    assert event.tags == ("a,b", "c;d")


def test_long_lines_are_folded_without_splitting_characters() -> None:
    event = dataclasses.replace(seed_events()[1], title="東京 Grüße " * 20)
    data = export_ics([event])
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    data.decode("utf-8")
    assert str(icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == (
        ("東京 Grüße " * 20).strip())


# Calendar properties -----------------------------------------------------------------------


def test_calendar_properties_and_refresh_interval() -> None:
    options = CalendarOptions(name="Trade; news, Korea", refresh=timedelta(minutes=30))
    text = lines(export_ics([], options))
    assert {"VERSION:2.0", "NAME:Trade\\; news\\, Korea", "X-WR-CALNAME:Trade\\; news\\, Korea",
            "REFRESH-INTERVAL;VALUE=DURATION:PT30M", "X-PUBLISHED-TTL:PT30M"} <= set(text)
    assert any(line.startswith("PRODID:") for line in text)
    assert any(line.startswith("DESCRIPTION:") for line in text)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines(export_ics([]))


@pytest.mark.parametrize(("text", "expected"), [
    ("PT1H", timedelta(hours=1)), ("pt30m", timedelta(minutes=30)), ("P1D", timedelta(days=1)),
    ("P1W", timedelta(weeks=1)), ("P1DT2H", timedelta(days=1, hours=2)),
])
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "1h", "PT", "P", "PT0S", "-PT1H", "PT1H junk"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(InputError, match="--refresh"):
        parse_duration(text)


def test_event_description_links_and_categories() -> None:
    gala = seed_events()[1]
    component = calendar_of([gala]).walk("VEVENT")[0]
    description = str(component["DESCRIPTION"])
    assert gala.source.evidence in description
    assert f"Source: {SEED_TITLE} (2025-02-04)" in description
    assert "“on Feb. 19”" in description
    assert "How the date was found: explicit date, year of the DCT" in description
    assert str(component["URL"]) == gala.source.url
    link = component["LINK"]
    assert link.params["LINKREL"] == "via"
    assert link.params["VALUE"] == "URI"
    assert str(link) == gala.source.url
    assert list(component["CATEGORIES"].cats) == ["scheduled", "trade", "gala"]
    assert str(component["TRANSP"]) == "TRANSPARENT"


# Import ------------------------------------------------------------------------------------


def comparable(event: Event) -> tuple[object, ...]:
    """What a calendar round trip keeps: everything a calendar shows, and the zone."""
    start = event.start
    return (event.uid, event.title, start, getattr(start, "tzinfo", None), event.end,
            event.granularity, event.tz, event.location, event.tags)


def test_export_then_import_gives_the_same_events(tmp_path: Path) -> None:
    events = exportable(seed_events() + dst_events(), include_coarse=True)
    path = tmp_path / "round.ics"
    path.write_bytes(export_ics(events, CalendarOptions(include_coarse=True, name="Mine")))
    back = read_ics(path)
    assert [comparable(e) for e in back] == [comparable(e) for e in events]
    for event in back:
        assert event.kind == "scheduled"
        assert [s.document for s in event.sources] == [str(path)]
        assert event.source.document_title == "Mine"
    # Importing and exporting again keeps the stamps: the file's LAST-MODIFIED is kept.
    again = {e["UID"]: e for e in icalendar.Calendar.from_ical(export_ics(back)).walk("VEVENT")}
    first = {e["UID"]: e for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert all(again[uid]["DTSTAMP"].dt == first[uid]["DTSTAMP"].dt for uid in again)


def test_import_reads_other_calendars_shapes() -> None:
    events = {e.uid: e for e in read_ics(ICS / "import_mixed_shapes.ics")}
    assert set(events) == {"allday-range", "floating", "utc-duration", "weekly",
                           "weekly#20250310T090000"}
    assert events["allday-range"].start == date(2025, 2, 21)
    assert events["allday-range"].end == date(2025, 2, 22)
    assert events["allday-range"].tags == ("work", "travel")
    floating = events["floating"].start
    assert isinstance(floating, datetime)
    assert floating.tzinfo == ZoneInfo("Europe/Berlin")
    assert events["floating"].tz == "Europe/Berlin"
    assert events["utc-duration"].end == datetime(2025, 4, 10, 10, 30, tzinfo=UTC)
    assert events["utc-duration"].tz is None
    assert events["weekly#20250310T090000"].title == "Standup (moved)"
    assert all(e.kind == "scheduled" for e in events.values())


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("not_calendar.ics", "not an iCalendar file"),
        ("bad_date_feb_30.ics", "event 'feb-30': bad DTSTART"),
        ("missing_uid.ics", "event 'No identity' has no UID"),
        ("missing_dtstart.ics", "event 'no-start': no DTSTART"),
    ],
)
def test_bad_ics_is_one_line_naming_file_and_problem(name: str, problem: str) -> None:
    path = ICS / name
    with pytest.raises(InputError) as caught:
        read_ics(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_a_bad_event_can_be_skipped_and_reported() -> None:
    errors: list[InputError] = []
    events = read_ics(ICS / "bad_date_feb_30.ics", on_error=errors.append)
    assert [e.uid for e in events] == ["good"]
    assert len(errors) == 1


def test_hostile_bytes_never_raise_anything_but_input_error() -> None:
    seeds = [b"", b"\xff\xfe\x00", b"BEGIN:VCALENDAR", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
             b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
             b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 500,
             b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Nowhere/City:2025"
             b"0101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
             b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250101\r\nDURATION:xyz"
             b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"]
    good = export_ics(seed_events())
    seeds += [good[:cut] for cut in range(0, len(good), 97)]
    failures: list[str] = []
    for data in seeds:
        try:
            parse_ics(data, origin="fuzz.ics")
        except InputError as error:
            failures.append(str(error))
    assert failures
    assert all(message.startswith("fuzz.ics: ") for message in failures)


# CLI ---------------------------------------------------------------------------------------


def test_cli_export_writes_a_calendar(tmp_path: Path) -> None:
    output = tmp_path / "news.ics"
    result = CliRunner().invoke(cli, ["export", str(ROOT / "seeds"), "-o", str(output),
                                      "--name", "Korea", "--refresh", "PT2H",
                                      "-q", "kind:scheduled", "--include-coarse"])
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(output.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Korea"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT2H" in lines(output.read_bytes())
    assert calendar.walk("VEVENT")
    assert all("scheduled" in e["CATEGORIES"].cats for e in calendar.walk("VEVENT"))
    assert f"events to {output}" in result.output


def test_cli_export_to_stdout_and_bad_refresh() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(ROOT / "seeds"), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    result = runner.invoke(cli, ["export", str(ROOT / "seeds"), "-o", "-", "--refresh", "soon"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "timeline: --refresh: not a duration like PT1H: 'soon'"]


# Real clients ------------------------------------------------------------------------------

@needs_node
@pytest.mark.parametrize("shape", ["seed_with_coarse", "five_zone_dst"])
def test_check_ics_every_client_reads_the_export_alike(shape: str, tmp_path: Path) -> None:
    events = seed_events() if shape == "seed_with_coarse" else dst_events()
    path = tmp_path / f"{shape}.ics"
    path.write_bytes(export_ics(events, CalendarOptions(include_coarse=True)))
    check_ics(path)


@needs_node
def test_check_ics_on_the_parsed_seed_and_dev_corpus(tmp_path: Path) -> None:
    dev = ROOT.parent / "shared" / "corpus" / "news-dev"
    paths = [str(ROOT / "seeds"), *sorted(str(p) for p in dev.glob("*.txt"))]
    output = tmp_path / "corpus.ics"
    result = CliRunner().invoke(cli, ["export", *paths, "-o", str(output), "--include-coarse"])
    assert result.exit_code == 0, result.output
    check_ics(output)
