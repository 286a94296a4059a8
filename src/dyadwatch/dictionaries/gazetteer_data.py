"""Reading and validating the gazetteer's data files (formats: docs/places.md).

- ``gazetteer_geonames.tsv``: derived (tools/build_gazetteer.py) GeoNames countries, US states
  and cities, names already turned into match keys. Checked structurally while loading (key
  version, field count, kind); :func:`validate_derived` checks every field.
- ``places.tsv``: curated seas, straits, islands, gas fields, disputed and contested places with
  all their names; validated field by field, errors give file:line.
- ``place_countries.tsv``: curated extra country names (short forms, other scripts) and claims.
- ``place_stopnames.tsv``: words that are never read as a city name.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dyadwatch.dictionaries.placenames import KEY_VERSION, MAX_WORDS, name_key, words
from dyadwatch.dictionaries.tsv import read_tsv
from dyadwatch.errors import DictionaryError
from dyadwatch.model import Place

DERIVED_FILE = "gazetteer_geonames.tsv"
CURATED_FILE = "places.tsv"
COUNTRY_NAMES_FILE = "place_countries.tsv"
STOPNAMES_FILE = "place_stopnames.tsv"

Kind = Literal["country", "us_state", "city", "curated"]
KINDS: frozenset[str] = frozenset(("country", "us_state", "city", "curated"))

# feature -> specificity: when a clause names several places, the most specific is the event's
# location ("near the Chunxiao gas field in the East China Sea" -> the gas field)
FEATURES: dict[str, float] = {
    "region": 0.2, "ocean": 0.3, "country": 1.0, "sea": 1.2, "peninsula": 1.5, "desert": 1.5,
    "gulf": 1.6, "us_state": 2.0, "territory": 2.0, "river": 2.0, "lake": 2.0, "bay": 1.8,
    "strait": 1.8, "channel": 1.8, "island_group": 2.2, "line": 2.5, "canal": 2.5,
    "valley": 3.0, "glacier": 3.0, "mountain": 3.0, "city": 3.0, "town": 3.0, "island": 3.2,
    "reef": 3.5,
    "shoal": 3.5, "gas_field": 3.5, "site": 3.6, "base": 3.8, "facility": 3.8, "building": 4.0,
}  # fmt: skip
# features that may lack coordinates: strategic constructs with no single point
UNPLACED_FEATURES = frozenset({"region"})

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE = re.compile(r"^[A-Z]{3}$")
_CURATED_COLUMNS = ("id", "name", "aliases", "feature", "country", "disputed_by", "lat", "lon",
                    "within", "note")  # fmt: skip
_DERIVED_COLUMNS = ["id", "kind", "name", "country", "admin1", "lat", "lon", "population",
                    "capital", "keys"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place with what disambiguation and the event locator need."""

    place: Place
    kind: Kind
    population: int = 0
    admin1: str = ""  # US state code for US states and US cities
    capital: bool = False  # a national capital (often a metonym for its government)
    disputed_by: tuple[str, ...] = ()  # other claimants (CAMEO codes), see docs/places.md
    within: str | None = None  # gazetteer id of the enclosing place (a gas field's sea)
    source: str = ""  # file:line, for provenance

    @property
    def id(self) -> str:
        return self.place.id or ""

    @property
    def specificity(self) -> float:
        return FEATURES.get(self.place.feature, 1.0)


def _float(value: str, low: float, high: float, what: str, path: Path, line: int) -> float:
    try:
        number = float(value)
    except ValueError:
        raise DictionaryError(f"{what} {value!r} is not a number", str(path), line) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise DictionaryError(f"{what} {value} is outside [{low}, {high}]", str(path), line)
    return number


def _coordinates(
    lat: str, lon: str, feature: str, path: Path, line: int
) -> tuple[float | None, float | None]:
    if not lat and not lon:
        if feature not in UNPLACED_FEATURES:
            raise DictionaryError(
                f"lat/lon missing (only {', '.join(sorted(UNPLACED_FEATURES))} may omit them)",
                str(path),
                line,
            )
        return None, None
    if not lat or not lon:
        raise DictionaryError("give both lat and lon, or neither", str(path), line)
    return _float(lat, -90, 90, "lat", path, line), _float(lon, -180, 180, "lon", path, line)


