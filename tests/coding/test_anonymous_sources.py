"""A source's wish to stay unnamed is no act (coding/events/false_verbs.py; docs/verbs.md):
"declined to be named" rejects nothing, where "refused to be named as X" still refuses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        '"The quota is full," said a Chilean trade official. He declined to be identified.',
        "The Chilean envoy refused to be quoted on the quota.",
    ],
)
def test_predicates_declining_to_be_named_is_no_rejection(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert not [c for c in codes if c.startswith("12")], codes


def test_predicates_refusing_a_named_role_is_a_rejection(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = [e.code for e in asserted("Peru refused to be named as a host of the summit.")]
    assert any(c.startswith("12") for c in codes), codes
