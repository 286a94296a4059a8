"""The packaged gazetteer: names in every script resolve, conventions hold, data is clean."""

from __future__ import annotations

import pytest

from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.dictionaries.gazetteer_data import DERIVED_FILE, load_derived, validate_derived
from dyadwatch.dictionaries.placenames import fold, name_key
from dyadwatch.dictionaries.tsv import packaged_path

TOKYO = "geonames:1850147"
BEIJING = "geonames:1816670"
MOSCOW = "geonames:524901"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _ids(gazetteer: Gazetteer, name: str) -> list[str | None]:
    return [p.id for p in gazetteer.lookup(name)]


@pytest.mark.parametrize(
    ("name", "place_id"),
    [("東京", TOKYO), ("東京都", TOKYO), ("도쿄", TOKYO), ("Tokio", TOKYO), ("Pékin", BEIJING),
     ("Peking", BEIJING), ("北京", BEIJING), ("Москва", MOSCOW), ("Moskau", MOSCOW)],
)  # fmt: skip
def test_gazetteer_city_alternate_names_in_other_scripts(
    gazetteer: Gazetteer, name: str, place_id: str
) -> None:
    assert _ids(gazetteer, name)[0] == place_id


@pytest.mark.parametrize(
    "name",
    ["Senkaku Islands", "Senkakus", "Diaoyu Islands", "Diaoyutai Islands", "Diaoyutai",
     "Diaoyutais", "the Diaoyutais", "釣魚台", "钓鱼岛", "尖閣諸島", "Tiaoyutai"],
)  # fmt: skip
def test_gazetteer_every_senkaku_name_is_one_place(gazetteer: Gazetteer, name: str) -> None:
    assert _ids(gazetteer, name) == ["dw:senkaku-islands"]


@pytest.mark.parametrize(
    ("name", "place_id"),
    [("Paracels", "dw:paracel-islands"), ("the Spratlys", "dw:spratly-islands"),
     ("Kurils", "dw:kuril-islands"), ("Panatag Shoal", "dw:scarborough-shoal"),
     ("黄岩岛", "dw:scarborough-shoal"), ("Ayungin", "dw:second-thomas-shoal"),
     ("Shirakaba", "dw:chunxiao-gas-field"), ("春晓", "dw:chunxiao-gas-field"),
     ("Takeshima", "dw:dokdo"), ("Liancourt Rocks", "dw:dokdo"), ("Donbass", "dw:donbas"),
     ("Quemoy", "dw:kinmen"), ("East Sea", "dw:sea-of-japan"), ("Arabian Gulf", "dw:persian-gulf")],
)  # fmt: skip
def test_gazetteer_curated_aliases(gazetteer: Gazetteer, name: str, place_id: str) -> None:
    assert _ids(gazetteer, name)[0] == place_id


@pytest.mark.parametrize(
    ("name", "same_as"),
    [("TAIWAN STRAIT", "Taiwan Strait"), ("COTE D'IVOIRE", "Côte d’Ivoire"),
     ("Sea of Japan", "sea of japan"), ("Nagorno Karabakh", "Nagorno-Karabakh")],
)  # fmt: skip
def test_gazetteer_latin_matching_ignores_case_diacritics_punctuation(
    gazetteer: Gazetteer, name: str, same_as: str
) -> None:
    assert gazetteer.lookup(name) and gazetteer.lookup(name) == gazetteer.lookup(same_as)


def test_gazetteer_other_scripts_are_not_folded() -> None:
    assert fold("ドイツ") == "ドイツ"  # no stripping of the dakuten
    assert name_key("釣魚台") != name_key("钓鱼台")


def test_gazetteer_ambiguous_name_lists_every_place(gazetteer: Gazetteer) -> None:
    features = {(p.country, p.feature) for p in gazetteer.lookup("Georgia")}
    assert features == {("GEO", "country"), ("USA", "us_state")}


@pytest.mark.parametrize(
    ("name", "code"),
    [("Romania", "ROU"), ("East Timor", "TMP"), ("Kosovo", "KSV"), ("Isle of Man", "IMY"),
     ("Taiwan", "TWN"), ("U.S.", "USA"), ("Burma", "MMR")],
)  # fmt: skip
def test_gazetteer_countries_use_cameo_codes(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert gazetteer.lookup(name)[0].country == code


def test_gazetteer_disputed_convention(gazetteer: Gazetteer) -> None:
    senkaku = gazetteer.entry("dw:senkaku-islands")
    crimea = gazetteer.entry("dw:crimea")
    assert senkaku is not None and senkaku.place.country == "JPN"
    assert senkaku.disputed_by == ("CHN", "TWN")
    assert crimea is not None and (crimea.place.country, crimea.disputed_by) == ("UKR", ("RUS",))


def test_gazetteer_within_gives_the_enclosing_sea(gazetteer: Gazetteer) -> None:
    chunxiao = gazetteer.lookup("Chunxiao gas field")[0]
    parent = gazetteer.within(chunxiao)
    assert parent is not None and parent.name == "East China Sea"


def test_gazetteer_region_may_lack_coordinates(gazetteer: Gazetteer) -> None:
    chain = gazetteer.lookup("first island chain")[0]
    assert (chain.feature, chain.lat, chain.lon) == ("region", None, None)


def test_gazetteer_curated_file_has_over_100_placed_entries(gazetteer: Gazetteer) -> None:
    placed = [e for e in gazetteer.curated() if e.place.lat is not None]
    assert len(placed) >= 100


def test_gazetteer_entry_by_geonames_id(gazetteer: Gazetteer) -> None:
    entry = gazetteer.entry(TOKYO)
    assert entry is not None and entry.capital and entry.place.name == "Tokyo"


def test_gazetteer_derived_file_fields_are_valid() -> None:
    assert list(validate_derived(load_derived(packaged_path(DERIVED_FILE)))) == []
