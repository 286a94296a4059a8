"""A country abbreviation fused with its hyphenated word ("U.S.-led") is read like "Saudi-led":
the leader acts, a backer or maker does not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def coded_words(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.actor.code) for m in recognizer.find(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A U.S.-led alliance shelled the port on Friday.", ("U.S.-led", "USA")),
        ("U.K.-led troops patrolled the valley.", ("U.K.-led troops", "GBRMIL")),
    ],
)
def test_a_fused_led_country_is_the_actor(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in coded_words(recognizer, nlp, text)


def test_a_fused_backed_country_is_not_the_actor(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded_words(recognizer, nlp, "The U.S.-backed militia seized a bridge.")
    assert all(code[:3] != "USA" for _text, code in found)


def test_fused_a_space_after_the_hyphen_keeps_the_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # wire copy leaves a space after the hyphen where a line broke: "U.S.- flagged"
    found = coded_words(recognizer, nlp, "Gunboats fired on a U.S.- flagged tanker near Aden.")
    assert ("U.S.-", "USA") in found, found


def test_fused_a_suspended_hyphen_is_not_read_with_the_next_word(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    # "U.S.- and EU-backed": the hyphen waits for "backed", "and" is no suffix
    found = coded_words(recognizer, nlp, "The U.S.- and EU-backed plan was shelved.")
    assert all(code[:3] != "USA" for _text, code in found), found
