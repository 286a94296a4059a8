"""Scoring the event coder against gold sentences (docs/evaluation.md).

from dyadwatch.coding.coder import Coder
from dyadwatch.evaluation import evaluate_file
report = evaluate_file("gold/plover_gsr.dev.jsonl", Coder.load())
print(report.render(errors=20))
"""

from __future__ import annotations

from dyadwatch.evaluation.article_report import ArticleReport, evaluate_articles
from dyadwatch.evaluation.articles import GoldEvent, load_article_gold
from dyadwatch.evaluation.gold import GoldSet, gold_file_kind, load_gold
from dyadwatch.evaluation.report import EvaluationReport, SentenceOutcome, evaluate_file
from dyadwatch.evaluation.scoring import country_of, quad_of, v05_type

__all__ = [
    "ArticleReport",
    "EvaluationReport",
    "GoldEvent",
    "GoldSet",
    "SentenceOutcome",
    "country_of",
    "evaluate_articles",
    "evaluate_file",
    "gold_file_kind",
    "load_article_gold",
    "load_gold",
    "quad_of",
    "v05_type",
]
