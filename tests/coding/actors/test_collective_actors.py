"""Unnamed collectives (agents.tsv): critics, plaintiffs, locals, households, civic and
advocacy groups are actors. A word of no sector ("critics") is coded by its country alone;
the country comes from the phrase ("Dutch critics", "critics in Chile", "the mayor's
critics"), else where the story happens, never from whom the critics are against."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def coded(recognizer: ActorRecognizer, nlp: Language, text: str, word: str) -> str | None:
    doc = nlp(text)
    context = recognizer.new_context()
    context.home = "CAN"  # a story datelined in Canada
    for mention in recognizer.find(doc, None, context):
        if word in doc[mention.start : mention.end].text:
            return mention.actor.code
    return None


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Dutch critics mocked the budget on Monday.", "critics", "NLD"),
        ("Critics in Chile mocked the budget on Monday.", "Critics", "CHL"),
        ("Critics from across Peru mocked the budget.", "Critics", "PER"),
        ("Critics from across Peru's political spectrum mocked it.", "Critics", "PER"),
        ("Critics mocked the budget on Monday.", "Critics", "CAN"),
        ("Plaintiffs asked the court to stop the pipeline.", "Plaintiffs", "CAN"),
        ("Households were told to boil their water.", "Households", "CANCVL"),
        ("Locals blocked the road to the mine.", "Locals", "CANCVL"),
        ("Church groups urged the council to house the migrants.", "Church groups", "CANCVL"),
        ("Environmental organisations sued the province.", "organisations", "CANENV"),
        ("Activist groups rallied against the bill.", "Activist groups", "CANNGO"),
        ("Party members voted to replace the leader.", "Party members", "CANPTY"),
        ("Opposition critics mocked the budget.", "Opposition critics", "CANOPP"),
    ],
)
def test_collective_actors_take_their_phrase_or_story_country(
    recognizer: ActorRecognizer, nlp: Language, text: str, word: str, code: str
) -> None:
    assert coded(recognizer, nlp, text, word) == code


def test_collective_actors_critics_of_a_country_are_not_its_own(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = "Critics of Brazil mocked the budget on Monday."
    assert coded(recognizer, nlp, text, "Critics") == "CAN"


def test_collective_actors_possessor_gives_the_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = "Justin Trudeau's critics mocked the budget on Monday."
    context = recognizer.new_context()
    codes = {m.actor.code for m in recognizer.find(nlp(text), None, context)}
    assert "CAN" in codes


def test_collective_actors_sectorless_word_without_country_is_no_actor(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    codes = [m.actor.code for m in recognizer.find(nlp("Critics mocked the budget."))]
    assert "" not in codes
    assert codes == []


@pytest.mark.parametrize(
    "text", ["Many people mocked the budget.", "Others mocked the budget on Monday."]
)
def test_collective_actors_leave_generic_words_out(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert coded(recognizer, nlp, text, text.split()[0]) is None
