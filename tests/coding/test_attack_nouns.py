"""Attack nouns as subjects (events/unattributed.py, attack_places.py): a bombing that struck a
place or killed people no actor names is an attack by the unidentified force of the country
struck, aimed at that country; a capital on the noun says where, not who."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def coded(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Sunday twin blasts struck a crowded market in Peshawar.", ("PAKUAF", "183", "PAK")),
        ("A suicide bombing rocked a mosque in the Nigerian city of Maiduguri on Friday.",
         ("NGAUAF", "1831", "NGA")),
        ("A Nairobi truck bombing killed nine people outside a market.",
         ("KENUAF", "1832", "KEN")),
    ],
)  # fmt: skip
def test_a_bombing_that_struck_a_place_is_the_places_unidentified_force(
    asserted: Callable[[str], list[Event]], text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in coded(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "A powerful typhoon hit the coast of Luzon on Monday.",
        "Four guests were hurt in a shooting at a party in Ohio.",
        "A Hamas rocket struck a house in Sderot.",
    ],
)
def test_no_unknown_attacker_without_an_unattributed_weapon(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.source.sector == "UAF" for e in asserted(text))
