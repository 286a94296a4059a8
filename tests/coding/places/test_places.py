"""Event locations: the place the clause of the event's verb names."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.coding.places.placer import Placer
from dyadwatch.model import Place


def _verb(doc: Doc, word: str, after: str = "") -> Token:
    start = doc.text.index(after) if after else 0
    return next(t for t in doc if t.text == word and t.idx >= start)


def _locate(
    nlp: Language, placer: Placer, text: str, verb: str, doc_countries: tuple[str, ...] = ()
) -> Place | None:
    doc = nlp(text)
    return placer.locate(_verb(doc, verb), doc_countries)


@pytest.mark.parametrize(
    ("text", "verb", "name"),
    [
        ("The talks were held in Washington last week.", "held", "Washington"),
        ("Warships sailed through the Taiwan Strait on Monday.", "sailed", "Taiwan Strait"),
        ("Coast guard ships cruised near the Paracels for a week.", "cruised", "Paracel Islands"),
        ("Russia deployed troops to Crimea in 2014.", "deployed", "Crimea"),
        ("Ships anchored off Scarborough Shoal on Friday.", "anchored", "Scarborough Shoal"),
        ("Chinese ships entered waters near Kinmen, unsettling Taipei.", "entered", "Kinmen"),
        ("Two destroyers crossed the Taiwan Strait on Monday.", "crossed", "Taiwan Strait"),
        ("Fighting in Donetsk intensified on Monday.", "intensified", "Donetsk"),
        ("The delegation flew from Beijing to Manila.", "flew", "Manila"),
    ],
)
def test_places_locate_place_in_the_clause(
    nlp: Language, placer: Placer, text: str, verb: str, name: str
) -> None:
    place = _locate(nlp, placer, text, verb)
    assert place is not None and place.name == name


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Washington said it would send more ships.", "said"),
        ("Tokyo might pass laws to strengthen its defense.", "pass"),
        ("The storm forced the closure of ports, unsettling Tokyo.", "unsettling"),
        ("China warned Japan about its defense white paper.", "warned"),
        ("The US imposed sanctions on Russia.", "imposed"),
        ("Beijing signed a trade deal with Hanoi.", "signed"),
        ("The expansion created an existential threat to Taiwan.", "created"),
    ],
)
def test_places_locate_actors_are_not_locations(
    nlp: Language, placer: Placer, text: str, verb: str
) -> None:
    assert _locate(nlp, placer, text, verb) is None


def test_places_locate_washington_metonym_and_place_in_one_document(
    nlp: Language, placer: Placer
) -> None:
    doc = nlp("Washington said it was concerned. The envoys later met in Washington.")
    assert placer.locate(_verb(doc, "said"), ["USA"]) is None
    met = placer.locate(_verb(doc, "met"), ["USA"])
    assert met is not None and (met.feature, met.id) == ("city", "geonames:4140963")


def test_places_locate_most_specific_place_wins(nlp: Language, placer: Placer) -> None:
    text = "Patrol ships gathered near the Chunxiao gas field in the East China Sea."
    place = _locate(nlp, placer, text, "gathered")
    assert place is not None and place.id == "dw:chunxiao-gas-field"


def test_places_locate_other_clause_place_only_when_the_sentence_has_one(
    nlp: Language, placer: Placer
) -> None:
    one = "Officials said that two boats had collided near Penghu."
    two = "Officials in Taipei said that two boats had collided near Penghu."
    first = _locate(nlp, placer, one, "said")
    assert first is not None and first.id == "dw:penghu-islands"
    located = _locate(nlp, placer, two, "said")  # its own clause names Taipei
    assert located is not None and located.name == "Taipei"


def test_places_locate_no_place_when_the_sentence_has_several_elsewhere(
    nlp: Language, placer: Placer
) -> None:
    text = "Officials warned that ships sailed near Kinmen and drills began off Matsu."
    assert _locate(nlp, placer, text, "warned") is None


def test_places_locate_toponym_gives_span_and_enclosing_place(
    nlp: Language, placer: Placer
) -> None:
    doc = nlp("Survey ships worked near the Chunxiao (春曉) gas field.")
    toponym = placer.locate_toponym(_verb(doc, "worked"), [])
    assert toponym is not None and toponym.text == "Chunxiao (春曉) gas field"
    assert toponym.within is not None and toponym.within.name == "East China Sea"


# --- the seed page (skipped when ../shared is absent) -------------------------------------

SEED_COUNTRIES = ("TWN", "JPN", "CHN", "USA")


@pytest.fixture(scope="module")
def seed_doc(nlp: Language, seed_path: Path) -> Doc:
    return nlp(seed_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc_countries", [SEED_COUNTRIES, ()])
def test_places_seed_navy_vessels_entered_waters_near_chunxiao(
    seed_doc: Doc, placer: Placer, doc_countries: tuple[str, ...]
) -> None:
    verb = _verb(seed_doc, "entered", after="five navy surface vessels")
    toponym = placer.locate_toponym(verb, doc_countries)
    assert toponym is not None and toponym.place.id == "dw:chunxiao-gas-field"
    assert toponym.place.country == "CHN"
    assert toponym.within is not None and toponym.within.id == "dw:east-china-sea"


def test_places_seed_vessels_cruised_through_the_diaoyutais_zone(
    seed_doc: Doc, placer: Placer
) -> None:
    verb = _verb(seed_doc, "cruised", after="152 consecutive days")
    place = placer.locate(verb, SEED_COUNTRIES)
    assert place is not None and (place.id, place.country) == ("dw:senkaku-islands", "JPN")


def test_places_seed_diaoyutai_senkaku_and_cjk_name_are_one_place(
    seed_doc: Doc, placer: Placer
) -> None:
    start = seed_doc.text.index("the disputed Diaoyutai Islands")
    end = seed_doc.text.index("in Japan", start)
    found = [t for t in placer.places_in(seed_doc, SEED_COUNTRIES) if start <= t.start_char < end]
    assert [t.text for t in found] == ["Diaoyutai Islands (釣魚台)", "Senkaku Islands"]
    assert {t.place.id for t in found} == {"dw:senkaku-islands"}


def test_places_seed_two_plus_two_meeting_in_washington(seed_doc: Doc, placer: Placer) -> None:
    verb = _verb(seed_doc, "includes", after="Japan has participated")
    place = placer.locate(verb, SEED_COUNTRIES)
    assert place is not None and (place.id, place.feature) == ("geonames:4140963", "city")


def test_places_seed_tokyo_as_actor_is_never_a_location(seed_doc: Doc, placer: Placer) -> None:
    verb = _verb(seed_doc, "pass", after="Tokyo might")
    assert placer.locate(verb, SEED_COUNTRIES) is None
    tokyo = [t for t in placer.places_in(seed_doc, SEED_COUNTRIES) if t.text == "Tokyo"]
    assert tokyo and all(t.role == "actor" for t in tokyo)
