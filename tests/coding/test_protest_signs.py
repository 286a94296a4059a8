"""Precision (issue 9): what a crowd's signs demand is the protest's message, not a second
event of the same crowd."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_folds_banner_demand_is_part_of_the_march(asserted_dyads: Dyads) -> None:
    text = (
        "Chilean students carrying banners demanding the minister's resignation marched "
        "through Santiago."
    )
    dyads = asserted_dyads(text)
    assert ("CHL", "14", "CHL") in dyads
    assert ("CHL", "10", "CHL") not in dyads


def test_folds_another_sides_demand_stays_its_own(asserted_dyads: Dyads) -> None:
    text = "Chilean students marched through Santiago after the minister demanded their expulsion."
    assert "10" in {root for _, root, _ in asserted_dyads(text)}
