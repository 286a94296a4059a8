"""Precision guards on the recall rules added in session 16 (issue 9): an agentless request
does not make the body asked into its own asker, union locals are labour and not local
residents, a named person attacking another person "on" a topic attacks with words, and an
outlook ("should expect", "should be in good shape") demands nothing of anyone."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Triple = tuple[str, str, str | None]


def _triples(events: list[Event]) -> set[Triple]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


def test_implied_agent_body_asked_is_not_its_own_asker(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("The Kenyan government was also urged to review its spending ceiling.")
    assert not [e for e in events if e.code.startswith("02")]


def test_implied_agent_still_asks_the_public(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the government stays the implied asker of people who are not itself
    triples = _triples(asserted("Residents of Nairobi were asked to boil their water."))
    assert ("KENGOV", "020", "KENCVL") in triples


def test_agents_union_locals_are_labour(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Union locals in Winnipeg, Canada, rejected the wage offer.")
    sources = {e.source.code for e in events}
    assert "CANLAB" in sources
    assert "CANCVL" not in sources


def test_agents_locals_alone_stay_civilians(
    asserted: Callable[[str], list[Event]],
) -> None:
    triples = _triples(asserted("The Ohio police urged locals to stay indoors."))
    assert any(t[2] is not None and t[2].endswith("CVL") for t in triples)


def test_predicates_person_attacked_on_a_topic_is_criticism(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = {e.code for e in asserted("Obama attacked Romney on cutting school budgets.")}
    assert "111" in codes
    assert not {c for c in codes if c[:2] in {"18", "19"}}


def test_predicates_person_attacking_a_camp_is_still_force(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = {e.code for e in asserted("Biden attacked the rebels' camp.")}
    assert {c for c in codes if c[:2] in {"18", "19"}}


def test_frames_should_expect_is_no_demand(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Danish central bank said the government should not expect higher revenue."
    assert not [e for e in asserted(text) if e.code.startswith("10")]


def test_frames_lowercase_proper_noun_state_is_no_demand(
    asserted: Callable[[str], list[Event]],
) -> None:
    # the tagger reads "treasury" as a proper noun; being in good shape is still no deed
    text = (
        '"Above all, the national treasury should be in sound shape," the Danish finance '
        "minister said."
    )
    assert not [e for e in asserted(text) if e.code.startswith("10")]


def test_frames_must_withdraw_stays_a_demand(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The Danish foreign minister said Russia must withdraw its troops from the border."
    assert [e for e in asserted(text) if e.code.startswith("10") and e.target is not None]


def test_implied_agent_still_arrests_its_own_member(
    asserted: Callable[[str], list[Event]],
) -> None:
    # only an appeal or demand needs someone else to make it: an arrest of a policeman by an
    # unnamed police force stays
    text = "A senior Sierra Leonean policeman was arrested on suspicion of fraud."
    assert [e for e in asserted(text) if e.code == "173"]
