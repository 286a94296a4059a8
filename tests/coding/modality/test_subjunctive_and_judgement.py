"""What should happen and what may have happened are not asserted acts: the mandative
subjunctive ("insisted that the navy leave") and a clause judged by the copula's adjective
("it is possible that rebels fired")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.coding.modality.rules import is_subjunctive


def verb(nlp: Language, sentence: str, text: str) -> str:
    token = next(t for t in nlp(sentence) if t.text == text)
    return modality_of(token)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The senator insisted that the navy leave the gulf.", "leave"),
        ("Ministers asked that the embassy be reopened at once.", "reopened"),
        ("He said he had approved the plan, and that the army guard the border.", "guard"),
    ],
)
def test_a_mandative_subjunctive_is_not_asserted(nlp: Language, sentence: str, word: str) -> None:
    assert verb(nlp, sentence, word) == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The senator said that the navy left the gulf.", "left"),
        ("Ministers said that the embassy was reopened at once.", "reopened"),
        ("The senator said that the navy leaves the gulf every spring.", "leaves"),
    ],
)
def test_an_indicative_clause_stays_asserted(nlp: Language, sentence: str, word: str) -> None:
    assert verb(nlp, sentence, word) == "asserted"


def test_an_imperative_is_no_subjunctive(nlp: Language) -> None:
    token = next(t for t in nlp("Leave the gulf now.") if t.text == "Leave")
    assert not is_subjunctive(token)


@pytest.mark.parametrize("adjective", ["likely", "possible", "probable", "unclear"])
def test_a_clause_judged_by_a_copula_adjective_is_hypothetical(
    nlp: Language, adjective: str
) -> None:
    sentence = f"It is {adjective} that the militia shelled the airport."
    assert verb(nlp, sentence, "shelled") == "hypothetical"


def test_a_clause_after_a_factual_copula_stays_asserted(nlp: Language) -> None:
    assert verb(nlp, "It is true that the militia shelled the airport.", "shelled") == "asserted"
