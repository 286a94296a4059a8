"""Acts stated without their doer take one from the text around (coding/events/perpetrators.py;
docs/verbs.md, "Acts without a named doer"): force takes its perpetrator, a passive arrest,
conviction or impeachment the police, courts or legislature it implies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def _find(events: list[Event], root: str) -> list[Event]:
    return [e for e in events if e.code.startswith(root)]


@pytest.mark.parametrize(
    ("text", "source", "where"),
    [
        # a claim of responsibility later in the story
        (
            "Two Malian soldiers were killed near Gao on Tuesday. "
            "Al-Qaeda claimed responsibility for the ambush.",
            "IMG",
            "claimed responsibility",
        ),
        # the attacker of the sentence before, in the same paragraph
        (
            "Boko Haram fighters stormed a village in Borno state. "
            "Four Nigerian policemen were killed.",
            "NGA",
            "attacker",
        ),
        # the owner of the weapon the act was done with
        (
            "Three Somali militants were killed in a Kenyan airstrike near the border.",
            "KEN",
            "owner of the weapon",
        ),
        # a suspect blamed for the attack
        (
            "A bomb struck a Colombian police station. "
            "The mayor blamed ELN rebels for the bombing.",
            "COL",
            "blamed",
        ),
    ],
)
def test_agentless_force_takes_its_perpetrator(
    asserted: Callable[[str], list[Event]], text: str, source: str, where: str
) -> None:
    events = asserted(text)
    found = [
        e for e in _find(events, "1") + _find(events, "2") if "perpetrator" in e.rule["source"]
    ]
    assert found, [(e.source.code, e.code, e.rule["source"]) for e in events]
    assert found[0].source.code[:3] == source
    assert where in found[0].rule["source"]
    assert found[0].confidence is not None and found[0].confidence <= 0.6


def test_agentless_force_with_no_doer_in_sight_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert not _find(asserted("Two Malian soldiers were killed near Gao on Tuesday."), "18")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the place named on the verb comes first
        ("A Chilean activist was arrested in Buenos Aires on Friday.", "ARGCOP", "CHL"),
        # else the country of the one tried: a Kenyan tried in a Ugandan story is Kenya's
        ("Uganda's president spoke. A Kenyan journalist was convicted of spying.", "KENJUD", "KEN"),
        ("Brazilian president Fernando Collor was impeached in 1992.", "BRALEG", "BRA"),
    ],
)
def test_passive_arrest_conviction_impeachment_imply_their_agent(
    asserted: Callable[[str], list[Event]], text: str, source: str, target: str
) -> None:
    found = [e for e in asserted(text) if e.rule["source"].startswith("implied")]
    assert found, [(e.source.code, e.code, e.rule["source"]) for e in asserted(text)]
    assert found[0].source.code == source
    assert found[0].target is not None and found[0].target.code[:3] == target


def test_an_arrest_by_a_named_agent_keeps_it(asserted: Callable[[str], list[Event]]) -> None:
    found = _find(asserted("The activist was arrested by Turkish police in Ankara."), "173")
    assert found and all(not e.rule["source"].startswith("implied") for e in found)


def test_claim_of_responsibility_takes_the_target_of_the_attack(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "A police post in northern Mali was hit by mortar shells on Sunday. "
        "Al-Qaeda claimed responsibility."
    )
    claims = _find(asserted(text), "015")
    assert claims and claims[0].target is not None and claims[0].target.country == "MLI"
    assert claims[0].rule["target"].startswith("victim")


def test_an_attack_of_another_doer_is_not_the_attack_referred_to(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Chadian troops shelled a rebel camp near the border. "
        "Sudanese forces later carried out the attack in response."
    )
    later = [e for e in asserted(text) if e.source.country == "SDN" and e.code[:2] == "18"]
    assert all(e.target is None or e.target.country != "TCD" for e in later)


@pytest.mark.parametrize(
    "text",
    [
        "Pirates attacked a tanker belonging to a Danish shipping company.",
        "A tanker owned by a Danish shipping company was attacked by pirates.",
    ],
)
def test_a_thing_acted_on_names_its_owner(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    found = _find(asserted(text), "18")
    assert found and found[0].target is not None and found[0].target.country == "DNK"
