"""Sources and targets that the act's own phrase leaves implicit: an agreement named after an
international body is signed with that body, and force told by a participle lands on whom the
governing act is against (coding/events/arguments.py, complements.py). Sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Asserted = Callable[[str], list[Event]]


def _codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_arguments_agreement_named_after_a_body_targets_the_body(asserted: Asserted) -> None:
    found = _codes(asserted("Senegal and Mali signed the ECOWAS protocol on free movement."))
    assert {("SEN", "057", "IGOWAS"), ("MLI", "057", "IGOWAS")} <= found
    assert ("SEN", "057", "MLI") not in found  # signed with the body, not with each other


def test_arguments_agreement_of_a_body_signed_by_one_official(asserted: Asserted) -> None:
    found = _codes(asserted("The Kenyan trade minister signed the EU partnership agreement."))
    assert ("KENGOV", "057", "IGOEEC") in found


def test_arguments_agreement_with_a_named_partner_keeps_the_partner(asserted: Asserted) -> None:
    found = _codes(asserted("Peru signed a trade agreement with Chile."))
    assert ("PER", "057", "CHL") in found


def test_complements_force_participle_hits_whom_the_backing_is_against(
    asserted: Asserted,
) -> None:
    events = asserted(
        "Egypt began backing the Libyan army against the Islamist militias, launching airstrikes."
    )
    force = [e for e in events if e.code.startswith("19")]
    assert force and all(e.target is not None and e.target.sector == "REB" for e in force)
    backing = [e for e in events if e.code.startswith("07")]
    assert backing and all(e.target is not None and e.target.code == "LBYMIL" for e in backing)


def test_nominal_condemnation_from_a_listed_apposition_has_every_voice(
    asserted: Asserted,
) -> None:
    events = asserted(
        "Militants shelled a village in Niger on Tuesday. Words of condemnation came from the"
        " Arab League chief Ahmed Aboul Gheit, Pope Francis, and the Italian foreign minister."
    )
    voices = {e.source.country for e in events if e.code == "111"}
    assert {"VAT", "ITA"} <= voices


def test_reactions_home_condemnation_of_unknown_gunmen_targets_them(asserted: Asserted) -> None:
    events = asserted(
        "Gunmen stormed a mosque in Zaria, Nigeria, on Friday. Condemnation came from a"
        " spokesman for the Nigerian president."
    )
    condemned = [e for e in events if e.code == "111" and e.source.code == "NGAGOV"]
    assert condemned and all(e.target is not None for e in condemned)
    assert all(e.target.code == "NGAUAF" for e in condemned if e.target is not None)


def test_mentions_name_listed_after_a_plural_title_keeps_the_title(asserted: Asserted) -> None:
    found = _codes(
        asserted("Foreign ministers Ana Ruiz of Peru and Jorge Lopez of Chile met in Lima.")
    )
    assert ("PERGOV", "040", "CHLGOV") in found


def test_mentions_singular_title_is_not_shared_with_the_next_name(asserted: Asserted) -> None:
    found = _codes(asserted("President Ana Ruiz of Peru and Jorge Lopez of Chile met in Lima."))
    assert not any(tgt == "CHLGOV" for _, _, tgt in found)


def test_agents_locals_are_civilians(asserted: Asserted) -> None:
    events = asserted("The Kenyan interior minister urged locals to report strangers to police.")
    assert any(e.target is not None and e.target.code == "KENCVL" for e in events)


def test_countries_judged_small_clause_does_not_place_the_judge(asserted: Asserted) -> None:
    events = asserted("The president called the Russian move a provocation.")
    assert events and not any(e.source.country == "RUS" for e in events)


def test_roles_partner_named_along_with_the_subject_acts_too(asserted: Asserted) -> None:
    found = _codes(asserted("Norway, along with Denmark, condemned the Iranian government."))
    assert {("NOR", "111", "IRNGOV"), ("DNK", "111", "IRNGOV")} <= found


def test_countries_another_actors_origin_does_not_place_a_named_official(
    asserted: Asserted,
) -> None:
    found = _codes(
        asserted(
            "The US Senate debated the bill on Monday. A reporter from Chile criticised"
            " Senator Ana Ruiz."
        )
    )
    assert ("CHLMED", "111", "USALEG") in found


def test_countries_embassy_place_still_leaves_the_writer_unplaced(asserted: Asserted) -> None:
    events = asserted("The chief constable Tom Hale wrote to the Ghanaian embassy in London.")
    assert not any(e.source.country == "GHA" for e in events)


def test_context_story_country_in_the_sentence_beats_the_words_last_pair(
    asserted: Asserted,
) -> None:
    events = asserted(
        "Kenyan police arrested protesters in Nairobi on Monday. Kenyan officials said the"
        " protests would end soon. The Ugandan government offered help. Kenyan students gave"
        " the government until Friday to drop the tax."
    )
    deadline = [e for e in events if e.source.code == "KENEDU"]
    assert deadline and all(e.target is not None for e in deadline)
    assert all(e.target.code == "KENGOV" for e in deadline if e.target is not None)
