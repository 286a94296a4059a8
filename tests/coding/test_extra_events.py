"""Events that are not there: an "it" that stands for a fire, not for the officials who
speak; a noun an interviewer asks about; a misused power or a deployed measure; and a
politician's withdrawal from a race, which is no military retreat; a trip at home."""

from __future__ import annotations

from collections.abc import Callable

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


def codes(triples: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {code for _, code, _ in triples}


def test_antecedents_it_is_no_plural_speaker(asserted_triples: Triples) -> None:
    text = "Kenyan officials said it killed twelve people and injured thirty more."
    assert not {c for c in codes(asserted_triples(text)) if c[:2] in {"18", "19"}}


def test_antecedents_it_is_still_a_singular_speaker(asserted_triples: Triples) -> None:
    text = "The Kenyan army said it killed twelve militants near the border."
    assert any(c[:2] in {"18", "19"} for c in codes(asserted_triples(text)))


def test_rules_a_question_asks_about_its_nouns(asserted_triples: Triples) -> None:
    text = "Are you concerned about the censorship of Chilean journalists by the government?"
    assert not {c for c in codes(asserted_triples(text)) if c[:2] == "17"}


def test_rules_a_statement_before_a_question_is_still_told(asserted_triples: Triples) -> None:
    text = (
        'The Chilean president said: "The Peruvian government is behaving like a bully[...] '
        'Why would anyone do this?"'
    )
    assert ("CHL", "111", "PER") in asserted_triples(text)


def test_verbs_abusing_power_is_no_assault(asserted_triples: Triples) -> None:
    text = "The Bolivian senator said the ministers have abused their power for years."
    assert "182" not in codes(asserted_triples(text))


def test_verbs_deploying_measures_is_no_force_posture(asserted_triples: Triples) -> None:
    text = "The Peruvian health ministry deployed new measures to trace the infections."
    assert not {c for c in codes(asserted_triples(text)) if c[:2] == "15"}


def test_background_a_senator_leaving_a_race_is_no_retreat(asserted_triples: Triples) -> None:
    text = "The Brazilian senator sought the nomination but withdrew before the primaries."
    assert "0874" not in codes(asserted_triples(text))


def test_background_an_army_withdrawing_still_retreats(asserted_triples: Triples) -> None:
    text = "The Brazilian army withdrew from the town on Monday."
    assert "0874" in codes(asserted_triples(text))


def test_background_a_party_withdrawing_at_a_kings_word_yields(asserted_triples: Triples) -> None:
    text = (
        "The Nepali party withdrew from the election in response to a statement from King "
        "Gyanendra."
    )
    assert ("NPL", "080", "NPL") in asserted_triples(text)


def test_background_a_visit_at_home_is_no_event(asserted_triples: Triples) -> None:
    text = "The Chilean president traveled to Valparaiso on Monday for the debate."
    assert "042" not in codes(asserted_triples(text))


def test_background_a_visit_abroad_is_still_a_visit(asserted_triples: Triples) -> None:
    text = "The Chilean president traveled to Lima on Monday."
    assert ("CHL", "042", "PER") in asserted_triples(text)


def test_background_a_visit_to_a_body_at_home_is_still_a_visit(asserted_triples: Triples) -> None:
    text = "The Chilean interior minister paid a visit to the Chilean Senate on Monday."
    assert any(code == "042" for _, code, _ in asserted_triples(text))
