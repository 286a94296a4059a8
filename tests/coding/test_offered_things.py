"""An offer of a plain thing promises no cooperation (events/offers.py): "offered a bounty",
"offers flights", "offered few details"; an offer of an act, a plan or a compromise does."""

from __future__ import annotations

from collections.abc import Callable

Dyad = tuple[str | None, str, str | None]
Dyads = Callable[[str], set[Dyad]]


def test_a_bounty_offered_is_no_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Ghana offered a large bounty for the smuggler's capture.")
    assert not any(root == "03" for _, root, _ in found), found


def test_flights_offered_are_no_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Two Ghanaian carriers offer daily flights to Togo.")
    assert not any(root == "03" for _, root, _ in found), found


def test_details_offered_are_no_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Ghanaian minister offered few details about the plan for Togo.")
    assert not any(root == "03" for _, root, _ in found), found


def test_a_compromise_offered_is_an_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Ghana offered a compromise to Togo on Friday.")
    assert ("GHA", "03", "TGO") in found, found


def test_an_offer_to_help_is_an_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Ghana offered to help Togo after the floods.")
    assert ("GHA", "03", "TGO") in found, found


def test_talks_offered_are_an_intent(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("Ghana offered talks to Togo.")
    assert any(src == "GHA" and root == "03" for src, root, _ in found), found
