"""Statement hygiene: which statements (CAMEO 01-02) the coder keeps as political event data."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.statements import is_political
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Actor, Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


@pytest.fixture(scope="module")
def permissive(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    settings = Settings(prefilter=False, nonpolitical_statements=True)
    return Coder(nlp, recognizer, default_verbs(), settings=settings)


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def statements(events: list[Event]) -> list[Event]:
    return [e for e in events if e.root_code in {"01", "02"}]


def test_a_statement_about_another_country_targets_it(coder: Coder) -> None:
    events = statements(
        coded(coder, "The Chilean foreign minister said Peru had failed to respect the treaty.")
    )
    assert [(e.source.country, e.target.country if e.target else None) for e in events] == [
        ("CHL", "PER")
    ]
    assert events[0].rule["target"].startswith("statement-about")


def test_a_bare_report_is_attribution_not_an_event(coder: Coder) -> None:
    assert statements(coded(coder, "Police in Norway said the fire was out by noon.")) == []


def test_a_bare_announcement_by_a_government_stays(coder: Coder) -> None:
    events = statements(coded(coder, "The Kenyan government announced a new budget on Monday."))
    assert [e.source.country for e in events] == ["KEN"]


def test_a_statement_beside_the_speakers_own_act_is_dropped(coder: Coder) -> None:
    events = coded(coder, "Egypt announced that its army had attacked the rebels in Sinai.")
    assert events, "the attack itself is coded"
    assert all(e.root_code not in {"01"} or e.target is not None for e in events)


def test_company_statements_are_off_by_default_and_available_behind_the_setting(
    coder: Coder, permissive: Coder
) -> None:
    text = "The oil company Shell announced a new strategy on Monday."
    assert statements(coded(coder, text)) == []
    # the setting only widens who may make statements; the rest of the hygiene still holds
    assert is_political(Actor(code="USABUS", name="firm", country="USA", sector="BUS")) is False
    assert coded(permissive, text) == statements(coded(permissive, text))


@pytest.mark.parametrize(
    ("actor", "political"),
    [
        (Actor(code="FRAGOV", name="minister", country="FRA", sector="GOV"), True),
        (Actor(code="GOV", name="the government", country=None, sector="GOV"), True),
        (Actor(code="IGOUNO", name="UN", country=None, sector=None), True),
        (Actor(code="GBRMED", name="a newspaper", country="GBR", sector="MED"), False),
        (Actor(code="EDU", name="a university", country=None, sector="EDU"), False),
    ],
)
def test_who_is_political(actor: Actor, political: bool) -> None:
    assert is_political(actor) is political


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government announced the missing ferry had been found near the coast.",
        "The Peruvian president claimed the economy was growing faster than ever.",
        "The Spanish ministry declared the outbreak to be over.",
    ],
)
def test_a_bare_statement_whose_content_is_a_clause_is_attribution(coder: Coder, text: str) -> None:
    assert statements(coded(coder, text)) == []


def test_a_clause_about_another_country_keeps_its_statement(coder: Coder) -> None:
    events = statements(
        coded(coder, "The Kenyan government announced that Ugandan troops were exhausted.")
    )
    assert [(e.source.country, e.target and e.target.country) for e in events] == [("KEN", "UGA")]


def test_a_statement_that_carries_the_speakers_own_act_is_only_its_vehicle(
    coder: Coder,
) -> None:
    events = coded(coder, "The Kenyan army issued a statement condemning the Ugandan raid.")
    assert [(e.source.country, e.code, e.target and e.target.country) for e in events] == [
        ("KEN", "111", "UGA")
    ]


def test_a_verb_that_only_reports_an_event_noun_is_not_its_author(coder: Coder) -> None:
    events = coded(coder, "The Kenyan ministry confirmed a bomb attack on the Ugandan embassy.")
    assert not any(e.source.country == "KEN" and e.root_code == "18" for e in events)
    announced = coded(coder, "Kenya announced sanctions against Uganda.")
    assert [(e.source.country, e.code) for e in announced] == [("KEN", "163")]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan court sought to determine whether the contract was legal.",
        "The Kenyan opposition sought to overturn the result.",
    ],
)
def test_seeking_to_do_something_oneself_is_no_appeal(coder: Coder, text: str) -> None:
    assert statements(coded(coder, text)) == []


def test_a_report_about_the_speakers_own_country_is_not_aimed_at_it(coder: Coder) -> None:
    text = "Kenyan exports rose 4 pct in March, the Kenyan central bank said."
    assert statements(coded(coder, text)) == []


def test_blaming_the_weather_is_no_accusation(coder: Coder) -> None:
    text = "The Kenyan government blamed the heavy rain in the highlands."
    assert not any(e.code.startswith("112") for e in coded(coder, text))
    blamed = coded(coder, "The Kenyan government blamed Uganda.")
    assert [(e.code, e.target and e.target.country) for e in blamed] == [("112", "UGA")]


def test_what_we_must_do_is_no_demand(coder: Coder) -> None:
    events = coded(
        coder, 'A former Canadian foreign minister wrote, "We must never abandon our partners."'
    )
    assert not [e for e in events if e.root_code == "10"]


def test_what_another_actor_must_do_stays_a_demand(coder: Coder) -> None:
    events = coded(coder, "The Norwegian prime minister said Russia must free the journalists.")
    assert [(e.root_code, e.target.country if e.target else None) for e in events] == [
        ("10", "RUS")
    ]


def test_the_us_as_a_subject_is_not_first_person(coder: Coder) -> None:
    events = coded(coder, "The Mexican president said the US must lift the tariffs.")
    assert any(e.root_code == "10" and e.target and e.target.country == "USA" for e in events)
