"""Verbal conflict told without a verb of criticising: a critic named as such, a second
accusation told as "similar" to the first, a judged clause inside "the fact that ...", an
accusation of a candidate coded as the bare country. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str, date: dt.date | None = None) -> list[Event]:
    document = Document(id="t", text=text, date=date)
    return [e for e in coder.code(document) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian opposition leader is a vocal critic of the Chilean president.",
        "The Peruvian opposition leader, a longtime detractor of the Chilean government, "
        "gave a speech in Lima.",
    ],
)
def test_a_critic_named_as_such_criticises_whom_the_of_phrase_names(
    coder: Coder, text: str
) -> None:
    assert ("PER", "111", "CHL") in triples(coded(coder, text))


def test_a_negated_or_unnamed_critic_criticises_no_one(coder: Coder) -> None:
    assert ("PER", "111", "CHL") in triples(
        coded(coder, "The Peruvian senator is a critic of the Chilean president.")
    )
    for text in (
        "The Peruvian senator is not a critic of the Chilean president.",
        "Critics of the Chilean government gathered in Lima.",
    ):
        assert not any(e.code.startswith("11") for e in coded(coder, text))


def test_a_similar_accusation_is_aimed_like_the_one_before(coder: Coder) -> None:
    text = (
        "The Peruvian interior minister blamed the bombing on Chilean rebels. "
        "Similar accusations were made by the Bolivian foreign minister."
    )
    assert ("BOL", "112", "CHL") in triples(coded(coder, text))
    # nothing like them before: whom they accuse is not known
    text = (
        "The Peruvian interior minister visited the border town. "
        "Similar accusations were made by the Bolivian foreign minister."
    )
    assert not any(e.source.country == "BOL" and e.target for e in coded(coder, text))


def test_a_similar_act_not_an_event_noun_takes_the_kind_of_the_act_it_echoes(
    coder: Coder,
) -> None:
    text = (
        "The Peruvian interior minister attributed the bombing to Chilean rebels. "
        "Similar attributions were made by the Bolivian foreign minister."
    )
    assert ("BOL", "112", "CHL") in triples(coded(coder, text))


def test_a_wrong_done_in_the_fact_that_clause_is_judged(coder: Coder) -> None:
    text = (
        '"Nothing can change the fact that the Chilean police have chosen to break up '
        'the rallies in an unlawful way," the Peruvian foreign ministry said.'
    )
    assert ("PER", "112", "CHL") in triples(coded(coder, text))


def test_a_candidate_coded_as_his_own_country_can_be_accused_by_a_compatriot(
    coder: Coder,
) -> None:
    text = "Donald Trump claimed Joe Biden had won the vote due to fraud."
    events = coded(coder, text, dt.date(2020, 11, 20))
    assert {(e.source.code, e.code, e.target.code if e.target else None) for e in events} == {
        ("USAGOV", "112", "USA")
    }


@pytest.mark.parametrize(
    ("first", "second", "author"),
    [
        (
            "Chilean troops shelled the border town on Monday.",
            "The Peruvian president expressed opposition to the attack.",
            "CHL",
        ),
        (
            "The Chilean court ruled against the fishermen.",
            "The Peruvian president voiced disappointment at the ruling.",
            "CHL",
        ),
    ],
)
def test_a_stance_named_by_its_noun_is_aimed_at_the_author_of_what_it_is_about(
    coder: Coder, first: str, second: str, author: str
) -> None:
    events = coded(coder, f"{first} {second}")
    assert any(
        e.source.country == "PER"
        and e.code.startswith("11")
        and e.target
        and e.target.country == author
        for e in events
    )
