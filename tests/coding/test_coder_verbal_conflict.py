"""Verbal conflict the dictionary used to code as plain statements or as force: labels given
with "as", verbal attacks on decisions, accusations inside reported speech, claims that are
not claims of responsibility, apologies. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president described the Chilean raid as a cowardly act.",
        "The Peruvian president labelled the Chilean raid as a provocation.",
        "The Peruvian president termed the Chilean raid a provocation.",
    ],
)
def test_a_derogatory_label_given_with_as_is_a_criticism_of_the_object(
    coder: Coder, text: str
) -> None:
    assert triples(coded(coder, text)) == {("PER", "111", "CHL")}


def test_a_label_of_aggression_accuses_the_object_of_aggression(coder: Coder) -> None:
    text = "The Peruvian president characterized the Chilean raid as a violation of sovereignty."
    assert triples(coded(coder, text)) == {("PER", "1123", "CHL")}


def test_a_neutral_label_without_anyone_it_is_about_is_not_an_event(coder: Coder) -> None:
    assert coded(coder, "The Peruvian minister described the situation as calm.") == []


def test_attacking_a_decision_is_verbal_not_military(coder: Coder) -> None:
    events = coded(coder, "The Peruvian president attacked the Chilean decision on fishing.")
    assert {e.root_code for e in events} == {"11"}
    assert {e.root_code for e in coded(coder, "Chilean troops attacked Peruvian positions.")} == {
        "19"
    }


@pytest.mark.parametrize(
    "clause",
    [
        "Chile was behind the bombing",
        "Chile was responsible for the bombing",
        "Chile was to blame for the bombing",
        "the bombing was Chile's doing",
    ],
)
def test_a_statement_that_blames_an_actor_is_an_accusation(coder: Coder, clause: str) -> None:
    events = coded(coder, f"The Peruvian foreign minister said {clause}.")
    assert ("PER", "112", "CHL") in triples(events)
    assert not any(e.source.country == "CHL" and e.code.startswith("11") for e in events)


def test_a_claim_beside_the_speakers_own_act_is_not_a_claim_of_responsibility(
    coder: Coder,
) -> None:
    text = "The Peruvian government sued the newspaper, claiming the report was false."
    assert "015" not in {e.code for e in coded(coder, text)}


def test_a_claim_of_an_act_not_done_is_not_a_claim_of_responsibility(coder: Coder) -> None:
    text = "The Peruvian government claimed it did not arrest the Chilean journalist."
    assert "015" not in {e.code for e in coded(coder, text)}


def test_regretting_a_mistake_is_an_apology(coder: Coder) -> None:
    assert {e.code for e in coded(coder, "Peru deeply regrets this tragic mistake.")} == {"055"}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian government attributed the bombing to Chilean agents.",
        "The Peruvian government blamed the bombing on Chile.",
    ],
)
def test_laying_an_act_at_someones_door_is_an_accusation(coder: Coder, text: str) -> None:
    assert {
        (e.source.country, e.code, e.target and e.target.country) for e in coded(coder, text)
    } == {("PER", "112", "CHL")}


def test_a_participle_on_a_messages_place_is_the_authors_act(coder: Coder) -> None:
    text = "The Peruvian minister posted a message on Twitter blaming Chile for the raid."
    assert ("PER", "112", "CHL") in {
        (e.source.country, e.code, e.target and e.target.country) for e in coded(coder, text)
    }


def test_calling_something_a_derogatory_name_in_a_participle_is_a_criticism(
    coder: Coder,
) -> None:
    text = 'The Peruvian president spoke out against the raid, calling it "an aggression".'
    events = coded(coder, text)
    assert {e.code for e in events} == {"111"}
    assert {e.source.country for e in events} == {"PER"}


def test_a_speaker_whose_country_is_guessed_does_not_accuse_that_country(coder: Coder) -> None:
    text = "A spokesman for the Peruvian foreign ministry said Chile was to blame."
    assert not any(
        e.code == "112" and e.target is not None and e.source.country == e.target.country
        for e in coded(coder, text)
    )


def test_raising_a_matter_with_an_envoy_is_a_consultation_with_his_country(coder: Coder) -> None:
    text = "The Peruvian foreign minister raised the case with the Chilean ambassador."
    assert triples(coded(coder, text)) == {("PER", "040", "CHL")}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president called the fishing pact between Chile and Bolivia null and void.",
        'The Peruvian president called the fishing pact with Chile "null and void".',
        'The Peruvian president called the Chilean fishing pact "lousy".',
    ],
)
def test_a_derogatory_adjective_hung_inside_the_object_is_still_its_label(
    coder: Coder, text: str
) -> None:
    events = coded(coder, text)
    assert {e.code for e in events} == {"111"}
    assert "CHL" in {e.target.country for e in events if e.target}


def test_a_neutral_label_on_an_agreement_is_not_its_signing(coder: Coder) -> None:
    text = "The Peruvian president called the fishing pact with Chile fair."
    assert "057" not in {e.code for e in coded(coder, text)}


def test_an_adjective_that_gives_no_verdict_is_no_label(coder: Coder) -> None:
    text = "The Peruvian foreign minister announced his resignation effective next Monday."
    assert {e.code for e in coded(coder, text)} != {"111"}


def test_a_derogatory_noun_ending_the_object_is_no_label(coder: Coder) -> None:
    text = "The Peruvian ministry maintains a policy of not charging Chilean fishermen with crimes."
    assert "111" not in {e.code for e in coded(coder, text)}


def test_predicates_warning_unnamed_states_is_a_threat(coder: Coder) -> None:
    # "warned neighbouring states not to ...": a threat whose target is not named
    found = triples(coded(coder, "Peru warned neighbouring states not to shelter the rebels."))
    assert ("PER", "130") in {(source, code) for source, code, _target in found}, found


def test_forecasts_a_denied_doubt_tells_the_threat(coder: Coder) -> None:
    # "there was no doubt X would retaliate": as plain as "X would retaliate", a threat
    text = (
        "Peru told Chile that if the tariffs were approved, there was no doubt Peru would"
        " retaliate against Chilean exports."
    )
    found = triples(coded(coder, text))
    assert any(s == "PER" and c.startswith("13") and t == "CHL" for s, c, t in found), found
