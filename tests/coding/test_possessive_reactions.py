"""A reaction to an act named with a possessive pronoun ("its plan", "their refusal", "his
decision") is aimed at the actor named before, never at its own source
(coding/events/possessives.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def _target(events: list[Event], root: str) -> str | None:
    found = [e for e in events if e.code.startswith(root)]
    assert found, f"no event of root {root}: {[e.code for e in events]}"
    return found[-1].target.country if found[-1].target else None


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        (
            "Venezuela closed its border with Colombia on Monday. "
            "Brazil denounced its attempt to isolate the region.",
            "11",
            "VEN",
        ),
        (
            "The Venezuelan president shut the border on Monday. "
            "The Brazilian foreign minister condemned his decision.",
            "11",
            "VEN",
        ),
        (
            "Venezuela and Cuba turned away the observers. "
            "Brazil rejected their refusal on Tuesday.",
            "12",
            "VEN",
        ),
    ],
)
def test_a_possessive_pronoun_names_the_earlier_actor(
    asserted: Callable[[str], list[Event]], text: str, root: str, expected: str
) -> None:
    assert _target(asserted(text), root) == expected


def test_own_act_has_no_possessor(asserted: Callable[[str], list[Event]]) -> None:
    text = "Venezuela shut the border on Monday. Brazil criticized its own decision."
    assert _target(asserted(text), "11") is None


def test_a_reaction_to_a_portion_of_the_acts_is_aimed_at_their_author(
    asserted: Callable[[str], list[Event]],
) -> None:
    # "many of the measures", "some of her policies": the act noun after the portion
    text = "Chile expelled two Peruvian diplomats on Monday. Peru condemned many of the measures."
    assert _target(asserted(text), "11") == "CHL"
    text = (
        "The Chilean minister Ana Ruiz resigned on Monday. "
        "Peru's president said he disagreed with some of her policies."
    )
    assert _target(asserted(text), "11") == "CHL"
