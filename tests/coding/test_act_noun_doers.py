"""Who did the act an event noun names (events/nominal.py): a "by" phrase the parser hung on
the noun's object, a possessive pronoun on a noun of force or repression; and the nouns of
harsh treatment (175)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def coded(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_by_phrase_on_the_nouns_object_names_the_doer(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The crackdown on the opposition by Belarusian security forces lasted for weeks."
    assert ("BLRCOP", "175", "BLROPP") in coded(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The harsh treatment of students by Iranian police drew wide attention.",
        "The brutal treatment of detainees by Iranian police was documented in the report.",
    ],
)
def test_harsh_treatment_is_repression(asserted: Callable[[str], list[Event]], text: str) -> None:
    assert any(e.source.code == "IRNCOP" and e.code == "175" for e in asserted(text))


def test_a_possessive_pronoun_on_a_noun_of_repression_is_its_doer(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Zimbabwean president ruled for decades. He became known for his brutal "
        "treatment of opponents."
    )
    assert any(e.source.code == "ZWEGOV" and e.code == "175" for e in asserted(text))
    # not on a milder act: "their investigation" is not the agency's act, the statement stays
    # (told to Congress: a news outlet told is only the statement's channel, statements.py)
    milder = "A US agency spokesman told Congress their investigation may last a year."
    assert [e.code for e in asserted(milder)] == ["010"]
