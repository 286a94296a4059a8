"""A verb's sense chosen from its object (issue 9): approving an attack is ordering it, not
praising it; supporting a sector of public life is no endorsement of anyone; "has alleged ties
to X" says what someone has, not what anyone alleged (dictionaries/data/verbs.tsv,
coding/events/predicates.py; docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan defence minister approved the attack on the Colombian border post.",
        "The Venezuelan defence minister approved the raids on Colombian villages.",
        "The Venezuelan defence minister authorized the bombing of Colombian camps.",
    ],
)
def test_predicates_an_approved_attack_is_the_attack(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert any(c[:2] in {"18", "19"} for c in codes), codes
    assert "051" not in codes, codes


def test_predicates_approving_of_an_attack_stays_an_endorsement(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Venezuelan president approved of the attack on the Colombian embassy."
    codes = [e.code for e in asserted(text)]
    assert "051" in codes, codes
    assert not any(c[:2] in {"18", "19"} for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president supported education, healthcare and farming.",
        "As governor she backed agriculture and tourism in the Kenyan highlands.",
    ],
)
def test_predicates_supporting_a_sector_is_no_event(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not [e.code for e in asserted(text) if e.code.startswith("05")]


def test_predicates_supporting_an_actor_stays_an_endorsement(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = [e.code for e in asserted("The Kenyan president supported the Ugandan proposal.")]
    assert "051" in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan oil minister has alleged ties to a Colombian drug cartel.",
        "The Venezuelan mayor has alleged links with Colombian smugglers.",
    ],
)
def test_predicates_has_alleged_ties_is_no_accusation(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert "112" not in [e.code for e in asserted(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan opposition alleged ties between the minister and a Colombian cartel.",
        "The Venezuelan opposition has alleged links between the minister and a cartel.",
    ],
)
def test_predicates_alleged_ties_between_parties_stay_an_accusation(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert "112" in [e.code for e in asserted(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria started backing the government of Mali against the northern rebellion.",
        "Eritrea supported the Somali government against the militants.",
        "Qatar supported the Libyan militias with weapons.",
    ],
)
def test_backing_a_side_in_a_fight_is_military_aid(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert "072" in codes, codes
    assert "051" not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition leader backed the Somali government against the militants.",
        "Eritrea supported Sudan against Egypt in the dispute.",
    ],
)
def test_backing_by_a_person_or_against_a_country_stays_an_endorsement(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert "051" in codes, codes
    assert "072" not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan parliament approved funding for a new road.",
        "On Friday the Kenyan parliament approved a budget authorizing funding for a fence.",
    ],
)
def test_backing_funding_approved_for_no_one_is_no_aid(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not [e.code for e in asserted(text) if e.code.startswith("07")]


def test_backing_funding_approved_for_an_actor_stays_aid(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Kenyan parliament approved funding for Somali refugees."
    assert "071" in [e.code for e in asserted(text)]
