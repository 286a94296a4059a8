"""Targets the coder finds beyond a verb's own object: named labels, authors of acts, the
place or country an act lands on, and what a promise is done with."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.records import fallback_target
from dyadwatch.model import Actor, Document, Event, Place


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calling someone something is a statement about them, not a phone call
        ("The Turkish president called the German chancellor a hypocrite.", ("TUR", "111", "DEU")),
        ("Venezuela called the American sanctions illegal.", ("VEN", "111", "USA")),
        ("Pakistan branded India a rogue state.", ("PAK", "111", "IND")),
        ("The Kenyan minister called the Ugandan envoy a partner.", ("KEN", "010", "UGA")),
        # a plain object is still the phone call
        ("The French president called Angela Merkel.", ("FRA", "041", "DEU")),
    ],
)
def test_calling_an_actor_something(coder: Coder, text: str, expected: tuple[str, ...]) -> None:
    assert expected in dyads(coded(coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # disapproval lands on what it is about, not on whom it is addressed to
        ("Cuba complained to the United Nations about American flights.", ("CUB", "114", "USA")),
        # the author of a condemned or investigated act is the target
        ("Chile condemned the shooting of students by Peruvian police.", ("CHL", "111", "PER")),
        ("Kenya is investigating abuses by Somali militias.", ("KEN", "09", "SOM")),
        # an event noun acted on names its target in its "of" phrase
        ("Egypt lifted the blockade of Libya.", ("EGY", "08", "LBY")),
        # what a promised act is done with is not its target
        ("Israel is ready to withdraw its soldiers from Lebanon.", ("ISR", "03", "LBN")),
        # a threat lands where the threatened act would happen
        ("Somali rebels threatened to resume bombings in Kenya.", ("SOM", "13", "KEN")),
        # aid for someone is aid to them
        ("Norway delivered food aid for Yemen.", ("NOR", "07", "YEM")),
        ("Norway suspended its aid program for Yemen.", ("NOR", "162", "YEM")),
        # military equipment given is military aid
        ("Australia gave Fiji three patrol boats.", ("AUS", "072", "FJI")),
    ],
)
def test_targets_beyond_the_object(coder: Coder, text: str, expected: tuple[str, ...]) -> None:
    source, code, target = expected
    found = dyads(coded(coder, text))
    assert any(s == source and c.startswith(code) and t == target for s, c, t in found), found


@pytest.mark.parametrize(
    ("text", "code_prefix", "target"),
    [
        # no target named: protest, repression and concessions are domestic
        ("Thousands of Bolivian miners marched on Tuesday.", "14", "BOL"),
        ("Zimbabwean police arrested forty activists.", "17", "ZWE"),
        # a restriction imposed in a city lands on its country
        ("The Malian government imposed a curfew in Bamako.", "17", "MLI"),
    ],
)
def test_fallback_targets(coder: Coder, text: str, code_prefix: str, target: str) -> None:
    events = [e for e in coded(coder, text) if e.code.startswith(code_prefix)]
    assert events, dyads(coded(coder, text))
    assert events[0].target is not None and events[0].target.country == target


def test_fallback_target_prefers_the_location() -> None:
    source = Actor(code="FRAGOV", name="Paris", country="FRA", sector="GOV")
    place = Place(name="Niamey", country="NER", lat=None, lon=None, feature="city")
    assert fallback_target("1723", source, place) == (
        Actor(code="NER", name="Niamey", country="NER"),
        "location",
    )
    found = fallback_target("141", source, None)
    assert found is not None and found[0].code == "FRA" and found[1] == "domestic: own country"


@pytest.mark.parametrize("code", ["040", "051", "111", "057"])
def test_fallback_target_leaves_other_acts_alone(code: str) -> None:
    source = Actor(code="FRAGOV", name="Paris", country="FRA", sector="GOV")
    place = Place(name="Niamey", country="NER", lat=None, lon=None, feature="city")
    assert fallback_target(code, source, place) is None


def test_reported_attack_is_the_attackers_attributed_to_the_speaker(coder: Coder) -> None:
    events = coder.code(
        Document(id="t", text="Britain claimed Russian troops attacked a Ukrainian town.")
    )
    attacks = [e for e in events if e.root_code in {"18", "19"}]
    assert attacks and attacks[0].source.country == "RUS"
    assert attacks[0].attributed_to is not None and attacks[0].attributed_to.startswith("GBR")
    assert not any(e.code == "015" for e in events)  # not Britain's claim of responsibility
