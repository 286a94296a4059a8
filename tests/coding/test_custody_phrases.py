"""Arrest told as a phrase: "placed X under house arrest", "took X into custody", and their
agentless passives, which the police of the place do (verbs.tsv light verbs "place under",
"take into" with the event noun "custody"; implied_agents.tsv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Malian army placed the interim president under house arrest.", "MLIMIL"),
        ("The Gabonese opposition leader was placed under house arrest on Sunday.", "GABCOP"),
        ("Belgian police took two Dutch activists into custody.", "BELCOP"),
        ("A Belgian journalist was taken into custody in Antwerp.", "BELCOP"),
    ],
)
def test_custody_phrases_are_arrests(
    asserted: Callable[[str], list[Event]], text: str, source: str
) -> None:
    assert any(e.code == "173" and e.source.code == source for e in asserted(text))


def test_taking_something_into_account_is_no_arrest(asserted: Callable[[str], list[Event]]) -> None:
    text = "Belgian police took the weather into account."
    assert not any(e.root_code == "17" for e in asserted(text))
