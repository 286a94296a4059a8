"""A titled person's bare surname ("Okonjo" after "Finance Minister Ada Okonjo") is a person
for the pronoun rules: "she" after it is that person, and a second person beside it makes
"she" ambiguous. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

INTRO = "Nigeria's Finance Minister Ada Okonjo arrived in Accra on Monday. "


def test_she_after_a_bare_surname_is_that_person(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted(INTRO + "Later Okonjo visited the port. She criticized the Ghanaian bank.")
    assert any(e.source.code == "NGAGOV" and e.code.startswith("11") for e in events)


def test_she_between_a_surname_and_another_person_stays_unresolved(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = INTRO + "Okonjo met with President Nana Akufo-Addo, where she criticized the bank."
    assert not any(e.code.startswith("11") for e in asserted(text))
