"""The class of an act the coder used to get wrong (issue 9, "wrong class"): a warning about a
named actor is a criticism of it, a prison sentence is a detention, a protesting crowd's
request told with "they" is a demand. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Asserted = Callable[[str], list[Event]]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian defence minister warned about the growing Chilean navy off the coast.",
        "The Peruvian army chief warned of Chile's support for the smugglers.",
    ],
)
def test_a_warning_about_a_named_actor_is_a_criticism_of_it(asserted: Asserted, text: str) -> None:
    assert ("PER", "111", "CHL") in triples(asserted(text))


def test_a_warning_about_a_situation_stays_a_pessimistic_comment(asserted: Asserted) -> None:
    codes = {e.code for e in asserted("The Peruvian minister warned about rising food prices.")}
    assert codes == {"012"}


@pytest.mark.parametrize(
    "text",
    [
        "A Chilean court sentenced two smugglers to six years in prison on Monday.",
        "A Chilean court sentenced the smuggler to three years of prison.",
        "A Chilean court sentenced the smuggler to life imprisonment.",
    ],
)
def test_a_prison_sentence_is_a_detention(asserted: Asserted, text: str) -> None:
    assert {e.code for e in asserted(text)} == {"173"}


def test_a_death_sentence_stays_a_finding_of_guilt(asserted: Asserted) -> None:
    assert {e.code for e in asserted("A Chilean court sentenced the smuggler to death.")} == {"116"}


def test_the_sentenced_person_is_the_target_not_the_court_it_happened_in(
    asserted: Asserted,
) -> None:
    text = "In a Santiago criminal court, Judge Ana Rojas sentenced Pedro Soto to life in prison."
    (event,) = asserted(text)
    assert event.code == "173"
    assert event.target is not None and event.target.name.startswith("Pedro")


def test_protesters_asking_for_a_resignation_by_pronoun_make_a_demand(asserted: Asserted) -> None:
    text = (
        "Protesters marched through Lima on Sunday. "
        "They asked the Peruvian interior minister to resign."
    )
    assert ("PER", "1041", "PER") in triples(asserted(text))


def test_a_judgement_indicated_by_a_spokesperson_is_a_criticism(asserted: Asserted) -> None:
    text = (
        "A Peruvian spokesperson indicated Peru was disappointed by the Chilean court's ruling: "
        '"We strongly urge the Chilean judges to reconsider."'
    )
    assert ("PER", "111", "CHL") in triples(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian government designated the Chilean militia as a terrorist organization.",
        "Peru has listed the Chilean militia as a terrorist group.",
    ],
)
def test_listing_a_group_as_terrorist_is_a_sanction(asserted: Asserted, text: str) -> None:
    assert ("PER", "163", "CHL") in triples(asserted(text))


def test_naming_a_group_terrorist_stays_a_criticism(asserted: Asserted) -> None:
    text = "The Peruvian president named the Chilean militia a terrorist organization."
    assert ("PER", "111", "CHL") in triples(asserted(text))
