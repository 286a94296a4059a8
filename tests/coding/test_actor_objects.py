"""A verb that needs an actor as its object (+ACTOR) needs the object itself to be one: an
actor named only in an "of" phrase on a quality or a thing does not count (issue 9)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def codes(coder: Coder, text: str) -> list[tuple[str, str | None]]:
    events = coder.code(Document(id="t", text=text))
    return [(e.code, e.target.country if e.target else None) for e in events]


def test_recognising_a_quality_of_an_actor_is_no_recognition(coder: Coder) -> None:
    found = codes(coder, "The Chilean government recognised the diligence of Peruvian farmers.")
    assert not any(code.startswith("054") for code, _ in found)


@pytest.mark.parametrize(
    "text",
    ["The Chilean government recognised the new government of Peru.", "Chile recognised Peru."],
)
def test_recognising_an_actor_stays(coder: Coder, text: str) -> None:
    assert ("054", "PER") in codes(coder, text)


def test_a_hyphenated_adjective_is_no_act(coder: Coder) -> None:
    found = codes(coder, "Chilean fishing firms were strong-armed by Peru into signing.")
    assert not any(code.startswith("07") for code, _ in found)


def test_the_verb_itself_still_codes_its_act(coder: Coder) -> None:
    assert any(code == "072" for code, _ in codes(coder, "Chile armed the Peruvian rebels."))
