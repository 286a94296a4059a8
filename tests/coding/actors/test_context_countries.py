"""Where an actor's country comes from: a capital alone is as often a place as a government
(it does not place an unplaced official); a group "based in" a country is that country's."""

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


def test_a_group_based_in_a_country_is_that_countrys(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    doc = nlp("An armed group based in Chad claimed the raid on the convoy.")
    codes = [m.actor.code for m in recognizer.find(doc)]
    assert codes[0].startswith("TCD")
