"""Real past acts told in background clauses and passives (issue 9): an aside that names
both sides of an old act still codes it, dated in its own clause."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_an_ouster_in_an_after_clause_is_coercion(asserted_triples: Triples) -> None:
    text = (
        "The new Libyan government was formed in 2011 after a French-led coalition ousted "
        "the Libyan leader."
    )
    assert ("FRA", "170", "LBY") in asserted_triples(text)


def test_toppling_a_government_is_dated_in_its_own_clause(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Rebels toppled the government of Mali in 2012, officials said.")
    toppled = [e for e in events if e.code == "170"]
    assert toppled and toppled[0].target is not None and toppled[0].target.country == "MLI"
    assert toppled[0].date.value == "2012"


def test_ousted_before_a_title_is_still_a_former_office_holder(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Ousted Kyrgyz President Kurmanbek Bakiyev fled to Belarus.")
    assert not any(e.code == "170" for e in events)


def test_a_place_named_the_target_of_an_attack_is_where_it_struck(
    asserted_triples: Triples,
) -> None:
    text = "In 2009, Kirkuk was the target of an Al-Qaeda suicide attack."
    assert any(
        code.startswith("18") and target == "IRQ" for _, code, target in asserted_triples(text)
    )


def test_a_capital_that_fell_under_a_group_s_control_was_occupied(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Fighting spread after Mogadishu fell under al-Shabaab control in 2009.")
    seized = [e for e in events if e.code == "192"]
    assert seized and seized[0].source.country == "SOM" and seized[0].source.sector != "GOV"
    assert seized[0].target is not None and seized[0].target.code == "SOMGOV"
    assert seized[0].date.value == "2009"


def test_a_city_that_fell_to_a_group_was_occupied(asserted_triples: Triples) -> None:
    triples = asserted_triples("The war began when Kabul fell to the Taliban in 1996.")
    assert any(code == "192" and target == "AFG" for _, code, target in triples)


def test_a_fall_that_is_only_feared_is_not_asserted(asserted_triples: Triples) -> None:
    triples = asserted_triples("Diplomats fear that Kabul could fall to the Taliban within weeks.")
    assert not any(code == "192" for _, code, _ in triples)


def test_prices_that_fell_are_no_seizure(asserted_triples: Triples) -> None:
    assert not any(code == "192" for _, code, _ in asserted_triples("Oil prices fell to a low."))


def test_a_town_recaptured_from_a_group_was_retaken_by_the_state_s_forces(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted(
        "The port is calmer than other parts of Somalia, since it was recaptured from "
        "al-Shabaab in 2012."
    )
    retaken = [e for e in events if e.code == "192"]
    assert retaken and retaken[0].source.code == "SOMMIL"
    assert retaken[0].target is not None and retaken[0].target.country == "SOM"
    assert retaken[0].date.value == "2012"


def test_a_recapture_with_no_one_named_is_no_event(asserted_triples: Triples) -> None:
    assert not asserted_triples("The town was recaptured in 2015.")


def test_a_coup_named_by_its_noun_is_the_army_coercing_the_government(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted(
        "After the coup in Mali in 2020, the country's conflict with jihadists worsened."
    )
    coups = [e for e in events if e.code == "170"]
    assert coups and coups[0].source.code == "MLIMIL"
    assert coups[0].target is not None and coups[0].target.code == "MLIGOV"
    assert coups[0].date.value == "2020"


def test_a_coup_that_removed_a_leader_is_aimed_at_him(asserted_triples: Triples) -> None:
    triples = asserted_triples("A military coup removed the Thai prime minister in 2006.")
    assert ("THA", "170", "THA") in triples


def test_who_staged_a_coup_did_it(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("The Malian army staged a coup in 2012.")
    assert any(e.code == "170" and e.source.code == "MLIMIL" for e in events)


def test_a_plotted_or_rumoured_coup_is_no_coup(asserted_triples: Triples) -> None:
    for text in (
        "The army is plotting a coup in Mali, officials said.",
        "Rumours of a coup in Mali spread on Monday.",
        "The coup plot in Turkey was foiled.",
        "Analysts warned that a coup in Mali was possible.",
    ):
        assert not any(code == "170" for _, code, _ in asserted_triples(text)), text


def test_a_place_annexed_in_the_passive_is_where_the_seizure_landed(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("The Crimean peninsula was annexed by Russia in 2014.")
    annexed = [e for e in events if e.code == "192"]
    assert annexed and annexed[0].source.country == "RUS"
    assert annexed[0].target is not None and annexed[0].target.country == "UKR"
    assert annexed[0].date.value == "2014"


def test_a_territory_handed_back_is_aimed_at_its_recipient(asserted_triples: Triples) -> None:
    triples = asserted_triples("Britain handed Hong Kong back to China in 1997.")
    assert ("GBR", "0842", "CHN") in triples


def test_control_handed_over_is_aimed_at_its_recipient(asserted_triples: Triples) -> None:
    triples = asserted_triples("In 1997 Britain handed over control of the territory to China.")
    assert ("GBR", "084", "CHN") in triples


def test_land_said_to_belong_to_a_country_is_whose_land_was_occupied(
    asserted_triples: Triples,
) -> None:
    text = (
        "The vote ignored the status of the valley, which belonged to Lebanon and was "
        "occupied by Syria."
    )
    assert ("SYR", "192", "LBN") in asserted_triples(text)


def test_an_attack_claimed_in_the_passive_is_a_claim_of_responsibility(
    asserted_triples: Triples,
) -> None:
    triples = asserted_triples(
        "A car bomb hit an Iraqi army post on Monday. The bombing was claimed by the Islamic State."
    )
    assert any(code == "015" for _, code, _ in triples)
    assert not any(code.startswith("18") and target is None for _, code, target in triples)


def test_a_town_named_as_the_target_reads_as_a_place_without_an_entity_tag(
    asserted_triples: Triples,
) -> None:
    triples = asserted_triples(
        "In 2016, Manbij was the target of a suicide attack by the Islamic State."
    )
    assert any(code.startswith("18") and target == "SYR" for _, code, target in triples)
