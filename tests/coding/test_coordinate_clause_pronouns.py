"""A he/she subject opening a coordinate clause is the one person named before it, not the
subject of the first clause (coding/events/coreference.py; docs/verbs.md "Pronoun subjects")."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_the_asked_person_declines(asserted: Callable[[str], list[Event]]) -> None:
    text = "Journalists questioned Putin about the pipeline, but he declined to comment."
    events = asserted(text)
    declined = [e for e in events if e.code == "011"]
    assert declined and declined[0].source.code == "RUSGOV"


def test_the_asked_person_acts_in_the_coordinate_clause(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Reporters asked Erdogan about the talks, but he criticized Greece.")
    criticisms = [e for e in events if e.code == "111"]
    assert criticisms
    assert criticisms[0].source.country == "TUR"
    assert criticisms[0].target is not None and criticisms[0].target.country == "GRC"


def test_a_reported_clause_still_belongs_to_the_speaker(
    asserted: Callable[[str], list[Event]],
) -> None:
    events = asserted("Merkel said she would visit Poland next week.")
    assert all(e.source.country == "DEU" for e in events)
