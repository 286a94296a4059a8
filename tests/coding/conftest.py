"""Fixtures for the coding tests, built once per session: the actor recognizer, the coder
(full parse, and with the sentence prefilter) and the place resolver."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.places.placer import Placer
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
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


Dyad = tuple[str | None, str, str | None]


@pytest.fixture(scope="session")
def asserted(coder: Coder) -> Callable[[str], list[Event]]:
    """Code one text and keep its asserted events."""

    def run(text: str) -> list[Event]:
        return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]

    return run


def dyads_of(events: list[Event]) -> set[Dyad]:
    """(source country, CAMEO root, target country) of each event."""
    return {(e.source.country, e.code[:2], e.target.country if e.target else None) for e in events}


@pytest.fixture(scope="session")
def asserted_dyads(asserted: Callable[[str], list[Event]]) -> Callable[[str], set[Dyad]]:
    """Code one text: the (source country, root, target country) of its asserted events."""
    return lambda text: dyads_of(asserted(text))


@pytest.fixture(scope="session")
def asserted_triples(asserted: Callable[[str], list[Event]]) -> Callable[[str], set[Dyad]]:
    """Code one text: the (source country, full CAMEO code, target country) of its asserted
    events."""
    return lambda text: {
        (e.source.country, e.code, e.target.country if e.target else None) for e in asserted(text)
    }
