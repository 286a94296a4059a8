"""A role tied to a named firm or news outlet ("Orbis Corp president", "a vice president at
Quill Power", "the Chief Technology Officer of Lumen") is the firm's (BUS) or the outlet's
(MED) actor, not the government's or the army's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer


def sector_of(recognizer: ActorRecognizer, nlp: Language, text: str, word: str) -> str | None:
    doc = nlp(text)
    for mention in recognizer.find(doc):
        if word in doc[mention.start : mention.end].text:
            return mention.actor.sector
    raise AssertionError(f"no mention with {word!r} in {text!r}")


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        # a company's name right before the title, with or without a possessive
        ("Orbis Tile Corp president Dana Whitlow expects higher sales.", "president", "BUS"),
        ("Quill Power Ltd's vice president warned of blackouts.", "vice president", "BUS"),
        # the company as the object of "of", "at" or "for"
        ("Mara Venn, a vice president at Quill Power, spoke to us.", "vice president", "BUS"),
        ("The president of Kestrel Motors criticised the tariff.", "president", "BUS"),
        ("A spokesman for Harbor Valley Inc declined to comment.", "spokesman", "BUS"),
        # an outlet's name: the paper's people are media
        ("An editor said officials of Lakeside Herald were warned.", "officials", "MED"),
        # titles only a company has, whatever surrounds them
        ("Lumen CTO Ari Pell praised the proposal.", "CTO", "BUS"),
        ("The Chief Technology Officer of Lumen praised the plan.", "Officer", "BUS"),
        ("Its senior vice president, Noor Kade, resigned.", "senior vice president", "BUS"),
        ("The chief executive officer of Tansy resigned.", "chief executive officer", "BUS"),
    ],
)
def test_companies_officers_of_a_firm_are_business(
    recognizer: ActorRecognizer, nlp: Language, text: str, word: str, sector: str
) -> None:
    assert sector_of(recognizer, nlp, text, word) == sector


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Dutch daily Vrijbode blamed the minister.", "NLDMED"),
        ("Greek daily Pyxida wrote that Athens would object.", "GRCMED"),
    ],
)
def test_companies_daily_before_a_name_is_a_paper(
    recognizer: ActorRecognizer, nlp: Language, text: str, code: str
) -> None:
    doc = nlp(text)
    assert recognizer.find(doc)[0].actor.code == code


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        # a country or a known body keeps the title the state's
        ("The president of Kenya met the vice president of Ghana.", "president", "GOV"),
        ("Hong Kong Chief Executive Lin Wai spoke on Friday.", "Chief Executive", "GOV"),
        # a name with no company word is no firm ("Harrow Street president")
        ("Harrow president Ana Ruiz spoke in Lima, Peru.", "president", "GOV"),
        # a company word inside a ministry's portfolio after a country
        ("Kenyan Primary Industries Minister Ado Kiro spoke.", "Minister", "GOV"),
        # "daily" as an adverb or adjective is no paper
        ("Officials met daily with Peruvian ministers.", "Officials", "GOV"),
    ],
)
def test_companies_other_titles_stay_political(
    recognizer: ActorRecognizer, nlp: Language, text: str, word: str, sector: str
) -> None:
    assert sector_of(recognizer, nlp, text, word) == sector


@pytest.mark.parametrize(
    "text",
    [
        # the tagger runs the name into the capitalised trade before it
        "Italian Truckmaker General Motors plans a new plant near Turin.",
        "U.S. Carmaker General Motors hopes to sell more cars in Europe.",
    ],
)
def test_companies_rank_word_opening_a_firm_is_no_officer(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    doc = nlp(text)
    assert all(m.actor.sector != "MIL" for m in recognizer.find(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Crown Prince Tool Inc said its sales rose.",
        "The Emir Paper Co said profits rose.",
        "The Sultan's Table Co cut prices across Ohio.",
    ],
)
def test_companies_title_inside_a_firms_name_is_no_actor(
    recognizer: ActorRecognizer, nlp: Language, text: str
) -> None:
    doc = nlp(text)
    assert all(m.actor.sector != "GOV" for m in recognizer.find(doc))
