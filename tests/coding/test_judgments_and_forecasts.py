"""Verbs whose sense the clause after them decides (issue 9): "considers him an ally" is a
view, not an option weighed; "conceded the deal would help" admits a fact; "should be about
the same" forecasts; "fought hard to keep the deal" strives; a promise someone did not make
or only asked about is none."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def roots(dyads: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {root for _, root, _ in dyads}


def test_considering_someone_something_is_no_policy_option(asserted_dyads: Dyads) -> None:
    text = "Chilean officials consider the envoy a reliable partner for the mining talks."
    assert "01" not in roots(asserted_dyads(text))


def test_considering_a_measure_is_still_an_option_weighed(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Chile is considering imposing tariffs on Peru.")
    assert ("CHL", "01", "PER") in dyads


def test_conceding_a_fact_is_no_concession(asserted_dyads: Dyads) -> None:
    text = "The Chilean minister conceded the reform would lower copper prices."
    assert "08" not in roots(asserted_dyads(text))


def test_conceding_to_demands_is_still_a_yield(asserted_dyads: Dyads) -> None:
    text = "The Chilean government conceded to the demands of the striking miners."
    assert "08" in roots(asserted_dyads(text))


def test_a_forecast_with_should_is_no_demand(asserted_dyads: Dyads) -> None:
    text = "The Chilean finance minister said exports should be about the same next year."
    assert "10" not in roots(asserted_dyads(text))


def test_a_should_of_no_agent_is_no_demand(asserted_dyads: Dyads) -> None:
    text = '"This should make the licences cheaper," the Chilean minister said.'
    assert "10" not in roots(asserted_dyads(text))


def test_saying_a_country_should_act_is_still_an_appeal(asserted_dyads: Dyads) -> None:
    # "should" advises (02); "must" would demand (10)
    text = "The Chilean minister said Peru should withdraw its troops from the border."
    assert "02" in roots(asserted_dyads(text))


def test_fighting_hard_to_stop_a_deal_is_no_combat(asserted_dyads: Dyads) -> None:
    text = "Chilean ministers were fighting hard to stop a deal on fishing quotas."
    assert "19" not in roots(asserted_dyads(text))


def test_troops_fighting_to_retake_a_town_still_fight(asserted_dyads: Dyads) -> None:
    assert "19" in roots(asserted_dyads("Peruvian troops fought to retake the town."))


def test_a_promise_not_announced_is_no_promise(asserted_dyads: Dyads) -> None:
    text = "The Chilean party did not say it would support the general."
    assert "03" not in roots(asserted_dyads(text))


def test_an_open_question_of_support_is_no_promise(asserted_dyads: Dyads) -> None:
    text = "The Chilean party has not yet announced whom it would support in the runoff."
    assert "03" not in roots(asserted_dyads(text))


def test_an_announced_promise_is_still_an_intent(asserted_dyads: Dyads) -> None:
    text = "The Chilean party announced it would support the general."
    assert "03" in roots(asserted_dyads(text))


def test_letting_foreign_troops_deploy_allows_involvement(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Chile allowed Argentina to deploy troops along the border.")
    assert ("CHL", "08", "ARG") in dyads


def test_a_firm_letting_a_firm_delay_payments_is_no_yield(asserted_dyads: Dyads) -> None:
    text = "The Chilean banks allowed the mining company to postpone its loan repayments."
    assert "08" not in roots(asserted_dyads(text))


def test_letting_output_fall_is_no_yield(asserted_dyads: Dyads) -> None:
    assert "08" not in roots(asserted_dyads("Chile allowed its copper output to fall."))


def test_not_ready_to_negotiate_is_a_refusal(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Chile is not ready to negotiate with Bolivia.")
    assert ("CHL", "12", "BOL") in dyads
    assert ("CHL", "03", "BOL") not in dyads


def test_ready_to_negotiate_is_still_an_intent(asserted_dyads: Dyads) -> None:
    assert ("CHL", "03", "BOL") in asserted_dyads("Chile is ready to negotiate with Bolivia.")


def test_deciding_not_to_attack_is_no_attack(asserted_dyads: Dyads) -> None:
    assert "19" not in roots(asserted_dyads("Chile decided not to attack Bolivia."))


def test_deciding_to_attack_is_still_an_attack(asserted_dyads: Dyads) -> None:
    assert ("CHL", "19", "BOL") in asserted_dyads("Chile decided to attack Bolivia.")
