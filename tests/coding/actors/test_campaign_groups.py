"""Campaign and advocacy groups are non-governmental actors (NGO), and a US state governor
before a name ("Gov. X", "Lt. Gov. X") is a government actor (agents.tsv)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def codes_of(recognizer: ActorRecognizer, nlp: Language, text: str) -> set[str]:
    return {m.actor.code for m in recognizer.find(nlp(text))}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Civil society groups condemned the new press law.", "NGO"),
        ("A campaign group filed a complaint on Monday.", "NGO"),
        ("Several non-governmental organizations left the talks.", "NGO"),
        ("The nonprofit said it would appeal.", "NGO"),
        ("Gov. Amelia Hart vetoed the bill.", "GOV"),
        ("Lt. Gov. Daniel Roe spoke at the rally.", "GOV"),
    ],
)
def test_campaign_groups_and_governors_are_actors(
    recognizer: ActorRecognizer, nlp: Language, text: str, code: str
) -> None:
    assert code in codes_of(recognizer, nlp, text)


def test_gov_without_a_name_is_no_actor(recognizer: ActorRecognizer, nlp: Language) -> None:
    assert codes_of(recognizer, nlp, "Read more at gov.uk today.") == set()
