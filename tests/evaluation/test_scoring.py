"""Scoring rules of gold/README.md: PLOVER types, country-level actors, quad classes."""

from __future__ import annotations

import pytest

from dyadwatch.evaluation.gold import MulticopedRecord, PloverRecord
from dyadwatch.evaluation.scoring import (
    country_of,
    quad_of,
    score_multicoped,
    score_plover,
    v05_type,
)
from dyadwatch.model import Actor, Event, Evidence, Modality, Plover


def event(
    code: str, source: str, target: str | None = None, modality: Modality = "asserted"
) -> Event:
    return Event(
        id=f"{code}-{source}-{target}",
        doc_id="d",
        sentence_index=0,
        evidence=Evidence("text", 0, 4),
        source=Actor(source, source),
        target=Actor(target, target) if target else None,
        code=code,
        root_code=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(None),
        modality=modality,
    )


def gold(event_type: str, sources: tuple[str, ...], targets: tuple[str, ...] = ()) -> PloverRecord:
    return PloverRecord("g", "text", None, event_type, sources, targets)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("010", None), ("0234", None), ("036", "AGREE"), ("057", "AGREE"), ("051", "SUPPORT"),
        ("043", "CONSULT"), ("062", "COOPERATE"), ("073", "AID"), ("0813", "CONCEDE"),
        ("087", "RETREAT"), ("0874", "RETREAT"), ("091", "INVESTIGATE"), ("1053", "DEMAND"),
        ("111", "DISAPPROVE"), ("125", "REJECT"), ("1384", "THREATEN"), ("141", "PROTEST"),
        ("154", "MOBILIZE"), ("163", "SANCTION"), ("1662", "RETREAT"), ("173", "COERCE"),
        ("183", "ASSAULT"), ("195", "FIGHT"), ("202", "ASSAULT"),
    ],
)  # fmt: skip
def test_scoring_v05_type(code: str, expected: str | None) -> None:
    assert v05_type(code) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("CHNMIL", "CHN"), ("JAP", "JPN"), ("JAPGOV", "JPN"), ("ITL", "ITA"), ("IGOUNO", "IGO"),
        ("UNO", "IGO"), ("NAT", "IGO"), ("EEC", "IGO"), ("IGOEEC", "IGO"), ("NGOAMN", "IGO"),
        ("NGO", "NGO"), ("REB", "REB"),
    ],
)  # fmt: skip
def test_scoring_country_of(code: str, expected: str) -> None:
    assert country_of(code) == expected


@pytest.mark.parametrize(
    ("code", "quad"),
    [("010", 0), ("0256", 0), ("036", 1), ("057", 1), ("064", 2), ("0874", 2), ("091", 3),
     ("139", 3), ("141", 4), ("163", 4), ("2042", 4)],
)  # fmt: skip
def test_scoring_quad_of(code: str, quad: int) -> None:
    assert quad_of(code) == quad


def test_scoring_plover_source_and_dyad() -> None:
    pairs = [
        # right type and source; wrong target: source right, dyad wrong
        (gold("SANCTION", ("USA",), ("IRN",)), [event("163", "USAGOV", "IRQ")]),
        # one right (JAP = JPN, no gold target) and one wrong event
        (gold("AGREE", ("JAP",)), [event("036", "JPN"), event("111", "JPN")]),
        # right event but not asserted: not counted at all
        (gold("FIGHT", ("RUS",), ("UKR",)), [event("190", "RUS", "UKR", "hypothetical")]),
        # nothing produced
        (gold("AID", ("IGO",), ("LBR",)), []),
    ]
    scores = score_plover(pairs)
    assert scores["source"].precision == pytest.approx(2 / 3)
    assert scores["source"].recall == pytest.approx(2 / 4)
    assert scores["dyad"].precision == pytest.approx(1 / 3)
    assert scores["dyad"].recall == pytest.approx(1 / 4)
    p, r = 2 / 3, 2 / 4
    assert scores["source"].f1 == pytest.approx(2 * p * r / (p + r))


def test_scoring_multicoped_first_asserted_event_decides() -> None:
    pairs = [
        (MulticopedRecord("a", "t", 0), [event("111", "X", modality="negated"), event("010", "X")]),
        (MulticopedRecord("b", "t", 4), [event("190", "X"), event("010", "X")]),
        (MulticopedRecord("c", "t", 3), [event("190", "X")]),
        (MulticopedRecord("d", "t", 2), []),  # no event: wrong
    ]
    accuracy, macro, per_class = score_multicoped(pairs)
    assert accuracy == pytest.approx(2 / 4)
    assert per_class[0].f1 == pytest.approx(1.0)
    assert per_class[4].precision == pytest.approx(1 / 2)
    assert per_class[4].recall == pytest.approx(1.0)
    assert per_class[3].f1 == 0.0 and per_class[2].f1 == 0.0 and per_class[1].f1 == 0.0
    assert macro == pytest.approx((1.0 + 2 / 3) / 5)
