"""Speakers the dictionaries lack, tied to a known body by the sentence that introduces them
(coding/actors/aliases.py ``_affiliations`` and ``_stated_roles``), a bare agent word that
refers back to a countryless body (actors/context.py ``word_body``), the one group a
partitive names in apposition, and relatives who speak for themselves
(events/mentions.py)."""

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
        (doc[m.start : m.end].text, m.actor.code)
        for m in described_names(doc, recognizer.find(doc))
    ]


def sources(events: list[Event]) -> set[str]:
    return {e.source.code for e in events}


def test_a_name_of_a_party_speaks_for_it_and_so_does_its_surname_later(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = (
        "Fiona Grant of the Scottish National Party lodged a complaint on Monday. "
        "Grant, who drafted the complaint, said the ministers had acted unlawfully. "
        "Dr. Aled Pryce of University College London explained how radar works."
    )
    found = named(recognizer, nlp, text)
    assert ("Fiona Grant", "GBRPTY") in found
    assert ("Grant", "GBRPTY") in found
    # a place inside another name ("University College London") ties no one to a government
    assert not any(name.startswith(("Aled", "Pryce")) for name, _ in found)


def test_the_surname_after_an_of_phrase_is_the_source_of_a_later_accusation(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Fiona Grant of the Scottish National Party spoke to reporters in Edinburgh. "
        "Grant accused the British government of breaking the law."
    )
    accusations = [e for e in asserted(text) if e.code.startswith("112")]
    assert accusations and accusations[0].source.code == "GBRPTY"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Petra Lindqvist, who was the Swedish foreign minister until May, criticised the "
            "plan. Lindqvist also criticised the Russian government.",
            "SWEGOV",
        ),
        (
            "Omar Seddik, who heads the Egyptian foreign ministry, condemned the raid. "
            "Seddik also condemned the Israeli army.",
            "EGYGOV",
        ),
    ],
)
def test_a_who_clause_gives_the_name_its_role(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    later = [e for e in asserted(text) if "also" in e.evidence.text]
    assert later and later[0].source.code == code


def test_the_spokesperson_after_a_body_spokesperson_speaks_for_the_body(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "An Interpol spokesperson said the notice was under review. "
        "The spokesperson added that they would reject the request from Iran. "
        "A Russian spokesman denied it. The spokesman also criticised Interpol."
    )
    events = asserted(text)
    rejections = [e for e in events if e.code.startswith("12")]
    assert rejections and rejections[0].source.code.startswith("IGO")
    # a country's spokesman named in between takes the word back
    criticism = [e for e in events if "also" in e.evidence.text]
    assert criticism and criticism[0].source.code == "RUSGOV"


def test_one_of_several_groups_named_in_apposition_is_the_source(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "One of these groups, the Syrian Democratic Forces, opposed the withdrawal of US troops."
    assert "SYRREB" in sources(asserted(text))


def test_a_relative_who_speaks_is_not_the_relatives_body(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Ines Okafor, widow of Nigerian journalist Femi Okafor, addressed reporters on "
        "Friday, calling for the killers to be punished."
    )
    assert "NGAMED" not in sources(asserted(text))


def test_a_capitalised_title_after_a_possessor_is_the_possessors_official(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Dana Whitlow, who was Obama's Special Climate Envoy until March, criticised the "
        "plan. Whitlow also criticised the Chinese government."
    )
    later = [e for e in asserted(text) if "also" in e.evidence.text]
    assert later and later[0].source.code == "USAGOV"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kandahar provincial council condemned the Taliban attack on Afghan troops.", "GOV"),
        ("Kent's chief constable Ruth Aldous criticised the British interior ministry.", "COP"),
    ],
)
def test_local_councils_and_police_chiefs_are_actors(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    assert any((e.source.sector or "") == code for e in asserted(text))


def test_a_spokesperson_for_a_named_leader_speaks_for_the_leaders_country(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Vatican condemned the bombing. "
        "A spokesperson for President Rodrigo Duterte condemned the bombing."
    )
    second = [e for e in asserted(text) if "spokesperson" in e.evidence.text]
    assert second and second[0].source.code == "PHLGOV"


def test_the_pope_is_the_holy_sees_head_of_state(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    import datetime as dt

    doc = nlp("On Sunday Pope Francis condemned the attack on the cathedral.")
    found = [m.actor.code for m in recognizer.find(doc, dt.date(2019, 1, 28))]
    assert "VATGOV" in found
