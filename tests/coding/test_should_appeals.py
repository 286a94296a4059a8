""" "Y should do Z" reported of someone advises Z (an appeal, CAMEO 02); "Y must do Z" insists
on it (a demand, CAMEO 10). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Chilean senator said the Bolivian cabinet should accept the arbitration.", "020"),
        ("Chile's envoy said Bolivia should pull its soldiers back from the frontier.", "0256"),
    ],
)
def test_should_clause_reported_by_a_speaker_is_an_appeal(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    assert triples(asserted(text)) == {("CHL", code, "BOL")}


def test_must_clause_reported_by_a_speaker_stays_a_demand(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Chilean senator said the Bolivian cabinet must accept the arbitration."
    assert triples(asserted(text)) == {("CHL", "100", "BOL")}


def test_should_clause_about_no_actor_is_no_appeal(asserted: Callable[[str], list[Event]]) -> None:
    assert not asserted("The Chilean senator said the talks should be over by spring.")


def test_should_clause_without_a_named_addressee_is_kept_as_an_appeal(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Bolivian president said foreign navies should leave the lake."
    assert {(e.source.country, e.code[:2]) for e in asserted(text)} == {("BOL", "02")}
