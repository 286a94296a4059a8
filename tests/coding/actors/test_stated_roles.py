"""A person the dictionaries lack takes the body their role is in when a sentence of its own
states it with a copula ("X was the deputy leader of the Y"), and keeps it later
(coding/actors/aliases.py, ``_stated_roles``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.aliases import described_names
from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.model import Event


def named(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [
        (doc[m.start : m.end].text, m.actor.country or "")
        for m in described_names(doc, recognizer.find(doc))
    ]


def test_a_stated_role_in_a_known_body_gives_its_country(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = (
        "Karim Haddad was the deputy leader of Hezbollah, the Lebanese militant group. "
        "The court later froze the assets of Haddad."
    )
    found = named(recognizer, nlp, text)
    assert found[0] == ("Karim Haddad", "LBN")
    assert ("Haddad", "LBN") in found


def test_the_stated_role_decides_the_target_of_a_later_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Washington was angered by the talks with Umar Bakri on Monday. "
        "Bakri was the chief financier of Hezbollah, the Lebanese militant group. "
        "The United States imposed sanctions on Bakri on Tuesday."
    )
    sanctions = [e for e in asserted(text) if e.code.startswith("163")]
    assert sanctions and sanctions[0].target is not None
    assert sanctions[0].target.country == "LBN"


@pytest.mark.parametrize(
    "text",
    [
        "Layla Haddad is the daughter of the Hezbollah leader.",  # kin, not a role
        "Layla Haddad is a critic of Hezbollah.",  # a foe
        "Layla Haddad was not a member of Hezbollah.",  # denied
        "Layla Haddad is a lecturer in Beirut.",  # a place, no body
    ],
)
def test_no_body_is_taken_from_kin_foes_denials_or_places(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    # only the second, stated, role counts
    text += " Omar Salem was a commander of Hezbollah."
    assert named(recognizer, nlp, text) == [("Omar Salem", "LBN")]
