"""A country's name that is a word of a person's name is not the country
(actors/recognizer.py, _in_person_name)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def countries(nlp: Language, recognizer: ActorRecognizer, text: str) -> set[str | None]:
    return {m.actor.country for m in recognizer.find(nlp(text))}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Columnist Bill Israel criticised Cuba on Monday.", "ISR"),
        ("Kenya Moore, a singer, visited Peru.", "KEN"),
    ],
)
def test_a_country_word_in_a_persons_name_is_not_the_country(
    nlp: Language, recognizer: ActorRecognizer, text: str, absent: str
) -> None:
    assert absent not in countries(nlp, recognizer, text)


def test_a_country_next_to_a_name_it_qualifies_stays(
    nlp: Language, recognizer: ActorRecognizer
) -> None:
    found = countries(nlp, recognizer, "Israel's Ariel Sharon met Egypt's Hosni Mubarak.")
    assert {"ISR", "EGY"} <= found
