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
