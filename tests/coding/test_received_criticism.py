"""Criticism reported from the side of the criticised (coding/events/received.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    "text",
    [
        "The Bolivian government came under fire from Peru over its claims.",
        "The Bolivian plan has drawn criticism from Peru.",
        "The Bolivian minister faced sharp criticism from the Peruvian government.",
    ],
)
def test_criticism_received_from_a_political_actor_is_the_critics_act(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    found = asserted_triples(text)
    assert ("PER", "111", "BOL") in found
    assert ("BOL", "111", "PER") not in found


@pytest.mark.parametrize(
    "text",
    [
        # fire that is not "under" may be shooting
        "The Bolivian army drew fire from Peruvian troops during the attack.",
        # negated
        "The Bolivian plan has not drawn criticism from Peru.",
        # no critic named
        "The Bolivian minister faced criticism at home over his claims.",
    ],
)
def test_no_criticism_received_without_a_named_critic_or_when_negated(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    found = asserted_triples(text)
    assert ("PER", "111", "BOL") not in found
    assert not {t for t in found if t[1] == "111" and t[2] == "BOL"}
