"""Per-event confidence: direct findings score higher than fallbacks, always within [0, 1]."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.confidence import event_confidence
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def first(coder: Coder, text: str) -> Event:
    events = [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]
    assert events, text
    return events[0]


def test_every_event_has_a_confidence_in_range(coder: Coder) -> None:
    text = "Chile condemned Peru. The Chilean army said it shelled rebels in Bolivia."
    for event in coder.code(Document(id="t", text=text)):
        assert event.confidence is not None
        assert 0.0 <= event.confidence <= 1.0
        assert event.to_dict()["confidence"] == event.confidence


def test_a_direct_dyad_outranks_a_default_target(coder: Coder) -> None:
    direct = first(coder, "Chile condemned Peru on Monday.")
    placed = first(coder, "The Chilean army imposed a curfew in Bolivia.")
    assert direct.confidence is not None and direct.confidence >= 0.9
    assert placed.confidence is not None and placed.confidence < direct.confidence


def test_a_country_taken_from_the_sentence_lowers_confidence(nlp: Language) -> None:
    doc = nlp("Troops attacked the town.")
    direct = {"verb": "verbs:attack", "source": "nsubj: countries.tsv:1 Chile"}
    context = {
        "verb": "verbs:attack",
        "source": "nsubj: agents.tsv:28 troops + (country from context: CHL)",
    }
    assert event_confidence(context, doc[1], False) < event_confidence(direct, doc[1], False)


def test_a_specific_pattern_outranks_a_bare_lemma(nlp: Language) -> None:
    doc = nlp("Chile expelled the envoy.")
    bare = {"verb": "verbs:expel", "source": "nsubj: x"}
    specific = {"verb": "verbs:expel +ambassador|envoy", "source": "nsubj: x"}
    assert event_confidence(bare, doc[1], False) < event_confidence(specific, doc[1], False)
