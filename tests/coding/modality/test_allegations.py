"""Allegations: a claim about another party's act is not asserted by the text; a claim of the
speaker's own act is (coding/modality/rules.py, modality_cues.tsv effect ``allege``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from dyadwatch.coding.modality.classify import attribution_of, modality_of
from dyadwatch.model import Event


def _verb(nlp: Language, sentence: str, verb: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == verb)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The mayor claimed soldiers burned the market.", "burned"),
        ("The envoy alleged that militias had shelled the port.", "shelled"),
        ("A newspaper claimed the minister bribed two judges.", "bribed"),
    ],
)
def test_an_allegation_about_another_party_is_hypothetical(
    nlp: Language, sentence: str, verb: str
) -> None:
    assert modality_of(_verb(nlp, sentence, verb)) == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The rebels claimed they shot down a helicopter.", "shot"),
        ("The ministry said soldiers burned the market.", "burned"),
    ],
)
def test_an_own_claim_or_a_plain_report_stays_asserted(
    nlp: Language, sentence: str, verb: str
) -> None:
    token = _verb(nlp, sentence, verb)
    assert modality_of(token) == "asserted"
    assert attribution_of(token) is not None


def test_a_claim_about_the_speakers_own_side_stays_asserted(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the coder (records.py) keeps an allegation asserted when the speaker speaks for the
    # source's side: the French president on the French army
    events = asserted("French President Emmanuel Macron claimed French troops shelled the camp.")
    assert any(e.source.country == "FRA" and e.code.startswith("19") for e in events)


def test_a_claim_about_another_sides_act_is_not_asserted(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Afghan officials claimed Pakistani troops shelled the camp.")
    assert not any(e.source.country == "PAK" for e in events)
