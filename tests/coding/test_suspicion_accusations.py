"""Suspecting an actor of an act is an accusation of it (112, verbs.tsv ``suspect``), like
alleging: "X suspects Y of Z", "X suspects Y did Z"; a "suspected" modifier is no act."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_suspecting_an_actor_of_an_act_accuses_it(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Lithuania suspects Belarus of sending the migrants across the border.")
    accusations = [e for e in events if e.code.startswith("112")]
    assert accusations and accusations[0].source.country == "LTU"
    assert accusations[0].target is not None and accusations[0].target.country == "BLR"


def test_suspecting_that_an_actor_acted_accuses_it(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Estonian investigators suspect Russia hacked the ministry's servers.")
    accusations = [e for e in events if e.code.startswith("112")]
    assert accusations and accusations[0].source.country == "EST"
    assert accusations[0].target is not None and accusations[0].target.country == "RUS"


def test_a_suspected_doer_is_no_accusation(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted("Suspected rebels ambushed an army convoy in northern Mali.")
    assert not [e for e in events if e.code.startswith("112")]
