"""The article-level quality gate: whole-article scores stay within article_baseline.json.

The gold (gold/articles.*.jsonl) is ours; the articles' text is read from ../shared.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.evaluation import ArticleReport, evaluate_articles
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document
from dyadwatch.settings import Settings

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold"
BASELINE: dict[str, Any] = json.loads(
    Path(__file__).with_name("article_baseline.json").read_text(encoding="utf-8")
)
SEED_DATE = dt.date(2021, 8, 10)


@pytest.fixture(scope="module")
def reports(shared_dir: Path) -> dict[str, ArticleReport]:
    coder = Coder.load(Settings())
    corpus = [
        str(shared_dir / "corpora" / "wikinews.jsonl"),
        str(shared_dir / "seed" / "000_37ee3ca068ec43e6.txt"),
    ]
    out: dict[str, ArticleReport] = {}
    for name in BASELINE["floors"]:
        documents = [
            d for d in read_inputs(corpus, default_date=SEED_DATE) if isinstance(d, Document)
        ]
        out[name] = evaluate_articles(GOLD_DIR / f"{name}.jsonl", documents, coder)
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold", "metric"),
    [(gold, metric) for gold, metrics in BASELINE["floors"].items() for metric in metrics],
)
def test_article_gate_score_at_or_above_floor(
    reports: dict[str, ArticleReport], gold: str, metric: str
) -> None:
    score = reports[gold].metrics[metric]
    floor = BASELINE["floors"][gold][metric]
    assert score >= floor, f"{gold} {metric} fell to {score:.3f}, below its floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold", "metric"),
    [(gold, metric) for gold, metrics in BASELINE["ceilings"].items() for metric in metrics],
)
def test_article_gate_share_at_or_below_ceiling(
    reports: dict[str, ArticleReport], gold: str, metric: str
) -> None:
    share = reports[gold].metrics[metric]
    ceiling = BASELINE["ceilings"][gold][metric]
    assert share <= ceiling, f"{gold} {metric} rose to {share:.3f}, above {ceiling}"


@pytest.mark.slow
def test_article_gate_every_gold_article_is_in_the_corpus(
    reports: dict[str, ArticleReport],
) -> None:
    assert {n: r.unknown_articles for n, r in reports.items()} == dict.fromkeys(reports, ())
