"""Material acts found missing in real news (issue 9): armed forces giving up ground they
held (0874), a strike going on (143) and fighting off an attack (190), with the readings that
must stay no event (docs/verbs.md)."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(Document(id="t", text=text)) if e.modality == "asserted"]


def codes(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed forces leaving a place they held retreat (not humanitarian evacuation, 073)
        ("Russian soldiers evacuated their last stronghold.", ("RUSMIL", "0874", None)),
        ("The rebels abandoned their positions along the river.", ("REB", "0874", None)),
        # a strike that continues is still a strike
        ("Copper miners in Chile remained on strike on Monday.", ("CHLLAB", "143", "CHL")),
        ("Hospital nurses in Ghana are on strike.", ("GHAHLH", "143", "GHA")),
        # repelling an attack is fighting the attacker, not beating a person (182)
        ("Iraqi soldiers repelled an Iranian attack on the bridge.", ("IRQMIL", "190", "IRN")),
        ("Chadian troops beat back a Libyan assault on the airfield.", ("TCDMIL", "190", "LBY")),
        ("Iraqi soldiers repelled the Iranians near the bridge.", ("IRQMIL", "190", "IRN")),
    ],
)
def test_coder_material_act_phrasals(coder: Coder, text: str, expected: tuple) -> None:
    assert expected in codes(coded(coder, text))


@pytest.mark.parametrize(
    "text",
    [
        # a party or government abandoning a policy position is no retreat
        "The Kenyan government abandoned its position on import tariffs.",
        # students leaving their protest camp are not armed forces retreating
        "The students abandoned the camp they had set up outside parliament.",
        # fending off criticism is no fight
        "The minister fended off questions from the opposition.",
    ],
)
def test_coder_material_act_phrasals_negatives(coder: Coder, text: str) -> None:
    assert not {e.code for e in coded(coder, text)} & {"0874", "190", "182", "073"}
