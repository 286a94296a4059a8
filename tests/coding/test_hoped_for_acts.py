"""A hope for what someone else will do is an optimistic comment (013) by the one hoping, not
a promise of theirs, and the hoped-for act is no event (events/frames.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan minister hopes Ethiopia will reopen the border.", ("KEN", "013", "ETH")),
        ("Chile said it hoped Peru would drop its claim.", ("CHL", "013", "PER")),
    ],
)
def test_hope_for_another_actor_is_an_optimistic_comment(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


def test_the_hoped_for_act_itself_is_not_asserted(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = {e.code for e in asserted("Norway hopes Sweden will lift the tariffs.")}
    assert codes == {"013"}


def test_hoping_to_act_oneself_is_still_an_intent(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    assert ("EGY", "03", "FRA") in asserted_dyads("Egypt hopes to sign a trade deal with France.")
