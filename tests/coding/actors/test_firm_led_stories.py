"""Wire stories a firm leads (actors/companies.py, context.py): the unplaced spokesman or
president of such a story is the firm's, not the government of the dateline's country; a
country word opening a name an industry noun closes ("American Motors"), a country in
brackets inside a firm's name ("Acme (Japan) Ltd"), and an officer "with" a firm name
firms, not states."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.companies import firm_led
from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def sources(coder: Coder, text: str, dateline: str = "OTTAWA") -> list[str]:
    document = Document(id="t", text=text, metadata={"dateline": dateline})
    return [e.source.code for e in coder.code(document) if e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Widget Co said it will shut two plants. A spokesman said the closings would "
        "cost the company nine mln dlrs. The spokesman declined to comment on the talks.",
        "Tindale <TND> said its order for new jets was worth one billion francs. President "
        "Anton Reeve told a news conference that Canada should cut its tariffs on jets.",
        "<Marlow Holdings> said its board approved a buyback. Chief executive Lena Fosse "
        "told reporters the firm expects a difficult year.",
    ],
)
def test_firm_led_stories_officers_are_the_firms(coder: Coder, text: str) -> None:
    found = sources(coder, text)
    assert not any(code.endswith("GOV") for code in found), found


def test_firm_led_stories_a_political_lead_keeps_its_spokesman(coder: Coder) -> None:
    text = (
        "Canada raised tariffs on steel imports from Korea on Monday. A spokesman "
        "criticised Korea for the dumping of steel."
    )
    assert "CANGOV" in sources(coder, text)


@pytest.mark.parametrize(
    ("text", "led"),
    [
        ("Harlow Widget Co said it will shut two plants.", True),
        ("Tindale <TND> said its order was worth one billion francs.", True),
        ("<Marlow Holdings> said its board approved a buyback.", True),
        ("The ministry fined Harlow Widget Co for the spill.", False),
        ("Canada will raise tariffs on steel imports.", False),
    ],
)
def test_firm_led_stories_opening_names(nlp: Language, text: str, led: bool) -> None:
    assert firm_led(nlp(text)) is led


@pytest.mark.parametrize(
    "text",
    [
        "American Pharmaceuticals said it agreed to sell its drug unit to a rival.",
        "Canadian Chemicals opposed the Quebec ban on its plant, the company said.",
    ],
)
def test_firm_led_stories_a_country_word_and_an_industry_noun_name_a_firm(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.source.code for e in asserted(text)]
    assert not any(code in {"USA", "CAN", "USAGOV", "CANGOV"} for code in codes), codes


def test_firm_led_stories_a_portfolio_is_no_firm(asserted: Callable[[str], list[Event]]) -> None:
    codes = [
        e.source.code
        for e in asserted("Canadian Energy Minister Ann Dorsey criticised Norway for the spill.")
    ]
    assert "CANGOV" in codes


def test_firm_led_stories_a_country_in_brackets_is_the_firms_branch(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Orwell Brokers (Japan) Corp president Ken Abe urged Japan to cut interest rates."
    codes = [e.source.code for e in asserted(text)]
    assert codes and not any(code.endswith("GOV") for code in codes), codes


def test_firm_led_stories_an_officer_with_a_firm_is_the_firms(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Mona Hale, a vice president for trading with Dalton Carver Markets, said Peru "
        "should cut its tariffs."
    )
    codes = [e.source.code for e in asserted(text)]
    assert codes and not any(code.endswith("GOV") for code in codes), codes
