"""Arguments the coder takes from the sentence's own cues (round 2 of issue 9): coordinated
titled people the parser splits, the country of people and organisations only the entity
recogniser finds, the members of an organisation, and acts whose fallback target is not the
source's own country (docs/verbs.md, docs/dictionaries.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.actors.relations import entity_actors
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the first titled name from the second one's title
        (
            "On October 2, US President Donald Trump and Mexican President Andres Manuel"
            " Lopez Obrador spoke on the phone.",
            {("USA", "MEX")},
        ),
        (
            "In July, US President Donald Trump and Turkish President Recep Tayyip Erdogan"
            " talked on the phone.",
            {("USA", "TUR")},
        ),
    ],
)
def test_titled_people_joined_by_and_act_together(
    coder: Coder, text: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(coded(coder, text)) == expected


def test_an_unknown_person_takes_the_dominant_country_of_a_national_story(coder: Coder) -> None:
    text = (
        "Kenyan police arrested three men in Nairobi on Monday. "
        "Kenya's interior ministry condemned Abdi Warsame on Tuesday."
    )
    condemned = [e for e in coded(coder, text) if e.root_code == "11"]
    assert [(e.target.country if e.target else None) for e in condemned] == ["KEN"]


def test_an_unknown_person_in_an_international_story_is_no_target(coder: Coder) -> None:
    text = (
        "Ukraine criticized Russia on Monday. Turkey and Greece met on Tuesday. "
        "Kenya condemned Abdi Warsame on Wednesday."
    )
    condemned = [e for e in coded(coder, text) if e.source.country == "KEN"]
    assert condemned
    assert all(e.target is None for e in condemned)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Ukraine criticized Russia. Kenya condemned Abdi Warsame of Somalia.", "Warsame", "SOM"),
        (
            "Ukraine criticized Russia. Kenya hosted the Ethiopian envoy, Abdi Warsame.",
            "Warsame",
            "ETH",
        ),
    ],
)
def test_an_unknown_person_takes_the_country_of_its_own_phrase(
    nlp: Language, recognizer: ActorRecognizer, text: str, name: str, country: str
) -> None:
    doc = nlp(text)
    found = entity_actors(doc, recognizer.find(doc))
    assert [m.actor.country for m in found if name in m.actor.name] == [country]


def test_a_withdrawal_without_a_target_is_not_aimed_at_the_own_country(coder: Coder) -> None:
    events = coded(coder, "On Friday, Canada announced a complete withdrawal from the area.")
    withdrawals = [e for e in events if e.code.startswith("087")]
    assert withdrawals
    assert all(e.target is None for e in withdrawals)
