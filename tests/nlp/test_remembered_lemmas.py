"""The remembering lemmatizer gives every token the lemma spaCy's own lemmatizer gives."""

from __future__ import annotations

from functools import partial

import spacy
from spacy.language import Language

from dyadwatch.nlp.lemmas import remember_lemmas

TEXTS = [
    "The rebels attacked two police stations and seized weapons on Tuesday.",
    "Officials said the talks had been postponed; the ministers were meeting again.",
    "Protesters staged sit-ins, and the governments' envoys met the U.N. mediators.",
    "The attacked station was rebuilt. Better relations are better than worse ones.",
]


def test_lemmas_equal_the_shipped_lemmatizer(nlp: Language) -> None:
    plain = [[t.lemma_ for t in nlp(text)] for text in TEXTS]  # nlp(text): spaCy's own
    batched = [[t.lemma_ for t in doc] for doc in nlp.pipe(TEXTS * 2)]
    assert batched == plain * 2
    assert isinstance(nlp.get_pipe("lemmatizer").pipe, partial)  # the remembering one


def test_a_pipeline_without_a_lemmatizer_is_left_alone() -> None:
    assert not remember_lemmas(spacy.blank("en"))
