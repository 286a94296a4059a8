"""A protest's slogan or demand is its message, not a second event
(events/folds.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Kenyan teachers marched in Nairobi on Friday, demanding higher pay.",
        "Thousands of Chilean students demonstrated in Santiago calling for free education.",
        "Angry Peruvian farmers blocked highways near Cusco, saying the minister must resign.",
    ],
)
def test_a_protest_message_is_no_second_event(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    roots = [e.code[:2] for e in asserted(text)]
    assert roots == ["14"]


def test_the_protest_takes_its_messages_target(asserted: Callable[[str], list[Event]]) -> None:
    text = "Thousands of Tamils rallied in Jaffna, demanding independence from Sri Lanka."
    events = asserted(text)
    assert [(e.code[:2], e.target.country if e.target else None) for e in events] == [("14", "LKA")]


def test_a_demand_of_someone_else_stays_an_event(asserted: Callable[[str], list[Event]]) -> None:
    text = "Kenyan teachers marched in Nairobi as the Kenyan government demanded an end to strikes."
    assert "10" in {e.code[:2] for e in asserted(text)}
