"""A lone "attacker" or "assailant" is an armed actor like "attackers" and "gunman" (UAF in
agents.tsv), so the act that stops them has a target."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_a_lone_attacker_shot_by_police_is_the_target(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = "In Marseille, the assailant was shot dead by French police on Sunday."
    shots = [e for e in asserted(text) if e.code.startswith("19")]
    assert shots and shots[0].target is not None
    assert shots[0].target.code.endswith("UAF")
