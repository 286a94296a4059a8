"""Hedged, blamed and "only if" acts are not asserted; a reported or earlier real act still is
(modality/rules.py, events/complements.py ``only_if``, modality_cues.tsv kind ``hedge``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import Document


def _modality(nlp: Language, sentence: str, verb: str) -> str:
    return modality_of(next(t for t in nlp(sentence) if t.text == verb))


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The depot was bombed overnight, perhaps by the rebel militia.", "bombed"),
        ("Border guards possibly fired at the fishing boat.", "fired"),
        ("Maybe the navy seized the tanker in the strait.", "seized"),
    ],
)
def test_modality_hedged_act_is_hypothetical(nlp: Language, sentence: str, verb: str) -> None:
    assert _modality(nlp, sentence, verb) == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        # news tells a reported act as a fact
        ("Gunmen reportedly abducted three aid workers near the camp.", "abducted"),
        ("The strike came after the army shelled two villages.", "shelled"),
    ],
)
def test_modality_reported_or_earlier_act_stays_asserted(
    nlp: Language, sentence: str, verb: str
) -> None:
    assert _modality(nlp, sentence, verb) == "asserted"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Opposition parties blame the governor for arming the local militias.", "arming"),
        ("The union criticised the mayor for closing the harbour to trawlers.", "closing"),
    ],
)
def test_modality_act_blamed_or_criticised_for_is_alleged(
    nlp: Language, sentence: str, verb: str
) -> None:
    assert _modality(nlp, sentence, verb) == "hypothetical"


def test_modality_blame_itself_stays_asserted(coder: Coder) -> None:
    text = "Opposition parties in Chile blamed the Peruvian army for attacking the convoy."
    events = coder.code(Document(id="t", text=text))
    assert any(e.code == "112" and e.modality == "asserted" for e in events)
    assert not any(e.code.startswith("19") and e.modality == "asserted" for e in events)


def test_modality_promise_only_if_a_condition_is_met_is_no_intent(coder: Coder) -> None:
    text = "The Greek premier said he would only sign the treaty with Turkey if the border changed."
    events = coder.code(Document(id="t", text=text))
    assert not [e.code for e in events if e.code.startswith("03") and e.modality == "asserted"]


def test_modality_plain_promise_is_still_an_intent(coder: Coder) -> None:
    text = "The Greek premier said he would sign the treaty with Turkey next month."
    events = coder.code(Document(id="t", text=text))
    assert [e.code for e in events if e.code.startswith("03") and e.modality == "asserted"]


def test_modality_charge_by_compatriots_stays_alleged(coder: Coder) -> None:
    # critics of the same country do not speak for the side they charge
    text = (
        "Chile's president has said the coast should be opened up to mining, and his Chilean "
        "critics blame him for encouraging miners and fishermen to dump waste."
    )
    events = coder.code(Document(id="t", text=text))
    assert any(e.code == "112" and e.modality == "asserted" for e in events)
    assert not any(e.code.startswith("02") and e.modality == "asserted" for e in events)
