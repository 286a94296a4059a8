"""Material acts told in constructions that hide whom they act on (issue 9): a passive
participle after a subordinator or fronted, a passive gerund after "after"/"before", a relative
clause's passive, and an act the subject undergoes ("is serving a sentence").
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.tokens import Doc

from dyadwatch.coding.roles import passive_patient
from dyadwatch.model import Event

Run = Callable[[str], list[Event]]


def _codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_clauses_subordinated_participle_is_passive(asserted: Run) -> None:
    found = _codes(
        asserted("The Malian officers, although briefly suspended from duty, went back to work.")
    )
    assert ("MLIGOV", "172", "MLIMIL") in found


def test_implied_fronted_participle_acts_on_the_clause_subject(asserted: Run) -> None:
    found = _codes(asserted("Detained in 2004, the Ghanaian journalist was freed two years later."))
    assert ("GHACOP", "173", "GHAMED") in found


def test_implied_passive_gerund_acts_on_the_governing_subject(asserted: Run) -> None:
    found = _codes(
        asserted("The Bolivian activist left the country after being charged with sedition.")
    )
    assert ("BOLJUD", "173", "BOLCVL") in found


def test_roles_passive_gerund_with_agent_targets_the_governing_subject(asserted: Run) -> None:
    found = _codes(
        asserted("Two Chilean journalists fled the city after being threatened by the militia.")
    )
    assert ("CHLREB", "130", "CHLMED") in found


def test_roles_relative_passive_patient_is_the_antecedent() -> None:
    # the relative pronoun stands for the noun it hangs on, whose country the police are of
    words = ["the", "editor", ",", "who", "was", "jailed"]
    heads = [1, 1, 1, 5, 5, 1]
    deps = ["det", "ROOT", "punct", "nsubjpass", "auxpass", "relcl"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    patient = passive_patient(doc[5])
    assert patient is not None and patient.text == "editor"


def test_implied_serving_a_sentence_is_the_courts_act(asserted: Run) -> None:
    found = _codes(asserted("The Chadian rebel commander is serving a twenty-year sentence."))
    assert ("TCDJUD", "173", "TCDREB") in found


def test_verbs_held_in_custody_is_a_detention(asserted: Run) -> None:
    found = _codes(asserted("The Nepali editor is being held in custody in Kathmandu."))
    assert any(src == "NPLCOP" and code == "173" for src, code, _ in found)


def test_verbs_orchestrating_an_attack_is_the_attack(asserted: Run) -> None:
    found = _codes(asserted("Hezbollah orchestrated the bombing of the Israeli embassy."))
    assert any(code.startswith("18") and tgt == "ISRGOV" for _, code, tgt in found)


def test_passive_constructions_leave_other_senses_alone(asserted: Run) -> None:
    # serving a term of office, a condition, a subordinated question: no legal act
    assert not any(
        e.code.startswith("17") for e in asserted("The Nigerian senator is serving a second term.")
    )
    assert not any(
        e.code.startswith("17")
        for e in asserted("When asked about the vote, the Chadian minister declined to comment.")
    )
    assert not any(
        e.code.startswith("17")
        for e in asserted("If convicted, the Zambian mayor could lose his seat.")
    )
