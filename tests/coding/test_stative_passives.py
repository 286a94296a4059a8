"""A verb passive in form but active in sense ("were engaged in fighting") has its grammatical
subject as the doer (roles.STATIVE_PASSIVES); "arrive at" is a movement like "arrive in"."""

from __future__ import annotations

from collections.abc import Callable

Dyad = tuple[str | None, str, str | None]


def test_those_engaged_in_an_act_do_it(asserted_dyads: Callable[[str], set[Dyad]]) -> None:
    found = asserted_dyads("The Ethiopian army was engaged in heavy fighting with Eritrea.")
    assert ("ETH", "19", "ERI") in found


def test_peacekeepers_arriving_at_a_place_move_in(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    found = asserted_dyads("Nepalese peacekeepers arrived at the airport in Bangui.")
    assert any(d[0] == "NPL" and d[1] == "07" for d in found), found
