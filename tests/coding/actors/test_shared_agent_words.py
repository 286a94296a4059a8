"""A plural agent ("the defence ministers") after officials of that title from several
countries stands for them all: it takes no one country from the story, where a singular one
still takes the country last named with its title (actors/context.py, ``shared_word``)."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def _countries(recognizer: ActorRecognizer, nlp: Language, text: str, word: str) -> list[str]:
    doc = nlp(text)
    return [
        m.actor.country or "-"
        for m in recognizer.find(doc)
        if doc[m.start : m.end].text.lower().endswith(word)
    ]


def test_a_plural_title_after_several_countries_takes_none_of_them(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = (
        "The Kenyan defence minister hosted talks in Mombasa on Monday. "
        "The Ugandan defence minister attended as a guest. "
        "The defence ministers signed a pledge to share patrol data."
    )
    assert _countries(recognizer, nlp, text, "defence ministers") == ["-"]
    # a singular one still takes the country last named with its title
    singular = text.replace("The defence ministers", "The defence minister")
    assert _countries(recognizer, nlp, singular, "defence minister")[-1] == "UGA"
