"""Feelings voiced about what another did: whom "expressed disappointment" is aimed at
(coding/events/judged_actors.py, ``JudgementFinder.felt_about``)."""

from __future__ import annotations

from collections.abc import Callable

Dyad = tuple[str | None, str, str | None]


def test_judged_actors_disappointment_without_object_aims_at_latest_doer(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "The Portuguese parliament rejected the fishing accord on Friday. "
        "The Spanish agriculture ministry expressed disappointment."
    )
    assert ("ESP", "111", "PRT") in asserted_triples(text)


def test_judged_actors_disappointment_at_own_court_ruling_is_criticism(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "The Irish high court ruled the new tax unlawful. "
        "A spokeswoman for the Irish government expressed disappointment."
    )
    events = asserted_triples(text)
    assert ("IRL", "111", "IRL") in events


def test_judged_actors_outrage_at_named_act_is_criticism(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "Sweden expressed outrage at the Belarusian arrest of the journalist."
    assert ("SWE", "111", "BLR") in asserted_triples(text)


def test_judged_actors_disappointment_looks_back_one_sentence_only(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "The Portuguese parliament rejected the fishing accord on Friday. "
        "Fishermen gathered in the harbour. Prices of sardines rose on Saturday. "
        "The Spanish agriculture ministry expressed disappointment."
    )
    assert not any(target == "PRT" for _, _, target in asserted_triples(text))


def test_judged_actors_concern_stays_pessimistic_comment(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Finnish government expressed concern over Russia's naval buildup."
    events = asserted_triples(text)
    assert ("FIN", "012", "RUS") in events
    assert not any(code.startswith("11") for _, code, _ in events)
