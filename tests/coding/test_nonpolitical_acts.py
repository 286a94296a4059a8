"""Acts that are not political event data, found on news no one tuned on (session 17):
inquiries into accidents, outlets named with a country, what is said to the narrator,
animals killed or caught, poll shares, kept leads, feared acts, the help of unions, science
academies and game developers, a company's act at an unknown name, and acts summed up as a
pattern. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

Asserted = Callable[[str], list[Event]]


def codes(events: list[Event]) -> list[str]:
    return [e.code for e in events]


def test_accidents_an_inquiry_into_a_collision_is_no_event(asserted: Asserted) -> None:
    text = "Indian railway police are investigating the collision of two trains."
    assert not [e for e in asserted(text) if e.root_code == "09"]


def test_accidents_a_passive_crash_inquiry_is_no_event(asserted: Asserted) -> None:
    text = "The crash of the cargo jet was being investigated by Kenyan police."
    assert not [e for e in asserted(text) if e.root_code == "09"]


def test_accidents_an_inquiry_into_a_fire_is_no_event(asserted: Asserted) -> None:
    assert not [e for e in asserted("Police opened an inquiry into the warehouse fire.")]


def test_accidents_an_inquiry_into_an_attack_stays(asserted: Asserted) -> None:
    assert "093" in codes(asserted("Police are investigating the bombing of the market."))


def test_accidents_an_inquiry_aimed_at_an_official_stays(asserted: Asserted) -> None:
    text = "Prosecutors opened an investigation into the mayor over the collapse."
    assert [e.root_code for e in asserted(text)] == ["09"]


def test_statement_aims_an_outlet_named_with_a_country_is_no_target(asserted: Asserted) -> None:
    events = asserted("The minister told CNN Indonesia that the ferry had sunk near Bali.")
    assert all(e.target is None or e.target.country != "IDN" for e in events)


def test_statement_aims_an_outlet_glued_to_the_clause_is_no_target(asserted: Asserted) -> None:
    events = asserted("A Chilean activist told Agence France-Presse looters had emptied the shops.")
    assert all(e.target is None or e.target.sector != "MED" for e in events)


def test_statement_aims_a_criticised_outlet_stays_the_target(asserted: Asserted) -> None:
    events = asserted("The Kenyan minister criticized CNN for its coverage of the election.")
    assert [e.target.sector for e in events if e.target] == ["MED"]


def test_statements_an_appeal_to_the_narrator_is_no_event(asserted: Asserted) -> None:
    assert asserted("Then the Nigerian police asked me to show them my papers.") == []


def test_statements_an_appeal_to_protesters_stays(asserted: Asserted) -> None:
    assert codes(asserted("Nigerian police asked residents to stay indoors.")) == ["020"]


def test_verbs_killing_an_animal_is_no_force(asserted: Asserted) -> None:
    assert asserted("The army killed the snake that had bitten a soldier.") == []


def test_verbs_capturing_birds_is_no_arrest(asserted: Asserted) -> None:
    assert asserted("Egyptian police captured dozens of wild ibises near the river.") == []


def test_verbs_capturing_a_prisoner_stays_an_arrest(asserted: Asserted) -> None:
    assert codes(asserted("Egyptian police captured the escaped prisoner.")) == ["173"]


def test_polls_a_percentage_of_voters_is_no_actor(asserted: Asserted) -> None:
    assert asserted("Sixty percent of French voters oppose the pension reform.") == []


def test_polls_most_of_a_people_is_no_actor(asserted: Asserted) -> None:
    assert asserted("Most Germans reject the new treaty with Poland.") == []


def test_polls_a_country_that_opposes_stays(asserted: Asserted) -> None:
    assert [e.root_code for e in asserted("France opposes the new treaty with Poland.")] == ["12"]


def test_verbs_a_kept_lead_is_no_statement(asserted: Asserted) -> None:
    text = "The opposition leader maintained her lead over the prime minister in the survey."
    assert asserted(text) == []


def test_modality_a_feared_seizure_is_not_asserted(asserted: Asserted) -> None:
    assert asserted("The shopkeepers were scared of Syrian soldiers seizing their goods.") == []


def test_statements_a_union_lending_to_its_members_is_no_aid(asserted: Asserted) -> None:
    assert asserted("The Chilean dockworkers' union gave its members cheap loans.") == []


def test_agents_a_science_academy_is_no_state(asserted: Asserted) -> None:
    text = "The Norwegian Academy of Sciences announced the winners of its annual prize."
    assert asserted(text) == []


def test_agents_a_game_developer_is_a_business(asserted: Asserted) -> None:
    events = asserted("A Danish video game developer sharply criticized the Danish government.")
    assert [e.source.code for e in events] == ["DNKBUS"]


def test_statements_a_company_releasing_a_named_product_is_no_release(coder: Coder) -> None:
    text = "In Berlin, the German software company released Quasar Studio, its first product."
    events = coder.code(Document(id="t", text=text))
    assert not [e for e in events if e.root_code == "08"]


def test_background_acts_over_the_years_are_a_recap(asserted: Asserted) -> None:
    assert (
        asserted("Over the years, Iranian courts have jailed dissidents for insulting the leader.")
        == []
    )


def test_background_historically_is_a_recap(asserted: Asserted) -> None:
    text = "Migrants have historically been accused by Greek officials of spreading disease."
    assert asserted(text) == []


def test_background_a_dated_span_stays(asserted: Asserted) -> None:
    text = "Over the past two years, Egyptian police arrested dozens of activists."
    assert codes(asserted(text)) == ["173"]


def test_companies_a_federation_president_is_no_head_of_state(asserted: Asserted) -> None:
    events = asserted("The president of the Kenya Football Federation criticized the government.")
    assert [e.source.code for e in events] == ["KENNGO"]


def test_companies_a_society_named_before_the_title_is_its_owner(asserted: Asserted) -> None:
    events = asserted("Peruvian Chess Federation President Ana Torres criticized the ministry.")
    assert [e.source.sector for e in events] == ["NGO"]


def test_companies_the_president_of_a_federal_state_stays_its_head(asserted: Asserted) -> None:
    events = asserted("The president of the Russian Federation criticized the plan.")
    assert [e.source.code for e in events] == ["RUSGOV"]


def test_verbs_views_captured_in_a_survey_are_no_arrest(asserted: Asserted) -> None:
    assert asserted("In Kenya, the views of the villagers were captured in a survey.") == []


def test_verbs_considering_a_run_for_office_is_no_policy_option(asserted: Asserted) -> None:
    text = "The Chilean senator and a former Peruvian governor are both considering runs."
    assert asserted(text) == []


def test_verbs_considering_sanctions_stays(asserted: Asserted) -> None:
    assert codes(asserted("The Chilean government is considering sanctions on Peru.")) == ["014"]


def test_modality_a_relative_clause_on_any_is_hypothetical(asserted: Asserted) -> None:
    text = "He dared the minister to name any Brazilian police unions that endorsed his plan."
    assert not [e for e in asserted(text) if e.code == "051"]


def test_statement_aims_a_capital_listed_among_towns_is_a_place(asserted: Asserted) -> None:
    text = "The Philippine minister said the worst hit towns were Tandag, Bislig and Madrid."
    assert all(e.target is None or e.target.country != "ESP" for e in asserted(text))


def test_statement_aims_countries_listed_together_stay_targets(asserted: Asserted) -> None:
    events = asserted("The Philippine minister said Spain, France and Italy had failed.")
    assert [e.target.country for e in events if e.target] == ["ESP"]
