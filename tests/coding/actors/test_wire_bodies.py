"""Wire news of the 1980s writes the European Community "EC", and names an organisation's
envoys by the delegation or mission they head. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def sources(coder: Coder, text: str) -> set[str]:
    events = coder.code(Document(id="t", text=text, date=dt.date(1987, 5, 4)))
    return {e.source.code for e in events if e.modality == "asserted"}


def test_wire_bodies_ec_is_the_european_community(coder: Coder) -> None:
    assert sources(coder, "The EC warned Japan over its car exports.") == {"IGOEEC"}


def test_wire_bodies_head_of_an_organisations_delegation_speaks_for_it(coder: Coder) -> None:
    text = "The head of the NATO delegation criticised the Danish plan."
    assert {s[:6] for s in sources(coder, text)} == {"IGONAT"}


def test_wire_bodies_head_of_a_countrys_delegation_keeps_the_country(coder: Coder) -> None:
    text = "The head of the French delegation criticised the Danish plan."
    assert {s[:3] for s in sources(coder, text)} == {"FRA"}


def test_wire_bodies_right_wingers_are_radicals(coder: Coder) -> None:
    text = (
        "Security is a big issue in Denmark, with right-wingers accusing the cabinet of weakness."
    )
    assert sources(coder, text) == {"DNKRAD"}
