"""A capital alone on the noun of an attack names where it happened, not who carried it out
(events/attack_places.py)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_a_capital_on_an_attack_noun_is_no_doer(asserted: Callable[[str], list[Event]]) -> None:
    text = "On Friday a Nairobi truck bombing killed nine people outside a market."
    events = asserted(text)
    doers = [e for e in events if e.source.country == "KEN" and e.source.sector != "UAF"]
    assert [e for e in doers if e.code[:2] >= "18"] == []
    # the attacker is unknown: the unidentified force of the country struck
    assert any(e.source.code == "KENUAF" for e in events)
    # a country's adjective on the noun still names the doer
    named = "On Friday a Kenyan airstrike killed nine militants near the border."
    assert any(e.source.country == "KEN" for e in asserted(named))
