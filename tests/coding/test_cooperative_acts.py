"""Cooperative acts the dictionary used to miss (issue 9): helping others negotiate (045),
keeping channels open for talks (036), sales between actors (061), information disclosed or
handed to someone (064), cooperative initiatives announced (030), agreements made under a
named leader, and the date of a stance told in a speech. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

Run = Callable[[str], list[Event]]


def _codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_cooperation_helped_negotiation_is_mediation(asserted: Run) -> None:
    for text in (
        "Switzerland helped negotiate a prisoner exchange between Armenia and Azerbaijan.",
        "Switzerland helped to negotiate a prisoner exchange between Armenia and Azerbaijan.",
    ):
        found = _codes(asserted(text))
        assert ("CHE", "045", "ARM") in found
        assert not any(code == "046" for _, code, _ in found)


def test_cooperation_a_role_in_negotiating_is_the_players_mediation(asserted: Run) -> None:
    text = "Algeria played a decisive role in negotiating the truce between Mali and the rebels."
    found = _codes(asserted(text))
    assert any(src == "DZA" and code == "045" for src, code, _ in found)


def test_cooperation_own_negotiation_stays_negotiation(asserted: Run) -> None:
    found = _codes(asserted("Armenia negotiated with Azerbaijan over the prisoners."))
    assert ("ARM", "046", "AZE") in found


def test_cooperation_channels_kept_open_are_readiness_to_talk(asserted: Run) -> None:
    found = _codes(asserted("Serbia keeps its channels to Kosovo open."))
    assert any(src == "SRB" and code == "036" for src, code, _ in found)


def test_cooperation_a_door_kept_shut_is_no_readiness(asserted: Run) -> None:
    found = _codes(asserted("Serbia kept the door shut."))
    assert not any(code == "036" for _, code, _ in found)


def test_cooperation_a_sale_to_an_actor_is_economic_cooperation(asserted: Run) -> None:
    text = "The Norwegian government sold its shipyards to the Polish government."
    found = _codes(asserted(text))
    assert ("NORGOV", "061", "POLGOV") in found
    found = _codes(asserted("Chile bought copper smelters from Peru."))
    assert ("CHL", "061", "PER") in found


def test_cooperation_an_arms_sale_stays_military(asserted: Run) -> None:
    found = _codes(asserted("Sweden sold fighter jets to Brazil."))
    assert ("SWE", "062", "BRA") in found
    assert not any(code == "061" for _, code, _ in found)


def test_cooperation_a_matter_disclosed_to_the_authorities_is_shared(asserted: Run) -> None:
    text = "The Japanese carmaker disclosed the problem to the Japanese government."
    found = _codes(asserted(text))
    assert ("JPNBUS", "064", "JPNGOV") in found


def test_cooperation_information_handed_over_is_shared(asserted: Run) -> None:
    text = "The Kenyan police handed over information on the suspects to Uganda."
    found = _codes(asserted(text))
    assert any(code == "064" and tgt == "UGA" for _, code, tgt in found)


def test_cooperation_documents_handed_over_are_no_information_sharing(asserted: Run) -> None:
    found = _codes(asserted("The Kenyan ministry handed over the contracts to the Kenyan court."))
    assert not any(code == "064" for _, code, _ in found)


def test_cooperation_an_announced_initiative_is_intent_to_cooperate(asserted: Run) -> None:
    found = _codes(asserted("The Egyptian president unveiled a peace initiative for Libya."))
    assert any(src == "EGYGOV" and code == "030" for src, code, _ in found)


def test_cooperation_an_agreement_under_a_leader_is_the_leaders(asserted: Run) -> None:
    text = "The fisheries accord with Senegal was signed under President Macky Sall."
    found = _codes(asserted(text))
    assert any(src.startswith("SEN") and code == "057" for src, code, _ in found)


def test_cooperation_an_agreement_signed_under_pressure_has_no_doer(asserted: Run) -> None:
    found = _codes(asserted("The fisheries accord was signed under pressure."))
    assert not any(code == "057" for _, code, _ in found)


def test_cooperation_a_stance_told_in_a_speech_is_dated_when_said(coder: Coder) -> None:
    text = "On Monday, the Serbian president stressed they keep channels to Kosovo open."
    events = coder.code(Document(id="t", text=text, date=dt.date(2021, 3, 5)))
    dates = {e.date.value for e in events if e.code == "036"}
    assert dates == {"2021-03-01"}


def test_cooperation_talks_hosted_between_others_are_mediation(asserted: Run) -> None:
    for text in (
        "Kazakhstan hosted talks between Armenia and Azerbaijan.",
        "Kazakhstan arranged a meeting between Armenia and Azerbaijan.",
    ):
        found = _codes(asserted(text))
        assert ("KAZ", "045", "ARM") in found and ("KAZ", "045", "AZE") in found


def test_cooperation_a_hosted_guest_stays_a_host_visit(asserted: Run) -> None:
    found = _codes(asserted("Kazakhstan hosted the Armenian president."))
    assert ("KAZ", "043", "ARMGOV") in found


def test_cooperation_a_go_between_mediates_between_its_parties(asserted: Run) -> None:
    found = _codes(asserted("Kuwait served as an intermediary between Qatar and Bahrain."))
    assert ("KWT", "045", "QAT") in found and ("KWT", "045", "BHR") in found


def test_cooperation_synonyms_of_consulting_cooperating_and_signing(asserted: Run) -> None:
    cases = {
        "The Peruvian foreign minister exchanged views with the Bolivian president.": (
            "PERGOV",
            "040",
            "BOLGOV",
        ),
        "Peru coordinated with Bolivia on the border patrols.": ("PER", "060", "BOL"),
        "The Peruvian government set up a joint venture with the Bolivian government.": (
            "PERGOV",
            "061",
            "BOLGOV",
        ),
        "The Peruvian government initialled the trade agreement with Bolivia.": (
            "PERGOV",
            "057",
            "BOL",
        ),
    }
    for text, dyad in cases.items():
        assert dyad in _codes(asserted(text)), text


def test_cooperation_a_brokered_deal_is_mediation_between_its_signers(asserted: Run) -> None:
    found = _codes(asserted("Eritrea and Djibouti signed a border accord brokered by Qatar."))
    assert ("QAT", "045", "ERI") in found and ("QAT", "045", "DJI") in found
    assert not any(code == "057" and tgt == "QAT" for _, code, tgt in found)


def test_cooperation_welcoming_a_brokered_deal_makes_no_party(asserted: Run) -> None:
    found = _codes(asserted("Italy welcomed the border accord brokered by Qatar."))
    assert not any(code == "045" and tgt is not None for _, code, tgt in found)


def test_cooperation_what_is_sold_is_never_the_buyer(asserted: Run) -> None:
    found = _codes(asserted("The Norwegian government sold its Swedish factories to an investor."))
    assert not any(code == "061" and (tgt or "").startswith("SWE") for _, code, tgt in found)
