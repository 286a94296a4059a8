"""An act undertaken, carried out or committed is that act, not a pledge (030): "undertook an
act of aggression against X" is force against X. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def triples(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code, e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=dt.date(1987, 5, 4)))
        if e.modality == "asserted"
    }


def test_undertaken_acts_act_of_aggression_is_force(coder: Coder) -> None:
    found = triples(coder, "Denmark has undertaken an act of armed aggression against Norway.")
    assert ("DNK", "190", "NOR") in found
    assert not any(code.startswith("03") for _s, code, _t in found)


def test_undertaken_acts_committed_aggression_is_force(coder: Coder) -> None:
    found = triples(coder, "Denmark committed an act of aggression against Norway.")
    assert ("DNK", "190", "NOR") in found
    assert not any(code.startswith("03") for _s, code, _t in found)


def test_undertaken_acts_undertaking_to_pay_stays_a_pledge(coder: Coder) -> None:
    found = triples(coder, "Denmark undertook to pay Norway for the damage.")
    assert any(code.startswith("03") for _s, code, _t in found)
