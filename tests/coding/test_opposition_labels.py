"""A critic or opponent named after an actor is the opposition in that actor's country, not
the actor (coding/events/mentions.py ``opposition_to``; docs/dictionaries.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kremlin critic Ivan Petrov accused Putin of corruption.", "RUSOPP"),
        ("Government opponents marched in Caracas on Sunday.", "VENOPP"),
    ],
)
def test_a_critic_named_after_an_actor_is_its_opposition(
    asserted: Callable[[str], list[Event]], text: str, source: str
) -> None:
    events = asserted(text)
    assert events and events[0].source.code == source


def test_the_actor_itself_is_no_critic(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Kremlin officials accused the opposition of corruption.")
    assert events and events[0].source.code == "RUSGOV"
