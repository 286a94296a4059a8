"""Wire news of the 1980s: a successor state's capital and organizations code as the state
they then belonged to (Moscow and Tass of 1987: the Soviet Union), and a listed person met
before every tenure the dictionary records takes the country of the post the story gives.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

DAY_1987 = dt.date(1987, 5, 4)
DAY_2019 = dt.date(2019, 5, 4)


def sources(coder: Coder, text: str, when: dt.date) -> set[str]:
    events: list[Event] = coder.code(Document(id="t", text=text, date=when))
    return {e.source.code for e in events if e.modality == "asserted"}


def test_historical_states_capital_before_dissolution_is_the_predecessor(coder: Coder) -> None:
    text = "Moscow accused Norway of provoking the incident on the border."
    assert sources(coder, text, DAY_1987) == {"SUNGOV"}
    assert sources(coder, text, DAY_2019) == {"RUSGOV"}


def test_historical_states_prague_before_1993_is_czechoslovakia(coder: Coder) -> None:
    text = "Prague criticised Austria over the new fence on the border."
    assert sources(coder, text, DAY_1987) == {"CSKGOV"}


def test_historical_states_organization_of_a_later_state_is_the_predecessors(
    coder: Coder,
) -> None:
    assert sources(coder, "Tass criticised Denmark over the fishing quarrel.", DAY_1987) == {
        "SUNMED"
    }
    assert sources(coder, "The Kremlin denounced the Swedish decision.", DAY_1987) == {"SUNGOV"}


def test_historical_states_organization_today_keeps_its_country(coder: Coder) -> None:
    assert sources(coder, "The Kremlin denounced the Swedish decision.", DAY_2019) == {"RUSGOV"}


def test_historical_states_1980s_foreign_minister_is_soviet(coder: Coder) -> None:
    # Shevardnadze was Georgia's president later (1995-2003): in 1987 he is the Soviet Union's
    text = "Soviet Foreign Minister Eduard Shevardnadze criticised the Danish plan on Monday."
    assert sources(coder, text, DAY_1987) == {"SUNGOV"}


def test_historical_states_stated_post_before_recorded_tenures(coder: Coder) -> None:
    # the dictionary lists Lavrov only as Russia's foreign minister (from 2004)
    text = "Soviet diplomat Sergei Lavrov criticised the Danish plan on Monday."
    assert sources(coder, text, DAY_1987) == {"SUNGOV"}


def test_historical_states_stated_post_after_tenure_keeps_former_reading(coder: Coder) -> None:
    text = "Georgian President Eduard Shevardnadze criticised the Danish plan on Monday."
    assert sources(coder, text, DAY_2019) == {"GEOELI"}


def test_historical_states_later_mention_keeps_the_stated_post(coder: Coder) -> None:
    text = (
        "Soviet diplomat Sergei Lavrov arrived in Oslo on Sunday. "
        "Lavrov criticised the Danish plan on Monday."
    )
    assert sources(coder, text, DAY_1987) == {"SUNGOV"}


def test_historical_states_1980s_leader_by_title_and_surname(coder: Coder) -> None:
    # without the 1980s rows the titled surname took the country of the story (Norway)
    text = "President Reagan imposed sanctions on Norway over the fishing accord."
    assert sources(coder, text, DAY_1987) == {"USAGOV"}


def test_historical_states_shared_surname_goes_to_the_one_in_office(coder: Coder) -> None:
    # two listed Nakasones: the prime minister of 1987, a foreign minister of 2008-2009
    text = "Nakasone criticised Norway over the fishing accord."
    assert sources(coder, text, DAY_1987) == {"JPNGOV"}


def test_historical_states_shared_surname_nobody_in_office_stays_unknown(coder: Coder) -> None:
    text = "Nakasone criticised Norway over the fishing accord."
    assert not sources(coder, text, DAY_2019)


def test_historical_states_dateline_before_dissolution_is_the_predecessor(coder: Coder) -> None:
    # a 1987 story filed from Moscow: its unplaced officials are the Soviet Union's
    text = "A foreign ministry spokesman criticised the Danish navy on Monday."
    for when, code in ((DAY_1987, "SUNGOV"), (DAY_2019, "RUSGOV")):
        document = Document(id="t", text=text, date=when, metadata={"dateline": "MOSCOW, May 4"})
        assert {e.source.code for e in coder.code(document)} == {code}


def test_historical_states_belgrade_before_2006_is_yugoslavia(coder: Coder) -> None:
    text = "Belgrade accused Austria of provoking the incident on the border."
    assert sources(coder, text, DAY_1987) == {"SCGGOV"}
    assert sources(coder, text, DAY_2019) == {"SRBGOV"}
