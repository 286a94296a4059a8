"""Acts found missing on news the coder was never tuned on: dismissals ("relieved of his post"),
detentions ("held on suspicion of"), sentences and verdicts handed down, court proceedings
started, indictments naming someone, vetoes overridden, declarations initialled (verbs.tsv);
releases on bail (implied_agents.tsv, also with a second "on" phrase); and acts done with a
means, "used X to do Y" (roles.py: the user does Y; folds.py: the use is part of Y)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event

Asserted = Callable[[str], list[Event]]


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("The Peruvian transport minister was relieved of his post last week.", "172", "PERGOV"),
        ("The Peruvian president relieved the transport minister of his post.", "172", "PERGOV"),
        ("A Bolivian smuggler was being held on suspicion of bribery.", "173", "BOLCOP"),
        (
            "A Kenyan judge handed down a life sentence to the former Ugandan minister.",
            "173",
            "KENJUD",
        ),
        ("Tanzania started court proceedings against the Kenyan government.", "115", "TZA"),
        ("The Kenyan finance minister was named in an indictment last week.", "173", "KENJUD"),
        ("Chile and Peru initialled a joint declaration on fishing rights.", "057", "CHL"),
        ("The Kenyan activist was released on bail on a cold morning.", "0841", "KENJUD"),
        ("The Kenyan opposition leader was dismissed from the cabinet.", "172", "KENGOV"),
        ("The Kenyan government banned imports of Ugandan sugar.", "163", "KENGOV"),
        ("The Kenyan government curbed exports of maize to Uganda.", "163", "KENGOV"),
        ("Uganda offered warships to escort Kenyan tankers.", "0334", "UGA"),
        ("Russia offered fighter jets to Syria.", "0332", "RUS"),
    ],
)
def test_verbs_untouched_news_phrases_are_coded(
    asserted: Asserted, text: str, code: str, source: str
) -> None:
    assert any(e.code == code and e.source.code == source for e in asserted(text))


def test_verbs_overriding_a_veto_is_a_rejection(asserted: Asserted) -> None:
    text = "The Peruvian Congress voted to override the president's veto of the budget."
    assert any(e.code == "120" and e.source.code == "PERLEG" for e in asserted(text))


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Iran used missiles to attack Kuwaiti ships.", "190", "IRN", "KWT"),
        ("Russia used its veto to block the Ukrainian resolution.", "129", "RUS", None),
        (
            "The Kenyan army used helicopters to attack the Somali rebels.",
            "190",
            "KENMIL",
            "SOMREB",
        ),
    ],
)
def test_roles_used_means_act_is_the_users(
    asserted: Asserted, text: str, code: str, source: str, target: str | None
) -> None:
    events = [e for e in asserted(text) if e.code == code and e.source.code == source]
    assert events
    if target is not None:
        assert any(e.target is not None and e.target.code == target for e in events)


def test_folds_use_of_tear_gas_is_one_act_with_the_dispersal(asserted: Asserted) -> None:
    events = asserted("Kenyan police used tear gas to disperse the protesters.")
    assert [e.code for e in events if e.root_code == "17"] == ["175"]


@pytest.mark.parametrize(
    "text",
    [
        "The fresh Kenyan troops relieved the exhausted soldiers at the border.",
        "The Kenyan government used the money to build schools.",
        "Chile and Peru started talks on fishing rights.",
        "The Kenyan president removed the statue from the square.",
    ],
)
def test_verbs_look_alike_phrases_are_no_coercion(asserted: Asserted, text: str) -> None:
    assert not any(e.root_code in ("11", "17") for e in asserted(text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Kenyan police warned that protesters would be arrested.", "KENCOP", "KENCVL"),
        (
            "Kenya said any Ugandan fishermen caught in its waters would be arrested.",
            "KEN",
            "UGACVL",
        ),
    ],
)
def test_implied_future_punishment_told_by_a_speaker_is_their_threat(
    asserted: Asserted, text: str, source: str, target: str
) -> None:
    assert any(
        e.root_code == "13"
        and e.source.code == source
        and e.target is not None
        and e.target.code == target
        for e in asserted(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police said that protesters would not be arrested.",
        "Kenyan police said protesters had been arrested.",
    ],
)
def test_implied_no_threat_without_a_future_punishment(asserted: Asserted, text: str) -> None:
    assert not any(e.root_code == "13" for e in asserted(text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Japan has also attacked the OECD forecasts.", "IGOOEC"),
        ("The rebels launched attacks on the Kenyan government's plan.", "KENGOV"),
    ],
)
def test_criticised_attack_on_a_plan_is_criticism(
    asserted: Asserted, text: str, target: str
) -> None:
    events = asserted(text)
    assert any(e.code == "111" and e.target is not None and e.target.code == target for e in events)
    assert not any(e.root_code in ("18", "19") for e in events)


def test_criticised_attack_on_a_base_stays_force(asserted: Asserted) -> None:
    assert any(e.root_code == "18" for e in asserted("Somali rebels attacked a Kenyan army base."))


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Iran built the missile with help from China.", "070", "CHN", "IRN"),
        ("Iran built the missile with Chinese help.", "070", "CHN", "IRN"),
        ("The Kenyan army retook the town with military aid from Uganda.", "072", "UGA", "KENMIL"),
        (
            "The Kenyan army, with the help of Ugandan troops, retook the town.",
            "072",
            "UGAMIL",
            "KENMIL",
        ),
    ],
)
def test_helped_act_done_with_help_is_the_helpers_aid(
    asserted: Asserted, text: str, code: str, source: str, target: str
) -> None:
    assert any(
        e.code == code
        and e.source.code == source
        and e.target is not None
        and e.target.code == target
        for e in asserted(text)
    )


def test_helped_help_from_no_actor_is_no_aid(asserted: Asserted) -> None:
    events = asserted("The bill passed with the help of opposition votes.")
    assert not any(e.root_code == "07" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president said he will veto the budget bill.",
        "Russia will veto the resolution, its envoy said.",
    ],
)
def test_frames_announced_veto_is_a_threat(asserted: Asserted, text: str) -> None:
    assert any(e.root_code == "13" for e in asserted(text))


def test_frames_refused_veto_is_no_threat(asserted: Asserted) -> None:
    events = asserted("The Kenyan president said he will not veto the budget bill.")
    assert not any(e.root_code == "13" for e in events)
