"""A country that only says where something is, or labels a thing, is not whom a statement is
about (issue 9: news outside the tune set)."""

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


def statement_targets(coder: Coder, text: str) -> list[str | None]:
    events = coder.code(Document(id="t", text=text))
    return [
        e.target.country if e.target else None
        for e in events
        if e.modality == "asserted" and e.root_code == "01"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian energy officials said crews had started laying a cable to a power "
        "station in Bolivia.",
        "The Peruvian mining minister said the new road would link up with the Bolivian "
        "railway at the border.",
    ],
)
def test_a_country_that_only_places_a_thing_is_not_the_target(coder: Coder, text: str) -> None:
    assert "BOL" not in statement_targets(coder, text)


def test_a_nationality_on_an_act_still_names_the_target(coder: Coder) -> None:
    text = "The Peruvian mining minister said the plan would end Bolivian control of the mine."
    assert statement_targets(coder, text) == ["BOL"]


def test_a_country_named_as_the_subject_of_what_was_said_stays(coder: Coder) -> None:
    text = "The Peruvian mining minister said Bolivia had broken the border treaty."
    assert statement_targets(coder, text) == ["BOL"]


def test_a_company_whose_country_is_only_guessed_is_not_the_target(coder: Coder) -> None:
    # "the banks" take Bolivia only from an earlier sentence: a guess, not who was meant
    text = (
        "Peruvian officials thanked Bolivian banks on Friday. A Peruvian finance official "
        "said the banks were far too cautious."
    )
    assert "BOL" not in statement_targets(coder, text)


def test_a_company_named_with_its_country_can_be_the_target(coder: Coder) -> None:
    text = "The Peruvian trade minister said Bolivian banks had been too slow."
    assert statement_targets(coder, text) == ["BOL"]
