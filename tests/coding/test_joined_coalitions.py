"""Joining an armed coalition or mission is military cooperation (062) with whoever leads it
(coding/events/joined.py). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    "text",
    [
        "Chile joined the naval coalition led by Brazil.",
        "Chile joined the Brazilian-led naval coalition.",
        "Brazil formed a naval coalition that was joined by Chile.",
    ],
)
def test_joining_a_coalition_is_cooperation_with_its_leader(
    asserted_triples: Triples, text: str
) -> None:
    assert ("CHL", "062", "BRA") in asserted_triples(text)


def test_each_agent_of_a_passive_relative_clause_joins(asserted_triples: Triples) -> None:
    text = "Brazil set up a military mission which was joined by Chile, Peru and Uruguay."
    found = asserted_triples(text)
    assert {("CHL", "062", "BRA"), ("PER", "062", "BRA"), ("URY", "062", "BRA")} <= found


def test_a_relative_clause_of_joining_on_a_patrolled_place_is_about_the_coalition(
    asserted_triples: Triples,
) -> None:
    text = (
        "Brazil announced a naval mission to patrol the South Atlantic which was joined by "
        "Chile and Uruguay."
    )
    assert {("CHL", "062", "BRA"), ("URY", "062", "BRA")} <= asserted_triples(text)


def test_joining_a_political_coalition_is_not_military_cooperation(
    asserted_triples: Triples,
) -> None:
    text = "The Chilean socialist party joined the ruling coalition."
    assert "062" not in {code for _, code, _ in asserted_triples(text)}
