"""Repealing a law that restricts or bans something lifts the restriction (halt frame), it is
no restriction by whoever repeals it (events/complements.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "Egypt has repealed its law restricting foreign aid groups.",
        "Egypt has repealed the law banning protests.",
        "The Chadian government revoked a decree banning opposition rallies.",
    ],
)
def test_repealing_a_restrictive_law_eases_it(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert codes and all(c.startswith("08") for c in codes), codes


def test_a_law_passed_to_ban_something_still_restricts(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = {e.code[:2] for e in asserted("Egypt passed a law banning protests.")}
    assert "08" not in codes
