"""Allegations: a claim about another party's act is not asserted by the text; a claim of the
speaker's own act is (coding/modality/rules.py, modality_cues.tsv effect ``allege``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from dyadwatch.coding.modality.classify import attribution_of, modality_of


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
