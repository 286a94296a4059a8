"""A generic agent who speaks for a body ("a spokesman for X", "officials of X") is coded as
that body: an organisation acts itself, a body of a sector lends its sector."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def code_of(recognizer: ActorRecognizer, nlp: Language, text: str, word: str) -> str:
    doc = nlp(text)
    found = {doc[m.start : m.end].text: m.actor.code for m in recognizer.find(doc)}
    return found[word]


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # an international organisation speaks through its members
        ("A spokeswoman for the African Union rejected the plan.", "spokeswoman", "IGOOAU"),
        ("The defence ministers of NATO met in Brussels.", "defence ministers", "IGONAT"),
        # ... and through the members it names
        ("Envoys of Arab League member states met in Cairo.", "Envoys", "IGOARL"),
        ("Officials of ASEAN countries condemned the coup.", "Officials", "IGOASN"),
        # an armed group or NGO through its spokesmen
        ("A spokesman for Hezbollah denied the report.", "spokesman", "LBNREBHEZ"),
        # a body of a sector lends its sector, its country the one it names
        ("An official of the Egyptian navy denied the report.", "official", "EGYMIL"),
        ("A spokesman for the Danish shipping company denied it.", "spokesman", "DNKBUS"),
        # a sector-only body: the sentence's country still places the agent
        ("In Lima, an official of the mining company denied it.", "official", "PERBUS"),
    ],
)
def test_agents_speak_for_their_body(
    recognizer: ActorRecognizer, nlp: Language, text: str, word: str, code: str
) -> None:
    assert code_of(recognizer, nlp, text, word) == code


def test_activists_of_a_party_take_its_country(recognizer: ActorRecognizer, nlp: Language) -> None:
    text = "Young activists from the Likud party marched in protest."
    assert code_of(recognizer, nlp, text, "activists").startswith("ISR")


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # a people named "of" a place are its residents
        ("The Serbs of northern Kosovo rejected the vote.", "Serbs", "KSV"),
        # "in" a place is not enough: visitors, troops, officials
        ("The Americans in Kabul left the city.", "Americans", "USA"),
        # a people alone is its country's
        ("Hungarians voted on Sunday.", "Hungarians", "HUN"),
    ],
)
def test_a_people_of_a_place_lives_there(
    recognizer: ActorRecognizer, nlp: Language, text: str, word: str, country: str
) -> None:
    doc = nlp(text)
    found = {doc[m.start : m.end].text: m.actor.country for m in recognizer.find(doc)}
    assert found[word] == country


def test_a_person_named_in_full_is_the_same_actor_by_surname(
    nlp: Language, recognizer: ActorRecognizer
) -> None:
    from dyadwatch.coding.actors.relations import entity_actors

    doc = nlp(
        "Kenyan lawmakers elected Wanjiru Odhiambo as speaker on Monday. "
        "The Kenyan president congratulated Odhiambo."
    )
    found = entity_actors(doc, recognizer.find(doc))
    later = [m for m in found if doc[m.start].text == "Odhiambo" and m.start > 10]
    assert later and later[0].actor.country == "KEN"
