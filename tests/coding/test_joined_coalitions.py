"""Joining an armed coalition or mission is military cooperation (062) with whoever leads it
(coding/events/joined.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def triples(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code, e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text))
        if e.modality == "asserted"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Chile joined the naval coalition led by Brazil.",
        "Chile joined the Brazilian-led naval coalition.",
        "Brazil formed a naval coalition that was joined by Chile.",
    ],
)
def test_joining_a_coalition_is_cooperation_with_its_leader(coder: Coder, text: str) -> None:
    assert ("CHL", "062", "BRA") in triples(coder, text)


def test_each_agent_of_a_passive_relative_clause_joins(coder: Coder) -> None:
    text = "Brazil set up a military mission which was joined by Chile, Peru and Uruguay."
    found = triples(coder, text)
    assert {("CHL", "062", "BRA"), ("PER", "062", "BRA"), ("URY", "062", "BRA")} <= found


def test_a_relative_clause_of_joining_on_a_patrolled_place_is_about_the_coalition(
    coder: Coder,
) -> None:
    text = (
        "Brazil announced a naval mission to patrol the South Atlantic which was joined by "
        "Chile and Uruguay."
    )
    assert {("CHL", "062", "BRA"), ("URY", "062", "BRA")} <= triples(coder, text)


def test_joining_a_political_coalition_is_not_military_cooperation(coder: Coder) -> None:
    text = "The Chilean socialist party joined the ruling coalition."
    assert "062" not in {code for _, code, _ in triples(coder, text)}
