"""A mediation's parties are its targets, never its mediator (events/third_parties.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.coding.events.third_parties import MEDIATE
from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Norway is mediating between Colombia and Venezuela.",
        "Norway launched a mediation effort on Monday between Colombia and Venezuela.",
    ],
)
def test_the_parties_of_a_mediation_are_its_targets(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    found = {(e.source.country, e.target.country if e.target else None) for e in asserted(text)}
    assert found == {("NOR", "COL"), ("NOR", "VEN")}


def test_a_mediation_with_no_mediator_is_no_event(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("A mediation effort between Colombia and Venezuela collapsed.")
    assert not [e for e in events if e.code == MEDIATE]
