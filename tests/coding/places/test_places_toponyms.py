"""Finding toponyms in text: longest names, aliases, plurals, qualifiers, common words."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dyadwatch.coding.places.placer import Placer, Toponym


def _places(nlp: Language, placer: Placer, text: str) -> list[Toponym]:
    return placer.places_in(nlp(text))


def _names(nlp: Language, placer: Placer, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.place.name) for t in _places(nlp, placer, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships sailed into the East China Sea.", [("East China Sea", "East China Sea")]),
        ("Hanoi protested a survey in the South China Sea.",
         [("Hanoi", "Hanoi"), ("South China Sea", "South China Sea")]),
        ("Troops advanced deeper into the Gaza Strip overnight.", [("Gaza Strip", "Gaza Strip")]),
        ("Protesters gathered in Gaza on Friday.", [("Gaza", "Gaza")]),
        ("Tankers queued at the Strait of Hormuz.", [("Strait of Hormuz", "Strait of Hormuz")]),
    ],
)  # fmt: skip
def test_places_toponyms_longest_name_wins(
    nlp: Language, placer: Placer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(nlp, placer, text) == expected


@pytest.mark.parametrize(
    ("text", "span", "place_id"),
    [
        ("Patrol boats shadowed two ships near the Chunxiao (春曉) gas field.",
         "Chunxiao (春曉) gas field", "dw:chunxiao-gas-field"),
        ("A frigate sailed near the Diaoyutai Islands (釣魚台) on Sunday.",
         "Diaoyutai Islands (釣魚台)", "dw:senkaku-islands"),
        ("Boats were seen off Scarborough Shoal (黄岩岛) again.",
         "Scarborough Shoal (黄岩岛)", "dw:scarborough-shoal"),
        ("Drills were held near Bluefin Reef (藍鰭礁) last week.", None, None),
    ],
)  # fmt: skip
def test_places_toponyms_parenthesised_other_script_alias_is_the_same_place(
    nlp: Language, placer: Placer, text: str, span: str | None, place_id: str | None
) -> None:
    found = _places(nlp, placer, text)
    if span is None:  # an unknown name with an unknown alias: nothing, and no stray match
        assert found == []
        return
    (toponym,) = found
    assert (toponym.text, toponym.place.id) == (span, place_id)


def test_places_toponyms_cjk_alias_known_on_its_own_joins_the_preceding_name(
    nlp: Language, placer: Placer
) -> None:
    # 釣魚台 is itself a Senkaku name; it must not become a second toponym
    found = _places(nlp, placer, "Ships entered waters off the Senkaku Islands (釣魚台) today.")
    assert [t.place.id for t in found] == ["dw:senkaku-islands"]


@pytest.mark.parametrize(
    "text",
    [
        "Vessels loitered inside the Diaoyutais’ contiguous zone for days.",
        "Vessels loitered inside the Diaoyutais' contiguous zone for days.",
        "Vessels loitered inside the Senkakus' territorial waters for days.",
        "Vessels loitered near the Senkakus for days.",
    ],
)
def test_places_toponyms_plural_and_possessive_forms(
    nlp: Language, placer: Placer, text: str
) -> None:
    assert [t.place.id for t in _places(nlp, placer, text)] == ["dw:senkaku-islands"]


def test_places_toponyms_paracels_plural(nlp: Language, placer: Placer) -> None:
    found = _places(nlp, placer, "Fishermen were chased away from the Paracels.")
    assert [t.place.id for t in found] == ["dw:paracel-islands"]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("The minister arrived in 東京 on Monday for talks.", "geonames:1850147"),
        ("Delegates travelled to Pékin last spring.", "geonames:1816670"),
        ("The envoy flew to Москва on Friday.", "geonames:524901"),
    ],
)
def test_places_toponyms_city_names_in_other_scripts(
    nlp: Language, placer: Placer, text: str, place_id: str
) -> None:
    assert [t.place.id for t in _places(nlp, placer, text)] == [place_id]


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspect was arrested in March.",
        "John Bolton said the deal was a mistake.",
        "The farmers sold a turkey to china collectors.",
        "Reading the report took an hour.",
    ],
)
def test_places_toponyms_common_words_and_names_are_not_places(
    nlp: Language, placer: Placer, text: str
) -> None:
    assert _places(nlp, placer, text) == []


@pytest.mark.parametrize(
    ("text", "span", "country"),
    [
        ("The festival took place in Paris, Texas, last year.", "Paris, Texas", "USA"),
        ("Officials met in Alexandria, VA, to discuss the budget.", "Alexandria, VA", "USA"),
        ("The ministers met in Tripoli, Lebanon, on Monday.", "Tripoli, Lebanon", "LBN"),
    ],
)
def test_places_toponyms_city_with_its_state_or_country_is_one_toponym(
    nlp: Language, placer: Placer, text: str, span: str, country: str
) -> None:
    (toponym,) = _places(nlp, placer, text)
    assert (toponym.text, toponym.place.country, toponym.place.feature) == (span, country, "city")


def test_places_toponyms_the_strait_refers_back_to_the_named_strait(
    nlp: Language, placer: Placer
) -> None:
    text = "Warships crossed the Taiwan Strait on Monday. Tension in the Strait has risen."
    assert [t.place.id for t in _places(nlp, placer, text)] == ["dw:taiwan-strait"] * 2


def test_places_toponyms_the_strait_without_antecedent_is_nothing(
    nlp: Language, placer: Placer
) -> None:
    assert _places(nlp, placer, "Tension in the Strait has risen.") == []


def test_places_toponyms_offsets_point_into_the_text(nlp: Language, placer: Placer) -> None:
    text = "Talks opened in Hanoi, then moved to the Gulf of Tonkin."
    found = _places(nlp, placer, text)
    assert len(found) == 2  # both places, or the loop below proves nothing
    for toponym in found:
        assert text[toponym.start_char : toponym.end_char] == toponym.text


def test_places_toponyms_work_without_a_parser(placer: Placer) -> None:
    blank = spacy.blank("en")
    doc = blank("Ships sailed into the East China Sea near Kinmen, not to Turkey.")
    assert [t.place.id for t in placer.places_in(doc)] == [
        "dw:east-china-sea",
        "dw:kinmen",
        "geonames:298795",  # Turkey: countries need no tagger
    ]
    assert placer.locate(doc[1], []) is None  # no parse: no clause, so no location


def test_key_prefixes_are_the_proper_word_prefixes_of_multiword_keys() -> None:
    from dyadwatch.coding.places.toponyms import key_prefixes

    assert key_prefixes(["north sea canal", "lake ohrid", "lima"]) == {
        "north",
        "north sea",
        "lake",
    }
