"""Sanctions named by a noun (frame `owned`): an event on their own when they name both who
imposes them and whom they are aimed at. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    "text",
    [
        "Brazilian sanctions on Bolivia have cut its gas exports.",
        "Brazil's sanctions against Bolivia remain in force.",
        "Bolivia has been the subject of Brazilian sanctions since 2016.",
        "Because of the border dispute, Bolivia is still under Brazilian sanctions.",
        "The sanctions Brazil imposed on Bolivia hit the mining sector.",
    ],
)
def test_sanctions_naming_imposer_and_target_are_an_event(
    asserted_triples: Triples, text: str
) -> None:
    assert ("BRA", "163", "BOL") in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions have cut Bolivian gas exports.",
        "Brazilian sanctions are a blunt tool, the minister said.",
    ],
)
def test_sanctions_without_imposer_or_target_are_no_event(
    asserted_triples: Triples, text: str
) -> None:
    assert "163" not in {code for _, code, _ in asserted_triples(text)}
