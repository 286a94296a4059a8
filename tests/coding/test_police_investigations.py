"""Questioning, interviewing and searching by the police is an investigation (091; frame
``police`` in verbs.tsv, coding/events/doers.py); by anyone else it is no event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bolivian police questioned the mayor of Sucre on Friday.", ("BOL", "091", "BOL")),
        ("The Bolivian senator was twice interviewed by police in La Paz.", ("BOL", "091", "BOL")),
        (
            "Detectives in Lima searched the home of Peruvian senator Ana Ruiz.",
            ("PER", "091", "PER"),
        ),
        # a private person, the story's country
        ("Police in Quito questioned Tom Reed about the fire.", ("ECU", "091", "ECU")),
    ],
)
def test_doers_police_questioning_is_an_investigation(
    asserted_triples: Triples, text: str, expected: tuple[str, str, str]
) -> None:
    found = asserted_triples(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Bolivian reporters questioned the mayor of Sucre on Friday.",
        "The Bolivian senator was interviewed by a radio station in La Paz.",
        "Bolivian volunteers searched the river for the missing boy.",
    ],
)
def test_doers_questioning_by_others_is_no_investigation(
    asserted_triples: Triples, text: str
) -> None:
    found = asserted_triples(text)
    assert all(code[:2] != "09" for _s, code, _t in found), found


def test_doers_investigating_an_incident_is_no_military_inquiry(asserted_triples: Triples) -> None:
    # an "incident" is as often a theft or a crash: 093 is for attacks, raids and bombings
    found = asserted_triples("Chilean police said they are investigating the incident in Arica.")
    assert all(code != "093" for _s, code, _t in found), found
