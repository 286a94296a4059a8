"""Precision (issue 9): history summed up, map legends, permitted acts and the aims of a body
set up are no asserted events; the acts they look like still are."""

from __future__ import annotations

from collections.abc import Callable

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def roots(dyads: set[tuple[str | None, str, str | None]]) -> set[str]:
    return {root for _, root, _ in dyads}


def test_background_counted_earlier_times_are_no_act(asserted_dyads: Dyads) -> None:
    text = "Only twice before has the Peruvian congress voted to censure a sitting president."
    assert "11" not in roots(asserted_dyads(text))


def test_background_only_n_other_is_a_recap(asserted_dyads: Dyads) -> None:
    text = "The Peruvian congress has only impeached two other presidents."
    assert "11" not in roots(asserted_dyads(text))


def test_background_act_done_in_the_past_is_a_recap(asserted_dyads: Dyads) -> None:
    text = "The Chilean president has criticised the Bolivian government in the past."
    assert "11" not in roots(asserted_dyads(text))


def test_background_the_past_week_still_dates_an_act(asserted_dyads: Dyads) -> None:
    text = "In the past week, the Chilean president criticised the Bolivian government."
    assert ("CHL", "11", "BOL") in asserted_dyads(text)


def test_background_other_ones_without_only_are_acts(asserted_dyads: Dyads) -> None:
    text = "The Peruvian congress has impeached two other ministers."
    assert "11" in roots(asserted_dyads(text))


def test_background_map_legend_line_is_no_act(asserted_dyads: Dyads) -> None:
    assert asserted_dyads("██ Territory seized by Azerbaijani forces") == set()


def test_background_bulleted_news_line_is_still_an_act(asserted_dyads: Dyads) -> None:
    text = "● Azerbaijani forces seized the Armenian town of Shusha on Sunday."
    assert ("AZE", "19", "ARM") in asserted_dyads(text)


def test_modality_permitted_deployment_is_not_done(asserted_dyads: Dyads) -> None:
    text = "The treaty allowed Russian naval deployments in Syria."
    assert "15" not in roots(asserted_dyads(text))


def test_modality_aim_of_a_founded_body_is_not_done(asserted_dyads: Dyads) -> None:
    text = "Quispe co-founded the Bolivian Peasant League (BPL) to oppose the military junta."
    assert "12" not in roots(asserted_dyads(text))


def test_modality_act_cited_as_a_reason_is_the_citers_claim(asserted_dyads: Dyads) -> None:
    text = (
        "The Chilean minister cited the Bolivian government's \"ongoing repression of the "
        'Aymara people and its support for rebels in Peru".'
    )
    assert "17" not in roots(asserted_dyads(text))


def test_background_quoted_title_is_no_act(asserted_dyads: Dyads) -> None:
    text = (
        'In a report titled "Chile threatens Peru over water rights," the Bolivian think tank '
        "criticised both governments."
    )
    dyads = asserted_dyads(text)
    assert ("CHL", "13", "PER") not in dyads
    assert ("BOL", "11", "PER") in dyads


def test_background_quoted_words_of_a_speaker_still_count(asserted_dyads: Dyads) -> None:
    text = 'The Bolivian minister said: "Chile threatens Peru over water rights."'
    assert ("CHL", "13", "PER") in asserted_dyads(text)
