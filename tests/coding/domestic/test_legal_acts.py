"""Courts, juries and legislatures at work: sentences undergone, verdicts of a jury, nominees
confirmed (CAMEO 173, 116, 051)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Three Ghanaian customs officers received five-year prison terms.",
        "Three Ghanaian customs officers received a prison sentence on Monday.",
    ],
)
def test_a_prison_term_received_is_the_courts_act_on_who_received_it(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    found = triples(asserted(text))
    assert any(s == "GHAJUD" and c == "173" for s, c, _ in found), found
    assert not any(s != "GHAJUD" for s, _, _ in found)


def test_receiving_a_visitor_is_no_sentence(asserted: Callable[[str], list[Event]]) -> None:
    found = triples(asserted("The Ghanaian president received a delegation from Togo."))
    assert not any(s.endswith("JUD") for s, _, _ in found)


def test_a_jury_is_the_court_of_its_place(asserted: Callable[[str], list[Event]]) -> None:
    found = triples(asserted("A jury in Accra convicted the Ghanaian customs officer of theft."))
    assert any(s == "GHAJUD" and c.startswith("116") for s, c, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian parliament confirmed the nominee on Thursday.",
        "The Ghanaian parliament confirmed Kwame Mensah as finance minister.",
    ],
)
def test_a_legislature_confirming_a_nominee_approves(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert any(s == "GHALEG" and c == "051" for s, c, _ in triples(asserted(text)))


def test_confirming_a_fact_stays_a_statement(asserted: Callable[[str], list[Event]]) -> None:
    found = triples(asserted("The Ghanaian ministry confirmed the death of the soldier."))
    assert not any(c == "051" for _, c, _ in found)


def test_a_committee_named_for_its_chamber_is_the_legislature(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Ghana's parliament met on Monday. "
        "The House Ethics and Privileges Committee criticized the Ghanaian finance minister."
    )
    found = asserted(text)
    assert any(e.source.code == "GHALEG" and e.code.startswith("11") for e in found), [
        (e.source.code, e.code) for e in found
    ]


def test_those_held_in_contempt_do_not_author_the_charges(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Ghanaian prosecutors dropped the charges against those held in contempt of parliament."
    assert not any(e.source.code == "GHAJUD" and e.code == "1121" for e in asserted(text))


def test_the_house_alone_is_the_legislature_named_before(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Liberian House of Representatives met on Monday. "
        "A spokeswoman for the Liberian justice ministry criticized the House on Tuesday."
    )
    found = triples(asserted(text))
    assert any(c == "111" and t == "LBRLEG" for _, c, t in found), found


def test_a_house_with_no_legislature_before_is_no_actor(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = triples(asserted("The Liberian police raided the House of Hope on Monday."))
    assert not any(t == "LBRLEG" for _, _, t in found)


def test_a_legislature_goes_on_with_its_case(asserted: Callable[[str], list[Event]]) -> None:
    # the articles passed are the impeachment of the president named just before
    text = (
        "The Liberian House of Representatives impeached the Liberian president on Monday. "
        "The House passed three articles of impeachment."
    )
    found = [e for e in asserted(text) if e.code == "1121"]
    assert len(found) == 2 and all(e.target and e.target.code == "LBRGOV" for e in found)


def test_a_ranking_among_the_impeached_is_no_new_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Liberian House of Representatives impeached the Liberian president on Monday. "
        "He is the second president to be impeached by the House."
    )
    assert len([e for e in asserted(text) if e.code == "1121"]) == 1


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Liberian Senate President Jewel Howard criticized the Liberian finance minister.",
         "LBRLEG"),
        ("The Liberian Supreme Court president criticized the Liberian finance minister.",
         "LBRJUD"),
        ("The Liberian president criticized the Liberian finance minister.", "LBRGOV"),
    ],
)  # fmt: skip
def test_who_leads_a_chamber_or_court_is_of_it(
    asserted: Callable[[str], list[Event]], text: str, source: str
) -> None:
    assert any(s == source and c == "111" for s, c, _ in triples(asserted(text)))


def test_a_sentence_received_by_officials_referred_to_is_kept(
    asserted: Callable[[str], list[Event]],
) -> None:
    # "they" are the officers: the court acting on its own country's police is the news
    text = (
        "Two Ghanaian customs officers were convicted of theft on Monday. "
        "They received four-year prison terms."
    )
    found = [e for e in asserted(text) if e.code == "173"]
    assert found and found[0].source.code == "GHAJUD"
    assert found[0].target is not None and found[0].target.country == "GHA"


def test_a_demand_for_what_someone_holds_is_aimed_at_them(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Liberian parliament met on Monday. The Senate Ethics Committee issued subpoenas "
        "for records about the Liberian finance ministry's contracts."
    )
    found = [e for e in asserted(text) if e.code.startswith("10")]
    assert found and found[0].source.code == "LBRLEG"
    assert found[0].target is not None and found[0].target.code == "LBRGOV"
