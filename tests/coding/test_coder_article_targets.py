"""Targets and events the coder must find on whole news articles: objects that stand for a
country, coordinated actors, the source's own country, nominal events with participants and
light-verb phrases (docs/verbs.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def coder(nlp: Language, recognizer: ActorRecognizer) -> Coder:
    return Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code[:2], e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an envoy acted on stands for the envoy's country
        ("Oslo expelled the Iranian ambassador on Tuesday.", ("NOR", "16", "IRN")),
        ("Canberra summoned the Chinese envoy after the incident.", ("AUS", "11", "CHN")),
        # the author of what is welcomed is praised
        ("Kenya welcomed a statement by Ethiopia on the border.", ("KEN", "05", "ETH")),
        # a warrant names whom it is against
        ("Iraq issued an arrest warrant for the Turkish commander.", ("IRQ", "17", "TUR")),
        # an event noun's "of" phrase after its possessor
        ("Armenia's invasion of Azerbaijan was condemned.", ("ARM", "19", "AZE")),
        # a confrontation between two named parties
        ("There was a confrontation between Serbia and Kosovo.", ("SRB", "11", "KSV")),
    ],
)
def test_targets_found_in_the_phrase(coder: Coder, text: str, expected: tuple[str, ...]) -> None:
    assert expected in dyads(coded(coder, text))


def test_the_sources_own_country_as_object_is_not_the_target(coder: Coder) -> None:
    events = coded(coder, "The Brazilian president withdrew Brazil from a pact with Argentina.")
    assert events
    assert all(e.target is None or e.target.country != "BRA" for e in events)


def test_no_domestic_fallback_when_another_country_is_named(coder: Coder) -> None:
    events = coded(coder, "Iran issued arrest warrants for 20 people linked to Israel.")
    assert all(e.target is None or e.target.country != "IRN" for e in events)


def test_coordinated_subjects_of_a_joint_act_are_paired(coder: Coder) -> None:
    events = [
        e for e in coded(coder, "Peru, Chile and Bolivia met in Lima.") if e.root_code == "04"
    ]
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {
        ("PER", "CHL"),
        ("PER", "BOL"),
        ("CHL", "BOL"),
    }
    assert all(e.rule["target"].startswith("coordinated-subject") for e in events)


def pairs(events: list[Event], root: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.country, e.target.country if e.target else None)
        for e in events
        if e.root_code == root
    }


def test_every_listed_party_acts_with_every_later_one(coder: Coder) -> None:
    # a doerless passive "between" listing and a meeting "of" several parties
    signed = coded(coder, "A trade pact was signed between Kenya, Uganda and Tanzania in May.")
    assert pairs(signed, "05") == {("KEN", "UGA"), ("KEN", "TZA"), ("UGA", "TZA")}
    summit = coded(coder, "At the summit of Ghana, Togo and Benin, the leaders spoke of trade.")
    assert {("GHA", "TGO"), ("GHA", "BEN"), ("TGO", "BEN")} <= pairs(summit, "04")


def test_counterparts_meet_the_one_they_are_named_after(coder: Coder) -> None:
    text = "The Omani foreign minister and his Qatari and Kuwaiti counterparts met in Muscat."
    assert pairs(coded(coder, text), "04") == {("OMN", "QAT"), ("OMN", "KWT")}


def test_coordinated_subjects_of_a_one_sided_act_stay_separate(coder: Coder) -> None:
    events = coded(coder, "Norway and Sweden condemned the attack by the rebels in Mali.")
    assert {e.source.country for e in events if e.root_code == "11"} == {"NOR", "SWE"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The army cut off the internet and electricity in the capital of Sudan.", "1721"),
        ("Kenya released a statement on the border dispute with Somalia.", "010"),
        ("Ghana welcomed a delegation from Togo.", "043"),
    ],
)
def test_the_object_decides_the_sense(coder: Coder, text: str, code: str) -> None:
    assert code in {e.code for e in coded(coder, text)}


def test_an_event_that_sets_the_scene_is_its_own_event(coder: Coder) -> None:
    text = "After the confrontation between Serbia and Kosovo, the Russian minister met reporters."
    assert ("SRB", "11", "KSV") in dyads(coded(coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada levied sanctions against Venezuela.", ("CAN", "16", "VEN")),
        ("The Hungarian government is dismantling the alliance.", ("HUN", "16", None)),
    ],
)
def test_light_verbs_and_phrases(coder: Coder, text: str, expected: tuple[str, ...]) -> None:
    assert expected in dyads(coded(coder, text))


def test_a_person_coded_as_the_bare_country_stays_the_target(coder: Coder) -> None:
    # before taking office Biden is coded USA, the bare country: still a person, not "the US"
    text = "Trump accused Biden of lying about the deal."
    document = Document(id="t", text=text, date=dt.date(2020, 6, 1))
    events = [e for e in coder.code(document) if e.code.startswith("112")]
    assert [(e.source.code, e.target.name if e.target else None) for e in events] == [
        ("USAGOV", "Joe Biden")
    ]


def test_an_appeal_is_aimed_at_whom_it_asks_at_home_too(coder: Coder) -> None:
    # what the addressee is asked to do is no event of its own: the addressee is still asked
    text = "Trump asked the Senate to read the letter aloud."
    document = Document(id="t", text=text, date=dt.date(2019, 6, 1))
    events = [e for e in coder.code(document) if e.code.startswith("02")]
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("USAGOV", "USALEG")
    ]


def test_the_authors_of_a_statement_act_in_a_passive(coder: Coder) -> None:
    text = "Venezuela was criticised in a joint statement by Peru and Colombia on Friday."
    assert {("PER", "VEN"), ("COL", "VEN")} <= pairs(coded(coder, text), "11")
