"""Names the dictionaries lack take the actor of the description the article gives them, and
keep it when the name, or its short form, comes back later."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.aliases import described_names
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.model import Event


def named(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (doc[m.start : m.end].text, m.actor.code)
        for m in described_names(doc, recognizer.find(doc))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Peruvian airline Andes Wings cancelled its routes. Andes was fined in 2019.",
            [("Andes Wings", "PERBUS"), ("Andes", "PERBUS")],
        ),
        (
            "Kenya-based retailer Tumaini Stores and Uganda-based retailer Nile Mart merged.",
            [("Tumaini Stores", "KENBUS"), ("Nile Mart", "UGABUS")],
        ),
        (
            "The Norwegian gas producer Fjordgas signed a deal. Fjordgas later withdrew.",
            [("Fjordgas", "NORBUS"), ("Fjordgas", "NORBUS")],
        ),
    ],
)
def test_a_name_after_its_description_takes_its_actor(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert named(recognizer, nlp, text) == expected


def test_a_person_named_before_a_title_in_apposition_is_that_official_later_too(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = (
        "Talia Verhoeven, the Dutch defence minister, visited the base. "
        "Verhoeven said the troops would stay."
    )
    assert named(recognizer, nlp, text) == [("Talia Verhoeven", "NLDGOV"), ("Verhoeven", "NLDGOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The airline cancelled its routes.", []),  # no name
        # the short form before the description is not yet known
        (
            "Andes was fined. The Peruvian airline Andes Wings cancelled its routes.",
            [("Andes Wings", "PERBUS")],
        ),
        # a generic first word is no short form
        (
            "The Peruvian airline Air Andes cancelled routes. Air India was fined.",
            [("Air Andes", "PERBUS")],
        ),
    ],
)
def test_only_later_specific_short_forms_are_taken(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert named(recognizer, nlp, text) == expected


def test_the_short_form_is_the_source_and_the_target_of_acts(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Peruvian airline Andes Wings was banned from flying to Chile on Monday. "
        "Chile has accused Andes of smuggling arms."
    )
    events = asserted(text)
    assert any(
        e.source.country == "CHL" and e.target is not None and e.target.country == "PER"
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mireille Fontaine, a UN investigator, visited the camp. Fontaine urged calm.",
            [("Mireille Fontaine", "IGOUNO"), ("Fontaine", "IGOUNO")],
        ),
        (
            "Kofi Mensah, a Ghanaian diplomat, arrived in Paris. Mensah met the minister.",
            [("Kofi Mensah", "GHAGOV"), ("Mensah", "GHAGOV")],
        ),
    ],
)
def test_an_apposition_gives_a_person_their_own_country_or_body(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert named(recognizer, nlp, text) == expected


def test_a_place_in_apposition_to_a_country_is_no_actor(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    assert named(recognizer, nlp, "A bomb struck a church in Mindanao, Philippines.") == []
