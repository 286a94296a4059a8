"""Dictionary rows for armed bodies and commanders that news names often."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def codes(recognizer: ActorRecognizer, nlp: Language, text: str, when: dt.date) -> set[str]:
    return {m.actor.code for m in recognizer.find(nlp(text), when=when)}


def test_the_iraqi_militia_umbrella_by_its_abbreviation(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = codes(recognizer, nlp, "The PMF said its fighters held the town.", dt.date(2019, 5, 1))
    assert "IRQMIL" in found


def test_the_quds_force_commander_is_iranian_military(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = codes(recognizer, nlp, "Qassem Soleimani toured the front.", dt.date(2015, 3, 1))
    assert "IRNMIL" in found
