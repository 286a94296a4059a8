"""The quality gate: dev-gold scores must not fall below the floors in eval_baseline.json.

Lowering a floor means editing eval_baseline.json on purpose, in review; raising the scores
and then the floors is the way forward. Skips when ../shared (the gold files) is absent;
fails then under CI=true.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.evaluation import EvaluationReport, evaluate_file
from dyadwatch.settings import Settings

BASELINE = Path(__file__).with_name("eval_baseline.json")
FLOORS: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.load(Settings())


@pytest.fixture(scope="module")
def reports(coder: Coder, shared_file: Callable[[str], Path]) -> dict[str, EvaluationReport]:
    out: dict[str, EvaluationReport] = {}
    for name in FLOORS:
        out[name] = evaluate_file(shared_file(f"gold/{name}.jsonl"), coder)
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold", "metric"),
    [(gold, metric) for gold, metrics in FLOORS.items() for metric in metrics],
)
def test_eval_gate_score_at_or_above_floor(
    reports: dict[str, EvaluationReport], gold: str, metric: str
) -> None:
    score = reports[gold].metrics[metric]
    floor = FLOORS[gold][metric]
    assert score >= floor, f"{gold} {metric} fell to {score:.3f}, below its floor {floor}"


@pytest.mark.slow
def test_eval_gate_no_document_fails(reports: dict[str, EvaluationReport]) -> None:
    assert {name: r.failures for name, r in reports.items()} == dict.fromkeys(reports, 0)
