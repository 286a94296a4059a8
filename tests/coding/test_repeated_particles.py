"""A verb's particle phrase said again after a comma or "and" ("met with X, then with Y")
names a second target (``repeated_particle_objects`` in coding/clauses.py).
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_a_particle_phrase_said_again_adds_a_target(asserted_triples: Triples) -> None:
    text = (
        "The Chilean foreign minister met with the Peruvian president, "
        "then with the Bolivian president."
    )
    assert {("CHL", "040", "PER"), ("CHL", "040", "BOL")} <= asserted_triples(text)


def test_and_later_with_adds_a_target(asserted_triples: Triples) -> None:
    text = "The Chilean minister met with the Peruvian president and later with Bolivian officials."
    assert {("CHL", "040", "PER"), ("CHL", "040", "BOL")} <= asserted_triples(text)


def test_a_later_phrase_of_company_is_no_second_target(asserted_triples: Triples) -> None:
    text = "The Chilean foreign minister met with the Peruvian president in Lima with his aides."
    assert {t for _, _, t in asserted_triples(text)} == {"PER"}
