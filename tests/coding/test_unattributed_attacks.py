"""Attacks with no perpetrator named (events/unattributed.py): the unidentified armed force of
the country struck (<country>UAF) is the source; the victims are the target."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def coded(events: list[Event]) -> set[tuple[str, str, str | None]]:
    """(source actor code, CAMEO code, target country) of each event."""
    return {(e.source.code, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("A roadside bomb in the city of Kandahar killed four Afghan policemen.",
         "AFGUAF", "1833", "AFG"),
        ("Two Somali soldiers were killed by a landmine near the town of Baidoa.",
         "SOMUAF", "190", "SOM"),
        ("Five Pakistani police officers died and two Pakistani judges were killed in a suicide "
         "bombing in Peshawar.", "PAKUAF", "1831", "PAK"),
    ],
)  # fmt: skip
def test_an_attack_with_no_perpetrator_is_the_places_unidentified_force(
    asserted: Callable[[str], list[Event]], text: str, source: str, code: str, target: str
) -> None:
    assert (source, code, target) in coded(asserted(text))


def test_a_victim_that_is_no_actor_leaves_the_place_as_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("A local reporter was killed in a car bomb explosion in central Baghdad.")
    assert [(e.source.code, e.target.country if e.target else None) for e in events] == [
        ("IRQUAF", "IRQ")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A Hamas car bomb killed two soldiers in Hebron.",
        "Rebels killed two soldiers in a bomb attack near the town of Gulu.",
    ],
)
def test_an_attack_whose_author_is_named_is_not_unattributed(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.source.sector == "UAF" for e in asserted(text))


def test_a_harm_with_no_weapon_and_no_actor_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert asserted("Three miners were killed in Kabwe when a tunnel collapsed.") == []


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("Three Dutch journalists were arrested in Venezuela on Friday.", "VENCOP", "173", "NLD"),
        ("A Belgian businessman has been put under investigation in France.", "FRAJUD", "091",
         "BEL"),
        ("Forty Malian migrants were deported from Algeria.", "DZACOP", "174", "MLI"),
    ],
)  # fmt: skip
def test_an_agentless_state_act_in_a_country_is_that_countrys(
    asserted: Callable[[str], list[Event]], text: str, source: str, code: str, target: str
) -> None:
    assert (source, code, target) in coded(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan interior minister was arrested in Caracas.",
        "Three Dutch journalists were arrested by Venezuelan police in Caracas.",
        "The bill was approved in Venezuela.",
    ],
)
def test_other_passives_are_not_unattributed_state_acts(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.rule.get("source", "").startswith("unattributed") for e in asserted(text))


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("Two Kenyan police officers were stabbed outside a station in Mombasa.", "KENUAF",
         "182", "KEN"),
        ("Four Iraqi soldiers were shot at a checkpoint in Mosul on Sunday.", "IRQUAF", "180",
         "IRQ"),
    ],
)  # fmt: skip
def test_an_agentless_stabbing_or_shooting_of_actors_is_unattributed(
    asserted: Callable[[str], list[Event]], text: str, source: str, code: str, target: str
) -> None:
    assert (source, code, target) in coded(asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "A man was stabbed in a park in Leeds on Saturday.",
        "Two Kenyan officers were stabbed by a prisoner in Mombasa.",
    ],
)
def test_a_stabbing_of_no_actor_or_by_someone_named_is_not_unattributed(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.source.sector == "UAF" for e in asserted(text))
