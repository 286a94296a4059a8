"""A reaction named by a noun said to have come from its speakers ("condemnation came from X
and Y") is each speaker's, aimed at the author of the latest act of force before it.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

ATTACK = "Nigerien rebels bombed a bus station in Niamey on Friday, killing nine people. "


def triples(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code, e.target.code if e.target else None)
        for e in coder.code(Document(id="t", text=text))
        if e.modality == "asserted"
    }


@pytest.mark.parametrize(
    "reaction",
    [
        "Words of condemnation have come from Chad and Benin.",
        "Condemnation came swiftly from Chad and Benin.",
    ],
)
def test_condemnation_that_came_from_actors_is_theirs(coder: Coder, reaction: str) -> None:
    found = triples(coder, ATTACK + reaction)
    assert {("TCD", "111", "NERREB"), ("BEN", "111", "NERREB")} <= found


def test_condemnation_with_no_act_before_it_is_no_event(coder: Coder) -> None:
    text = "Condemnation came from Chad and Benin."
    assert "111" not in {code for _, code, _ in triples(coder, text)}


def test_a_reaction_at_home_to_an_attack_is_aimed_at_the_rebels_who_made_it(
    coder: Coder,
) -> None:
    text = (
        "Rebels of the National Liberation Army bombed a police station in Cali on Sunday. "
        "Colombian Defence Minister Diego Molano said the army would respond; he described "
        "the bombing as a cowardly act."
    )
    assert ("COL", "111", "COLREB") in triples(coder, text)


def test_a_reaction_at_home_is_not_aimed_at_the_countrys_own_army(coder: Coder) -> None:
    text = (
        "Colombian troops shelled a village near Cali on Sunday. "
        "Colombian Defence Minister Diego Molano said the army would respond; he described "
        "the shelling as a cowardly act."
    )
    assert not any(target == "COLMIL" for _, code, target in triples(coder, text) if code == "111")
