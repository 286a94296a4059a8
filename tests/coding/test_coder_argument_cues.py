"""Arguments the coder takes from the sentence's own cues (round 2 of issue 9): coordinated
titled people the parser splits, the country of people and organisations only the entity
recogniser finds, the members of an organisation, and acts whose fallback target is not the
source's own country (docs/verbs.md, docs/dictionaries.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the first titled name from the second one's title
        (
            "On October 2, US President Donald Trump and Mexican President Andres Manuel"
            " Lopez Obrador spoke on the phone.",
            {("USA", "MEX")},
        ),
        (
            "In July, US President Donald Trump and Turkish President Recep Tayyip Erdogan"
            " talked on the phone.",
            {("USA", "TUR")},
        ),
    ],
)
def test_titled_people_joined_by_and_act_together(
    coder: Coder, text: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(coded(coder, text)) == expected
