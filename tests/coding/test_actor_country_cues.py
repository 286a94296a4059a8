"""A bare agent ("officials", "the president") does not take its country from whom it acts on."""

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


@pytest.mark.parametrize(
    "text",
    [
        "Officials condemned the Turkish army.",
        "The president was urging allies such as Norway to spend more.",
        "Diplomats criticised Venezuela on Monday.",
    ],
)
def test_the_target_country_is_not_the_sources(coder: Coder, text: str) -> None:
    events = coded(coder, text)
    assert events
    for event in events:
        assert event.target is None or event.source.country != event.target.country
        assert event.source.country not in {"TUR", "NOR", "VEN"}


def test_the_place_of_the_act_still_places_the_agent(coder: Coder) -> None:
    events = coded(coder, "Police detained protesters in Nairobi.")
    assert [e.source.country for e in events] == ["KEN"]
