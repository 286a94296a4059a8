"""A person named in full with an Arabic-style name comes back by another part of it: the
given name of "X bin Y", the element after "al-" (coding/actors/variants.py ``name_parts``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.actors.variants import name_parts
from dyadwatch.model import Event


def parts(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (doc[m.start : m.end].text, m.actor.code) for m in name_parts(doc, recognizer.find(doc))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Omani Sultan Haitham bin Tariq took office on Saturday. Haitham praised the army.",
            [("Haitham", "OMNGOV")],
        ),
        (
            "Jordanian Interior Minister Khaled ibn Rashed toured the camp. Critics mocked "
            "Khaled's visit.",
            [("Khaled", "JORGOV")],
        ),
        (
            "Adel al-Jubeir arrived in Geneva on Monday. Jubeir met the envoys.",
            [("Jubeir", "SAUGOV")],
        ),
    ],
)
def test_name_parts_later_part_of_a_full_name_is_that_person(
    recognizer: ActorRecognizer, nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert parts(recognizer, nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another person of the document has that given name
        "Omani Sultan Haitham bin Tariq took office. Haitham Nasser, a teacher, left. "
        "Haitham praised the army.",
        "Omani Sultan Haitham bin Tariq took office. Iraqi President Haitham Jaber arrived. "
        "Haitham praised the army.",
        # the given name before the full name: not a later mention
        "Haitham was crowned. Omani Sultan Haitham bin Tariq took office.",
        # a short given name is left alone
        "Saudi Interior Minister Ali bin Khalid toured the camp. Ali praised the guards.",
        # no "bin": a plain first name is not used alone
        "Jordanian Interior Minister Khaled Rashed toured the camp. Khaled praised the guards.",
    ],
)
def test_name_parts_ambiguous_or_plain_names_are_left_alone(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert parts(recognizer, nlp, text) == []


def test_name_parts_given_name_possessor_is_the_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted(
        "Saudi Crown Prince Mohammad bin Salman visited Cairo on Monday. Egyptian President "
        "Abdel Fattah el-Sisi rejected Mohammad's remarks."
    )
    assert any(
        e.source.code == "EGYGOV" and e.target is not None and e.target.code == "SAUGOV"
        for e in events
    )
