"""Phrases that name no target: whom an act leaves out ("with the exception of X", "except
X") and what a country acts with ("with its own air force") (events/arguments.py)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def _targets(events: list[Event], root: str) -> list[str | None]:
    found = [e for e in events if e.code.startswith(root)]
    assert found, f"no event of root {root}: {[e.code for e in events]}"
    return [e.target.country if e.target else None for e in found]


def test_whom_the_act_leaves_out_is_no_target(asserted: Callable[[str], list[Event]]) -> None:
    text = "Kenya invited the countries to open dialogue, with the exception of Somalia."
    assert "SOM" not in _targets(asserted(text), "02")


def test_a_countrys_own_armed_force_after_with_is_its_means(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "In 2016, Nigeria began backing the government of Niger against the rebels, "
        "carrying out airstrikes with the Nigerian Air Force."
    )
    assert "NGA" not in _targets(asserted(text), "19")
    # another country's force after "with" is still a partner
    partner = "Nigeria held joint naval drills with the Ghanaian navy on Monday."
    assert _targets(asserted(partner), "06") == ["GHA"]
