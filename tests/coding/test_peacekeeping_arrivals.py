"""A peace force or observer mission moving in is peacekeeping, 074 (events/third_parties.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("African Union peacekeepers arrived in Mogadishu on Tuesday.", "SOM"),
        ("A contingent of UN peacekeeping troops has arrived in South Sudan.", "SSD"),
        ("A team of OSCE observers arrived in Georgia.", "GEO"),
        ("OSCE monitors deployed in eastern Ukraine.", "UKR"),
    ],
)
def test_peacekeepers_or_observers_moving_in_is_peacekeeping(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    found = {(e.code, e.target.country if e.target else None) for e in asserted(text)}
    assert ("074", target) in found


@pytest.mark.parametrize(
    "text", ["The UN envoy arrived in Damascus.", "Kenyan troops arrived in Somalia."]
)
def test_other_arrivals_keep_their_code(asserted: Callable[[str], list[Event]], text: str) -> None:
    assert "074" not in {e.code for e in asserted(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Sudan opposed the deployment of an international peacekeeping force in Darfur.",
        "A multinational force arrived in Haiti on Sunday.",
    ],
)
def test_an_international_peace_force_is_no_single_countrys(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = {e.source.code for e in asserted(text)} | {
        e.target.code for e in asserted(text) if e.target
    }
    assert "IGOPKO" in codes


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Security Council approved the deployment of peacekeepers to Sudan.", "SDN"),
        ("Fiji deployed its soldiers as peacekeepers in Lebanon.", "LBN"),
    ],
)
def test_a_deployment_of_peacekeepers_is_no_force_posture(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    found = {(e.code, e.target.country if e.target else None) for e in asserted(text)}
    assert ("074", target) in found
    assert "154" not in {e.code for e in asserted(text)}


def test_a_deployment_of_troops_stays_force_posture(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Russia approved the deployment of troops to the border with Georgia."
    assert "154" in {e.code for e in asserted(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The Security Council approved the deployment of a team to monitor the truce in Libya.",
            "074",
        ),
        ("Twelve Italian soldiers deployed to a Kenyan army school to train Kenyan cadets.", "062"),
        (
            "The Security Council on Friday unanimously approved the deployment of a U.N. "
            "advance team to monitor a ceasefire in the western region of Libya.",
            "074",
        ),
    ],
)
def test_a_deployment_for_a_peaceful_purpose_is_no_force_posture(
    asserted: Callable[[str], list[Event]], text: str, code: str
) -> None:
    codes = {e.code for e in asserted(text)}
    assert code in codes and "154" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "China sent warships to the strait to monitor American ships.",
        "Russia deployed troops to the border with Georgia to deter an attack.",
    ],
)
def test_a_deployment_to_watch_or_deter_stays_force_posture(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert "154" in {e.code for e in asserted(text)}
