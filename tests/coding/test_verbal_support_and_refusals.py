"""Verbal cooperation and conflict told in set phrases (issue 9): coming to someone's defense
(052), a letter of support (051), a deadline given to act (139), and a narrated "would not"
that is a refusal (12), also with a "neither ... nor" subject, which denies the act."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def coded(coder: Coder, text: str) -> set[tuple[str, str, str, str]]:
    events = coder.code(Document(id="t", text=text))
    return {(e.source.code, e.code, e.target.code if e.target else "-", e.modality) for e in events}


def asserted(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {(s, c, t) for s, c, t, m in coded(coder, text) if m == "asserted"}


@pytest.mark.parametrize(
    "text",
    [
        "Two Chilean senators came to the defense of the Peruvian president.",
        "Two Chilean senators have come to the Peruvian president's defence.",
    ],
)
def test_coming_to_someones_defense_defends_them(coder: Coder, text: str) -> None:
    assert ("CHLLEG", "052", "PERGOV") in asserted(coder, text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Dutch trade minister sent a letter of support ahead of the vote.", "-"),
        ("The Dutch trade minister wrote a letter of support to the Danish premier.", "DNKGOV"),
    ],
)
def test_a_letter_of_support_is_support(coder: Coder, text: str, target: str) -> None:
    assert ("NLDGOV", "051", target) in asserted(coder, text)


def test_a_letter_without_support_is_no_endorsement(coder: Coder) -> None:
    found = asserted(coder, "The Dutch trade minister wrote a letter to the Danish premier.")
    assert not any(code == "051" for _, code, _ in found)


def test_giving_someone_until_a_date_to_act_is_an_ultimatum(coder: Coder) -> None:
    text = "Chilean miners had given the government until Monday to raise their wages."
    assert any(code == "139" and target == "CHLGOV" for _, code, target in asserted(coder, text))


def test_a_deadline_met_on_a_date_is_no_ultimatum(coder: Coder) -> None:
    found = asserted(coder, "The Chilean minister gave a speech until noon on Monday.")
    assert not any(code == "139" for _, code, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The vote was held in March, but neither Spain nor Italy would endorse the outcome.",
        "The vote was held in March, but Spain would not endorse the outcome.",
    ],
)
def test_a_narrated_would_not_is_a_refusal(coder: Coder, text: str) -> None:
    found = asserted(coder, text)
    assert ("ESP", "120", "-") in found
    assert not any(code == "051" for _, code, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Spain would not endorse the outcome if the count were flawed.",
        "Spain would not have endorsed the outcome.",
        "Spain would endorse the outcome.",
    ],
)
def test_a_hypothetical_would_is_no_refusal(coder: Coder, text: str) -> None:
    assert not any(code.startswith("12") for _, code, _ in asserted(coder, text))


def test_neither_nor_subjects_deny_the_act(coder: Coder) -> None:
    found = coded(coder, "The vote was close, but neither Spain nor Italy endorsed the outcome.")
    assert not any(code == "051" and m == "asserted" for _, code, _, m in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean president awarded a medal of honour to the Peruvian envoy.",
        "The Peruvian envoy was awarded a medal by the Chilean president.",
    ],
)
def test_an_honour_given_praises_its_recipient(coder: Coder, text: str) -> None:
    assert ("CHLGOV", "051", "PERGOV") in asserted(coder, text)


def test_damages_awarded_are_no_praise(coder: Coder) -> None:
    found = asserted(coder, "A Chilean court awarded damages to the Peruvian envoy.")
    assert not any(code == "051" for _, code, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean governor dissolved the assembly at the request of the Peruvian president.",
        "The Chilean governor dissolved the assembly at the Peruvian president's request.",
    ],
)
def test_an_act_done_at_someones_request_answers_their_appeal(coder: Coder, text: str) -> None:
    assert ("PERGOV", "020", "CHLGOV") in asserted(coder, text)


def test_a_request_with_no_doer_named_is_no_appeal(coder: Coder) -> None:
    found = asserted(coder, "The meeting was held at the request of Peru.")
    assert not any(code == "020" for _, code, _ in found)


def test_saying_forces_must_get_out_demands_their_withdrawal(coder: Coder) -> None:
    text = "The Chilean president said foreign navies must get out of the bay."
    found = asserted(coder, text)
    # a demand of de-escalation (the withdrawal demanded), not a bare demand (100)
    assert any(source == "CHLGOV" and code == "1056" for source, code, _ in found)


def test_saying_forces_should_get_out_appeals_for_their_withdrawal(coder: Coder) -> None:
    text = "The Chilean president said foreign navies should get out of the bay."
    found = asserted(coder, text)
    # "should" advises: the appeal for de-escalation, not its demand
    assert any(source == "CHLGOV" and code == "0256" for source, code, _ in found)


def test_getting_out_of_a_car_is_no_withdrawal(coder: Coder) -> None:
    found = asserted(coder, "The Chilean minister got out of the car in Lima.")
    assert not any(code.startswith("087") for _, code, _ in found)


def test_a_that_clause_makes_a_participle_after_a_name_active(coder: Coder) -> None:
    # the parser hangs "ordered" on the judge's name as a participle; a passive participle
    # takes no that-clause, so the judge is the one who ordered
    text = (
        "The vote was delayed after Maria Lopez, a Chilean appeals judge, ordered on Monday "
        "that the ballots be recounted."
    )
    found = asserted(coder, text)
    assert any(source == "CHLJUD" and code == "100" for source, code, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Chile refused to consider the request from Peru.",
        "The Chilean government said it would not consider requests from Peru.",
    ],
)
def test_refusing_to_consider_a_request_rejects_it(coder: Coder, text: str) -> None:
    found = asserted(coder, text)
    assert any(code == "120" and target == "PER" for _, code, target in found)
    assert not any(code == "011" for _, code, _ in found)  # no refusal to comment


def test_refusing_to_comment_still_declines_comment(coder: Coder) -> None:
    found = asserted(coder, "Chile refused to comment on the request.")
    assert any(code == "011" for _, code, _ in found)
