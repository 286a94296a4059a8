"""Whoever a copula says is responsible for an act did it (verbs.tsv `responsible for`, a light
frame on the adjective)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_an_actor_responsible_for_killings_killed(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = asserted("The Ethiopian army was responsible for the killing of civilians in Tigray.")
    assert [(e.source.code, e.code[:2]) for e in found] == [("ETHMIL", "19")]


def test_holding_someone_responsible_is_no_act_of_theirs(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = asserted("The United States held Iran responsible for the attack on the tanker.")
    assert not [e for e in found if e.source.code == "IRN" and e.code[:2] in ("18", "19")]


def test_an_office_responsible_for_a_field_is_no_event(
    asserted: Callable[[str], list[Event]],
) -> None:
    found = asserted("The Kenyan ministry responsible for security hired more guards.")
    assert not [e for e in found if e.code[:2] in ("18", "19", "20")]
