"""Actors of domestic politics: cabinet posts styled "X Secretary", chiefs of staff and the
party leaders of a legislature, with their country from the story."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def codes(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[str]:
    context = recognizer.new_context()
    found: list[str] = []
    for sentence in text.split("\n"):
        found.extend(m.actor.code for m in recognizer.find(nlp(sentence), context=context))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Canadian Treasury Secretary Jane Doerr spoke.", "CANGOV"),
        ("Australia's Commerce Secretary Tom Fenwick resigned.", "AUSGOV"),
        ("The Kenyan president's chief of staff quit.", "KENGOV"),
        ("Nigerian Senate Majority Leader Ade Balogun spoke.", "NGALEG"),
        ("Liberian Sen. Marcus Kollie spoke.", "LBRLEG"),
        ("A Ghanaian federal judge threw the case out.", "GHAJUD"),
        ("The Zambian judge adjourned the hearing.", "ZMBJUD"),
    ],
)
def test_domestic_posts_carry_their_sector(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: str
) -> None:
    assert expected in codes(recognizer, nlp, text)


def test_legislative_leader_takes_the_legislature_country_not_the_last_government(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = (
        "The Peruvian Congress voted on Monday.\n"
        "The vote followed a request by the Chilean government.\n"
        "The Senate Majority Leader, Rosa Quispe, spoke afterwards."
    )
    assert codes(recognizer, nlp, text)[-1] == "PERLEG"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sheriffs and police in Ohio detained the suspect.", "USACOP"),
        ("Oregon police questioned the driver.", "USACOP"),
        ("Voters sued the state of Arizona.", "USA"),
    ],
)
def test_us_states_give_their_country(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: str
) -> None:
    assert expected in codes(recognizer, nlp, text)


def test_an_ambiguous_state_name_before_a_surname_is_a_person(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    assert "USA" not in codes(recognizer, nlp, "Virginia Woolf wrote a novel.")
