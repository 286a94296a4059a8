"""Acts told from the receiving side: the giver named in a "from" phrase acts on the subject
(events/received.py, frame ``received`` in verbs.tsv)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Houthis obtained weapons from Iran last year.", ("IRN", "07", "YEM")),
        ("The Kenyan government received a $300 million loan from Japan.", ("JPN", "07", "KEN")),
        ("The Kenyan president came under criticism from Uganda.", ("UGA", "11", "KEN")),
        ("Serbia faces mounting pressure from Germany.", ("DEU", "10", "SRB")),
        ("Bolivia drew sharp condemnation from Chile.", ("CHL", "11", "BOL")),
    ],
)
def test_the_giver_acts_on_the_subject(
    asserted_dyads: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_dyads(text)


def test_pressure_to_do_something_is_a_demand_of_it(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Hungary faces pressure from Brussels to free the jailed journalists.")
    assert any(e.code.startswith("10") and e.target and e.target.country == "HUN" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Displaced families in Jordan received food and blankets.",  # no giver named
        "Peru received a letter from Chile.",  # a letter is no act
    ],
)
def test_no_named_giver_or_no_act_is_no_event(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not asserted(text)


def test_receiving_a_delegation_is_still_hosting(
    asserted_dyads: Callable[[str], set[Dyad]],
) -> None:
    assert ("UKR", "04", "JPN") in asserted_dyads("Ukraine received a delegation from Japan.")
