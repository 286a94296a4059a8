"""Saying an act is out of the question, off the table or not an option refuses it (12): the
act is mapped into the reject family (events/frames.py, ``ruled_out_act``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bolivia said that easing the sanctions on Chile is out of the question.",
            ("BOL", "1244", "CHL"),
        ),
        (
            "Ankara said a truce with the Kurdish militants was not an option.",
            ("TUR", "1246", None),
        ),
        ("Austria said lifting the embargo on Syria was off the table.", ("AUT", "1244", "SYR")),
    ],
)
def test_ruling_an_act_out_refuses_it(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    found = asserted_triples(text)
    if expected[2] is None:
        assert any(s == expected[0] and c == expected[1] for s, c, _ in found), found
    else:
        assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "The Bolivian minister said a new election is an option.",
        "The Bolivian minister said the vote was out of his hands.",
    ],
)
def test_an_open_option_refuses_nothing(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not any(c.startswith("12") for _, c, _ in asserted_triples(text))
