"""Sources and targets of acts between parties: international bodies coordinated with states,
targets nested in the object's phrases, conditions of threats, aid recipients, and company
spokespeople (docs/verbs.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Actor, Event

Dyad = tuple[str | None, str, str | None]


def party(actor: Actor | None) -> str | None:
    """A state actor's country, an international body's code."""
    if actor is None:
        return None
    return actor.country or actor.code


@pytest.fixture(scope="module")
def party_dyads(asserted: Callable[[str], list[Event]]) -> Callable[[str], set[Dyad]]:
    return lambda text: {(party(e.source), e.code[:2], party(e.target)) for e in asserted(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an international body coordinated with a state acts with it
        ("The African Union and Brazil held a summit on Monday.", ("IGOOAU", "04", "BRA")),
        ("The OSCE and Serbia signed an accord on Friday.", ("IGOSCE", "05", "SRB")),
        # a target one phrase deeper than the object's own
        ("Canada announced a ban on shipments to Venezuela.", ("CAN", "17", "VEN")),
        ("Japan imposed restrictions on exports of gas to Korea.", ("JPN", "17", "KOR")),
        # a threat is aimed at whom its condition names
        ("Turkey threatened to cut ties if Sweden admits the refugees.", ("TUR", "13", "SWE")),
        # what is given is no recipient, the one it goes to is
        ("Britain is supplying military trucks and radar data to Estonia.", ("GBR", "07", "EST")),
        # the "to" object the parser made the subject of a reduced clause
        (
            "Ecuador has granted asylum to two Colombian navy officers holed up in an embassy.",
            ("ECU", "07", "COL"),
        ),
        # a demand spelled out by a "that" clause hung on the verb
        ("Oxfam repeated its demand that Egypt open the crossing.", ("NGOXFM", "10", "EGY")),
        # a place of the source's own country is the last resort: the condition names X
        (
            "Morocco threatened to close schools in Rabat if Algeria sends troops.",
            ("MAR", "13", "DZA"),
        ),
        # whom a complement act is for
        ("Austria plans to impose restrictions for Romanian workers.", ("AUT", "13", "ROU")),
        # what is judged names its parties deeper in its phrase
        ("Kenya condemned the terms of the deal between Uganda and Rwanda.", ("KEN", "11", "RWA")),
        # an object pronoun of a conjoined verb is the first verb's object
        (
            "Uganda detained Rwandan troops and later expelled them.",
            ("UGA", "16", "RWA"),
        ),
        (
            "Chad denounced Sudanese General Abdel Fattah al-Burhan and threatened him.",
            ("TCD", "13", "SDN"),
        ),
        # a refusal lands where the refused act would have
        ("Brazil refused to station troops in Haiti.", ("BRA", "12", "HTI")),
        # a reaction is aimed at the author of the act it answers
        ("Norway recalled its envoy after the Russian incursion.", ("NOR", "16", "RUS")),
        ("Syria fired rockets in response to the Israeli raid.", ("SYR", "19", "ISR")),
        # a passive relative clause in the past acts on the noun it describes (one in the simple
        # present is a standing state: events/background.py)
        ("Kenyan troops, who were funded by Britain, crossed the border.", ("GBR", "07", "KEN")),
        # force on a thing meant for others lands on them
        ("A shelter for Syrian refugees was bombed by Russian jets.", ("RUS", "19", "SYR")),
    ],
)
def test_party_dyads(party_dyads: Callable[[str], set[Dyad]], text: str, expected: Dyad) -> None:
    assert expected in party_dyads(text)


def test_a_participle_of_consequence_shares_the_acts_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    # a different root from the killing, so one_per_act keeps both (events/background.py)
    events = asserted("Ethiopian police evicted a camp for Eritrean refugees, killing nine people.")
    killed = [e for e in events if e.rule.get("verb") == "verbs:kill"]
    assert killed and all(e.target is not None and e.target.country == "ERI" for e in killed)