def _codes(value: str, known: frozenset[str], path: Path, line: int) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in value.split("|") if c.strip()) if value else ()
    for code in codes:
        if not _CODE.match(code) or code not in known:
            raise DictionaryError(f"unknown country code {code!r}", str(path), line)
    if len(set(codes)) != len(codes):
        raise DictionaryError(f"repeated country code in {value!r}", str(path), line)
    return codes


def _names(value: str, path: Path, line: int) -> list[str]:
    names = [n.strip() for n in value.split("|")] if value else []
    for name in names:
        if not name or not name_key(name):
            raise DictionaryError(f"empty or unmatchable name in {value!r}", str(path), line)
        if len(words(name)) > MAX_WORDS:
            raise DictionaryError(f"name {name!r} has more than {MAX_WORDS} words", str(path), line)
    return names


def plural_aliases(name: str) -> list[str]:
    """ "Paracel Islands" -> "Paracels": the short plural that island groups go by."""
    parts = name.split()
    if (
        len(parts) == 2
        and parts[1].lower() in ("islands", "isles", "islets")
        and not parts[0].lower().endswith("s")
    ):
        return [parts[0] + "s"]
    return []


def load_curated(path: Path, countries: frozenset[str]) -> list[tuple[Entry, list[str]]]:
    """Rows of places.tsv as (entry, match keys); every field is checked."""
    rows: list[tuple[int, dict[str, str]]] = list(read_tsv(path, _CURATED_COLUMNS))
    ids = {row["id"]: line for line, row in rows}
    seen_ids: set[str] = set()
    key_owner: dict[str, tuple[str, int]] = {}
    out: list[tuple[Entry, list[str]]] = []
    for line, row in rows:
        place_id = row["id"]
        if not _ID.match(place_id):
            raise DictionaryError(f"bad id {place_id!r} (lower-case words and -)", str(path), line)
        if place_id in seen_ids:
            raise DictionaryError(f"duplicate id {place_id!r}", str(path), line)
        seen_ids.add(place_id)
        feature = row["feature"]
        if feature not in FEATURES or feature in ("country", "us_state", "city"):
            raise DictionaryError(f"unknown feature {feature!r}", str(path), line)
        if not row["name"]:
            raise DictionaryError("empty name", str(path), line)
        names = _names(row["name"], path, line)[:1] + _names(row["aliases"], path, line)
        country = _codes(row["country"], countries, path, line)
        if len(country) > 1:
            raise DictionaryError("country takes one code (claimants go in disputed_by)",
                                  str(path), line)  # fmt: skip
        disputed = _codes(row["disputed_by"], countries, path, line)
        if country and country[0] in disputed:
            raise DictionaryError("disputed_by repeats the country", str(path), line)
        within = row["within"] or None
        if within is not None and (within not in ids or within == place_id):
            raise DictionaryError(f"within {within!r} is not another id in this file",
                                  str(path), line)  # fmt: skip
        lat, lon = _coordinates(row["lat"], row["lon"], feature, path, line)
        keys: list[str] = []
        for name in [*names, *(p for n in names for p in plural_aliases(n))]:
            key = name_key(name)
            owner = key_owner.get(key)
            if owner is not None and owner[0] != place_id:
                raise DictionaryError(
                    f"name {name!r} is already a name of {owner[0]} (line {owner[1]})",
                    str(path),
                    line,
                )
            if owner is None:
                key_owner[key] = (place_id, line)
                keys.append(key)
        place = Place(row["name"], country[0] if country else None, lat, lon, feature,
                      f"dw:{place_id}")  # fmt: skip
        entry = Entry(place, "curated", disputed_by=disputed, within=within,
                      source=f"{path.name}:{line}")  # fmt: skip
        out.append((entry, keys))
    return out


@dataclass(frozen=True, slots=True)
class CountryNames:
    """A place_countries.tsv row: extra names and claimants for a country."""

    code: str
    keys: tuple[str, ...]
    disputed_by: tuple[str, ...]
    line: int


