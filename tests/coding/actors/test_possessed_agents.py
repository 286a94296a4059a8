"""A bare agent owned by a possessive pronoun ("their government", "its navy") belongs to the
country of its clause's subject, not to the country another actor of that sector had earlier
in the story (coding/actors/countries.py, ActorPlacements._owner)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        (
            "Peruvian officials confirmed the deaths. "
            "Angry Bolivian farmers have denounced their government's slow reply to the floods.",
            "11",
            "BOLGOV",
        ),
        (
            "The Turkish army shelled the hills. "
            "Armenian villagers accused their government of neglect on Friday.",
            "112",
            "ARMGOV",
        ),
    ],
)
def test_possessed_agent_takes_the_subjects_country(
    asserted: Callable[[str], list[Event]], text: str, root: str, expected: str
) -> None:
    found = [e for e in asserted(text) if e.code.startswith(root)]
    assert found and found[-1].target is not None
    assert found[-1].target.code == expected


def test_possessed_subject_takes_the_speakers_country(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Russian navy seized a trawler. Georgian fishermen said their army had abandoned them."
    )
    statements = [e for e in asserted(text) if e.source.country == "GEO"]
    assert statements and statements[-1].target is not None
    assert statements[-1].target.code == "GEOMIL"
