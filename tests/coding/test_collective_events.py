"""Events of unnamed collectives (agents.tsv, actors/context.py): critics, locals and civic
groups act in the story's country; a foreigner named in their sentence does not make them
foreign."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Triple = tuple[str, str, str | None]


def triples(events: list[Event]) -> set[Triple]:
    return {(e.source.code, e.code[:3], e.target.code if e.target else None) for e in events}


def test_collective_events_critics_accuse_the_government(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "OTTAWA - The prime minister closed parliament for a month on Monday. "
        "Critics accused the prime minister of dodging a vote on the pipeline."
    )
    assert ("CAN", "112", "CANGOV") in triples(asserted(text))


def test_collective_events_locals_are_the_story_country_not_a_foreigners(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "A man attacked shoppers with a hammer at a market in Madrid on Saturday. "
        "Bystanders beat the attacker while a Belgian tourist shouted for help."
    )
    sources = {e.source.code for e in asserted(text)}
    assert "ESPCVL" in sources
    assert "BELCVL" not in sources


def test_collective_events_civic_groups_make_demands(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "NAIROBI - Parliament passed a new security law on Tuesday. "
        "Church groups and community groups urged the president to veto the law."
    )
    assert any(s == "KENCVL" and c.startswith("02") for s, c, _t in triples(asserted(text)))
