"""The object decides the act (issue 9): capturing an image or munitions is no arrest,
releasing tax returns is no release of people, attacking a subpoena is criticism, and a
joint statement that carries a condemnation is no accord among its signers."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def roots(dyads: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {root for _, root, _ in dyads}


def test_a_camera_capturing_an_arrival_is_no_arrest(asserted_dyads: Dyads) -> None:
    text = "Peruvian state television captured the minister's arrival at the palace."
    assert "17" not in roots(asserted_dyads(text))


def test_capturing_weapons_is_no_arrest(asserted_dyads: Dyads) -> None:
    text = "Bolivian soldiers captured a large cache of ammunition near the border."
    assert "17" not in roots(asserted_dyads(text))


def test_capturing_defences_is_taking_ground(asserted_dyads: Dyads) -> None:
    text = "Bolivian soldiers captured the Peruvian defences east of the river."
    assert "19" in roots(asserted_dyads(text))


def test_capturing_soldiers_is_still_an_arrest(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Bolivian troops captured four Peruvian soldiers.")
    assert ("BOL", "17", "PER") in dyads


def test_releasing_tax_returns_releases_no_one(asserted_dyads: Dyads) -> None:
    text = "The Peruvian president released his tax returns on Friday."
    assert "08" not in roots(asserted_dyads(text))


def test_attacking_a_subpoena_is_criticism_not_force(asserted_dyads: Dyads) -> None:
    text = "The Peruvian president attacked the subpoena as a political stunt."
    found = roots(asserted_dyads(text))
    assert "19" not in found
    assert "11" in found


def test_a_joint_statement_carrying_a_condemnation_is_no_accord(asserted_dyads: Dyads) -> None:
    text = "Bolivia was condemned in a joint statement by Peru, Chile and Ecuador on Monday."
    assert "01" not in roots(asserted_dyads(text))


def test_issuing_a_joint_statement_is_still_a_statement(asserted_dyads: Dyads) -> None:
    text = "Peru and Chile issued a joint statement on fishing rights."
    assert "01" in roots(asserted_dyads(text))


def test_charging_a_panel_with_a_task_is_no_charge(asserted_dyads: Dyads) -> None:
    text = "The Peruvian congress charged a commission with reviewing the mining code."
    assert "17" not in roots(asserted_dyads(text))


def test_charging_someone_with_a_crime_is_still_a_charge(asserted_dyads: Dyads) -> None:
    text = "Peruvian prosecutors charged the opposition leader with bribery."
    assert "17" in roots(asserted_dyads(text))
