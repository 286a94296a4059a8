"""Acts stated through an adjective ("X is responsible for the massacre", "X is guilty of
violating the truce") are X's acts; an object a dictionary entry names itself is meant
literally, never a figure of speech ("violated the ceasefire agreement")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ethiopian army is responsible for the massacre near the border.",
            ("ETH", "20", None),
        ),
        ("The Sudanese militia was guilty of a massacre of villagers.", ("SDN", "20", None)),
    ],
)
def test_responsibility_for_an_act_is_the_act(
    asserted_dyads: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert any(d[:2] == expected[:2] for d in asserted_dyads(text))


def test_violating_a_named_ceasefire_agreement_is_literal(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples("Armenia violated the ceasefire agreement with Azerbaijan.")
    assert ("ARM", "196", "AZE") in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia is responsible for the security of the region.",  # no act
        "Who is responsible for the attack on the embassy?",  # no one named
    ],
)
def test_responsibility_without_an_act_or_actor_is_no_event(
    asserted_dyads: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not {d for d in asserted_dyads(text) if d[1] in {"18", "19", "20"}}


def test_saying_someone_is_responsible_stays_an_accusation(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_triples("The Bolivian minister said Paraguay was responsible for the raid.")
    assert ("BOL", "112", "PRY") in found
