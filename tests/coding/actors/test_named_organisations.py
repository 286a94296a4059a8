"""Bodies the dictionaries lack but whose name says they are organisations act as NGOs."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.organisations import named_organisations
from dyadwatch.coding.actors.recognizer import ActorRecognizer


def organisations(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    found = named_organisations(doc, recognizer.find(doc))
    return [doc[m.start : m.end].text for m in found if m.actor.code == "NGO"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Coastal Liberation Front declared a truce on Sunday.", "Coastal Liberation Front"),
        (
            "The Global Campaign for Clean Rivers urged ministers to act.",
            "Global Campaign for Clean Rivers",
        ),
        ("Farmers joined the Green Valley Movement last year.", "Green Valley Movement"),
    ],
)
def test_a_capitalised_name_with_an_organisation_head_is_an_ngo(
    recognizer: ActorRecognizer, nlp: Language, text: str, name: str
) -> None:
    assert organisations(recognizer, nlp, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian Air Force bombed the camp.",  # a known actor inside the name
        "The movement grew quickly.",  # no name
        "The House Ethics Committee met on Monday.",  # committees are mostly the state's
        "The Association on Friday issued a statement.",  # a date is no part of a name
        "The National Rowing Federation fined the club.",  # most often a state body
    ],
)
def test_other_phrases_are_no_named_organisation(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert organisations(recognizer, nlp, text) == []


@pytest.mark.parametrize("name", ["Mercy Corps", "World Vision", "Catholic Relief Services"])
def test_international_aid_charities_are_known_ngos(
    recognizer: ActorRecognizer, nlp: Language, name: str
) -> None:
    doc = nlp(f"{name} said it had flown tents to the flooded province.")
    first = recognizer.find(doc)[0]
    assert (doc[first.start : first.end].text, first.actor.code) == (name, "NGO")
