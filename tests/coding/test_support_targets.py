"""Support expressed "for" someone is aimed at them: "voiced support for X" (the event noun's
"for" phrase names the target of 05 acts). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Triples = Callable[[str], set[tuple[str | None, str, str | None]]]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister voiced support for the Ugandan government.",
        "Kenya expressed its full support for Uganda.",
    ],
)
def test_support_for_someone_is_aimed_at_them(asserted_triples: Triples, text: str) -> None:
    assert any(
        src == "KEN" and code.startswith("05") and tgt == "UGA"
        for src, code, tgt in asserted_triples(text)
    )


def test_praise_keeps_its_object_over_the_reason(asserted_triples: Triples) -> None:
    found = asserted_triples("Kenya praised Uganda for its help to Somali refugees.")
    assert ("KEN", "051", "UGA") in found
