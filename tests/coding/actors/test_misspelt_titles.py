"""Title words misspelt by one letter still make a speaker an actor, where a title stands and
when the misspelling is no English word (coding/actors/misspelt.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.misspelt import english_word
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.model import Event


def coded(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.actor.code) for m in recognizer.find(doc)]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "American voters were angry. Represenative Lorna Beck criticised the White House.",
            ("Represenative Lorna Beck", "USALEG"),
        ),
        (
            "The Chilean Senetor Tomas Irarrazaval opposed the bill.",
            ("Chilean Senetor Tomas Irarrazaval", "CHLLEG"),
        ),
        ("A spokeman for the Kenyan police denied the claim.", ("spokeman", "KENCOP")),
    ],
)
def test_misspelt_titles_one_letter_off_title_is_the_title(
    recognizer: ActorRecognizer, nlp: Language, text: str, mention: tuple[str, str]
) -> None:
    assert mention in coded(recognizer, nlp, text)


def test_misspelt_titles_misspelt_spokesman_speaks_for_the_office(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted(
        "A Kenyan court blocked the new tax. A spokeman for the Kenyan finance ministry "
        "criticised the ruling."
    )
    assert any(e.source.code == "KENGOV" and e.code.startswith("11") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # an English word one letter from a title is that word
        "The Resident Lorna Beck complained about the noise.",
        "Reported Lorna Beck, the paper said.",
        # not where a title stands: no name after it, no "a ... for"
        "He said the represenative was late.",
        # short words are never read as misspellings ("Senatr" is too short)
        "Senatr Lorna Beck spoke.",
    ],
)
def test_misspelt_titles_english_words_and_other_places_are_not_titles(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert all(
        "Beck" not in span and "represenative" not in span.lower()
        for span, _ in coded(recognizer, nlp, text)
    )


@pytest.mark.parametrize(
    ("word", "english"),
    [("resident", True), ("offices", True), ("tighter", True), ("spokeman", False)],
)
def test_misspelt_titles_english_word_check(word: str, english: bool) -> None:
    assert english_word(word) is english


def test_misspelt_titles_house_member_after_the_committee_they_chair(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = coded(
        recognizer,
        nlp,
        "Americans were angry. The chair of the House Judiciary Committee Represenative "
        "Lorna Beck criticised the White House.",
    )
    assert ("Judiciary Committee Represenative Lorna Beck", "USALEG") in found
