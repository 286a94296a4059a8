"""Acts of campaign, court and epidemic news the coder used to miss (found on untouched modern
news): criticism by idiom ("railed against", "took a swipe at"), criminal charges filed or
brought, support and congratulations tweeted or sent, a laudatory label ("a decent man").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian president railed against the Chilean government at a rally.",
        "The Peruvian president railed at the Chilean government over the tariffs.",
        "The Peruvian president took a swipe at the Chilean government in his speech.",
        "The Peruvian president took a potshot at the Chilean government on the radio.",
    ],
)
def test_campaign_news_acts_idioms_of_criticism_are_criticism(coder: Coder, text: str) -> None:
    assert ("PERGOV", "111", "CHLGOV") in triples(coded(coder, text))


def test_campaign_news_acts_a_shot_at_goal_is_no_criticism(coder: Coder) -> None:
    text = "The Peruvian striker took a shot at goal in the second half."
    assert not [e for e in coded(coder, text) if e.code == "111"]


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors in Lima filed charges against the mayor of Cusco.",
        "Prosecutors in Lima brought criminal charges against the mayor of Cusco.",
        "Prosecutors in Lima pressed charges against the mayor of Cusco.",
    ],
)
def test_campaign_news_acts_charges_filed_against_someone_charge_him(
    coder: Coder, text: str
) -> None:
    assert ("PERJUD", "173", "PERGOV") in triples(coded(coder, text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Peruvian president tweeted support for the Chilean government.", "051"),
        ("The Peruvian president posted condolences to the Chilean government.", "018"),
        ("The Peruvian president tweeted congratulations to the Chilean government.", "051"),
        ("The Peruvian president sent his congratulations to the Chilean government.", "051"),
        ("The Peruvian president offered congratulations to the Chilean government.", "051"),
    ],
)
def test_campaign_news_acts_support_and_congratulations_given_are_their_act(
    coder: Coder, text: str, code: str
) -> None:
    assert ("PERGOV", code, "CHLGOV") in triples(coded(coder, text))


@pytest.mark.parametrize("word", ["decent", "honest", "principled", "selfless"])
def test_campaign_news_acts_a_laudatory_label_is_praise(coder: Coder, word: str) -> None:
    text = f'The Peruvian president called the Chilean president a "{word} man".'
    assert triples(coded(coder, text)) == {("PERGOV", "051", "CHLGOV")}


@pytest.mark.parametrize(
    "text",
    [
        "Charges were filed against the governor of Texas on Monday.",
        "Criminal charges were pressed against the governor of Texas.",
    ],
)
def test_campaign_news_acts_charges_filed_with_no_doer_are_the_courts(
    coder: Coder, text: str
) -> None:
    assert triples(coded(coder, text)) == {("USAJUD", "173", "USAGOV")}


def test_campaign_news_acts_a_lawsuit_filed_with_no_doer_has_no_implied_agent(
    coder: Coder,
) -> None:
    assert not coded(coder, "A lawsuit was filed against the governor of Texas on Monday.")


@pytest.mark.parametrize(
    "force", ["Thames Valley Police", "Greater Manchester Police", "Police Scotland"]
)
def test_campaign_news_acts_british_police_forces_are_british_police(
    coder: Coder, force: str
) -> None:
    text = f"{force} said it had arrested two Iranian diplomats on Monday."
    assert ("GBRCOP", "173", "IRNGOV") in triples(coded(coder, text))


@pytest.mark.parametrize("title", ["Inspector General", "Postmaster General", "Surgeon General"])
def test_campaign_news_acts_a_civil_general_is_no_military(coder: Coder, title: str) -> None:
    text = f"The American {title} Tom Reed criticized the government of Mexico."
    assert triples(coded(coder, text)) == {("USAGOV", "111", "MEXGOV")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Peruvian president hammered the Chilean government for the delays.", "111"),
        ("The Peruvian president questioned the decision of the Chilean government.", "110"),
        ("The Peruvian president questioned the choice of the Chilean government.", "110"),
    ],
)
def test_campaign_news_acts_hammered_for_and_questioned_choices_disapprove(
    coder: Coder, text: str, code: str
) -> None:
    assert triples(coded(coder, text)) == {("PERGOV", code, "CHLGOV")}


def test_campaign_news_acts_hammered_positions_are_no_criticism(coder: Coder) -> None:
    text = "The Peruvian army hammered the rebel positions near the Chilean border."
    assert not [e for e in coded(coder, text) if e.code.startswith("11")]


@pytest.mark.parametrize(
    "subject", ["A Green Dawn group", "A neighbourhood group", "Two local groups"]
)
def test_campaign_news_acts_a_group_no_one_knows_protests_as_civilians(
    coder: Coder, subject: str
) -> None:
    text = f"{subject} protested outside the Kremlin in Moscow on Thursday."
    assert triples(coded(coder, text)) == {("RUSCVL", "141", "RUSGOV")}
