"""An attack's toll ("shelled X, killing twenty") is part of the attack (events/folds.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Rebels in Chad shelled the town of Abeche on Friday, killing nine people.",
        "Colombian troops opened fire on a FARC camp, wounding four guerrillas.",
    ],
)
def test_the_toll_of_an_attack_is_no_second_attack(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert len(asserted(text)) == 1


def test_a_separate_killing_by_someone_else_stays(asserted: Callable[[str], list[Event]]) -> None:
    text = "Chadian troops shelled Abeche while rebels killed two Chadian soldiers in Faya."
    assert len(asserted(text)) == 2
