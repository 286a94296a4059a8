"""A verbal act in a participle after what was said is the speaker's when the reported clause
names no actor (coding/events/extractor.py ``_reported_participle``)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_an_appeal_after_the_reported_clause_is_the_speakers(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Kenya's foreign ministry said the ceasefire had collapsed, urging Somalia to pull back."
    appeals = [e for e in asserted(text) if e.code.startswith("02")]
    assert appeals and appeals[0].source.country == "KEN"
    assert appeals[0].target is not None and appeals[0].target.country == "SOM"


def test_an_act_of_force_after_the_reported_clause_is_not_the_speakers(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "Chilean officials said the flood hit the coast, killing nine people."
    assert not [e for e in asserted(text) if e.source.country == "CHL" and e.code[:2] >= "18"]


def test_a_named_actor_in_the_reported_clause_keeps_the_participle(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "The minister said Ukrainian farmers marched on the parliament, demanding subsidies."
    assert all(e.source.sector != "GOV" for e in asserted(text))
