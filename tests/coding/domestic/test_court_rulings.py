"""Rulings whose verdict is the clause's own act ("ruled that X lacked the authority"), votes
of no confidence, and officials sacked (CAMEO 116, 111, 172)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghana's supreme court ruled that the president had exceeded his powers.",
            ("GHAJUD", "116", "GHAGOV"),
        ),
        (
            "A Ghanaian appeals court ruled the governor lacked the authority to close schools.",
            ("GHAJUD", "116", "GHAGOV"),
        ),
        (
            "The Ghanaian high court found that the police had violated the law.",
            ("GHAJUD", "116", "GHACOP"),
        ),
    ],
)
def test_a_ruling_that_an_actor_overstepped_finds_against_it(
    asserted: Callable[[str], list[Event]], text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(asserted(text))


def test_a_ruling_that_upholds_finds_against_no_one(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = triples(asserted("The Ghanaian supreme court ruled that the election was valid."))
    assert not any(c == "116" for _, c, _ in found), found


def test_a_second_finding_joined_to_the_first_judges_the_same_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The Ghanaian court found the minister's order was driven by an improper motive "
        "and that it is unlawful."
    )
    assert ("GHAJUD", "116", "GHAGOV") in triples(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian lawmakers passed a vote of no confidence in the prime minister.",
        "The Ghanaian opposition tabled a motion of no confidence in the government.",
        "The Ghanaian parliament held a no-confidence vote against the cabinet.",
    ],
)
def test_a_vote_of_no_confidence_disapproves_of_the_government(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    found = triples(asserted(text))
    assert any(c == "111" and t == "GHAGOV" for _, c, t in found), found


def test_a_motion_on_a_budget_is_no_disapproval(asserted: Callable[[str], list[Event]]) -> None:
    assert not asserted("The Ghanaian senate passed a motion on the budget.")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Ghanaian president sacked the army chief on Friday.", "GHAMIL"),
        ("The Ghanaian president dismissed the finance minister.", "GHAGOV"),
        ("The Ghanaian president fired his chief of staff.", "GHAGOV"),
    ],
)
def test_a_sacked_official_is_the_target_of_an_administrative_sanction(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    assert ("GHAGOV", "172", target) in triples(asserted(text))


def test_dismissing_a_proposal_stays_a_rejection(asserted: Callable[[str], list[Event]]) -> None:
    found = triples(asserted("The Ghanaian president dismissed the opposition's proposal."))
    assert ("GHAGOV", "120", "GHAOPP") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian supreme court rejected an appeal filed by the opposition party.",
        "A Ghanaian judge dismissed the lawsuit brought by the opposition party.",
    ],
)
def test_a_rejected_suit_is_aimed_at_whoever_brought_it(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert ("GHAJUD", "120", "GHAOPP") in triples(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian supreme court struck down the president's decree.",
        "A Ghanaian court overturned the government's decision to close the mines.",
        "A Ghanaian judge blocked the president's order on Friday.",
        "The Ghanaian high court annulled the president's appointment of the new judges.",
    ],
)
def test_a_court_undoing_an_act_rejects_its_author(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert ("GHAJUD", "120", "GHAGOV") in triples(asserted(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Ghanaian army struck the rebel camp.", "190"),
        ("Ghanaian police blocked the road to the airport.", "144"),
    ],
)
def test_force_and_roadblocks_keep_their_codes(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    assert code in {c for _, c, _ in triples(asserted(text))}


def test_an_upheld_conviction_finds_the_convicted_guilty(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Ghanaian appeals court upheld the conviction of the former minister."
    found = triples(asserted(text))
    assert any(s == "GHAJUD" and c == "116" and t is not None for s, c, t in found), found


def test_a_disqualified_candidate_is_barred_from_politics(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Ghanaian electoral commission disqualified the opposition candidate."
    assert any(c == "1722" and t == "GHAOPP" for _, c, t in triples(asserted(text)))


def test_a_lawsuit_is_not_aimed_at_those_who_filed_it(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "The dispute began with a lawsuit filed by the Ghanaian company Volta Gold Ltd and "
        "its founder Kwame Asante of Kumasi."
    )
    found = triples(asserted(text))
    assert all(t is None for _, c, t in found if c == "115"), found


def test_a_possessor_names_the_author_before_a_relative_clause(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "A spokeswoman for the Ghanaian justice ministry criticized the Ghanaian parliament's "
        "decision, which the Ghanaian finance minister has called a stunt."
    )
    assert ("GHAGOV", "111", "GHALEG") in triples(asserted(text))
