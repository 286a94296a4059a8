"""A country that only describes goods, trade or an economy does not do what they do
(events/attack_places.py): "hit by Korean textile trade" is no Korean attack."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "The glass industry and its union were both badly hit by Latvian glass trade.",
        "Near-term rice demand has been met by recent Iraqi purchases of Thai rice.",
    ],
)
def test_market_subjects_a_country_modifying_trade_does_not_act(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert asserted(text) == []


def test_market_subjects_the_state_itself_still_acts(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert any(e.code.startswith("19") for e in asserted("Latvian troops hit the border post."))


def test_market_subjects_accepted_bids_are_a_sale_of_bonds(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Latvian Finance Ministry said it accepted bids totalling three billion lats."
    assert not any(e.code.startswith("03") for e in asserted(text))
