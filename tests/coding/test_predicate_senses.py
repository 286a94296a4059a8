"""Predicates the dictionaries lacked (issue 9): recommending an act, applying pressure,
mediating by facilitating talks, armed struggles led, ending shared power or a joint venture,
campaigns of vaccination, suspensions from a post, attempted acts, bills dropped; and a
negated plain yield, which is a refusal to yield (124), not an act that did not happen."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Document, Event

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_verbs_recommending_an_act_is_an_appeal_for_it(asserted_triples: Triples) -> None:
    found = asserted_triples("The Kenyan government recommended that Somali troops withdraw.")
    assert ("KEN", "0256", "SOM") in found


def test_verbs_applying_pressure_is_a_demand_on_whom_it_is_applied(
    asserted_triples: Triples,
) -> None:
    found = asserted_triples("The Iranian government applied pressure on the Iraqi government.")
    assert ("IRN", "100", "IRQ") in found


def test_verbs_facilitating_a_meeting_is_mediation(asserted_triples: Triples) -> None:
    found = asserted_triples("Norway facilitated a meeting between Colombia and Venezuela.")
    assert ("NOR", "045", "COL") in found


def test_verbs_leading_an_insurgency_is_violence_against_its_target(
    asserted_dyads: Callable[[str], set[tuple[str | None, str, str | None]]],
) -> None:
    found = asserted_dyads("Sudanese rebels led an insurgency against the Sudanese government.")
    assert ("SDN", "18", "SDN") in found
    # the insurgency is not the vower's own: ending it is no de-escalation by the government
    vowed = asserted_dyads("The Sudanese government vowed to end the insurgency in Darfur.")
    assert not any(root == "08" for _, root, _ in vowed)


def test_verbs_ending_shared_power_or_a_joint_venture_reduces_relations(
    asserted_triples: Triples,
) -> None:
    assert ("MLI", "160", "MLI") in asserted_triples(
        "The Malian president ended the power-sharing with the opposition."
    )
    assert ("KEN", "160", "ETH") in asserted_triples("Kenya left its joint venture with Ethiopia.")


def test_verbs_a_vaccination_campaign_is_medical_aid(asserted_triples: Triples) -> None:
    found = asserted_triples("The Nigerian government launched a vaccination campaign.")
    assert any(code == "073" and src == "NGA" for src, code, _ in found)


def test_verbs_suspending_officers_from_duty_is_an_administrative_sanction(
    asserted_triples: Triples,
) -> None:
    found = asserted_triples("The Kenyan police chief suspended three officers from duty.")
    assert any(code == "172" for _, code, _ in found)


def test_verbs_an_attempted_attack_is_the_attack(asserted_triples: Triples) -> None:
    found = asserted_triples("Taliban militants attempted an attack on the Afghan army.")
    assert ("AFG", "180", "AFG") in found


def test_verbs_a_bill_dropped_accedes_and_a_call_to_drop_it_appeals_for_reform(
    asserted_triples: Triples,
) -> None:
    assert ("KEN", "083", "KEN") in asserted_triples("The Kenyan government dropped the bill.")
    assert ("KEN", "024", "KEN") in asserted_triples(
        "The Kenyan opposition urged the government to drop the bill."
    )


def test_verbs_a_negated_yield_is_a_refusal(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("The Kenyan government has not complied with the African Union's order.")
    assert [(e.source.country, e.code) for e in events] == [("KEN", "124")]
    events = asserted("The Nigerian ministry did not accede to the demands of the strikers.")
    assert any(e.code == "124" for e in events)


def test_verbs_a_yield_done_or_only_supposed_is_no_refusal(coder: object) -> None:
    from dyadwatch.coding.coder import Coder

    assert isinstance(coder, Coder)
    done = coder.code(Document(id="a", text="The ministry acceded to the strikers' demands."))
    assert all(e.code == "080" for e in done)
    supposed = coder.code(
        Document(id="b", text="If Iran does not comply with the demands, Iraq will act.")
    )
    assert all(e.modality != "asserted" for e in supposed if e.code.startswith("12"))
    told = coder.code(Document(id="c", text='"Do not give in," the Kenyan president told them.'))
    assert not any(e.code.startswith("12") for e in told)


def test_verbs_a_fight_in_court_is_legal_action_not_combat(asserted_triples: Triples) -> None:
    found = asserted_triples("The Kenyan opposition vowed to fight the election result in court.")
    assert ("KEN", "130", "KEN") in found
    assert not any(code.startswith("138") for _, code, _ in found)
