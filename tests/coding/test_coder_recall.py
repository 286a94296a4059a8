"""Events the coder used to miss for want of an actor or an argument (issue 9, "events the
dictionary misses"): surnames written with accents, a government acting on its own country's
rebels among several targets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.coding.actors.rules import fold_accents
from dyadwatch.model import Event


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("word", "folded"),
    [("erdoğan", "erdogan"), ("sánchez", "sanchez"), ("lula", "lula"), ("müller", "muller")],
)
def test_fold_accents(word: str, folded: str) -> None:
    assert fold_accents(word) == folded


def test_accented_surname_alone_is_the_known_person(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the people table spells the surname without the breve; the text spells it with it
    events = asserted("Erdoğan sharply criticised Greece over the island dispute on Monday.")
    assert ("TURGOV", "111", "GRC") in {
        (e.source.code, e.code[:3], e.target.country if e.target else None) for e in events
    }


def test_government_acts_on_rebels_of_its_own_country_in_a_list(
    asserted: Callable[[str], list[Event]],
) -> None:
    # several targets: the Turkish rebels stay a target of the Turkish government
    events = asserted("The Turkish president named the PKK and the YPG as terrorists on Tuesday.")
    targets = {e.target.code for e in events if e.code == "111" and e.target is not None}
    assert {"TURREB", "SYRREB"} <= targets


def test_a_country_still_does_not_act_on_itself_in_a_list(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Japan and Taiwan criticized the Chinese and Japanese governments.")
    assert not any(
        e.target is not None
        and e.target.country == e.source.country
        and (e.target.sector is None or e.source.sector is None)
        for e in events
    )


def test_gerund_after_agentless_passive_is_done_by_its_subject(
    asserted: Callable[[str], list[Event]],
) -> None:
    # no agent: the one the passive is about does the act of the gerund
    events = asserted("Last year the French were allied with local militias in fighting ISIS.")
    assert ("FRA", "190", "IMGISI") in {
        (e.source.country, e.code, e.target.code if e.target else None) for e in events
    }


def test_gerund_after_by_is_not_the_passive_subjects_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("The border town was taken by attacking the Syrian army at night.")
    assert not any(e.source.code == "SYR" for e in events)


def test_quote_after_a_reply_is_the_speakers(asserted: Callable[[str], list[Event]]) -> None:
    # the parser makes the quote the main clause and the reply a clause inside it
    text = (
        "The Mexican economy minister responded to the new tariffs via Twitter:"
        ' "I strongly reject this American trade measure."'
    )
    found = {
        (e.source.code, e.code, e.target.country if e.target else None) for e in asserted(text)
    }
    assert ("MEXGOV", "120", "USA") in found


def test_talks_as_the_purpose_of_a_past_gathering_took_place(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Egyptian and Greek foreign ministers gathered in Athens on Monday to discuss trade."
    assert any(e.code.startswith("04") and e.source.country == "EGY" for e in asserted(text))


def test_talks_as_the_purpose_of_a_planned_trip_stay_hypothetical(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Egyptian foreign minister will fly to Athens next week to discuss trade."
    assert not any(e.code == "040" for e in asserted(text))


def test_gerund_of_an_accusation_in_the_passive_is_no_act(
    asserted: Callable[[str], list[Event]],
) -> None:
    # what someone is accused of is the accuser's claim (the accusation is an event of the
    # courts), not an attack; what a verdict convicts them of is asserted since session 17,
    # as the article gold codes it (test_convicted_acts.py)
    events = asserted("Two Iranian soldiers were accused of attacking an Israeli patrol.")
    assert not any(e.source.country == "IRN" and e.code[:2] in {"18", "19"} for e in events)


def test_agentless_agreement_reported_by_a_speaker_is_the_speakers(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Greek officials said a deal had been signed with the Turkish government on Friday."
    found = {
        (e.source.country, e.code, e.target.code if e.target else None) for e in asserted(text)
    }
    assert ("GRC", "057", "TURGOV") in found


def test_agentless_agreement_with_no_speaker_has_no_source(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert not asserted("A deal was signed with the Turkish government on Friday.")


def test_acronym_defined_in_parentheses_is_the_actor_later(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Fighters of the Syrian Democratic Forces (SDF) held the town for a week. On Tuesday"
        " the SDF accused Turkey of shelling the villages."
    )
    assert ("SYRREB", "112", "TUR") in {
        (e.source.code, e.code[:3], e.target.country if e.target else None) for e in asserted(text)
    }


def test_acronym_of_a_name_ending_in_a_country_is_not_that_country(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the country closing the name is not the body the acronym stands for
    text = (
        "The Chess Federation of Russia (CFR) opened its season. The CFR criticized Ukraine"
        " on Monday."
    )
    assert not any(e.source.code == "RUS" and e.code == "111" for e in asserted(text))


def test_agentless_talks_reported_by_a_speaker_are_not_the_speakers(
    asserted: Callable[[str], list[Event]],
) -> None:
    # only agreements and cooperation: what was "discussed with" X may be anyone's talk
    text = "The Greek ministry said the plan was discussed with the Turkish government."
    assert not any(e.source.country == "GRC" and e.code.startswith("04") for e in asserted(text))