def load_country_names(path: Path, countries: frozenset[str]) -> list[CountryNames]:
    out: list[CountryNames] = []
    seen: dict[str, int] = {}
    for line, row in read_tsv(path, ("country", "aliases", "disputed_by", "note")):
        codes = _codes(row["country"], countries, path, line)
        if len(codes) != 1:
            raise DictionaryError("give exactly one country code", str(path), line)
        code = codes[0]
        if code in seen:
            raise DictionaryError(f"{code} already has a row (line {seen[code]})", str(path), line)
        seen[code] = line
        keys = tuple(name_key(n) for n in _names(row["aliases"], path, line))
        disputed = _codes(row["disputed_by"], countries, path, line)
        out.append(CountryNames(code, keys, disputed, line))
    return out


def load_stopnames(path: Path) -> frozenset[str]:
    keys: set[str] = set()
    for line, row in read_tsv(path, ("name", "note")):
        key = name_key(row["name"])
        if not key:
            raise DictionaryError("empty name", str(path), line)
        keys.add(key)
    return frozenset(keys)


@dataclass(slots=True)
class DerivedRows:
    """The derived file as raw lines plus a key index; entries are built on first use.

    ``index`` maps a key to a row position, or to a list of positions when several places
    share it: fewer objects to allocate is what keeps loading fast.
    """

    rows: list[str]
    index: dict[str, int | list[int]]
    path: Path
    first_line: int  # file line number of rows[0]

    def cells(self, position: int) -> list[str]:
        return self.rows[position].split("\t")

    def positions(self, key: str) -> list[int]:
        found = self.index.get(key)
        if found is None:
            return []
        return [found] if isinstance(found, int) else found


def load_derived(path: Path) -> DerivedRows:
    """Read gazetteer_geonames.tsv, checking its key version, header and row shapes."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read gazetteer: {exc}", str(path)) from exc
    lines = text.split("\n")
    number = 0
    version_ok = False
    while number < len(lines) and lines[number].startswith("#"):
        version_ok = version_ok or lines[number] == f"# key_version={KEY_VERSION}"
        number += 1
    if number >= len(lines) or lines[number].split("\t") != _DERIVED_COLUMNS:
        raise DictionaryError("missing or unexpected header", str(path), number + 1)
    if not version_ok:
        raise DictionaryError(
            f"key_version is not {KEY_VERSION}: rebuild with tools/build_gazetteer.py",
            str(path),
            number + 1,
        )
    rows = lines[number + 1 :]
    if rows and not rows[-1]:
        rows.pop()
    index: dict[str, int | list[int]] = {}
    gc_was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects, none cyclic: skip the collector
    try:
        for position, line in enumerate(rows):
            if line.count("\t") != 9:
                raise DictionaryError("malformed row (want 10 fields)", str(path),
                                      number + 2 + position)  # fmt: skip
            for key in line[line.rindex("\t") + 1 :].split("|"):
                found = index.get(key)
                if found is None:
                    index[key] = position
                elif isinstance(found, int):
                    index[key] = [found, position]
                else:
                    found.append(position)
    finally:
        if gc_was_enabled:
            gc.enable()
    return DerivedRows(rows, index, path, number + 2)


def derived_entry(cells: list[str], source: str) -> Entry:
    """Build the entry of one derived row (see :func:`validate_derived` for field checks)."""
    lat = float(cells[5]) if cells[5] else None
    lon = float(cells[6]) if cells[6] else None
    kind: Kind = (
        "city" if cells[1] == "city" else "country" if cells[1] == "country" else "us_state"
    )
    place = Place(cells[2], cells[3] or None, lat, lon, kind, cells[0])
    return Entry(place, kind, int(cells[7] or 0), cells[4], cells[8] == "1", source=source)


def validate_derived(derived: DerivedRows) -> Iterator[str]:
    """Every problem in the derived file's fields, as "file:line: message" (empty when clean)."""
    for position in range(len(derived.rows)):
        cells = derived.cells(position)
        number = derived.first_line + position
        where = f"{derived.path.name}:{number}"
        if not cells[0].startswith("geonames:") or not cells[0][9:].isdigit():
            yield f"{where}: bad id {cells[0]!r}"
        if cells[1] not in KINDS - {"curated"}:
            yield f"{where}: bad kind {cells[1]!r}"
        if not _CODE.match(cells[3]):
            yield f"{where}: bad country code {cells[3]!r}"
        try:
            _coordinates(cells[5], cells[6], "region", derived.path, number)
            int(cells[7] or 0)
        except (DictionaryError, ValueError) as exc:
            yield f"{where}: {exc}"
        if not all(cells[9].split("|")):
            yield f"{where}: empty key"
