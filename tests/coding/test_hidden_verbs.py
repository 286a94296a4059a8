"""Acts the parse used to hide from the verb dictionary (issue 9, "no event in sentence"): a
capitalised plural opening a sentence taken for a name, a past-tense verb read as an adjective
of the noun after it, a body of no country that lists its members (docs/verbs.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.noun_roots import reattach_noun_roots
from dyadwatch.model import Document, Event


def triples(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    events: list[Event] = [
        e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"
    ]
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_a_plural_opening_the_sentence_is_still_the_noun(coder: Coder) -> None:
    # "Tributes" is tagged as a proper name and kept unlemmatized: "pay +tribute" still fires
    found = triples(coder, "Tributes were paid to the Jordanian king by the Egyptian president.")
    assert ("EGYGOV", "018", "JORGOV") in found


def test_leaders_including_named_ones_are_those_named(coder: Coder) -> None:
    found = triples(
        coder,
        "Condolences were offered by regional leaders including the Egyptian president and"
        " the Jordanian king.",
    )
    assert {("EGYGOV", "018", None), ("JORGOV", "018", None)} <= found
    assert not any(source == "GOV" for source, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject already on the verb, the verb hung on the object as its adjective
        ("The British relinquished control of the colony to Kenya in 1963.", ("GBR", "084", "KEN")),
        # the subject inside the object's phrase too
        ("The French relinquished control of the port to Algeria.", ("FRA", "084", "DZA")),
    ],
)
def test_a_verb_read_as_an_adjective_acts_again(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    # handed over to Kenya: the one handed to, not the place handed over ("of the colony")
    assert expected in triples(coder, text)


@pytest.mark.parametrize(
    "text",
    ["The newly elected government.", "Sealed bottles.", "The Saudi-led coalition."],
)
def test_participles_that_are_adjectives_stay(nlp: Language, text: str) -> None:
    assert reattach_noun_roots(nlp(text)) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese foreign ministry chided Japan over its remarks.", ("CHNGOV", "111", "JPN")),
        ("The Kenyan president admonished Somalia for the border raids.", ("KENGOV", "111", "SOM")),
    ],
)
def test_verbs_of_reproach(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(coder, text)
