"""Withdrawing a thing that is no act is a retreat (087) only when armed forces pull it back:
"the council withdrew its plan" is nothing, "Russia withdrew from Syria" still a retreat."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean government withdrew its offer to host the games.",
        "The city of Quito withdrew its plan to name a street after the general.",
    ],
)
def test_withdrawing_a_plan_is_no_retreat(
    asserted_dyads: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not any(d[1] == "08" for d in asserted_dyads(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenia withdrew from Nagorno-Karabakh.", ("ARM", "08", None)),
        ("Ukraine withdrew its troops from the town.", ("UKR", "08", None)),
    ],
)
def test_withdrawing_forces_is_still_a_retreat(
    asserted_dyads: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert any(d[:2] == expected[:2] for d in asserted_dyads(text))
