"""A name after "the town of", "the city of" is a place, whatever the NER calls it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.places.placer import Placer


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Fighting resumed near the town of Samarra on Sunday.", "IRQ"),
        ("Clashes broke out in the Iraqi city of Basra.", "IRQ"),
    ],
)
def test_a_name_after_town_of_is_a_place(
    nlp: Language, placer: Placer, text: str, country: str
) -> None:
    doc = nlp(text)
    assert country in {t.place.country for t in placer.places_in(doc)}
