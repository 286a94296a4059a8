"""Reactions to an earlier act named only by its noun (coding/events/reactions.py,
docs/verbs.md "Reactions")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

FILLER = " ".join(
    f"Local markets in the capital reopened on day {n} after the storm." for n in range(6)
)


def _target_of(events: list[Event], root: str) -> str | None:
    found = [e for e in events if e.code.startswith(root)]
    assert found, f"no event of root {root}: {[e.code for e in events]}"
    return found[-1].target.country if found[-1].target else None


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        # an act of force named by its noun is found well before the reaction
        (
            f"Ethiopian troops shelled villages in Eritrea on Monday. {FILLER} "
            "The operation was condemned by Kenya.",
            "11",
            "ETH",
        ),
        # the reacted act in a prepositional phrase
        (
            "Russian jets bombed a market in Georgia. Poland spoke out against the attack.",
            "11",
            "RUS",
        ),
        # the act's own author named in its phrase
        (
            "Sweden criticized the decision by Hungarian Prime Minister Viktor Orban.",
            "11",
            "HUN",
        ),
    ],
)
def test_reaction_target(
    asserted: Callable[[str], list[Event]], text: str, root: str, expected: str
) -> None:
    assert _target_of(asserted(text), root) == expected


def test_a_reaction_to_a_far_statement_stays_targetless(
    asserted: Callable[[str], list[Event]],
) -> None:
    # only acts of force are looked for further back: a plain decision is not
    text = f"Chile said it would cut fuel taxes. {FILLER} Peru criticized the move."
    assert _target_of(asserted(text), "11") is None


def test_a_claim_of_responsibility_is_aimed_at_the_attacked(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Gunmen attacked a Nigerian army base on Sunday. "
        "Boko Haram claimed responsibility on Monday."
    )
    assert _target_of(asserted(text), "015") == "NGA"


def test_a_continued_act_of_force_keeps_its_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Ugandan troops shelled border towns in Congo on Monday. "
        "On Tuesday, Uganda began a ground offensive."
    )
    assert _target_of(asserted(text), "19") == "COD"


def test_another_countrys_act_of_force_is_not_continued(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Ugandan troops shelled border towns in Congo on Monday. "
        "On Tuesday, Rwanda began a ground offensive."
    )
    assert _target_of(asserted(text), "19") is None


def test_an_allegation_is_aimed_at_the_accused(asserted: Callable[[str], list[Event]]) -> None:
    text = "Uganda alleged that Sudanese militias shelled the border post."
    assert _target_of(asserted(text), "112") == "SDN"


def test_a_far_reaction_falls_back_on_the_story_lead_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    # nothing in the last sentences: "the move" is the act the story opens with
    text = f"Chile closed its border with Bolivia on Monday. {FILLER} Peru criticized the move."
    assert _target_of(asserted(text), "11") == "CHL"


def test_a_lead_act_of_the_reacting_country_is_no_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        f"Peru closed its northern border with Bolivia on Monday. {FILLER} Peru defended the move."
    )
    events = [e for e in asserted(text) if e.code.startswith("05")]
    assert all(e.target is None or e.target.country != "PER" for e in events)


def test_a_pledge_of_funds_goes_to_whom_the_rebuilding_is_for(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Norway pledged funds for the reconstruction of Haiti.")
    assert _target_of(events, "033") == "HTI"


def test_an_apology_is_owed_to_whom_the_own_act_harmed(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Dutch police detained three Moroccan students at the airport on Friday. "
        "On Saturday the Dutch government apologised for the incident."
    )
    assert _target_of(asserted(text), "055") == "MAR"


def test_an_apology_is_not_owed_for_another_country_s_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Belgian police detained three Moroccan students at the airport on Friday. "
        "On Saturday the Dutch government apologised for the incident."
    )
    events = [e for e in asserted(text) if e.code.startswith("055")]
    assert all(e.target is None or e.target.country != "MAR" for e in events)


def _targets_of(events: list[Event], root: str) -> set[str | None]:
    return {e.target.country if e.target else None for e in events if e.code.startswith(root)}


def test_a_reaction_to_a_joint_act_is_aimed_at_each_author(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Foreign ministers of Chile, Peru and Bolivia met in Lima on Monday. "
        "They called on Argentina to reopen its border crossings. "
        "On Tuesday, the Argentine government rejected the demand."
    )
    assert _targets_of(asserted(text), "12") == {"CHL", "PER", "BOL"}


@pytest.mark.parametrize(
    "text",
    [
        # the agreement told sentences before, with another act in between
        "Chile and Bolivia signed a gas deal in La Paz on Monday. Peru said it would study "
        "the text. The Peruvian foreign minister criticized the deal on Wednesday.",
        "Chile and Bolivia agreed on a new border line in March. Peru criticized the agreement.",
    ],
)
def test_a_reaction_to_an_agreement_is_aimed_at_its_parties(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert _targets_of(asserted(text), "11") == {"CHL", "BOL"}


@pytest.mark.parametrize(
    "text",
    [
        "Nicolas Maduro won the presidential election in May. "
        "Neither the European Union nor Colombia would endorse the result.",
        "Nicolas Maduro won the presidential election in May, but amid claims of fraud "
        "the United States refused to accept the outcome.",
    ],
)
def test_rejecting_a_vote_result_is_aimed_at_its_winner(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert _targets_of(asserted(text), "12") == {"VEN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack told as done, before an older one told by its approval: the reaction is
        # about the attack done
        (
            "Turkish jets bombed a village in Syria on Friday. A Syrian general had approved "
            "the raids on a Turkish border post last month. "
            "Jordanian officials spoke out against the attack.",
            "TUR",
        ),
        # only an approved attack told: aimed at its approver
        (
            "Iran ordered the attack on a Saudi oil plant. Britain condemned the attack.",
            "IRN",
        ),
    ],
)
def test_reactions_prefer_an_attack_done_to_an_attack_approved(
    asserted: Callable[[str], list[Event]], text: str, expected: str
) -> None:
    assert _target_of(asserted(text), "11") == expected
