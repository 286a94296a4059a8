"""A bracketed gloss between a title and a name ("MP (Member of Parliament) X", "Senator
(D-Ohio) X") keeps the title on the name after it (coding/actors/rules.py
``skip_title_gloss``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.model import Event


def coded(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.actor.code) for m in recognizer.find(doc)]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "British Labour MP (Member of Parliament) Gareth Pryce criticised the budget.",
            ("MP (Member of Parliament) Gareth Pryce", "GBRLEG"),
        ),
        (
            "Kenyan Foreign Minister (FM) Wanjiru Odhiambo flew to Addis Ababa.",
            ("Kenyan Foreign Minister (FM) Wanjiru Odhiambo", "KENGOV"),
        ),
    ],
)
def test_skip_title_gloss_title_keeps_the_name_after_a_bracket(
    recognizer: ActorRecognizer, nlp: Language, text: str, mention: tuple[str, str]
) -> None:
    assert mention in coded(recognizer, nlp, text)


def test_skip_title_gloss_speaker_named_in_full_later_is_the_titled_member(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted(
        "Speakers at the rally included British Labour MP (Member of Parliament) Gareth "
        "Pryce. Gareth Pryce called the government's plan reckless."
    )
    assert any(e.source.code == "GBRLEG" and e.code.startswith("11") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # a clause in brackets, not a gloss of the title
        "The British minister (who was not present) Gareth Pryce was named.",
        # no name after the bracket: the bracket ends the title
        "He met the British Prime Minister (PM). Later he left.",
        # the bracket closes too far away
        "The British minister (Secretary For Trade And Industry Of The Realm) Gareth Pryce left.",
    ],
)
def test_skip_title_gloss_no_gloss_no_name(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert not any("(" in span and "Pryce" in span for span, _ in coded(recognizer, nlp, text))
