"""Negation hung on an auxiliary, purpose clauses and conditional threats (issue 9)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import Document


def _events(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="m9", text=text, date=dt.date(2020, 1, 15))
    return [(e.source.code, e.code, e.modality) for e in coder.code(doc)]


def test_not_on_the_auxiliary_with_words_between_negates(coder: Coder) -> None:
    found = _events(coder, "Russia had not, as of Friday, released the Ukrainian sailors.")
    assert found and all(m == "negated" for _, _, m in found)


def test_conditional_threat_is_an_asserted_threat(coder: Coder) -> None:
    found = _events(coder, "Russia will cut gas supplies to Ukraine unless Kyiv pays its debts.")
    assert ("RUS", "1311", "asserted") in found


def test_for_subject_to_infinitive_is_a_purpose(nlp: Language) -> None:
    doc = nlp("The assembly voted for the garrison to occupy the border post.")
    occupy = next(t for t in doc if t.lower_ == "occupy")
    assert modality_of(occupy) == "hypothetical"


def test_an_ultimatum_to_leave_an_agreement_is_a_threat_aimed_at_who_must_act(
    coder: Coder,
) -> None:
    doc = Document(
        id="m9", text="Peru will quit the fishing treaty unless Chile releases the trawlers."
    )
    events = [(e.source.code, e.root_code, e.target and e.target.code, e.modality)
              for e in coder.code(doc)]  # fmt: skip
    assert ("PER", "13", "CHL", "asserted") in events
    assert not any(root == "12" and m == "asserted" for _, root, _, m in events)


def test_if_not_is_an_ultimatum_and_a_plain_if_is_not(coder: Coder) -> None:
    threat = _events(coder, "Peru will quit the fishing treaty if Chile does not pay.")
    plain = _events(coder, "Peru will quit the fishing treaty if Chile pays.")
    assert any(code.startswith("13") for _, code, _ in threat)
    assert not any(code.startswith("13") for _, code, _ in plain)


def test_force_against_an_abstract_thing_is_a_metaphor(coder: Coder) -> None:
    for text in (
        "The Peruvian minister said Chile had shot down the proposal.",
        "Peru declared an economic war on Chile.",
        "The Chilean tariffs will kill Peruvian jobs.",
    ):
        assert not any(code[:2] in {"18", "19", "20"} for _, code, _ in _events(coder, text)), text


def test_force_against_people_and_places_is_still_force(coder: Coder) -> None:
    found = _events(coder, "Peruvian troops attacked Chilean positions on the border.")
    assert any(code[:2] == "19" for _, code, _ in found)


def test_a_promise_to_destroy_an_economy_is_still_a_threat(coder: Coder) -> None:
    found = _events(coder, '"We will destroy the economy of Chile," the Peruvian president said.')
    assert any(code.startswith("13") and m == "asserted" for _, code, m in found)


def test_an_operation_launched_to_arrest_people_is_an_arrest(coder: Coder) -> None:
    for text in (
        "The Peruvian police on Friday launched operations to arrest 40 suspected smugglers.",
        "The Chilean army launched an operation to capture the rebel leader.",
    ):
        codes = {(c, m) for _, c, m in _events(coder, text)}
        assert ("173", "asserted") in codes, text


def test_a_plan_to_arrest_people_is_still_a_purpose(coder: Coder) -> None:
    found = _events(coder, "The Peruvian police drew up plans to arrest the smugglers.")
    assert ("173", "asserted") not in {(c, m) for _, c, m in found}


def test_a_condition_after_a_colon_is_what_the_ultimatum_says(coder: Coder) -> None:
    text = "Brazil has issued an ultimatum to Paraguay: if it closes the border, tariffs follow."
    assert ("BRA", "139", "asserted") in _events(coder, text)
