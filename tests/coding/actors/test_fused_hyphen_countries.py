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
