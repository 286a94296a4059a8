"""Verbal acts with an addressee that real news writes with less common verbs: "caution"
(a warning, like "warn"), "upbraid" (a rebuke) and "snub" (a rebuff). Sentences written for
these tests."""

from __future__ import annotations

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


def test_coder_caution_against_an_actor_is_a_threat(coder: Coder) -> None:
    text = "The Norwegian defence minister cautioned Sweden against moving troops to the fjord."
    # the warned-against act is military, so the threat is one of force (138)
    assert triples(coded(coder, text)) == {("NOR", "138", "SWE")}


def test_coder_caution_that_is_a_pessimistic_comment_not_a_threat(coder: Coder) -> None:
    text = "The Norwegian defence minister cautioned that the fishing talks might stall."
    codes = {e.code for e in coded(coder, text)}
    assert "130" not in codes
    assert "012" in codes


def test_coder_caution_to_the_public_about_weather_is_no_conflict(coder: Coder) -> None:
    text = "The Norwegian weather office cautioned drivers about black ice on the roads."
    assert not any(e.root_code in {"11", "13"} for e in coded(coder, text))


def test_coder_upbraid_is_a_criticism_of_the_object(coder: Coder) -> None:
    text = "The Kenyan president upbraided the Ugandan envoy over the border incident."
    assert ("KEN", "111", "UGA") in triples(coded(coder, text))


def test_coder_snub_of_an_envoy_is_a_rejection(coder: Coder) -> None:
    text = "The Bolivian president snubbed the Peruvian foreign minister at the summit."
    assert ("BOL", "120", "PER") in triples(coded(coder, text))
