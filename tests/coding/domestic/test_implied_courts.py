"""Implied agents: the courts of the country for agentless passives of legal acts, and the
office a name the dictionaries do not know acts in ("resigned as the mayor")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def dyads(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country of the one charged
        ("Two Kenyan police officers were indicted over the death of a student.",
         ("KENJUD", "17", "KENCOP")),
        ("A Peruvian minister was sentenced to four years for bribery.",
         ("PERJUD", "11", "PERGOV")),
        # a person no dictionary knows: the civilians of the place named with them
        ("A man in Ohio has been charged with fraud.", ("USAJUD", "17", "USACVL")),
        ("A suspect was jailed in Nairobi on Monday.", ("KENJUD", "17", "KENCVL")),
    ],
)  # fmt: skip
def test_agentless_legal_passive_is_done_by_the_courts(
    asserted: Callable[[str], list[Event]],
    text: str,
    expected: tuple[str, str, str | None],
) -> None:
    assert expected in dyads(asserted(text))


def test_named_agent_is_kept(asserted: Callable[[str], list[Event]]) -> None:
    found = dyads(asserted("The Kenyan minister was accused of graft by Kenyan lawmakers."))
    assert not any(source.endswith("JUD") for source, _, _ in found)


def test_no_country_no_court(asserted: Callable[[str], list[Event]]) -> None:
    # nothing places the act: no court is invented
    assert not asserted("The man was fined for speeding.")


def test_passive_charge_is_legal_action(asserted: Callable[[str], list[Event]]) -> None:
    # "charged over" has no particle of the "charge with" entry, still a legal charge
    found = dyads(asserted("A woman in Texas was charged over the theft of ballots."))
    assert ("USAJUD", "17", "USACVL") in found


def test_release_from_custody_is_the_courts(asserted: Callable[[str], list[Event]]) -> None:
    found = asserted("A Kenyan activist was released from prison in Nairobi on Friday.")
    assert ("KENJUD", "0841", "KENCVL") in {
        (e.source.code, e.code, e.target.code if e.target else None) for e in found
    }


def test_unknown_name_acts_in_the_office_it_resigns(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = dyads(asserted("Juan Perez resigned as the mayor of Bogota on Monday."))
    assert any(source == "COLGOV" and root == "08" for source, root, _ in found)


def test_a_body_does_not_act_on_itself(asserted: Callable[[str], list[Event]]) -> None:
    # held in contempt of parliament: the minister is held, not parliament
    found = dyads(asserted("The Kenyan interior minister was held in contempt of parliament."))
    assert found == {("KENLEG", "11", "KENGOV")}


def test_a_passive_naming_no_one_acted_on_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = asserted("The Chilean protest leader wept in court when sentenced.")
    assert not any(e.rule["source"].startswith("implied") and e.target is None for e in found)
