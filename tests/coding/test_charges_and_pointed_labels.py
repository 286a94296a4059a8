"""Accusations in beliefs, allegations and cited wrongs (coding/events/charges.py), labels of
aggression (events/labels.py), quotations "according to a tweet by X" (events/quotes.py), and
judgements whose pronoun stands for the story's deed (coding/events/evaluations.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Dyad = tuple[str | None, str, str | None]

# a deed, then sentences with no deed of anyone, then a quoted judgement by a pronoun
QUIET_STORY = (
    "Venezuela expelled two Colombian diplomats on Monday. The diplomats flew home on "
    "Tuesday evening. Their families stayed in Caracas for a week. The Colombian foreign "
    "minister spoke to reporters in Bogota. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kenyan intelligence service believes the Somali general ordered the killing "
            "of the journalist.",
            ("KEN", "112", "SOM"),
        ),
        (
            "In a letter, the Swedish foreign minister cited the Belarusian government's "
            "repression of its critics as the reason.",
            ("SWE", "112", "BLR"),
        ),
        (
            "Ethiopian officials believe Egypt is secretly meddling in Sudanese politics.",
            ("ETH", "112", "EGY"),
        ),
        (
            # the commas after the clause's subject split the clause in the parse
            "Lebanese protesters have claimed Syria, especially, amongst other outside "
            "powers, is unduly influencing their cabinet and bribing deputies.",
            ("LBN", "112", "SYR"),
        ),
    ],
)
def test_charges_wrong_laid_at_another_actor_is_an_accusation(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police believe the Somali general will visit Nairobi next week.",
        "Kenyan police do not believe the Somali general ordered the killing.",
        "In a letter, the Swedish foreign minister cited the Belarusian government's budget "
        "as the reason.",
    ],
)
def test_charges_no_wrong_no_accusation(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert not any(code.startswith("11") for _, code, _ in asserted_triples(text))


def test_evaluations_quoted_pronoun_with_no_deed_near_judges_the_storys_deed(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = QUIET_STORY + 'He added, "It is a cheap stunt that nobody believes."'
    assert ("COL", "111", "VEN") in asserted_triples(text)


def test_evaluations_pronoun_object_of_a_naming_verb_is_the_deed_just_told(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "Uganda closed its border with Kenya on Monday. "
        'The Kenyan trade minister called it "a stab in the back".'
    )
    assert ("KEN", "111", "UGA") in asserted_triples(text)


def test_labels_hyphenated_judgement_split_by_the_parser(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Ghanaian foreign minister called Togo's proposal a non-starter."
    assert ("GHA", "111", "TGO") in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Armenia shelled a village on Monday. Azerbaijan's foreign ministry called the "
        'shelling "an aggression".',
        "Armenia shelled a village on Monday. Azerbaijan's foreign ministry described the "
        'shelling as "a flagrant violation of Azerbaijani sovereignty".',
    ],
)
def test_labels_calling_an_act_aggression_accuses_of_aggression(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert ("AZE", "1123", "ARM") in asserted_triples(text)


def test_quotes_according_to_a_writing_by_an_actor_gives_the_speaker(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        '"The Syrian regime is behaving like a bully," according to a statement by the '
        "Israeli foreign minister."
    )
    assert ("ISR", "111", "SYR") in asserted_triples(text)


def test_statements_said_capable_of_the_deed_blames_the_able(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = (
        "Twin bombings struck a market in Mombasa. The Kenyan interior minister agreed, "
        "saying only the Somali militia appeared capable of the twin bombings."
    )
    assert ("KEN", "112", "SOM") in asserted_triples(text)


def test_statements_capable_of_a_kind_of_act_is_no_charge(
    asserted_triples: Callable[[str], set[Dyad]],
) -> None:
    text = "The Kenyan interior minister said the Somali army is capable of attacks on the border."
    assert not any(code.startswith("11") for _, code, _ in asserted_triples(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ugandan attorney general said the Kenyan minister must face corruption charges.",
            ("UGA", "1121", "KEN"),
        ),
        (
            "The Ugandan attorney general said the Kenyan minister will not face charges.",
            ("UGA", "010", "KEN"),
        ),
    ],
)
def test_statements_must_face_charges_is_an_accusation_of_crime(
    asserted_triples: Callable[[str], set[Dyad]], text: str, expected: Dyad
) -> None:
    assert expected in asserted_triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president denied the reports and labelled them as Togolese disinformation.",
        "The Ghanaian president called the border closure a Togolese provocation.",
    ],
)
def test_evaluations_label_names_the_author_of_what_it_judges(
    asserted_triples: Callable[[str], set[Dyad]], text: str
) -> None:
    assert ("GHA", "111", "TGO") in asserted_triples(text)
