"""Demands stated as a noun with a copula or "include" (stated_demands.py)."""

from __future__ import annotations

from collections.abc import Callable

Triple = tuple[str | None, str, str | None]


def test_stated_demands_include_dissolution_aimed_at_government(
    asserted_triples: Callable[[str], set[Triple]],
) -> None:
    text = (
        "Farmers marched against the Peruvian government in Lima. "
        "The farmers' demands include the dissolution of the congress."
    )
    assert ("PER", "1044", "PER") in asserted_triples(text)


def test_stated_demands_copula_names_leader_to_go(
    asserted_triples: Callable[[str], set[Triple]],
) -> None:
    text = "The Ghanaian union's chief demand is the resignation of the Ghanaian president."
    assert ("GHA", "1041", "GHA") in asserted_triples(text)


def test_stated_demands_pronoun_owner_release(
    asserted_triples: Callable[[str], set[Triple]],
) -> None:
    text = (
        "Kenyan students rallied outside parliament on Friday. "
        "Their first demand is the release of detainees by the government."
    )
    assert ("KEN", "1053", "KEN") in asserted_triples(text)


def test_stated_demands_not_market_or_job_demands(
    asserted_dyads: Callable[[str], set[tuple[str | None, str, str | None]]],
) -> None:
    assert not any(
        root == "10" for _, root, _ in asserted_dyads("The demand for oil rose in China last year.")
    )
    text = "Nigerian teachers said the demands of the job are heavy."
    assert not any(root == "10" for _, root, _ in asserted_dyads(text))
