"""Acts told through a decision noun or a reported clause: "Zembla's decision to expel the
envoy" is the expulsion, as real as the decision (``modality/classify.py`` ``decided``); a
curfew or state of emergency a government says it will impose is the measure announced, not
a threat (``events/announced.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Canada's decision to bar imports from Brazil angered farmers.", "163", "CAN", "BRA"),
        ("France's decision to expel the Iranian ambassador was criticised.", "161", "FRA",
         "IRNGOV"),
    ],
)  # fmt: skip
def test_decided_a_decision_nouns_infinitive_is_asserted(
    asserted: Callable[[str], list[Event]], text: str, code: str, source: str, target: str
) -> None:
    found = [(e.code, e.source.code, e.target.code if e.target else "-") for e in asserted(text)]
    assert (code, source, target) in found


@pytest.mark.parametrize(
    "text",
    [
        "Canada's decision not to bar imports from Brazil angered farmers.",
        "Ghana's plan to expel the Iranian ambassador angered Tehran.",
        "A decision to expel the Iranian ambassador is expected next week.",
    ],
)
def test_decided_no_act_when_refused_planned_or_awaited(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not [e for e in asserted(text) if e.code in {"163", "161"}]


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian government said it would impose a curfew in Lagos.",
        "The Nigerian government announced that it will impose a curfew in Lagos from Monday.",
        "The Nigerian government announced that a curfew will be imposed in Lagos from Monday.",
    ],
)
def test_announced_a_governments_own_restriction_is_the_measure(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert "1723" in codes
    assert not any(code.startswith("13") for code in codes)


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian government said it would impose a curfew in Lagos if the riots continued.",
        "The Ghanaian minister said Togo would impose a curfew in Lome.",
    ],
)
def test_announced_a_conditional_or_anothers_restriction_is_no_measure(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert "1723" not in [e.code for e in asserted(text)]


def test_statements_a_stateless_body_declares_no_state_of_emergency(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The board followed the WHO's decision to declare the outbreak a health emergency."
    assert not [e for e in asserted(text) if e.code == "1724"]


@pytest.mark.parametrize(
    "text",
    [
        "The killing of five villagers by Malian soldiers drew protests.",
        "The Malian army's killing of five villagers was condemned.",
    ],
)
def test_own_side_force_on_compatriots_is_aimed_at_them(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    found = [(e.source.code, e.target.code if e.target else "-") for e in asserted(text)
             if e.code[:2] in {"18", "19"}]  # fmt: skip
    assert ("MLIMIL", "MLICVL") in found


def test_own_side_troops_of_the_doers_own_country_are_no_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The withdrawal of Malian troops by the Malian government began on Monday."
    assert not [e for e in asserted(text) if e.target is not None and e.target.code == "MLIMIL"]
