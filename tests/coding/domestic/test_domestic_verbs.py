"""Verbs of domestic politics: legislatures impeaching and holding officials in contempt,
subpoenas, and courts ruling against a government."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def triples(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    events = coder.code(Document(id="d1", text=text))
    return [(e.code, e.source.code, e.target.code if e.target else None) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Brazilian Congress impeached the Brazilian president.", ("1121", "BRALEG", "BRAGOV")),
        (
            "Peruvian lawmakers voted to impeach the Peruvian president on Friday.",
            ("1121", "PERLEG", "PERGOV"),
        ),
        (
            "The Mexican senate held the Mexican finance minister in contempt.",
            ("1121", "MEXLEG", "MEXGOV"),
        ),
        (
            "The Kenyan parliament subpoenaed the Kenyan interior minister.",
            ("100", "KENLEG", "KENGOV"),
        ),
        (
            "The Chilean senate issued a subpoena to the Chilean defence minister.",
            ("100", "CHLLEG", "CHLGOV"),
        ),
        (
            "The Polish constitutional court ruled against the Polish government.",
            ("116", "POLJUD", "POLGOV"),
        ),
    ],
)
def test_domestic_political_verbs(
    coder: Coder, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in triples(coder, text)


def test_court_finding_an_act_unlawful_is_a_finding_against(coder: Coder) -> None:
    codes = [
        code
        for code, source, _ in triples(
            coder, "A court in Ghana found the presidential decree unconstitutional."
        )
        if source == "GHAJUD"
    ]
    assert codes == ["116"]


def test_holding_a_meeting_is_not_contempt(coder: Coder) -> None:
    codes = [
        code
        for code, _, _ in triples(
            coder, "The Kenyan parliament held a meeting with the Kenyan interior minister."
        )
    ]
    assert "1121" not in codes
