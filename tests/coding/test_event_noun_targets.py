"""The event noun a light verb is coded with names the act, never whom it is aimed at: "voiced
his opposition" is no act against an opposition party (events/arguments.py). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

BEFORE = "Chile and Peru signed a fishing pact in Lima on Monday. "


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president voiced his opposition.",
        "The Kenyan foreign minister expressed strong opposition on Tuesday.",
    ],
)
def test_the_opposition_voiced_is_not_its_target(coder: Coder, text: str) -> None:
    events = [
        e for e in coder.code(Document(id="t", text=BEFORE + text)) if "Kenyan" in e.evidence.text
    ]
    assert events, "the Kenyan disapproval is coded"
    assert all(e.source.country == "KEN" for e in events)
    assert not any(e.target and e.target.code.endswith("OPP") for e in events)


def test_an_opposed_party_named_after_the_noun_is_the_target(coder: Coder) -> None:
    text = BEFORE + "The Kenyan president voiced his opposition to the plan by Uganda."
    targets = {
        e.target.country
        for e in coder.code(Document(id="t", text=text))
        if e.target and "Kenyan" in e.evidence.text
    }
    assert targets == {"UGA"}
