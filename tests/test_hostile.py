"""The hostile-input suite: time that grows linearly, properties that hold for any text, and
calendar fields that cannot break a calendar."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ics_check import check_ics, needs_node

from timeline.document import Document
from timeline.errors import InputError
from timeline.event import Event, Source
from timeline.extract import extract_document
from timeline.ics import export_ics, parse_ics
from timeline.readers import ReadOptions, read_document
from timeline.temporal import tag
from timeline.timeline import Timeline

DCT = datetime(2025, 2, 4, 17, 55, tzinfo=UTC)
MB = 1_000_000


HOSTILE: dict[str, Callable[[int], str]] = {
    "a run of spaces": lambda n: "The council meets on March 3" + " " * n + "in York.",
    "a run of newlines": lambda n: "The council meets on March 3." + "\n" * n + "In York.",
    "a run of dashes": lambda n: "On March 3 " + "-" * n + " the fair opens.",
    "no sentence end": lambda n: "the council will meet on March 3 and " * (n // 37),
}


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_hostile_text_of_a_megabyte_still_gives_its_event(shape: str) -> None:
    """Correctness only: the time these take, at n and 2n, is bench/hostile.py's to show
    (speed is never asserted in a unit test)."""
    events = extract_document(Document(id="big.txt", text=HOSTILE[shape](MB), dct=DCT))
    assert date(2025, 3, 3) in {e.first_day for e in events}


# Properties ------------------------------------------------------------------------------


def read_or_error(path: Path) -> Document | InputError:
    try:
        return read_document(path, ReadOptions(dct=DCT))
    except InputError as error:
        return error


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_the_reader_reads_any_bytes_or_names_the_problem(tmp_path_factory: pytest.TempPathFactory,
                                                        data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "any.txt"
    path.write_bytes(data)
    outcome = read_or_error(path)
    if isinstance(outcome, InputError):
        assert str(outcome).startswith(str(path))
        assert "\n" not in str(outcome)
        return
    document = outcome
    assert "\0" not in document.text
    assert "\u2028" not in document.text


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_the_tagger_gives_spans_inside_the_text_and_real_dates(text: str) -> None:
    timexes = tag(text, DCT)
    assert [t.to_json() for t in tag(text, DCT)] == [t.to_json() for t in timexes]
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        year = re.match(r"(\d{4})", timex.value)
        if timex.type in ("DATE", "TIME") and year:
            assert 1 <= int(year.group(1)) <= 9999


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(
    ("days", "weeks", "months", "years", "decades", "centuries")))
def test_far_offsets_give_no_date_a_calendar_cannot_hold(amount: int, unit: str) -> None:
    text = f"The vault opens in {amount} {unit}. A probe lands {amount} {unit} from now."
    for event in extract_document(Document(id="far.txt", text=text, dct=DCT)):
        assert date(1, 1, 2) <= event.first_day <= event.last_day <= date(9999, 12, 30)


# Calendar injection ----------------------------------------------------------------------

HOSTILE_TITLES = (
    "Board meeting\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected",
    "Line\nbreak and\rcarriage return",
    "A" * 10_000,
    "Launch party 🎉🚀 with 👩‍👩‍👧 families",
    "Right-to-left \u202eevil\u202c override and \u200f marks",
    "Control \x1b[31m red \x07 bell \x00 nul \x7f del",
    "Semicolons; commas, and back\\slashes: all escaped",
)


@needs_node
def test_hostile_titles_and_places_make_a_calendar_every_client_reads(tmp_path: Path) -> None:
    events = [Event(uid=f"hostile-{i}@test", title=title, start=date(2025, 3, 3 + i), end=None,
                    granularity="day", kind="scheduled", location=title[:200],
                    sources=(Source(document="hostile.txt", evidence=title, trigger="on"),))
              for i, title in enumerate(HOSTILE_TITLES)]
    body = export_ics(Timeline.of(events))
    path = tmp_path / "hostile.ics"
    path.write_bytes(body)
    check_ics(path)
    calendar = icalendar.Calendar.from_ical(body)
    assert len(calendar.walk("VEVENT")) == len(HOSTILE_TITLES)
    back = {e.uid: e for e in parse_ics(body, origin="hostile.ics")}
    assert set(back) == {e.uid for e in events}
    assert not any(e.title.startswith("Injected") for e in back.values())
    assert back["hostile-0@test"].title == ("Board meeting END: VEVENT BEGIN: VEVENT "
                                             "SUMMARY:Injected")


# The word before a period, read backwards -------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ. \n", max_size=40))
def test_the_word_before_a_period_is_the_letters_and_dots_that_run_up_to_it(text: str) -> None:
    """What the old search from the sentence's start found (a letter, then letters and
    dots up to the final period), read backwards instead."""
    from timeline.sentences import _word_before

    chunk = text + "."
    found = re.search(r"([A-Za-z][A-Za-z.]*)\.$", chunk)
    assert _word_before(chunk, 0, len(text)) == (found.group(1) if found else "")


def test_abbreviations_after_a_long_word_still_do_not_end_a_sentence() -> None:
    from timeline.sentences import split_sentences

    text = "x" * 50_000 + " met Mr. Lee on Feb. 3 at noon." + " Mr. Lee spoke." * 2000
    sentences = split_sentences(text)
    assert sentences[-2001].text.endswith("met Mr. Lee on Feb. 3 at noon.")
    assert [s.text for s in sentences[-2000:]] == ["Mr. Lee spoke."] * 2000
