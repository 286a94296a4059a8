"""Talks named in a phrase that sets the scene of a clause: "X said after talks with Y" tells
that X met Y (040), the clause's subject being one party and the "with" phrase the other.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.code, e.target.country if e.target else None) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Austrian chancellor said after talks with the Slovenian premier that the dispute "
        "over the river dam was settled.",
        "Following talks with the Slovenian premier, the Austrian chancellor said the dam "
        "dispute was settled.",
    ],
)
def test_coder_setting_talks_with_a_partner_are_a_consultation(coder: Coder, text: str) -> None:
    assert ("AUT", "040", "SVN") in triples(coded(coder, text))


def test_coder_setting_talks_hoped_for_are_no_consultation(coder: Coder) -> None:
    text = "The Austrian chancellor said he hoped for talks with the Slovenian premier."
    assert ("AUT", "040", "SVN") not in triples(coded(coder, text))


def test_coder_setting_talks_without_a_partner_are_no_consultation(coder: Coder) -> None:
    text = "The Austrian chancellor said after long talks that the budget was settled."
    assert not any(e.code == "040" for e in coded(coder, text))
