"""Events the verb dictionary used to miss: event nouns and their unnamed participants,
light verbs of calls and talks, movement of forces, leaving agreements. Sentences written
for these tests; the real actor recognizer decides who is named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

PUBLISHED = dt.date(2023, 6, 14)  # a Wednesday


def coded(coder: Coder, text: str) -> list[Event]:
    events = coder.code(Document(id="t", text=text, date=PUBLISHED))
    return [e for e in events if e.modality == "asserted"]


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.root_code, e.target.country if e.target else None) for e in events}


def test_a_word_of_an_actor_name_is_not_an_event(coder: Coder) -> None:
    events = coded(coder, "The Popular Mobilization Forces shelled the town.")
    assert "15" not in {e.root_code for e in events}  # no mobilisation
    assert "19" in {e.root_code for e in events}  # the shelling


def test_a_meeting_in_a_capital_has_its_host_as_the_other_party(coder: Coder) -> None:
    [event] = coded(coder, "Canada attended the ministerial meeting in Tokyo in February.")
    assert (event.source.country, event.root_code, event.target and event.target.country) == (
        "CAN", "04", "JPN"
    )  # fmt: skip
    assert event.date.value == "2023-02"
    assert event.rule["target"].startswith("host")


def test_a_meeting_in_the_sources_own_country_gets_no_host_target(coder: Coder) -> None:
    # no host and no partner: the meeting is no dyadic event (events/background.py)
    events = coded(coder, "Canada attended the ministerial meeting in Ottawa in February.")
    assert dyads(events) == set()


def test_an_enumeration_takes_its_participant_from_the_sentence_before(coder: Coder) -> None:
    text = (
        "Brazil has taken part in several rounds of diplomacy this year. "
        "These included the ministerial meeting in Madrid in March and the summit in Rome in May."
    )
    found = {
        (e.source.country, e.target and e.target.country, e.date.value)
        for e in coded(coder, text)
        if e.root_code == "04" and e.sentence_index == 1
    }
    assert found == {("BRA", "ESP", "2023-03"), ("BRA", "ITA", "2023-05")}


def test_an_enumeration_after_a_sentence_without_actor_names_no_one(coder: Coder) -> None:
    text = "It rained all week. These included the ministerial meeting in Madrid in March."
    assert [e for e in coded(coder, text) if e.sentence_index == 1] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan president spoke on the phone with the Ethiopian prime minister.",
         ("KEN", "041", "ETH")),
        ("The Kenyan president had a phone conversation with the Ethiopian prime minister.",
         ("KEN", "041", "ETH")),
        ("The Kenyan president had talks with the Ethiopian prime minister on Monday.",
         ("KEN", "040", "ETH")),
        ("The Kenyan president arrived in Addis Ababa on Monday.", ("KEN", "042", "ETH")),
    ],
)  # fmt: skip
def test_calls_talks_and_arrivals_are_consultations(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert {
        (e.source.country, e.code, e.target and e.target.country) for e in coded(coder, text)
    } == {expected}


@pytest.mark.parametrize("verb", ["deployed", "moved", "stationed"])
def test_forces_moved_are_force_posture_and_never_their_own_target(coder: Coder, verb: str) -> None:
    [event] = coded(coder, f"Chile {verb} troops near the border with Bolivia.")
    assert (event.source.country, event.code) == ("CHL", "154")
    assert event.target is None or event.target.country != "CHL"


@pytest.mark.parametrize("verb", ["left", "quit", "exited"])
def test_leaving_an_agreement_is_rejecting_it(coder: Coder, verb: str) -> None:
    [event] = coded(coder, f"Chile {verb} the fisheries agreement with Peru in March.")
    assert (event.source.country, event.root_code) == ("CHL", "12")
    assert event.date.value == "2023-03"


def test_having_an_agreement_is_not_an_event(coder: Coder) -> None:
    assert coded(coder, "Chile has an agreement with Peru on fishing.") == []


def test_ceding_territory_is_a_release_to_the_receiver(coder: Coder) -> None:
    assert dyads(coded(coder, "Chile ceded the island to Peru in March.")) == {("CHL", "08", "PER")}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya was the target of a Somali rebel attack.", "KEN"),
        ("Nigeria has been the victim of Boko Haram raids.", "NGA"),
    ],
)
def test_the_subject_of_a_target_copula_is_the_target(
    asserted: Callable[[str], list[Event]], text: str, target: str
) -> None:
    found = [e for e in asserted(text) if e.target is not None]
    assert found and found[0].target is not None and found[0].target.country == target
    assert found[0].rule["target"].startswith("targeted-subject")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The withdrawal of French troops from Mali began on Monday.", "FRA", "MLI"),
        ("The visit of the Indian president to Ghana ended on Friday.", "IND", "GHA"),
    ],
)
def test_the_of_phrase_of_an_intransitive_act_noun_is_its_doer(
    asserted: Callable[[str], list[Event]], text: str, source: str, target: str
) -> None:
    found = [e for e in asserted(text) if e.rule["source"].startswith("of-doer")]
    assert found and found[0].source.country == source
    assert found[0].target is not None and found[0].target.country == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call held with someone is a phone call; a call for something stays an appeal
        ("The envoy resigned after the Chilean president's call with the Peruvian president.",
         ("CHL", "041", "PER")),
        ("The Chilean president's call with the Peruvian president lasted an hour.",
         ("CHL", "041", "PER")),
    ],
)  # fmt: skip
def test_a_call_with_someone_is_a_phone_call(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {
        (e.source.country, e.code, e.target and e.target.country) for e in coded(coder, text)
    }


def test_a_call_for_restraint_is_no_phone_call(coder: Coder) -> None:
    events = coded(coder, "Chile repeated its call for restraint by the Peruvian army.")
    assert "041" not in {e.code for e in events}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a year on the event noun itself dates it; it names no other thing
        ("Trade has been frozen since the 1991 invasion of Chad by Libya.", "1991"),
        # "since" tagged as a conjunction still dates the clause the noun is under
        ("Chad has been under Libyan sanctions since 1987.", "1987"),
        # years away from its clause: not the clause's date, and no date of its own
        ("Decades after Libya's invasion of Chad, the two countries met on Tuesday.", None),
        ("The two leaders met on Tuesday, 30 years after Libya's invasion of Chad.", None),
    ],
)
def test_a_background_event_noun_takes_its_own_date_or_none(
    coder: Coder, text: str, date: str | None
) -> None:
    [event] = [e for e in coded(coder, text) if e.root_code in {"19", "16"}]
    assert event.date.value == date


@pytest.mark.parametrize("noun", ["policy", "campaign"])
def test_who_pursues_a_policy_of_an_act_does_the_act(coder: Coder, noun: str) -> None:
    text = f"The Kenyan government began a {noun} of confiscating land from Somali traders."
    found = [e for e in coded(coder, text) if e.code == "1711"]
    assert found and found[0].source.country == "KEN"
    assert found[0].rule["source"].startswith("policy-of")


def test_a_goal_of_an_act_is_no_act_of_its_subject(coder: Coder) -> None:
    # only a course of action carried out, not an aim
    text = "The Kenyan government stated its goal of confiscating land from Somali traders."
    assert not [e for e in coded(coder, text) if e.code == "1711" and e.source.country == "KEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The bill was withdrawn after weeks of protests against a proposed change to Kenya's "
        "tax law.",
        "Weeks of protests against the new security law in Nairobi ended on Tuesday.",
    ],
)
def test_a_protest_against_a_law_is_against_the_government(coder: Coder, text: str) -> None:
    protests = [e for e in coded(coder, text) if e.root_code == "14"]
    assert protests and protests[0].target is not None
    assert protests[0].target.sector == "GOV"
    assert protests[0].target.country == protests[0].source.country


def test_a_protest_against_a_war_names_no_government(coder: Coder) -> None:
    events = coded(coder, "Weeks of protests against the war in Nairobi ended on Tuesday.")
    assert not [e for e in events if e.root_code == "14" and e.target and e.target.sector == "GOV"]
