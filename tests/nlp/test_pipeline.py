"""The pipeline loader: who multiplies the matrices, and that the choice keeps the annotation."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.errors import ConfigError
from dyadwatch.nlp.pipeline import load_pipeline

TEXT = (
    "The mayor of the coastal town said on Tuesday that her council would ask the "
    "regional government for more money. Protesters blocked the main bridge in Lagos."
)


def _uses_blis(nlp: Language) -> set[bool]:
    return {
        bool(getattr(layer.ops, "use_blis", False))
        for name in ("tok2vec", "ner")
        for layer in nlp.get_pipe(name).model.walk()  # type: ignore[attr-defined]
        if layer.name != "linear"  # spaCy builds the output layer itself when it resizes it
    }


def test_the_default_pipeline_multiplies_with_numpy(nlp: Language) -> None:
    assert _uses_blis(nlp) == {False}


def test_blis_can_be_chosen_and_annotates_alike(nlp: Language) -> None:
    other = load_pipeline(gemm="blis")
    assert _uses_blis(other) == {True}
    fast, plain = nlp(TEXT), other(TEXT)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in fast] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in plain
    ]


def test_an_unknown_gemm_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="spacy_gemm"):
        load_pipeline(gemm="fortran")
