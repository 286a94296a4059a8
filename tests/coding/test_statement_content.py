"""What is said decides the class of a statement (coding/events/evaluations.py, labels.py):
labels judged by the evaluative cues, praise, and the deed a judgement is about."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

Dyad = tuple[str | None, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label whose judging word is only in the cue dictionary
        (
            "Hungarian police raided the offices of a Slovak newspaper on Monday. "
            "The Slovak foreign minister called the raid a charade.",
            ("SVK", "111", "HUN"),
        ),
        # the "as" phrase hung on the object by the parser is still the label
        (
            "Malian troops attacked a village in Niger on Monday. "
            'The Nigerien defence minister described the attacks as a "dastardly act" and '
            "urged calm.",
            ("NER", "111", "MLI"),
        ),
        # the parser hangs the name on the label ("Duque" a compound of "clown")
        (
            "In the interview, Maduro called Duque a clown, a racist, and a puppet.",
            ("VEN", "111", "COL"),
        ),
        # a name-calling noun of the cue dictionary
        ("The Turkish president called Macron a warmonger.", ("TUR", "111", "FRA")),
        # "the move" with no deed just before it: the deed the story opens with
        (
            "The Spanish government closed its border with Andorra on Monday, citing security "
            "concerns. Thousands of workers were stranded. Andorra's tourism board said hotels "
            'were empty. The Spanish opposition leader called the move a "smash and grab".',
            ("ESP", "111", "ESP"),
        ),
        # praise in what is said
        (
            "The French foreign minister said Germany's decision to free the prisoners was "
            "courageous.",
            ("FRA", "051", "DEU"),
        ),
        # a judged deed told before with another word of the same CAMEO root
        (
            "Taliban car bombs struck a market in Kabul on Friday. "
            "The Pakistani foreign ministry said the attacks were cowardly.",
            ("PAK", "111", "AFG"),
        ),
        # an opposition leader judging his own country's troops criticises them
        (
            "Nigerian troops shelled a village near the border on Monday. "
            "The Nigerian opposition leader said the shelling was a grave mistake.",
            ("NGA", "111", "NGA"),
        ),
        # a bare gerund names the deed of whoever did it
        (
            "Ugandan troops will leave Somalia, the Ugandan government said on Sunday. "
            '"Leaving our allies to die is a big mistake," said the Kenyan foreign minister.',
            ("KEN", "111", "UGA"),
        ),
        # "won because of fraud": the means of the act
        (
            "The Ghanaian president said the Togolese ruling party had won the vote because "
            "of fraud.",
            ("GHA", "112", "TGO"),
        ),
    ],
)
def test_statement_content_codes_what_is_said(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "The French minister said the floods were historic.",
        # the minister of the troops' own government reacts at home
        "Nigerian troops shelled a village near the border on Monday. "
        "The Nigerian defence minister said the shelling was a grave mistake.",
    ],
)
def test_statement_content_judges_no_one_without_a_doer(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not {t for t in asserted_triples(text) if t[1] in {"051", "111", "112"}}


def test_statement_content_quoted_judgement_parsed_by_the_prefilter(prefiltered: Coder) -> None:
    text = (
        "Ugandan troops will leave Somalia, the Ugandan government said on Sunday. "
        'The Kenyan foreign minister wrote, "We must stand by our friends. '
        'Leaving them now is a grave mistake."'
    )
    events = prefiltered.code(Document(id="t", text=text))
    found = {
        (e.source.country, e.code, e.target.country if e.target else None)
        for e in events
        if e.modality == "asserted"
    }
    assert ("KEN", "111", "UGA") in found
