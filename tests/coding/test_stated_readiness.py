"""Readiness stated in reported speech is an intent the speaker expresses now (frames.py,
complements.is_future): "said it would be ready to host talks" is asserted, not a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def intents(coder: Coder, text: str, when: dt.date | None = None) -> set[tuple[str, str]]:
    events = coder.code(Document(id="t", text=text, date=when))
    return {(e.source.code[:3], e.modality) for e in events if e.code.startswith("03")}


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it would be ready to host talks between Peru and Bolivia.",
        "The Chilean president was quoted as saying he would be ready to mediate with Peru.",
    ],
)
def test_would_be_ready_in_reported_speech_is_an_asserted_intent(coder: Coder, text: str) -> None:
    assert ("CHL", "asserted") in intents(coder, text)


def test_ready_under_a_condition_stays_hypothetical(coder: Coder) -> None:
    found = intents(coder, "Chile would be ready to host talks with Peru if both agreed.")
    assert ("CHL", "asserted") not in found


def test_a_bare_surname_is_not_an_official_who_took_office_later(coder: Coder) -> None:
    # "Hassan" alone in a 1995 story is not a head of government appointed in 2024
    text = "King Hassan of Morocco said he would be ready to host a meeting with Israel."
    assert ("MAR", "asserted") in intents(coder, text, dt.date(1995, 5, 1))


def test_a_pronoun_takes_the_country_of_its_antecedents_of_phrase(coder: Coder) -> None:
    text = "The King of Morocco was quoted as saying he would be ready to mediate with Spain."
    assert ("MAR", "asserted") in intents(coder, text)
