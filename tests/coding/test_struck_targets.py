"""Whom a claimed attack struck when no event told before names it (coding/events/struck.py,
docs/verbs.md "Acts without a named doer")."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def _targets(events: list[Event], code: str) -> list[str | None]:
    return [e.target.country if e.target else None for e in events if e.code.startswith(code)]


def test_a_claim_takes_the_place_of_an_attack_told_by_its_noun(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Fuel prices rose sharply after an attack on a pipeline in Nigeria last week. "
        "The attack was claimed by the Islamic State on Friday."
    )
    assert _targets(asserted(text), "015") == ["NGA"]


def test_a_claim_takes_the_target_of_the_claimers_own_attack(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "A truck bomb was driven into a police post in the Kenyan town of Garissa on Monday. "
        "Nine officers died in the attack, reportedly carried out by al-Shabaab. "
        "Witnesses said the blast was heard across the town. "
        "Al-Shabaab has claimed responsibility."
    )
    events = asserted(text)
    # the truck bomb of the first sentence is an attack of its own (unattributed.py)
    assert set(_targets(events, "18")) == {"KEN"}
    assert _targets(events, "015") == ["KEN"]


def test_an_attack_noun_names_whom_it_was_aimed_at(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Oil prices climbed after rocket attacks on the French embassy in Mali. "
        "A local militia claimed the attacks on Sunday."
    )
    assert _targets(asserted(text), "015") == ["FRA"]
