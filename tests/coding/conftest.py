"""Fixtures for the coding tests, built once per session: the actor recognizer, the coder
(full parse, and with the sentence prefilter) and the place resolver."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.places.placer import Placer
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.settings import Settings


@pytest.fixture(scope="session")
def recognizer() -> ActorRecognizer:
    return ActorRecognizer.load()


@pytest.fixture(scope="session")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    """The coder parsing every sentence."""
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


@pytest.fixture(scope="session")
def prefiltered(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    """The coder parsing only the sentences the prefilter keeps (the default setting)."""
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=True))


@pytest.fixture(scope="session")
def placer() -> Placer:
    return Placer.load()
