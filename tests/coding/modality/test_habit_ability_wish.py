"""Three kinds of "would" and "able" that assert (coding/modality/rules.py): the past of
habit ("would often raid"), a past ability used ("was able to"), a softened wish ("would like
to"), next to the hypothetical readings they must not swallow; and the present-tense terms of
an instrument ("Under the treaty, each side inspects ..."), which are no events."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import Event


def _verb(nlp: Language, sentence: str, verb: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == verb)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("In those years the militia would often raid farms near the river.", "raid"),
        ("Border guards would sometimes fire on the smugglers.", "fire"),
        ("The envoy was able to broker a truce in March.", "broker"),
        ("The police had been able to detain two of the organisers.", "detain"),
    ],
)
def test_habit_and_past_ability_are_asserted(nlp: Language, sentence: str, verb: str) -> None:
    assert modality_of(_verb(nlp, sentence, verb)) == "asserted"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The militia would raid the farms.", "raid"),
        ("If provoked, border guards would often fire on the smugglers.", "fire"),
        ("The navy is able to intercept the tankers.", "intercept"),
        ("The navy would be able to intercept the tankers.", "intercept"),
    ],
)
def test_plain_would_and_present_ability_stay_unreal(
    nlp: Language, sentence: str, verb: str
) -> None:
    assert modality_of(_verb(nlp, sentence, verb)) != "asserted"


def test_not_able_is_not_asserted(nlp: Language) -> None:
    sentence = "The envoy was not able to broker a truce."
    assert modality_of(_verb(nlp, sentence, "broker")) != "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president said he would like to meet the Chilean leader.",
        "The Peruvian president would prefer to negotiate with Chile.",
    ],
)
def test_a_softened_wish_is_an_asserted_intent(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    intents = [e for e in asserted(text) if e.root_code == "03"]
    assert intents and intents[0].target is not None and intents[0].target.country == "CHL"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Under the constitution, the senate impeaches the president.", "impeaches"),
        ("Under the treaty, each side inspects the other's missile sites.", "inspects"),
        ("Under the deal, Quito pays the debt and Lima lifts the tariffs.", "lifts"),
    ],
)
def test_the_terms_of_an_instrument_are_not_events(nlp: Language, sentence: str, verb: str) -> None:
    assert modality_of(_verb(nlp, sentence, verb)) == "hypothetical"


def test_a_past_act_under_an_instrument_is_asserted(nlp: Language) -> None:
    sentence = "Under the treaty, Peru returned the border town to Chile in 1929."
    assert modality_of(_verb(nlp, sentence, "returned")) == "asserted"
