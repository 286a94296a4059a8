"""Wishes and "should" opinions that promise or demand nothing of anyone."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def asserted_codes(coder: Coder, text: str) -> list[tuple[str, str | None]]:
    events = coder.code(Document(id="d1", text=text))
    return [
        (e.code, e.target.country if e.target else None) for e in events if e.modality == "asserted"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president said the coastal forests should be opened up to mining.",
        "The Ghanaian education minister said the old library must be rebuilt.",
    ],
)
def test_should_about_no_actor_is_no_demand(coder: Coder, text: str) -> None:
    assert not any(code.startswith("10") for code, _ in asserted_codes(coder, text))


def test_should_about_an_actor_stays_an_appeal(coder: Coder) -> None:
    found = asserted_codes(coder, "The Kenyan foreign minister said Uganda should apologise.")
    assert any(code.startswith("02") and target == "UGA" for code, target in found)


def test_must_about_an_actor_stays_a_demand(coder: Coder) -> None:
    found = asserted_codes(coder, "The Kenyan foreign minister said Uganda must apologise.")
    assert any(code.startswith("10") and target == "UGA" for code, target in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Bolivian president wanted a quick victory in the football final.",
        "The Bolivian court determined the ballots had been counted twice.",
        "Bolivian officials prefer silence to open debate.",
    ],
)
def test_a_wish_or_a_finding_is_no_intent(coder: Coder, text: str) -> None:
    assert not any(code.startswith("03") for code, _ in asserted_codes(coder, text))


def test_a_wish_to_act_with_someone_stays_an_intent(coder: Coder) -> None:
    found = asserted_codes(coder, "Kenya's president wants to hold talks with Uganda.")
    assert any(code.startswith("03") and target == "UGA" for code, target in found)
