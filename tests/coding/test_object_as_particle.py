""" "as" that says what the object is made ("used X as human shields", "deployed X as
peacekeepers") belongs to the verb's phrase even when the parser hangs it on the object
(``find_particle`` in coding/clauses.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triple = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Boko Haram fighters held hundreds of villagers as human shields.", "184"),
        ("Kenya deployed 900 police officers as peacekeepers in Haiti.", "074"),
    ],
)
def test_as_on_the_object_is_the_verbs_particle(
    asserted_triples: Callable[[str], set[Triple]], text: str, code: str
) -> None:
    assert any(c == code for _, c, _ in asserted_triples(text))


def test_as_elsewhere_is_no_particle(asserted_triples: Callable[[str], set[Triple]]) -> None:
    found = asserted_triples("Kenyan troops held the town as the rebels fled.")
    assert not any(c == "184" for _, c, _ in found)
