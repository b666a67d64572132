"""Places: the gazetteer, venues and the zones they lie in."""

from __future__ import annotations

import pytest

from timeline.places import find_location, gazetteer, lookup, zone_for_words


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The gala is in the Great Hall of the Thomas Jefferson Building in Washington.",
         "Great Hall of the Thomas Jefferson Building, Washington"),
        ("The delegation will head to the U.S. later this month.", "United States"),
        ("Their only win came in March 1999 in Seoul.", "Seoul"),
        ("No leader has visited Poland since 2009.", "Poland"),
        ("The reception is in room 210 of Carver Hall on May 2.", "room 210 of Carver Hall"),
        ("Westfield State University will host the annual fair on May 2.",
         "Westfield State University"),
        ("A hearing of the Lyon Criminal Court is set for May 2.", "Lyon Criminal Court"),
        ("Cook County, Illinois, voters go to the polls on May 2.", "Cook County, Illinois"),
        ("He said it was a good year.", None),
    ],
)
def test_find_location(sentence: str, place: str | None) -> None:
    assert find_location(sentence) == place


def test_ambiguous_names_prefer_capitals_and_countries() -> None:
    assert lookup("Washington").tz == "America/New_York"  # type: ignore[union-attr]
    assert lookup("Georgia").kind == "country"  # type: ignore[union-attr]
    assert lookup("the United States").name == "United States"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("words", "zone"),
    [("KST", "Asia/Seoul"), ("Pacific", "America/Los_Angeles"), ("South Korean", "Asia/Seoul"),
     ("Japanese", "Asia/Tokyo"), ("Eastern", "America/New_York"), ("Bangladeshi", "Asia/Dhaka"),
     ("nonsense", None)],
)
def test_zone_words(words: str, zone: str | None) -> None:
    assert zone_for_words(words) == zone


@pytest.mark.parametrize(("written", "zone"), [("Reykjavik", "Atlantic/Reykjavik"),
                                               ("Sao Paulo", "America/Sao_Paulo"),
                                               ("Zurich", "Europe/Zurich")])
def test_a_place_written_without_its_accents_is_found(written: str, zone: str) -> None:
    place = lookup(written)
    assert place is not None
    assert place.tz == zone


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Voters in Orange County will pick a sheriff on May 2.", "Orange County"),
        ("The Springfield City Council will meet at City Hall on May 2.", "City Hall"),
    ],
)
def test_a_county_or_city_council_is_read_whole(sentence: str, place: str) -> None:
    assert find_location(sentence) == place


def test_the_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()


def test_a_small_town_in_a_known_state_is_a_place() -> None:
    sentence = "Central bankers will meet in Jackson Hole, Wyoming, on Aug. 22."
    assert find_location(sentence) == "Jackson Hole, Wyoming"
