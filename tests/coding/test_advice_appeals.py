"""Advising someone to act is an appeal (020 family, verbs.tsv ``advise``)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_advising_an_actor_to_act_is_an_appeal(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("The Canadian foreign ministry advised Canadian citizens to avoid Haiti.")
    appeals = [e for e in events if e.code.startswith("02")]
    assert appeals and appeals[0].source.country == "CAN"


def test_advising_without_an_addressee_acting_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert not asserted("She advised the Indian president on economic policy.")
