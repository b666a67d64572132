"""The event framer on sentences written for these tests (not the benchmark's articles)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from timeline.document import Document
from timeline.extract import extract, extract_document
from timeline.framer import make_uid, value_to_when
from timeline.readers import read_document
from timeline.sentences import split_sentences
from timeline.titles import make_title

DCT = datetime(2025, 3, 5, 9, 0, tzinfo=UTC)  # a Wednesday


def events_of(text: str, dct: datetime = DCT) -> list[dict[str, object]]:
    doc = Document(id="t.txt", text=text, dct=dct)
    return [e.to_json() for e in extract_document(doc)]


def test_seed_article_gives_the_four_scheduled_events(seed: Path) -> None:
    events = [e for e in extract([read_document(seed)]) if e.kind == "scheduled"]
    found = {(e.to_json()["start"], e.to_json()["end"], e.granularity) for e in events}
    assert ("2025-02", None, "month") in found
    assert ("2025-02-19", None, "day") in found
    assert ("2025-02-20", None, "day") in found
    assert ("2025-02-21", "2025-02-22", "day") in found
    gala = next(e for e in events if e.to_json()["start"] == "2025-02-19")
    assert gala.title == '"Korea-U.S. Business Night" gala dinner'
    assert gala.location == "Great Hall of the Thomas Jefferson Building, Washington"


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("The city council will vote on the budget on March 12.", "2025-03-12", None, "scheduled"),
        ("The museum reopened its east wing on Feb. 20.", "2025-02-20", None, "past"),
        ("The book fair runs from March 20 to March 23 in Leipzig.", "2025-03-20", "2025-03-23",
         "scheduled"),
        ("The trade talks will be held on April 2 and 3 in Geneva.", "2025-04-02", "2025-04-03",
         "scheduled"),
        ("The orchestra will tour Japan next month.", "2025-04", None, "scheduled"),
    ],
)
def test_dates_and_kinds(text: str, start: str, end: str | None, kind: str) -> None:
    events = events_of(text)
    assert [(e["start"], e["end"], e["kind"]) for e in events] == [(start, end, kind)]


def test_the_reporting_date_is_not_an_event() -> None:
    events = events_of("The union will strike on March 20, its leader said Tuesday.")
    assert [e["start"] for e in events] == ["2025-03-20"]


def test_dateline_date_is_not_an_event() -> None:
    text = "BERLIN, March 5 (Wire) -- The coalition will present its budget on March 11."
    assert [e["start"] for e in events_of(text)] == ["2025-03-11"]


def test_a_later_clock_time_refines_the_dated_event() -> None:
    text = "The final will be played in Madrid on March 15. Kickoff is at 9 p.m. local time."
    events = events_of(text)
    assert len(events) == 1
    assert events[0]["start"] == "2025-03-15T21:00"
    assert events[0]["tz"] == "Europe/Madrid"
    assert events[0]["granularity"] == "time"


def test_explicit_zone_wins_over_the_venue() -> None:
    text = "The match in Abu Dhabi on March 19 will start at 10:30 p.m. Korean time."
    events = events_of(text)
    assert events[0]["tz"] == "Asia/Seoul"
    assert events[0]["start"] == "2025-03-19T22:30"


def test_anaphora_follows_the_story() -> None:
    text = "The envoys will arrive in Oslo on March 10. They will meet the king the following day."
    assert [e["start"] for e in events_of(text)] == ["2025-03-10", "2025-03-11"]


def test_anniversary_years_are_not_events() -> None:
    text = "This year marks the 50th anniversary of the treaty, and the leaders will meet in June."
    assert [e["start"] for e in events_of(text)] == ["2025-06"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        ('The club will host a "Spring Lights" charity gala in Lyon on March 8.', "March 8",
         '"Spring Lights" charity gala'),
        ("Ministers will attend the Northern Energy Forum hosted by the Baltic Council on May 2.",
         "May 2", "Northern Energy Forum (hosted by Baltic Council)"),
        ("The mayor will meet union leaders on Friday to discuss wages.", "Friday",
         "Mayor meets union leaders"),
        ("Officials said the committee is expected to publish its report on June 1.", "June 1",
         "Committee publishes its report"),
    ],
)
def test_titles_are_short_and_made_of_the_sentence(sentence: str, trigger: str,
                                                   title: str) -> None:
    start = sentence.index(trigger)
    made = make_title(sentence, start, start + len(trigger)).text
    assert made.lower().startswith(title.lower()[:20])
    assert len(made.split()) <= 14


def test_uids_are_stable_and_positional() -> None:
    doc = Document(id="news/a.txt", text="x", dct=DCT)
    assert make_uid(doc, 0) == make_uid(doc, 0)
    assert make_uid(doc, 0) != make_uid(doc, 1)
    text = "The council will vote on March 12. The mayor will resign on March 20."
    first = [e["uid"] for e in events_of(text)]
    assert first == [e["uid"] for e in events_of(text)]
    assert len(set(first)) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-19", (date(2025, 2, 19), "day", None)),
        ("2025-02", (date(2025, 2, 1), "month", None)),
        ("2025-W08", (date(2025, 2, 17), "week", None)),
        ("2025-02-19TEV", (date(2025, 2, 19), "day", None)),
        ("2025-Q3", (date(2025, 7, 1), "month", date(2025, 9, 1))),
        ("PRESENT_REF", None),
        ("P3D", None),
    ],
)
def test_timex_values_become_calendar_positions(value: str, expected: object) -> None:
    assert value_to_when(value) == expected


def test_sentences_split_after_clock_times_and_keep_abbreviations() -> None:
    text = "Doors open at 7 p.m. The show ends late. He met Mr. Chey in the U.S. on Feb. 19."
    assert [s.text for s in split_sentences(text)] == [
        "Doors open at 7 p.m.", "The show ends late.", "He met Mr. Chey in the U.S. on Feb. 19."]


def test_after_which_clause_is_a_second_event_that_day() -> None:
    text = ("A welcome ceremony will open the visit on March 12, after which the two ministers "
            "will hold talks at the Foreign Office.")
    events = events_of(text)
    assert [e["start"] for e in events] == ["2025-03-12", "2025-03-12"]
    assert "talks" in str(events[1]["title"])
    assert events[1]["location"] == "Foreign Office"


def test_an_evening_sequel_takes_the_story_day() -> None:
    text = ("The prime minister will land in Rome on March 20. "
            "In the evening, a banquet will be held.")
    events = events_of(text)
    assert [e["start"] for e in events] == ["2025-03-20", "2025-03-20"]
    assert str(events[1]["title"]).lower().startswith("banquet")


def test_deadline_and_target_titles() -> None:
    events = events_of("The regulator must publish its decision by April 30.")
    assert events[0]["title"].startswith("Deadline:")  # type: ignore[union-attr]
    assert events[0]["kind"] == "scheduled"
    target = events_of("The two governments set the goal of signing the pact within this year.")
    assert target[0]["title"].startswith("Target:")  # type: ignore[union-attr]
    assert target[0]["start"] == "2025"


def test_a_year_that_dates_a_figure_is_not_an_event() -> None:
    assert events_of("Exports made up a third of the total trade volume in 2023.") == []


def test_opening_hours_in_a_list_are_not_events() -> None:
    text = "Polls open on March 9, with these hours:\nCity Hall, 8 a.m.-4 p.m.\n"
    events = events_of(text)
    assert [(e["start"], e["granularity"]) for e in events] == [("2025-03-09", "day")]


def test_clock_time_then_day_closes_a_range() -> None:
    text = "Registration is open from March 18 to 8:00am on April 5, 2025, officials said."
    events = events_of(text)
    assert [(e["start"], e["end"]) for e in events] == [("2025-03-18", "2025-04-05T08:00")]



def test_uids_do_not_depend_on_where_the_folder_lies(tmp_path: Path, seed: Path) -> None:
    here = read_document(seed)
    moved = tmp_path / "elsewhere" / seed.name
    moved.parent.mkdir()
    moved.write_bytes(seed.read_bytes())
    there = read_document(moved)
    assert [e.uid for e in extract_document(here)] == [e.uid for e in extract_document(there)]


def test_the_dateline_city_sets_the_zone_of_a_clock_time() -> None:
    text = "DENVER (Wire) — A public hearing on the plan is set for 6 p.m. Monday at City Hall."
    events = events_of(text)
    assert [(e["start"], e["tz"]) for e in events] == [("2025-03-10T18:00", "America/Denver")]
    assert events[0]["title"] == "Public hearing on the plan at City Hall"


def test_titles_leave_out_other_dates_and_their_leads() -> None:
    text = ("The owners first proposed the arena in January 2023, and the council delayed a "
            "vote last fall.")
    titles = [e["title"] for e in events_of(text)]
    assert titles[0] == "Owners first proposed the arena"
    assert all("2023" not in str(t) for t in titles)


def test_a_pronoun_that_opens_a_title_takes_the_story_s_named_subject() -> None:
    text = ("On March 12, Ortega will address the parliament in Lisbon. "
            "He will then go to Porto for a meeting with mayors.")
    titles = [e["title"] for e in events_of(text)]
    assert titles == ["Ortega addresses the parliament in Lisbon",
                      "Ortega goes to Porto for a meeting with mayors"]


def test_have_with_a_noun_is_the_main_verb() -> None:
    text = ("On March 12, Ortega will open the fair, after which he will have lunch with "
            "the mayor.")
    titles = [e["title"] for e in events_of(text)]
    assert titles[1] == "Ortega has lunch with the mayor"


def test_one_happening_mentioned_twice_is_one_event_at_its_most_precise() -> None:
    text = ("Candidates may not campaign before March 18, the commission said. "
            "The campaigning period runs from March 18 to 8:00am on April 2, 2025.")
    events = events_of(text)
    assert [(e["start"], e["end"]) for e in events] == [("2025-03-18", "2025-04-02T08:00")]


def test_separate_happenings_on_one_day_stay_separate() -> None:
    text = ("On March 20, the leaders will open the summit in Oslo. "
            "A state dinner will be held at the palace on March 20.")
    assert len(events_of(text)) == 2


def test_a_county_named_without_a_preposition_is_the_place() -> None:
    text = ("Orange County, California, voters can return ballots starting March 10. "
            "Election day is March 18.")
    events = events_of(text)
    assert events[0]["location"] == "Orange County, California"
    assert events[1]["title"] == "Election day (Orange County, California)"


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        ("Farmers will march with Senator Ana Ruiz next week when she makes her first official "
         "visit to Brazil.", "next week", "Ana Ruiz's first official visit to Brazil"),
        ("The prince pays a state visit to Japan on May 3.", "May 3", None),
    ],
)
def test_a_light_verb_with_an_event_noun_names_the_event(sentence: str, trigger: str,
                                                          title: str | None) -> None:
    start = sentence.index(trigger)
    made = make_title(sentence, start, start + len(trigger))
    if title is None:  # the clause already names the event: it stays the title
        assert made.source == "clause"
        assert "state visit" in made.text
    else:
        assert (made.text, made.source) == (title, "event phrase")


def test_a_week_event_spans_monday_to_sunday() -> None:
    events = events_of("The envoys will visit Oslo next week.")
    assert [(e["start"], e["end"], e["granularity"]) for e in events] == [
        ("2025-03-10", "2025-03-16", "week")]


def test_the_venue_named_again_by_its_head_noun_carries_over() -> None:
    text = ("Judges of the Lyon Criminal Court held a hearing on Tuesday. "
            "If needed, the court will decide on the witnesses on March 12.")
    events = events_of(text)
    assert [e["location"] for e in events] == ["Lyon Criminal Court", "Lyon Criminal Court"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        ("The results of the audit will be published on May 3.", "May 3",
         "Publication of the results of the audit"),
        ("The jury says the shortlist is final, and that it will be announced Friday.", "Friday",
         "Announcement of the shortlist"),
    ],
)
def test_a_passive_with_its_own_noun_becomes_that_event(sentence: str, trigger: str,
                                                         title: str) -> None:
    start = sentence.index(trigger)
    assert make_title(sentence, start, start + len(trigger)).text == title


def test_a_time_range_shares_its_meridiem_and_a_venue_name_gives_its_town() -> None:
    text = ("Boise State University Boise will host the fair. "
            "A reception runs from 4:30 to 6:30 p.m. on March 7 in room 12 of Lee Hall.")
    events = events_of(text)
    reception = next(e for e in events if e["granularity"] == "time")
    assert (reception["start"], reception["end"]) == ("2025-03-07T16:30", "2025-03-07T18:30")
    assert reception["tz"] == "America/Boise"


def headlined_events(headline: str, text: str, dct: datetime = DCT) -> list[dict[str, object]]:
    doc = Document(id="t.txt", text=text, dct=dct, title=headline)
    return [e.to_json() for e in extract_document(doc)]


@pytest.mark.parametrize(
    ("headline", "text", "expected"),
    [
        ("Norway, Chile to hold fifth round of fisheries talks in Bergen next week",
         "Officials said the fifth round will take place in Bergen from Monday to Thursday.",
         "Fifth round of fisheries talks takes place in Bergen"),
        ("Judge sets March 14 ruling in harbour bribery case",
         "The judge said the court would deliver the ruling on March 14.",
         "ruling in harbour bribery case"),
        ("Mayor to host summit with Nordic leaders in April",
         "The mayors will open their summit at City Hall on April 3.",
         "their summit with Nordic leaders at City Hall"),
    ],
)
def test_a_definite_event_noun_takes_its_complement_from_the_headline(
        headline: str, text: str, expected: str) -> None:
    titles = [str(e["title"]) for e in headlined_events(headline, text)]
    assert any(expected in t for t in titles), titles


def test_the_headline_does_not_complete_an_indefinite_or_modifying_noun() -> None:
    text = ("Additional voting sites are expected to open on March 15. "
            "A round of applause followed on March 20.")
    titles = [e["title"] for e in headlined_events("Early voting for city council starts", text)]
    assert all("city council" not in str(t) for t in titles), titles


def test_a_verb_and_a_noun_for_one_happening_on_one_day_are_one_event() -> None:
    text = ("The tribunal will rule on the appeal on March 12, the clerk said. "
            "Lawyers expect the tribunal to hand down its verdict on March 12.")
    events = events_of(text)
    assert [(e["start"], "verdict" in str(e["title"])) for e in events] == [("2025-03-12", True)]


def test_a_hearing_and_a_dinner_on_one_day_are_not_one_happening() -> None:
    text = ("The committee will hold a hearing on March 12. "
            "Members will attend a dinner at the embassy on March 12.")
    assert len(events_of(text)) == 2


def test_it_after_the_teller_is_the_teller() -> None:
    events = events_of("The agency said it would publish the annual report on March 20.")
    assert [e["title"] for e in events] == ["Agency publishes the annual report"]


def test_a_relative_clause_that_says_what_the_day_is_joins_the_title() -> None:
    text = ("Polling stations will open on Sunday, March 9, which is the first day residents "
            "abroad can vote by mail from their consulates.")
    events = events_of(text)
    assert [e["title"] for e in events] == [
        "Polling stations open; first day residents abroad can vote by mail"]


def test_a_closing_time_ends_the_day_s_event_instead_of_starting_it() -> None:
    text = "The library will reopen on March 20. It will close at 6 p.m. in Oslo."
    events = events_of(text)
    assert [(e["start"], e["end"], e["tz"]) for e in events] == [
        ("2025-03-20", "2025-03-20T18:00", "Europe/Oslo")]


def test_a_one_off_happening_dated_again_in_a_town_of_its_country_is_one_event() -> None:
    text = ("Chile's national rugby team will play a friendly against Japan in Spain next month. "
            "Coach Lopez's squad will face Japan at the Metropolitano Stadium in Madrid "
            "on April 12.")
    events = events_of(text)
    assert [(e["start"], e["title"]) for e in events] == [
        ("2025-04-12", "Chile's national rugby team plays a friendly against Japan in Spain")]


def test_a_trip_keeps_its_own_dated_stops() -> None:
    text = ("The prime minister will make a trip to Spain next month. "
            "She is due in Madrid on April 12.")
    events = events_of(text)
    assert [(e["start"], e["granularity"]) for e in events] == [
        ("2025-04", "month"), ("2025-04-12", "day")]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The striker missed qualifying for the 2026 World Cup through injury.", []),
        ("In 2026 Portugal will host the tournament.", ["2026"]),
        ("The festival will return in 2026 with a new stage.", ["2026"]),
    ],
)
def test_a_year_that_names_an_edition_is_not_an_event(text: str, years: list[str]) -> None:
    assert [e["start"] for e in events_of(text)] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway will face Chile in a friendly in Oslo on March 20. The friendly comes four "
         "days after Norway's away match against Portugal in the Nations League.",
         ("2025-03-16", "Norway's away match against Portugal in the Nations League",
          "Portugal")),
        ("The council will vote on the budget on April 10. The vote is two weeks before the "
         "regional election.", ("2025-04-24", "Regional election", None)),
    ],
)
def test_a_happening_counted_from_the_story_s_dated_one(
        text: str, expected: tuple[str, str, str | None]) -> None:
    events = events_of(text)
    assert (events[-1]["start"], events[-1]["title"], events[-1]["location"]) == expected


def test_a_duration_with_no_dated_happening_before_it_dates_nothing() -> None:
    text = "The repairs take place three days after the storm."
    assert events_of(text) == []


def test_the_tense_of_the_date_s_own_clause_sets_the_kind_on_the_publication_day() -> None:
    # DCT is Wednesday, March 5, 2025.
    text = "The board approved the merger on Wednesday, which would create the largest bank."
    assert [e["kind"] for e in events_of(text)] == ["past"]
    text = "The board will vote on the merger on Wednesday, which analysts called overdue."
    assert [e["kind"] for e in events_of(text)] == ["scheduled"]


def test_two_dated_clauses_make_two_titles_and_a_condition_marks_both() -> None:
    text = ("If funded, the bridge repairs would start in May and the new lane would open "
            "in October.")
    assert [e["title"] for e in events_of(text)] == [
        "Bridge repairs start (if funded)", "New lane opens (if funded)"]


def test_an_undated_clause_stays_with_the_dated_one_after_it() -> None:
    text = "A second vote will be called and the session will close on March 20."
    titles = [str(e["title"]) for e in events_of(text)]
    assert len(titles) == 1
    assert "vote" in titles[0]
    assert "session" in titles[0]


def test_a_dated_subject_is_the_event_and_a_week_of_the_same_happening_folds_into_it() -> None:
    text = ("Fisheries ministers from six countries will gather in Reykjavik next week. "
            "The meeting, set for March 11-12, follows a dispute over quotas in Norway.")
    events = events_of(text)
    assert [(e["start"], e["end"], e["title"], e["location"]) for e in events] == [
        ("2025-03-11", "2025-03-12", "Fisheries ministers from six countries gather in Reykjavik",
         "Reykjavik")]


def test_a_gapped_second_clause_shares_the_first_clause_s_verb() -> None:
    text = "The first round will be held on March 9, and the runoff on March 23."
    assert [e["title"] for e in events_of(text)] == ["First round held", "Runoff held"]


@pytest.mark.parametrize(
    "text",
    [
        "Hotel occupancy in the province reached 81 percent in 2023, the tourism board said.",
        "The city's parks budget in 2022 was about $12 million.",
        "Ridership has grown by about a third since 2021, according to the operator.",
        "Snowfall over the first half of 2024 was 30 percent below average.",
        "The club scored 58 goals in 2023, its best total in a decade.",
    ],
)
def test_a_period_that_only_dates_a_figure_is_no_event(text: str) -> None:
    assert events_of(text) == []


def test_a_period_that_names_results_is_no_event_but_the_release_day_is() -> None:
    text = "The company will report its fiscal second-quarter results on March 20."
    assert [e["start"] for e in events_of(text)] == ["2025-03-20"]


def test_a_dated_agreement_with_a_percentage_is_still_an_event() -> None:
    text = "The two sides agreed in 2023 to cut tariffs on 90 percent of goods."
    assert [e["start"] for e in events_of(text)] == ["2023"]


def test_a_city_and_date_dateline_is_not_an_event() -> None:
    text = "OSLO, March 4 -- The ministers will meet in Bergen on March 12."
    assert [e["start"] for e in events_of(text)] == ["2025-03-12"]


@pytest.mark.parametrize(
    ("text", "span", "title"),
    [
        ("The king will arrive in Lima on March 10 for a three-day state visit.",
         ("2025-03-10", "2025-03-12"), "King arrives in Lima for a three-day state visit"),
        ("Nurses will stage a 48-hour strike starting March 13.",
         ("2025-03-13", "2025-03-14"), "Nurses stage a 48-hour strike"),
        ("Dockers will refuse overtime from March 17 for two weeks.",
         ("2025-03-17", "2025-03-30"), "Dockers refuse overtime for two weeks"),
        ("The museum will stay closed until March 20 after a three-day flood.",
         ("2025-03-20", None), None),
    ],
)
def test_a_length_in_the_date_s_clause_gives_the_end(
        text: str, span: tuple[str, str | None], title: str | None) -> None:
    events = events_of(text)
    assert [(e["start"], e["end"]) for e in events] == [span]
    if title is not None:
        assert events[0]["title"] == title


def test_the_length_of_another_happening_is_not_this_one_s() -> None:
    text = "The premier is due in Ottawa on March 12, arriving ahead of two-day trade talks."
    assert [(e["start"], e["end"]) for e in events_of(text)] == [("2025-03-12", None)]


def test_a_clock_time_of_another_happening_that_day_is_its_own_event() -> None:
    text = ("The bank will publish its annual report on March 20 in Oslo. "
            "Executives will discuss the figures on a call with analysts at 3 p.m.")
    events = events_of(text)
    assert [(e["start"], e["title"]) for e in events] == [
        ("2025-03-20", "Bank publishes its annual report in Oslo"),
        ("2025-03-20T15:00", "Executives discuss the figures on a call with analysts"),
    ]


def test_a_start_time_later_in_the_sentence_joins_the_day() -> None:
    text = ("Opening night on March 8 brings the Oslo Philharmonic to the Grieg Hall, "
            "with the concert starting at 7:30 p.m.")
    events = events_of(text)
    assert [(e["start"], e["title"], e["trigger"]) for e in events] == [
        ("2025-03-08T19:30",
         "Opening night brings the Oslo Philharmonic to the Grieg Hall",
         "on March 8 | at 7:30 p.m.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At a budget hearing on Wednesday, the mayor scheduled the council vote to take "
         "place on March 18.",
         [("2025-03-05", "Budget hearing", "past"),
          ("2025-03-18", "Council vote takes place", "scheduled")]),
        ("Written objections, including a request to delay the sale, are due by March 14, "
         "and Ortiz will hear arguments on them on April 2.",
         [("2025-03-14", "Deadline: written objections", "scheduled"),
          ("2025-04-02", "Ortiz hears arguments on them", "scheduled")]),
        ("On polling day, March 11, polls will be open from 7 a.m. to 8 p.m. in Dover.",
         [("2025-03-11T07:00", "Polls open in Dover", "scheduled")]),
    ],
)
def test_what_a_court_or_council_schedules_is_the_event(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    events = events_of(text, datetime(2025, 3, 5, 9, 0, tzinfo=UTC))
    assert [(e["start"], e["title"], e["kind"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "dct", "zone"),
    [
        ("SANTA FE, N.M. (AP) -- The session ends at noon on March 18.",
         datetime(2025, 3, 5, tzinfo=UTC), "America/Denver"),
        ("LYON, France -- The ceremony will start at 6 p.m. on March 18.",
         datetime(2025, 3, 5, tzinfo=UTC), "Europe/Paris"),
        ("The Halifax Harbour Festival will open at 8 p.m. on March 18.",
         datetime(2025, 3, 5, tzinfo=UTC), "America/Halifax"),
        ("The match in Madrid will start at 7:30 p.m. CEST on June 18.",
         datetime(2025, 3, 5, tzinfo=UTC), "Europe/Madrid"),
    ],
)
def test_the_zone_comes_from_the_dateline_the_story_or_the_venue(
        text: str, dct: datetime, zone: str) -> None:
    assert [e["tz"] for e in events_of(text, dct)] == [zone]


def test_a_span_of_years_with_a_figure_is_a_stretch_of_history() -> None:
    text = "Chilean firms invested $40 billion in Peru between 2015 and 2020."
    assert [(e["start"], e["end"], e["kind"]) for e in events_of(text)] == [
        ("2015", "2020", "past")]


def test_each_dated_clause_keeps_its_own_names_and_places() -> None:
    text = ("The Harbour Festival opens in Oslo on March 7, and Norway plays its first "
            "match three days later in Bergen.")
    events = events_of(text)
    assert [(e["start"], e["title"], e["location"]) for e in events] == [
        ("2025-03-07", "Harbour Festival (Oslo)", "Oslo"),
        ("2025-03-10", "Norway plays its first match in Bergen", "Bergen"),
    ]


def test_a_subject_s_would_clause_is_left_out_and_two_dated_verbs_share_the_subject() -> None:
    text = ("SALEM, Ore. -- A measure that would give renters six months of notice before "
            "evictions passed the Senate Housing Committee on Monday and heads to a vote of "
            "the full Senate on March 12.")
    events = events_of(text)
    assert [(e["start"], e["title"]) for e in events] == [
        ("2025-03-03", "Measure passed the Senate Housing Committee"),
        ("2025-03-12", "Measure heads to a vote of the full Senate"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The king will arrive in Lima on March 10 for a three-day state visit. "
         "On the last day of the trip, he will tour a copper mine in Arequipa.",
         ("2025-03-12", None)),
        ("The Tide Festival will run from March 20 to 23 in Porto. "
         "Free street concerts will be held every day of the festival on the quay.",
         ("2025-03-20", "2025-03-23")),
        ("The Baltic Energy Summit runs from March 18 to 20 in Riga. "
         "A training day for young engineers will take place the day before the summit opens.",
         ("2025-03-17", None)),
        ("The Baltic Energy Summit runs from March 18 to 20 in Riga. "
         "The ministers will speak at 9:30 a.m. on the second day.",
         ("2025-03-19T09:30", None)),
    ],
)
def test_a_day_named_by_its_place_in_a_dated_event(
        text: str, expected: tuple[str, str | None]) -> None:
    events = events_of(text)
    assert (events[-1]["start"], events[-1]["end"]) == expected


def test_the_day_s_session_and_its_evening_dinner_are_two_events() -> None:
    text = ("The Baltic Energy Summit runs from March 18 to 20 in Riga. "
            "A session on grids is scheduled for the second day, followed by the summit's "
            "gala dinner that evening.")
    events = events_of(text)
    assert [(e["start"], e["title"]) for e in events[1:]] == [
        ("2025-03-19", "Session on grids"), ("2025-03-19", "Summit's gala dinner")]


def test_a_month_of_several_matches_gives_way_to_the_dated_matches() -> None:
    text = ("Chile's rugby team will play two friendlies in Spain next month. "
            "The squad will face Japan in Madrid on April 12 and Fiji in Valencia on April 19.")
    events = events_of(text)
    assert [e["start"] for e in events] == ["2025-04-12", "2025-04-19"]


def test_an_unplaced_event_takes_a_town_in_its_name_or_the_dateline_s() -> None:
    text = ("BOISE, Idaho (AP) -- The city council will vote on the budget on March 12. "
            "The Portland Harbour Festival will open on June 3.")
    events = events_of(text)
    assert [(e["start"], e["location"]) for e in events] == [
        ("2025-03-12", "Boise, Idaho"), ("2025-06-03", "Portland")]


def test_a_told_date_does_not_swallow_the_period_it_follows() -> None:
    # DCT is Wednesday, March 5, 2025; "Monday" dates only the telling.
    text = "The committee will hold hearings on the bill later this month, its chair said Monday."
    assert [(e["start"], e["granularity"]) for e in events_of(text)] == [("2025-03", "month")]


def test_what_closes_on_a_date_is_a_deadline() -> None:
    text = "Online registration for the marathon closes on March 20."
    assert [e["title"] for e in events_of(text)] == [
        "Deadline: online registration for the marathon"]


def test_an_evening_clause_after_a_dated_one_is_its_own_event_that_day() -> None:
    text = ("The leaders will hold talks at the palace on March 12, and a state banquet will "
            "follow in the evening.")
    events = events_of(text)
    assert [e["start"] for e in events] == ["2025-03-12", "2025-03-12"]
    assert "banquet" in str(events[1]["title"])


def test_a_dateline_opening_a_later_paragraph_dates_nothing() -> None:
    text = ("Ministers met in Oslo on March 3.\n"
            "BERGEN, March 4 (NTB) -- The harbour will reopen on March 20.")
    assert [e["start"] for e in events_of(text)] == ["2025-03-03", "2025-03-20"]


def test_a_removed_date_leaves_no_stray_comma() -> None:
    text = "The Feb. 7, 2024, floods killed 12 people in the valley."
    assert [e["title"] for e in events_of(text)] == ["Floods killed 12 people in the valley"]


def test_a_capitalised_word_opening_a_title_is_no_place() -> None:
    text = "Police and protesters clashed near the port on March 2."
    assert [e["location"] for e in events_of(text)] == [None]


def test_an_underscore_dateline_is_no_part_of_the_title() -> None:
    text = "CANBERRA, Australia (AP)_ The senate will vote on the bill on March 12."
    events = events_of(text)
    assert [(e["title"], e["location"]) for e in events] == [
        ("Senate votes on the bill", "Canberra, Australia")]


def test_he_after_a_possessive_subject_is_that_subject() -> None:
    text = ("Peru's president will arrive in Lima on March 10. "
            "He will hold talks with the mayor on March 11.")
    assert [e["title"] for e in events_of(text)][1] == "Peru's president holds talks with the mayor"


def test_the_same_actor_does_not_make_two_happenings_one() -> None:
    text = ("The president will open the trade fair in Lima on March 3. "
            "The president will attend a state banquet at the palace on March 3.")
    assert len(events_of(text)) == 2


def test_each_town_in_a_list_of_dates_is_that_date_s_place() -> None:
    text = "The band will then play Berlin on May 2, Paris on May 5 and Madrid on May 9."
    assert [e["location"] for e in events_of(text)] == ["Berlin", "Paris", "Madrid"]


@pytest.mark.parametrize(
    "text",
    [
        "This year also marks a decade since the band's first album.",
        "The race is being staged for the 50th time this year.",
        "The ministry will publish its May jobs report on Friday.",
    ],
)
def test_anniversaries_and_report_months_are_no_events(text: str) -> None:
    assert all(e["granularity"] in ("day", "time") for e in events_of(text))


def test_a_season_named_with_its_dated_break_gives_way_to_the_dates() -> None:
    text = "The campus will close for winter break from Dec. 22 to Jan. 2."
    events = events_of(text, datetime(2025, 11, 20, tzinfo=UTC))
    assert [(e["start"], e["end"]) for e in events] == [("2025-12-22", "2026-01-02")]


def test_last_year_s_event_keeps_its_noun() -> None:
    text = "Last year's conference, held in June in Seattle, drew about 6,000 attendees."
    assert str(events_of(text)[-1]["title"]).startswith("Conference")


def test_a_plural_head_before_a_place_keeps_the_verb_plural() -> None:
    text = "Voters in Chile will choose a new parliament on March 16."
    assert [e["title"] for e in events_of(text)] == ["Voters in Chile choose a new parliament"]


def test_days_of_a_multi_day_event_keep_its_venue_and_a_venue_takes_the_dateline_s_town() -> None:
    text = ("CHARLESTON, S.C. (AP) -- The Harbour Open will run at Kiawah Golf Club from "
            "March 13 to 16. The final round will be played on March 16.")
    events = events_of(text)
    assert [e["location"] for e in events] == ["Kiawah Golf Club, Charleston, S.C."] * 2


def test_an_accented_dateline_town_places_the_story() -> None:
    text = "SAINT-ÉTIENNE, France -- The town hall will reopen on March 20."
    assert [e["location"] for e in events_of(text)] == ["Saint-Étienne, France"]


def test_a_which_clause_title_names_what_it_is_about() -> None:
    text = "The city upgraded its tram signalling system, which entered service in January."
    assert [e["title"] for e in events_of(text)] == [
        "Tram signalling system entered service"]


def test_an_after_clause_with_its_own_verb_is_the_dated_event() -> None:
    text = "A former mayor faces prison after a jury convicted him of bribery on Monday."
    assert [e["title"] for e in events_of(text)] == ["Jury convicted him of bribery"]


def test_a_bare_city_dateline_places_the_story() -> None:
    text = "WASHINGTON -- The Federal Reserve will hold its next policy meeting on March 18-19."
    assert [e["location"] for e in events_of(text)] == ["Washington"]


def test_midnight_ending_a_day_starts_the_next_one() -> None:
    events = events_of("The nurses' strike will begin at midnight Friday in Boston.")
    assert len(events) == 1
    assert events[0]["start"] == "2025-03-08T00:00"  # Friday 7 March, as it ends
    assert events[0]["granularity"] == "time"


def test_a_us_zone_named_alone_after_the_clock_sets_the_zone() -> None:
    events = events_of("The company will hold its launch event on March 19 at 10 a.m. Pacific.")
    assert events[0]["start"] == "2025-03-19T10:00"
    assert events[0]["tz"] == "America/Los_Angeles"


def test_a_bracketed_date_after_a_range_s_first_end_does_not_split_the_range() -> None:
    text = ("The warning will be in place from 6am on Monday (March 10) until 6am on "
            "Tuesday (March 11).")
    events = events_of(text)
    assert [(e["start"], e["end"]) for e in events] == [("2025-03-10T06:00", "2025-03-11T06:00")]


def test_a_night_that_runs_into_the_next_morning_is_one_span() -> None:
    text = ("The meteor shower will peak the night of Monday, March 10, into the morning of "
            "Tuesday, March 11.")
    events = events_of(text)
    assert [(e["start"], e["end"]) for e in events] == [("2025-03-10", "2025-03-11")]
