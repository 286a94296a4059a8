"""A capital alone is as often a place as a government: it does not give an unplaced
official its country when the story is about another one."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def test_a_capital_as_a_modifier_does_not_place_a_later_minister(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    doc = nlp(
        "A blast killed a Doha TV cameraman in the port of Aden, Yemen. Several Yemeni "
        "civilians died too. The bomb was hidden in a cart, stated Minister of Information "
        "Salem al-Harithi."
    )
    ministers = [m for m in recognizer.find(doc) if "Harithi" in doc[m.start : m.end].text]
    assert [m.actor.code for m in ministers] == ["YEMGOV"]
