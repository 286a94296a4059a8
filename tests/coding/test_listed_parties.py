"""Symmetric acts whose parties are listed rather than the subject: a doerless passive with
a "between" phrase, and meetings "of" or "between" three or more parties, go from the first
party to each other one (coding/events/coordination.py). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    "text",
    [
        "A fisheries treaty was signed between Peru, Chile and Bolivia in 2015.",
        "An accord between Peru, Chile and Bolivia was signed in 2015.",
    ],
)
def test_a_passive_signing_between_parties_is_between_them(
    asserted_triples: Triples, text: str
) -> None:
    found = asserted_triples(text)
    assert {("PER", "057", "CHL"), ("PER", "057", "BOL")} <= found


def test_a_passive_signing_with_a_doer_keeps_the_doer(asserted_triples: Triples) -> None:
    found = asserted_triples("A trade accord was signed by Peru with Chile.")
    assert not any(src == "CHL" for src, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The third summit of Peru, Chile and Bolivia took place in Lima.",
        "Talks between Peru, Chile and Bolivia resumed in Lima.",
    ],
)
def test_a_meeting_of_listed_parties_is_between_them(asserted_triples: Triples, text: str) -> None:
    found = {(src, code[:2], tgt) for src, code, tgt in asserted_triples(text)}
    assert {("PER", "04", "CHL"), ("PER", "04", "BOL")} <= found


def test_a_meeting_of_one_body_names_no_pair(asserted_triples: Triples) -> None:
    found = asserted_triples("A meeting of the Peruvian cabinet took place in Lima.")
    assert not any(tgt is not None for _, code, tgt in found if code.startswith("04"))


@pytest.mark.parametrize(
    "text",
    [
        "Talks between the Colombian government and FARC rebels resumed in Havana.",
        "A peace accord was signed between the Colombian government and FARC rebels.",
    ],
)
def test_a_government_and_its_rebels_are_two_parties(asserted_triples: Triples, text: str) -> None:
    found = asserted_triples(text)
    assert any(src == "COL" and tgt == "COL" for src, _, tgt in found)
