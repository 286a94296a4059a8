"""The offline gazetteer: every place name we match, keyed for constant-time lookup.

Four layers share one key space (keys: :mod:`~dyadwatch.dictionaries.placenames`):

- GeoNames countries, US states and cities with more than 15,000 people, with their alternate
  names in every script GeoNames has ("東京", "Pékin"), from the derived file;
- extra country names (short forms, other scripts) from ``place_countries.tsv``;
- curated seas, straits, islands, gas fields, disputed and contested places (``places.tsv``).

A key may name several places ("georgia": the country and the US state); choosing among them
is :mod:`~dyadwatch.coding.places.context`'s job. Loading reads the derived file into a dict of
keys and builds entries for cities only when they are first looked up, so it stays well under
a second; ``Gazetteer.default()`` loads once per process.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from dyadwatch.dictionaries.cache import cache_key, cached
from dyadwatch.dictionaries.gazetteer_data import (
    COUNTRY_NAMES_FILE,
    CURATED_FILE,
    DERIVED_FILE,
    STOPNAMES_FILE,
    DerivedRows,
    Entry,
    derived_entry,
    load_country_names,
    load_curated,
    load_derived,
    load_stopnames,
)
from dyadwatch.dictionaries.placenames import name_key
from dyadwatch.dictionaries.tsv import packaged_path
from dyadwatch.model import Place

# kind preference when everything else is equal: a country before the city named after it
_KIND_PREFERENCE = {"country": 3, "curated": 2, "us_state": 1, "city": 0}


def prominence(entry: Entry) -> int:
    """How readily a bare name means this place: 3 countries, curated places, capitals and
    cities over a million; 2 US states and cities over 100,000; 1 other cities."""
    if entry.kind in ("country", "curated"):
        return 3
    if entry.kind == "us_state":
        return 2
    if entry.capital or entry.population >= 1_000_000:
        return 3
    return 2 if entry.population >= 100_000 else 1


def default_order(entry: Entry) -> tuple[int, int, int]:
    """Sort key (descending) when there is no context: prominence, kind, population."""
    return prominence(entry), _KIND_PREFERENCE[entry.kind], entry.population


class Gazetteer:
    """Place names -> gazetteer entries. Build with :meth:`load` (or :meth:`default`)."""

    def __init__(
        self,
        derived: DerivedRows,
        curated: list[tuple[Entry, list[str]]],
        country_overrides: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
        stopnames: frozenset[str],
    ) -> None:
        self._derived = derived
        self._built: dict[int, Entry] = {}
        self._extra: dict[str, list[Entry]] = {}
        self._by_id: dict[str, Entry] = {}
        self._derived_ids: dict[str, int] | None = None
        self._countries: dict[str, Entry] = {}
        self.stopnames = stopnames
        self.us_states: dict[str, Entry] = {}
        for position, line in enumerate(derived.rows):
            if "\tcity\t" in line:
                continue  # cities are built when first looked up
            entry = self._derived_at(position)
            code = entry.place.country
            if entry.kind == "country" and code:
                names, disputed = country_overrides.get(code, ((), ()))
                if disputed:
                    entry = dataclasses.replace(entry, disputed_by=disputed)
                    self._built[position] = entry
                self._countries[code] = entry
                for key in names:
                    self._add_extra(key, entry)
            elif entry.kind == "us_state":
                self.us_states[entry.admin1] = entry
        for entry, keys in curated:
            self._by_id[entry.id] = entry
            for key in keys:
                self._add_extra(key, entry)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """Read and validate the gazetteer files from ``data_dir`` (default: packaged data)."""

        def path(name: str) -> Path:
            return data_dir / name if data_dir is not None else packaged_path(name)

        derived = load_derived(path(DERIVED_FILE))
        codes = frozenset(line.split("\t")[3] for line in derived.rows if "\tcountry\t" in line)
        curated = load_curated(path(CURATED_FILE), codes)
        overrides = {
            row.code: (row.keys, row.disputed_by)
            for row in load_country_names(path(COUNTRY_NAMES_FILE), codes)
        }
        return cls(derived, curated, overrides, load_stopnames(path(STOPNAMES_FILE)))

    @staticmethod
    @cache
    def default() -> Gazetteer:
        """The packaged gazetteer, loaded once per process (from the on-disk cache of
        ``dictionaries/cache.py`` when it holds this version)."""
        return cached("gazetteer", cache_key("gazetteer"), Gazetteer.load)

    def _add_extra(self, key: str, entry: Entry) -> None:
        found = self._extra.setdefault(key, [])
        if all(e.id != entry.id for e in found):
            found.append(entry)

    def _derived_at(self, position: int) -> Entry:
        entry = self._built.get(position)
        if entry is None:
            source = f"{self._derived.path.name}:{self._derived.first_line + position}"
            cells = self._derived.cells(position)
            entry = self._built[position] = derived_entry(cells, source)
        return entry

    def has_key(self, key: str) -> bool:
        return key in self._derived.index or key in self._extra

    def keys(self) -> Iterator[str]:
        """Every match key (what :meth:`has_key` answers True for)."""
        yield from self._derived.index
        yield from self._extra

    def candidates(self, key: str) -> list[Entry]:
        """Every place one of whose names has match key ``key`` (no particular order)."""
        found = [self._derived_at(p) for p in self._derived.positions(key)]
        for entry in self._extra.get(key, ()):
            if all(e.id != entry.id for e in found):
                found.append(entry)
        return found

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (any script, any case), the likeliest first without context.

        A leading "the" is ignored when the name is not known with it ("the Paracels")."""
        key = name_key(name)
        if key.startswith("the ") and not self.has_key(key):
            key = key[4:]
        entries = sorted(self.candidates(key), key=default_order, reverse=True)
        return [e.place for e in entries]

    def country(self, code: str) -> Entry | None:
        """The country entry of a CAMEO country code."""
        return self._countries.get(code)

    def entry(self, place_id: str) -> Entry | None:
        """The entry of a gazetteer id ("dw:senkaku-islands", "geonames:1850147")."""
        found = self._by_id.get(place_id)
        if found is None and place_id.startswith("geonames:"):
            if self._derived_ids is None:  # built on first use: most runs never need it
                rows = self._derived.rows
                self._derived_ids = {line[: line.index("\t")]: p for p, line in enumerate(rows)}
            position = self._derived_ids.get(place_id)
            found = self._derived_at(position) if position is not None else None
        return found

    def within(self, place: Place) -> Place | None:
        """The place that encloses ``place`` (the sea of a gas field), if recorded."""
        entry = self.entry(place.id or "")
        if entry is None or entry.within is None:
            return None
        parent = self._by_id.get(f"dw:{entry.within}")
        return parent.place if parent else None

    def curated(self) -> list[Entry]:
        """The curated (places.tsv) entries."""
        return [e for e in self._by_id.values() if e.kind == "curated"]
