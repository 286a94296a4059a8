"""A government's claim about what its armed or political opponents do is the government's
charge, not their word: the charged act stays alleged though both are of one country. Its
own claims about the state's acts, and rebels' claims about their own, stay asserted.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="t", text=text, date=dt.date(1987, 5, 4)))


def test_state_charges_against_opponents_rebel_attack_is_alleged(coder: Coder) -> None:
    found = events(coder, "The Norwegian minister claimed that the rebels attacked a police post.")
    attacks = [e for e in found if e.root_code == "18"]
    assert attacks and all(e.modality != "asserted" for e in attacks)
    assert any(e.modality == "asserted" and e.code.startswith("112") for e in found)


def test_state_charges_against_opponents_party_plan_is_alleged(coder: Coder) -> None:
    text = "The South African minister alleged that the ANC is planning a bombing campaign."
    found = events(coder, text)
    assert any(e.modality == "asserted" and e.source.sector == "GOV" for e in found)
    assert not any(e.modality == "asserted" and e.source.sector == "PTY" for e in found)


def test_state_charges_against_opponents_rebels_own_claim_stays_asserted(coder: Coder) -> None:
    found = events(coder, "Rebel leaders claimed that their fighters shot down a Norwegian jet.")
    assert any(e.modality == "asserted" and e.root_code == "19" for e in found)
