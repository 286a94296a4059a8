"""Negation hung on an auxiliary, purpose clauses and conditional threats (issue 9)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import Document


def _events(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="m9", text=text, date=dt.date(2020, 1, 15))
    return [(e.source.code, e.code, e.modality) for e in coder.code(doc)]


def test_not_on_the_auxiliary_with_words_between_negates(coder: Coder) -> None:
    found = _events(coder, "Russia had not, as of Friday, released the Ukrainian sailors.")
    assert found and all(m == "negated" for _, _, m in found)


def test_conditional_threat_is_an_asserted_threat(coder: Coder) -> None:
    found = _events(coder, "Russia will cut gas supplies to Ukraine unless Kyiv pays its debts.")
    assert ("RUS", "1311", "asserted") in found


def test_for_subject_to_infinitive_is_a_purpose(nlp: Language) -> None:
    doc = nlp("The assembly voted for the garrison to occupy the border post.")
    occupy = next(t for t in doc if t.lower_ == "occupy")
    assert modality_of(occupy) == "hypothetical"
