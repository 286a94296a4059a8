"""Verbal cooperation among companies, banks and unions is business news, not political event
data (issue 9: precision on news outside the tune set)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


def make(nlp: Language, recognizer: ActorRecognizer, keep: bool) -> Coder:
    settings = Settings(prefilter=False, nonpolitical_statements=keep)
    return Coder(nlp, recognizer, default_verbs(), settings=settings)


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return make(nlp, recognizer, keep=False)


@pytest.fixture(scope="module")
def permissive(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return make(nlp, recognizer, keep=True)


def cooperation(coder: Coder, text: str) -> list[Event]:
    events = coder.code(Document(id="t", text=text))
    return [e for e in events if e.modality == "asserted" and e.root_code in {"03", "04", "05"}]


BUSINESS = "The Chilean copper company said it plans to sell new shares to investors."


def test_a_company_plan_is_not_event_data(coder: Coder) -> None:
    assert cooperation(coder, BUSINESS) == []


def test_the_setting_keeps_business_cooperation(permissive: Coder) -> None:
    assert [e.source.sector for e in cooperation(permissive, BUSINESS)] == ["BUS"]


def test_a_company_that_deals_with_a_government_stays(coder: Coder) -> None:
    text = "Chilean copper companies agreed to cooperate with the Peruvian government."
    events = cooperation(coder, text)
    assert [(e.source.sector, e.target.code if e.target else None) for e in events] == [
        ("BUS", "PERGOV")
    ]


def test_a_government_plan_stays(coder: Coder) -> None:
    text = "The Chilean government said it plans to cooperate with Peru on fishing."
    assert [e.source.code for e in cooperation(coder, text)] == ["CHLGOV"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile intends to improve the marketing of its wine, the finance minister said.",
        "The Chilean government plans to simplify its customs forms.",
    ],
)
def test_a_plan_that_promises_no_one_anything_is_no_intent_to_cooperate(
    coder: Coder, text: str
) -> None:
    assert [e.code for e in cooperation(coder, text) if e.target is None] == []


def test_a_promise_to_another_country_stays(coder: Coder) -> None:
    text = "The Chilean government plans to give Peru new loans."
    events = cooperation(coder, text)
    assert [e.target.country if e.target else None for e in events] == ["PER"]


def test_wishing_to_stress_something_is_a_statement_not_an_intent(coder: Coder) -> None:
    text = "The Chilean president wanted to stress that Peru had broken the fishing treaty."
    events = [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]
    assert [(e.code, e.target.country if e.target else None) for e in events] == [("010", "PER")]
