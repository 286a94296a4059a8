"""Firms in wire copy are not their country's state (actors/companies.py, pieces.py):
a country word opening a firm's name, a firm's short name before a title, the officer a story
named with a firm, business nouns after a nationality, and a firm's name that runs past an
organisation word."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.organisations import named_organisations
from dyadwatch.coding.actors.pieces import ActorContext
from dyadwatch.coding.actors.recognizer import ActorRecognizer


def codes_of(recognizer: ActorRecognizer, nlp: Language, sentences: list[str]) -> list[str]:
    """The actor codes found sentence by sentence, with one context for the story."""
    context = ActorContext()
    found: list[str] = []
    for sentence in sentences:
        found += [m.actor.code for m in recognizer.find(nlp(sentence), None, context)]
    return found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Peruvian Grain Exchange Ltd took over the running of the market.", "PERBUS"),
        ("Korean Marine Lines Co Ltd said it signed a contract with Peru.", "KORBUS"),
    ],
)
def test_firm_names_a_country_word_opening_a_firms_name_is_the_firm(
    recognizer: ActorRecognizer, nlp: Language, text: str, code: str
) -> None:
    assert codes_of(recognizer, nlp, [text])[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kelvo Canada said it signed a supply contract with Peru.", "CANBUS"),
        ("Marlin Foods Canada chief executive Tom Ode told reporters Peru had agreed.", "CANBUS"),
        ("Orvane Carbide France announced a bid for the rival.", "FRABUS"),
        ("Peruvian Telephone and Telegraph Co said Chile had agreed.", "PERBUS"),
        ("Ken Mori of the Bank of Lima said Chile had agreed.", "PERBUS"),
    ],
)
def test_firm_names_a_firm_named_with_its_country_is_the_firm(
    recognizer: ActorRecognizer, nlp: Language, text: str, code: str
) -> None:
    assert codes_of(recognizer, nlp, [text])[0].endswith(code)


@pytest.mark.parametrize(
    "text",
    [
        "Youth Forum Zimbabwe said the president had failed the nation.",
        "The United States and Canada signed an agreement.",
    ],
)
def test_firm_names_other_names_ending_in_a_country_are_no_firm(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert not any(code.endswith("BUS") for code in codes_of(recognizer, nlp, [text]))


def test_firm_names_a_country_word_before_a_common_noun_stays_the_state(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = codes_of(recognizer, nlp, ["The Peruvian government took over the market."])
    assert found == ["PERGOV"]


def test_firm_names_a_firms_short_name_before_a_title_is_the_firm(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    story = [
        "Marlow Bank Ltd is certain to lose its lead.",
        "But Marlow President Ken Oda told a news conference that Peru would help.",
    ]
    assert codes_of(recognizer, nlp, story)[0].endswith("BUS")


def test_firm_names_a_short_name_the_story_gave_no_legal_form_stays_a_title(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    found = codes_of(recognizer, nlp, ["Marlow President Ken Oda said Peru would help."])
    assert not found[0].endswith("BUS")


@pytest.mark.parametrize(
    "text",
    [
        "The company president criticised the Kenyan government.",
    ],
)
def test_firm_names_who_leads_a_firm_is_the_firms(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    assert codes_of(recognizer, nlp, [text])[0].endswith("BUS")


def test_firm_names_the_spokesman_a_story_named_with_a_firm_stays_the_firms(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    story = [
        "The plant will close in May, a company spokesman said.",
        "The spokesman added that Chile had criticised the sale.",
    ]
    assert codes_of(recognizer, nlp, story)[1] == "CHLBUS"


def test_firm_names_a_government_spokesman_later_speaks_for_the_state(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    story = [
        "The plant will close in May, a company spokesman said.",
        "A Chilean government spokesman said the sale was illegal.",
        "The spokesman added that Peru had objected.",
    ]
    assert codes_of(recognizer, nlp, story)[-2].endswith("GOV")


@pytest.mark.parametrize(
    "text",
    [
        "The plan was dropped, a spokesman for one consortium member said in Lima, Peru.",
        "A spokesman for leading Japanese car firm Tarrow Motors Co said Peru had agreed.",
    ],
)
def test_firm_names_a_spokesman_for_a_described_firm_is_the_firms(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    doc = nlp(text)
    spokesman = next(m for m in recognizer.find(doc) if doc[m.head].lower_ == "spokesman")
    assert spokesman.actor.sector == "BUS"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dutch insurer Kelvo plans to buy a stake in a bank.", "NLDBUS"),
        ("French operators asked for export licences at the tender.", "FRABUS"),
        ("The Italian brewer said it would raise prices.", "ITABUS"),
    ],
)
def test_firm_names_business_nouns_after_a_nationality(
    recognizer: ActorRecognizer, nlp: Language, text: str, code: str
) -> None:
    assert codes_of(recognizer, nlp, [text])[0] == code


def ngo_names(recognizer: ActorRecognizer, nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [m.actor.name for m in named_organisations(doc, recognizer.find(doc))]


def test_firm_names_an_organisation_word_inside_a_firms_name_is_no_ngo(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    story = (
        "Lindel Network Technologies Inc said it signed a marketing agreement. "
        "The service will bill each student, Lindel Network said."
    )
    assert ngo_names(recognizer, nlp, story) == []


def test_firm_names_a_named_organisation_still_acts(
    recognizer: ActorRecognizer, nlp: Language
) -> None:
    text = "The Lindel Freedom Network called for a ceasefire."
    assert ngo_names(recognizer, nlp, text) == ["Lindel Freedom Network"]
