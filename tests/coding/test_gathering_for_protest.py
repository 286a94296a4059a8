"""Gathering for a rally is taking part in it (verbs.tsv, 141 "gather for +rally")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Zambian miners gathered for a rally in Lusaka on Friday.",
        "Zambian opposition supporters were converging on Lusaka for a protest.",
        "Hundreds of Zambian students massed for a demonstration outside parliament.",
    ],
)
def test_gathering_for_a_protest_is_a_protest(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert [(e.source.country, e.code) for e in asserted(text)] == [("ZMB", "141")]


def test_protesters_gathering_outside_a_building_protest_at_its_owner(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Hundreds of Zambian protesters gathered outside the Zambian parliament.")
    assert [(e.source.country, e.code, e.target.code if e.target else None) for e in events] == [
        ("ZMB", "141", "ZMBLEG")
    ]


def test_officials_gathering_is_no_protest(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Zambian and Malawian ministers gathered in Lusaka on Friday.")
    assert not any(e.code.startswith("14") for e in events)
