"""Gazetteer data files are validated at load, with errors that point at file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.dictionaries.gazetteer_data import (
    COUNTRY_NAMES_FILE,
    CURATED_FILE,
    DERIVED_FILE,
    STOPNAMES_FILE,
    load_country_names,
    load_curated,
    load_derived,
    plural_aliases,
)
from dyadwatch.dictionaries.tsv import packaged_path
from dyadwatch.errors import DictionaryError

COUNTRIES = frozenset({"JPN", "CHN", "TWN", "UKR", "RUS"})
HEADER = "id\tname\taliases\tfeature\tcountry\tdisputed_by\tlat\tlon\twithin\tnote\n"
GOOD = "senkaku\tSenkaku Islands\tDiaoyutai\tisland_group\tJPN\tCHN|TWN\t25.75\t123.5\t\t\n"


def _curated(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / CURATED_FILE
    path.write_text("# comment line\n" + HEADER + GOOD + "".join(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tX Sea\t\tpond\t\t\t1\t1\t\t\n", "unknown feature 'pond'"),
        ("x\tX Sea\t\tsea\t\t\t\t\t\t\n", "lat/lon missing"),
        ("x\tX Sea\t\tsea\t\t\t91\t1\t\t\n", "lat 91 is outside [-90, 90]"),
        ("x\tX Sea\t\tsea\t\t\t1\teast\t\t\n", "lon 'east' is not a number"),
        ("x\tX Sea\t\tsea\t\t\t1\t\t\t\n", "give both lat and lon"),
        ("x\tX Sea\t\tsea\tXXX\t\t1\t1\t\t\n", "unknown country code 'XXX'"),
        ("x\tX Sea\t\tsea\tJPN|CHN\t\t1\t1\t\t\n", "country takes one code"),
        ("x\tX Reef\t\treef\tCHN\tCHN\t1\t1\t\t\n", "disputed_by repeats the country"),
        ("senkaku\tOther\t\tsea\t\t\t1\t1\t\t\n", "duplicate id 'senkaku'"),
        ("Bad Id\tX Sea\t\tsea\t\t\t1\t1\t\t\n", "bad id 'Bad Id'"),
        ("x\tX Sea\tdiaoyutai\tsea\t\t\t1\t1\t\t\n", "already a name of senkaku (line 3)"),
        ("x\tX Sea\t\tsea\t\t\t1\t1\tnowhere\t\n", "within 'nowhere' is not another id"),
        ("x\tX Sea\tA||B\tsea\t\t\t1\t1\t\t\n", "empty or unmatchable name"),
        ("x\tX Sea\t\tsea\t\t\t1\t1\t\t\textra\n", "fields but the header has 10"),
    ],
)
def test_gazetteer_data_curated_errors_name_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = _curated(tmp_path, row)
    with pytest.raises(DictionaryError) as info:
        load_curated(path, COUNTRIES)
    assert f"{path}:4: " in str(info.value)
    assert message in str(info.value)
    assert info.value.line == 4


def test_gazetteer_data_region_may_omit_coordinates(tmp_path: Path) -> None:
    path = _curated(tmp_path, "chain\tFirst Island Chain\t\tregion\t\t\t\t\t\t\n")
    (_, _), (region, keys) = load_curated(path, COUNTRIES)
    assert (region.place.lat, region.place.lon) == (None, None)
    assert keys == ["first island chain"]


def test_gazetteer_data_island_groups_get_their_short_plural(tmp_path: Path) -> None:
    ((entry, keys),) = load_curated(_curated(tmp_path), COUNTRIES)
    assert "senkakus" in keys and entry.id == "dw:senkaku"
    assert plural_aliases("Pratas Islands") == []  # "Pratass" is not a word


def test_gazetteer_data_country_names_errors(tmp_path: Path) -> None:
    path = tmp_path / COUNTRY_NAMES_FILE
    path.write_text("country\taliases\tdisputed_by\tnote\nJPN\tNippon\t\t\nZZZ\tX\t\t\n")
    with pytest.raises(DictionaryError, match=r"place_countries\.tsv:3: unknown country code"):
        load_country_names(path, COUNTRIES)


def test_gazetteer_data_derived_file_with_old_key_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DERIVED_FILE
    text = packaged_path(DERIVED_FILE).read_text(encoding="utf-8")
    path.write_text(text.replace("# key_version=", "# key_version=0"), encoding="utf-8")
    with pytest.raises(DictionaryError, match="key_version"):
        load_derived(path)


def test_gazetteer_data_derived_malformed_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / DERIVED_FILE
    lines = packaged_path(DERIVED_FILE).read_text(encoding="utf-8").splitlines()
    header = next(n for n, line in enumerate(lines) if line.startswith("id\t"))
    lines[header + 3] = "geonames:1\tcity\tbroken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_derived(path)
    assert info.value.line == header + 4


def test_gazetteer_data_load_from_a_directory_validates_places_tsv(tmp_path: Path) -> None:
    for name in (DERIVED_FILE, COUNTRY_NAMES_FILE, STOPNAMES_FILE):
        shutil.copy(packaged_path(name), tmp_path / name)
    _curated(tmp_path, "x\tX Sea\t\tsea\tXYZ\t\t1\t1\t\t\n")
    with pytest.raises(DictionaryError, match=r"places\.tsv:4: unknown country code 'XYZ'"):
        Gazetteer.load(tmp_path)
