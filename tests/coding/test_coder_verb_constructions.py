"""Verb constructions the dictionary used to miss or mis-class (issue 9, "events the
dictionary misses"): naming and designating verbs, movements of armed forces, promises with
nothing promised, protests with no named protesters (docs/verbs.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a derogatory name is a criticism of whoever is named
        (
            "The Turkish president named the Kurdish militia as terrorists.",
            ("TURGOV", "111", "TUR"),
        ),
        # ... and a formal listing as terrorist a sanction (test_class_of_act.py)
        (
            "The State Department designated the Iranian Revolutionary Guard a terrorist"
            " organization.",
            ("USAGOV", "163", "IRN"),
        ),
    ],
)
def test_a_derogatory_designation_is_a_criticism(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(s, c, t[:3] if t else None) for s, c, t in triples(coded(coder, text))}
    assert expected in found


def test_a_neutral_naming_is_no_event(coder: Coder) -> None:
    assert coded(coder, "The Kenyan president named his deputy as acting foreign minister.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("British soldiers left Afghanistan in the summer of 2021.", ("GBRMIL", "0874", "AFG")),
        ("Russian tanks rolled into Georgia.", ("RUSMIL", "154", "GEO")),
    ],
)
def test_armed_forces_moving(coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(coded(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch foreign minister left Moscow on Tuesday.",
        "The French delegation entered the conference hall.",
    ],
)
def test_people_moving_are_no_force_movement(coder: Coder, text: str) -> None:
    assert not any(e.code in {"0874", "154"} for e in coded(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian governor agreed, saying the group alone could have done it.",
        "The Sudanese rebels want the foreign soldiers to leave.",
    ],
)
def test_nothing_promised_is_no_intent(coder: Coder, text: str) -> None:
    assert not any(e.code.startswith("03") or e.code == "0874" for e in coded(coder, text))


def test_a_promise_with_its_act_is_still_coded(coder: Coder) -> None:
    found = triples(coded(coder, "Venezuela agreed to release the Colombian prisoners."))
    assert any(s == "VEN" and c.startswith("03") for s, c, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place names the protesters' country; "anti-government" whom they protest
        (
            "Riot police used tear gas. Anti-government protests spread across Caracas on Sunday.",
            ("VENCVL", "141", "VENGOV"),
        ),
        ("Thousands demonstrated in Nairobi against the government.", ("KENCVL", "141", "KEN")),
        ("Several thousand people rallied in Lima on Sunday.", ("PERCVL", "141", "")),
    ],
)
def test_unnamed_protesters_are_civilians_of_the_place(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(coded(coder, text))
    short = {(s, c, (t or "")[: len(expected[2])]) for s, c, t in found}
    assert expected in short


def test_unnamed_protesters_of_the_documents_country(coder: Coder) -> None:
    text = (
        "The Bolivian government raised fuel prices. Bolivia's unions objected."
        " The protests began on Monday."
    )
    assert any(e.source.code == "BOLCVL" and e.code == "141" for e in coded(coder, text))


def test_a_diplomatic_protest_keeps_its_sender(coder: Coder) -> None:
    found = triples(coded(coder, "Vietnam lodged a protest with China over the islands."))
    assert ("VNM", "114", "CHN") in found


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president spoke at a campaign rally in Lima.",
        "The student began her hunger protest outside the parliament in Oslo.",
    ],
)
def test_no_civilian_protest_for_rallies_and_owned_protests(coder: Coder, text: str) -> None:
    assert not any(e.source.code.endswith("CVL") for e in coded(coder, text))


def test_a_finite_verb_joined_to_an_infinitive_has_the_main_subject(coder: Coder) -> None:
    text = (
        "The Dutch foreign minister urged the Iranian embassy to reconsider and met with the"
        " Omani foreign minister."
    )
    events = coded(coder, text)
    assert any(
        e.code == "040" and e.source.code == "NLDGOV" and e.target and e.target.code == "OMNGOV"
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway seconded the proposal by Sweden.", ("NOR", "051", "SWE")),
        ("Colombia expects from Venezuela a full account of the incident.", ("COL", "100", "VEN")),
        (
            "French soldiers trained the cadets in cooperation with the Malian army.",
            ("FRAMIL", "062", "MLIMIL"),
        ),
        ("Korea rebuilt the bridge in partnership with Laos.", ("KOR", "060", "LAO")),
    ],
)
def test_joined_calls_expectations_and_partners(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(coded(coder, text))


def test_a_verb_inside_an_organisation_name_is_no_act(coder: Coder) -> None:
    text = "The Committee to Protect Journalists reported the deaths of two reporters in Yemen."
    assert not any(e.code.startswith("07") for e in coded(coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Indian prime minister called the Japanese decision courageous.",
            ("INDGOV", "051", "JPN"),
        ),
        ("Kenya claimed Somalia is meddling in its elections.", ("KEN", "112", "SOM")),
    ],
)
def test_praise_and_accusation_in_what_is_said(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(coded(coder, text))


def test_a_claim_of_ones_own_act_is_no_accusation(coder: Coder) -> None:
    found = triples(coded(coder, "The rebels claimed they shot down a helicopter."))
    assert not any(c == "112" for _, c, _ in found)


def test_a_delegation_received_from_a_country_is_its_visit(coder: Coder) -> None:
    found = triples(coded(coder, "Vietnam received a delegation from Cambodia on Friday."))
    assert ("VNM", "043", "KHM") in found


@pytest.mark.parametrize(
    "text",
    [
        "The Thai prime minister ordered three days of national mourning.",
        "The Peruvian court ordered a new trial.",
    ],
)
def test_an_order_with_no_act_and_no_one_told_is_no_demand(coder: Coder, text: str) -> None:
    assert not any(e.code.startswith("10") for e in coded(coder, text))


def test_an_order_to_someone_is_a_demand(coder: Coder) -> None:
    found = triples(coded(coder, "Iran ordered Britain to release the tanker."))
    assert any(s == "IRN" and c.startswith("10") and t == "GBR" for s, c, t in found)


def test_a_participle_after_a_comma_describes_the_event_noun(coder: Coder) -> None:
    text = "Nine people died in the bombing, reportedly carried out by the Taliban."
    assert any(
        e.source.code.endswith("TAL") and e.code.startswith("18") for e in coded(coder, text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Chadian army blockaded the town, leaving the rebels cut off from supplies.",
        "Shelling by Sudanese troops left the militia stranded in the desert.",
    ],
)
def test_leaving_someone_in_a_state_is_no_withdrawal(coder: Coder, text: str) -> None:
    assert not [e for e in coded(coder, text) if e.code == "0874"]


def test_forces_demobilized_in_the_passive_demobilized_themselves(coder: Coder) -> None:
    events = coder.code(Document(id="t", text="Most Congolese rebels have been demobilized."))
    assert [(e.source.code, e.code) for e in events] == [("CODREB", "0873")]


def test_an_object_moved_after_its_as_phrase_is_the_target(coder: Coder) -> None:
    text = "Chile denounced as a grave violation Bolivia's closure of the border."
    events = coder.code(Document(id="t", text=text))
    assert [(e.source.country, e.target.country if e.target else None) for e in events] == [
        ("CHL", "BOL")
    ]
