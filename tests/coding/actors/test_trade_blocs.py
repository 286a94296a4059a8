"""Trade blocs are international bodies, not regions (organizations.tsv)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_the_african_free_trade_area_is_an_igo(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Kenya said it planned to join the AfCFTA.")
    targets = {e.target.code for e in events if e.target is not None}
    assert "IGOCFT" in targets
