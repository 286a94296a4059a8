"""Bare police act where they are: a prominent city named in their clause places them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Police detained four students in Nairobi on Tuesday.",
        "Police in Nairobi detained four students.",
    ],
)
def test_bare_police_take_the_country_of_the_city(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    sources = {e.source.code for e in asserted(text) if e.code.startswith("17")}
    assert "KENCOP" in sources
