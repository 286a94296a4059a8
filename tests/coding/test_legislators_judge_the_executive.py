"""A legislator or a court judging their own government's deed criticises it: unlike a
minister, whose words on his own state's act are a reaction at home (coding/events/
judged_acts.py ``own_state``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

ARRESTS = "Zambian police detained nine union organisers in Lusaka on Friday. "
EXPULSION = "The Zambian government deported three reporters on Friday. "


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (ARRESTS + "Zambian senator Mary Banda said the detentions were an outrage.", "ZMBCOP"),
        (EXPULSION + 'Senator Mary Banda commented, "It is an outrage."', "ZMBGOV"),
    ],
)
def test_legislators_judge_the_executive_a_senators_outrage_criticises_it(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    said = [e for e in asserted(text) if e.source.code == "ZMBLEG"]
    assert said and said[0].code == "111"
    assert said[0].target is not None and said[0].target.code == target


def test_legislators_judge_the_executive_a_ministers_words_stay_a_reaction_at_home(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = EXPULSION + 'Interior minister Mary Banda commented, "It is an outrage."'
    assert not [e for e in asserted(text) if e.code.startswith("11")]
