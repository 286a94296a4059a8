"""Officials of a company or a union named by a possessive speak for it (BUS, LAB)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The union's president criticized the Chilean government.", "LAB"),
        ("The firm's chief executive criticized the Chilean government.", "BUS"),
    ],
)
def test_possessed_official_takes_the_body_sector(
    asserted: Callable[[str], list[Event]], text: str, sector: str
) -> None:
    sources = {e.source.sector for e in asserted(text) if e.code.startswith("11")}
    assert sources == {sector}


def test_minister_of_labour_stays_government(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("The Chilean labour minister criticized the union.")
    assert {e.source.code for e in events if e.code.startswith("11")} == {"CHLGOV"}
