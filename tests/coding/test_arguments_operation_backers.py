"""Backing for an operation goes to whoever carries it out: "the army retook the town in an
offensive supported by X" -> X supports the army (coding/events/arguments.py
``operation_doers``; docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.coding.conftest import Dyad


@pytest.mark.parametrize(
    "text",
    [
        "The Malian army retook the northern town in an offensive backed by France.",
        "The northern town was retaken by the Malian army last year, in an operation "
        "supported by France.",
    ],
)
def test_arguments_operation_backer_supports_its_doer(
    asserted_dyads: Callable[[str], set[Dyad]], text: str
) -> None:
    dyads = asserted_dyads(text)
    assert ("FRA", "07", "MLI") in dyads, dyads


def test_arguments_operation_backer_without_a_doer_keeps_no_target(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    # the clause names no one who carried the operation out
    dyads = asserted_dyads("The northern town fell last year in an offensive backed by France.")
    assert not {d for d in dyads if d[0] == "FRA" and d[2] is not None}, dyads
