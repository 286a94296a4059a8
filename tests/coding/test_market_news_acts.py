"""Wire market news read as acts (events/statements.py, events/frames.py, verbs.tsv): trade
figures are no aid, unions launching strikes stop work, a declined detail is a declined
comment, and "not willing to" do an uncoded thing is no intent."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


def codes(asserted: Callable[[str], list[Event]], text: str) -> list[str]:
    return [e.code for e in asserted(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana supplied 2,150 tonnes in March, down from 4,900 in February.",
        "So far this season Peru has sold 81,300 bags to all markets.",
    ],
)
def test_market_news_trade_figures_are_no_aid(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(code[:2] in {"06", "07"} for code in codes(asserted, text))


def test_market_news_goods_sent_to_a_country_stay_aid(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted, "Japan supplied 9,000 tonnes of rice to Laos.")
    assert any(code[:2] == "07" for code in found)


def test_market_news_unions_launching_strikes_stop_work(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted, "Unions in Chile said they had launched two-day strikes over pay.")
    assert "143" in found
    assert not any(code[:2] in {"18", "19", "20"} for code in found)


def test_market_news_an_air_force_launching_strikes_still_attacks(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted, "The Chilean air force launched strikes on rebel camps.")
    assert any(code[:2] in {"18", "19"} for code in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian minister declined to elaborate.",
        "The Peruvian minister declined to give details of the plan.",
        "The Peruvian minister declined to specify how much the state would spend.",
    ],
)
def test_market_news_a_declined_detail_is_a_declined_comment(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert codes(asserted, text) == ["011"]


def test_market_news_not_willing_to_do_an_uncoded_thing_is_no_intent(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = '"We are not willing to enter into such schemes," the Peruvian official said.'
    assert "030" not in codes(asserted, text)


def test_market_news_not_willing_to_do_a_coded_act_still_rejects(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted, "The Peruvian government is not willing to negotiate with Chile.")
    assert any(code[:2] == "12" for code in found)


def test_market_news_a_firms_should_is_a_forecast_not_an_appeal(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Dutch carmaker Kelvo said its Spanish activities should start yielding profit soon."
    assert not any(code[:2] == "02" for code in codes(asserted, text))


def test_market_news_a_firm_urging_a_state_still_appeals(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = codes(asserted, "Dutch carmaker Kelvo is urging Spain to cut taxes.")
    assert any(code[:2] == "02" for code in found)


def test_market_news_a_businessmans_should_of_a_leader_stays_an_appeal(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Businessman Tom Reed said the Kenyan president should accept the election result."
    assert any(code[:2] == "02" for code in codes(asserted, text))
