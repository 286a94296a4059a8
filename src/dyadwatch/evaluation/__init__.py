"""Scoring the event coder against gold sentences (docs/evaluation.md).

from dyadwatch.coding.coder import Coder
from dyadwatch.evaluation import evaluate_file
report = evaluate_file("gold/plover_gsr.dev.jsonl", Coder.load())
print(report.render(errors=20))
"""

from __future__ import annotations

from dyadwatch.evaluation.gold import GoldSet, load_gold
from dyadwatch.evaluation.report import EvaluationReport, SentenceOutcome, evaluate_file
from dyadwatch.evaluation.scoring import country_of, quad_of, v05_type

__all__ = [
    "EvaluationReport",
    "GoldSet",
    "SentenceOutcome",
    "country_of",
    "evaluate_file",
    "load_gold",
    "quad_of",
    "v05_type",
]
