"""Acts that announcing them does: a leader announcing a resignation resigns (CAMEO 0831,
coding/events/frames.py ``ANNOUNCED_ACTS``), it is not an intent to change leadership (0341)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian prime minister told reporters on Friday that he would resign.",
        "Speaking in Lima, the Peruvian prime minister announced she will step down.",
    ],
)
def test_an_announced_resignation_is_the_resignation(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    codes = [e.code for e in asserted(text)]
    assert "0831" in codes
    assert not any(code.startswith("03") for code in codes)


def test_a_refused_resignation_is_still_a_rejection(
    asserted: Callable[[str], list[Event]],
) -> None:
    codes = [e.code for e in asserted("The Peruvian prime minister said he will not resign.")]
    assert "0831" not in codes
