"""Words of an act used for something else: a verbal attack, a protest named in passing, a
campaign rally, a passive conjunct's unnamed doer."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="d1", text=text))


def codes(coder: Coder, text: str) -> list[str]:
    return [e.code for e in coded(coder, text) if e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile's president attacked the Peruvian foreign minister for his remarks on the border.",
        "The Kenyan opposition leader attacked the Ugandan president as a dictator.",
    ],
)
def test_an_attack_with_a_reason_or_a_label_is_a_verbal_one(coder: Coder, text: str) -> None:
    found = codes(coder, text)
    assert "111" in found
    assert not any(code[:2] in {"18", "19"} for code in found)


def test_an_attack_lasting_hours_stays_an_assault(coder: Coder) -> None:
    found = codes(coder, "Rebels attacked a Malian army base for three hours on Tuesday.")
    assert any(code[:2] in {"18", "19"} for code in found)


PROTESTS_ABOUT = (
    "Serbia held an election in April. The president of Serbia spoke at length about the "
    "riots in a televised address. Serbia's economy grew as a result of the protests."
)


def test_protests_named_in_passing_are_no_protest_events(coder: Coder) -> None:
    assert not any(code.startswith("14") for code in codes(coder, PROTESTS_ABOUT))


def test_protests_that_take_place_are_still_coded(coder: Coder) -> None:
    text = (
        "Serbia held an election in April. Protests continued across the country on Sunday, "
        "and the shooting of a student led to protests."
    )
    assert sum(code.startswith("14") for code in codes(coder, text)) >= 1


def test_a_politicians_campaign_rally_is_no_protest(coder: Coder) -> None:
    text = "Senator Maria Lopez of Texas held a rally in Houston on Monday."
    assert not any(code.startswith("14") for code in codes(coder, text))


def test_an_opposition_rally_against_the_government_is_a_protest(coder: Coder) -> None:
    text = "The Belarusian opposition held a rally against the government in Minsk."
    assert any(code.startswith("14") for code in codes(coder, text))


def test_a_passive_conjunct_has_no_doer_of_its_own(coder: Coder) -> None:
    text = "Many Vietnamese students are being mocked or harassed in Berlin."
    assert not any(
        e.code.startswith("17") and e.source.country == "VNM" for e in coded(coder, text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Senator Rosa Diaz attacked Governor Tom Burke during the televised debate.",
        "Republicans continued to attack the Chilean president on his pension plan.",
    ],
)
def test_politicians_attacking_each_other_attack_with_words(coder: Coder, text: str) -> None:
    found = codes(coder, text)
    assert "111" in found
    assert not any(code[:2] in {"18", "19"} for code in found)


def test_gunmen_attacking_a_senator_still_use_force(coder: Coder) -> None:
    found = codes(coder, "Gunmen attacked Senator Ahmed Bello in Kano on Friday.")
    assert any(code[:2] in {"18", "19"} for code in found)


@pytest.mark.parametrize(
    "text",
    [
        "The Canadian software company released a new version of its database.",
        "The Brazilian mining company destroyed an old warehouse to build a road.",
    ],
)
def test_a_company_acting_on_no_political_actor_is_no_event(coder: Coder, text: str) -> None:
    assert not any(int(code[:2]) >= 3 for code in codes(coder, text))


def test_demonstrating_that_something_is_so_is_no_protest(coder: Coder) -> None:
    text = "The Peruvian audit demonstrates that the ministry wasted the flood relief funds."
    assert not any(code.startswith("14") for code in codes(coder, text))
